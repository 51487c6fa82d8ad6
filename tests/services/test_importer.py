"""Importing web-channel exports: the real Excel export twice, and a messy CSV."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.workcalendar import WorkCalendar
from console.models import Case, CaseEvent, ImportedMessage
from console.services.importer import ImportFailed, ImportService, clean_text, parse_time
from console.services.numbers import register_workstation
from tests.helpers.people import admin as _admin

DATA = Path(__file__).resolve().parents[1] / "data"


def _service(sessions: sessionmaker[Session]) -> ImportService:
    station = register_workstation(sessions, "test-host")
    return ImportService(sessions, lambda: station, WorkCalendar)


def test_real_export_imported_once(sessions: sessionmaker[Session]) -> None:
    svc, who = _service(sessions), _admin(sessions)
    steps: list[tuple[int, int]] = []
    first = svc.import_file(
        DATA / "web-answered.xlsx", who, progress=lambda d, t: steps.append((d, t))
    )
    assert (first.rows, first.accepted, first.already_imported, first.rejected) == (120, 120, 0, ())
    assert steps[-1] == (120, 120)
    second = svc.import_file(DATA / "web-answered.xlsx", who)
    assert (second.accepted, second.already_imported, second.rejected) == (0, 120, ())
    with sessions() as s:
        assert s.scalar(select(func.count(Case.id))) == 120
        assert s.scalar(select(func.count(ImportedMessage.id))) == 120
        case = s.scalars(
            select(Case)
            .join(ImportedMessage, ImportedMessage.case_id == Case.id)
            .where(ImportedMessage.message_id == "2549")
        ).one()
        # the body came with tabs and line breaks around it
        assert case.description.startswith("2019年4月以来")
        assert "\t" not in case.description
        assert case.title == "A2区景蓉华苑物业管理有问题"
        assert case.caller_name == "A00045581"
        assert case.channel_code == "gov_website"
        assert case.status == "closed" and case.answer.startswith("现将网友")
        # 2019/4/25 9:32:09 in Foshan is 01:32:09 UTC; answered 2019/5/10 14:56:53
        assert case.received_at == datetime(2019, 4, 25, 1, 32, 9, tzinfo=UTC)
        assert case.closed_at == datetime(2019, 5, 10, 6, 56, 53, tzinfo=UTC)
        kinds = s.scalars(
            select(CaseEvent.kind).where(CaseEvent.case_id == case.id).order_by(CaseEvent.at)
        ).all()
        assert kinds == ["created", "closed"]


MESSY = (
    "Message ID, User ,Title,Time,Body,Category\n"
    '101,u1,  路灯不亮 ,2024/5/3 20:15,"  桂澜路路灯\n\n\t整排不亮  ",城乡建设\n'
    "102,u2,噪音,2024-05-04 23:10:00,夜间施工噪音,环境保护\n"
    "103,u3,咨询,2024年5月5日 9:30,社保卡怎么补办,不存在的分类\n"
    "104,u4,没时间,,有内容,\n"
    "105,u5,坏时间,昨天下午,有内容,\n"
    "102,u2,重复,2024-05-04 23:10:00,同一编号,\n"
    ",u7,无编号,2024-05-06,有内容,\n"
    "108,13800138000,,45420.5,只有正文，用户是手机号,\n"
    "109,u9,,2024.05.07,,\n" + ",,,,,\n" * 3000
)


def test_messy_csv_every_row_accounted(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    path = tmp_path / "wechat-export.csv"
    path.write_text(MESSY, encoding="utf-8-sig")
    svc, who = _service(sessions), _admin(sessions)
    report = svc.import_file(path, who, channel_code="wechat")
    assert report.rows == 9 + 3000
    assert report.blank == 3000
    assert report.accepted == 4  # 101, 102, 103, 108
    reasons = {r.row: r.reason for r in report.rejected}
    assert reasons == {
        5: "missing_time",
        6: "bad_time",
        7: "duplicate_in_file",
        8: "missing_id",
        10: "no_text",
    }
    assert report.accounted
    assert any("不存在的分类" in w for w in report.warnings)
    assert "row 6 (id 105): bad_time: 昨天下午" in "\n".join(report.lines())
    with sessions() as s:
        rows = {
            m: (c.title, c.description, c.caller_phone, c.class_code, c.status)
            for m, c in s.execute(
                select(ImportedMessage.message_id, Case).join(
                    Case, Case.id == ImportedMessage.case_id
                )
            )
        }
    assert rows["101"] == ("路灯不亮", "桂澜路路灯\n整排不亮", "", "city", "received")
    assert rows["102"][3] == "environment"
    assert rows["108"][2] == "13800138000"  # the user column held a mobile number
    # the same file again, and on another channel the same ids are other messages
    assert svc.import_file(path, who, channel_code="wechat").accepted == 0
    assert svc.import_file(path, who, channel_code="gov_website").accepted == 4


def test_unusable_files_are_refused_as_a_whole(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    svc, who = _service(sessions), _admin(sessions)
    bad = tmp_path / "x.csv"
    bad.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="required columns"):
        svc.import_file(bad, who)
    with pytest.raises(ImportFailed, match="web or media"):
        svc.import_file(DATA / "web-answered.xlsx", who, channel_code="phone_12345")


def test_time_formats_and_text_cleaning() -> None:
    want = datetime(2024, 5, 3, 12, 15, tzinfo=UTC)
    for raw in (
        "2024/5/3 20:15",
        "2024-05-03 20:15:00",
        "2024年5月3日 20:15",
        "2024.5.3 20:15",
        "2024-05-03T20:15:00+08:00",
        datetime(2024, 5, 3, 20, 15),
    ):
        assert parse_time(raw) == want, raw
    assert parse_time("2024/13/40") is None
    assert clean_text("\n\t\t a  b \r\n\n c\u3000 ") == "a b\nc"
