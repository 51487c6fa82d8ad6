from __future__ import annotations

from pytestqt.qtbot import QtBot

from console.services.cases import CLOSE
from console.ui.context import UiContext
from console.ui.handover.screen import HandoverScreen
from console.validation import CaseDraft
from tests.ui.conftest import off_gui_thread


def test_handover_screen_shows_current_shift_counts(qtbot: QtBot, ui_ctx: UiContext) -> None:
    draft = CaseDraft(
        case_type="consultation",
        sub_type="service",
        class_code="livelihood",
        description="咨询新生儿医保参保流程",
        answer="可在佛山通APP办理。",
    )
    off_gui_thread(lambda: ui_ctx.app.cases.create(draft, ui_ctx.identity, action=CLOSE))
    off_gui_thread(lambda: ui_ctx.app.cases.create(draft, ui_ctx.identity))
    screen = HandoverScreen(ui_ctx)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.summary is not None, timeout=10_000)
    assert screen.tiles["received"].value.text() == "2"
    assert screen.tiles["closed_directly"].value.text() == "1"
    assert screen.tiles["open_now"].value.text() == "1"
    assert screen.by_type.rowCount() == 1
