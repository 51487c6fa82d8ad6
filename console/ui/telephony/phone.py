"""The console's side of the phone: follows the agent's calls (AMI or softphone), pops
the form, records every event in the call log (batched, off the GUI thread), and keeps
the agent's state (ready, not ready, on a call, after-call work) in the database, pausing
the queue member in AMI where configured."""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from console.domain.agentstate import (
    PAUSED,
    AgentState,
    InvalidState,
    NotReadyReason,
    StateNow,
    after_call_expired,
    choose,
    on_call_ended,
    on_call_started,
)
from console.domain.clock import now_utc
from console.telephony.calls import CallState, CallTracker
from console.telephony.events import OWN_KINDS, CallEvent, CallEventKind, LinkState, LinkStatus
from console.ui.context import UiContext
from console.ui.errors import is_environment_error
from console.ui.telephony.link import AmiLink, PopServer
from console.ui.telephony.pop import ScreenPop

log = logging.getLogger("console.cti")

FLUSH_MS = 150  # events are written in batches: a burst is one transaction, not hundreds
MAX_PENDING = 20_000


class Telephony(QObject):
    state_changed = Signal(object)  # StateNow
    link_changed = Signal(object)  # LinkStatus
    recorded = Signal(int)  # events written to the call log so far

    def __init__(
        self,
        ui: UiContext,
        pop: ScreenPop,
        *,
        extension: str,
        after_call_limit: timedelta,
        queue_interface: str = "",
        record_queue: bool = False,
        echo_window: float = 3.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = ui
        self.pop = pop
        self.extension = extension
        self.after_call_limit = after_call_limit
        self.queue_interface = queue_interface
        self.record_queue = record_queue
        self.tracker = CallTracker(extension)
        self.state = StateNow(AgentState.READY, "", now_utc())
        self.link: AmiLink | None = None
        self.server: PopServer | None = None
        self._paused: bool | None = None
        self._before_connect: set[str] = set()
        self._pause_sent_at = float("-inf")
        self.echo_window = echo_window  # seconds after our QueuePause: its echoes ignored
        self._call_id: str | None = None  # the call on the agent's hands (or just ended)
        self._pending: list[CallEvent] = []
        self._writing = False
        self.written = 0
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(FLUSH_MS)
        self._flush.timeout.connect(self._write)
        self._after_call = QTimer(self)
        self._after_call.setSingleShot(True)
        self._after_call.timeout.connect(self._after_call_over)

    # --- sources --------------------------------------------------------------------
    def attach_ami(self, link: AmiLink) -> None:
        self.link = link
        link.call_event.connect(self.handle)
        link.status.connect(self._link_status)

    def attach_softphone(self, server: PopServer) -> None:
        self.server = server
        server.call_event.connect(self.handle)

    def start(self) -> None:
        self._store_state()
        if self.link is not None:
            self.link.start()

    def shutdown(self) -> None:
        """The window closes: stop listening, leave the wallboard, write what is left."""
        if self.link is not None:
            self.link.stop()
        if self.server is not None:
            self.server.close()
        self.state = StateNow(AgentState.SIGNED_OUT, "", now_utc())
        self._store_state()
        self._write()

    # --- events ---------------------------------------------------------------------
    def handle(self, e: CallEvent) -> None:
        if e.kind in (CallEventKind.MEMBER_PAUSE, CallEventKind.MEMBER_UNPAUSE):
            self._member_paused(e)
            return
        if e.kind is CallEventKind.RESYNC:  # back after a drop: end the calls now gone
            for followed in list(self.tracker.calls.values()):
                if followed.call_id in self._before_connect and followed.call_id not in e.live:
                    self.handle(
                        CallEvent(
                            CallEventKind.HANGUP,
                            followed.call_id,
                            extension=self.extension,
                            at=e.at,
                        )
                    )
            return
        own = e.kind in OWN_KINDS and (e.source == "softphone" or e.extension == self.extension)
        if own or e.kind is CallEventKind.RECORDING:
            call = self.tracker.apply(e)
            if call is not None:
                self._queue_write(e)
                if e.kind is CallEventKind.RING:
                    self.pop.pop(e)
                elif call.state is CallState.ANSWERED:
                    self._call_id = call.call_id
                    self._set(on_call_started(self.state, e.at))
                elif call.state is CallState.ENDED and call.answered_at is not None:
                    self._call_id = call.call_id
                    self._set(on_call_ended(self.state, e.at))
                elif call.state is CallState.ENDED:  # rang here, never answered here
                    self.pop.withdraw(call.call_id)
                return
        if e.kind is CallEventKind.AGENT_CONNECT and e.extension != self.extension:
            ringing = self.tracker.calls.get(e.call_id)
            if ringing is not None and ringing.state is CallState.RINGING:
                self.pop.withdraw(e.call_id)  # another agent took the queue call
        if self.record_queue and e.kind not in (CallEventKind.RING, CallEventKind.ANSWER):
            self._queue_write(e)  # the queue's calls, for the wallboard (and their hang-ups)

    def _queue_write(self, e: CallEvent) -> None:
        if len(self._pending) >= MAX_PENDING:
            log.warning("call log writes are behind: event %s of %s dropped", e.kind, e.call_id)
            return
        self._pending.append(e)
        if not self._writing and not self._flush.isActive():
            self._flush.start()

    def _write(self) -> None:
        if self._writing or not self._pending:
            return
        batch, self._pending = self._pending, []
        self._writing = True
        calls, who = self.ui.app.calls, self.ui.identity
        self.ui.runner.run(
            lambda: calls.record_many(batch, who),
            self._written,
            lambda exc: self._write_failed(batch, exc),
        )

    def _written(self, n: int) -> None:
        self._writing = False
        self.written += n
        self.recorded.emit(self.written)
        if self._pending:
            self._flush.start()

    def _write_failed(self, batch: list[CallEvent], exc: BaseException) -> None:
        self._writing = False
        if not is_environment_error(exc):
            self.ui.messages.error(exc)
            return
        log.warning("call log not written (%s): retrying", exc)
        self._pending = batch + self._pending  # in order, once the database answers
        QTimer.singleShot(2000, self._write)

    # --- the link -------------------------------------------------------------------
    def _link_status(self, s: LinkStatus) -> None:
        self.link_changed.emit(s)
        if s.state is LinkState.REFUSED:
            self.ui.messages.warning(
                self.tr(
                    "The phone system refused the AMI user name or secret. "
                    "Check them in the settings."
                )
            )
        elif s.state is LinkState.CONNECTED:
            # the calls followed before this (re)connect: the ones the channel list that
            # follows does not show ended meanwhile (calls starting from now are not judged)
            self._before_connect = {
                c.call_id
                for c in self.tracker.calls.values()
                if c.state in (CallState.RINGING, CallState.ANSWERED)
            }
            self._paused = None
            self._sync_pause()

    # --- the agent's state ----------------------------------------------------------
    def choose(self, state: AgentState, reason: str = "") -> bool:
        try:
            new = choose(self.state, state, reason, now_utc())
        except InvalidState:
            return False
        leaving_wrap_up = (
            self.state.state is AgentState.AFTER_CALL and new.state != self.state.state
        )
        if leaving_wrap_up and self._call_id is not None:
            self._wrap_up()
        self._set(new)
        return True

    def _set(self, new: StateNow) -> None:
        if new == self.state:
            return
        self.state = new
        if new.state is AgentState.AFTER_CALL and self.after_call_limit > timedelta(0):
            self._after_call.start(int(self.after_call_limit.total_seconds() * 1000))
        else:
            self._after_call.stop()
        self._store_state()
        self._sync_pause()
        self.state_changed.emit(new)

    def _after_call_over(self) -> None:
        at = now_utc()
        limit = self.after_call_limit
        if self.state.since is not None:  # the timer's ms may come a hair early
            at = max(at, self.state.since + limit)
        new = after_call_expired(self.state, at, limit)
        if new != self.state:
            self._wrap_up()
            self._set(new)

    def _wrap_up(self) -> None:
        call_id, self._call_id = self._call_id, None
        if call_id is None:
            return
        calls = self.ui.app.calls
        self.ui.runner.run(lambda: calls.wrap_up(call_id), None, lambda _e: None)

    def _store_state(self) -> None:
        calls, who, state = self.ui.app.calls, self.ui.identity, self.state
        ext, call_id = self.extension or None, self._call_id
        self.ui.runner.run(
            lambda: calls.set_state(who, state, extension=ext, call_id=call_id),
            None,
            lambda exc: log.warning("agent state not stored: %s", exc),
        )

    def _member_paused(self, e: CallEvent) -> None:
        """The phone system paused or unpaused the agent's queue membership (a feature
        code on the phone, the PBX's panel, or the echo of our own QueuePause)."""
        paused = e.kind is CallEventKind.MEMBER_PAUSE
        if time.monotonic() - self._pause_sent_at < self.echo_window:
            return  # the echo of our own QueuePause (one per queue), possibly a stale one
        self._paused = paused
        if paused and self.state.state in (AgentState.READY,):
            reason = e.queue if e.queue in {r.value for r in NotReadyReason} else "break"
            self._set(StateNow(AgentState.NOT_READY, reason, e.at))
        elif not paused and self.state.state in PAUSED:
            if self.state.state is AgentState.AFTER_CALL:
                self._wrap_up()
            self._set(StateNow(AgentState.READY, "", e.at))

    def _sync_pause(self) -> None:
        """Pause the queue member while not ready or wrapping up (AMI QueuePause)."""
        link = self.link
        if not self.queue_interface or link is None or link.last.state is not LinkState.CONNECTED:
            return
        paused = self.state.state in PAUSED
        if paused == self._paused:
            return
        self._paused = paused
        reason = self.state.reason or self.state.state.value
        self._pause_sent_at = time.monotonic()
        fut = link.adapter.queue_pause(self.queue_interface, paused, reason if paused else "")
        fut.add_done_callback(
            lambda f: log.info("QueuePause %s: %s", paused, f.exception() or "done")
        )
