"""The entry form proposes the urgent-matters catalogue's level as the agent types."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from console.ui.context import UiContext
from tests.ui.test_intake_form import _entry


def test_the_form_suggests_urgency_from_the_description(qtbot: QtBot, ui_ctx: UiContext) -> None:
    entry = _entry(qtbot, ui_ctx)
    entry.description.setPlainText("小区门口水管爆裂，路面大量喷水")
    assert "供水管爆裂" in entry.urgent_hint.text()
    entry.description.setPlainText("楼下餐馆着火了，很多烟")
    assert "119" in entry.urgent_hint.text()
    entry.description.setPlainText("咨询社保卡补办需要什么材料")
    assert entry.urgent_hint.text() == ""
    assert not entry.urgent.isChecked()  # a suggestion only: the agent decides
