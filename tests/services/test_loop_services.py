"""Closing the loop over the database, on SQLite and PostgreSQL: unit steps (lead and
assisting), the centre's review, returns and the bounce rule, extensions, the unit
inbox, callbacks with reopening (a new SLA round), supervision."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import EventKind, Role, Satisfaction, Status
from console.domain.identity import Identity
from console.domain.lifecycle import BOUNCE_LIMIT, CALLBACK_MAX_ATTEMPTS, CallbackVerdict
from console.domain.validation import CaseDraft
from console.domain.workcalendar import WorkCalendar
from console.models import (
    Agent,
    Case,
    CaseChange,
    CaseCoUnit,
    CaseDeadline,
    CaseEvent,
    HandlingUnit,
    MatterCategory,
    Region,
)
from console.services.callbacks import CallbackService
from console.services.cases import DISPATCH, CaseService
from console.services.errors import Conflict
from console.services.numbers import register_workstation
from console.services.supervision import SupervisionService
from console.services.units import Refused, UnitService

# Tuesday 2 June 2026, 10:00 in Foshan: an ordinary working day
T0 = datetime(2026, 6, 2, 2, 0, tzinfo=UTC)


def h(n: float) -> datetime:
    return T0 + timedelta(hours=n)


class World:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions
        station = register_workstation(sessions, "t")
        cal = WorkCalendar()
        self.cases = CaseService(sessions, lambda: cal, lambda: station)
        self.units = UnitService(sessions, lambda: cal, lambda: station)
        self.callbacks = CallbackService(sessions, lambda: cal, lambda: station)
        self.supervision = SupervisionService(sessions, lambda: station)
        with sessions() as s, s.begin():
            a = s.scalars(select(Agent).where(Agent.username == "admin")).one()
            self.admin = Identity(a.id, a.username, a.display_name, a.role)
            self.cat = s.scalars(select(MatterCategory.id).where(MatterCategory.level == 3)).first()
            self.district = s.scalars(select(Region.id).where(Region.level == 1)).first()
            self.u1, self.u2, self.u3 = list(
                s.scalars(select(HandlingUnit.id).order_by(HandlingUnit.id).limit(3))
            )
            people = []
            for username, role, unit in (
                ("agentx", Role.AGENT, None),
                ("supx", Role.SUPERVISOR, None),
                ("unitx1", Role.UNIT, self.u1),
                ("unitx2", Role.UNIT, self.u2),
            ):
                p = Agent(username=username, display_name=username, role=role, unit_id=unit)
                s.add(p)
                s.flush()
                people.append(Identity(p.id, p.username, p.display_name, p.role, p.unit_id))
            self.agent, self.sup, self.unit1, self.unit2 = people

    def case(self, *, co: tuple[int, ...] = (), at: datetime = T0, phone: str = "13800138000",
             unit: int | None = None) -> int:  # fmt: skip
        draft = CaseDraft(
            case_type="demand",
            sub_type="complaint",
            class_code="city",
            category_id=self.cat,
            district_id=self.district,
            caller_phone=phone,
            caller_anonymous=not phone,
            description="小区门口垃圾堆积多日无人清理，请处理",
        )
        saved = self.cases.create(
            draft, self.agent, action=DISPATCH, unit_id=unit or self.u1, now=at
        )
        if co:
            with self.sessions() as s, s.begin():
                for u in co:
                    s.add(CaseCoUnit(case_id=saved.id, unit_id=u, created_at=at))
        return saved.id

    def status(self, cid: int) -> str:
        with self.sessions() as s:
            return str(s.execute(select(Case.status).where(Case.id == cid)).scalar_one())

    def version(self, cid: int) -> int:
        with self.sessions() as s:
            return int(s.execute(select(Case.version).where(Case.id == cid)).scalar_one())

    def events(self, cid: int) -> list[tuple[str, dict[str, Any]]]:
        with self.sessions() as s:
            return [
                (k, dict(d or {}))
                for k, d in s.execute(
                    select(CaseEvent.kind, CaseEvent.detail)
                    .where(CaseEvent.case_id == cid)
                    .order_by(CaseEvent.id)
                )
            ]

    def deadlines(self, cid: int) -> dict[str, CaseDeadline]:
        with self.sessions() as s:
            return {
                d.milestone_code: d
                for d in s.scalars(select(CaseDeadline).where(CaseDeadline.case_id == cid))
            }


@pytest.fixture
def w(sessions: sessionmaker[Session]) -> World:
    return World(sessions)


def _close(w: World, cid: int, at: datetime = T0) -> None:
    u = w.units
    u.step(cid, w.unit1, w.u1, EventKind.ACCEPTED, at=at + timedelta(minutes=30))
    u.step(cid, w.unit1, w.u1, EventKind.REPLIED, "已清理", at=at + timedelta(hours=3))
    u.review(cid, w.agent, True, at=at + timedelta(hours=4))


def test_lead_unit_flow_review_and_send_back(w: World) -> None:
    cid = w.case()
    u = w.units
    assert w.deadlines(cid)["accept"].met_at is None
    v = w.version(cid)
    r = u.step(cid, w.unit1, w.u1, EventKind.ACCEPTED, expected_version=v, at=h(0.5))
    assert r.status == Status.ACCEPTED and r.version > v
    assert w.deadlines(cid)["accept"].met_at == h(0.5)  # the SLA clock moved
    u.step(cid, w.agent, w.u1, EventKind.CONTACTED, "电话联系了市民", at=h(1))
    u.step(cid, w.unit1, w.u1, EventKind.ON_SCENE, at=h(2))
    u.step(cid, w.unit1, w.u1, EventKind.PROGRESS, "已安排清运", at=h(3))
    assert w.status(cid) == Status.IN_PROGRESS
    u.step(cid, w.unit1, w.u1, EventKind.REPLIED, "已清理完毕", at=h(4))
    assert w.status(cid) == Status.REPLIED
    assert w.deadlines(cid)["result"].met_at == h(4)
    with pytest.raises(Refused) as e:
        u.review(cid, w.agent, False, "  ", at=h(5))
    assert e.value.code == "reason_required"
    u.review(cid, w.agent, False, "现场照片未附，请补充", at=h(5))
    assert w.status(cid) == Status.IN_PROGRESS
    assert w.deadlines(cid)["result"].met_at is None  # a refused result meets nothing
    u.step(cid, w.unit1, w.u1, EventKind.REPLIED, "已补充照片", at=h(6))
    r = u.review(cid, w.agent, True, at=h(7))
    assert r.status == Status.CLOSED
    assert w.deadlines(cid)["result"].met_at == h(6)
    ev = w.events(cid)
    kinds = [k for k, _ in ev]
    assert kinds == [
        "created", "dispatched", "accepted", "contacted", "on_scene", "progress", "replied",
        "sent_back", "replied", "closed",
    ]  # fmt: skip
    contacted = dict(ev)["contacted"]
    assert contacted == {"unit_id": w.u1, "unit": contacted["unit"], "unit_role": "lead",
                         "on_behalf": True, "text": "电话联系了市民"}  # fmt: skip
    assert dict(ev)["accepted"]["on_behalf"] is False  # the unit's own user
    assert dict(ev)["sent_back"] == {"unit_id": w.u1, "reason": "现场照片未附，请补充"}
    assert dict(ev)["closed"]["review"] == "accepted"
    with w.sessions() as s:  # every step fired the change feed
        n = s.execute(
            select(func.count()).select_from(CaseChange).where(CaseChange.case_id == cid)
        ).scalar_one()
    assert n >= 10


def test_refusals(w: World) -> None:
    cid = w.case()
    u = w.units
    with pytest.raises(Refused) as e:
        u.step(cid, w.unit1, w.u1, EventKind.CONTACTED, at=h(1))  # not acknowledged
    assert e.value.code == "not_allowed"
    with pytest.raises(Refused) as e:
        u.step(cid, w.unit2, w.u1, EventKind.ACCEPTED, at=h(1))  # someone else's unit
    assert e.value.code == "forbidden"
    with pytest.raises(Refused) as e:
        u.step(cid, w.unit2, w.u2, EventKind.ACCEPTED, at=h(1))  # not its case
    assert e.value.code == "not_your_case"
    with pytest.raises(Refused) as e:
        u.step(cid, w.unit1, w.u1, EventKind.RETURNED, "", at=h(1))
    assert e.value.code == "reason_required"
    with pytest.raises(Conflict):
        u.step(cid, w.unit1, w.u1, EventKind.ACCEPTED, expected_version=w.version(cid) - 1)
    with pytest.raises(Refused) as e:
        u.review(cid, w.agent, True, at=h(1))  # nothing to review yet
    assert e.value.code == "not_allowed"
    u.step(cid, w.unit1, w.u1, EventKind.ACCEPTED, at=h(1))
    u.step(cid, w.unit1, w.u1, EventKind.REPLIED, "ok", at=h(2))
    with pytest.raises(Refused) as e:
        u.review(cid, w.unit1, True, at=h(3))  # a unit does not review itself
    assert e.value.code == "forbidden"
    with pytest.raises(Refused):
        u.redispatch(cid, w.agent, w.u2, at=h(3))  # not returned
    assert [k for k, _ in w.events(cid)][-1] == "replied"  # refusals wrote nothing


def test_assisting_unit_steps(w: World) -> None:
    cid = w.case(co=(w.u2,))
    u = w.units
    assert [r.case_id for r in u.inbox(w.u2)] == [cid]
    assert u.inbox(w.u2)[0].unit_role == "assist"
    u.step(cid, w.unit2, w.u2, EventKind.ACCEPTED, at=h(0.5))
    assert w.status(cid) == Status.DISPATCHED  # the lead has not acknowledged
    assert w.deadlines(cid)["accept"].met_at is None  # and no clock moved
    with pytest.raises(Refused):
        u.step(cid, w.unit2, w.u2, EventKind.RETURNED, "不归我管", at=h(1))
    u.step(cid, w.unit2, w.u2, EventKind.PROGRESS, "已配合清运", at=h(1))
    u.step(cid, w.unit2, w.u2, EventKind.REPLIED, "协办完毕", at=h(2))
    assert u.inbox(w.u2) == []  # its part is done
    assert u.case(cid).assist_states == {w.u2: "replied"}
    last = w.events(cid)[-1]
    assert last == ("replied", {"unit_id": w.u2, "unit": last[1]["unit"], "unit_role": "assist",
                                "on_behalf": False, "reply": "协办完毕"})  # fmt: skip


def test_return_redispatch_and_bounce_rule(w: World) -> None:
    cid = w.case()
    u = w.units
    units = [w.u1, w.u2, w.u3, w.u1, w.u2]
    escalations = []
    for i in range(BOUNCE_LIMIT + 2):
        who = Identity(w.agent.agent_id, "agentx", "agentx", Role.AGENT)
        r = u.step(cid, who, units[i], EventKind.RETURNED, "非本单位职责", at=h(i + 0.2))
        escalations.append(r.escalated)
        assert w.status(cid) == Status.RETURNED
        assert u.inbox(units[i]) == []
        u.redispatch(cid, w.agent, units[i + 1], at=h(i + 0.5))
        assert w.status(cid) == Status.DISPATCHED
        assert [x.case_id for x in u.inbox(units[i + 1])] == [cid]
    # the third return (more than BOUNCE_LIMIT) escalates, once while it is open
    assert escalations == [False, False, True, False]
    esc = [d for k, d in w.events(cid) if k == "escalated"]
    assert esc == [{"reason": "bounced", "returns": 3, "text": "returned 3 times"}]
    (notice,) = u.notices(None, kind="escalated")
    assert notice.case_id == cid
    with pytest.raises(Refused):
        u.resolve_notice(notice.id, w.agent)  # supervisors close escalations
    u.resolve_notice(notice.id, w.sup)
    assert u.notices(None, kind="escalated") == []
    redis = [d for k, d in w.events(cid) if k == "dispatched"][1]
    assert redis["redispatch"] is True and redis["unit_id"] == w.u2


def test_extension_request_and_decisions(w: World) -> None:
    cid = w.case()
    u = w.units
    u.step(cid, w.unit1, w.u1, EventKind.ACCEPTED, at=h(0.5))
    result_due = w.deadlines(cid)["result"].due_at
    assert result_due is not None
    want = result_due + timedelta(days=3)
    with pytest.raises(Refused) as e:
        u.step(cid, w.unit1, w.u1, EventKind.EXTENSION_REQUESTED, "需协调多个部门",
               milestone="result", due_at=result_due - timedelta(hours=1), at=h(1))  # fmt: skip
    assert e.value.code == "not_later"
    with pytest.raises(Refused) as e:
        u.step(cid, w.unit1, w.u1, EventKind.EXTENSION_REQUESTED, "太迟",
               milestone="result", due_at=want, at=result_due + timedelta(hours=1))  # fmt: skip
    assert e.value.code == "too_late"
    u.step(cid, w.unit1, w.u1, EventKind.EXTENSION_REQUESTED, "需协调多个部门",
           milestone="result", due_at=want, at=h(1))  # fmt: skip
    with pytest.raises(Refused) as e:
        u.step(cid, w.unit1, w.u1, EventKind.EXTENSION_REQUESTED, "再次",
               milestone="result", due_at=want, at=h(1.5))  # fmt: skip
    assert e.value.code == "already_pending"
    (pending,) = u.pending_extensions()
    assert pending[0] == cid and pending[2].due_at == want and pending[2].unit_id == w.u1
    with pytest.raises(Refused):
        u.decide_extension(cid, w.unit1, "result", True, at=h(2))
    u.decide_extension(cid, w.agent, "result", True, "同意", at=h(2))
    d = w.deadlines(cid)["result"]
    assert d.due_at == want and d.original_due_at == result_due
    assert u.pending_extensions() == []
    with pytest.raises(Refused) as e:
        u.decide_extension(cid, w.agent, "result", False, at=h(3))
    assert e.value.code == "nothing_pending"
    # refused: the deadline stays
    u.step(cid, w.unit1, w.u1, EventKind.EXTENSION_REQUESTED, "再延",
           milestone="result", due_at=want + timedelta(days=2), at=h(3))  # fmt: skip
    u.decide_extension(cid, w.sup, "result", False, "理由不足", at=h(4))
    assert w.deadlines(cid)["result"].due_at == want
    approved = [d for k, d in w.events(cid) if k == "extension_approved"][0]
    assert approved["milestone"] == "result" and approved["unit_id"] == w.u1


def test_unit_inbox_contents_and_order(w: World) -> None:
    later = w.case(at=T0)
    sooner = w.case(at=T0 - timedelta(days=2))
    other = w.case(unit=w.u2)
    done = w.case()
    _close(w, done)
    assisted = w.case(unit=w.u3, co=(w.u1,))
    rows = w.units.inbox(w.u1)
    ids = [r.case_id for r in rows]
    assert other not in ids and done not in ids
    assert set(ids) == {later, sooner, assisted}
    assert ids.index(sooner) < ids.index(later)  # by time left
    dues = [r.next_due_at for r in rows]
    assert dues == sorted(dues, key=lambda d: (d is None, d))
    w.supervision.remind([later], w.sup, "请尽快签收", at=h(1))
    by_id = {r.case_id: r for r in w.units.inbox(w.u1)}
    assert by_id[later].notices == 1 and by_id[sooner].notices == 0
    assert by_id[assisted].unit_role == "assist"
    replied = w.case()
    w.units.step(replied, w.unit1, w.u1, EventKind.ACCEPTED, at=h(1))
    w.units.step(replied, w.unit1, w.u1, EventKind.REPLIED, "已处理", at=h(2))
    assert replied not in [r.case_id for r in w.units.inbox(w.u1)]  # with the centre
    assert replied in [r.case_id for r in w.units.awaiting_centre()]


def test_supervision_reminders_and_escalation(w: World) -> None:
    cid = w.case(at=T0 - timedelta(days=5))
    sv = w.supervision
    assert cid in [r.case_id for r in sv.overdue(now=T0)]
    with pytest.raises(Refused):
        sv.remind([cid], w.agent, "请处理", at=h(0))  # supervisors only
    assert sv.remind([cid], w.sup, "该件已超时，请今日内签收", at=h(0)) == 1
    sv.supervise(cid, w.sup, "督办：限期办结", level=2, at=h(1))
    notices = w.units.notices(w.u1)
    assert [n.kind for n in notices] == ["supervised", "reminded"]
    assert w.units.notices(w.u2) == []
    ev = w.events(cid)
    assert ev[-2] == ("reminded", {"unit_id": w.u1, "unit": ev[-2][1]["unit"],
                                   "text": "该件已超时，请今日内签收"})  # fmt: skip
    assert ev[-1][1]["level"] == 2
    with pytest.raises(Refused):
        w.units.resolve_notice(notices[0].id, w.unit2)  # not its unit
    w.units.resolve_notice(notices[0].id, w.unit1)
    assert len(w.units.notices(w.u1)) == 1
    sv.escalate(cid, w.agent, "市民多次来电投诉", at=h(2))
    assert w.events(cid)[-1] == ("escalated", {"reason": "manual", "text": "市民多次来电投诉"})
    assert [n.case_id for n in w.units.notices(None, kind="escalated")] == [cid]


def test_callback_unreachable_after_retries(w: World) -> None:
    cid = w.case()
    _close(w, cid)
    cb = w.callbacks
    closed = h(4)
    (row,) = cb.queue(now=closed + timedelta(minutes=5))
    assert row.case_id == cid and row.attempts == 0 and row.due_at == closed + timedelta(hours=48)
    t = closed + timedelta(hours=1)
    for n in range(1, CALLBACK_MAX_ATTEMPTS):
        r = cb.attempt(cid, w.agent, "无人接听", at=t)
        assert r.attempts == n and not r.unreachable and r.status == Status.CLOSED
        assert cb.queue(now=t) == []  # not before the retry interval
        (later,) = cb.queue(now=t, include_later=True)
        assert later.attempts == n
        t += timedelta(hours=3)
        assert [x.case_id for x in cb.queue(now=t)] == [cid]
    r = cb.attempt(cid, w.agent, "关机", at=t)
    assert r.unreachable and r.status == Status.VISITED
    assert cb.queue(now=t + timedelta(days=3), include_later=True) == []
    visited = [d for k, d in w.events(cid) if k == "visited"]
    assert visited == [{"satisfaction": None, "solved": None, "unit_fault": False,
                        "unreachable": True, "attempts": CALLBACK_MAX_ATTEMPTS,
                        "comment": "关机", "round": 1, "unit_id": w.u1}]  # fmt: skip
    attempts = [d["attempt"] for k, d in w.events(cid) if k == "callback_attempt"]
    assert attempts == list(range(1, CALLBACK_MAX_ATTEMPTS + 1))


def test_callback_verdicts(w: World) -> None:
    ok = w.case()
    _close(w, ok)
    r = w.callbacks.record(ok, w.agent, CallbackVerdict(Satisfaction.BASICALLY, solved=False,
                                                        comment="还有少量"), at=h(6))  # fmt: skip
    assert r.status == Status.VISITED and r.reopened_round is None
    (v,) = [d for k, d in w.events(ok) if k == "visited"]
    assert (v["satisfaction"], v["solved"], v["unit_fault"], v["unreachable"]) == (
        "basically_satisfied", False, False, False)  # fmt: skip
    with pytest.raises(Refused):  # already visited
        w.callbacks.record(ok, w.agent, CallbackVerdict(Satisfaction.SATISFIED, True), at=h(7))
    anon = w.case(phone="")
    _close(w, anon)
    assert anon not in [x.case_id for x in w.callbacks.queue(now=h(6))]  # cannot be called


def test_unsatisfied_unit_fault_reopens_with_a_new_sla_round(w: World) -> None:
    cid = w.case(co=(w.u2,))
    w.units.step(cid, w.unit2, w.u2, EventKind.ACCEPTED, at=h(0.2))
    _close(w, cid)
    first = w.deadlines(cid)
    assert first["result"].met_at == h(3)
    with pytest.raises(Refused) as e:
        w.callbacks.record(cid, w.agent, CallbackVerdict(Satisfaction.UNSATISFIED, False, True))
    assert e.value.code == "reason_required"
    reopen_at = h(30)
    r = w.callbacks.record(
        cid, w.agent,
        CallbackVerdict(Satisfaction.UNSATISFIED, solved=False, unit_fault=True,
                        comment="垃圾又堆起来了，单位敷衍"),
        at=reopen_at,
    )  # fmt: skip
    assert r.reopened_round == 2 and r.status == Status.DISPATCHED
    assert w.status(cid) == Status.DISPATCHED
    d = w.deadlines(cid)
    assert d["result"].start_at == reopen_at and d["result"].met_at is None
    assert d["result"].due_at is not None and d["result"].due_at > first["result"].due_at  # type: ignore[operator]
    assert d["accept"].start_at == reopen_at and d["accept"].met_at is None
    with w.sessions() as s:
        c = s.get(Case, cid)
        assert c is not None and c.closed_at is None and c.unit_id == w.u1
        assert c.next_milestone == "accept"
    # the lead unit finds it in its inbox again; the assisting unit starts afresh
    assert cid in [x.case_id for x in w.units.inbox(w.u1)]
    assert w.units.case(cid).assist_states == {} and w.units.case(cid).round == 2
    kinds = [k for k, _ in w.events(cid)]
    assert kinds[-3:] == ["visited", "reopened", "dispatched"]
    assert kinds.count("replied") == 1 and kinds.count("closed") == 1  # round 1 kept
    reopened = [d for k, d in w.events(cid) if k == "reopened"][0]
    assert reopened == {"round": 2, "reason": "垃圾又堆起来了，单位敷衍", "unit_id": w.u1}
    # round 2 runs to a new closure and a new callback of round 2
    _close(w, cid, at=reopen_at)
    assert w.deadlines(cid)["result"].met_at == reopen_at + timedelta(hours=3)
    (row,) = w.callbacks.queue(now=reopen_at + timedelta(hours=5))
    assert row.round == 2 and row.attempts == 0
    w.callbacks.record(cid, w.agent, CallbackVerdict(Satisfaction.SATISFIED, True), at=h(40))
    assert w.status(cid) == Status.VISITED
    rounds = [d["round"] for k, d in w.events(cid) if k == "visited"]
    assert rounds == [1, 2]


def test_concurrent_acknowledgements_record_one(w: World) -> None:
    """Four consoles acknowledge the same case at once (the unit's user and agents on its
    behalf): one wins, the others are told the step no longer applies."""
    import threading

    cid = w.case()
    results: list[str] = []
    lock = threading.Lock()

    def ack(who: Identity) -> None:
        try:
            w.units.step(cid, who, w.u1, EventKind.ACCEPTED, at=h(1))
            out = "ok"
        except Refused as exc:
            out = exc.code
        with lock:
            results.append(out)

    threads = [threading.Thread(target=ack, args=(p,)) for p in (w.unit1, w.agent, w.sup, w.admin)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["not_allowed"] * 3 + ["ok"]
    assert [k for k, _ in w.events(cid)].count("accepted") == 1
