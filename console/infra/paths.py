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


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by this user only (0700 on POSIX)."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, 0o700)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` if missing, readable and writable by this user only (0600)."""
    private_dir(path.parent)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)
    return path


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
