"""Errors a service raises on purpose, for the UI to show in plain words."""

from __future__ import annotations

from console.domain.errors import Refused, UserError
from console.domain.validation import FieldError

__all__ = ["Conflict", "NotFound", "Refused", "ServiceError", "StaleWrite", "ValidationFailed"]


class ServiceError(UserError):
    """An error the user can act on (not a bug, not the environment)."""

    code = "service_error"


class ValidationFailed(ServiceError):
    code = "validation_failed"

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(", ".join(f"{e.field}:{e.code}" for e in errors))
        self.errors = errors


class NotFound(ServiceError):
    code = "not_found"


class Conflict(ServiceError):
    """Someone else changed or took the record first."""

    code = "conflict"


class StaleWrite(Conflict):
    """Someone else saved the record after this user loaded it; nothing was written.
    ``what`` names the kind of record (handover_item, article, routing_rule, policy,
    override, shifts, roster), ``name`` which one, ``now`` what it holds now (optional)."""

    code = "stale_write"

    def __init__(self, what: str, name: str = "", now: str = "") -> None:
        self.what, self.name, self.now = what, name, now
        tail = f" (now: {now})" if now else ""
        super().__init__(
            f"{what} {name} was changed by someone else since you opened it{tail}: reload it"
        )
