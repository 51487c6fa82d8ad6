"""The screen pop: when the agent's extension rings, the entry form takes the caller's
number (channel 12345 hotline) and asks their history at once; a form the agent is
still typing in is never overwritten: the call opens in a new case tab instead. The
case saved from a popped form is linked to its call."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from console.domain.validation import phone_kind
from console.infra import paths
from console.infra.drafts import DraftStore
from console.services.callers import AddedCall
from console.services.cases import SavedCase
from console.telephony.events import CallEvent
from console.ui.context import UiContext
from console.ui.intake.form import CaseEntryScreen

log = logging.getLogger("console.cti")

PHONE_CHANNEL = "phone_12345"  # 12345热线电话 (resources/reference/channels.csv)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


class CallTabs(QWidget):
    """A window of case tabs for calls that rang while the entry form was in use."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ui = ui
        self.setObjectName("callTabs")
        self.setWindowTitle(self.tr("Calls"))
        self.resize(1280, 780)
        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.tabs)

    def new_form(self, e: CallEvent) -> CaseEntryScreen:
        key = hashlib.sha256(
            f"{self.ui.app.masked_url}\n{self.ui.identity.username}\n{e.call_id}".encode()
        ).hexdigest()[:16]
        drafts = DraftStore(paths.data_dir() / "drafts" / f"call-{key}.json")
        form = CaseEntryScreen(self.ui, drafts=drafts)
        i = self.tabs.addTab(form, e.caller or self.tr("Call"))
        self.tabs.setCurrentIndex(i)
        self.show()
        if QGuiApplication.platformName() != "offscreen":  # it has no window stacking
            self.raise_()
        self.activateWindow()
        return form

    def close_tab(self, index: int) -> None:
        form = self.tabs.widget(index)
        if isinstance(form, CaseEntryScreen) and not form.is_blank():
            self.ui.messages.warning(
                self.tr("This call's case is not saved: save it or clear it (Ctrl+N) first.")
            )
            return
        self.tabs.removeTab(index)
        if form is not None:
            form.deleteLater()
        if not self.tabs.count():
            self.hide()

    def forms(self) -> list[CaseEntryScreen]:
        out = []
        for i in range(self.tabs.count()):
            w = self.tabs.widget(i)
            if isinstance(w, CaseEntryScreen):
                out.append(w)
        return out


class ScreenPop(QObject):
    """Puts ringing calls into forms and links the saved cases to their calls."""

    popped = Signal(object, object)  # (CaseEntryScreen, CallEvent): the number is in
    linked = Signal(str, int)  # call id, case id

    def __init__(
        self,
        ui: UiContext,
        entry: CaseEntryScreen,
        show_entry: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = ui
        self.entry = entry
        self.show_entry = show_entry
        self.tabs = CallTabs(ui, parent)
        self._calls: dict[int, CallEvent] = {}  # id(form) -> the call it holds
        self._as_popped: dict[int, dict[str, object]] = {}  # id(form) -> fields at the pop
        self._wired: set[int] = set()

    def pop(self, e: CallEvent) -> CaseEntryScreen:
        for form in [self.entry, *self.tabs.forms()]:  # the same call twice: no new tab
            c = self._calls.get(id(form))
            if c is not None and c.call_id == e.call_id and not form.is_blank():
                return form
        if self.entry.is_blank():
            form = self.entry
            self.show_entry()
        else:  # never overwrite what the agent is typing
            form = self.tabs.new_form(e)
        self._calls[id(form)] = e
        self._wire(form)
        if form.ref is None or not form.isEnabled():  # still loading its reference data
            form.ready.connect(lambda f=form, ev=e: self._fill(f, ev))
        else:
            self._fill(form, e)
        return form

    def _fill(self, form: CaseEntryScreen, e: CallEvent) -> None:
        if self._calls.get(id(form)) is not e:
            return
        form.take_call(e.caller, PHONE_CHANNEL)
        self._as_popped[id(form)] = form.form_fields()
        if phone_kind(e.caller) is None:
            log.info("call %s from %r: not a number the history knows", e.call_id, e.caller)
        self.popped.emit(form, e)

    def _wire(self, form: CaseEntryScreen) -> None:
        if id(form) in self._wired:
            return
        self._wired.add(id(form))
        form.case_saved.connect(lambda saved, f=form: self._saved(f, saved))
        form.call_added.connect(lambda added, f=form: self._added(f, added))
        key = id(form)
        form.destroyed.connect(lambda *_a: self._forget(key))

    def withdraw(self, call_id: str) -> bool:
        """The call rang here but was not taken here (another agent answered, the caller
        hung up): a form still as the pop left it is cleared for the next call; one the
        agent typed in is left alone."""
        for form in [self.entry, *self.tabs.forms()]:
            key = id(form)
            e = self._calls.get(key)
            if e is None or e.call_id != call_id:
                continue
            del self._calls[key]
            if form.form_fields() == self._as_popped.pop(key, None):
                form.new_case(ask=False)  # only the pop's own number: nothing to ask
                if form is not self.entry:
                    self.tabs.close_tab(self.tabs.tabs.indexOf(form))
                return True
        return False

    def _forget(self, key: int) -> None:
        self._as_popped.pop(key, None)
        self._calls.pop(key, None)
        self._wired.discard(key)

    def call_of(self, form: CaseEntryScreen) -> CallEvent | None:
        return self._calls.get(id(form))

    def _link(self, form: CaseEntryScreen, case_id: int) -> None:
        e = self._calls.get(id(form))
        # only the call this form holds, and only if its number is still the caller's
        if e is None or _digits(form.phone.text()) != _digits(e.caller):
            return
        del self._calls[id(form)]
        self._as_popped.pop(id(form), None)
        calls = self.ui.app.calls
        self.ui.runner.run(
            lambda: calls.link_case(e.call_id, case_id),
            lambda _ok: self.linked.emit(e.call_id, case_id),
            lambda exc: log.warning("call %s not linked to case %s: %s", e.call_id, case_id, exc),
        )

    def _saved(self, form: CaseEntryScreen, saved: SavedCase) -> None:
        if saved.queued:  # kept on this workstation: no central case id yet
            self._calls.pop(id(form), None)
            return
        self._link(form, saved.id)

    def _added(self, form: CaseEntryScreen, added: AddedCall) -> None:
        self._link(form, added.case_id)
