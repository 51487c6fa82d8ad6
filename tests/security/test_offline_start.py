"""Starting while the central database is down: a person who signed in on this
workstation before signs in offline against the salted verifier kept then, takes calls
into the outbox, and the console goes online by itself when the database answers,
checking the password against the server again."""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.engine import URL, make_url

from console.app import DatabaseUnavailable, start_cache_for
from console.infra.database import make_engine
from console.infra.settings import DB_SSLMODE, Settings
from console.offline.policy import LinkState
from console.signin import CredentialsRefused, Unreachable, bring_online, sign_in
from console.ui.launch import PASSWORD_ENV, Startup
from console.ui.main_window import MainWindow
from tests.helpers.db import pg_admin_url
from tests.helpers.proxy import TcpProxy
from tests.helpers.roles import PASSWORD, World

pytestmark = pytest.mark.pg


@pytest.fixture
def relay(world: World) -> Iterator[TcpProxy]:
    u = make_url(world.owner_url)
    proxy = TcpProxy((u.host or "127.0.0.1", u.port or 5432)).start()
    yield proxy
    proxy.stop()


@pytest.fixture(autouse=True)
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("HOTLINE_CONSOLE_HOME", str(home))
    return home


def _central(world: World, proxy: TcpProxy) -> str:
    """The workstation's setting: the server (through the relay), no user, no password."""
    u = make_url(proxy.url(world.owner_url))
    return URL.create(u.drivername, host=u.host, port=u.port, database=u.database).render_as_string(
        hide_password=False
    )


def _settings(tmp_path: Path) -> Settings:
    s = Settings(tmp_path / "s.ini")
    s.set(DB_SSLMODE, "prefer")
    return s


def _sign_in_once_online(url: str, settings: Settings, name: str) -> None:
    done = sign_in(url, settings, name, PASSWORD)
    assert not done.offline
    done.ctx.refresh_start_cache()  # what the console does after its first form
    done.ctx.close()


def test_offline_sign_in_right_wrong_and_never_signed_in(
    world: World, relay: TcpProxy, tmp_path: Path
) -> None:
    url, settings = _central(world, relay), _settings(tmp_path)
    name = world.login("a1")
    relay.refuse()
    # never signed in here: a plain refusal, not the driver's text
    with pytest.raises(Unreachable):
        sign_in(url, settings, name, PASSWORD)
    relay.restore()
    _sign_in_once_online(url, settings, name)
    cache = start_cache_for(url)
    assert cache.known_person(name) and cache.snapshot() is not None
    assert PASSWORD not in cache.path.read_text(encoding="utf-8")

    relay.refuse()
    with pytest.raises(CredentialsRefused):
        sign_in(url, settings, name, "not-the-password")
    other = world.login("a2")  # has an account, never signed in on this workstation
    with pytest.raises(Unreachable):
        sign_in(url, settings, other, PASSWORD)
    done = sign_in(url, settings, name, PASSWORD)
    try:
        assert done.offline and done.identity.username == name
        ref = done.ctx.load_reference()  # from the file: no network
        assert ref.channels and ref.leaf_categories()
        assert done.ctx.offline.status().state is LinkState.OFFLINE
        # a call taken offline goes to the outbox under this workstation's number
        saved = done.ctx.offline.submit_case(world.draft, done.identity)
        assert saved.queued and saved.number
        with pytest.raises(DatabaseUnavailable):
            bring_online(done.ctx, name)  # not yet
        assert not done.ctx.link_up

        relay.restore()
        identity = bring_online(done.ctx, name)
        assert identity.username == name and done.ctx.link_up
        done.ctx.offline.start()  # what the window does then: the outbox is sent
        deadline = time.monotonic() + 30
        while done.ctx.offline.status().waiting and time.monotonic() < deadline:
            time.sleep(0.1)
        assert done.ctx.offline.status().state is LinkState.ONLINE
        with world.owner.connect() as c:
            stored = c.execute(
                text("SELECT count(*) FROM cases WHERE number = :n"), {"n": saved.number}
            ).scalar_one()
        assert stored == 1
    finally:
        done.ctx.close()


def test_password_is_checked_by_the_server_when_back_online(
    world: World, relay: TcpProxy, tmp_path: Path
) -> None:
    """The test server trusts loopback (any password passes), so the account is
    disabled centrally instead: the same refusal of the login as a changed password."""
    url, settings = _central(world, relay), _settings(tmp_path)
    name = world.login("a2")
    _sign_in_once_online(url, settings, name)
    relay.refuse()
    done = sign_in(url, settings, name, PASSWORD)
    assert done.offline
    admin = make_engine(pg_admin_url())
    try:
        with admin.begin() as c:  # changed centrally while this workstation was offline
            c.exec_driver_sql(f'ALTER ROLE "{name}" NOLOGIN')
        relay.restore()
        with pytest.raises(CredentialsRefused):
            bring_online(done.ctx, name)
        assert not done.ctx.link_up
        # the old password no longer opens this workstation offline either
        assert not start_cache_for(url).known_person(name)
    finally:
        with admin.begin() as c:
            c.exec_driver_sql(f'ALTER ROLE "{name}" LOGIN')
        admin.dispose()
        done.ctx.close()


