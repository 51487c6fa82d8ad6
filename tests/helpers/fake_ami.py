"""A fake Asterisk Manager Interface on loopback, written from the protocol: the banner
line, ``Action: Login`` answered ``Response: Success`` or ``Response: Error`` with
``Message: Authentication failed`` (then the connection closes, as Asterisk does),
ActionID echoed on every response, events in the Asterisk 18 format (``Key: Value``
lines, a blank line after each). It runs an asyncio loop in a thread of its own so
tests and benchmarks drive it from ordinary code."""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

EOL = "\r\n"
BANNER = "Asterisk Call Manager/9.0.0"


def encode(fields: Iterable[tuple[str, str]]) -> bytes:
    return ("".join(f"{k}: {v}{EOL}" for k, v in fields) + EOL).encode("utf-8")


@dataclass
class _Client:
    writer: asyncio.StreamWriter
    authenticated: bool = False


@dataclass
class FakeAmi:
    username: str = "console"
    secret: str = "s3cret"
    host: str = "127.0.0.1"
    port: int = 0
    actions: list[dict[str, str]] = field(default_factory=list)
    logins: int = 0
    refused: int = 0
    sent: int = 0
    #: the channels CoreShowChannels lists (snapshots: FakeCall.live_channel())
    channels: list[list[tuple[str, str]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.base_events.Server | None = None
        self._clients: list[_Client] = []
        self._authed = threading.Condition()

    # --- life ----------------------------------------------------------------------------
    def start(self) -> int:
        self._thread.start()
        self.listen()
        return self.port

    def listen(self) -> None:
        """Accept connections (again, on the same port after ``go_down``)."""
        fut = asyncio.run_coroutine_threadsafe(self._listen(), self._loop)
        fut.result(5)

    async def _listen(self) -> None:
        self._server = await asyncio.start_server(self._serve, self.host, self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    def drop(self) -> None:
        """Close every client connection (AMI dropped; still listening)."""
        asyncio.run_coroutine_threadsafe(self._drop(), self._loop).result(5)

    async def _drop(self) -> None:
        for c in list(self._clients):
            c.writer.close()
        self._clients.clear()

    def go_down(self) -> None:
        """Stop listening and drop everyone (Asterisk restarting)."""
        asyncio.run_coroutine_threadsafe(self._down(), self._loop).result(5)

    async def _down(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        await self._drop()

    def stop(self) -> None:
        if self._thread.is_alive():
            self.go_down()
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(5)
        self._loop.close()

    # --- the protocol --------------------------------------------------------------------
    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        client = _Client(writer)
        self._clients.append(client)
        writer.write((BANNER + EOL).encode())
        try:
            while True:
                action: dict[str, str] = {}
                while True:
                    line = await reader.readline()
                    if not line:
                        return
                    text = line.decode("utf-8").rstrip("\r\n")
                    if not text:
                        break
                    if ": " in text:
                        k, v = text.split(": ", 1)
                        action[k] = v
                if action:
                    if not await self._answer(client, action):
                        return
        except (ConnectionError, asyncio.IncompleteReadError):
            return
        finally:
            if client in self._clients:
                self._clients.remove(client)
            writer.close()

    async def _answer(self, client: _Client, action: dict[str, str]) -> bool:
        self.actions.append(action)
        name = action.get("Action", "").lower()
        aid = [("ActionID", action["ActionID"])] if "ActionID" in action else []
        w = client.writer
        if name == "login":
            if action.get("Username") == self.username and action.get("Secret") == self.secret:
                w.write(
                    encode([("Response", "Success"), *aid, ("Message", "Authentication accepted")])
                )
                w.write(
                    encode(
                        [
                            ("Event", "FullyBooted"),
                            ("Privilege", "system,all"),
                            ("Uptime", "12"),
                            ("LastReload", "12"),
                            ("Status", "Fully Booted"),
                        ]
                    )
                )
                await w.drain()
                with self._authed:
                    client.authenticated = True
                    self.logins += 1
                    self._authed.notify_all()
                return True
            w.write(encode([("Response", "Error"), *aid, ("Message", "Authentication failed")]))
            await w.drain()
            with self._authed:
                self.refused += 1
                self._authed.notify_all()
            return False  # Asterisk closes the session after a failed login
        if not client.authenticated:
            w.write(encode([("Response", "Error"), *aid, ("Message", "Permission denied")]))
        elif name == "ping":
            w.write(
                encode(
                    [
                        ("Response", "Success"),
                        *aid,
                        ("Ping", "Pong"),
                        ("Timestamp", f"{time.time():.6f}"),
                    ]
                )
            )
        elif name == "queuepause":
            on = action.get("Paused", "").lower() in ("true", "1", "yes")
            state = "paused" if on else "unpaused"
            w.write(
                encode(
                    [("Response", "Success"), *aid, ("Message", f"Interface {state} successfully")]
                )
            )
            # Asterisk tells every manager session about the member's new state
            event = encode(member_pause(action.get("Interface", ""), on, action.get("Reason", "")))
            for c in self._clients:
                if c.authenticated:
                    c.writer.write(event)
        elif name == "coreshowchannels":
            w.write(
                encode(
                    [
                        ("Response", "Success"),
                        *aid,
                        ("EventList", "start"),
                        ("Message", "Channels will follow"),
                    ]
                )
            )
            for ch in self.channels:
                w.write(encode([("Event", "CoreShowChannel"), *aid, *ch]))
            w.write(
                encode(
                    [
                        ("Event", "CoreShowChannelsComplete"),
                        *aid,
                        ("EventList", "Complete"),
                        ("ListItems", str(len(self.channels))),
                    ]
                )
            )
        elif name == "logoff":
            w.write(
                encode([("Response", "Goodbye"), *aid, ("Message", "Thanks for all the fish.")])
            )
            await w.drain()
            return False
        else:
            w.write(encode([("Response", "Error"), *aid, ("Message", "Invalid/unknown command")]))
        await w.drain()
        return True

    # --- driving it ----------------------------------------------------------------------
    def wait_logins(self, n: int, timeout: float = 10.0) -> bool:
        with self._authed:
            return self._authed.wait_for(lambda: self.logins >= n, timeout)

    def wait_refused(self, n: int = 1, timeout: float = 10.0) -> bool:
        with self._authed:
            return self._authed.wait_for(lambda: self.refused >= n, timeout)

    def send(self, *events: list[tuple[str, str]]) -> float:
        """Write events to every logged-in client; returns time.perf_counter() when the
        last was handed to the socket."""
        return asyncio.run_coroutine_threadsafe(self._send(events), self._loop).result(5)

    async def _send(self, events: tuple[list[tuple[str, str]], ...]) -> float:
        for c in self._clients:
            if c.authenticated:
                for e in events:
                    c.writer.write(encode(e))
                    self.sent += 1
                await c.writer.drain()
        return time.perf_counter()


# --- events as Asterisk 18 writes them ------------------------------------------------


def member_pause(
    interface: str, paused: bool, reason: str = "", queue: str = "hotline"
) -> list[tuple[str, str]]:
    """QueueMemberPause, as the PBX sends it when a member is paused or unpaused (by an
    AMI action, a feature code on the phone, the PBX's panel)."""
    return [
        ("Event", "QueueMemberPause"),
        ("Privilege", "agent,all"),
        ("Queue", queue),
        ("MemberName", f"Agent {interface}"),
        ("Interface", interface),
        ("StateInterface", interface),
        ("Membership", "static"),
        ("Penalty", "0"),
        ("CallsTaken", "0"),
        ("LastCall", "0"),
        ("LastPause", "0"),
        ("LoginTime", "0"),
        ("InCall", "0"),
        ("Status", "1"),
        ("Paused", "1" if paused else "0"),
        ("PausedReason", reason),
        ("Ringinuse", "0"),
        ("Wrapuptime", "0"),
    ]


_ids = itertools.count(1)


def _snapshot(
    prefix: str, channel: str, num: str, uid: str, linked: str, exten: str, state: str = "Ring"
) -> list[tuple[str, str]]:
    codes = {"Down": "0", "Ring": "4", "Ringing": "5", "Up": "6"}
    return [
        (f"{prefix}Channel", channel),
        (f"{prefix}ChannelState", codes[state]),
        (f"{prefix}ChannelStateDesc", state),
        (f"{prefix}CallerIDNum", num),
        (f"{prefix}CallerIDName", "<unknown>"),
        (f"{prefix}ConnectedLineNum", "<unknown>"),
        (f"{prefix}ConnectedLineName", "<unknown>"),
        (f"{prefix}Language", "en"),
        (f"{prefix}AccountCode", ""),
        (f"{prefix}Context", "from-trunk"),
        (f"{prefix}Exten", exten),
        (f"{prefix}Priority", "1"),
        (f"{prefix}Uniqueid", uid),
        (f"{prefix}Linkedid", linked),
    ]


@dataclass
class FakeCall:
    """One inbound call from ``caller`` through queue ``queue`` to ``extension``: the
    events Asterisk 18 writes for it, step by step."""

    caller: str
    extension: str = "1001"
    queue: str = "hotline"
    uid: str = ""

    def __post_init__(self) -> None:
        n = next(_ids)
        base = 1_700_000_000 + n
        self.uid = self.uid or f"{base}.{n}"
        self.agent_uid = f"{base}.{n + 100000}"
        self.trunk = f"PJSIP/trunk-{n:08x}"
        self.agent_channel = f"PJSIP/{self.extension}-{n + 100000:08x}"

    def caller_snap(self, state: str = "Ring") -> list[tuple[str, str]]:
        return _snapshot("", self.trunk, self.caller, self.uid, self.uid, "12345", state)

    def agent_snap(self, prefix: str = "Dest", state: str = "Down") -> list[tuple[str, str]]:
        return _snapshot(
            prefix, self.agent_channel, self.extension, self.agent_uid, self.uid, "s", state
        )

    def newchannel(self) -> list[tuple[str, str]]:
        return [("Event", "Newchannel"), ("Privilege", "call,all"), *self.caller_snap()]

    def join(self, position: int = 1) -> list[tuple[str, str]]:
        return [
            ("Event", "QueueCallerJoin"),
            ("Privilege", "agent,all"),
            *self.caller_snap("Up"),
            ("Queue", self.queue),
            ("Position", str(position)),
            ("Count", str(position)),
        ]

    def agent_called(self) -> list[tuple[str, str]]:
        return [
            ("Event", "AgentCalled"),
            ("Privilege", "agent,all"),
            *self.caller_snap("Up"),
            *self.agent_snap(),
            ("Queue", self.queue),
            ("Interface", f"PJSIP/{self.extension}"),
            ("MemberName", f"Agent {self.extension}"),
        ]

    def dial_begin(self) -> list[tuple[str, str]]:
        return [
            ("Event", "DialBegin"),
            ("Privilege", "call,all"),
            *self.caller_snap("Up"),
            *self.agent_snap(),
            ("DialString", self.extension),
        ]

    def dial_end(self, status: str = "ANSWER") -> list[tuple[str, str]]:
        return [
            ("Event", "DialEnd"),
            ("Privilege", "call,all"),
            *self.caller_snap("Up"),
            *self.agent_snap(state="Up"),
            ("DialStatus", status),
        ]

    def agent_connect(self, hold: int = 7) -> list[tuple[str, str]]:
        return [
            ("Event", "AgentConnect"),
            ("Privilege", "agent,all"),
            *self.caller_snap("Up"),
            *self.agent_snap(state="Up"),
            ("Queue", self.queue),
            ("Interface", f"PJSIP/{self.extension}"),
            ("MemberName", f"Agent {self.extension}"),
            ("HoldTime", str(hold)),
            ("RingTime", "3"),
        ]

    def bridge_enter(self) -> list[tuple[str, str]]:
        return [
            ("Event", "BridgeEnter"),
            ("Privilege", "call,all"),
            ("BridgeUniqueid", f"bridge-{self.uid}"),
            ("BridgeType", "basic"),
            ("BridgeTechnology", "simple_bridge"),
            ("BridgeCreator", "<unknown>"),
            ("BridgeName", "<unknown>"),
            ("BridgeNumChannels", "2"),
            ("BridgeVideoSourceMode", "none"),
            *self.agent_snap(prefix="", state="Up"),
        ]

    def live_channel(self, up: bool) -> list[tuple[str, str]]:
        """The agent's channel of this call as CoreShowChannel lists it."""
        snap = self.agent_snap(prefix="", state="Up" if up else "Ringing")
        snap = [(k, self.caller if k == "ConnectedLineNum" else v) for k, v in snap]
        return [
            *snap,
            ("Application", "AppDial" if up else ""),
            ("ApplicationData", "(Outgoing Line)"),
            ("Duration", "00:00:42"),
            ("BridgeId", f"bridge-{self.uid}" if up else ""),
        ]

    def recording(self, name: str) -> list[tuple[str, str]]:
        return [
            ("Event", "VarSet"),
            ("Privilege", "dialplan,all"),
            *self.caller_snap("Up"),
            ("Variable", "MIXMONITOR_FILENAME"),
            ("Value", name),
        ]

    def hangup(self, agent_side: bool = False) -> list[tuple[str, str]]:
        snap = self.agent_snap(prefix="", state="Up") if agent_side else self.caller_snap("Up")
        return [
            ("Event", "Hangup"),
            ("Privilege", "call,all"),
            *snap,
            ("Cause", "16"),
            ("Cause-txt", "Normal Clearing"),
        ]

    def abandon(self, hold: int = 25) -> list[tuple[str, str]]:
        return [
            ("Event", "QueueCallerAbandon"),
            ("Privilege", "agent,all"),
            *self.caller_snap("Up"),
            ("Queue", self.queue),
            ("Position", "1"),
            ("OriginalPosition", "1"),
            ("HoldTime", str(hold)),
        ]

    # whole stories
    def ringing(self) -> list[list[tuple[str, str]]]:
        return [self.newchannel(), self.join(), self.agent_called(), self.dial_begin()]

    def answered(self) -> list[list[tuple[str, str]]]:
        return [self.dial_end(), self.agent_connect(), self.bridge_enter()]

    def ended(self) -> list[list[tuple[str, str]]]:
        return [self.hangup(agent_side=True), self.hangup()]
