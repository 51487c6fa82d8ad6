"""The keyboard map: every shortcut of the console, in one table.

Each screen takes its keys from here (``keys.bind`` / ``keys.sequence``), Help shows the
table (``console.ui.keymap``), and a test checks that no key means two things on one
screen (a key of the main window counts on every screen). One key, one meaning: the form's new
case is Ctrl+N, so the queue takes the next case with another key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

GLOBAL = "global"  # the main window's keys: they work on every screen


@dataclass(frozen=True)
class Key:
    action: str  # "screen.what": unique in the table
    keys: tuple[str, ...]  # portable QKeySequence texts; the first is the one shown

    @property
    def screen(self) -> str:
        return self.action.split(".", 1)[0]


KEYMAP: tuple[Key, ...] = (
    # the main window, on every screen
    Key("global.keymap", ("F1",)),
    Key("global.settings", ("Ctrl+,",)),
    Key("global.quit", ("Ctrl+Q",)),
    Key("global.goto", tuple(f"Ctrl+{i}" for i in range(1, 10))),
    Key("global.monitor", ("Ctrl+Shift+M",)),
    # case entry
    Key("entry.save", ("Ctrl+S",)),
    Key("entry.close", ("Ctrl+Return", "Ctrl+Enter")),
    Key("entry.dispatch", ("Ctrl+D",)),
    Key("entry.new", ("Ctrl+N",)),
    Key("entry.history", ("Ctrl+H",)),
    Key("entry.kb", ("Ctrl+K",)),
    Key("entry.duplicates", ("Ctrl+L",)),
    Key("entry.insert_answer", ("Ctrl+I",)),
    Key("entry.add_call", ("Ctrl+Shift+A",)),
    Key("entry.take_suggestion", ("F8",)),
    Key("entry.next_suggestion", ("Shift+F8",)),
    # in the caller history list (the list's own activation key, not a shortcut)
    Key("entry.history_add", ("Return", "Enter")),
    # the queue
    Key("queue.refresh", ("F5",)),
    Key("queue.claim_next", ("Ctrl+G",)),
    Key("queue.claim_selected", ("Ctrl+M",)),
    Key("queue.search", ("Ctrl+F",)),
    Key("queue.open", ("Return", "Enter")),
    Key("queue.take_suggestion", ("F8",)),
    Key("queue.next_suggestion", ("Shift+F8",)),
    # the case window
    Key("case.save", ("Ctrl+S",)),
    Key("case.take_suggestion", ("F8",)),
    Key("case.next_suggestion", ("Shift+F8",)),
    # the handover
    Key("handover.refresh", ("F5",)),
    # the unit's inbox
    Key("inbox.refresh", ("F5",)),
    # callbacks
    Key("callbacks.satisfied", ("Alt+1",)),
    Key("callbacks.basically", ("Alt+2",)),
    Key("callbacks.unsatisfied", ("Alt+3",)),
    Key("callbacks.solved_yes", ("Alt+Y",)),
    Key("callbacks.solved_no", ("Alt+N",)),
    Key("callbacks.unit_fault", ("Alt+F",)),
    Key("callbacks.comment", ("Alt+C",)),
    Key("callbacks.save", ("Ctrl+Return", "Ctrl+Enter")),
    Key("callbacks.no_answer", ("Ctrl+U",)),
    Key("callbacks.refresh", ("F5",)),
    # the shift monitor
    Key("monitor.wall", ("F11",)),
)

_BY_ACTION = {k.action: k for k in KEYMAP}


def key(action: str) -> Key:
    return _BY_ACTION[action]


def sequence(action: str) -> QKeySequence:
    """The (first) key of an action, for a QAction's setShortcut."""
    return QKeySequence(_BY_ACTION[action].keys[0])


def shown(action: str) -> str:
    """The key as the user reads it (in buttons and tooltips)."""
    return shown_key(_BY_ACTION[action])


def shown_key(key: Key) -> str:
    texts: list[str] = []
    for k in key.keys:  # Return and Enter may read alike ("回车")
        text = QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
        if text not in texts:
            texts.append(text)
    return texts[0] + " … " + texts[-1] if len(texts) > 2 else " / ".join(texts)


