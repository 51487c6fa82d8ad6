"""Translatable texts of the telephony screens, in one place."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication

from console.domain.agentstate import AgentState
from console.telephony.events import LinkState, LinkStatus

CTX = "Telephony"


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def state_name(state: str) -> str:
    names = {
        AgentState.READY.value: tr("Ready"),
        AgentState.NOT_READY.value: tr("Not ready"),
        AgentState.ON_CALL.value: tr("On a call"),
        AgentState.AFTER_CALL.value: tr("After-call work"),
        AgentState.SIGNED_OUT.value: tr("Signed out"),
    }
    return names.get(state, state)


def reason_name(reason: str) -> str:
    names = {
        "break": tr("break"),
        "meal": tr("meal"),
        "training": tr("training"),
        "meeting": tr("meeting"),
    }
    return names.get(reason, reason)


def state_text(state: str, reason: str) -> str:
    if reason:
        return tr("{0} — {1}").format(state_name(state), reason_name(reason))
    return state_name(state)


def link_text(s: LinkStatus) -> str:
    return {
        LinkState.CONNECTING: tr("Phone: connecting…"),
        LinkState.CONNECTED: tr("Phone: connected"),
        LinkState.DISCONNECTED: tr("Phone: not answering"),
        LinkState.REFUSED: tr("Phone: login refused"),
        LinkState.STOPPED: tr("Phone: off"),
    }[s.state]


def link_tooltip(s: LinkStatus) -> str:
    if s.state is LinkState.DISCONNECTED:
        return tr("The phone system is not answering; trying again in {0} s.").format(
            f"{s.retry_in or 0:.0f}"
        )
    if s.state is LinkState.REFUSED:
        return tr(
            "The phone system refused the AMI user name or secret. Check them in the settings."
        )
    return ""


def duration(d: timedelta | None) -> str:
    if d is None:
        return "—"
    s = int(d.total_seconds())
    return f"{s // 60}:{s % 60:02d}"
