from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pypdf
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import AppContext
from console.domain.clock import now_utc
from console.domain.identity import Identity
from console.domain.validation import CaseDraft
from console.models import Agent, MatterCategory, Region
from console.services.cases import CLOSE
from console.services.handover import HandoverView
from console.ui.context import UiContext
from console.ui.handover.config import ShiftConfigDialog
from console.ui.handover.screen import HandoverScreen
from console.ui.messages import MessageBar, Messages
from console.ui.runner import BackgroundRunner
from tests.helpers.typing import type_text
from tests.ui.conftest import off_gui_thread


@pytest.fixture(autouse=True)
def _delete_widgets_on_the_gui_thread() -> Iterator[None]:
    """pytest-qt closes the test's widgets with deleteLater(), which only happens in a
    later event loop; a widget caught in a reference cycle may meanwhile be garbage
    collected on a worker thread, where destroying a QObject with timers fails. Flush
    the deletions and collect the cycles here, on the GUI thread."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


CONSULT = CaseDraft(
    case_type="consultation",
    sub_type="service",
    class_code="livelihood",
    description="咨询新生儿医保参保流程",
    answer="可在佛山通APP办理。",
)


def test_handover_screen_shows_current_shift_counts(qtbot: QtBot, ui_ctx: UiContext) -> None:
    off_gui_thread(lambda: ui_ctx.app.cases.create(CONSULT, ui_ctx.identity, action=CLOSE))
    off_gui_thread(lambda: ui_ctx.app.cases.create(CONSULT, ui_ctx.identity))
    screen = HandoverScreen(ui_ctx)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.summary is not None, timeout=10_000)
    assert screen.tiles["received"].value.text() == "2"
    assert screen.tiles["closed_directly"].value.text() == "1"
    assert screen.tiles["open_now"].value.text() == "1"
    assert screen.by_type.rowCount() == 1


def _supervisor(app: AppContext, username: str) -> Identity:
    def work() -> Identity:
        with app.sessions() as s, s.begin():
            s.add(Agent(username=username, display_name="接班主管", role="supervisor"))
        return app.agents.sign_in(username)

    return off_gui_thread(work)


def _old_demand(app: AppContext, who: Identity) -> None:
    def work() -> None:
        with app.sessions() as s:
            cat = s.scalars(select(MatterCategory.id).where(MatterCategory.level == 3)).first()
            district = s.scalars(select(Region.id).where(Region.name == "南海区")).one()
        draft = CaseDraft(
            case_type="demand",
            sub_type="complaint",
            class_code="city",
            category_id=cat,
            district_id=district,
            caller_phone="13900139000",
            description="小区门口占道经营，晚上噪音很大",
        )
        app.cases.create(draft, who, now=now_utc() - timedelta(days=3))

    off_gui_thread(work)


@pytest.fixture
def incoming(qtbot: QtBot, app_ctx: AppContext) -> Iterator[UiContext]:
    """A second console: the incoming supervisor's."""
    bar = MessageBar()
    qtbot.addWidget(bar)
    errors: list[BaseException] = []
    runner = BackgroundRunner(errors.append)
    ui = UiContext(app_ctx, _supervisor(app_ctx, "sup_in"), runner, Messages(bar))
    yield ui
    runner.wait(10_000)
    # destroy the runner here, on the GUI thread: left to the garbage collector it may be
    # collected on a worker thread, where a QObject's destructor deadlocks with the GIL
    shiboken6.delete(runner)
    gc.collect()
    assert not errors, f"background errors: {errors!r}"


