"""Fixtures for driving real widgets offscreen against a real database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from console.app import AppContext, open_context
from console.settings import Settings
from console.ui.context import UiContext
from console.ui.messages import MessageBar, Messages
from console.ui.runner import BackgroundRunner


@pytest.fixture
def app_ctx(db_url: str, tmp_path: Path) -> Iterator[AppContext]:
    ctx = open_context(db_url, Settings(tmp_path / "settings.ini"))
    yield ctx
    ctx.close()


@pytest.fixture
def ui_ctx(qtbot: QtBot, app_ctx: AppContext) -> Iterator[UiContext]:
    bar = MessageBar()
    qtbot.addWidget(bar)
    errors: list[BaseException] = []
    runner = BackgroundRunner(errors.append)
    identity = app_ctx.agents.sign_in("admin")
    ui = UiContext(app_ctx, identity, runner, Messages(bar))
    yield ui
    runner.wait(10_000)
    assert not errors, f"background errors: {errors!r}"
