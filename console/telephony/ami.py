"""The Asterisk Manager Interface adapter: logs in to AMI with panoramisk on an asyncio
loop in a thread of its own (never the GUI thread), turns the events about the agent's
extension and the queues into plain :class:`CallEvent`, and reconnects by itself with
backoff when AMI drops. A refused login is said plainly and not retried.

Events followed (Asterisk 13+ names; 18+ format): Newchannel, DialBegin, DialEnd,
BridgeEnter, Hangup, QueueCallerJoin, AgentCalled, AgentConnect, QueueCallerAbandon,
VarSet of the recording file name (MixMonitor), and QueueMemberPause of the agent's own
queue membership (paused from the phone: the console follows). The call id is the caller channel's
Linkedid (Uniqueid when the system sends none)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote, urlsplit

from console.domain.clock import now_utc
from console.telephony.events import CallEvent, CallEventKind, LinkState, LinkStatus

log = logging.getLogger("console.cti")

DEFAULT_PORT = 5038
RECORDING_VARIABLES = frozenset({"MIXMONITOR_FILENAME", "RECORDING_FILE", "CALLFILENAME"})
FOLLOWED = (
    "Newchannel",
    "DialBegin",
    "DialEnd",
    "BridgeEnter",
    "Hangup",
    "QueueCallerJoin",
    "AgentCalled",
    "AgentConnect",
    "QueueCallerAbandon",
    "VarSet",
    "QueueMemberPause",
)


class AmiUrlError(ValueError):
    pass


@dataclass(frozen=True)
class AmiUrl:
    username: str
    secret: str | None
    host: str
    port: int

    @property
    def account(self) -> str:
        """The keyring account: user@host:port (never the secret)."""
        return f"{self.username}@{self.host}:{self.port}"

    def without_secret(self) -> str:
        return f"ami://{self.username}@{self.host}:{self.port}"


def parse_ami_url(text: str) -> AmiUrl:
    """``ami://USER:SECRET@HOST:PORT`` (the secret and port may be left out)."""
    parts = urlsplit(text.strip())
    if parts.scheme != "ami":
        raise AmiUrlError("expected ami://USER:SECRET@HOST:PORT")
    if not parts.hostname or not parts.username:
        raise AmiUrlError("the AMI URL needs a user name and a host")
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError as exc:
        raise AmiUrlError(f"bad port: {exc}") from exc
    secret = unquote(parts.password) if parts.password is not None else None
    return AmiUrl(unquote(parts.username), secret, parts.hostname, port)


def channel_extension(channel: str) -> str:
    """The extension (device) of a channel or interface name:
    ``PJSIP/1001-0000000a`` → 1001, ``SIP/1001`` → 1001, ``Local/1001@from-queue-…;1``
    → 1001."""
    if "/" not in channel:
        return channel
    rest = channel.split("/", 1)[1]
    for sep in ("@", ";"):
        rest = rest.split(sep, 1)[0]
    if "-" in rest:
        head, tail = rest.rsplit("-", 1)
        if tail and all(ch in "0123456789abcdefABCDEF" for ch in tail):
            rest = head
    return rest


def _wait(msg: Any, *keys: str) -> float | None:
    for k in keys:
        v = msg.get(k)
        if v not in (None, ""):
            try:
                return float(v)
            except (TypeError, ValueError):
                return None
    return None


def _timestamp(msg: Any) -> datetime | None:
    """The event's own time when AMI sends it (``timestampevents = yes``)."""
    raw = msg.get("Timestamp")
    if not raw:
        return None
    try:
        return datetime.fromtimestamp(float(raw), UTC)
    except (TypeError, ValueError, OverflowError):
        return None


