"""How the screens tell failures apart (``console.infra.failures.classify``) and say them:
refusals and the environment's errors become a plain, non-modal message; bugs go to the
crash dialog (through sys.excepthook). ``describe`` is the one place a refusal's message
is translated (context "refusal")."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from sqlalchemy.exc import DBAPIError

from console.app import SchemaOutdated
from console.domain.errors import Refused, UserError
from console.infra.failures import Failure, classify, first_line
from console.services.errors import StaleWrite


def is_environment_error(exc: BaseException) -> bool:
    return classify(exc) is Failure.ENVIRONMENT


def is_refusal(exc: BaseException) -> bool:
    """Something the user can act on: never the crash dialog."""
    return classify(exc) is Failure.REFUSAL


def is_bug(exc: BaseException) -> bool:
    """Neither a refusal nor the environment: the crash dialog."""
    return classify(exc) is Failure.BUG


def refusal_text(exc: Refused) -> str:
    """A refusal's message in the user's language (its English text is the key)."""
    return exc.text(lambda source: QCoreApplication.translate("refusal", source))


def describe(exc: BaseException) -> str:
    """A sentence for the user; details go to the log."""
    if isinstance(exc, SchemaOutdated):
        return QCoreApplication.translate(
            "errors", "The database needs an upgrade by an administrator: {0}"
        ).format(exc)
    if isinstance(exc, StaleWrite):
        return stale_write_text(exc)
    if isinstance(exc, Refused):
        return refusal_text(exc)
    if isinstance(exc, UserError):
        return str(exc)
    kind = classify(exc)
    if kind is Failure.REFUSAL and isinstance(exc, DBAPIError):
        return QCoreApplication.translate("errors", "The database refused this change: {0}").format(
            first_line(exc)
        )
    if kind is Failure.ENVIRONMENT:
        if isinstance(exc, OSError) and not isinstance(exc, ConnectionError | TimeoutError):
            return QCoreApplication.translate(
                "errors", "A file could not be read or written: {0}"
            ).format(exc)
        return QCoreApplication.translate(
            "errors",
            "The database is not answering. Your work is kept on screen; "
            "try again in a moment. ({0})",
        ).format(first_line(exc))
    return f"{exc.__class__.__name__}: {exc}"


def stale_write_text(exc: StaleWrite) -> str:
    """A save refused because someone else saved the record first."""
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


def report_bug(exc: BaseException) -> None:
    sys.excepthook(type(exc), exc, exc.__traceback__)
