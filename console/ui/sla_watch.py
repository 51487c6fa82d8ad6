"""Breaches surface without anyone refreshing: every console sweeps for new breaches
(each is recorded once, whoever sweeps first), supervisors are told of every new one and
of every case whose deadlines the audit had to put back (``sla audit``), and
administrators are warned of deadlines the calendar could not verify."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from console.domain.clock import now_utc
from console.services.sla import Breach, CorrectedCase
from console.ui.context import UiContext
from console.ui.errors import is_environment_error


class SlaWatcher(QObject):
    breaches = Signal(list)  # list[Breach] new since the last look (supervisors)

    def __init__(self, ui: UiContext, sweep_seconds: int = 30, calendar_minutes: int = 10) -> None:
        super().__init__()
        self.ui = ui
        self.since: datetime = now_utc()
        self.corrected_since: datetime = self.since
        self._busy = False
        self._unreachable = False  # the last sweep met an unreachable database
        self._sweep = QTimer(self)
        self._sweep.setInterval(sweep_seconds * 1000)
        self._sweep.timeout.connect(self.check)
        self._calendar = QTimer(self)
        self._calendar.setInterval(calendar_minutes * 60_000)
        self._calendar.timeout.connect(self.reload_calendar)

    def start(self) -> None:
        self._sweep.start()
        self._calendar.start()
        self.check()
        if self.ui.identity.is_supervisor:
            self.ui.runner.run(
                self.ui.app.sla.unverified_open_count, self._unverified, lambda _e: None, owner=self
            )

    def check(self) -> None:
        if self._busy or not self.ui.app.link_up:  # an offline start: nothing to sweep
            return
        self._busy = True
        app = self.ui.app
        since, corrected_since = self.since, self.corrected_since
        supervisor = self.ui.identity.is_supervisor

        def work() -> tuple[list[Breach], datetime, list[CorrectedCase], datetime]:
            app.sla.sweep()
            found = app.sla.breaches_since(since)
            corrected = app.sla.corrections_since(corrected_since) if supervisor else []
            return (
                found,
                found[-1].recorded_at if found else since,
                corrected,
                corrected[-1].at if corrected else corrected_since,
            )

        self.ui.runner.run(work, self._checked, self._failed, owner=self)

    def _checked(
        self, result: tuple[list[Breach], datetime, list[CorrectedCase], datetime]
    ) -> None:
        self._busy = False
        self._unreachable = False
        found, self.since, corrected, self.corrected_since = result
        if corrected:
            self.ui.messages.warning(
                self.tr(
                    "The deadline audit put back the deadlines of {0} case(s): {1}. They had "
                    "been stored by hand, not by the SLA rule; each case's history says what "
                    "changed."
                ).format(len(corrected), _numbers(c.number for c in corrected))
            )
        if found and self.ui.identity.is_supervisor:
            self.breaches.emit(found)
            text = self.tr("{0} case(s) breached a deadline: {1}").format(
                len(found), _numbers(b.number for b in found)
            )
            self.ui.messages.warning(text)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        if is_environment_error(exc):
            # the status bar already shows the link; say it here once per outage, not
            # every sweep
            if self._unreachable:
                return
            self._unreachable = True
        self.ui.messages.error(exc)

    def reload_calendar(self) -> None:
        self.ui.runner.run(self.ui.app.reload_calendar, None, lambda _e: None, owner=self)

    def _unverified(self, n: int) -> None:
        if n:
            self.ui.messages.warning(
                self.tr(
                    "{0} open case(s) have deadlines in a year the working-day calendar does "
                    "not know; they were counted Monday to Friday. Add the official holidays "
                    "(python main.py sla override) and recompute."
                ).format(n)
            )


def _numbers(numbers: Iterable[str], shown: int = 5) -> str:
    """The first case numbers of a list, then how many more."""
    listed = list(numbers)
    text = "、".join(listed[:shown])
    if len(listed) > shown:
        text += QCoreApplication.translate("SlaWatcher", " and {0} more").format(
            len(listed) - shown
        )
    return text