class AmiTranslator:
    """AMI events → plain call events for one extension (and the queues). Pure: no
    sockets, so the mapping is tested on its own."""

    def __init__(self, extension: str) -> None:
        self.extension = extension
        self.own_channels: dict[str, str] = {}  # our channel's Uniqueid -> call id
        self.callers: dict[str, str] = {}  # call id -> caller number
        self.caller_channels: dict[str, str] = {}  # caller channel Uniqueid -> call id

    def _mine(self, channel: str) -> bool:
        return bool(self.extension) and channel_extension(channel) == self.extension

    def translate(self, msg: Any, at: datetime | None = None) -> list[CallEvent]:
        at = at or _timestamp(msg) or now_utc()
        name = str(msg.get("Event", ""))
        call_id = str(msg.get("Linkedid") or msg.get("Uniqueid") or "")
        caller = str(msg.get("CallerIDNum") or "")
        if caller in ("<unknown>", "unknown"):
            caller = ""
        ev: list[CallEvent] = []

        def add(kind: CallEventKind, cid: str = call_id, **kw: Any) -> None:
            if cid:
                ev.append(CallEvent(kind, cid, at=at, source="ami", **kw))

        if name == "Newchannel":
            uid = str(msg.get("Uniqueid") or "")
            if not self._mine(str(msg.get("Channel", ""))) and uid == call_id and caller:
                self.callers.setdefault(call_id, caller)
                self.caller_channels[uid] = call_id
        elif name in ("DialBegin", "AgentCalled"):
            dest = str(msg.get("DestChannel") or msg.get("Interface") or "")
            dest_call = str(msg.get("DestLinkedid") or call_id)
            if caller:
                self.callers.setdefault(dest_call, caller)
            if self._mine(dest) or self._mine(str(msg.get("Interface", ""))):
                dest_uid = str(msg.get("DestUniqueid") or "")
                if dest_uid:
                    self.own_channels[dest_uid] = dest_call
                add(
                    CallEventKind.RING,
                    dest_call,
                    caller=self.callers.get(dest_call, caller),
                    extension=self.extension,
                    queue=str(msg.get("Queue") or ""),
                )
            if name == "AgentCalled":
                add(
                    CallEventKind.AGENT_CALLED,
                    dest_call,
                    caller=caller,
                    extension=channel_extension(dest),
                    queue=str(msg.get("Queue") or ""),
                )
        elif name == "DialEnd":
            dest = str(msg.get("DestChannel") or "")
            if self._mine(dest) and str(msg.get("DialStatus", "")).upper() == "ANSWER":
                add(
                    CallEventKind.ANSWER,
                    str(msg.get("DestLinkedid") or call_id),
                    caller=caller,
                    extension=self.extension,
                )
        elif name == "BridgeEnter":
            if self._mine(str(msg.get("Channel", ""))):
                add(CallEventKind.ANSWER, extension=self.extension)
        elif name == "AgentConnect":
            dest = str(msg.get("DestChannel") or msg.get("Interface") or "")
            ext = channel_extension(str(msg.get("Interface") or dest))
            cid = str(msg.get("DestLinkedid") or call_id)
            add(
                CallEventKind.AGENT_CONNECT,
                cid,
                caller=caller,
                extension=ext,
                queue=str(msg.get("Queue") or ""),
                wait_seconds=_wait(msg, "HoldTime"),
            )
            if self._mine(dest) or ext == self.extension:
                add(CallEventKind.ANSWER, cid, caller=caller, extension=self.extension)
        elif name == "Hangup":
            uid = str(msg.get("Uniqueid") or "")
            if self._mine(str(msg.get("Channel", ""))):
                self.own_channels.pop(uid, None)
                add(CallEventKind.HANGUP, extension=self.extension)
            elif uid and uid == call_id:  # the caller's channel: the call is over
                self.callers.pop(call_id, None)
                self.caller_channels.pop(uid, None)
                add(CallEventKind.HANGUP, caller=caller)
        elif name == "QueueCallerJoin":
            self.callers.setdefault(call_id, caller)
            add(CallEventKind.QUEUE_JOIN, caller=caller, queue=str(msg.get("Queue") or ""))
        elif name == "QueueCallerAbandon":
            add(
                CallEventKind.QUEUE_ABANDON,
                caller=caller,
                queue=str(msg.get("Queue") or ""),
                wait_seconds=_wait(msg, "HoldTime"),
            )
        elif name == "QueueMemberPause":
            iface = str(msg.get("Interface") or msg.get("StateInterface") or "")
            if self._mine(iface):
                paused = str(msg.get("Paused", "")).strip().lower() in ("1", "true", "yes")
                ev.append(
                    CallEvent(
                        CallEventKind.MEMBER_PAUSE if paused else CallEventKind.MEMBER_UNPAUSE,
                        f"member:{iface}",
                        extension=self.extension,
                        queue=str(msg.get("PausedReason") or msg.get("Reason") or ""),
                        at=at,
                        source="ami",
                    )
                )
        elif name == "VarSet":
            if str(msg.get("Variable", "")).upper() in RECORDING_VARIABLES and msg.get("Value"):
                add(CallEventKind.RECORDING, recording=str(msg.get("Value")))
        return ev


