"""The intake form's base: its signals, the widgets and state its parts share, and
"latest answer wins" for the lookups made while the agent types."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from console.domain.casetypes import CaseType
from console.domain.validation import CaseDraft, FieldError
from console.infra.drafts import DraftStore
from console.services.reference import ReferenceData
from console.ui.context import UiContext
from console.ui.runner import BackgroundRunner

ID_ROLE = Qt.ItemDataRole.UserRole
OPEN_ROLE = Qt.ItemDataRole.UserRole + 1

HISTORY_DELAY_MS = 250  # after the last digit: the number is complete when typing pauses
KB_DELAY_MS = 350
DUPLICATES_DELAY_MS = 500
DRAFT_DELAY_MS = 400


def _single_shot(parent: QWidget, ms: int) -> QTimer:
    t = QTimer(parent)
    t.setSingleShot(True)
    t.setInterval(ms)
    return t


class FormBase(QWidget):
    """The intake form's signals, the widgets and state its parts share (created by
    CaseEntryScreen), and the one helper for its background lookups."""

    case_saved = Signal(object)  # SavedCase
    call_added = Signal(object)  # AddedCall: a repeat call recorded on an open case
    ready = Signal()  # reference data loaded: the form can be typed into
    history_shown = Signal(object)  # CallerHistory
    kb_shown = Signal(object)  # list[KbHit]
    duplicates_shown = Signal(object)  # list[Candidate]
    routing_shown = Signal(object)  # RoutingSuggestion
    draft_written = Signal(int)  # sequence number of the draft now on disk
    draft_restored = Signal()
    case_open_requested = Signal(int)  # a case id: the caller history's entry to open

    # created by CaseEntryScreen and SidePanels; declared here for the parts that use them
    ctx: UiContext
    ref: ReferenceData | None
    drafts: DraftStore
    _case_uuid: uuid.UUID
    _saving: bool
    _save_runner: BackgroundRunner
    _restoring: bool
    _errors: dict[str, QLabel]
    _fields: dict[str, QWidget]
    _kb_article_id: int | None
    _same_issue_as: int | None
    _same_issue_number: str
    _unit_manual: bool
    _tokens: dict[str, int]
    _draft_seq: int
    phone: QLineEdit
    confidential: QCheckBox
    caller_name: QLineEdit
    anonymous: QCheckBox
    channel: QComboBox
    type_consult: QRadioButton
    type_demand: QRadioButton
    sub_type: QComboBox
    description: QPlainTextEdit
    class_box: QComboBox
    category: QComboBox
    district: QComboBox
    town: QComboBox
    address: QLineEdit
    enterprise: QLineEdit
    credit_code: QLineEdit
    _enterprise_rows: list[QWidget]
    urgent: QCheckBox
    answer: QPlainTextEdit
    unit: QComboBox
    co_units: QListWidget
    dispatch_note: QPlainTextEdit
    sla_label: QLabel
    save_button: QPushButton
    close_button: QPushButton
    dispatch_button: QPushButton
    number_label: QLabel
    spoken_label: QLabel
    status_label: QLabel
    copy_button: QPushButton
    history_label: QLabel
    history_list: QListWidget
    add_call_button: QPushButton
    open_case_button: QPushButton
    kb_list: QListWidget
    kb_detail: QLabel
    kb_insert_button: QPushButton
    dup_list: QListWidget
    link_label: QLabel
    link_button: QPushButton
    _timers: dict[str, QTimer]

    # --- lookups while the agent types ------------------------------------------------
    def _latest(
        self,
        name: str,
        fetch: Callable[[], Any] | None,
        show: Callable[[Any], None],
        at_once: Any = None,
    ) -> None:
        """Ask for one lookup of a kind (history, kb, dups, route) in the background and
        show its answer only if no newer one was asked meanwhile (or the form cleared).
        Without ``fetch``, ``at_once`` is shown now, and older answers are dropped."""
        self._tokens[name] += 1
        token = self._tokens[name]
        if fetch is None:
            show(at_once)
            return

        def arrived(result: Any) -> None:
            if token == self._tokens[name]:  # else: the input changed meanwhile
                show(result)

        self.ctx.runner.run(fetch, arrived, owner=self)

    # what one part asks of another; each is defined in the part it belongs to
    def _case_type(self) -> CaseType:
        raise NotImplementedError

    def _category_id(self) -> int | None:
        raise NotImplementedError

    def show_errors(self, errors: list[FieldError]) -> None:
        raise NotImplementedError

    def co_unit_ids(self) -> tuple[int, ...]:
        raise NotImplementedError

    def clear_form(self) -> None:
        raise NotImplementedError

    def _set_saving(self, saving: bool) -> None:
        raise NotImplementedError

    def draft(self) -> CaseDraft:
        raise NotImplementedError

    def _write_draft(self) -> None:
        raise NotImplementedError

    def _update_buttons(self) -> None:
        raise NotImplementedError

    def _show_number(self, number: str) -> None:
        raise NotImplementedError

    def _set_same_issue(self, case_id: int | None, number: str) -> None:
        raise NotImplementedError

    def _failed(self, exc: BaseException) -> None:
        raise NotImplementedError

    def _changed(self, *_args: object) -> None:
        raise NotImplementedError

    def _ask_routing(self) -> None:
        raise NotImplementedError
