"""Claiming, assigning and auto-assigning cases, on SQLite and PostgreSQL: one holder per
case, always, and the loser is told who won."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.errors import Refused
from console.domain.identity import Identity
from console.infra.database import make_engine, make_session_factory
from console.models import Case, CaseEvent
from console.services.claims import AlreadyClaimed, CaseNotOpen, ClaimService
from console.services.errors import NotFound
from console.services.presence import PresenceService
from tests.helpers.queue_data import T0, add_agents, add_cases, admin


def _svc(sessions: sessionmaker[Session]) -> ClaimService:
    return ClaimService(sessions, lambda: "001")


def _holder(sessions: sessionmaker[Session], case_id: int) -> int | None:
    with sessions() as s:
        return s.execute(select(Case.assignee_id).where(Case.id == case_id)).scalar_one()


def _events(sessions: sessionmaker[Session], case_id: int) -> list[str]:
    with sessions() as s:
        return list(s.scalars(select(CaseEvent.kind).where(CaseEvent.case_id == case_id)))


def test_claim_next_takes_most_urgent_unassigned(sessions: sessionmaker[Session]) -> None:
    a, b = add_agents(sessions, 2)
    later = add_cases(sessions, 2, due=T0 + timedelta(hours=5))
    no_deadline = add_cases(sessions, 1, due=None)
    sooner = add_cases(sessions, 1, due=T0)
    add_cases(sessions, 1, due=T0 - timedelta(hours=9), assignee_id=b.agent_id)  # taken
    add_cases(sessions, 1, due=T0 - timedelta(hours=9), status="closed")  # not open
    svc = _svc(sessions)
    order = [svc.claim_next(a) for _ in range(5)]
    assert [c.case_id if c else None for c in order] == [*sooner, *later, *no_deadline, None]
    assert all(_holder(sessions, c.case_id) == a.agent_id for c in order if c)
    assert _events(sessions, sooner[0]) == ["claimed"]
    with sessions() as s:
        version = s.execute(select(Case.version).where(Case.id == sooner[0])).scalar_one()
    assert version == 2  # every holder change bumps the row version (optimistic locks)


def test_claim_next_of_a_team_stays_in_its_class(sessions: sessionmaker[Session]) -> None:
    (a,) = add_agents(sessions, 1, team="consumer")
    add_cases(sessions, 2, class_code="city", due=T0 - timedelta(hours=1))
    mine = add_cases(sessions, 1, class_code="consumer")
    svc = _svc(sessions)
    from console.services.agents import AgentService

    who = AgentService(sessions).sign_in(a.username)
    assert who.team == "consumer"  # the team comes with the signed-in identity
    got = svc.claim_next(who, team=who.team)
    assert got is not None and got.case_id == mine[0]
    assert svc.claim_next(who, team=who.team) is None


def test_claim_chosen_case_and_the_loser_is_told(sessions: sessionmaker[Session]) -> None:
    a, b = add_agents(sessions, 2)
    (cid,) = add_cases(sessions, 1)
    svc = _svc(sessions)
    got = svc.claim(cid, a)
    assert got.assignee_id == a.agent_id and not got.already_mine
    again = svc.claim(cid, a)
    assert again.already_mine
    with pytest.raises(AlreadyClaimed) as lost:
        svc.claim(cid, b)
    assert lost.value.holder == a.display_name and lost.value.number == got.number
    assert _holder(sessions, cid) == a.agent_id
    (closed,) = add_cases(sessions, 1, status="closed")
    with pytest.raises(CaseNotOpen):
        svc.claim(closed, b)
    with pytest.raises(NotFound):
        svc.claim(10_000_000, b)


def test_release_gives_the_case_back(sessions: sessionmaker[Session]) -> None:
    a, b = add_agents(sessions, 2)
    (cid,) = add_cases(sessions, 1)
    svc = _svc(sessions)
    svc.claim(cid, a)
    with pytest.raises(AlreadyClaimed):
        svc.release(cid, b)
    svc.release(cid, a)
    assert _holder(sessions, cid) is None
    assert svc.claim(cid, b).assignee_id == b.agent_id


def _race(db_url: str, case_id: int, who: list[Identity], claim_next: bool) -> list[object]:
    """Each contender on its own engine (its own connection), released together."""
    barrier = threading.Barrier(len(who))
    results: list[object] = [None] * len(who)

    def contender(i: int) -> None:
        engine = make_engine(db_url)
        try:
            svc = ClaimService(make_session_factory(engine), lambda: "001")
            with engine.connect() as c:  # connect before the start line
                c.exec_driver_sql("SELECT 1")
            barrier.wait()
            try:
                results[i] = svc.claim_next(who[i]) if claim_next else svc.claim(case_id, who[i])
            except Exception as exc:  # noqa: BLE001 - collected for the assertions
                results[i] = exc
        finally:
            engine.dispose()

    threads = [threading.Thread(target=contender, args=(i,)) for i in range(len(who))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


@pytest.mark.parametrize("rounds", [5])
def test_two_clients_racing_for_one_case_yield_one_owner(
    db_url: str, sessions: sessionmaker[Session], rounds: int
) -> None:
    a, b = add_agents(sessions, 2)
    for _ in range(rounds):
        (cid,) = add_cases(sessions, 1)
        results = _race(db_url, cid, [a, b], claim_next=False)
        winners = [r for r in results if not isinstance(r, Exception)]
        losers = [r for r in results if isinstance(r, Exception)]
        assert len(winners) == 1, results
        assert len(losers) == 1 and isinstance(losers[0], AlreadyClaimed), results
        assert _holder(sessions, cid) == winners[0].assignee_id  # type: ignore[attr-defined]
        assert _events(sessions, cid) == ["claimed"]


def test_many_clients_claiming_next_never_share_a_case(
    db_url: str, sessions: sessionmaker[Session]
) -> None:
    agents = add_agents(sessions, 6)
    ids = add_cases(sessions, 4)
    results = _race(db_url, 0, agents, claim_next=True)
    errors = [r for r in results if isinstance(r, Exception)]
    assert not errors, errors
    got = [r.case_id for r in results if r is not None]  # type: ignore[attr-defined]
    assert sorted(got) == sorted(ids)  # four cases, four claims, each once; two got None
    with sessions() as s:
        per_case = Counter(s.scalars(select(CaseEvent.case_id).where(CaseEvent.kind == "claimed")))
    assert set(per_case.values()) == {1}


def test_supervisor_assigns_and_reassigns_many(sessions: sessionmaker[Session]) -> None:
    a, b = add_agents(sessions, 2)
    (sup,) = add_agents(sessions, 1, role="supervisor")
    ids = add_cases(sessions, 3)
    svc = _svc(sessions)
    with pytest.raises(Refused):
        svc.assign(ids, b.agent_id, a)
    res = svc.assign(ids, a.agent_id, sup)
    assert [c.case_id for c in res.assigned] == ids and not res.conflicts
    # a stale screen: the supervisor saw case 0 with a, but b took it over meanwhile
    svc.assign([ids[0]], b.agent_id, sup)
    res = svc.assign(
        ids, b.agent_id, sup, expected={ids[0]: a.agent_id, ids[1]: a.agent_id, ids[2]: a.agent_id}
    )
    assert [c.case_id for c in res.assigned] == ids[1:]
    assert [(c.case_id, c.reason, c.holder) for c in res.conflicts] == [
        (ids[0], "changed", b.display_name)
    ]
    res = svc.assign([ids[2]], None, sup)  # back to the team queue
    assert _holder(sessions, ids[2]) is None
    assert _events(sessions, ids[1]) == ["assigned", "assigned"]


def test_auto_assign_is_fair_and_capped(sessions: sessionmaker[Session]) -> None:
    a, b, c = add_agents(sessions, 3, team="city")
    (other_team,) = add_agents(sessions, 1, team="consumer")
    (absent,) = add_agents(sessions, 1, team="city")
    (sup,) = add_agents(sessions, 1, role="supervisor")
    presence = PresenceService(sessions, lambda: "001")
    for who in (a, b, c, other_team):
        presence.heartbeat(who)
    add_cases(sessions, 2, assignee_id=a.agent_id)  # a already holds two
    ids = add_cases(sessions, 9, class_code="city")
    result = _svc(sessions).auto_assign(sup, team="city", cap=3)
    by = {k: len(v) for k, v in result.by_agent.items()}
    # room: a 1, b 3, c 3 -> 7 of the 9 cases; the two least urgent stay in the queue
    assert by == {a.agent_id: 1, b.agent_id: 3, c.agent_id: 3}
    assert result.total == 7
    given = sorted(cid for v in result.by_agent.values() for cid in v)
    assert given == ids[:7]
    with sessions() as s:
        loads = dict(
            s.execute(
                select(Case.assignee_id, func.count())
                .where(Case.assignee_id.is_not(None))
                .group_by(Case.assignee_id)
            ).all()
        )
    assert loads == {a.agent_id: 3, b.agent_id: 3, c.agent_id: 3}
    assert absent.agent_id not in loads and other_team.agent_id not in loads
    # the most urgent cases went round robin, not all to one agent
    first_three = {_holder(sessions, cid) for cid in ids[:3]}
    assert len(first_three) >= 2
    assert _svc(sessions).auto_assign(sup, team="city", cap=3).total == 0
    with pytest.raises(Refused):
        _svc(sessions).auto_assign(a, team="city")


def test_admin_can_assign(sessions: sessionmaker[Session]) -> None:
    (a,) = add_agents(sessions, 1)
    ids = add_cases(sessions, 2)
    res = _svc(sessions).assign(ids, a.agent_id, admin(sessions))
    assert len(res.assigned) == 2
