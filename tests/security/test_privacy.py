"""No citizen's data in a log line or an error message, and the workstation's drafts and
outbox readable by its user only (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import logging
import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from console.domain.identity import Identity
from console.domain.validation import CaseDraft
from console.domain.workcalendar import WorkCalendar
from console.infra.drafts import DraftStore
from console.infra.logs import PrivacyFilter, mask_phone, safe_error
from console.models import Agent, Case
from console.offline.store import LocalStore
from console.services.case_edit import CaseEditService
from console.services.cases import CaseService
from console.services.importer import ImportService
from console.services.numbers import register_workstation

PHONE = "13912345678"
LANDLINE = "0757-83381234"
NAME = "欧阳娜娜"
WORDS = "我家楼下化粪池满溢臭气熏天"
SECRETS = (PHONE, LANDLINE, "83381234", NAME, WORDS)


def _admin(sessions: sessionmaker[Session]) -> Identity:
    with sessions() as s:
        a = s.scalars(select(Agent).where(Agent.username == "admin")).one()
        return Identity(a.id, a.username, a.display_name, a.role)


def test_mask_phone_and_safe_error() -> None:
    line = f"call from {PHONE} and {LANDLINE} about case 261206-004-0017"
    masked = mask_phone(line)
    assert PHONE not in masked and "83381234" not in masked
    assert "*******5678" in masked and "261206-004-0017" in masked
    rec = logging.LogRecord("x", logging.INFO, "f", 1, "phone %s", (PHONE,), None)
    assert PrivacyFilter().filter(rec) and PHONE not in rec.getMessage()


@pytest.mark.error_log_expected  # provoked on purpose, to check what the log says
def test_flows_log_no_personal_data(
    sessions: sessionmaker[Session], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # as with echo=True
    try:
        who = _admin(sessions)
        station = register_workstation(sessions, "privacy-host")
        cases = CaseService(sessions, WorkCalendar, lambda: station)
        draft = CaseDraft(
            case_type="consultation",
            sub_type="policy",
            class_code="livelihood",
            caller_name=NAME,
            caller_phone=PHONE,
            description=WORDS,
            answer="已答复",
        )
        saved = cases.create(draft, who)
        edit = CaseEditService(sessions, WorkCalendar, lambda: station)
        opened = edit.load(saved.id, who)
        edit.save(opened, replace(opened.fields, caller_phone=LANDLINE, title=WORDS[:6]), who)
        # an import of a CSV with the same citizen
        src = tmp_path / "web.csv"
        with open(src, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["留言编号", "留言用户", "留言主题", "留言时间", "留言详情"])
            w.writerow(["p-1", NAME, WORDS[:8], "2024-05-06 09:10:11", WORDS + PHONE])
        report = ImportService(sessions, lambda: station, WorkCalendar).import_file(src, who)
        assert report.accepted == 1, report.lines()
        # a failing write: its error message and traceback carry no parameters
        with pytest.raises(DBAPIError) as err, sessions() as s, s.begin():
            c = s.get(Case, saved.id)
            assert c is not None
            s.add(
                Case(
                    number=c.number,  # taken: the insert fails
                    station=station,
                    channel_code="phone",
                    case_type="consultation",
                    sub_type="policy",
                    class_code="livelihood",
                    caller_name=NAME,
                    caller_phone=PHONE,
                    description=WORDS,
                    status="received",
                )
            )
            s.flush()
        logging.getLogger("console.test").warning("save failed: %s", safe_error(err.value))
        logging.getLogger("console.test").exception("as a traceback", exc_info=err.value)
        assert not any(x in str(err.value) for x in SECRETS)
    finally:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    text = caplog.text + "\n".join(str(r.exc_info) for r in caplog.records if r.exc_info)
    assert "parameters hidden" in text  # the engine's own log ran, without the values
    leaked = [x for x in SECRETS if x in text]
    assert leaked == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_drafts_and_outbox_are_private_and_removed_once_sent(tmp_path: Path) -> None:
    os.umask(0o022)  # a permissive default: the files must be private anyway
    drafts = DraftStore(tmp_path / "data" / "drafts" / "intake-x.json")
    assert drafts.save({"caller_phone": PHONE, "description": WORDS}, 1)
    assert stat.S_IMODE(drafts.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(drafts.path.parent.stat().st_mode) == 0o700
    drafts.clear(1)
    assert not drafts.path.exists()
    store = LocalStore(tmp_path / "outbox" / "outbox.sqlite3")
    try:
        assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700
        import uuid
        from datetime import UTC, datetime

        cu = uuid.uuid4()
        seq = store.enqueue(
            "case", cu, str(cu), "261206-004-0001", {"phone": PHONE}, datetime.now(UTC)
        ).seq
        for extra in ("-wal", "-shm"):
            p = Path(str(store.path) + extra)
            if p.exists():
                assert stat.S_IMODE(p.stat().st_mode) & 0o077 == 0, p
        store.mark_done(seq, "261206-004-0001", 1)
        item = store.get(seq)
        assert item is not None and PHONE not in str(item.payload)
    finally:
        store.close()
    raw = b"".join(p.read_bytes() for p in store.path.parent.iterdir() if p.is_file())
    assert PHONE.encode() not in raw  # secure_delete: the old row's bytes are overwritten
