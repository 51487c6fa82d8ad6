"""An in-process TCP proxy to put between the console and PostgreSQL, to cut the link
without touching the shared server.

    proxy = TcpProxy(("127.0.0.1", 5432)).start()
    url = proxy.url("postgresql+psycopg://postgres@127.0.0.1:5432/db")
    proxy.refuse()      # new connections refused (nobody listening), existing ones reset
    proxy.blackhole()   # connections accepted, traffic swallowed both ways (a hung link)
    proxy.restore()

``drop()`` resets the open connections and keeps accepting new ones (a server restart
seen from the client). One thread accepts, two threads pump each connection.
"""

from __future__ import annotations

import logging
import socket
import struct
import threading
from typing import Any

from sqlalchemy.engine import make_url

log = logging.getLogger("tests.proxy")

PASS = "pass"
REFUSE = "refuse"
BLACKHOLE = "blackhole"


class TcpProxy:
    def __init__(self, target: tuple[str, int] = ("127.0.0.1", 5432), port: int = 0) -> None:
        self.target = target
        self._port = port
        self._lock = threading.Lock()
        self._conns: list[tuple[socket.socket, socket.socket]] = []
        self._listener: socket.socket | None = None
        self._stop = threading.Event()
        self.mode = PASS
        self.accepted = 0

    # --- life cycle ----------------------------------------------------------------
    def start(self) -> TcpProxy:
        self._listen()
        return self

    @property
    def port(self) -> int:
        return self._port

    def url(self, url: str) -> str:
        u = make_url(url).set(host="127.0.0.1", port=self._port)
        return u.render_as_string(hide_password=False)

    def stop(self) -> None:
        self._stop.set()
        self._close_listener()
        self._reset_all()

    # --- faults --------------------------------------------------------------------
    def refuse(self) -> None:
        """Nobody listens any more (connection refused) and open connections reset."""
        self.mode = REFUSE
        self._close_listener()
        self._reset_all()

    def drop(self) -> None:
        """Reset every open connection; new ones are accepted."""
        self._reset_all()

    def blackhole(self) -> None:
        """Accept, but forward nothing either way, on open and new connections."""
        self.mode = BLACKHOLE

    def restore(self) -> None:
        if self.mode == REFUSE:
            self.mode = PASS
            self._listen()
        self.mode = PASS

    @property
    def open_connections(self) -> int:
        with self._lock:
            return len(self._conns)

    # --- internals -----------------------------------------------------------------
    def _listen(self) -> None:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", self._port))
        s.listen(256)
        self._port = s.getsockname()[1]
        self._listener = s
        threading.Thread(target=self._accept, args=(s,), name="proxy-accept", daemon=True).start()

    def _close_listener(self) -> None:
        s, self._listener = self._listener, None
        if s is not None:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def _reset_all(self) -> None:
        with self._lock:
            conns, self._conns = self._conns, []
        for a, b in conns:
            for s in (a, b):
                _reset(s)

    def _accept(self, listener: socket.socket) -> None:
        while not self._stop.is_set():
            try:
                client, _addr = listener.accept()
            except OSError:
                return  # closed
            self.accepted += 1
            try:
                server = socket.create_connection(self.target, timeout=5)
                server.settimeout(None)
            except OSError:
                _reset(client)
                continue
            for s in (client, server):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._conns.append((client, server))
            for src, dst in ((client, server), (server, client)):
                threading.Thread(
                    target=self._pump, args=(src, dst), name="proxy-pump", daemon=True
                ).start()

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if self.mode == BLACKHOLE:
                    continue  # swallowed
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
            with self._lock:
                self._conns = [c for c in self._conns if src not in c]


def _reset(s: Any) -> None:
    """Close with RST (SO_LINGER 0), as a crashed server or a cut cable looks."""
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    try:
        s.shutdown(socket.SHUT_RDWR)  # wakes the pump blocked in recv()
    except OSError:
        pass
    try:
        s.close()
    except OSError:
        pass
