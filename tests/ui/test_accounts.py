"""Administration → People: administrators list, add and disable accounts in the console,
with role and unit (the embedded database: rows only; PostgreSQL: login roles too)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.models import Agent
from console.services import dbroles
from console.ui.admin.accounts import AccountsDialog
from console.ui.context import UiContext
from tests.ui.conftest import off_gui_thread


def test_admin_adds_a_unit_user_and_disables_an_agent(
    qtbot: QtBot, ui_ctx: UiContext, qapp: QApplication
) -> None:
    if ui_ctx.app.engine.dialect.name == "postgresql":
        off_gui_thread(lambda: dbroles.apply_roles(ui_ctx.app.engine, dbroles.configured_prefix()))
    dlg = AccountsDialog(ui_ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.table.rowCount() > 0 and dlg.unit.count() > 1, timeout=10_000)
    assert "admin" in {r.username for r in dlg.rows}
    dlg.username.setText("unit_gc")
    dlg.display_name.setText("桂城街道承办员")
    dlg.role.setCurrentIndex(dlg.role.findData("unit"))
    assert dlg.unit.isEnabled()
    dlg.unit.setCurrentIndex(1)
    unit_name = dlg.unit.currentText()
    dlg.password.setText("s3cret-Pass")
    dlg.add_button.click()
    qtbot.waitUntil(lambda: "unit_gc" in {r.username for r in dlg.rows}, timeout=10_000)
    row = next(r for r in dlg.rows if r.username == "unit_gc")
    assert row.role == "unit" and row.unit == unit_name and row.active
    shown = [dlg.table.item(i, 3).text() for i in range(dlg.table.rowCount())]  # type: ignore[union-attr]
    assert unit_name in shown
    # a unit's user without a unit is refused, with the reason shown
    dlg.username.setText("unit_none")
    dlg.unit.setCurrentIndex(0)
    dlg.add_button.click()
    qtbot.waitUntil(lambda: bool(dlg.status.text()) and "unit" in dlg.status.text(), timeout=10_000)
    # disable it again
    dlg.table.setCurrentCell([r.username for r in dlg.rows].index("unit_gc"), 0)
    dlg.disable_selected(confirm=False)
    qtbot.waitUntil(
        lambda: not next(r for r in dlg.rows if r.username == "unit_gc").active, timeout=10_000
    )

    def active() -> bool:
        with ui_ctx.app.sessions() as s:
            return bool(s.scalars(select(Agent.active).where(Agent.username == "unit_gc")).one())

    assert off_gui_thread(active) is False
    # one's own account is not disabled from here
    dlg.table.setCurrentCell([r.username for r in dlg.rows].index("admin"), 0)
    dlg.disable_selected(confirm=False)
    assert "own" in dlg.status.text()
