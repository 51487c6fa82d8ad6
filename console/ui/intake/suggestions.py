"""Suggestions learned from history, beside the description the agent types.

``SuggestionPanel`` asks the model in the background (the shared runner; only the answer
to the latest request is shown) a short pause after the typing stops, lists the top
three (category, class, unit, urgency, confidence, and whether the unit came from a
routing rule or the model) and fills the form with one key: F8 takes the highlighted
suggestion (the first, unless Shift+F8 moved the highlight on), as do Enter or a double
click in the list. When the case is saved, what was shown and which one was taken is
recorded for the supervisors' figures.

It also keeps the model fresh: every 10 to 12.5 minutes it asks the centre's database
for a newer model (trained once for every workstation by ``suggest train`` or a
supervisor's *Retrain now*) and loads it in the background, the previous one serving
until then; on an embedded database it retrains itself (a thread of its own, at low
priority) once the model is a day old. A new model is used only if it is no worse on
recent cases.

``SuggestionQualityDialog`` shows supervisors how good the suggestions are.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.ui import keys
from console.ui.context import UiContext
from console.ui.runner import BackgroundRunner

if TYPE_CHECKING:
    from console.learning.training import TrainOutcome
    from console.services.cases import SavedCase
    from console.services.suggestions import QualityFigures, SuggestedItem, SuggestionResult

log = logging.getLogger("console.ui")

DELAY_MS = 300
MIN_CHARS = 4
CHECK_EVERY_MS = 10 * 60 * 1000
RETRAIN_AFTER_S = 24 * 3600
FIRST_CHECK_MS = 2 * 60 * 1000  # embedded: the first look at the model's age
#: central: load the centre's model soon after the form is usable (from the cache, once
#: it holds the newest version), so the first suggestion does not wait for it
FIRST_LOAD_MS = 5 * 1000
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
ROWS = 3


def _train_quietly(train: Any) -> Any:
    """Run a training at the lowest CPU priority of this (dedicated) worker thread, so
    the agent's typing and the other lookups keep the CPU (Linux: per-thread nice)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    except (AttributeError, OSError):
        pass
    return train()


