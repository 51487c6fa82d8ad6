"""Two kinds of error: the environment's (a plain, non-modal message) and bugs
(the crash dialog, through sys.excepthook)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from console.app import DatabaseUnavailable, SchemaOutdated
from console.services.errors import ServiceError, StaleWrite

ENVIRONMENT_ERRORS: tuple[type[BaseException], ...] = (
    DatabaseUnavailable,
    SchemaOutdated,
    OperationalError,
    PoolTimeout,
    ConnectionError,
    TimeoutError,
    OSError,
)


def is_environment_error(exc: BaseException) -> bool:
    if isinstance(exc, ENVIRONMENT_ERRORS):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


def describe(exc: BaseException) -> str:
    """A sentence for the user; details go to the log."""
    if isinstance(exc, SchemaOutdated):
        return QCoreApplication.translate(
            "errors", "The database needs an upgrade by an administrator: {0}"
        ).format(exc)
    if isinstance(exc, DatabaseUnavailable | OperationalError | PoolTimeout | ConnectionError):
        return QCoreApplication.translate(
            "errors",
            "The database is not answering. Your work is kept on screen; "
            "try again in a moment. ({0})",
        ).format(_first_line(exc))
    if isinstance(exc, OSError):
        return QCoreApplication.translate(
            "errors", "A file could not be read or written: {0}"
        ).format(exc)
    if isinstance(exc, StaleWrite):
        return stale_write_text(exc)
    if isinstance(exc, ServiceError):
        return str(exc)
    return f"{exc.__class__.__name__}: {exc}"


def stale_write_text(exc: StaleWrite) -> str:
    """A save refused because someone else saved the record first (issue 7)."""
    kinds = {
        "handover_item": QCoreApplication.translate("errors", "The handover entry of case {0}"),
        "article": QCoreApplication.translate("errors", "The knowledge article “{0}”"),
        "routing_rule": QCoreApplication.translate("errors", "Routing rule {0}"),
        "policy": QCoreApplication.translate("errors", "SLA policy {0}"),
        "override": QCoreApplication.translate("errors", "The calendar entry of {0}"),
        "shifts": QCoreApplication.translate("errors", "The shift table"),
        "roster": QCoreApplication.translate("errors", "The roster of shift {0}"),
    }
    what = kinds.get(exc.what, exc.what + " {0}").format(exc.name)
    text = QCoreApplication.translate(
        "errors",
        "{0} was changed by someone else after you opened it; nothing of yours was saved. "
        "Look at it again, then make your change.",
    ).format(what)
    if exc.now:
        text += " " + QCoreApplication.translate("errors", "Now: {0}").format(exc.now)
    return text


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0][:160] if text else exc.__class__.__name__


def report_bug(exc: BaseException) -> None:
    sys.excepthook(type(exc), exc, exc.__traceback__)
