"""The intake form's draft: what was typed, kept on disk as the agent types and
restored after a crash."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from console.domain.casetypes import Urgency
from console.domain.validation import CaseDraft
from console.ui.intake.form_base import ID_ROLE, FormBase


class FormDrafts(FormBase):
    """What was typed, as a draft for the service and as plain values kept on disk."""

    # --- the draft -------------------------------------------------------------------
    def draft(self) -> CaseDraft:
        return CaseDraft(
            channel_code=self.channel.currentData() or "",
            case_type=self._case_type(),
            sub_type=self.sub_type.currentData() or "",
            class_code=self.class_box.currentData() or "",
            category_id=self._category_id(),
            district_id=self.district.currentData(),
            town_id=self.town.currentData(),
            address=self.address.text(),
            caller_name=self.caller_name.text(),
            caller_phone=self.phone.text(),
            caller_anonymous=self.anonymous.isChecked(),
            caller_confidential=self.confidential.isChecked(),
            enterprise_name=self.enterprise.text() if self._enterprise_rows[0].isVisible() else "",
            credit_code=self.credit_code.text() if self._enterprise_rows[1].isVisible() else "",
            description=self.description.toPlainText(),
            urgency=Urgency.URGENT if self.urgent.isChecked() else Urgency.NORMAL,
            answer=self.answer.toPlainText(),
        )

    def form_fields(self) -> dict[str, Any]:
        """Everything typed, as plain values (what a draft keeps)."""
        return {
            "case_uuid": str(self._case_uuid),
            "channel_code": self.channel.currentData() or "",
            "case_type": self._case_type().value,
            "sub_type": self.sub_type.currentData() or "",
            "class_code": self.class_box.currentData() or "",
            "category": self.category.currentText(),
            "district_id": self.district.currentData(),
            "town_id": self.town.currentData(),
            "address": self.address.text(),
            "caller_name": self.caller_name.text(),
            "caller_phone": self.phone.text(),
            "anonymous": self.anonymous.isChecked(),
            "confidential": self.confidential.isChecked(),
            "enterprise_name": self.enterprise.text(),
            "credit_code": self.credit_code.text(),
            "description": self.description.toPlainText(),
            "urgent": self.urgent.isChecked(),
            "answer": self.answer.toPlainText(),
            "kb_article_id": self._kb_article_id,
            "unit_id": self.unit.currentData(),
            "unit_manual": self._unit_manual,
            "co_unit_ids": list(self.co_unit_ids()),
            "dispatch_note": self.dispatch_note.toPlainText(),
            "same_issue_as": self._same_issue_as,
            "same_issue_number": self._same_issue_number,
        }

    def _is_blank(self) -> bool:
        return not any(
            (
                self.phone.text().strip(),
                self.caller_name.text().strip(),
                self.address.text().strip(),
                self.description.toPlainText().strip(),
                self.answer.toPlainText().strip(),
                self.enterprise.text().strip(),
                self.credit_code.text().strip(),
            )
        )

    def restore_fields(self, f: dict[str, Any]) -> None:
        self._restoring = True
        try:
            try:
                self._case_uuid = uuid.UUID(str(f.get("case_uuid")))
            except ValueError:
                self._case_uuid = uuid.uuid4()

            def pick(combo: QComboBox, value: Any) -> None:
                i = combo.findData(value)
                if i >= 0:
                    combo.setCurrentIndex(i)

            pick(self.channel, f.get("channel_code"))
            (self.type_demand if f.get("case_type") == "demand" else self.type_consult).setChecked(
                True
            )
            pick(self.sub_type, f.get("sub_type"))
            pick(self.class_box, f.get("class_code"))
            self.category.setEditText(str(f.get("category") or ""))
            pick(self.district, f.get("district_id"))
            pick(self.town, f.get("town_id"))
            self.address.setText(str(f.get("address") or ""))
            self.caller_name.setText(str(f.get("caller_name") or ""))
            self.phone.setText(str(f.get("caller_phone") or ""))
            self.anonymous.setChecked(bool(f.get("anonymous")))
            self.confidential.setChecked(bool(f.get("confidential")))
            self.enterprise.setText(str(f.get("enterprise_name") or ""))
            self.credit_code.setText(str(f.get("credit_code") or ""))
            self.description.setPlainText(str(f.get("description") or ""))
            self.urgent.setChecked(bool(f.get("urgent")))
            self.answer.setPlainText(str(f.get("answer") or ""))
            kb = f.get("kb_article_id")
            self._kb_article_id = int(kb) if kb is not None else None
            pick(self.unit, f.get("unit_id"))
            self._unit_manual = bool(f.get("unit_manual"))
            co = set(f.get("co_unit_ids") or [])
            for i in range(self.co_units.count()):
                item = self.co_units.item(i)
                if item is not None:
                    item.setCheckState(
                        Qt.CheckState.Checked
                        if item.data(ID_ROLE) in co
                        else Qt.CheckState.Unchecked
                    )
            self.dispatch_note.setPlainText(str(f.get("dispatch_note") or ""))
            link = f.get("same_issue_as")
        finally:
            self._restoring = False
        self._set_same_issue(
            int(link) if link is not None else None, str(f.get("same_issue_number") or "")
        )
        self._timers["history"].start()
        self._timers["kb"].start()
        self._timers["dups"].start()
        self._ask_routing()

    def _changed(self, *_args: object) -> None:
        if self._restoring or self.ref is None:
            return
        self._timers["draft"].start()

    def _write_draft(self) -> None:
        self._draft_seq += 1
        seq = self._draft_seq
        store = self.drafts
        if self._is_blank():
            self.ctx.runner.run(lambda: store.clear(seq), owner=self)
            return
        fields = self.form_fields()
        self.ctx.runner.run(
            lambda: store.save(fields, seq),
            lambda written: self.draft_written.emit(seq) if written else None,
            owner=self,
        )

    def _discard_draft(self) -> None:
        self._timers["draft"].stop()
        self._draft_seq += 1
        seq = self._draft_seq
        store = self.drafts
        self.ctx.runner.run(lambda: store.clear(seq), owner=self)