def bind(
    action: str,
    parent: QWidget,
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> list[QShortcut]:
    """Shortcuts for every key of an action, on ``parent``."""
    out = []
    for k in _BY_ACTION[action].keys:
        sc = QShortcut(QKeySequence(k), parent, slot, context=context)
        sc.setObjectName(action)
        out.append(sc)
    return out


def lifecycle_keys() -> tuple[Key, ...]:
    """The case window's action bar keys, as the lifecycle's state machine gives them
    (one source: console.domain.lifecycle.RULES), so that the check below sees them."""
    from console.domain.lifecycle import RULES

    by_action: dict[str, Key] = {}
    for rule in RULES:
        if rule.key:
            by_action.setdefault(rule.action, Key(f"case.do_{rule.action}", (rule.key,)))
    return tuple(by_action.values())


def conflicts() -> list[tuple[str, str, str]]:
    """(screen, key, actions) where one key means two things on one screen; empty when
    the map is sound. The main window's keys count on every screen."""
    found = []
    table = KEYMAP + lifecycle_keys()
    screens = {k.screen for k in table} - {GLOBAL}
    for screen in sorted(screens):
        seen: dict[str, str] = {}
        for k in table:
            if k.screen not in (screen, GLOBAL):
                continue
            for seq in k.keys:
                norm = QKeySequence(seq).toString(QKeySequence.SequenceFormat.PortableText)
                if norm in seen and seen[norm] != k.action:
                    found.append((screen, norm, f"{seen[norm]} / {k.action}"))
                seen.setdefault(norm, k.action)
    return found


def screen_title(screen: str) -> str:
    titles = {
        GLOBAL: QCoreApplication.translate("Keys", "Everywhere"),
        "entry": QCoreApplication.translate("Keys", "Case entry"),
        "queue": QCoreApplication.translate("Keys", "Queue"),
        "case": QCoreApplication.translate("Keys", "Case window"),
        "handover": QCoreApplication.translate("Keys", "Shift handover"),
        "inbox": QCoreApplication.translate("Keys", "Unit inbox"),
        "callbacks": QCoreApplication.translate("Keys", "Callbacks"),
        "monitor": QCoreApplication.translate("Keys", "Shift monitor"),
    }
    return titles.get(screen, screen)


def describe(action: str) -> str:
    texts = {
        "global.keymap": QCoreApplication.translate("Keys", "Show this keyboard map"),
        "global.settings": QCoreApplication.translate("Keys", "Settings"),
        "global.quit": QCoreApplication.translate("Keys", "Quit"),
        "global.goto": QCoreApplication.translate("Keys", "Go to screen 1–9 (in the list)"),
        "global.monitor": QCoreApplication.translate("Keys", "Shift monitor (wall display)"),
        "entry.save": QCoreApplication.translate("Keys", "Save the case"),
        "entry.close": QCoreApplication.translate("Keys", "Answer and close"),
        "entry.dispatch": QCoreApplication.translate("Keys", "Save and dispatch"),
        "entry.new": QCoreApplication.translate(
            "Keys", "New case (asks before discarding what was typed)"
        ),
        "entry.history": QCoreApplication.translate("Keys", "Caller history"),
        "entry.kb": QCoreApplication.translate("Keys", "Knowledge base"),
        "entry.duplicates": QCoreApplication.translate("Keys", "Possible duplicates"),
        "entry.insert_answer": QCoreApplication.translate("Keys", "Insert the selected answer"),
        "entry.add_call": QCoreApplication.translate(
            "Keys", "Add this call to the selected open case"
        ),
        "entry.take_suggestion": QCoreApplication.translate(
            "Keys", "Take the highlighted suggestion"
        ),
        "entry.next_suggestion": QCoreApplication.translate(
            "Keys", "Highlight the next suggestion"
        ),
        "entry.history_add": QCoreApplication.translate(
            "Keys", "In the caller history: add this call to the selected case"
        ),
        "queue.refresh": QCoreApplication.translate("Keys", "Refresh"),
        "queue.claim_next": QCoreApplication.translate("Keys", "Take the most urgent case"),
        "queue.claim_selected": QCoreApplication.translate("Keys", "Take the selected case"),
        "queue.search": QCoreApplication.translate("Keys", "Search"),
        "queue.open": QCoreApplication.translate("Keys", "Open the selected case"),
        "queue.take_suggestion": QCoreApplication.translate(
            "Keys", "To triage: save the highlighted suggestion into the selected case"
        ),
        "queue.next_suggestion": QCoreApplication.translate(
            "Keys", "To triage: highlight the next suggestion"
        ),
        "case.save": QCoreApplication.translate("Keys", "Save changes"),
        "case.take_suggestion": QCoreApplication.translate(
            "Keys", "Save the highlighted suggestion into the case"
        ),
        "case.next_suggestion": QCoreApplication.translate("Keys", "Highlight the next suggestion"),
        "handover.refresh": QCoreApplication.translate("Keys", "Refresh"),
        "inbox.refresh": QCoreApplication.translate("Keys", "Refresh"),
        "callbacks.satisfied": QCoreApplication.translate("Keys", "Satisfied"),
        "callbacks.basically": QCoreApplication.translate("Keys", "Basically satisfied"),
        "callbacks.unsatisfied": QCoreApplication.translate("Keys", "Unsatisfied"),
        "callbacks.solved_yes": QCoreApplication.translate("Keys", "Solved: yes"),
        "callbacks.solved_no": QCoreApplication.translate("Keys", "Solved: no"),
        "callbacks.unit_fault": QCoreApplication.translate("Keys", "The unit's fault"),
        "callbacks.comment": QCoreApplication.translate("Keys", "Go to the comment"),
        "callbacks.save": QCoreApplication.translate("Keys", "Record the callback"),
        "callbacks.no_answer": QCoreApplication.translate("Keys", "No answer"),
        "callbacks.refresh": QCoreApplication.translate("Keys", "Refresh"),
        "monitor.wall": QCoreApplication.translate("Keys", "Large type on / off"),
    }
    return texts.get(action, action)
