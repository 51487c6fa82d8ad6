"""Editing saved cases with optimistic locking: two workstations (two engines, two
services) on the same database, SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import EventKind, Urgency
from console.domain.errors import Refused
from console.domain.identity import Identity
from console.domain.validation import CaseDraft
from console.domain.workcalendar import WorkCalendar
from console.infra.database import make_engine, make_session_factory
from console.models import Agent, Case, CaseDeadline, CaseEvent, MatterCategory, Region
from console.services.case_edit import (
    CaseEditService,
    EditConflict,
)
from console.services.cases import CaseService
from console.services.claims import ClaimService
from console.services.errors import ValidationFailed
from console.services.numbers import register_workstation
from tests.helpers.queue_data import add_agents


def _who(sessions: sessionmaker[Session], username: str) -> Identity:
    with sessions() as s:
        a = s.scalars(select(Agent).where(Agent.username == username)).one()
        return Identity(a.id, a.username, a.display_name, a.role)


def _demand(sessions: sessionmaker[Session]) -> CaseDraft:
    with sessions() as s:
        cat = s.scalars(select(MatterCategory.id).where(MatterCategory.level == 3)).first()
        district = s.scalars(select(Region.id).where(Region.name == "南海区")).one()
    return CaseDraft(
        case_type="demand",
        sub_type="complaint",
        class_code="city",
        category_id=cat,
        district_id=district,
        address="桂城街道南海大道1号",
        caller_name="陈先生",
        caller_phone="13800138000",
        description="小区门口夜间施工噪音扰民，持续到凌晨两点",
    )


@pytest.fixture
def station2(db_url: str) -> Iterator[sessionmaker[Session]]:
    """The second workstation: its own engine and connection pool on the same database."""
    engine = make_engine(db_url)
    yield make_session_factory(engine)
    engine.dispose()


def _edit_service(sessions: sessionmaker[Session], host: str) -> CaseEditService:
    station = register_workstation(sessions, host)
    return CaseEditService(sessions, WorkCalendar, lambda: station)


def _new_case(sessions: sessionmaker[Session], who: Identity) -> int:
    station = register_workstation(sessions, "intake-host")
    svc = CaseService(sessions, WorkCalendar, lambda: station)
    return svc.create(_demand(sessions), who).id


def test_edit_saves_fields_and_records_edited_event(sessions: sessionmaker[Session]) -> None:
    admin = _who(sessions, "admin")
    case_id = _new_case(sessions, admin)
    svc = _edit_service(sessions, "ws-a")
    opened = svc.load(case_id, admin)
    assert opened.editable and opened.version >= 1
    mine = replace(
        opened.fields, address="桂城街道南海大道2号", caller_name="陈女士", title="夜间施工噪音"
    )
    saved = svc.save(opened, mine, admin)
    assert saved.version > opened.version
    assert saved.fields.address == "桂城街道南海大道2号" and saved.fields.title == "夜间施工噪音"
    with sessions() as s:
        ev = s.scalars(
            select(CaseEvent).where(
                CaseEvent.case_id == case_id, CaseEvent.kind == EventKind.EDITED
            )
        ).one()
        assert ev.detail["changes"]["address"] == ["桂城街道南海大道1号", "桂城街道南海大道2号"]
        assert ev.detail["changes"]["caller_name"] == ["陈先生", "陈女士"]
        assert set(ev.detail["changes"]) == {"address", "caller_name", "title"}
        assert ev.actor_name == admin.display_name


def test_saving_without_changes_writes_nothing(sessions: sessionmaker[Session]) -> None:
    admin = _who(sessions, "admin")
    case_id = _new_case(sessions, admin)
    svc = _edit_service(sessions, "ws-a")
    opened = svc.load(case_id, admin)
    again = svc.save(opened, opened.fields, admin)
    assert again.version == opened.version
    with sessions() as s:
        kinds = list(s.scalars(select(CaseEvent.kind).where(CaseEvent.case_id == case_id)))
    assert EventKind.EDITED not in kinds


def test_urgency_change_switches_policy_and_recomputes_deadlines(
    sessions: sessionmaker[Session],
) -> None:
    admin = _who(sessions, "admin")
    case_id = _new_case(sessions, admin)
    svc = _edit_service(sessions, "ws-a")
    opened = svc.load(case_id, admin)
    with sessions() as s:
        before = s.get(Case, case_id)
        assert before is not None
        due_before = before.next_due_at
    svc.save(opened, replace(opened.fields, urgency=Urgency.URGENT), admin)
    with sessions() as s:
        case = s.get(Case, case_id)
        assert case is not None
        codes = list(
            s.scalars(
                select(CaseDeadline.milestone_code)
                .where(CaseDeadline.case_id == case_id)
                .order_by(CaseDeadline.seq)
            )
        )
        ev = s.scalars(
            select(CaseEvent).where(
                CaseEvent.case_id == case_id, CaseEvent.kind == EventKind.EDITED
            )
        ).one()
    assert codes == ["contact", "on_scene", "feedback", "result"]  # the 1、2、1、3 rule
    assert ev.detail["policy"][1] == "urgent"
    assert case.next_due_at is not None and due_before is not None
    assert case.next_due_at < due_before  # contact within one hour


def test_second_workstation_is_refused_with_the_three_values(
    sessions: sessionmaker[Session], station2: sessionmaker[Session]
) -> None:
    admin = _who(sessions, "admin")
    case_id = _new_case(sessions, admin)
    a = _edit_service(sessions, "ws-a")
    b = _edit_service(station2, "ws-b")
    seen_a = a.load(case_id, admin)
    seen_b = b.load(case_id, admin)
    a.save(
        seen_a,
        replace(seen_a.fields, address="桂城街道南海大道3号", urgency=Urgency.URGENT),
        admin,
    )
    mine_b = replace(
        seen_b.fields, address="桂城街道海八路8号", description="夜间施工噪音，已持续一周"
    )
    with pytest.raises(EditConflict) as info:
        b.save(seen_b, mine_b, admin)
    c = info.value
    assert c.base.version == seen_b.version and c.current.version > seen_b.version
    by_field = {ch.field: ch for ch in c.merge.changes}
    addr = by_field["address"]
    assert (addr.base, addr.theirs, addr.mine) == (
        "桂城街道南海大道1号",
        "桂城街道南海大道3号",
        "桂城街道海八路8号",
    )
    assert c.merge.conflict_fields == ("address",)
    assert by_field["urgency"].changed_by_them and not by_field["urgency"].changed_by_me
    assert by_field["description"].changed_by_me and not by_field["description"].changed_by_them
    # nothing of B's was written
    with sessions() as s:
        case = s.get(Case, case_id)
        assert case is not None and case.address == "桂城街道南海大道3号"
        assert case.description.startswith("小区门口")
    # merge: keep mine for the address; theirs (urgent) and my description come along
    merged = c.merged({"address": "mine"})
    saved = b.save(c.current, merged, admin)
    assert saved.fields.address == "桂城街道海八路8号"
    assert saved.fields.urgency == Urgency.URGENT
    assert saved.fields.description == "夜间施工噪音，已持续一周"
    with sessions() as s:
        edits = list(
            s.scalars(
                select(CaseEvent)
                .where(CaseEvent.case_id == case_id, CaseEvent.kind == EventKind.EDITED)
                .order_by(CaseEvent.id)
            )
        )
    assert len(edits) == 2
    assert set(edits[1].detail["changes"]) == {"address", "description"}


def test_any_change_by_another_console_moves_the_version(
    sessions: sessionmaker[Session], station2: sessionmaker[Session]
) -> None:
    """A claim on another console bumps the version; an edit started before it is
    refused but merges cleanly (no field both changed)."""
    admin = _who(sessions, "admin")
    case_id = _new_case(sessions, admin)
    a = _edit_service(sessions, "ws-a")
    opened = a.load(case_id, admin)
    ClaimService(station2).release(case_id, admin)
    mine = replace(opened.fields, caller_name="陈女士")
    try:
        a.save(opened, mine, admin)
    except EditConflict as c:
        assert c.merge.clean
        a.save(c.current, c.merged({}), admin)
    assert a.load(case_id, admin).fields.caller_name == "陈女士"


def test_simultaneous_saves_exactly_one_wins(
    sessions: sessionmaker[Session], station2: sessionmaker[Session]
) -> None:
    admin = _who(sessions, "admin")
    case_id = _new_case(sessions, admin)
    a = _edit_service(sessions, "ws-a")
    b = _edit_service(station2, "ws-b")
    seen_a, seen_b = a.load(case_id, admin), b.load(case_id, admin)
    barrier = threading.Barrier(2)
    results: dict[str, object] = {}

    def run(name: str, svc: CaseEditService, seen: object, address: str) -> None:
        assert hasattr(seen, "fields")
        barrier.wait()
        try:
            results[name] = svc.save(seen, replace(seen.fields, address=address), admin)  # type: ignore[arg-type]
        except EditConflict as exc:
            results[name] = exc

    threads = [
        threading.Thread(target=run, args=("a", a, seen_a, "甲地址1号")),
        threading.Thread(target=run, args=("b", b, seen_b, "乙地址2号")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    conflicts = [r for r in results.values() if isinstance(r, EditConflict)]
    assert len(conflicts) == 1, results
    loser = conflicts[0]
    winner_address = a.load(case_id, admin).fields.address
    assert winner_address in ("甲地址1号", "乙地址2号")
    assert loser.current.fields.address == winner_address
    assert loser.mine.address != winner_address


def test_agents_edit_open_cases_they_hold_or_nobody_holds(
    sessions: sessionmaker[Session],
) -> None:
    admin = _who(sessions, "admin")
    one, two = add_agents(sessions, 2)
    case_id = _new_case(sessions, one)  # held by its creator
    svc = _edit_service(sessions, "ws-a")
    assert svc.load(case_id, one).editable
    opened = svc.load(case_id, two)
    assert opened.refusal == "held_by_other"
    with pytest.raises(Refused):
        svc.save(opened, replace(opened.fields, caller_name="某人"), two)
    assert svc.load(case_id, admin).editable
    # a confidential caller's details: only the agent holding the case (or a supervisor)
    secret = _new_case(sessions, one)
    opened = svc.load(secret, one)
    svc.save(opened, replace(opened.fields, caller_confidential=True), one)
    ClaimService(sessions).release(secret, one)
    assert svc.load(secret, two).refusal == "confidential"
    assert svc.load(secret, admin).editable


def test_an_edit_cannot_break_the_intake_rules(sessions: sessionmaker[Session]) -> None:
    admin = _who(sessions, "admin")
    case_id = _new_case(sessions, admin)
    svc = _edit_service(sessions, "ws-a")
    opened = svc.load(case_id, admin)
    bad = replace(opened.fields, caller_phone="12345", description="短", category_id=None, title="")
    with pytest.raises(ValidationFailed) as info:
        svc.save(opened, bad, admin)
    fields_codes = {(e.field, e.code) for e in info.value.errors}
    assert ("caller_phone", "phone_invalid") in fields_codes
    assert ("description", "too_short") in fields_codes
    assert ("category_id", "required") in fields_codes
    assert ("title", "required") in fields_codes
    with pytest.raises(ValidationFailed):
        svc.save(opened, replace(opened.fields, category_id=987654321), admin)


def test_confidential_caller_never_enters_the_edited_event(
    sessions: sessionmaker[Session],
) -> None:
    admin = _who(sessions, "admin")
    station = register_workstation(sessions, "intake-host")
    secret = replace(_demand(sessions), caller_confidential=True, sub_type="report")
    case_id = CaseService(sessions, WorkCalendar, lambda: station).create(secret, admin).id
    svc = _edit_service(sessions, "ws-a")
    opened = svc.load(case_id, admin)
    mine = replace(opened.fields, caller_name="王五", caller_phone="13700001111", title="新标题")
    svc.save(opened, mine, admin)
    with sessions() as s:
        # (on PostgreSQL the database logs the overwrite as an event of its own too)
        events = s.scalars(
            select(CaseEvent).where(
                CaseEvent.case_id == case_id, CaseEvent.kind == EventKind.EDITED
            )
        ).all()
        flat = str([e.detail for e in events])
        ev = next(e for e in events if "from_version" in e.detail)
    assert "王五" not in flat and "13700001111" not in flat and "陈先生" not in flat
    assert ev.detail["changes"]["caller_phone"] == ["(confidential)", "(confidential)"]
    # an agent holding the case cannot overwrite the identity
    agent = add_agents(sessions, 1)[0]
    ClaimService(sessions).assign([case_id], agent.agent_id, admin)
    opened = svc.load(case_id, agent)
    with pytest.raises(Refused):
        svc.save(opened, replace(opened.fields, caller_name="赵六"), agent)
