"""The phone system's events on the GUI thread: the AMI adapter runs in a thread of its
own and its callbacks become queued signals here; the softphone socket (QLocalServer)
turns ``main.py pop`` requests into the same plain events."""

from __future__ import annotations

import json
import logging
import os
import socket
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from console.telephony.ami import AmiAdapter, AmiUrl
from console.telephony.events import CallEvent, CallEventKind, LinkState, LinkStatus
from console.telephony.softphone import MAX_LINE, parse_request, server_name

log = logging.getLogger("console.cti")

_KINDS = {
    "ring": CallEventKind.RING,
    "answer": CallEventKind.ANSWER,
    "hangup": CallEventKind.HANGUP,
}


class AmiLink(QObject):
    """Owns the AMI adapter; ``event`` and ``status`` arrive on the GUI thread."""

    call_event = Signal(object)  # CallEvent
    status = Signal(object)  # LinkStatus

    def __init__(
        self,
        url: AmiUrl,
        extension: str,
        parent: QObject | None = None,
        backoff: tuple[float, float] = (1.0, 30.0),
    ) -> None:
        super().__init__(parent)
        # emitted from the adapter's thread: Qt queues them to this object's (GUI) thread
        self.adapter = AmiAdapter(
            url, extension, self.call_event.emit, self.status.emit, backoff=backoff
        )
        self.last = LinkStatus(LinkState.STOPPED)
        self.status.connect(self._keep)

    def _keep(self, s: LinkStatus) -> None:
        self.last = s

    def start(self) -> None:
        self.adapter.start()

    def stop(self) -> None:
        self.adapter.stop()


class PopServer(QObject):
    """Listens for ``main.py pop`` on this user's local socket."""

    call_event = Signal(object)  # CallEvent (source "softphone")

    def __init__(self, extension: str, parent: QObject | None = None, name: str = "") -> None:
        super().__init__(parent)
        self.extension = extension
        self.name = name or server_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        # Qt's listen() would take the name over from a live console: ask first
        if self._alive():
            log.warning("another console already takes the pops of this user (%s)", self.name)
            return False
        if not self.server.listen(self.name):
            # a console that crashed leaves its socket file behind: nobody answers on it
            QLocalServer.removeServer(self.name)
            if sys.platform != "win32" and os.path.exists(self.name):
                os.unlink(self.name)
            if not self.server.listen(self.name):
                log.warning("softphone socket %s: %s", self.name, self.server.errorString())
                return False
        log.info("softphone pops on %s", self.name)
        return True

    def _alive(self) -> bool:
        """Does another console answer on the name?"""
        if sys.platform == "win32":
            probe = QLocalSocket()
            probe.connectToServer(self.name)
            alive = probe.waitForConnected(200)
            probe.abort()
            return alive
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(0.5)
            try:
                s.connect(self.name)
            except OSError:
                return False
            return True

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            if sock is None:
                break
            self._buffers[sock] = b""
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(lambda s=sock: self._gone(s))

    def _gone(self, sock: QLocalSocket) -> None:
        self._buffers.pop(sock, None)
        sock.deleteLater()

    def _read(self, sock: QLocalSocket) -> None:
        buf = self._buffers.get(sock, b"") + bytes(sock.readAll().data())
        if b"\n" not in buf:
            if len(buf) > MAX_LINE:
                self._answer(sock, {"ok": False, "error": "request too long"})
            else:
                self._buffers[sock] = buf
            return
        line = buf.split(b"\n", 1)[0]
        self._buffers[sock] = b""
        try:
            req = parse_request(line)
        except ValueError as exc:
            self._answer(sock, {"ok": False, "error": str(exc)})
            return
        self._answer(sock, {"ok": True, "call_id": req.call_id})
        self.call_event.emit(
            CallEvent(
                _KINDS[req.event],
                req.call_id,
                caller=req.caller,
                extension=self.extension,
                source="softphone",
            )
        )

    def _answer(self, sock: QLocalSocket, doc: dict[str, object]) -> None:
        sock.write((json.dumps(doc) + "\n").encode())
        sock.flush()
        sock.disconnectFromServer()
