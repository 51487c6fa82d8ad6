"""Errors a service raises on purpose, for the UI to show in plain words."""

from __future__ import annotations

from console.validation import FieldError


class ServiceError(Exception):
    """A refusal the user can act on (not a bug, not the environment)."""

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
