"""What every screen is given: the app context, who is signed in, the runner, messages."""

from __future__ import annotations

from dataclasses import dataclass

from console.app import AppContext
from console.domain.identity import Identity
from console.ui.messages import Messages
from console.ui.runner import BackgroundRunner


@dataclass(frozen=True)
class UiContext:
    app: AppContext
    identity: Identity
    runner: BackgroundRunner
    messages: Messages
