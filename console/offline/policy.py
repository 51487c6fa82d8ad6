"""The outbox's rules, in plain Python: no Qt, no database.

The link is in one of three states:

- ``ONLINE``: saves go straight to the central database (the outbox is empty);
- ``OFFLINE``: the central database did not answer; saves go to the outbox, the link
  is probed on an exponential backoff schedule with jitter;
- ``REPLAYING``: the probe answered and the outbox is being sent, oldest first. New
  saves still go to the outbox behind what waits, so the order is kept.

Replay order: items are sent by their local sequence. An item the server refuses
(validation, a constraint) is *held* — kept, shown to a person with the reason — and
so is every later item about the same case (a note waits for its case); other items
go on. A network error stops the replay and the link goes offline again.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, TypeVar


class LinkState(StrEnum):
    ONLINE = "online"
    OFFLINE = "offline"
    REPLAYING = "replaying"


class ItemState(StrEnum):
    PENDING = "pending"  # waits to be sent
    HELD = "held"  # refused by the server: a person decides (retry, export, discard)
    DONE = "done"  # stored centrally
    DISCARDED = "discarded"  # a person discarded it (kept locally, never sent)


class Failure(StrEnum):
    TRANSIENT = "transient"  # the network or the server's availability: try again later
    REFUSED = "refused"  # the server said no: hold the item for a person


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with "full jitter" (AWS Architecture Blog, 2015): the n-th
    wait is uniform in [base·factor^n / 2, base·factor^n], capped, so that 300
    workstations that lost the link at the same moment do not all come back at the
    same moment."""

    base: float = 0.5
    factor: float = 2.0
    cap: float = 30.0
    jitter: float = 0.5  # fraction of the wait that is random

    def ceiling(self, attempt: int) -> float:
        return min(self.cap, self.base * self.factor ** max(0, min(attempt, 64)))

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        top = self.ceiling(attempt)
        r = (rng or random).random()
        return top * (1.0 - self.jitter) + top * self.jitter * r

    def schedule(self, attempts: int, rng: random.Random | None = None) -> list[float]:
        return [self.delay(i, rng) for i in range(attempts)]


class Link:
    """The link's state machine. Not thread-safe: its owner serialises the calls."""

    def __init__(self, initial: LinkState = LinkState.ONLINE) -> None:
        self.state = initial
        self.failures = 0  # consecutive failed probes/calls: the backoff attempt

    @property
    def online(self) -> bool:
        return self.state is LinkState.ONLINE

    def routes_to_outbox(self, waiting: int) -> bool:
        """Does a new save go to the outbox? Yes unless online with nothing waiting
        (a direct save would overtake what waits)."""
        return self.state is not LinkState.ONLINE or waiting > 0

    def failed(self) -> LinkState:
        """A probe, a save or a replay hit a network error."""
        self.failures += 1
        self.state = LinkState.OFFLINE
        return self.state

    def reachable(self, waiting: int) -> LinkState:
        """A probe answered (or a save went through)."""
        self.failures = 0
        self.state = LinkState.REPLAYING if waiting > 0 else LinkState.ONLINE
        return self.state

    def replayed(self, waiting: int) -> LinkState:
        """A replay pass ended without a network error; ``waiting`` items are still
        pending (saved meanwhile): another pass, else online."""
        if self.state is LinkState.OFFLINE:
            return self.state
        self.state = LinkState.REPLAYING if waiting > 0 else LinkState.ONLINE
        return self.state


class QueuedItem(Protocol):
    @property
    def seq(self) -> int: ...
    @property
    def case_key(self) -> str: ...
    @property
    def state(self) -> str: ...


T = TypeVar("T", bound=QueuedItem)


def replay_order(items: Iterable[T]) -> list[T]:
    """The pending items to send now, oldest first; items about a case that has a
    held item before them wait behind it (a note is never sent before its case)."""
    blocked: set[str] = set()
    out: list[T] = []
    for it in sorted(items, key=lambda i: i.seq):
        if it.state == ItemState.HELD:
            blocked.add(it.case_key)
        elif it.state == ItemState.PENDING:
            if it.case_key in blocked:
                continue
            out.append(it)
    return out


def classify(exc: BaseException) -> Failure:
    """Network trouble is transient; anything else the server raises is a refusal.
    SQLAlchemy's ``OperationalError``/``InterfaceError`` (connection refused, dropped,
    timed out, server shutting down) and timeouts are the network's; integrity errors,
    data errors and the services' own refusals are the server's answer."""
    from sqlalchemy import exc as sa_exc

    if isinstance(exc, (TimeoutError, ConnectionError, OSError)):
        return Failure.TRANSIENT
    if isinstance(exc, sa_exc.DBAPIError):
        if exc.connection_invalidated:
            return Failure.TRANSIENT
        if isinstance(exc, (sa_exc.OperationalError, sa_exc.InterfaceError)):
            return Failure.TRANSIENT
        return Failure.REFUSED
    if isinstance(exc, (sa_exc.TimeoutError, sa_exc.DisconnectionError)):
        return Failure.TRANSIENT
    return Failure.REFUSED
