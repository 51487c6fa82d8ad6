"""The queue screen against a real database: keyset blocks, jumping to the end, live
updates that keep selection and scroll, stale marking and recovery, claiming, the case
view with presence, saved filters and remembered columns."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import update
from sqlalchemy.exc import OperationalError

from console.domain.identity import Identity
from console.models import Case
from console.services.preferences import ColumnLayout
from console.services.queue import QueueFilter, QueueService, QueueView
from console.ui.context import UiContext
from console.ui.queue.live import LiveFeed
from console.ui.queue.model import CASE_ID_ROLE, COLUMNS
from console.ui.queue.screen import QueueScreen
from tests.helpers.queue_data import T0, add_agents, add_cases
from tests.ui.conftest import off_gui_thread


@pytest.fixture
def feed(ui_ctx: UiContext) -> Iterator[LiveFeed]:
    live = LiveFeed(ui_ctx.app.engine, poll_seconds=0.2)
    live.start()
    yield live
    live.stop()


def _screen(qtbot: QtBot, ui: UiContext, feed: LiveFeed | None = None) -> QueueScreen:
    screen = QueueScreen(ui, refresh_seconds=60, feed=feed)
    qtbot.addWidget(screen)
    screen.resize(1200, 500)
    screen.show()
    screen.view_box.setCurrentIndex(screen.view_box.findData(QueueView.OPEN.value))
    qtbot.waitUntil(lambda: screen.model.loaded_once and not screen.model.busy, timeout=10_000)
    return screen


def _numbers_in_order(ui: UiContext) -> list[int]:
    svc = QueueService(ui.app.sessions)

    def read() -> list[int]:
        from console.services.queue import QueueQuery

        return [r.id for r in svc.page(QueueQuery(QueueView.OPEN), None, limit=10_000)]

    return off_gui_thread(read)


def test_blocks_keyset_and_jump_to_end(qtbot: QtBot, ui_ctx: UiContext) -> None:
    sessions = ui_ctx.app.sessions
    off_gui_thread(lambda: add_cases(sessions, 230))
    off_gui_thread(lambda: add_cases(sessions, 20, due=None))  # no deadline: sorted last
    screen = _screen(qtbot, ui_ctx)
    model = screen.model
    # PostgreSQL sizes the first page by the planner's estimate, then counts exactly
    qtbot.waitUntil(lambda: model.total_exact, timeout=10_000)
    assert model.rowCount() == 250  # the whole queue's size, not what is loaded
    assert len(model.rows) == 100  # one block read so far
    ModelTester(None).check(model, force_py=True)
    screen.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.fully_loaded(240, 249), timeout=10_000)
    assert model.row_at(249) is not None and model.row_at(249).next_due_at is None
    # scrolling up from the end reads backwards from the block below
    screen.table.scrollTo(model.index(160, 0))
    qtbot.waitUntil(lambda: model.fully_loaded(150, 170), timeout=10_000)
    expected = _numbers_in_order(ui_ctx)
    loaded = {pos: r.id for pos, r in enumerate(model.row_at(i) for i in range(250)) if r}
    assert all(expected[pos] == cid for pos, cid in loaded.items()), "positions disagree"
    ModelTester(None).check(model, force_py=True)


def test_live_update_keeps_selection_and_scroll(
    qtbot: QtBot, ui_ctx: UiContext, feed: LiveFeed
) -> None:
    sessions = ui_ctx.app.sessions
    ids = off_gui_thread(lambda: add_cases(sessions, 120))
    screen = _screen(qtbot, ui_ctx, feed)
    qtbot.waitUntil(lambda: feed.online is True, timeout=10_000)
    model = screen.model
    screen.table.scrollTo(model.index(60, 0), screen.table.ScrollHint.PositionAtTop)
    qtbot.waitUntil(lambda: model.fully_loaded(60, 80), timeout=10_000)
    screen.table.selectRow(62)
    chosen = model.row_at(62)
    assert chosen is not None
    scroll = screen.table.verticalScrollBar().value()

    # another workstation saves: a new title on a visible case, a new most urgent case
    def other_workstation() -> None:
        with sessions() as s, s.begin():
            s.execute(update(Case).where(Case.id == ids[65]).values(title="别处刚改过"))
        add_cases(sessions, 1, due=T0 - timedelta(hours=2))

    off_gui_thread(other_workstation)
    qtbot.waitUntil(lambda: model.total == 121, timeout=5_000)
    qtbot.waitUntil(
        lambda: any(
            (r := model.row_at(i)) is not None and r.title == "别处刚改过" for i in range(60, 90)
        ),
        timeout=5_000,
    )
    assert screen.table.verticalScrollBar().value() == scroll  # the view did not jump
    assert screen.selected_case_id() == chosen.id  # the selection stayed on its case
    assert screen.table.horizontalHeader().sortIndicatorSection() == COLUMNS.index("time_left")


def test_database_gone_marks_stale_and_recovers(
    qtbot: QtBot, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    sessions = ui_ctx.app.sessions
    off_gui_thread(lambda: add_cases(sessions, 5))
    screen = _screen(qtbot, ui_ctx)
    assert screen.model.total == 5
    service = ui_ctx.app.queue
    real = service.window

    def down(*_a: object, **_k: object) -> None:
        raise OperationalError("SELECT", {}, ConnectionRefusedError("connection refused"))

    monkeypatch.setattr(service, "window", down)
    screen.refresh()
    qtbot.waitUntil(lambda: screen.model.stale, timeout=5_000)
    assert "not answering" in screen.state_label.text()
    assert screen.model.total == 5 and screen.model.index(0, 1).data()  # last data kept
    assert screen.model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is not None  # grey
    monkeypatch.setattr(service, "window", real)
    screen.refresh()  # the next refresh (timer, feed or F5) finds the database back
    qtbot.waitUntil(lambda: not screen.model.stale, timeout=5_000)
    assert screen.state_label.text() == ""


def test_claim_and_the_loser_is_told(qtbot: QtBot, ui_ctx: UiContext) -> None:
    sessions = ui_ctx.app.sessions
    (other,) = off_gui_thread(lambda: add_agents(sessions, 1))
    ids = off_gui_thread(lambda: add_cases(sessions, 2))
    screen = _screen(qtbot, ui_ctx)
    screen.table.selectRow(0)
    screen.claim_selected()
    bar = ui_ctx.messages.bar
    qtbot.waitUntil(lambda: bar.isVisible() and "yours" in bar.label.text(), timeout=5_000)
    off_gui_thread(lambda: ui_ctx.app.claims.claim(ids[1], other))  # someone else is faster
    screen.table.selectRow(1)
    assert screen.selected_case_id() == ids[1]
    screen.claim_selected()
    qtbot.waitUntil(lambda: other.display_name in bar.label.text(), timeout=5_000)
    assert "taken" in bar.label.text()


def test_enter_opens_the_case_and_others_see_it_open(
    qtbot: QtBot, ui_ctx: UiContext, feed: LiveFeed
) -> None:
    sessions = ui_ctx.app.sessions
    (cid,) = off_gui_thread(lambda: add_cases(sessions, 1, caller_name="陈先生"))
    screen = _screen(qtbot, ui_ctx, feed)
    screen.table.setFocus()
    screen.table.selectRow(0)
    qtbot.keyClick(screen.table, Qt.Key.Key_Return)
    assert screen.dialogs, "Enter did not open the case"
    dlg = screen.dialogs[-1]
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.detail is not None, timeout=5_000)
    assert dlg.fields["caller"].text() == "陈先生"
    assert dlg.history.rowCount() == 0  # written straight to the table: no events

    # a second agent has the same case open: my queue says so, live
    (colleague,) = off_gui_thread(lambda: add_agents(sessions, 1))
    off_gui_thread(lambda: ui_ctx.app.presence.open_case(colleague, cid))
    col = COLUMNS.index("viewers")
    qtbot.waitUntil(
        lambda: screen.model.index(0, col).data() == colleague.display_name, timeout=5_000
    )
    dlg.close()  # my console no longer shows the case: the presence row is cleared
    qtbot.waitUntil(
        lambda: off_gui_thread(lambda: ui_ctx.app.presence.viewers(cid, colleague.agent_id)) == [],
        timeout=5_000,
    )
    assert off_gui_thread(lambda: ui_ctx.app.presence.viewers(cid, None)) == [
        colleague.display_name
    ]


def test_filters_saved_and_columns_remembered(qtbot: QtBot, ui_ctx: UiContext) -> None:
    sessions = ui_ctx.app.sessions
    off_gui_thread(lambda: add_cases(sessions, 3, class_code="city"))
    off_gui_thread(
        lambda: add_cases(sessions, 2, class_code="consumer", description="商家拒绝退款")
    )
    screen = _screen(qtbot, ui_ctx)
    screen.set_filter(QueueFilter(class_codes=("consumer",)))
    qtbot.waitUntil(lambda: screen.model.total == 2 and not screen.model.busy, timeout=5_000)
    screen.search.setText("退款")
    screen._search_changed()
    qtbot.waitUntil(lambda: screen.model.total == 2 and not screen.model.busy, timeout=5_000)
    screen.search.setText("没有这样的词")
    screen._search_changed()
    qtbot.waitUntil(lambda: screen.model.total == 0, timeout=5_000)
    # a filter stays with its view: another view shows all its cases, and the filtered
    # one comes back filtered, with the one-click way out on show
    assert screen.clear_filter_button.isVisible()
    filtered_view = screen.view_box.currentIndex()
    screen.view_box.setCurrentIndex(screen.view_box.findData(QueueView.ALL.value))
    qtbot.waitUntil(lambda: screen.model.total == 5 and not screen.model.busy, timeout=5_000)
    assert screen.filter.empty and not screen.clear_filter_button.isVisible()
    assert screen.search.text() == ""
    screen.view_box.setCurrentIndex(filtered_view)
    qtbot.waitUntil(lambda: screen.model.total == 0 and not screen.model.busy, timeout=5_000)
    assert screen.filter.class_codes == ("consumer",)
    screen.clear_filter_button.click()
    qtbot.waitUntil(lambda: not screen.model.busy, timeout=5_000)
    assert screen.filter.empty and not screen.clear_filter_button.isVisible()

    who: Identity = ui_ctx.identity
    prefs = ui_ctx.app.preferences
    off_gui_thread(
        lambda: prefs.save_filter(
            who, "消费投诉", QueueView.OPEN, QueueFilter(class_codes=("consumer",))
        )
    )
    # column choice and order, remembered per user: hide one, move one, reopen
    screen.set_column_visible("unit", False)
    header = screen.table.horizontalHeader()
    header.moveSection(header.visualIndex(COLUMNS.index("caller")), 1)
    layout = screen.column_layout()
    assert "unit" not in layout.visible and layout.visible[:2] == ("time_left", "caller")
    screen._save_layout()
    ui_ctx.runner.wait(5_000)
    qtbot.wait(20)
    saved = off_gui_thread(lambda: prefs.columns(who))
    assert isinstance(saved, ColumnLayout) and saved.visible == layout.visible

    again = _screen(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: again.column_layout().visible == layout.visible, timeout=5_000)
    i = again.view_box.findText("★ 消费投诉")
    qtbot.waitUntil(lambda: again.view_box.findText("★ 消费投诉") >= 0, timeout=5_000)
    i = again.view_box.findText("★ 消费投诉")
    again.view_box.setCurrentIndex(i)
    qtbot.waitUntil(lambda: again.model.total == 2 and not again.model.busy, timeout=5_000)
    assert again.model.index(0, 0).data(CASE_ID_ROLE) is not None


def test_estimated_size_is_replaced_by_the_exact_count(qtbot: QtBot) -> None:
    """A new view paints its first page sized by an estimate; the exact count, asked
    for right after, resizes the model without touching the rows already read; the end
    of an estimated view is read together with an exact count."""
    from console.services.queue import QueueQuery, Window
    from console.ui.queue.model import QueueModel, WindowRequest

    rows = _fake_rows(250)
    asked: list[WindowRequest] = []
    pending: list[tuple[object, object]] = []

    def fetch(query: QueueQuery, req: WindowRequest) -> Window:
        asked.append(req)
        if req.count_only:
            return Window(250, 0, [])
        if req.estimate:
            return Window(400, 0, rows[: req.limit], exact=False)  # the planner guessed
        if req.from_end:
            return Window(250, 250 - req.limit, rows[250 - req.limit :])
        total = 250 if req.known_total is None else req.known_total
        return Window(total, req.start, rows[req.start : req.start + req.limit])

    def run(fn, ok, fail) -> None:  # type: ignore[no-untyped-def]
        pending.append((fn, ok))

    def drain() -> None:
        while pending:
            fn, ok = pending.pop(0)
            ok(fn())  # type: ignore[operator]

    def next_request() -> tuple[object, object]:
        # the count starts on a short timer, after the first page is painted
        qtbot.waitUntil(lambda: bool(pending), timeout=2_000)
        return pending.pop(0)

    model = QueueModel(fetch, run)
    model.set_query(QueueQuery())
    drain()
    qtbot.waitUntil(lambda: bool(pending), timeout=2_000)  # the count, on its timer
    drain()
    assert asked[0].estimate and asked[1].count_only
    assert model.rowCount() == 250 and model.total_exact  # the count replaced the guess
    assert [model.row_at(i).id for i in range(100)] == [r.id for r in rows[:100]]  # type: ignore[union-attr]

    # a jump to the end before the count arrives reads the last rows at once, beside
    # the count, shows them at the estimated end, and moves them when the count says
    # where the end is
    asked.clear()
    model.set_query(QueueQuery())
    fn, ok = pending.pop(0)
    ok(fn())  # type: ignore[operator]
    assert model.rowCount() == 400 and not model.total_exact
    count_fn, count_ok = next_request()  # held back: the count is slow
    model.jump_to_end()
    qtbot.waitUntil(lambda: bool(pending), timeout=2_000)  # the pump runs on a timer
    tail_fn, tail_ok = pending.pop(0)
    tail_window = tail_fn()  # type: ignore[operator]
    assert asked[-1].from_end and asked[-1].tail
    tail_ok(tail_window)  # type: ignore[operator]
    shown = [model.row_at(i) for i in range(300, 400)]  # at the estimated end
    assert [r.id for r in shown if r] == [r.id for r in rows[150:250]]
    assert model.fully_loaded(300, 399) and not model.total_exact
    count_ok(count_fn())  # type: ignore[operator]
    assert model.rowCount() == 250 and model.total_exact
    assert [model.row_at(i).id for i in range(150, 250)] == [r.id for r in rows[150:250]]  # type: ignore[union-attr]
    assert not pending  # nothing read twice

    # an offset jump into the middle of an estimated view waits for the count
    model.set_query(QueueQuery())
    fn, ok = pending.pop(0)
    ok(fn())  # type: ignore[operator]
    count_fn, count_ok = next_request()
    model.visible_range = lambda: (200, 220)
    model.data(model.index(200, 1))  # the view asks for a row far from the top
    qtbot.wait(50)
    assert not pending
    count_ok(count_fn())  # type: ignore[operator]
    qtbot.waitUntil(lambda: bool(pending), timeout=2_000)
    mid_fn, mid_ok = pending.pop(0)
    mid_ok(mid_fn())  # type: ignore[operator]
    assert asked[-1].known_total == 250 and not asked[-1].tail
    assert model.row_at(200).id == rows[200].id  # type: ignore[union-attr]


def test_table_follows_the_end_when_the_estimate_settles(qtbot: QtBot) -> None:
    """Jumped to the end of an under-estimated view: when the exact count arrives the
    table shows the true end; a live change of the size does not move it."""
    from console.services.queue import QueueQuery, Window
    from console.ui.queue.model import QueueModel, WindowRequest
    from console.ui.queue.table import QueueTable

    rows = _fake_rows(600)
    real = [600]

    def fetch(query: QueueQuery, req: WindowRequest) -> Window:
        if req.count_only:
            return Window(real[0], 0, [])
        if req.estimate:
            return Window(300, 0, rows[: req.limit], exact=False)
        if req.from_end:
            return Window(real[0], real[0] - req.limit, rows[real[0] - req.limit : real[0]])
        total = real[0] if req.known_total is None else req.known_total
        return Window(total, req.start, rows[req.start : req.start + req.limit])

    held: list[tuple[object, object]] = []

    def run(fn, ok, fail) -> None:  # type: ignore[no-untyped-def]
        res = fn()
        if isinstance(res, Window) and not res.rows and res.total == real[0]:
            held.append((res, ok))  # the count: delivered later
        else:
            ok(res)

    model = QueueModel(fetch, run)
    table = QueueTable()
    qtbot.addWidget(table)
    model.setParent(table)  # dies with the table
    table.setModel(model)
    table.resize(600, 400)
    table.show()
    model.set_query(QueueQuery())
    assert model.rowCount() == 300 and not model.total_exact
    table.scrollToBottom()
    qtbot.waitUntil(lambda: bool(held), timeout=2_000)  # the count starts on a timer
    res, ok = held.pop(0)
    ok(res)  # type: ignore[operator]
    assert model.rowCount() == 600 and model.total_exact
    bar = table.verticalScrollBar()
    assert bar.value() == bar.maximum() > 0
    qtbot.waitUntil(lambda: model.row_at(599) is not None, timeout=2_000)
    # a live refresh that grows the queue leaves the view where it is
    table.scrollTo(model.index(100, 0))
    before = bar.value()
    real[0] = 600  # size unchanged by the refresh
    model.refresh()
    assert bar.value() == before


def _fake_rows(n: int) -> list:  # type: ignore[type-arg]
    from console.services.queue import QueueRow

    return [
        QueueRow(
            id=i + 1,
            number=f"261127-001-{i:04d}",
            status="received",
            case_type="demand",
            sub_type="help",
            urgency="normal",
            class_name="城市管理",
            category="市容/占道",
            district="南海区",
            caller="张三",
            title=f"第{i}件",
            assignee="",
            unit="",
            received_at=T0,
            next_milestone=None,
            next_due_at=T0 + timedelta(hours=i),
        )  # fmt: skip
        for i in range(n)
    ]


def test_first_page_with_an_estimated_size(db_url: str) -> None:
    """PostgreSQL: a full first page comes with the planner's estimate (exact=False);
    SQLite has no estimate and counts. A view that fits one page is always exact."""
    from console.infra.database import make_engine, make_session_factory
    from console.services.queue import QueueQuery

    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    try:
        add_cases(sessions, 30)
        service = QueueService(sessions)
        q = QueueQuery(QueueView.ALL)
        small = service.window(q, 0, 50, estimate_total=True)
        assert small.exact and small.total == 30 and len(small.rows) == 30
        full = service.window(q, 0, 10, estimate_total=True)
        assert len(full.rows) == 10 and full.total >= 10
        if engine.dialect.name == "postgresql":
            assert not full.exact
        else:
            assert full.exact and full.total == 30
        assert service.count(q) == 30
    finally:
        engine.dispose()


def test_an_agent_looks_up_a_closed_case_by_number(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from console.domain.validation import CaseDraft
    from console.services.cases import CLOSE
    from tests.helpers.people import person

    agent = off_gui_thread(lambda: person(ui_ctx.app.sessions, "agent_lookup", "agent"))
    draft = CaseDraft(
        case_type="consultation",
        sub_type="policy",
        class_code="livelihood",
        caller_phone="13800138000",
        description="社保卡补办要带什么材料",
        answer="带身份证到社保窗口办理",
    )
    closed = off_gui_thread(lambda: ui_ctx.app.cases.create(draft, agent, action=CLOSE))
    ui = UiContext(ui_ctx.app, agent, ui_ctx.runner, ui_ctx.messages)
    screen = _screen(qtbot, ui)
    i = screen.view_box.findData(QueueView.ALL.value)
    assert i >= 0  # offered to agents too
    screen.view_box.setCurrentIndex(i)
    screen.search.setText(closed.number)
    screen._search_changed()
    qtbot.waitUntil(lambda: screen.model.total == 1 and not screen.model.busy, timeout=5_000)
    assert screen.model.index(0, 0).data(CASE_ID_ROLE) == closed.id