class SuggestionPanel(QWidget):
    """Compact: a header line (a toggle, the keys, the model's note) and one line per
    suggestion (the full text in its tooltip); folded, only the header line shows and
    F8 still takes the highlighted suggestion. At 1366×768 the class and category rows
    stay on screen below it."""

    suggestions_shown = Signal(object)  # SuggestionResult | None
    accepted = Signal(object)  # SuggestedItem
    trained = Signal(object)  # TrainOutcome

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("suggestionPanel")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton()
        self.toggle.setObjectName("suggestionsToggle")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.toggle.setText(
            self.tr("Suggested ({0} take, {1} next)").format(
                keys.shown("entry.take_suggestion"), keys.shown("entry.next_suggestion")
            )
        )
        self.toggle.toggled.connect(self.set_expanded)
        self.note = QLabel(self.tr("Suggestions appear as the description is typed."))
        self.note.setObjectName("hint")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setMinimumWidth(0)
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        head.addWidget(self.toggle)
        head.addWidget(self.note, 1)
        lay.addLayout(head)
        self.list = QListWidget()
        self.list.setObjectName("suggestions")
        self.list.setWordWrap(False)
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_rows()
        # out of the form's Tab chain: F8 takes the highlighted one, Shift+F8 moves on
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        lay.addWidget(self.list)
        self._form: Any = None
        self._token = 0
        self._text = ""
        self._place: tuple[Any, Any] = (None, None)
        self.result: SuggestionResult | None = None
        self.accepted_rank: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._ask)
        self.list.itemActivated.connect(lambda _item: self.accept_current())
        # retraining (embedded database only): a runner of its own (one thread), so
        # minutes of training never hold up the form's lookups on the shared runner
        self._train_runner = BackgroundRunner(ctx.messages.error, self, max_threads=1)
        self._training = False
        self.refresh_timer = QTimer(self)
        # every console checks at its own moment: 300 of them never fetch a new model
        # from the database in the same second
        self.refresh_timer.setInterval(CHECK_EVERY_MS + random.randint(0, CHECK_EVERY_MS // 4))
        self.refresh_timer.timeout.connect(self.check_model)

    def _fit_rows(self) -> None:
        """As high as three rows, whatever the font and the style sheet's padding."""
        self.list.ensurePolished()
        probe = self.list.count() == 0
        if probe:
            self.list.addItem("1. 国")
        line = max(self.list.sizeHintForRow(0), self.list.fontMetrics().height() + 4)
        if probe:
            self.list.clear()
        self.list.setFixedHeight(ROWS * line + 2 * self.list.frameWidth())

    def set_expanded(self, expanded: bool) -> None:
        """Show the list of suggestions (or fold it to the header line)."""
        if self.toggle.isChecked() != expanded:
            self.toggle.setChecked(expanded)
            return
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.list.setVisible(expanded)

    # --- hooking into the entry form ------------------------------------------------
    def attach(self, form: Any) -> None:
        """Follow ``form``'s description and district, fill its fields on acceptance,
        record the outcome when it saves a case."""
        self._form = form

        def changed() -> None:
            place = (form.district.currentData(), form.town.currentData())
            self.set_text(form.description.toPlainText(), *place)

        form.description.textChanged.connect(changed)
        form.town.currentIndexChanged.connect(lambda _i: changed() if self._text else None)
        form.case_saved.connect(self.case_saved)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        keys.bind("entry.take_suggestion", form, self.accept_current, context)
        keys.bind("entry.next_suggestion", form, self.highlight_next, context)
        self.accepted.connect(self._fill)
        first = FIRST_CHECK_MS if self.ctx.app.embedded else FIRST_LOAD_MS
        QTimer.singleShot(first, self, self.check_model)
        self.refresh_timer.start()

    def _fill(self, item: SuggestedItem) -> None:
        form = self._form
        if form is None:
            return
        i = form.category.findText(item.category)
        if i >= 0:
            form.category.setCurrentIndex(i)
        else:
            form.category.setEditText(item.category)
        j = form.class_box.findData(item.class_code)
        if j >= 0:
            form.class_box.setCurrentIndex(j)
        if item.unit_id is not None:
            k = form.unit.findData(item.unit_id)
            if k >= 0:
                form.unit.setCurrentIndex(k)
                if item.unit_source == "model":
                    # the agent took the learned unit: the routing lookup the category
                    # change starts must not replace it (a rule's unit it would set
                    # itself, with the rule's co-handling units and note)
                    form._unit_manual = True
        if item.urgency == "urgent":
            form.urgent.setChecked(True)

    # --- asking ---------------------------------------------------------------------
    def set_text(self, text: str, district_id: Any = None, town_id: Any = None) -> None:
        self._text = text
        self._place = (district_id, town_id)
        self._timer.start()

    def _ask(self) -> None:
        self._token += 1
        token = self._token
        text = self._text.strip()
        if len(text) < MIN_CHARS:
            self._show(None)
            return
        app = self.ctx.app  # its suggestion service (scikit-learn) is built off the GUI thread
        district, town = self._place

        def arrived(result: SuggestionResult | None) -> None:
            if token == self._token:  # else: the text changed meanwhile
                self._show(result)

        self.ctx.runner.run(
            lambda: app.suggestions.suggest(text, district, town), arrived, owner=self
        )

    def _show(self, result: SuggestionResult | None) -> None:
        self.result = result
        self.accepted_rank = None
        self.list.clear()
        if result is None or not result.items:
            self.note.setText(
                self.tr("Suggestions appear as the description is typed.")
                if result is None
                else self.tr("No suggestion for this text.")
            )
            self.suggestions_shown.emit(result)
            return
        for n, it in enumerate(result.items, 1):
            source = self.tr("rule") if it.unit_source == "rule" else self.tr("learned")
            urgent = self.tr(" · urgent") if it.urgency == "urgent" else ""
            text = self.tr("{0}. {1}  {2:.0%} · {3} · {4} ({5}){6}").format(
                n, it.category, it.confidence, it.class_name or "—", it.unit or "—", source, urgent
            )
            row = QListWidgetItem(text)
            row.setToolTip(text)
            row.setData(ITEM_ROLE, n)
            self.list.addItem(row)
        self.list.setCurrentRow(0)
        self._fit_rows()
        self.note.setText(
            self.tr("Model v{0}; units marked 'rule' come from the routing rules.").format(
                result.model_version
            )
        )
        self.note.setToolTip(self.list.item(0).text() if self.list.count() else "")
        self.suggestions_shown.emit(result)

    def highlight_next(self) -> None:
        if self.list.count():
            self.list.setCurrentRow((self.list.currentRow() + 1) % self.list.count())

    def accept_current(self) -> None:
        """Fill the form with the highlighted suggestion (one key: F8)."""
        if self.result is None or not self.result.items:
            return
        row = max(self.list.currentRow(), 0)
        if row >= len(self.result.items):
            return
        self.accepted_rank = row + 1
        item = self.result.items[row]
        self.note.setText(self.tr("Taken: {0}").format(item.category))
        self.accepted.emit(item)

    # --- recording ------------------------------------------------------------------
    def case_saved(self, saved: SavedCase) -> None:
        result, rank = self.result, self.accepted_rank
        self._token += 1
        self._show(None)
        if result is None or not result.items:
            return
        app = self.ctx.app
        agent_id = self.ctx.identity.agent_id
        case_id = None if saved.queued else saved.id
        self.ctx.runner.run(
            lambda: app.suggestions.record(result, rank, agent_id, case_id),
            on_error=lambda exc: log.warning("suggestion outcome not recorded: %s", exc),
            owner=self,
        )

    # --- keeping the model fresh ----------------------------------------------------
    def check_model(self) -> None:
        """On the centre's database: load a newer model if one was trained (by ``suggest
        train`` or a supervisor), and store suggestions for received cases that have
        none (one console at a time does it; ``serve`` does it too). On an embedded
        database, which is this workstation's alone, retrain once the model is a day
        old."""
        if self._training:
            return
        app = self.ctx.app  # its suggestion service (scikit-learn) is built off the GUI thread
        if not app.embedded:

            def refresh() -> None:
                app.suggestions.refresh_model()
                app.suggestions.backfill()

            self.ctx.runner.run(refresh, None, lambda exc: None, owner=self)
            return

        def due() -> bool:
            age = app.suggestions.model_age_s()
            return age is None or age > RETRAIN_AFTER_S

        self.ctx.runner.run(due, self._maybe_train, lambda exc: None, owner=self)

    def _maybe_train(self, due: bool) -> None:
        if due:
            self.retrain()

    def retrain(self) -> None:
        if self._training:
            return
        self._training = True
        app = self.ctx.app

        def done(outcome: TrainOutcome) -> None:
            self._training = False
            self.trained.emit(outcome)

        def failed(exc: BaseException) -> None:
            self._training = False
            log.info("suggestion model not trained: %s", exc)

        self._train_runner.run(
            lambda: _train_quietly(app.suggestions.train), done, failed, owner=self
        )

    def wait(self, msecs: int = 60_000) -> bool:
        """Block until a background training finished (shutdown and tests)."""
        return self._train_runner.wait(msecs)


class SuggestionQualityDialog(QDialog):
    """For supervisors: how good the learned suggestions are and how often they are
    taken, with a button to retrain now."""

    loaded = Signal(object)  # QualityFigures

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("suggestionQuality")
        self.setWindowTitle(self.tr("Suggestion quality"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        rows = (
            ("model", self.tr("Model in use")),
            ("held_back", self.tr("When trained (held-back recent cases)")),
            ("recent", self.tr("Cases confirmed since")),
            ("accepted", self.tr("Taken by agents")),
        )
        for key, title in rows:
            label = QLabel("…")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key] = label
            form.addRow(title, label)
        lay.addLayout(form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.retrain_button = QPushButton(self.tr("&Retrain now"))
        buttons.addButton(self.retrain_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.retrain_button.clicked.connect(self.retrain)
        lay.addWidget(buttons)
        self._train_runner = BackgroundRunner(ctx.messages.error, self, max_threads=1)
        self.figures: QualityFigures | None = None
        self.refresh()

    @classmethod
    def show_for(cls, ctx: UiContext, parent: QWidget) -> SuggestionQualityDialog:
        dialog = cls(ctx, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def refresh(self) -> None:
        app = self.ctx.app
        self.ctx.runner.run(lambda: app.suggestions.quality(), self._show, owner=self)

    def _pair(self, m: dict[str, float], key: str) -> str:
        n = int(m.get(f"{key}_n", 0))
        if not n:
            return self.tr("no cases")
        return self.tr("top-1 {0:.1%}, top-3 {1:.1%} of {2} cases").format(
            m.get(f"{key}_top1", 0.0), m.get(f"{key}_top3", 0.0), n
        )

    def _figures(self, m: dict[str, float]) -> str:
        if not m:
            return self.tr("not measured")
        parts = [self.tr("category (first level): {0}").format(self._pair(m, "level1"))]
        if m.get("unit_n"):
            parts.append(self.tr("unit: {0}").format(self._pair(m, "unit")))
        if "level1_ece" in m:
            parts.append(
                self.tr("confidence of the first: off by {0:.1%} on average").format(
                    m["level1_ece"]
                )
            )
        return "\n".join(parts)

    def _show(self, f: QualityFigures) -> None:
        self.figures = f
        if not f.model_version:
            self.labels["model"].setText(self.tr("none yet: train one with 'Retrain now'"))
        else:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(f.trained_at))
            self.labels["model"].setText(
                self.tr("version {0}, trained {1} on {2} cases").format(
                    f.model_version, when, f.examples
                )
            )
        self.labels["held_back"].setText(self._figures(f.held_back))
        self.labels["recent"].setText(self._figures(f.recent))
        self.labels["accepted"].setText(
            self.tr(
                "{0:.0%} of {1} cases saved with suggestions shown (first: {2}); {3} days"
            ).format(f.acceptance, f.shown, f.accepted_first, f.recent_days)
        )
        self.loaded.emit(f)

    def retrain(self) -> None:
        self.retrain_button.setEnabled(False)
        self.status.setText(self.tr("Training in the background…"))
        app = self.ctx.app

        def done(outcome: TrainOutcome) -> None:
            self.retrain_button.setEnabled(True)
            self.status.setText(
                self.tr("New model in use (version {0}).").format(outcome.version)
                if outcome.promoted
                else self.tr(
                    "The new model was not better on recent cases: kept version {0}."
                ).format(outcome.version)
            )
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.retrain_button.setEnabled(True)
            self.status.setText(self.tr("Not trained: {0}").format(exc))

        self._train_runner.run(
            lambda: _train_quietly(app.suggestions.train), done, failed, owner=self
        )
