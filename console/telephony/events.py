"""Plain call events, whatever the phone system: an AMI adapter and the softphone command
produce them, the console records and shows them. No Qt, no SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from console.domain.clock import now_utc


class CallEventKind(StrEnum):
    RING = "ring"  # the agent's extension rings (direct dial or from a queue)
    ANSWER = "answer"  # the agent's extension answered
    HANGUP = "hangup"  # the call ended (either side)
    QUEUE_JOIN = "queue_join"  # a caller waits in a queue
    QUEUE_ABANDON = "queue_abandon"  # the caller hung up while waiting
    AGENT_CALLED = "agent_called"  # a queue rings an agent (any agent)
    AGENT_CONNECT = "agent_connect"  # a queue call answered by an agent (any agent)
    RECORDING = "recording"  # the phone system names the call's recording
    MEMBER_PAUSE = "member_pause"  # the agent's queue membership paused (reason in queue)
    MEMBER_UNPAUSE = "member_unpause"  # ... unpaused (from the phone or the PBX)
    RESYNC = "resync"  # after a (re)connect: the calls live at the extension (``live``)


#: what happens at the agent's own extension (the rest is the queue, for the wallboard)
OWN_KINDS = frozenset({CallEventKind.RING, CallEventKind.ANSWER, CallEventKind.HANGUP})


@dataclass(frozen=True)
class CallEvent:
    """One thing that happened to one call. ``call_id`` is the phone system's unique id
    of the call (Asterisk: the caller channel's Linkedid), the key that joins all the
    events of one call and the call log row."""

    kind: CallEventKind
    call_id: str
    caller: str = ""
    extension: str = ""  # the agent's extension the event concerns, if any
    queue: str = ""
    at: datetime = field(default_factory=now_utc)
    wait_seconds: float | None = None  # queue hold time reported by the phone system
    recording: str = ""  # a file name or URL of the recording, when given
    source: str = ""  # "ami" | "softphone"
    live: tuple[str, ...] = ()  # RESYNC: call ids with a channel at the extension now


class LinkState(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"  # dropped or unreachable: retrying with backoff
    REFUSED = "refused"  # wrong user name or secret: not retried until settings change
    STOPPED = "stopped"


@dataclass(frozen=True)
class LinkStatus:
    state: LinkState
    message: str = ""  # a plain sentence for the agent (English source; the UI translates)
    retry_in: float | None = None
