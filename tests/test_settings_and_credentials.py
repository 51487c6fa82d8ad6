from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.errors import NoKeyringError

from console.infra import credentials
from console.infra.settings import DATABASE_URL, FIRST_START_DONE, REFRESH_SECONDS, Settings
from tests.helpers.keyring_memory import MemoryKeyring


def test_settings_round_trip_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    s = Settings(path)
    assert s.get(REFRESH_SECONDS) == 5 and s.get(FIRST_START_DONE) is False
    s.set(DATABASE_URL, "postgresql://agent@db:5432/hotline")
    s.set(FIRST_START_DONE, True)
    s.set_station_for("postgresql+psycopg://agent@db:5432/hotline", "017")
    s.save()
    again = Settings(path)
    assert again.get(DATABASE_URL) == "postgresql://agent@db:5432/hotline"
    assert again.get(FIRST_START_DONE) is True
    assert again.station_for("postgresql+psycopg://agent@db:5432/hotline") == "017"


def test_password_goes_to_keyring_not_settings(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    url, pw = credentials.split_password("postgresql://agent:s3cret@db:5432/hotline")
    assert pw == "s3cret" and "s3cret" not in url
    assert credentials.remember(url, pw)
    s = Settings(tmp_path / "s.ini")
    s.set(DATABASE_URL, url)
    s.save()
    assert "s3cret" not in (tmp_path / "s.ini").read_text(encoding="utf-8")
    assert "s3cret" in credentials.with_password(url)
    credentials.forget(url)
    assert "s3cret" not in credentials.with_password(url)


def test_headless_keyring_means_asking_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    assert credentials.remember("postgresql://agent@db/hotline", "x") is False
    assert (
        credentials.with_password("postgresql://agent@db/hotline")
        == "postgresql://agent@db/hotline"
    )
    with pytest.raises(NoKeyringError):
        keyring.get_password("hotline-console", "anything")
