"""The exchange service's one door into the case lifecycle.

Everything the HTTP service changes on a case goes through this module: a pushed order
becomes a case (console.services.cases), a unit's step goes through the units' service
(console.services.units), which asks the lifecycle's one state machine
(console.domain.lifecycle through console.services.lifecycle). Pointing the service at
another lifecycle implementation means editing this file only. It returns plain values and raises:

- :class:`StepRefusedError` (HTTP 409) with a code and a reason when the lifecycle refuses;
- :class:`console.services.errors.ValidationFailed` (HTTP 422) for a draft the form's
  validation refuses;
- :class:`console.services.errors.NotFound` (HTTP 404).
"""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from console.domain import errors as domain_errors
from console.domain.casetypes import EventKind, Role
from console.domain.identity import Identity
from console.domain.validation import CaseDraft
from console.domain.workcalendar import WorkCalendar
from console.models import Agent, Case, CaseCoUnit, CaseDeadline
from console.services import errors as service_errors
from console.services.cases import DISPATCH, SAVE, CaseService, NewCase, SavedCase
from console.services.intake import DISPATCH_NOTE
from console.services.reference import PolicyCache
from console.services.sla import add_event
from console.services.units import UnitService

#: the agents row that stands for the service (attribution of what it writes; on
#: PostgreSQL the database login of the service has the same name, see the README)
SERVICE_USERNAME = "exchange"
SERVICE_DISPLAY = "交换服务 (exchange service)"
#: the role of the service's own account (``db add-service``; its database group is
#: ``<prefix>exchange``)
SERVICE_ROLE = "exchange"

#: API action -> the lifecycle's unit step
ACTIONS: dict[str, str] = {
    "accept": EventKind.ACCEPTED,
    "contact": EventKind.CONTACTED,
    "on_scene": EventKind.ON_SCENE,
    "progress": EventKind.PROGRESS,
    "reply": EventKind.REPLIED,
    "return": EventKind.RETURNED,
    "request_extension": EventKind.EXTENSION_REQUESTED,
}


