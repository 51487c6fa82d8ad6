"""Queue views, filters and paging in every direction, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.clock import now_utc
from console.models import MatterCategory
from console.services.preferences import PreferenceService
from console.services.queue import (
    PageKey,
    QueueFilter,
    QueueQuery,
    QueueService,
    QueueSort,
    QueueView,
    page_key,
)
from tests.helpers.queue_data import add_agents, add_cases


def test_paging_forward_backward_offset_and_end_agree(sessions: sessionmaker[Session]) -> None:
    add_cases(sessions, 17)
    add_cases(sessions, 6, due=None)  # no deadline: after the others
    add_cases(sessions, 3, status="closed", due=None)
    q = QueueService(sessions)
    for sort in QueueSort:
        query = QueueQuery(QueueView.OPEN, sort)
        everything = [r.id for r in q.page(query, None, limit=100)]
        assert len(everything) == 23 == q.count(query)
        # forward in pages of 4
        seen, after = [], None
        while page := q.page(query, after, limit=4):
            seen += [r.id for r in page]
            after = page_key(query, page[-1])
        assert seen == everything
        # backward from the end in pages of 5
        back: list[int] = []
        first = q.page(query, limit=5, from_end=True)
        back = [r.id for r in first]
        before: PageKey | None = page_key(query, first[0])
        while page := q.page(query, limit=5, before=before):
            back = [r.id for r in page] + back
            before = page_key(query, page[0])
        assert back == everything
        for offset in (0, 3, 16, 17, 20):
            assert [r.id for r in q.page(query, limit=4, offset=offset)] == everything[
                offset : offset + 4
            ]
        w = q.window(query, 10, 5, anchor=page_key(query, q.page(query, limit=10)[-1]))
        assert w.total == 23 and w.start == 10 and [r.id for r in w.rows] == everything[10:15]


def test_views(sessions: sessionmaker[Session]) -> None:
    now = now_utc()
    (a,) = add_agents(sessions, 1)
    breached = add_cases(sessions, 2, due=now - timedelta(hours=2))
    soon = add_cases(sessions, 1, due=now + timedelta(hours=1))
    later = add_cases(sessions, 1, due=now + timedelta(days=2), assignee_id=a.agent_id)
    dispatched = add_cases(sessions, 1, due=now + timedelta(days=2), status="dispatched")
    callback = add_cases(sessions, 1, status="closed", due=None)
    add_cases(sessions, 1, status="closed", due=None, case_type="consultation")
    q = QueueService(sessions)

    def ids(view: QueueView, **kw: object) -> list[int]:
        return [r.id for r in q.page(QueueQuery(view, **kw), limit=50)]  # type: ignore[arg-type]

    assert ids(QueueView.BREACHED) == breached
    assert ids(QueueView.DUE_SOON) == soon
    assert ids(QueueView.MINE, agent_id=a.agent_id) == later
    assert ids(QueueView.UNASSIGNED) == breached + soon + dispatched
    assert ids(QueueView.AWAITING_UNIT) == dispatched
    assert ids(QueueView.CALLBACKS) == callback
    assert len(ids(QueueView.ALL)) == 7


def test_filters_and_saved_filters(sessions: sessionmaker[Session]) -> None:
    with sessions() as s:
        leaf = s.scalars(select(MatterCategory).where(MatterCategory.level == 3)).first()
        assert leaf is not None and leaf.parent_id is not None
        top = s.get(MatterCategory, leaf.parent_id)
        assert top is not None and top.parent_id is not None
        root = top.parent_id
    noise = add_cases(sessions, 2, description="噪音扰民", caller_phone="13900001111")
    refund = add_cases(sessions, 1, class_code="consumer", description="商家拒绝退款")
    with sessions() as s, s.begin():
        from console.models import Case

        c = s.get(Case, refund[0])
        assert c is not None
        c.category_id = leaf.id
        c.urgency = "urgent"
        c2 = s.get(Case, noise[1])
        assert c2 is not None
        c2.caller_confidential = True
    q = QueueService(sessions)

    def ids(f: QueueFilter) -> list[int]:
        return [r.id for r in q.page(QueueQuery(QueueView.OPEN, filter=f), limit=50)]

    assert ids(QueueFilter(text="退款")) == refund
    assert ids(QueueFilter(text="噪音")) == noise
    assert ids(QueueFilter(text="1390000")) == noise[:1]  # a confidential caller is not found
    assert ids(QueueFilter(class_codes=("consumer",))) == refund
    assert ids(QueueFilter(urgencies=("urgent",))) == refund
    assert ids(QueueFilter(category_ids=(root,))) == refund  # a category finds its subtree
    assert ids(QueueFilter(text="50%_")) == []  # LIKE wildcards are plain text
    number = q.page(QueueQuery(QueueView.OPEN), limit=1)[0].number
    assert len(ids(QueueFilter(text=number))) == 1

    (who,) = add_agents(sessions, 1)
    prefs = PreferenceService(sessions)
    f = QueueFilter(class_codes=("consumer",), text="退款")
    prefs.save_filter(who, "退款", QueueView.DUE_SOON, f)
    prefs.save_filter(who, "退款", QueueView.OPEN, f)  # same name: replaced
    (saved,) = prefs.filters(who)
    assert saved.view is QueueView.OPEN and saved.filter == f
    prefs.delete_filter(who, saved.id)
    assert prefs.filters(who) == []