@functools.cache
def _manager_class() -> type[Any]:
    """panoramisk's Manager with its fixed-delay reconnect handed to our supervisor (which
    backs off and tells the console). Imported when a phone system is first connected,
    not on the console's start path."""
    from panoramisk import Manager  # type: ignore[import-untyped]

    class _Manager(Manager):  # type: ignore[misc]
        def __init__(self, on_lost: Callable[[object], None], **config: Any) -> None:
            super().__init__(**config)
            self._on_lost = on_lost

        def connection_made(self, f: asyncio.Future[Any]) -> None:
            if f.cancelled() or f.exception() is not None:
                return  # the supervisor awaits the same task and backs off
            super().connection_made(f)

        def connection_lost(self, exc: object) -> None:
            self._connected = False
            pinger: Any = getattr(self, "pinger", None)
            if pinger is not None:
                pinger.cancel()
                self.pinger = None
            self._on_lost(exc)

    return _Manager


EventSink = Callable[[CallEvent], None]
StatusSink = Callable[[LinkStatus], None]


class AmiAdapter:
    """Runs in a thread of its own; ``on_event`` and ``on_status`` are called on that
    thread (the UI hands them to the GUI thread through a queued signal)."""

    def __init__(
        self,
        url: AmiUrl,
        extension: str,
        on_event: EventSink,
        on_status: StatusSink,
        *,
        backoff: tuple[float, float] = (1.0, 30.0),
        login_timeout: float = 10.0,
        ping_seconds: int = 10,
    ) -> None:
        if not url.secret:
            raise AmiUrlError("no AMI secret: set it in the settings (kept in the keyring)")
        self.url = url
        self.extension = extension
        self.translator = AmiTranslator(extension)
        self._on_event = on_event
        self._on_status = on_status
        self._backoff = backoff
        self._login_timeout = login_timeout
        self._ping = ping_seconds
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._stop: asyncio.Event | None = None
        self._manager: Any = None
        self._ready = threading.Event()
        self.received = 0  # AMI events seen (for the burst benchmark)
        self.state = LinkState.STOPPED

    # --- life --------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._main, name="ami", daemon=True)
        self._thread.start()
        self._ready.wait(5)

    def stop(self, timeout: float = 5.0) -> None:
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(stop.set)
            except RuntimeError:  # the loop closed meanwhile
                pass
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _main(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        self._stop = asyncio.Event()
        self._ready.set()
        try:
            loop.run_until_complete(self._supervise())
        finally:
            try:
                loop.run_until_complete(loop.shutdown_asyncgens())
            finally:
                loop.close()
        self._status(LinkState.STOPPED, "")

    def _status(self, state: LinkState, message: str, retry_in: float | None = None) -> None:
        self.state = state
        try:
            self._on_status(LinkStatus(state, message, retry_in))
        except Exception:  # noqa: BLE001 - a sink's bug must not kill the link
            log.exception("CTI status sink failed")

    # --- the supervisor: connect, log in, wait for the drop, back off -------------------
    async def _supervise(self) -> None:
        assert self._stop is not None
        delay = self._backoff[0]
        while not self._stop.is_set():
            self._status(LinkState.CONNECTING, "")
            outcome = await self._session()
            if outcome == "stop":
                break
            if outcome == "refused":
                self._status(
                    LinkState.REFUSED,
                    "The phone system refused the AMI user name or secret. "
                    "Check them in the settings.",
                )
                await self._stop.wait()
                break
            if outcome == "lived":
                delay = self._backoff[0]  # it worked a while: start the backoff again
            wait = delay * (0.8 + 0.4 * random.random())
            self._status(
                LinkState.DISCONNECTED,
                f"The phone system ({self.url.host}:{self.url.port}) is not answering; "
                "trying again.",
                wait,
            )
            try:
                await asyncio.wait_for(self._stop.wait(), wait)
            except TimeoutError:
                pass
            delay = min(delay * 2, self._backoff[1])

    async def _session(self) -> str:
        """One connection: "stop", "refused", "failed" (never connected) or "lived"."""
        assert self._stop is not None and self._loop is not None
        lost = asyncio.Event()
        manager = _manager_class()(
            lambda _exc: lost.set(),
            host=self.url.host,
            port=self.url.port,
            username=self.url.username,
            secret=self.url.secret or "",
            loop=self._loop,
            ping_delay=self._ping,
            ping_interval=self._ping,
            log=logging.getLogger("console.cti.panoramisk"),
        )
        for name in FOLLOWED:
            manager.register_event(name, self._dispatch)
        try:
            await manager.connect()
        except OSError as exc:
            log.info("AMI %s:%s unreachable: %s", self.url.host, self.url.port, exc)
            return "failed"
        fut = manager.authenticated_future
        try:
            resp = await asyncio.wait_for(asyncio.shield(fut), self._login_timeout)
        except (TimeoutError, asyncio.CancelledError, OSError):
            manager.close()
            return "failed"
        except Exception:  # noqa: BLE001 - the connection closed during the login
            manager.close()
            return "failed"
        if not resp.success:
            log.warning("AMI login refused: %s", resp.get("Message", ""))
            manager.close()
            return "refused"
        self._manager = manager
        self._status(LinkState.CONNECTED, "")
        log.info("AMI connected to %s:%s", self.url.host, self.url.port)
        asyncio.ensure_future(self._resync(manager))
        stop_wait = asyncio.ensure_future(self._stop.wait())
        lost_wait = asyncio.ensure_future(lost.wait())
        await asyncio.wait({stop_wait, lost_wait}, return_when=asyncio.FIRST_COMPLETED)
        for t in (stop_wait, lost_wait):
            t.cancel()
        self._manager = None
        if self._stop.is_set():
            manager.close()
            return "stop"
        manager.close()
        log.warning("AMI connection to %s:%s lost", self.url.host, self.url.port)
        return "lived"

    async def _resync(self, manager: Any) -> None:
        """What happened at the extension while the link was down: the channels live now
        (CoreShowChannels) become ring / answer events, and a RESYNC event lists them so
        the console ends the calls it followed that are gone."""
        try:
            reply = await asyncio.wait_for(
                manager.send_action({"Action": "CoreShowChannels"}, as_list=True), 10
            )
        except Exception as exc:  # noqa: BLE001 - a link gone again: the next one resyncs
            log.info("AMI channel list not read: %s", exc)
            return
        messages = reply if isinstance(reply, list) else [reply]
        live: list[str] = []
        for m in messages:
            if str(m.get("Event", "")) != "CoreShowChannel":
                continue
            if not self.translator._mine(str(m.get("Channel", ""))):
                continue
            call_id = str(m.get("Linkedid") or m.get("Uniqueid") or "")
            if not call_id:
                continue
            live.append(call_id)
            caller = str(m.get("ConnectedLineNum") or "")
            if caller in ("<unknown>", "unknown"):
                caller = ""
            caller = self.translator.callers.get(call_id, caller)
            self.translator.own_channels[str(m.get("Uniqueid") or "")] = call_id
            state = str(m.get("ChannelStateDesc", "")).lower()
            ring = CallEvent(
                CallEventKind.RING, call_id, caller=caller, extension=self.extension, source="ami"
            )
            self._on_event(ring)
            if state == "up":
                self._on_event(
                    CallEvent(CallEventKind.ANSWER, call_id, extension=self.extension, source="ami")
                )
        self._on_event(
            CallEvent(
                CallEventKind.RESYNC, "", extension=self.extension, source="ami", live=tuple(live)
            )
        )

    def _dispatch(self, _manager: object, msg: Any) -> None:
        self.received += 1
        try:
            for e in self.translator.translate(msg):
                self._on_event(e)
        except Exception:  # noqa: BLE001 - one odd event must not stop the others
            log.exception("AMI event not understood: %r", msg)

    # --- actions from the console -------------------------------------------------------
    def send_action(self, action: dict[str, str]) -> concurrent.futures.Future[Any]:
        """Send an action from any thread; the future holds the response message."""
        loop = self._loop
        if loop is None or loop.is_closed():
            f: concurrent.futures.Future[Any] = concurrent.futures.Future()
            f.set_exception(ConnectionError("not connected to the phone system"))
            return f

        async def send() -> Any:
            m = self._manager
            if m is None:
                raise ConnectionError("not connected to the phone system")
            return await asyncio.wait_for(m.send_action(dict(action)), 10)

        return asyncio.run_coroutine_threadsafe(send(), loop)

    def queue_pause(
        self, interface: str, paused: bool, reason: str = "", queue: str = ""
    ) -> concurrent.futures.Future[Any]:
        """Pause (or unpause) the agent's queue membership (Action: QueuePause)."""
        action = {"Action": "QueuePause", "Interface": interface, "Paused": str(paused).lower()}
        if reason:
            action["Reason"] = reason
        if queue:
            action["Queue"] = queue
        return self.send_action(action)
