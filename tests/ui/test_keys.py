"""The keyboard map: one table, one meaning per key on every screen, shown in Help."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from console.infra.settings import Settings
from console.ui import keys
from console.ui.context import UiContext
from console.ui.main_window import MainWindow


def _portable(seq: QKeySequence) -> str:
    return seq.toString(QKeySequence.SequenceFormat.PortableText)


def test_the_table_gives_no_key_two_meanings_on_one_screen() -> None:
    assert keys.conflicts() == []
    # the form's new case and the queue's claim-next are on different keys
    assert set(keys.key("entry.new").keys).isdisjoint(keys.key("queue.claim_next").keys)
    actions = [k.action for k in keys.KEYMAP]
    assert len(actions) == len(set(actions))


def test_conflicts_are_found() -> None:
    extra = keys.Key("queue.other", ("Ctrl+G",))
    saved = keys.KEYMAP
    try:
        keys.KEYMAP = (*saved, extra)
        assert [c[:2] for c in keys.conflicts()] == [("queue", "Ctrl+G")]
    finally:
        keys.KEYMAP = saved


def test_the_case_windows_action_keys_count_with_the_main_windows() -> None:
    """The action bar's keys come from the lifecycle's state machine; the check sees
    them: the supervisors' remind once sat on the shift monitor's Ctrl+Shift+M."""
    import dataclasses

    from console.domain import lifecycle

    assert any(k.action == "case.do_remind" for k in keys.lifecycle_keys())
    saved = lifecycle.RULES
    try:
        lifecycle.RULES = tuple(
            dataclasses.replace(r, key="Ctrl+Shift+M") if r.action == "remind" else r for r in saved
        )
        assert ("case", "Ctrl+Shift+M") in [c[:2] for c in keys.conflicts()]
    finally:
        lifecycle.RULES = saved


def test_every_screen_takes_its_keys_from_the_map_and_help_lists_them(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    window = MainWindow(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    ui = UiContext(ui_ctx.app, ui_ctx.identity, window.runner, window.messages)
    window.attach(ui)
    window.show()
    table_keys = {_portable(QKeySequence(s)) for k in keys.KEYMAP for s in k.keys}
    window_keys: dict[str, set[str]] = defaultdict(set)
    for action in window.findChildren(QAction):
        for seq in action.shortcuts():
            window_keys[_portable(seq)].add(action.text())
    for name, screen in window.screens.items():
        on_screen: dict[str, set[str]] = defaultdict(set)
        for sc in screen.findChildren(QShortcut):
            key = _portable(sc.key())
            assert key in table_keys, f"{name}: {key} is not in the keyboard map"
            # two shortcuts on one key are one action of the map, never two slots
            on_screen[key].add(sc.objectName() or f"unnamed {id(sc)}")
        for key, what in on_screen.items():
            assert len(what) == 1, f"{name}: {key} means {what}"
            assert key not in window_keys, f"{name}: {key} is also {window_keys[key]}"
    for key, what in window_keys.items():
        assert len(what) == 1, f"main window: {key} means {what}"
    # the queue does not claim with the form's new-case key
    queue_keys = {_portable(sc.key()) for sc in window.screens["queue"].findChildren(QShortcut)}
    assert "Ctrl+N" not in queue_keys and "Ctrl+G" in queue_keys
    dlg = window.show_keymap()
    table = dlg.findChild(QTableWidget)
    lifecycle = keys.lifecycle_keys()
    assert lifecycle  # the case window's action keys are in the map too
    assert isinstance(table, QTableWidget)
    assert table.rowCount() == len(keys.KEYMAP) + len(lifecycle)
    shown = {table.item(r, 1).text() for r in range(table.rowCount())}  # type: ignore[union-attr]
    assert keys.shown("entry.new") in shown and keys.shown("queue.claim_next") in shown
    does = {table.item(r, 2).text() for r in range(table.rowCount())}  # type: ignore[union-attr]
    from console.ui.case.texts import action_name

    for k in lifecycle:
        assert keys.shown_key(k) in shown
        assert action_name(k.action.removeprefix("case.do_")) in does
    assert isinstance(dlg, QWidget)
    dlg.close()
    window.runner.wait(10_000)
    qtbot.wait(50)
    window.runner.wait(10_000)
