"""The form's fields between themselves: the tab order, the category found by any part
of its name or by pinyin, and a ringing call's number (console.ui.telephony.pop)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import (
    QCompleter,
    QListWidget,
    QPushButton,
    QWidget,
)

from console.services.category_search import CategoryIndex
from console.services.importer import CLASS_OF_LEVEL1
from console.ui.intake.case_fields import CATEGORY_SEP
from console.ui.intake.form_base import FormBase


class FormFields(FormBase):
    """Tab order, category search and the phone's number, on the intake form."""

    # built by CaseEntryScreen, used here
    new_button: QPushButton
    categories: CategoryIndex | None
    _category_model: QStringListModel
    category_completer: QCompleter
    _category_ids: dict[str, int]

    def _is_blank(self) -> bool:  # FormDrafts
        raise NotImplementedError

    def _ask_history(self) -> None:  # CallerHistoryPanel
        raise NotImplementedError

    def _tab_order(self) -> None:
        order: list[QWidget] = [
            self.phone,
            self.confidential,
            self.caller_name,
            self.anonymous,
            self.channel,
            self.type_consult,
            self.type_demand,
            self.sub_type,
            self.description,
            self.class_box,
            self.category,
            self.district,
            self.town,
            self.address,
            self.enterprise,
            self.credit_code,
            self.urgent,
            self.answer,
            self.unit,
            self.co_units,
            self.dispatch_note,
            self.save_button,
            self.close_button,
            self.dispatch_button,
            self.new_button,
            self.history_list,
            self.add_call_button,
            self.kb_list,
            self.kb_insert_button,
            self.dup_list,
            self.link_button,
        ]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)

    # --- category: any part of the name, or pinyin ----------------------------------
    def _category_typed(self, text: str) -> None:
        if self.categories is None:
            return
        matches = [e.text for e in self.categories.match(text)]
        self._category_model.setStringList(matches)
        if text.strip() and matches:
            self.category_completer.setCompletionPrefix("")
            self.category_completer.complete()

    def _category_chosen(self, _text: str = "") -> None:
        cid = self._category_id()
        if cid is None or self._restoring:
            return
        if self.ref is not None and not self.class_box.currentData():
            level1 = self.category.currentText().split(CATEGORY_SEP)[0]
            i = self.class_box.findData(CLASS_OF_LEVEL1.get(level1, ""))
            if i >= 0:
                self.class_box.setCurrentIndex(i)
        self._ask_routing()
        self._timers["dups"].start()

    def _category_id(self) -> int | None:
        return self._category_ids.get(self.category.currentText().strip())

    def _focus_list(self, lst: QListWidget) -> None:
        lst.setFocus()
        if lst.currentRow() < 0 and lst.count():
            lst.setCurrentRow(0)

    # --- telephony: a ringing call fills the form (console.ui.telephony.pop) ------------
    def is_blank(self) -> bool:
        return self._is_blank()

    def take_call(self, number: str, channel_code: str) -> None:
        """The caller's number and channel from the phone; their history asked at once."""
        self.phone.setText(number)
        i = self.channel.findData(channel_code)
        if i >= 0:
            self.channel.setCurrentIndex(i)
        self._timers["history"].stop()
        self._ask_history()
        self._changed()
