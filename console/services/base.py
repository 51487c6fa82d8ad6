"""What the services over cases share: a Session factory, the working-day calendar and
this workstation's station code, both asked for when needed (so an edited calendar or a
re-registered station is seen at once)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from console.domain.workcalendar import WorkCalendar


class CaseWorkService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        calendar: Callable[[], WorkCalendar],
        station: Callable[[], str],
    ) -> None:
        self._sessions = sessions
        self._calendar = calendar
        self._station = station
