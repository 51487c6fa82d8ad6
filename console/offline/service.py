"""Saving through the outbox, and the replay thread.

A case is saved like this (``submit_case``):

1. checked here first (the same rules as ``CaseService.create``), so an incomplete form
   is refused at once, online or not;
2. given its number by this workstation (``LocalStore.issue_number``): the station code
   is this workstation's own, so the number is unique across workstations; the central
   counter moves past it when the case is stored (``claim_case_number``) and the local
   counter is raised to the central one on every successful probe, so neither side
   issues a number twice;
3. sent straight to the central database when the link is up and nothing waits, with a
   deadline of ``direct_timeout`` seconds; if the link is down, something waits, or the
   call fails on the network or passes its deadline, the case goes to the outbox with
   the *same* uuid and number: whether or not the in-doubt call committed, the replay
   ends with the case stored once under the number the caller was given.

The replay thread probes the link on an exponential backoff with jitter, sends the
outbox in order when it answers, and holds (never drops) what the server refuses.
"""

from __future__ import annotations

import logging
import threading
import uuid as uuidlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import Status
from console.domain.clock import local_date, now_utc
from console.domain.identity import Identity
from console.domain.numbering import parse_case_number
from console.domain.validation import CaseDraft, FieldError, normalize_phone
from console.infra.logs import safe_error
from console.models import Case
from console.offline.payload import _case_args, case_payload, check_case, record_note  # noqa: F401
from console.offline.policy import Backoff, Failure, ItemState, Link, LinkState, classify
from console.offline.store import CASE, NOTE, LocalStore, OutboxItem
from console.services.callers import AddedCall
from console.services.cases import CLOSE, DISPATCH, SAVE, SavedCase
from console.services.errors import ServiceError, ValidationFailed
from console.services.intake import IntakeExtras, IntakeService
from console.services.numbers import NumberTaken, counter_value, station_contact

log = logging.getLogger("console.sync")

#: seconds a direct save may take before the case goes to the outbox instead
DIRECT_TIMEOUT_S = 4.0
#: seconds between two checks of a link that is up
PROBE_EVERY_S = 15.0

STATUS_AFTER = {SAVE: Status.RECEIVED, CLOSE: Status.CLOSED, DISPATCH: Status.DISPATCHED}


@dataclass(frozen=True)
class OutboxStatus:
    state: LinkState
    pending: int  # waiting to be sent
    held: int  # refused by the server, waiting for a person

    @property
    def waiting(self) -> int:
        return self.pending + self.held

    @property
    def online(self) -> bool:
        return self.state is LinkState.ONLINE


