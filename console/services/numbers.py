"""Issuing case numbers and registering workstations (see console.domain.numbering)."""

from __future__ import annotations

import socket
from datetime import date

from sqlalchemy import case, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from console.domain.numbering import (
    MAX_SEQ_PER_DAY,
    day_key,
    first_free_station,
    format_case_number,
    parse_case_number,
)
from console.models import Case, NumberCounter, Workstation


def next_case_number(session: Session, station: str, day: date) -> str:
    """Next number of ``station`` for local ``day``, inside the caller's transaction."""
    return next_case_numbers(session, station, day, 1)[0]


def next_case_numbers(session: Session, station: str, day: date, count: int) -> list[str]:
    """The next ``count`` numbers of ``station`` for local ``day`` (two statements
    whatever the count), inside the caller's transaction."""
    key = day_key(day)
    dialect = session.get_bind().dialect.name
    ins = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(NumberCounter)
    # one statement: the day's first numbers, or the counter moved up by ``count``
    last = session.execute(
        ins.values(station=station, day=key, last_seq=count)
        .on_conflict_do_update(
            index_elements=["station", "day"],
            set_={"last_seq": NumberCounter.last_seq + ins.excluded.last_seq},
        )
        .returning(NumberCounter.last_seq)
    ).scalar_one()
    if last > MAX_SEQ_PER_DAY:
        raise RuntimeError(f"station {station} used all {MAX_SEQ_PER_DAY} numbers of {key}")
    return [format_case_number(day, station, seq) for seq in range(last - count + 1, last + 1)]


def register_workstation(
    sessions: sessionmaker[Session], hostname: str | None = None, attempts: int = 5
) -> str:
    """Give this installation a station code of its own (lowest free one)."""
    host = hostname or socket.gethostname()
    for _ in range(attempts):
        try:
            with sessions() as s, s.begin():
                taken = set(s.scalars(select(Workstation.code)))
                code = first_free_station(taken)
                s.add(Workstation(code=code, hostname=host))
            return code
        except IntegrityError:  # another workstation took it at the same moment
            continue
    raise RuntimeError("could not register a station code")


def station_known(sessions: sessionmaker[Session], code: str) -> bool:
    with sessions() as s:
        return s.get(Workstation, code) is not None


class NumberTaken(Exception):
    """A number issued by a workstation offline is already used by another case."""


def claim_case_number(session: Session, number: str, station: str) -> str:
    """Store a number the workstation issued itself (offline, or in advance so that an
    in-doubt save and its replay carry the same number), inside the caller's
    transaction. The station's counter for that day moves up to at least the number's
    sequence, so the central counter never issues it again."""
    from console.domain.numbering import parse_case_number
    from console.models import Case

    n = parse_case_number(number)
    if n.station != station:
        raise ValueError(f"number {number} is not of station {station}")
    key = day_key(n.day)
    dialect = session.get_bind().dialect.name
    ins = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(NumberCounter)
    session.execute(
        ins.values(station=station, day=key, last_seq=n.seq).on_conflict_do_update(
            index_elements=["station", "day"],
            set_={
                "last_seq": case(
                    (NumberCounter.last_seq < n.seq, n.seq), else_=NumberCounter.last_seq
                )
            },
        )
    )
    if session.scalars(select(Case.id).where(Case.number == number)).first() is not None:
        raise NumberTaken(number)
    return str(n)


def station_contact(sessions: sessionmaker[Session], station: str) -> None:
    """Tell the central database the station is in contact with an empty outbox: the
    database stamps the time itself (``hotline_station_contact``); cases replayed from
    the outbox later cannot claim to have been answered much before it. Nothing on
    SQLite (one workstation)."""
    with sessions() as s, s.begin():
        if s.get_bind().dialect.name == "postgresql":
            s.execute(text("SELECT public.hotline_station_contact(:s)"), {"s": station})


def counter_value(sessions: sessionmaker[Session], station: str, day: date) -> int:
    """The central counter of ``station`` for ``day`` (0 when nothing was issued)."""
    with sessions() as s:
        row = s.get(NumberCounter, (station, day_key(day)))
        return int(row.last_seq) if row is not None else 0


def catch_up_counter(session: Session, station: str, day: date) -> int:
    """Move ``station``'s counter for ``day`` past every number of that station and day
    the cases already use (numbers taken behind the counter's back: an offline save, a
    restored backup). Returns the counter's value."""
    key = day_key(day)
    prefix = f"{key}-{station}-"
    used = 0
    for number in session.scalars(select(Case.number).where(Case.number.startswith(prefix))):
        try:
            used = max(used, parse_case_number(number).seq)
        except ValueError:
            continue
    dialect = session.get_bind().dialect.name
    ins = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(NumberCounter)
    session.execute(
        ins.values(station=station, day=key, last_seq=0).on_conflict_do_nothing(
            index_elements=["station", "day"]
        )
    )
    return int(
        session.execute(
            update(NumberCounter)
            .where(NumberCounter.station == station, NumberCounter.day == key)
            .values(
                last_seq=case((NumberCounter.last_seq < used, used), else_=NumberCounter.last_seq)
            )
            .returning(NumberCounter.last_seq)
        ).scalar_one()
    )
