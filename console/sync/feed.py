"""The change feed: what any workstation saved, told to every open screen.

Database triggers (migration 0003) append a row to ``case_changes`` for every inserted
or updated case and every change of the case an agent has open. A client remembers
the last sequence it has seen and reads what came after:

- PostgreSQL: the trigger also sends ``NOTIFY case_changes``; a dedicated listening
  connection (psycopg 3, autocommit) wakes the reader within milliseconds. Nothing is
  ever executed on that connection inside its ``notifies()`` loop (that hangs psycopg);
  the rows are read through the ordinary engine.
- SQLite: no notifications between processes; the reader polls the sequence
  (an indexed ``seq > ?`` read, microseconds) every ``poll_seconds``.

On PostgreSQL a sequence number is taken when a row is inserted but becomes visible
only at commit, so a later number may be seen before an earlier one: the cursor keeps
the numbers it is missing for ``HOLE_GRACE`` before it gives up on them (a rolled-back
transaction leaves a hole for ever).

If the database stops answering, the feed reports ``online=False`` and keeps trying;
once it answers again it reports ``online=True`` and a ``resync`` so that screens
re-read everything they show. No Qt here: the UI bridges the callbacks to signals.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, delete, func, literal, select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.clock import now_utc
from console.infra.database import make_session_factory
from console.infra.logs import safe_error
from console.models import CaseChange, UtcDateTime

log = logging.getLogger("console.sync")

NOTIFY_CHANNEL = "case_changes"
#: how long a missing sequence number is waited for (PostgreSQL commit order)
HOLE_GRACE = 10.0
#: changes older than this are pruned from the table (clients catch up by re-reading)
KEEP = timedelta(hours=1)
PRUNE_EVERY = 600.0
READ_LIMIT = 5000
STOP_WAIT = 0.5
#: seconds a call on the listening connection may take (a link that swallows traffic)
LISTEN_CALL_TIMEOUT = 5.0


@dataclass(frozen=True)
class Change:
    seq: int
    case_id: int
    kind: str  # insert | update | presence | resync (seq 0: re-read everything)


RESYNC = Change(0, 0, "resync")


class ChangeCursor:
    """Where a client is in the feed. Not thread-safe: one reader thread owns it."""

    def __init__(self, grace: float = HOLE_GRACE, clock: Callable[[], float] = time.monotonic):
        self.low = 0  # every sequence <= low has been delivered or given up
        self._seen: set[int] = set()  # delivered sequences above low
        self._holes: dict[int, float] = {}  # missing sequence -> when first missed
        self._grace = grace
        self._clock = clock
        self.started = False

    def start_at_latest(self, session: Session) -> None:
        """Skip history: only what happens from now on is news."""
        latest = session.execute(select(func.max(CaseChange.seq))).scalar()
        self.low = int(latest or 0)
        self._seen.clear()
        self._holes.clear()
        self.started = True

    def read(self, session: Session) -> list[Change]:
        if not self.started:
            self.start_at_latest(session)
            return []
        rows = session.execute(
            select(CaseChange.seq, CaseChange.case_id, CaseChange.kind)
            .where(CaseChange.seq > self.low)
            .order_by(CaseChange.seq)
            .limit(READ_LIMIT)
        ).all()
        out = [Change(int(s), int(c), str(k)) for s, c, k in rows if int(s) not in self._seen]
        self._seen.update(c.seq for c in out)
        self._advance()
        return out

    def _advance(self) -> None:
        now = self._clock()
        while self._seen or self._holes:
            nxt = self.low + 1
            if nxt in self._seen:
                self._seen.discard(nxt)
                self._holes.pop(nxt, None)
                self.low = nxt
                continue
            if not self._seen:
                self._holes.clear()  # nothing seen beyond: no hole, just the end
                break
            since = self._holes.setdefault(nxt, now)
            if now - since >= self._grace:
                del self._holes[nxt]
                self.low = nxt  # a rolled-back or very late transaction: give up
                continue
            break
        # record the other holes' first-missed time too
        if self._seen:
            top = max(self._seen)
            for s in range(self.low + 1, min(top, self.low + 1000)):
                if s not in self._seen:
                    self._holes.setdefault(s, now)

    @property
    def waiting(self) -> int:
        return len(self._holes)


def prune(session: Session, keep: timedelta = KEEP, now: datetime | None = None) -> int:
    """Delete old changes, always keeping the newest row (SQLite would otherwise reuse
    sequence numbers once the table is empty)."""
    cutoff = (now or now_utc()) - keep
    newest = select(func.max(CaseChange.seq)).scalar_subquery()
    done = session.execute(
        delete(CaseChange).where(
            CaseChange.at < literal(cutoff, UtcDateTime()), CaseChange.seq < newest
        )
    )
    return int(done.rowcount or 0)  # type: ignore[attr-defined]


OnChanges = Callable[[list[Change]], None]
OnState = Callable[[bool], None]


class ChangeFeed:
    """A reader thread delivering changes to ``on_changes`` (called on that thread)."""

    def __init__(
        self,
        engine: Engine,
        on_changes: OnChanges,
        on_state: OnState = lambda _online: None,
        *,
        poll_seconds: float = 2.0,
        listen_check_seconds: float = 5.0,
        retry_seconds: float = 2.0,
        prune_every: float | None = PRUNE_EVERY,
    ) -> None:
        self._engine = engine
        self._sessions: sessionmaker[Session] = make_session_factory(engine)
        self._on_changes = on_changes
        self._on_state = on_state
        self._poll = poll_seconds
        self._listen_check = listen_check_seconds
        self._retry = retry_seconds
        self._prune_every = prune_every
        self._last_prune = time.monotonic()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.cursor = ChangeCursor()
        self.online: bool | None = None
        self._listen_conn: Any = None
        self.uses_notify = engine.dialect.name == "postgresql"

    # --- life cycle --------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="change-feed", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # --- the loop ----------------------------------------------------------------------
    def _set_state(self, online: bool) -> None:
        if online == self.online:
            return
        was = self.online
        self.online = online
        log.info("change feed %s", "online" if online else "offline")
        self._on_state(online)
        if online and was is False:
            self._on_changes([RESYNC])  # whatever happened meanwhile: re-read

    def read_now(self) -> list[Change]:
        """One read of the feed (also used by tests and the poller)."""
        with self._sessions() as s:
            changes = self.cursor.read(s)
        if self._prune_every is not None and time.monotonic() - self._last_prune > (
            self._prune_every
        ):
            self._last_prune = time.monotonic()
            with self._sessions() as s, s.begin():
                n = prune(s)
            if n:
                log.debug("pruned %d old changes", n)
        return changes

    def _deliver(self) -> None:
        changes = self.read_now()
        self._set_state(True)
        if changes:
            self._on_changes(changes)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if self.uses_notify:
                    self._listen()
                else:
                    self._deliver()
                    self._stop.wait(self._poll)
            except Exception as exc:  # noqa: BLE001 - the environment: report and retry
                if self._stop.is_set():
                    break
                log.warning("change feed: %s", safe_error(exc))
                self._set_state(False)
                self._stop.wait(self._retry)
        self._close_listener()

    def _listen(self) -> None:
        import psycopg

        url = self._engine.url.set(drivername="postgresql")
        from console.infra.deadline import TCP_OPTIONS, deadline

        conn = psycopg.connect(
            url.render_as_string(hide_password=False),
            autocommit=True,
            connect_timeout=5,
            application_name="hotline-console-listen",
            **TCP_OPTIONS,
        )
        self._listen_conn = conn
        try:
            with deadline(conn, LISTEN_CALL_TIMEOUT):
                conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
            self._deliver()  # catch up with what happened before LISTEN
            last_check = time.monotonic()
            while not self._stop.is_set():
                woke = False
                # short waits, so that stop() is noticed within STOP_WAIT seconds
                for _n in conn.notifies(timeout=STOP_WAIT, stop_after=1):
                    woke = True
                if self._stop.is_set():
                    break
                if woke:
                    # the notifies() generator has ended: the connection is free again
                    self._deliver()
                    last_check = time.monotonic()
                elif time.monotonic() - last_check >= self._listen_check:
                    # quiet: check the connection and pick up given-up holes
                    with deadline(conn, LISTEN_CALL_TIMEOUT):
                        conn.execute("SELECT 1")
                    self._deliver()
                    last_check = time.monotonic()
        finally:
            self._close_listener()

    def _close_listener(self) -> None:
        conn, self._listen_conn = self._listen_conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001
                pass