def test_submit_then_acknowledge(
    qtbot: QtBot,
    ui_ctx: UiContext,
    incoming: UiContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = ui_ctx.app
    off_gui_thread(lambda: app.cases.create(CONSULT, ui_ctx.identity))  # callback promised
    _old_demand(app, ui_ctx.identity)  # nobody touched it this shift: counted in a group
    screen = HandoverScreen(ui_ctx)
    qtbot.addWidget(screen)
    screen.show()
    panel = screen.panel
    # no handover from the previous shift: a visible warning
    qtbot.waitUntil(lambda: screen.shift_status is not None, timeout=10_000)
    assert screen.warning.isVisible() and "without a submitted handover" in screen.warning.text()
    # said once: the message bar does not repeat the banner on this screen
    bar = ui_ctx.messages.bar
    assert not (bar.isVisible() and bar.label.text() == screen.warning.text())

    qtbot.mouseClick(panel.prepare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.view is not None, timeout=10_000)
    view = panel.view
    assert view is not None and view.status == "draft"
    ModelTester(None).check(panel.items, force_py=True)
    assert panel.items.rowCount() == 1 and panel.groups.count() >= 1
    assert not panel.submit_button.isEnabled()
    assert "not accepted" in panel.problems.text()

    # flag the listed case and leave a note on it, as a user does in the table
    flag = panel.items.index(0, 0)
    assert panel.items.setData(flag, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    note = panel.items.index(0, panel.items.columns.index("note"))
    assert panel.items.setData(note, "请17点前回电", Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: panel.items.items[0].note == "请17点前回电", timeout=10_000)

    for i in range(panel.groups.count()):
        panel.groups.item(i).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(panel.submit_button.isEnabled, timeout=10_000)
    type_text(qtbot, panel.notes, "2号线故障已恢复")
    # submitting asks first; "not yet" leaves the draft as it is
    asked: list[str] = []

    def answer(yes: bool) -> Callable[[HandoverView], bool]:
        def confirm(v: HandoverView) -> bool:
            asked.append(v.label)
            return yes

        return confirm

    monkeypatch.setattr(panel, "confirm_submit", answer(False))
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    qtbot.wait(200)
    assert asked and panel.view is not None and panel.view.status == "draft"
    monkeypatch.setattr(panel, "confirm_submit", answer(True))
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.view is not None and panel.view.status == "submitted", timeout=10_000
    )
    submitted = panel.view
    assert submitted is not None and submitted.notes == "2号线故障已恢复"
    # this shift's handover carries the missed one's work: the warning goes
    qtbot.waitUntil(lambda: not screen.warning.isVisible(), timeout=10_000)
    assert submitted.submitted_by == ui_ctx.identity.display_name
    assert not panel.ack_button.isEnabled()  # not by the one who submitted

    # printed for the manager: a real PDF whose text names the shift
    pdf = panel.export_to(tmp_path / "handover.pdf")
    reader = pypdf.PdfReader(str(pdf))
    text = "".join("".join(page.extract_text().split()) for page in reader.pages)
    assert submitted.shift_name in text and "2号线故障已恢复" in text

    # the incoming supervisor's console opens on the handover waiting for them
    screen2 = HandoverScreen(incoming)
    qtbot.addWidget(screen2)
    screen2.show()
    panel2 = screen2.panel
    qtbot.waitUntil(
        lambda: panel2.view is not None and panel2.view.id == submitted.id, timeout=10_000
    )
    assert panel2.ack_button.isEnabled() and not panel2.submit_button.isVisible()
    assert panel2.notes.isReadOnly()
    type_text(qtbot, panel2.ack_note, "已阅")
    qtbot.mouseClick(panel2.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel2.view is not None and panel2.view.status == "acknowledged", timeout=10_000
    )
    assert "接班主管" in panel2.state.text() and "read-only" in panel2.state.text()
    assert not panel2.ack_button.isVisible() and not panel2.items.editable
    assert not (panel2.items.flags(panel2.items.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable)

    # the flagged item waits on the incoming shift's list until done
    out = screen2.outstanding
    out.refresh()
    qtbot.waitUntil(lambda: out.model.rowCount() == 1, timeout=10_000)
    ModelTester(None).check(out.model, force_py=True)
    out.table.selectRow(0)
    qtbot.mouseClick(out.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: out.model.rowCount() == 0, timeout=10_000)

    # and the history finds it by its note
    hist = screen2.history
    type_text(qtbot, hist.search, "没有这条备注")
    qtbot.waitUntil(lambda: hist.model.rowCount() == 0, timeout=10_000)
    hist.search.clear()
    type_text(qtbot, hist.search, "故障")
    qtbot.waitUntil(
        lambda: hist.model.rowCount() == 1 and hist.model.rows[0].status == "acknowledged",
        timeout=10_000,
    )
    ModelTester(None).check(hist.model, force_py=True)
    for w in (screen, screen2):  # gone before the second console's runner is
        w.close()
        w.deleteLater()
    qtbot.wait(20)


def test_shift_configuration_dialog(qtbot: QtBot, ui_ctx: UiContext) -> None:
    dialog = ShiftConfigDialog(ui_ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.config is not None, timeout=10_000)
    assert dialog.shift_rows() == [
        ("morning", "早班", "08:00", "16:00"),
        ("evening", "中班", "16:00", "00:00"),
        ("night", "夜班", "00:00", "08:00"),
    ]
    dialog.shifts.item(1, 3).setText("23:00")  # leaves 23:00-24:00 uncovered
    qtbot.mouseClick(dialog.save_shifts_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "gap" in dialog.status.text(), timeout=10_000)
    cfg = dialog.config
    assert cfg is not None
    admin_row = next(i for i, a in enumerate(cfg.agents) if a.username == "admin")
    combo = dialog.roster.cellWidget(admin_row, 0)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(2)  # supervisor of the morning shift
    qtbot.mouseClick(dialog.save_roster_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Roster saved" in dialog.status.text(), timeout=10_000)
    qtbot.waitUntil(
        lambda: dialog.config is not None and len(dialog.config.roster) == 1, timeout=10_000
    )
    assert dialog.config.roster[0].role == "supervisor"


def test_the_shift_counts_drill_into_their_cases(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from console.ui.case.view import CaseViewDialog
    from console.ui.handover.widgets import TileCasesDialog

    app = ui_ctx.app
    closed = off_gui_thread(lambda: app.cases.create(CONSULT, ui_ctx.identity, action=CLOSE))
    screen = HandoverScreen(ui_ctx)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.tiles["closed"].value.text() not in ("—", "0"), timeout=10_000)
    qtbot.mouseClick(screen.tiles["closed"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(screen, "drilled", None) is not None, timeout=10_000)
    dlg = screen.drilled
    assert isinstance(dlg, TileCasesDialog)
    numbers = [dlg.table.item(r, 0).text() for r in range(dlg.table.rowCount())]  # type: ignore[union-attr]
    assert closed.number in numbers
    view = dlg.open_case(numbers.index(closed.number))
    assert isinstance(view, CaseViewDialog)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
    view.close()
    dlg.close()
