"""The workstation's local store: an SQLite file in the user's data directory (apart
from the demo database) holding the outbox and this station's number counters.

Its schema is its own small metadata, created on open. Every write is one short
``BEGIN IMMEDIATE`` transaction with ``synchronous=FULL``: once a save returns, the case
is on the workstation's disk and survives the console being killed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid as uuidlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    event,
    func,
    select,
    update,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from console.domain.clock import now_utc
from console.domain.numbering import day_key, format_case_number
from console.infra import paths
from console.infra.database import make_engine
from console.offline.policy import ItemState, replay_order

log = logging.getLogger("console.sync")

CASE = "case"
NOTE = "note"

metadata = MetaData()

outbox = Table(
    "outbox",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("item_uuid", String(36), nullable=False, unique=True),
    Column("kind", String(8), nullable=False),  # case | note
    Column("case_key", String(40), nullable=False),  # the case it is about (order)
    Column("number", String(20)),  # the number the caller was given
    Column("payload", Text, nullable=False),  # JSON, see console.offline.service
    Column("created_at", String(32), nullable=False),  # ISO UTC
    Column("state", String(12), nullable=False, index=True),
    Column("attempts", Integer, nullable=False, default=0),
    Column("reason", Text, nullable=False, default=""),  # why the server refused it
    Column("error_code", String(32), nullable=False, default=""),
    Column("result_number", String(20)),  # the number stored centrally
    Column("result_case_id", Integer),
    Column("updated_at", String(32), nullable=False),
)

counters = Table(
    "counters",
    metadata,
    Column("station", String(3), primary_key=True),
    Column("day", String(6), primary_key=True),
    Column("last_seq", Integer, nullable=False),
)


@dataclass(frozen=True)
class OutboxItem:
    seq: int
    item_uuid: uuidlib.UUID
    kind: str
    case_key: str
    number: str | None
    payload: dict[str, Any]
    created_at: datetime
    state: str
    attempts: int
    reason: str
    error_code: str
    result_number: str | None
    result_case_id: int | None


@dataclass(frozen=True)
class OutboxCounts:
    pending: int
    held: int

    @property
    def waiting(self) -> int:
        """Everything not yet stored centrally (what the status bar shows)."""
        return self.pending + self.held


def default_store_path() -> Path:
    return paths.data_dir() / "outbox.sqlite3"


def store_path_for(key: str) -> Path:
    """One store per central database and installation (its items belong there)."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    return paths.data_dir() / f"outbox-{digest}.sqlite3"


def _row(r: Any) -> OutboxItem:
    return OutboxItem(
        seq=int(r.seq),
        item_uuid=uuidlib.UUID(r.item_uuid),
        kind=r.kind,
        case_key=r.case_key,
        number=r.number,
        payload=json.loads(r.payload),
        created_at=datetime.fromisoformat(r.created_at),
        state=r.state,
        attempts=int(r.attempts),
        reason=r.reason or "",
        error_code=r.error_code or "",
        result_number=r.result_number,
        result_case_id=r.result_case_id,
    )


