"""Translatable texts of the telephony screens, in one place."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication

from console.domain.agentstate import AgentState
from console.telephony.events import LinkState, LinkStatus


def state_name(state: str) -> str:
    names = {
        AgentState.READY.value: QCoreApplication.translate("Telephony", "Ready"),
        AgentState.NOT_READY.value: QCoreApplication.translate("Telephony", "Not ready"),
        AgentState.ON_CALL.value: QCoreApplication.translate("Telephony", "On a call"),
        AgentState.AFTER_CALL.value: QCoreApplication.translate("Telephony", "After-call work"),
        AgentState.SIGNED_OUT.value: QCoreApplication.translate("Telephony", "Signed out"),
    }
    return names.get(state, state)


def reason_name(reason: str) -> str:
    names = {
        "break": QCoreApplication.translate("Telephony", "break"),
        "meal": QCoreApplication.translate("Telephony", "meal"),
        "training": QCoreApplication.translate("Telephony", "training"),
        "meeting": QCoreApplication.translate("Telephony", "meeting"),
    }
    return names.get(reason, reason)


def state_text(state: str, reason: str) -> str:
    if reason:
        return QCoreApplication.translate("Telephony", "{0} — {1}").format(
            state_name(state), reason_name(reason)
        )
    return state_name(state)


def link_text(s: LinkStatus) -> str:
    return {
        LinkState.CONNECTING: QCoreApplication.translate("Telephony", "Phone: connecting…"),
        LinkState.CONNECTED: QCoreApplication.translate("Telephony", "Phone: connected"),
        LinkState.DISCONNECTED: QCoreApplication.translate("Telephony", "Phone: not answering"),
        LinkState.REFUSED: QCoreApplication.translate("Telephony", "Phone: login refused"),
        LinkState.STOPPED: QCoreApplication.translate("Telephony", "Phone: off"),
    }[s.state]


def link_tooltip(s: LinkStatus) -> str:
    if s.state is LinkState.DISCONNECTED:
        return QCoreApplication.translate(
            "Telephony", "The phone system is not answering; trying again in {0} s."
        ).format(f"{s.retry_in or 0:.0f}")
    if s.state is LinkState.REFUSED:
        return QCoreApplication.translate(
            "Telephony",
            "The phone system refused the AMI user name or secret. Check them in the settings.",
        )
    return ""


def duration(d: timedelta | None) -> str:
    if d is None:
        return "—"
    s = int(d.total_seconds())
    return f"{s // 60}:{s % 60:02d}"