class StepRefusedError(Exception):
    """The lifecycle refused the step (HTTP 409)."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class StepDone:
    number: str
    status: str
    version: int


def service_login(s: Session) -> str:
    """The agents username the service acts as: on PostgreSQL under a login of its own
    (``db add-service``), that login; as the schema owner, or on SQLite,
    :data:`SERVICE_USERNAME`."""
    if s.get_bind().dialect.name != "postgresql":
        return SERVICE_USERNAME
    user, role = s.execute(text("SELECT current_user, hotline_role()")).one()
    return SERVICE_USERNAME if role == "owner" else str(user)


def _under_login(s: Session) -> bool:
    """True on PostgreSQL under a login (not the schema owner)."""
    if s.get_bind().dialect.name != "postgresql":
        return False
    return s.execute(text("SELECT hotline_role()")).scalar() != "owner"


def service_agent_id(sessions: sessionmaker[Session]) -> int:
    """The service's agents row (its case events and cases are attributed to it); created
    on first use when the service runs as the schema owner."""
    with sessions() as s, s.begin():
        name = service_login(s)
        row = s.scalars(select(Agent).where(Agent.username == name)).first()
        if row is None:
            if name != SERVICE_USERNAME:
                raise RuntimeError(
                    f"the database login {name!r} has no console account: an administrator "
                    f"runs `python main.py db add-service {name}`"
                )
            row = Agent(
                username=name,
                display_name=SERVICE_DISPLAY,
                role=Role.AGENT,
                active=True,
            )
            s.add(row)
            s.flush()
        if _under_login(s):  # a login of its own (``db add-service``), never a person's
            if not row.active or row.role != SERVICE_ROLE:
                raise RuntimeError(
                    f"the database login {name!r} is not the exchange service's: an "
                    "administrator runs `python main.py db add-service` and serves with it"
                )
        elif not row.active or row.role not in (Role.AGENT, SERVICE_ROLE):
            raise RuntimeError(f"the console account {name!r} must be an active agent")
        return int(row.id)


class Lifecycle:
    """The adapter: cases created for platforms, steps taken for units."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        calendar: Callable[[], WorkCalendar],
        station: Callable[[], str],
        agent_id: int,
    ) -> None:
        self._sessions = sessions
        self._agent_id = agent_id
        self.calendar = calendar
        self._cases = CaseService(sessions, calendar, station)
        self._policies = PolicyCache()
        self._units = UnitService(sessions, calendar, station)

    @property
    def units(self) -> UnitService:
        return self._units

    def platform_identity(self, platform: str) -> Identity:
        return Identity(self._agent_id, SERVICE_USERNAME, f"{platform} (API)"[:64], Role.AGENT)

    def unit_identity(self, unit_id: int, unit: str) -> Identity:
        return Identity(
            self._agent_id, SERVICE_USERNAME, f"{unit} (API)"[:64], Role.UNIT, unit_id=unit_id
        )

    def create_case(
        self,
        draft: CaseDraft,
        platform: str,
        received_at: datetime,
        on_created: Callable[[Session, Case], None],
        *,
        unit_id: int | None = None,
        co_unit_ids: Sequence[int] = (),
        note: str = "",
    ) -> tuple[int, str, str]:
        """A pushed order becomes a case: dispatched at once to ``unit_id`` (with its
        co-handling units and the routing note), or received for the centre to triage.
        ``on_created`` runs in the same transaction. Returns (case id, number, status).

        The case is received by the hotline when the order arrives (its number, its time
        limits and the database's own stamp agree); the time the platform received it
        is kept in the history (a note with ``platform_received_at``)."""
        who = self.platform_identity(platform)

        def created(s: Session, case: Case) -> None:
            case.assignee_id = None  # nobody's yet: it waits in the centre's queue
            if unit_id is not None:
                for uid in dict.fromkeys(co_unit_ids):
                    if uid != unit_id:
                        s.add(CaseCoUnit(case_id=case.id, unit_id=uid, created_at=case.created_at))
                if note.strip():
                    add_event(s, case, EventKind.NOTE, who, case.station, case.created_at,
                              note=DISPATCH_NOTE, text=note.strip())  # fmt: skip
            add_event(
                s,
                case,
                EventKind.NOTE,
                who,
                case.station,
                case.created_at,
                note="platform_received",
                platform_received_at=received_at.isoformat(),
            )
            on_created(s, case)

        saved = self._cases.create(
            draft,
            who,
            action=SAVE if unit_id is None else DISPATCH,
            unit_id=unit_id,
            case_uuid=uuidlib.uuid4(),
            on_created=created,
            to_triage=True,
        )
        return saved.id, saved.number, saved.status

    def new_case(
        self,
        draft: CaseDraft,
        platform: str,
        received_at: datetime,
        *,
        unit_id: int | None = None,
        co_unit_ids: Sequence[int] = (),
        note: str = "",
        title: str | None = None,
    ) -> NewCase:
        """What :meth:`create_case` makes of a pushed order, for :meth:`create_cases`."""
        notes: list[dict[str, Any]] = []
        if unit_id is not None and note.strip():
            notes.append({"note": DISPATCH_NOTE, "text": note.strip()})
        notes.append({"note": "platform_received", "platform_received_at": received_at.isoformat()})
        return NewCase(
            draft,
            self.platform_identity(platform),
            action=SAVE if unit_id is None else DISPATCH,
            unit_id=unit_id,
            co_unit_ids=tuple(co_unit_ids) if unit_id is not None else (),
            title=title,
            held=False,  # nobody's yet: it waits in the centre's queue
            notes=tuple(notes),
            to_triage=True,
        )

    def create_cases(
        self,
        items: Sequence[NewCase],
        on_created: Callable[[Session, list[tuple[int, int, str]]], None],
        unit_names: Mapping[int, str] | None = None,
        session: Session | None = None,
    ) -> list[SavedCase]:
        """Many pushed orders become cases in one transaction (group commit), each as
        :meth:`create_case` makes it; all or nothing."""
        return self._cases.create_many(
            items,
            policies=self._policies,
            unit_names=unit_names,
            on_created=on_created,
            session=session,
        )

    def unit_step(
        self,
        case_id: int,
        unit_id: int,
        unit: str,
        action: str,
        text: str = "",
        until: datetime | None = None,
        milestone: str | None = None,
    ) -> StepDone:
        step = ACTIONS.get(action)
        if step is None:
            raise StepRefusedError("unknown_action", f"unknown action {action!r}")
        if step == EventKind.EXTENSION_REQUESTED:
            if until is None:
                raise StepRefusedError("until_required", "an extension request needs 'until'")
            if milestone is None:
                milestone = self._next_open_milestone(case_id)
        try:
            r = self._units.step(
                case_id,
                self.unit_identity(unit_id, unit),
                unit_id,
                step,
                text,
                milestone=milestone,
                due_at=until,
            )
        except domain_errors.Refused as exc:  # the lifecycle's state machine said no
            raise StepRefusedError(exc.code, exc.text()) from exc
        except service_errors.Conflict as exc:
            raise StepRefusedError(exc.code, str(exc)) from exc
        return StepDone(r.number, r.status, r.version)

    def _next_open_milestone(self, case_id: int) -> str | None:
        with self._sessions() as s:
            return s.scalars(
                select(CaseDeadline.milestone_code)
                .where(CaseDeadline.case_id == case_id, CaseDeadline.met_at.is_(None))
                .order_by(CaseDeadline.due_at.is_(None), CaseDeadline.due_at, CaseDeadline.seq)
            ).first()