class OfflineService:
    def __init__(
        self,
        store: LocalStore,
        sessions: sessionmaker[Session],
        intake: IntakeService,
        station: Callable[[], str],
        *,
        backoff: Backoff | None = None,
        direct_timeout: float = DIRECT_TIMEOUT_S,
        probe_every: float = PROBE_EVERY_S,
        clock: Callable[[], datetime] = now_utc,
        executor: ThreadPoolExecutor | None = None,
    ) -> None:
        self.store = store
        self._sessions = sessions
        self._intake = intake
        self._station = station
        self.backoff = backoff or Backoff()
        self.direct_timeout = direct_timeout
        self.probe_every = probe_every
        self._clock = clock
        self._own_executor = executor is None
        self._executor = executor or ThreadPoolExecutor(8, thread_name_prefix="direct-save")
        self._lock = threading.RLock()
        self._notify_lock = threading.Lock()
        counts = store.counts()
        self.link = Link(LinkState.REPLAYING if counts.pending else LinkState.ONLINE)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._listeners: list[Callable[[OutboxStatus], None]] = []
        self._last: OutboxStatus | None = None
        self.replayed = 0  # items stored by the replay (figures, tests)

    # --- status --------------------------------------------------------------------
    def status(self) -> OutboxStatus:
        c = self.store.counts()
        with self._lock:
            return OutboxStatus(self.link.state, c.pending, c.held)

    def subscribe(self, fn: Callable[[OutboxStatus], None]) -> None:
        """``fn(status)`` on every change, called on whichever thread changed it."""
        self._listeners.append(fn)

    def unsubscribe(self, fn: Callable[[OutboxStatus], None]) -> None:
        if fn in self._listeners:
            self._listeners.remove(fn)

    def items(self) -> list[OutboxItem]:
        """What is not stored centrally yet, oldest first (the outbox dialog)."""
        return self.store.items([ItemState.PENDING, ItemState.HELD])

    def export(self, seqs: list[int], path: str) -> int:
        """Write items to a JSON file (to be keyed in elsewhere); returns how many."""
        import json

        wanted = set(seqs)
        rows = [
            {
                "seq": it.seq,
                "uuid": str(it.item_uuid),
                "kind": it.kind,
                "number": it.number,
                "state": it.state,
                "reason": it.reason,
                "created_at": it.created_at.isoformat(),
                "payload": it.payload,
            }
            for it in self.store.items()
            if it.seq in wanted
        ]
        with open(path, "w", encoding="utf-8") as f:
            json.dump(rows, f, ensure_ascii=False, indent=2)
        return len(rows)

    def _notify(self) -> None:
        if not self._listeners:
            return
        with self._notify_lock:  # computed and delivered in order: never a stale count last
            st = self.status()
            if st == self._last:
                return
            self._last = st
            for fn in list(self._listeners):
                try:
                    fn(st)
                except Exception:  # noqa: BLE001 - a listener's bug must not stop the replay
                    log.exception("outbox status listener failed")

    # --- saving --------------------------------------------------------------------
    def submit_case(
        self,
        draft: CaseDraft,
        who: Identity,
        *,
        action: str = SAVE,
        unit_id: int | None = None,
        case_uuid: uuidlib.UUID | None = None,
        extras: IntakeExtras | None = None,
    ) -> SavedCase:
        x = extras or IntakeExtras()
        errors = check_case(draft, action, unit_id, x)
        if errors:
            raise ValidationFailed(errors)
        cu = case_uuid or uuidlib.uuid4()
        at = self._clock()
        station = self._station()
        number = self.store.issue_number(station, local_date(at))
        payload = case_payload(draft, who, action, unit_id, x, at)
        queue_it = self._route_to_outbox()
        if not queue_it:
            fut = self._executor.submit(
                self._intake.submit,
                draft,
                who,
                action=action,
                unit_id=unit_id,
                case_uuid=cu,
                extras=x,
                number=number,
                now=at,
            )
            try:
                try:
                    return self._direct_result(fut)
                except NumberTaken:
                    # this workstation's counter is behind the central one (its local
                    # store was lost or copied): the central counter numbers this case
                    # and the local one catches up
                    fut = self._executor.submit(
                        self._intake.submit,
                        draft,
                        who,
                        action=action,
                        unit_id=unit_id,
                        case_uuid=cu,
                        extras=x,
                        now=at,
                    )
                    saved = self._direct_result(fut)
                    n = parse_case_number(saved.number)
                    self.store.raise_counter(station, n.day, n.seq)
                    return saved
            except _GoOffline as e:
                log.warning("case %s goes to the outbox: %s", number, safe_error(e))
        self.store.enqueue(CASE, cu, str(cu), number, payload, at)
        self._went_offline_or_queued()
        return SavedCase(
            id=0,
            uuid=cu,
            number=number,
            status=STATUS_AFTER[action],
            policy_code=None,
            next_milestone=None,
            next_due_at=None,
            created=True,
            queued=True,
        )

    def _route_to_outbox(self) -> bool:
        with self._lock:
            if not self.link.online:
                return True
            return self.link.routes_to_outbox(self.store.counts().pending)

    def _direct_result(self, fut: Future[SavedCase]) -> SavedCase:
        try:
            saved = fut.result(timeout=self.direct_timeout)
        except FutureTimeout as e:
            fut.cancel()  # if it never started; if it did, the replay makes it once
            self._failed()
            raise _GoOffline(f"no answer in {self.direct_timeout:g} s") from e
        except (NumberTaken, ServiceError):
            raise
        except Exception as e:
            if classify(e) is Failure.TRANSIENT:
                self._failed()
                raise _GoOffline(safe_error(e)) from e
            raise
        return saved

    def add_note(
        self,
        case_id: int | None,
        raw_phone: str,
        text: str,
        who: Identity,
        *,
        case_uuid: uuidlib.UUID | None = None,
        number: str = "",
        status: str = "",
    ) -> AddedCall:
        """A repeat call's note on an open case (CallerService.add_call), kept in the
        outbox when the central database is unreachable."""
        said = text.strip()
        if not said:
            raise ValidationFailed([FieldError("description", "required")])
        if case_id is None and case_uuid is None:
            raise ValueError("a note needs its case")
        note_uuid = uuidlib.uuid4()
        at = self._clock()
        station = self._station()
        payload: dict[str, Any] = {
            "case_id": case_id,
            "case_uuid": str(case_uuid) if case_uuid else None,
            "number": number,
            "phone": normalize_phone(raw_phone),
            "text": said,
            "who": asdict(who),
            "at": at.isoformat(),
        }
        key = str(case_uuid) if case_uuid else f"id:{case_id}"
        queue_it = self._route_to_outbox()
        if not queue_it:
            fut = self._executor.submit(
                record_note, self._sessions, note_uuid, payload, station, require_open=True
            )
            try:
                num, cid, st = fut.result(timeout=self.direct_timeout)
                return AddedCall(cid, num, st)
            except FutureTimeout:
                fut.cancel()
                self._failed()
            except Exception as e:
                if classify(e) is not Failure.TRANSIENT:
                    raise
                self._failed()
        self.store.enqueue(NOTE, note_uuid, key, number or None, payload, at)
        self._went_offline_or_queued()
        return AddedCall(case_id or 0, number, status)

    def mark_offline(self) -> None:
        """The console started without the central database: saves go to the outbox
        from the first one, and the replay thread (once started) probes the link."""
        with self._lock:
            if self.link.online:
                self.link.failed()
        self._notify()

    def _failed(self) -> None:
        with self._lock:
            self.link.failed()
        self._notify()
        self._wake.set()

    def _went_offline_or_queued(self) -> None:
        self._notify()
        self._wake.set()

    # --- the person's decisions on held items --------------------------------------
    def retry(self, seq: int) -> None:
        """Send a held item again. An item refused because its number was taken is
        sent without it: the central counter numbers it (shown in the outbox)."""
        item = self.store.get(seq)
        if item is None or item.state != ItemState.HELD:
            return
        payload = dict(item.payload)
        if item.error_code == "number_taken":
            payload["renumber"] = True
        self.store.retry(seq, payload)
        with self._lock:
            if self.link.state is LinkState.ONLINE:
                self.link.reachable(1)
        self._notify()
        self._wake.set()

    def discard(self, seq: int) -> None:
        item = self.store.get(seq)
        if item is not None and item.state == ItemState.HELD:
            self.store.discard(seq)
            self._notify()

    # --- the replay thread ---------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="outbox-replay", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self._own_executor:
            self._executor.shutdown(wait=False, cancel_futures=True)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        self._notify()
        while not self._stop.is_set():
            try:
                self.step()
            except Exception:  # noqa: BLE001 - a bug: logged, the loop goes on
                log.exception("outbox replay step failed")
                self._stop.wait(1.0)

    def step(self) -> None:
        """One turn of the replay loop (the thread's body; tests call it directly)."""
        with self._lock:
            state, failures = self.link.state, self.link.failures
        if state is LinkState.OFFLINE:
            delay = self.backoff.delay(max(0, failures - 1))
            self._wake.clear()
            self._stop.wait(delay)
            if not self._stop.is_set():
                self.probe()
        elif state is LinkState.REPLAYING:
            self.replay_pass()
        else:
            woke = self._wake.wait(self.probe_every)
            self._wake.clear()
            if self._stop.is_set():
                return
            pending = self.store.counts().pending
            if pending:
                with self._lock:
                    if self.link.state is LinkState.ONLINE:
                        self.link.reachable(pending)
                self._notify()
            elif not woke:
                self.probe()

    def probe(self) -> bool:
        """Is the central database there? Also raises the local number counter to the
        central one (a lost or restored local store never re-issues a number)."""
        station = self._station()
        today = local_date(self._clock())
        try:
            central = counter_value(self._sessions, station, today)
        except Exception as e:  # noqa: BLE001 - classified below
            if classify(e) is not Failure.TRANSIENT:
                raise
            with self._lock:
                self.link.failed()
            log.info("central database unreachable: %s", e.__class__.__name__)
            self._notify()
            return False
        self.store.raise_counter(station, today, central)
        pending = self.store.counts().pending
        if not pending:
            self._contact(station)
        with self._lock:
            self.link.reachable(pending)
        self._notify()
        return True

    def _contact(self, station: str) -> None:
        """The database stamps this station's contact (an empty outbox): best effort."""
        try:
            station_contact(self._sessions, station)
        except Exception as e:  # noqa: BLE001 - the probe's answer stands without it
            log.info("station contact not recorded: %s", e.__class__.__name__)

    def replay_pass(self) -> int:
        """Send what waits, in order; returns how many were stored."""
        stored = 0
        blocked: set[str] = set()
        for item in self.store.to_replay():
            if self._stop.is_set():
                return stored
            if item.case_key in blocked:
                continue
            try:
                number, case_id = self._apply(item)
            except Exception as e:  # noqa: BLE001 - classified below
                if classify(e) is Failure.TRANSIENT:
                    self.store.mark_attempt(item.seq, f"{e.__class__.__name__}: {e}")
                    with self._lock:
                        self.link.failed()
                    self._notify()
                    return stored
                code, reason = refusal(e)
                self.store.hold(item.seq, code, reason)
                blocked.add(item.case_key)
                self._notify()
                continue
            self.store.mark_done(item.seq, number, case_id)
            stored += 1
            self.replayed += 1
            self._notify()
        pending = self.store.counts().pending
        with self._lock:
            self.link.replayed(pending)
        self._notify()
        return stored

    def _apply(self, item: OutboxItem) -> tuple[str, int]:
        station = self._station()
        if item.kind == NOTE:
            for attempt in (1, 2):
                try:
                    num, case_id, _st = record_note(
                        self._sessions, item.item_uuid, item.payload, station, require_open=False
                    )
                    return num, case_id
                except IntegrityError:
                    if attempt == 2:  # not the same note stored meanwhile: a refusal
                        raise
            raise AssertionError("unreachable")
        draft, who, action, unit_id, extras, at = _case_args(item.payload)
        number = None if item.payload.get("renumber") else item.number
        try:
            saved = self._intake.submit(
                draft,
                who,
                action=action,
                unit_id=unit_id,
                case_uuid=item.item_uuid,
                extras=extras,
                number=number,
                now=at,
            )
        except (IntegrityError, NumberTaken):
            # the same uuid stored meanwhile (an in-doubt direct save committing while
            # this replay ran): its uuid or its number is found taken — by itself
            found = self._find(item.item_uuid)
            if found is None:
                raise
            return found
        return saved.number, saved.id

    def _find(self, case_uuid: uuidlib.UUID) -> tuple[str, int] | None:
        with self._sessions() as s:
            row = s.execute(select(Case.number, Case.id).where(Case.uuid == case_uuid)).first()
        return (row[0], row[1]) if row is not None else None


class _GoOffline(Exception):
    pass


def refusal(exc: BaseException) -> tuple[str, str]:
    """A held item's code and the reason shown to a person."""
    if isinstance(exc, NumberTaken):
        return "number_taken", f"number {exc} is already used by another case"
    if isinstance(exc, ValidationFailed):
        return "validation", str(exc)
    if isinstance(exc, ServiceError):
        return exc.code, str(exc)
    if isinstance(exc, IntegrityError):
        return "constraint", str(exc.orig).splitlines()[0] if exc.orig else str(exc)
    return exc.__class__.__name__, str(exc)[:500]
