"""Follows the calls of one extension from plain events: which call is ringing, which is
answered, when each ended. No Qt, no SQL; the console keeps one per extension."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from console.telephony.events import CallEvent, CallEventKind


class CallState(StrEnum):
    QUEUED = "queued"
    RINGING = "ringing"
    ANSWERED = "answered"
    ENDED = "ended"
    ABANDONED = "abandoned"


@dataclass(frozen=True)
class Call:
    call_id: str
    caller: str
    extension: str
    state: CallState
    rang_at: datetime | None = None
    answered_at: datetime | None = None
    ended_at: datetime | None = None
    recording: str = ""


class CallTracker:
    """The extension's calls, by call id. ``apply`` returns the call as it is after the
    event (or None when the event is not about a call this extension follows)."""

    def __init__(self, extension: str, keep: int = 200) -> None:
        self.extension = extension
        self.calls: dict[str, Call] = {}
        self._keep = keep

    def apply(self, e: CallEvent) -> Call | None:
        call = self.calls.get(e.call_id)
        if e.kind is CallEventKind.RING:
            if call is not None and call.state is not CallState.QUEUED:
                return None  # already ringing here (DialBegin and AgentCalled both say so)
            call = Call(e.call_id, e.caller, e.extension, CallState.RINGING, rang_at=e.at)
        elif call is None:
            return None
        elif e.kind is CallEventKind.ANSWER:
            if call.state is not CallState.RINGING:
                return None
            call = replace(call, state=CallState.ANSWERED, answered_at=e.at)
        elif e.kind is CallEventKind.HANGUP:
            if call.state in (CallState.ENDED, CallState.ABANDONED):
                return None
            call = replace(call, state=CallState.ENDED, ended_at=e.at)
        elif e.kind is CallEventKind.RECORDING:
            call = replace(call, recording=e.recording)
        else:
            return None
        self.calls[e.call_id] = call
        if len(self.calls) > self._keep:  # forget the oldest ended calls
            for cid in [c.call_id for c in self.calls.values() if c.ended_at][: self._keep // 2]:
                del self.calls[cid]
        return call

    def current(self) -> Call | None:
        """The call the agent is on (answered), else the one ringing."""
        live = [c for c in self.calls.values() if c.state is CallState.ANSWERED]
        live = live or [c for c in self.calls.values() if c.state is CallState.RINGING]
        return live[-1] if live else None