def test_console_started_offline_goes_online_by_itself(
    qtbot: QtBot,
    world: World,
    relay: TcpProxy,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, settings = _central(world, relay), _settings(tmp_path)
    name = world.login("sup")
    _sign_in_once_online(url, settings, name)
    relay.refuse()
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    args = argparse.Namespace(database=url, demo=False, lang=None, user=name, exit_when_ready=False)
    startup = Startup(window, settings, args)
    window.show()
    startup.start()  # no dialog: --user with the password at hand
    qtbot.waitUntil(lambda: window.ui is not None, timeout=15_000)
    assert startup.ctx is not None and not startup.ctx.link_up
    entry = window.screens["entry"]
    qtbot.waitUntil(lambda: entry.isEnabled(), timeout=15_000)  # usable offline
    ind = window.link_indicator
    assert ind is not None
    qtbot.waitUntil(
        lambda: ind.status is not None and ind.status.state is LinkState.OFFLINE, timeout=10_000
    )
    relay.restore()
    qtbot.waitUntil(lambda: startup.ctx is not None and startup.ctx.link_up, timeout=30_000)
    qtbot.waitUntil(lambda: ind.status is not None and ind.status.online, timeout=30_000)
    window.close()
    window.runner.wait(10_000)


def test_case_saved_against_old_reference_data_is_accepted_and_the_file_refreshed(
    world: World, relay: TcpProxy, tmp_path: Path
) -> None:
    """While the workstation was offline the centre renamed the case's category and
    issued a new version of the policy its case falls under: the case saved offline is
    stored all the same (under the policy now current), and the reference data kept for
    the next offline start is the new one once the link is back."""
    from dataclasses import replace

    from console.domain.sla import choose_policy
    from console.infra.database import make_session_factory
    from console.services.reference import current_policies
    from console.services.sla import SlaService

    url, settings = _central(world, relay), _settings(tmp_path)
    name = world.login("a1")
    _sign_in_once_online(url, settings, name)
    relay.refuse()
    done = sign_in(url, settings, name, PASSWORD)
    try:
        assert done.offline and done.ctx.snapshot is not None
        draft = world.draft
        old = choose_policy(
            done.ctx.snapshot.policies,
            draft.case_type,
            draft.urgency,
            "phone",
            draft.class_code,
            draft.sub_type,
        )
        saved = done.ctx.offline.submit_case(draft, done.identity)
        assert saved.queued
        owner_sessions = make_session_factory(world.owner)
        newer = SlaService(owner_sessions, lambda: done.ctx.calendar, lambda: "000").save_policy(
            replace(old, name=old.name + " v2")
        )
        with world.owner.begin() as c:
            c.execute(
                text("UPDATE matter_categories SET name = name || '（新）' WHERE id = :id"),
                {"id": draft.category_id},
            )
        relay.restore()
        bring_online(done.ctx, name)
        done.ctx.offline.start()
        deadline = time.monotonic() + 30
        while done.ctx.offline.status().waiting and time.monotonic() < deadline:
            time.sleep(0.1)
        assert done.ctx.offline.status().waiting == 0  # nothing held
        with world.owner.connect() as c:
            policy_id, category_id = c.execute(
                text("SELECT sla_policy_id, category_id FROM cases WHERE number = :n"),
                {"n": saved.number},
            ).one()
        assert category_id == draft.category_id
        assert policy_id == newer.id != old.id
        snap = start_cache_for(url).snapshot()
        assert snap is not None
        assert any(c.name.endswith("（新）") for c in snap.reference.categories)
        with owner_sessions() as s:
            assert {p.id for p in snap.policies} == {p.id for p in current_policies(s)}
    finally:
        done.ctx.close()


def test_a_link_that_swallows_traffic_is_not_waited_for(
    world: World, relay: TcpProxy, tmp_path: Path
) -> None:
    """No refusal, no answer (a hung link): the sign-in goes offline after its grace
    period instead of the connection's own timeout."""
    url, settings = _central(world, relay), _settings(tmp_path)
    name = world.login("a1")
    _sign_in_once_online(url, settings, name)
    relay.blackhole()
    done = sign_in(url, settings, name, PASSWORD, grace_s=0.3)
    try:
        assert done.offline and done.identity.username == name
    finally:
        done.ctx.close()
        relay.restore()
