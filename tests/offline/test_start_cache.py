"""The offline start file: salted verifiers (never the password), the reference data as
last seen, readable by the user only."""

from __future__ import annotations

import os
import stat
from datetime import date, time
from pathlib import Path

from console.domain.casetypes import Role
from console.domain.identity import Identity
from console.domain.reference import Category, Choice, ReferenceData, RegionRef, UnitRef
from console.domain.shifts import ShiftDef
from console.domain.sla import Milestone, Policy, PolicyMatch
from console.offline.cache import StartCache, Verifier

WHO = Identity(7, "wang.li", "王丽", Role.AGENT, None, "city")
REF = ReferenceData(
    channels=(Choice("phone", "电话", "Phone"),),
    classes=(Choice("city", "城市管理", "City"),),
    categories=(Category(3, 2, 3, "噪音污染", "环境保护/环境污染/噪音污染"),),
    regions=(RegionRef(1, None, 1, "南海区"),),
    units=(UnitRef(12, "南海区城管局", "district", 1),),
    shifts=(ShiftDef("night", "夜班", time(0, 0), time(8, 0)),),
)
POLICY = Policy(
    4,
    "demand",
    2,
    "诉求",
    "exclusive",
    (Milestone("result", "办结", 3, "WORKDAYS", warn_minutes=60),),
    PolicyMatch(case_type="demand"),
    priority=1,
)


def test_verifier_accepts_the_password_only_and_keeps_no_trace_of_it() -> None:
    v = Verifier.make("Correct-Horse-9")
    assert v.matches("Correct-Horse-9")
    assert not v.matches("correct-horse-9")
    assert not v.matches("")
    other = Verifier.make("Correct-Horse-9")
    assert other.salt != v.salt and other.hash != v.hash  # a salt of its own each time
    assert "Correct-Horse-9" not in repr(v)


def test_person_checked_offline_right_and_wrong_password(tmp_path: Path) -> None:
    cache = StartCache.for_database(tmp_path, "postgresql+psycopg://db:5432/hotline")
    assert cache.check("wang.li", "pw") is None and not cache.known_person("wang.li")
    cache.remember_person(WHO, "Correct-Horse-9")
    assert cache.known_person("wang.li")
    assert cache.check("wang.li", "Correct-Horse-9") == WHO
    assert cache.check("wang.li", "wrong") is None
    assert cache.check("someone.else", "Correct-Horse-9") is None
    text = cache.path.read_text(encoding="utf-8")
    assert "Correct-Horse-9" not in text
    cache.forget_person("wang.li")  # the server refused it: no offline start with it
    assert cache.check("wang.li", "Correct-Horse-9") is None


def test_file_is_readable_by_the_user_only(tmp_path: Path) -> None:
    old = os.umask(0o022)  # a usual umask would give 0644
    try:
        cache = StartCache.for_database(tmp_path / "data", "postgresql+psycopg://db/hotline")
        cache.remember_person(WHO, "pw-1")
        cache.save_snapshot(REF, [POLICY], {date(2026, 10, 10): True}, "017")
    finally:
        os.umask(old)
    mode = stat.S_IMODE(cache.path.stat().st_mode)
    assert mode == 0o600, oct(mode)
    assert [p.name for p in cache.path.parent.iterdir()] == [cache.path.name]  # no tmp left


def test_snapshot_round_trip_and_one_file_per_database(tmp_path: Path) -> None:
    a = StartCache.for_database(tmp_path, "postgresql+psycopg://db:5432/hotline")
    b = StartCache.for_database(tmp_path, "postgresql+psycopg://db:5432/other")
    assert a.path != b.path
    assert a.snapshot() is None
    a.save_snapshot(REF, [POLICY], {date(2026, 10, 10): True}, "017")
    a.remember_person(WHO, "pw")  # keeps the snapshot
    snap = a.snapshot()
    assert snap is not None and b.snapshot() is None
    assert snap.reference == REF
    assert snap.policies == (POLICY,)
    assert snap.calendar_overrides == {date(2026, 10, 10): True}
    assert snap.station == "017" and a.station() == "017"


def test_damaged_file_is_ignored(tmp_path: Path) -> None:
    cache = StartCache.for_database(tmp_path, "k")
    cache.path.write_text("{not json", encoding="utf-8")
    assert cache.snapshot() is None and cache.check("wang.li", "pw") is None
    cache.remember_person(WHO, "pw")  # rewritten whole
    assert cache.check("wang.li", "pw") == WHO


def test_people_sharing_a_workstation_never_issue_the_same_number(tmp_path: Path) -> None:
    """Each person's outbox is a store of its own; the workstation's counter is shared."""
    from console.offline.shared import SharedCounterStore

    cache = StartCache.for_database(tmp_path, "postgresql+psycopg://db/hotline")
    day = date(2026, 12, 6)
    first = SharedCounterStore(tmp_path / "outbox-a.sqlite3", cache)
    second = SharedCounterStore(tmp_path / "outbox-b.sqlite3", cache)
    try:
        numbers = [first.issue_number("017", day) for _ in range(3)]
        numbers += [second.issue_number("017", day) for _ in range(2)]
        numbers.append(first.issue_number("017", day))
        assert numbers == [f"261206-017-{n:04d}" for n in range(1, 7)]
        assert cache.counter("017", day) == 6 and cache.counter("018", day) == 0
    finally:
        first.close()
        second.close()
