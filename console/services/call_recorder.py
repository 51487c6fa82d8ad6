"""The queue's calls recorded by one process beside the phone system, whoever is signed
in: `python main.py calls record --cti-url ami://USER@HOST:PORT`.

Each agent's console records the calls at its own extension; the queue-wide events
(callers joining, abandoning, agents connected, hang-ups) feed the supervisors'
wallboard. Recorded only by a console that opts in, the wallboard stays empty while no
supervisor is signed in; this recorder keeps it filled around the clock. Events are
written in batches (one transaction each); when the database does not answer, the batch
is kept, in order, and written again with backoff — an event is dropped only past
``max_pending`` (said in the log)."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from console.domain.identity import Identity
from console.infra.failures import Failure, classify
from console.infra.logs import safe_error
from console.telephony.events import CallEvent, CallEventKind

log = logging.getLogger("console.telephony")

#: what the agents' own consoles record (with the agent's name): not written twice
LEFT_TO_THE_CONSOLES = frozenset({CallEventKind.RING, CallEventKind.ANSWER})


@dataclass
class RecorderFigures:
    received: int = 0
    written: int = 0
    dropped: int = 0
    retries: int = 0
    last_error: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


class QueueRecorder:
    """Takes call events from any thread (``take``) and writes them from its own."""

    def __init__(
        self,
        record_many: Callable[[list[CallEvent], Identity | None], int],
        who: Identity | None,
        *,
        batch: int = 200,
        flush_seconds: float = 0.5,
        backoff: tuple[float, float] = (1.0, 30.0),
        max_pending: int = 100_000,
    ) -> None:
        self._record_many = record_many
        self._who = who
        self._batch = batch
        self._flush = flush_seconds
        self._backoff = backoff
        self._max_pending = max_pending
        self._inbox: queue.Queue[CallEvent] = queue.Queue()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.figures = RecorderFigures()

    def take(self, e: CallEvent) -> None:
        if e.kind in LEFT_TO_THE_CONSOLES or e.kind is CallEventKind.RESYNC:
            return
        with self.figures.lock:
            self.figures.received += 1
        self._inbox.put(e)

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="call-recorder", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stops after writing what it holds (when the database answers within
        ``timeout``)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _drain(self, pending: list[CallEvent]) -> None:
        while len(pending) < self._max_pending:
            try:
                pending.append(self._inbox.get_nowait())
            except queue.Empty:
                return
        dropped = 0
        while True:  # past the bound: the oldest kept, the newest said and dropped
            try:
                self._inbox.get_nowait()
                dropped += 1
            except queue.Empty:
                break
        if dropped:
            with self.figures.lock:
                self.figures.dropped += dropped
            log.warning("call log writes are behind: %d event(s) dropped", dropped)

    def _run(self) -> None:
        pending: list[CallEvent] = []
        delay = 0.0
        while True:
            stopping = self._stop.is_set()
            if not pending:
                try:
                    pending.append(self._inbox.get(timeout=self._flush))
                except queue.Empty:
                    if stopping:
                        return
                    continue
            self._drain(pending)
            chunk = pending[: self._batch]
            try:
                n = self._record_many(chunk, self._who)
            except Exception as exc:  # noqa: BLE001 - sorted below: retried or said
                if classify(exc) is not Failure.ENVIRONMENT:
                    log.error("call events not recorded: %s", safe_error(exc))
                    with self.figures.lock:
                        self.figures.dropped += len(chunk)
                        self.figures.last_error = safe_error(exc)
                    del pending[: len(chunk)]
                    continue
                delay = min(max(delay * 2, self._backoff[0]), self._backoff[1])
                with self.figures.lock:
                    self.figures.retries += 1
                    self.figures.last_error = safe_error(exc)
                log.warning("call log not written (%s): again in %.0f s", safe_error(exc), delay)
                if self._stop.wait(delay):
                    # stopping while the database is gone: one last try, then give up
                    try:
                        n = self._record_many(pending, self._who)
                    except Exception:  # noqa: BLE001
                        log.warning("call log: %d event(s) not written at stop", len(pending))
                        return
                    with self.figures.lock:
                        self.figures.written += n
                    return
                continue
            delay = 0.0
            del pending[: len(chunk)]
            with self.figures.lock:
                self.figures.written += n
