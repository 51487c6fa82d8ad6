"""The agent's state at the phone, in the status bar: ready, not ready with a reason,
on a call (set by the phone), after-call work; the time in state; the phone link."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from console.domain.agentstate import AgentState, NotReadyReason, StateNow
from console.domain.clock import now_utc
from console.telephony.events import LinkState, LinkStatus
from console.ui.telephony import texts
from console.ui.telephony.phone import Telephony


def clock(seconds: float) -> str:
    s = max(0, int(seconds))
    return (
        f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"
    )


class PhoneStatus(QWidget):
    def __init__(self, phone: Telephony, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phone = phone
        self.setObjectName("phoneStatus")
        self.link_label = QLabel()
        self.link_label.setObjectName("phoneLink")
        self.combo = QComboBox()
        self.combo.setObjectName("agentState")
        self.combo.setToolTip(self.tr("Your state at the phone (the supervisor sees it)"))
        self._choices: list[tuple[AgentState, str]] = [(AgentState.READY, "")]
        self._choices += [(AgentState.NOT_READY, r.value) for r in NotReadyReason]
        self._choices.append((AgentState.AFTER_CALL, ""))
        for state, reason in self._choices:
            self.combo.addItem(texts.state_text(state, reason))
        self.combo.addItem(texts.state_text(AgentState.ON_CALL, ""))  # shown, not chosen
        self.timer_label = QLabel()
        self.timer_label.setObjectName("stateTime")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.link_label)
        lay.addWidget(self.combo)
        lay.addWidget(self.timer_label)
        self.combo.activated.connect(self._picked)
        phone.state_changed.connect(self._show_state)
        phone.link_changed.connect(self._show_link)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._update_time)
        self._tick.start(1000)
        self._show_state(phone.state)
        self._show_link(
            phone.link.last if phone.link is not None else LinkStatus(LinkState.STOPPED)
        )

    def _picked(self, index: int) -> None:
        if 0 <= index < len(self._choices):
            state, reason = self._choices[index]
            if not self.phone.choose(state, reason):
                self._show_state(self.phone.state)

    def _show_state(self, st: StateNow) -> None:
        on_call = st.state is AgentState.ON_CALL
        if on_call:
            index = len(self._choices)
        else:
            index = next((i for i, c in enumerate(self._choices) if c == (st.state, st.reason)), 0)
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)
        self.combo.setEnabled(not on_call)
        self._update_time()

    def _update_time(self) -> None:
        since = self.phone.state.since
        self.timer_label.setText(clock((now_utc() - since).total_seconds()) if since else "")

    def _show_link(self, s: LinkStatus) -> None:
        if self.phone.link is None:
            self.link_label.setText(self.tr("Phone: softphone"))
            self.link_label.setToolTip(self.tr("Calls come from the softphone (main.py pop)"))
            return
        self.link_label.setText(texts.link_text(s))
        self.link_label.setToolTip(texts.link_tooltip(s))
