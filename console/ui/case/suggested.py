"""The suggestions stored for a case nobody typed (an imported web message, an order a
platform pushed), where it is triaged: the queue's *to triage* view (the selected case)
and the case window. One line: the highlighted suggestion (category in three levels,
business class, unit and whether a routing rule or the model gave it, confidence), F8
takes it (the case's category, class and urgency are saved as an edit, and the
acceptance is recorded as the entry form's panel records it), Shift+F8 highlights the
next one. The unit is named for the dispatcher, who confirms it when dispatching."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from console.ui import keys
from console.ui.context import UiContext

if TYPE_CHECKING:
    from console.services.case_edit import EditableCase
    from console.services.suggestions import StoredSuggestions

log = logging.getLogger("console.ui")


class StoredSuggestionsBar(QWidget):
    loaded = Signal(object)  # StoredSuggestions | None
    taken = Signal(int)  # case id

    def __init__(
        self,
        ctx: UiContext,
        screen: str,
        host: QWidget,
        context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
    ) -> None:
        """``screen``: "queue" or "case", whose keys (keys.py) take and move on, bound on
        ``host`` (the screen or window the bar is part of)."""
        super().__init__(host)
        self.ctx = ctx
        self.setObjectName("storedSuggestions")
        self.title = QLabel(
            self.tr("Suggested ({0} take, {1} next):").format(
                keys.shown(f"{screen}.take_suggestion"), keys.shown(f"{screen}.next_suggestion")
            )
        )
        self.line = QLabel()
        self.line.setObjectName("suggestionLine")
        self.line.setTextFormat(Qt.TextFormat.PlainText)
        self.line.setMinimumWidth(0)
        self.line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.line, 1)
        self.case_id: int | None = None
        self.stored: StoredSuggestions | None = None
        self.rank = 1
        self._token = 0
        self._busy = False
        self.shortcuts = keys.bind(f"{screen}.take_suggestion", host, self.take, context)
        self.shortcuts += keys.bind(f"{screen}.next_suggestion", host, self.highlight_next, context)
        self.hide()

    # --- loading --------------------------------------------------------------------
    def show_case(self, case_id: int | None) -> None:
        """Show what is stored for ``case_id`` (None: nothing), read in the background;
        only the answer for the latest case is shown."""
        self._token += 1
        token = self._token
        self.case_id = case_id
        if case_id is None:
            self._show(None)
            return
        app = self.ctx.app  # its suggestion service (scikit-learn) is built off the GUI thread

        def arrived(stored: StoredSuggestions | None) -> None:
            if token == self._token:
                self._show(stored)

        self.ctx.runner.run(
            lambda: app.suggestions.stored(case_id), arrived, lambda exc: None, owner=self
        )

    def _show(self, stored: StoredSuggestions | None) -> None:
        self.stored = stored if stored is not None and stored.items else None
        self.rank = 1
        self.setVisible(self.stored is not None)
        self._paint()
        self.loaded.emit(self.stored)

    def _paint(self) -> None:
        s = self.stored
        if s is None:
            self.line.setText("")
            return
        it = s.items[self.rank - 1]
        source = self.tr("rule") if it.unit_source == "rule" else self.tr("learned")
        urgent = self.tr(" · urgent") if it.urgency == "urgent" else ""
        text = self.tr("{0}/{1} {2}  {3:.0%} · {4} · {5} ({6}){7}").format(
            self.rank,
            len(s.items),
            it.category,
            it.confidence,
            it.class_name or "—",
            it.unit or "—",
            source,
            urgent,
        )
        self.line.setText(text)
        self.line.setToolTip(
            "\n".join(
                f"{n}. {i.category}  {i.confidence:.0%} · {i.class_name} · {i.unit}"
                for n, i in enumerate(s.items, 1)
            )
        )

    # --- keys -----------------------------------------------------------------------
    def highlight_next(self) -> None:
        if self.stored is not None and self.isVisible():
            self.rank = self.rank % len(self.stored.items) + 1
            self._paint()

    def take(self) -> None:
        """Save the highlighted suggestion into the case (F8)."""
        if self.stored is None or self.case_id is None or self._busy or not self.isVisible():
            return
        case_id, rank, who = self.case_id, self.rank, self.ctx.identity
        app = self.ctx.app
        item = self.stored.items[rank - 1]
        self._busy = True

        def done(_saved: EditableCase) -> None:
            self._busy = False
            self.line.setText(self.tr("Taken: {0}").format(item.category))
            self.ctx.messages.info(
                self.tr("Suggestion taken: {0}; unit to dispatch to: {1}").format(
                    item.category, item.unit or "—"
                )
            )
            self.taken.emit(case_id)

        def failed(exc: BaseException) -> None:
            self._busy = False
            self.ctx.messages.error(exc)

        self.ctx.runner.run(
            lambda: app.suggestions.take(case_id, rank, who, app.case_edit),
            done,
            failed,
            owner=self,
        )
