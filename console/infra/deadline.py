"""A client-side deadline for every call to the central database.

PostgreSQL's ``statement_timeout`` bounds a slow statement, libpq's ``connect_timeout``
a connection attempt, and TCP keepalives / ``tcp_user_timeout`` a peer that vanished
from the network. None of them bounds a link that swallows traffic while the socket
stays up (a stateful firewall or proxy that stopped forwarding): the client then waits
for an answer for ever. The watchdog here arms a deadline whenever the console waits on
the server (a statement, a commit or rollback, the pool's liveness check on checkout)
and, when it passes, shuts the socket down; the waiting call then fails at once with a
disconnect error and the pool throws the connection away.

One watchdog thread per process; a few dictionary operations per statement.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event, exc

log = logging.getLogger("console.db")

#: TCP settings for connections to the central database: a dead peer is noticed in
#: about 10 s on an idle connection (keepalives) and one with unacknowledged data
#: (tcp_user_timeout, milliseconds)
TCP_OPTIONS: dict[str, Any] = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,
}


#: seconds the liveness check of a pooled connection may take
PING_TIMEOUT_S = 5.0
#: a connection given back to the pool this recently, after a call that went through,
#: is taken again without the liveness check (a busy service takes one a request: the
#: check was a round trip each time); a link lost meanwhile is still caught by the
#: deadline of the first call made on it
FRESH_S = 1.0


class _Watchdog:
    def __init__(self, tick: float = 0.25) -> None:
        self._lock = threading.Lock()
        self._armed: dict[int, tuple[float, Any]] = {}
        self._tick = tick
        self._thread: threading.Thread | None = None
        self.fired = 0

    def arm(self, dbapi_conn: Any, seconds: float) -> None:
        with self._lock:
            self._armed[id(dbapi_conn)] = (time.monotonic() + seconds, dbapi_conn)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="db-deadline", daemon=True)
                self._thread.start()

    def disarm(self, dbapi_conn: Any) -> None:
        with self._lock:
            self._armed.pop(id(dbapi_conn), None)

    def _run(self) -> None:
        while True:
            time.sleep(self._tick)
            now = time.monotonic()
            with self._lock:
                late = [(k, c) for k, (t, c) in self._armed.items() if t <= now]
                for k, _c in late:
                    del self._armed[k]
            for _k, conn in late:
                cut(conn)


WATCHDOG = _Watchdog()


def cut(dbapi_conn: Any) -> None:
    """Shut the connection's socket down: a call waiting on it fails at once."""
    try:
        fd = dbapi_conn.fileno()
    except Exception:  # noqa: BLE001 - already closed
        return
    try:
        s = socket.socket(fileno=_dup(fd))
    except OSError:
        return
    try:
        s.shutdown(socket.SHUT_RDWR)
        WATCHDOG.fired += 1
        log.warning("database call passed its deadline: connection cut")
    except OSError:
        pass
    finally:
        s.close()


def _dup(fd: int) -> int:
    import os

    return os.dup(fd)


@contextmanager
def deadline(dbapi_conn: Any, seconds: float) -> Iterator[None]:
    """Bound one raw call on a psycopg connection (the change feed's listener)."""
    WATCHDOG.arm(dbapi_conn, seconds)
    try:
        yield
    finally:
        WATCHDOG.disarm(dbapi_conn)


def install(engine: Engine, seconds: float) -> None:
    """Arm the deadline around every wait on the server of ``engine``'s connections,
    and check a pooled connection is alive on checkout (under the deadline too; this
    replaces ``pool_pre_ping``, whose ping has no deadline)."""

    def arm_conn(conn: Any, *_a: Any) -> None:
        WATCHDOG.arm(conn.connection.dbapi_connection, seconds)

    def disarm_conn(conn: Any, *_a: Any) -> None:
        WATCHDOG.disarm(conn.connection.dbapi_connection)

    def disarm_error(ctx: Any) -> None:
        # the failed statement's own connection: through its cursor first (the
        # Connection may already be invalidated, and its fairy gone, when this runs)
        cursor = getattr(ctx.execution_context, "cursor", None)
        dbapi = getattr(cursor, "connection", None)
        if dbapi is None:
            try:
                dbapi = ctx.connection.connection.dbapi_connection
            except Exception:  # noqa: BLE001 - an invalidated connection: nothing armed
                return
        if dbapi is not None:
            WATCHDOG.disarm(dbapi)

    def checkout(dbapi_conn: Any, rec: Any, _proxy: Any) -> None:
        back = rec.info.pop("checked_in_at", None)
        if back is not None and time.monotonic() - back < FRESH_S:
            return
        WATCHDOG.arm(dbapi_conn, min(seconds, PING_TIMEOUT_S))
        try:
            engine.dialect.do_ping(dbapi_conn)  # SELECT 1 outside a transaction
        except Exception as e:  # noqa: BLE001 - any failure: a fresh connection
            raise exc.DisconnectionError(f"connection check failed: {e}") from e
        finally:
            WATCHDOG.disarm(dbapi_conn)

    def checkin(dbapi_conn: Any, rec: Any) -> None:
        if dbapi_conn is not None:
            WATCHDOG.disarm(dbapi_conn)
            rec.info["checked_in_at"] = time.monotonic()

    event.listen(engine, "before_cursor_execute", arm_conn)
    event.listen(engine, "after_cursor_execute", disarm_conn)
    event.listen(engine, "handle_error", disarm_error)
    event.listen(engine.pool, "checkout", checkout)
    event.listen(engine.pool, "checkin", checkin)
    # commit and rollback (also the pool's reset on return) have no "after" event:
    # wrap this engine's dialect's own calls
    dialect: Any = engine.dialect
    for name in ("do_commit", "do_rollback"):
        setattr(dialect, name, _bounded(getattr(dialect, name), seconds))


def _bounded(call: Any, seconds: float) -> Any:
    def bounded(dbapi_conn: Any) -> Any:
        WATCHDOG.arm(dbapi_conn, seconds)
        try:
            return call(dbapi_conn)
        finally:
            WATCHDOG.disarm(dbapi_conn)

    return bounded