def _full_sync(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA secure_delete=ON")  # a sent item's data does not linger on disk
    cur.close()


class LocalStore:
    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        if str(self.path) != ":memory:":
            paths.private_file(self.path)  # SQLite gives its -wal/-shm files the same mode
        self.engine: Engine = make_engine(self.path)
        event.listen(self.engine, "connect", _full_sync)
        metadata.create_all(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # --- numbers -------------------------------------------------------------------
    def issue_number(self, station: str, day: date) -> str:
        """The next number of this station for ``day``, issued here."""
        key = day_key(day)
        with self.engine.begin() as c:
            c.execute(
                sqlite_insert(counters)
                .values(station=station, day=key, last_seq=0)
                .on_conflict_do_nothing()
            )
            seq = c.execute(
                update(counters)
                .where(counters.c.station == station, counters.c.day == key)
                .values(last_seq=counters.c.last_seq + 1)
                .returning(counters.c.last_seq)
            ).scalar_one()
        return format_case_number(day, station, int(seq))

    def raise_counter(self, station: str, day: date, seq: int) -> None:
        """The central counter is at ``seq``: never issue it or anything below again."""
        key = day_key(day)
        with self.engine.begin() as c:
            c.execute(
                sqlite_insert(counters)
                .values(station=station, day=key, last_seq=seq)
                .on_conflict_do_update(
                    index_elements=["station", "day"],
                    set_={"last_seq": func.max(counters.c.last_seq, seq)},
                )
            )

    def counter(self, station: str, day: date) -> int:
        with self.engine.connect() as c:
            v = c.execute(
                select(counters.c.last_seq).where(
                    counters.c.station == station, counters.c.day == day_key(day)
                )
            ).scalar()
        return int(v or 0)

    # --- the outbox ----------------------------------------------------------------
    def enqueue(
        self,
        kind: str,
        item_uuid: uuidlib.UUID,
        case_key: str,
        number: str | None,
        payload: dict[str, Any],
        at: datetime | None = None,
    ) -> OutboxItem:
        """Queue an item (the same ``item_uuid`` twice is queued once)."""
        now = (at or now_utc()).isoformat()
        with self.engine.begin() as c:
            c.execute(
                sqlite_insert(outbox)
                .values(
                    item_uuid=str(item_uuid),
                    kind=kind,
                    case_key=case_key,
                    number=number,
                    payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
                    created_at=now,
                    state=ItemState.PENDING,
                    attempts=0,
                    reason="",
                    error_code="",
                    updated_at=now,
                )
                .on_conflict_do_nothing(index_elements=["item_uuid"])
            )
            r = c.execute(select(outbox).where(outbox.c.item_uuid == str(item_uuid))).one()
        return _row(r)

    def get(self, seq: int) -> OutboxItem | None:
        with self.engine.connect() as c:
            r = c.execute(select(outbox).where(outbox.c.seq == seq)).first()
        return _row(r) if r is not None else None

    def to_replay(self) -> list[OutboxItem]:
        """What to send now, in order (console.offline.policy.replay_order)."""
        with self.engine.connect() as c:
            rows = c.execute(
                select(outbox)
                .where(outbox.c.state.in_([ItemState.PENDING, ItemState.HELD]))
                .order_by(outbox.c.seq)
            ).all()
        return replay_order(_row(r) for r in rows)

    def items(self, states: Iterable[str] | None = None) -> list[OutboxItem]:
        q = select(outbox).order_by(outbox.c.seq)
        if states is not None:
            q = q.where(outbox.c.state.in_(list(states)))
        with self.engine.connect() as c:
            return [_row(r) for r in c.execute(q)]

    def counts(self) -> OutboxCounts:
        """Pending = what the replay can send now; held = refused items and the items
        waiting behind them (the same case)."""
        with self.engine.connect() as c:
            rows = c.execute(
                select(outbox.c.seq, outbox.c.case_key, outbox.c.state).where(
                    outbox.c.state.in_([ItemState.PENDING, ItemState.HELD])
                )
            ).all()
        ready = len(replay_order(rows))
        return OutboxCounts(ready, len(rows) - ready)

    def _set(self, seq: int, **values: Any) -> None:
        values["updated_at"] = now_utc().isoformat()
        with self.engine.begin() as c:
            c.execute(update(outbox).where(outbox.c.seq == seq).values(**values))

    def mark_done(self, seq: int, number: str, case_id: int | None) -> None:
        self._set(
            seq,
            state=ItemState.DONE,
            payload="{}",  # sent: the citizen's data leaves the workstation's disk
            result_number=number,
            result_case_id=case_id,
            reason="",
            error_code="",
        )

    def mark_attempt(self, seq: int, reason: str) -> None:
        with self.engine.begin() as c:
            c.execute(
                update(outbox)
                .where(outbox.c.seq == seq)
                .values(
                    attempts=outbox.c.attempts + 1,
                    reason=reason[:2000],
                    updated_at=now_utc().isoformat(),
                )
            )

    def hold(self, seq: int, code: str, reason: str) -> None:
        """The server refused the item: keep it for a person to decide."""
        with self.engine.begin() as c:
            c.execute(
                update(outbox)
                .where(outbox.c.seq == seq)
                .values(
                    state=ItemState.HELD,
                    attempts=outbox.c.attempts + 1,
                    error_code=code,
                    reason=reason[:2000],
                    updated_at=now_utc().isoformat(),
                )
            )
        log.warning("outbox item %d held: %s %s", seq, code, reason)

    def retry(self, seq: int, payload: dict[str, Any] | None = None) -> None:
        """A person sends a held item again (with a corrected payload if given)."""
        values: dict[str, Any] = {"state": ItemState.PENDING}
        if payload is not None:
            values["payload"] = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        self._set(seq, **values)

    def discard(self, seq: int) -> None:
        """A person discarded a held item: kept in the file, never sent."""
        self._set(seq, state=ItemState.DISCARDED)
