"""Where the console keeps its files (platformdirs), overridable for tests and
portable installs with HOTLINE_CONSOLE_HOME."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "hotline-console"


def _home() -> Path | None:
    value = os.environ.get("HOTLINE_CONSOLE_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    home = _home()
    if home:
        return home / "config"
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    home = _home()
    return home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_database_path(demo: bool = False) -> Path:
    return data_dir() / ("demo.sqlite3" if demo else "console.sqlite3")


def default_database_url(demo: bool = False) -> str:
    return f"sqlite:///{default_database_path(demo)}"
