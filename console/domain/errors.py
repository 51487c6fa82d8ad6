"""The errors a person can act on, told apart from bugs and from the environment.

``Refused`` is the one exception for "not permitted" and "not allowed now", raised by the
domain (the lifecycle), the services, the command line and the HTTP service alike. Its
message is English source text that doubles as the key in the translation catalogue
(context ``"refusal"``); ``{name}`` placeholders are filled from ``params`` after
translation, so the screens show it in the user's language and the command line in plain
English.
"""

from __future__ import annotations

from collections.abc import Callable


class UserError(Exception):
    """Base of every error the user can act on: shown as a message, never as a crash."""

    code = "user_error"


class Refused(UserError):
    """Not permitted for this role, or not allowed in the record's current state."""

    code = "refused"

    def __init__(self, message: str, /, *, code: str | None = None, **params: object) -> None:
        self.message = message
        self.params = params
        if code is not None:
            self.code = code
        super().__init__(self.text())

    def text(self, translate: Callable[[str], str] | None = None) -> str:
        """The message, translated by ``translate`` (source text -> text) when given."""
        source = translate(self.message) if translate else self.message
        try:
            return source.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return source
