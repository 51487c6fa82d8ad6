"""The start-up contract: `main.py … --exit-when-ready` prints one `ready_s=… link=…`
line and exits 0, on SQLite and PostgreSQL (online and, after the central database went
away, offline); no display is said in one plain line; the schema check that avoids
loading Alembic agrees with Alembic."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import URL, make_url

from console import migrations
from console.cli.entry import no_display
from tests.helpers.proxy import TcpProxy
from tests.helpers.roles import PASSWORD, World, world

__all__ = ["world"]  # the fixture (tests/helpers/roles.py)

ROOT = Path(__file__).resolve().parents[1]
READY = re.compile(r"^ready_s=\d+\.\d{3} link=(online|offline)$")


def _start(home: Path, *args: str, password: str | None = None) -> tuple[int, list[str], str]:
    env = dict(os.environ, HOTLINE_CONSOLE_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env.pop("HOTLINE_PASSWORD", None)
    if password is not None:
        env["HOTLINE_PASSWORD"] = password
    proc = subprocess.run(
        [sys.executable, "main.py", *args, "--lang", "en", "--exit-when-ready"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    return proc.returncode, proc.stdout.splitlines(), proc.stderr


def test_alembic_free_head_check_agrees_with_alembic() -> None:
    assert migrations.head_revisions_from_files() == {migrations.head_revision()}


def test_exit_when_ready_on_sqlite(tmp_path: Path) -> None:
    """A new embedded database (not the demo): migrated, signed in as --user, ready."""
    db = tmp_path / "console.sqlite3"
    rc, out, err = _start(tmp_path / "home", "--database", f"sqlite:///{db}", "--user", "admin")
    assert rc == 0, err[-2000:]
    assert len(out) == 1 and READY.match(out[0]), out
    assert out[0].endswith("link=online")
    rc, out, err = _start(tmp_path / "home", "--database", f"sqlite:///{db}", "--user", "nobody")
    assert rc == 1 and out == [] and "nobody" in err


def test_exit_when_ready_in_a_new_home_names_no_database(tmp_path: Path) -> None:
    """The contract's plainest form, ``main.py --user NAME --exit-when-ready`` in a new
    home: the first start's question (demo or a real database?) is for a person, so the
    check starts on the embedded database instead of waiting for an answer, and leaves
    the question for the first person who starts the console there."""
    home = tmp_path / "home"
    rc, out, err = _start(home, "--user", "admin")
    assert rc == 0, err[-2000:]
    assert len(out) == 1 and READY.match(out[0]) and out[0].endswith("link=online"), out
    assert [p.name for p in home.rglob("*.sqlite3") if "outbox" not in p.name] != []
    (settings,) = list(home.rglob("settings.ini"))  # saved: the user who signed in
    text = settings.read_text(encoding="utf-8")
    assert "admin" in text and "first_start_done" not in text


@pytest.mark.pg
def test_exit_when_ready_on_postgresql_online_then_offline(world: World, tmp_path: Path) -> None:
    u = make_url(world.owner_url)
    proxy = TcpProxy((u.host or "127.0.0.1", u.port or 5432)).start()
    try:
        r = make_url(proxy.url(world.owner_url))
        url = URL.create(
            r.drivername, username=world.login("a1"), host=r.host, port=r.port, database=r.database
        ).render_as_string(hide_password=False)
        args = ("--database", url, "--user", world.login("a1"))
        home = tmp_path / "home"
        rc, out, err = _start(home, *args)  # no password anywhere: says so, exits
        assert rc == 1 and out == [] and "HOTLINE_PASSWORD" in err
        rc, out, err = _start(home, *args, password=PASSWORD)
        assert rc == 0, err[-2000:]
        assert len(out) == 1 and READY.match(out[0]) and out[0].endswith("link=online"), out
        proxy.refuse()
        rc, out, err = _start(home, *args, password=PASSWORD)
        assert rc == 0, err[-2000:]
        assert len(out) == 1 and out[0].endswith("link=offline"), out
        rc, out, err = _start(home, *args, password="not-the-password")
        assert rc == 1 and out == [] and "Wrong user name or password" in err
    finally:
        proxy.stop()


def test_no_display_is_said_in_one_plain_line(tmp_path: Path) -> None:
    assert no_display({}) is not None
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        assert no_display({var: ":0"}) is None
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["HOTLINE_CONSOLE_HOME"] = str(tmp_path)
    proc = subprocess.run(
        [sys.executable, "main.py", "--demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("No display"), proc.stderr


def test_password_of_user_from_environment_else_keyring(
    monkeypatch: pytest.MonkeyPatch, memory_keyring: object
) -> None:
    from console.infra.credentials import login_url, remember
    from console.ui.launch import PASSWORD_ENV, remembered_password

    url = "postgresql://db.example:5432/hotline"
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    assert remembered_password(url, "wang.li") is None
    assert remember(login_url(url, "wang.li", None), "from-keyring")
    assert remembered_password(url, "wang.li") == "from-keyring"
    assert remembered_password(url, "li.si") is None
    monkeypatch.setenv(PASSWORD_ENV, "from-env")
    assert remembered_password(url, "wang.li") == "from-env"
