"""Keep taking calls when the central database is gone: a local SQLite store with an
outbox on every workstation, replayed in order and idempotently when the link returns.

- ``policy``: the rules (backoff schedule, link state machine, replay order, which
  errors are the network's and which are the server's refusal), plain Python.
- ``store``: the local store (its own small schema, created on open).
- ``service``: saving through the outbox and the replay thread.

No Qt here; ``console.ui.offline`` shows the state and the outbox.
"""
