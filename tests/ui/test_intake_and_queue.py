"""A user types a case, saves it, reads its number, and finds it in the queue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from console.domain.numbering import parse_case_number
from console.ui.context import UiContext
from console.ui.intake.form import CaseEntryScreen
from console.ui.queue.model import CASE_ID_ROLE, COLUMNS
from console.ui.queue.screen import QueueScreen
from tests.helpers.typing import type_text


def _entry(qtbot: QtBot, ui: UiContext) -> CaseEntryScreen:
    screen = CaseEntryScreen(ui)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.isEnabled() and screen.ref is not None, timeout=10_000)
    return screen


def test_type_save_and_find_in_queue(qtbot: QtBot, ui_ctx: UiContext) -> None:
    entry = _entry(qtbot, ui_ctx)
    entry.class_box.setCurrentIndex(entry.class_box.findData("livelihood"))
    type_text(qtbot, entry.phone, "138 0013 8000")
    type_text(qtbot, entry.caller_name, "陈先生")
    entry.description.setFocus()
    type_text(qtbot, entry.description, "咨询居住证办理需要哪些材料")
    with qtbot.waitSignal(entry.case_saved, timeout=10_000) as saved:
        qtbot.keyClick(entry, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    number = saved.args[0].number
    parse_case_number(number)
    assert entry.number_label.text() == number
    assert entry.description.toPlainText() == ""  # ready for the next call

    queue = QueueScreen(ui_ctx)
    qtbot.addWidget(queue)
    queue.show()
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1, timeout=10_000)
    col = COLUMNS.index("number")
    assert queue.model.index(0, col).data() == number
    assert queue.model.index(0, 0).data(CASE_ID_ROLE) == saved.args[0].id
    countdown = queue.model.index(0, 0).data()
    assert countdown and any(ch.isdigit() for ch in countdown)


def test_invalid_case_shows_errors_and_keeps_text(qtbot: QtBot, ui_ctx: UiContext) -> None:
    entry = _entry(qtbot, ui_ctx)
    entry.type_demand.setChecked(True)
    type_text(qtbot, entry.phone, "12345")
    entry.description.setFocus()
    type_text(qtbot, entry.description, "路灯坏了")
    entry.submit("save")
    qtbot.waitUntil(lambda: bool(entry.error_texts()), timeout=10_000)
    errors = entry.error_texts()
    assert set(errors) >= {"caller_phone", "class_code", "category_id", "district_id"}
    assert entry.phone.text() == "12345"
    assert entry.description.toPlainText() == "路灯坏了"
    assert entry.number_label.text() == "—"


def test_dispatch_a_demand_from_the_form(qtbot: QtBot, ui_ctx: UiContext) -> None:
    entry = _entry(qtbot, ui_ctx)
    entry.type_demand.setChecked(True)
    entry.sub_type.setCurrentIndex(entry.sub_type.findData("complaint"))
    entry.class_box.setCurrentIndex(entry.class_box.findData("city"))
    entry.category.setCurrentIndex(0)
    entry.district.setCurrentIndex(entry.district.findText("南海区"))
    entry.town.setCurrentIndex(entry.town.findText("桂城街道"))
    assert entry.unit.currentText() == "桂城街道办事处"  # suggested from the town
    type_text(qtbot, entry.phone, "13900139000")
    type_text(qtbot, entry.description, "南海大道北夜间施工噪音扰民")
    with qtbot.waitSignal(entry.case_saved, timeout=10_000) as saved:
        qtbot.keyClick(entry, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert saved.args[0].status == "dispatched"


def test_queue_model_passes_modeltester(qtbot: QtBot, ui_ctx: UiContext) -> None:
    entry = _entry(qtbot, ui_ctx)
    for i in range(3):
        entry.class_box.setCurrentIndex(1)
        type_text(qtbot, entry.description, f"咨询社保缴费问题第{i}次")
        with qtbot.waitSignal(entry.case_saved, timeout=10_000):
            entry.submit("save")
    queue = QueueScreen(ui_ctx)
    qtbot.addWidget(queue)
    qtbot.waitUntil(lambda: queue.model.rowCount() == 3, timeout=10_000)
    ModelTester(None).check(queue.model, force_py=True)
    with qtbot.waitSignal(queue.model.dataChanged, timeout=3000):
        queue.show()
        queue.tick()
