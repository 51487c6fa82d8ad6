"""The softphone path: ``python main.py pop --caller NUMBER [--call-id ID]`` hands an
incoming call to the console already running for this user, over a local socket (the
console listens with Qt's QLocalServer on the name below). Any softphone that runs a
command on an incoming call (MicroSIP, Zoiper and most others) can pop the form with no
PBX access. No Qt here: the command side is a plain socket (Unix) or named pipe
(Windows) to the same name.

One line of JSON each way: ``{"caller": "...", "call_id": "...", "event": "ring"}`` →
``{"ok": true, "call_id": "..."}``. ``event`` is ring (the default), answer or hangup: a
softphone that runs commands on answer and on hang-up too (MicroSIP's cmdCallAnswer,
cmdCallEnd) has those recorded as well.
"""

from __future__ import annotations

import getpass
import json
import os
import re
import socket
import sys
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

MAX_LINE = 4096
_SAFE = re.compile(r"[^A-Za-z0-9_.-]")


class NoConsole(Exception):
    """No console is running for this user (nothing listens on the socket)."""


def server_name(user: str | None = None) -> str:
    """What the console listens on: a path on Unix (in the user's runtime directory), a
    pipe name on Windows. One per operating-system user."""
    who = _SAFE.sub("_", user or getpass.getuser()) or "user"
    name = f"hotline-console-pop-{who}"
    if sys.platform == "win32":
        return name
    # a portable install (HOTLINE_CONSOLE_HOME, also each test run) has a socket of its own
    base = (
        os.environ.get("HOTLINE_CONSOLE_HOME")
        or os.environ.get("XDG_RUNTIME_DIR")
        or tempfile.gettempdir()
    )
    return str(Path(base) / name)


EVENTS = ("ring", "answer", "hangup")


@dataclass(frozen=True)
class PopRequest:
    caller: str
    call_id: str
    event: str = "ring"

    def encode(self) -> bytes:
        doc = {"caller": self.caller, "call_id": self.call_id, "event": self.event}
        return (json.dumps(doc) + "\n").encode()


def parse_request(line: bytes) -> PopRequest:
    """A request line from the socket (refuses anything that is not one)."""
    doc = json.loads(line.decode("utf-8"))
    if not isinstance(doc, dict):
        raise ValueError("not an object")
    caller = str(doc.get("caller") or "").strip()
    if not caller or len(caller) > 32:
        raise ValueError("caller missing or too long")
    call_id = str(doc.get("call_id") or "").strip()[:64] or f"pop-{uuid.uuid4().hex[:12]}"
    event = str(doc.get("event") or "ring")
    if event not in EVENTS:
        raise ValueError(f"unknown event {event!r}")
    return PopRequest(caller, call_id, event)


def send_pop(
    caller: str,
    call_id: str = "",
    name: str | None = None,
    timeout: float = 5.0,
    event: str = "ring",
) -> str:
    """Hand the call to the running console; its answer line. Raises NoConsole."""
    req = PopRequest(caller, call_id, event)
    target = name or server_name()
    if sys.platform == "win32":  # QLocalServer listens on a named pipe there
        try:
            with open(rf"\\.\pipe\{target}", "r+b", buffering=0) as pipe:
                pipe.write(req.encode())
                return pipe.readline(MAX_LINE).decode("utf-8").strip()
        except FileNotFoundError as exc:
            raise NoConsole(target) from exc
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        try:
            s.connect(target)
        except (FileNotFoundError, ConnectionRefusedError) as exc:
            raise NoConsole(target) from exc
        s.sendall(req.encode())
        buf = b""
        while not buf.endswith(b"\n") and len(buf) < MAX_LINE:
            chunk = s.recv(MAX_LINE)
            if not chunk:
                break
            buf += chunk
        return buf.decode("utf-8").strip()
