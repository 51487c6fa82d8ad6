"""The administrator's policy screen edits the match rule (sub-type included) and adds
and removes milestones; the saved version is what new cases get."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QSpinBox, QTableWidgetItem
from pytestqt.qtbot import QtBot

from console.ui.admin.sla_dialogs import PoliciesDialog
from console.ui.context import UiContext


def test_policy_screen_adds_and_removes_milestones_and_edits_the_match(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    dlg = PoliciesDialog(ui_ctx)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.table.rowCount() > 0, timeout=10_000)
    dlg.choice.setCurrentIndex(dlg.choice.findData("complaint"))
    before = dlg.current()
    assert before is not None and before.match.sub_type == "complaint"
    assert dlg.match_sub_type.currentData() == "complaint"

    def cell(r: int, c: int) -> QTableWidgetItem:
        item = dlg.table.item(r, c)
        assert item is not None
        return item

    assert [cell(r, 0).text() for r in range(dlg.table.rowCount())] == [
        "accept",
        "result",
    ]
    # add a contact milestone (1 working day from acknowledgement), remove "accept"
    dlg.add_milestone()
    row = dlg.table.rowCount() - 1
    cell(row, 0).setText("contact")
    cell(row, 1).setText("联系群众")
    start = dlg.table.cellWidget(row, 4)
    met = dlg.table.cellWidget(row, 5)
    assert isinstance(start, QComboBox) and isinstance(met, QComboBox)
    start.setCurrentIndex(start.findData("accepted"))
    met.setCurrentIndex(met.findData("contacted"))
    dlg.table.setCurrentCell(0, 0)
    dlg.remove_milestone()
    limit = dlg.table.cellWidget(0, 2)
    assert isinstance(limit, QSpinBox)
    limit.setValue(12)  # the local rule: complaints in 12 working days
    dlg.match_channel.setText("phone_12345")
    dlg.priority.setValue(25)
    dlg.save()
    qtbot.waitUntil(lambda: (dlg.current() or before).version == before.version + 1, timeout=10_000)
    after = dlg.current()
    assert after is not None
    assert [(m.code, m.limit_value, m.start_event, m.met_by_event) for m in after.milestones] == [
        ("result", 12, "received", "replied"),
        ("contact", 1, "accepted", "contacted"),
    ]
    assert after.match.sub_type == "complaint" and after.match.channel_code == "phone_12345"
    assert after.priority == 25
