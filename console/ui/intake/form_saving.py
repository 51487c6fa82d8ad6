"""Saving from the intake form: submit, the outcome, inline errors."""

from __future__ import annotations

from console.domain.casetypes import Status
from console.domain.errors import UserError
from console.domain.numbering import spoken
from console.domain.validation import FieldError, validate_draft
from console.services.cases import CLOSE, DISPATCH, SAVE, SavedCase
from console.services.errors import ValidationFailed
from console.services.intake import IntakeExtras
from console.ui import labels
from console.ui.errors import describe
from console.ui.intake import texts
from console.ui.intake.form_base import FormBase


class FormSaving(FormBase):
    """Saving (through the offline outbox), its outcome, and the inline errors."""

    # --- saving ----------------------------------------------------------------------
    def submit(self, action: str) -> None:
        if self._saving or self.ref is None:
            return
        if action == CLOSE and not self.type_consult.isChecked():
            return
        if action == DISPATCH and (self.type_consult.isChecked() or self._same_issue_as):
            return
        draft = self.draft()
        unit_id = self.unit.currentData() if action == DISPATCH else None
        extras = IntakeExtras(
            kb_article_id=self._kb_article_id if action == CLOSE else None,
            co_unit_ids=self.co_unit_ids() if action == DISPATCH else (),
            dispatch_note=self.dispatch_note.toPlainText() if action == DISPATCH else "",
            same_issue_as=self._same_issue_as if action == SAVE else None,
        )
        case_uuid = self._case_uuid
        who = self.ctx.identity
        # the draft on disk keeps the idempotency key: a save that went through before a
        # crash is not saved twice when the restored draft is saved again
        self._timers["draft"].stop()
        self._write_draft()
        self._set_saving(True)
        # through the offline outbox (console.offline): saved centrally, or on this
        # workstation at once when the central database is unreachable
        offline = self.ctx.app.offline
        self._save_runner.run(
            lambda: offline.submit_case(
                draft, who, action=action, unit_id=unit_id, case_uuid=case_uuid, extras=extras
            ),
            self._saved,
            self._failed,
            owner=self,
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for b in (self.save_button, self.close_button, self.dispatch_button, self.add_call_button):
            b.setProperty("busy", saving)
        if saving:
            self.status_label.setText(self.tr("Saving…"))

    def _show_number(self, number: str) -> None:
        self.number_label.setText(number)
        self.spoken_label.setText(spoken(number))
        self.copy_button.setEnabled(True)

    def _saved(self, saved: SavedCase) -> None:
        self._set_saving(False)
        self.show_errors([])
        self._show_number(saved.number)
        if saved.queued:
            self.status_label.setText(
                self.tr(
                    "Saved on this workstation: the central database is unreachable, the "
                    "case will be sent automatically. Read the number to the caller."
                )
            )
        elif self._same_issue_as is not None and saved.status == Status.CLOSED:
            text = self.tr("Recorded as the same issue as {0}. Read the number to the caller.")
            self.status_label.setText(text.format(self._same_issue_number))
        else:
            self.status_label.setText(
                self.tr("{0} — saved. Read the number to the caller.").format(
                    labels.status_name(saved.status)
                )
            )
        self.case_saved.emit(saved)
        self.clear_form()

    def _failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        if isinstance(exc, ValidationFailed):
            self.status_label.setText(self.tr("Not saved: please correct the marked fields."))
            self.show_errors(exc.errors)
            return
        if isinstance(exc, UserError):
            self.status_label.setText(self.tr("Not saved: {0}").format(describe(exc)))
            return
        self.status_label.setText(self.tr("Not saved. Everything you typed is still here."))
        self.ctx.messages.error(exc)

    def show_errors(self, errors: list[FieldError]) -> None:
        for name, label in self._errors.items():
            label.hide()
            label.clear()
            w = self._fields.get(name)
            if w is not None:
                w.setProperty("invalid", False)
                w.style().unpolish(w)
                w.style().polish(w)
        for e in errors:
            err_label = self._errors.get(e.field)
            if err_label is None:
                continue
            text = texts.field_error(e)
            err_label.setText((err_label.text() + " " if err_label.text() else "") + text)
            err_label.show()
            w = self._fields.get(e.field)
            if w is not None:
                w.setProperty("invalid", True)
                w.style().unpolish(w)
                w.style().polish(w)
        # the focus goes to the first marked field in the form's order
        marked = {e.field for e in errors}
        first = next((w for name, w in self._fields.items() if name in marked), None)
        if first is not None:
            first.setFocus()

    def recheck_field(self, name: str) -> None:
        """The agent changed a field whose error is shown: the error goes as soon as the
        field is right (checked by the same rules as on saving), not at the next save."""
        label = self._errors.get(name)
        if label is None or not label.text() or self._restoring:
            return
        names = {name, "case_type", "sub_type"} if name in ("case_type", "sub_type") else {name}
        still = [
            e
            for e in validate_draft(self.draft(), closing_directly=self.type_consult.isChecked())
            if e.field in names
        ]
        if still:
            return
        label.hide()
        label.clear()
        w = self._fields.get(name)
        if w is not None:
            w.setProperty("invalid", False)
            w.style().unpolish(w)
            w.style().polish(w)

    def error_texts(self) -> dict[str, str]:
        """Visible inline errors by field (for tests and accessibility)."""
        return {k: v.text() for k, v in self._errors.items() if v.text()}
