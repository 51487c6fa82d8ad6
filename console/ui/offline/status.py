"""The status bar's link indicator: online / offline / sending, and how many items
wait in this workstation's outbox. Clicking it opens the outbox."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from console.offline.policy import LinkState
from console.offline.service import OutboxStatus
from console.ui.context import UiContext

COLOURS = {
    LinkState.ONLINE: "#2e7d32",
    LinkState.OFFLINE: "#c62828",
    LinkState.REPLAYING: "#ef6c00",
}


class _Relay(QObject):
    changed = Signal(object)  # OutboxStatus, from any thread


class LinkIndicator(QToolButton):
    status_shown = Signal(object)  # OutboxStatus, once on screen (tests)

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setObjectName("linkIndicator")
        self.setAutoRaise(True)
        self.setToolTip(self.tr("Central database link and this workstation's outbox"))
        self.status: OutboxStatus | None = None
        self._relay = _Relay(self)
        self._relay.changed.connect(self._show)
        relay = self._relay

        def deliver(st: OutboxStatus) -> None:  # any thread: queued to the GUI thread
            if shiboken6.isValid(relay):
                relay.changed.emit(st)

        self._deliver = deliver
        self.offline = ui.app.offline
        self.offline.subscribe(deliver)
        self.destroyed.connect(lambda *_a, s=self.offline, d=deliver: s.unsubscribe(d))
        self.clicked.connect(self.open_outbox)
        self.setText(self.tr("● Checking the link…"))
        ui.runner.run(self.offline.status, self._show, lambda _e: None, owner=self)

    def _show(self, st: OutboxStatus) -> None:
        self.status = st
        if st.state is LinkState.OFFLINE:
            text = self.tr("● Offline — {0} waiting").format(st.waiting)
        elif st.state is LinkState.REPLAYING:
            text = self.tr("● Sending — {0} waiting").format(st.waiting)
        elif st.held:
            text = self.tr("● Online — {0} need attention").format(st.held)
        else:
            text = self.tr("● Online")
        self.setText(text)
        self.setStyleSheet(f"color: {COLOURS[st.state]}; font-weight: bold;")
        self.status_shown.emit(st)

    def open_outbox(self) -> QWidget:
        from console.ui.offline.dialog import OutboxDialog

        dlg = OutboxDialog(self.ui, self.window())
        dlg.show()
        return dlg
