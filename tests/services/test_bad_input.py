"""Bad input on both engines: oversized fields, control characters (NUL), SQL-like text,
emoji and other astral characters, right-to-left marks, lone surrogates. Each is either
stored and read back verbatim or refused with a field-level code; never a database
error."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from console.domain.validation import CaseDraft, searchable, text_problem
from console.domain.workcalendar import WorkCalendar
from console.models import Case, MatterCategory, Region
from console.services.case_edit import CaseEditService
from console.services.cases import CaseService
from console.services.errors import ValidationFailed
from console.services.importer import ImportService, parse_rows
from console.services.knowledge import ArticleInput, KnowledgeService
from console.services.numbers import register_workstation
from console.services.queue import QueueFilter, QueueQuery, QueueService, QueueView
from console.services.sla import SlaService
from tests.helpers.people import admin as _admin

SQLISH = "'; DROP TABLE cases; --"
EMOJI = "噪音😀𠀀𝄞"  # astral: an emoji, a CJK Extension B character, a musical symbol
RTL = "\u202eأحمد\u200f 陈\u200e"  # right-to-left override and marks
HTMLISH = "<b>陈</b> <img src=x onerror=alert(1)> &amp;"
NUL = "施工噪音\x00扰民"
SURROGATE = "半个表情\ud83d扰民"


def _draft(sessions: sessionmaker[Session], **kw: object) -> CaseDraft:
    with sessions() as s:
        cat = s.scalars(select(MatterCategory.id).where(MatterCategory.level == 3)).first()
        district = s.scalars(select(Region.id).where(Region.name == "南海区")).one()
    base = CaseDraft(
        case_type="demand",
        sub_type="complaint",
        class_code="city",
        category_id=cat,
        district_id=district,
        address="桂城街道南海大道1号",
        caller_name="陈先生",
        caller_phone="13800138000",
        description="小区门口夜间施工噪音扰民",
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def _cases(sessions: sessionmaker[Session]) -> CaseService:
    station = register_workstation(sessions, "bad-input-host")
    return CaseService(sessions, WorkCalendar, lambda: station)


def _count(sessions: sessionmaker[Session]) -> int:
    with sessions() as s:
        return int(s.scalar(select(func.count(Case.id))) or 0)


@pytest.mark.parametrize(
    "value",
    [SQLISH, EMOJI, RTL, HTMLISH, "路灯\t不亮", "a" * 3 + "😀" * 197],
    ids=["sql", "emoji", "rtl", "html", "tab", "200-astral"],
)
def test_odd_but_valid_text_is_stored_and_read_back_verbatim(
    sessions: sessionmaker[Session], value: str
) -> None:
    who = _admin(sessions)
    address = value if len(value) <= 200 else value[:200]
    desc = f"市民反映：{value}"
    saved = _cases(sessions).create(
        _draft(sessions, address=address, caller_name=value[:64], description=desc), who
    )
    detail = QueueService(sessions).detail(saved.id, who.agent_id)
    assert detail.address == address.strip()
    assert detail.description == desc
    loaded = CaseEditService(sessions, WorkCalendar, lambda: "001").load(saved.id, who)
    assert loaded.fields.caller_name == value[:64].strip()
    # the free-text filter finds it by the same odd text, and the table is still there
    rows = QueueService(sessions).rows_by_id([saved.id])
    assert rows and rows[0].number == saved.number
    with sessions() as s:
        assert s.execute(text("SELECT count(*) FROM cases")).scalar_one() == 1


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("description", NUL, "control_chars"),
        ("description", SURROGATE, "invalid_unicode"),
        ("description", "投诉" * 2001, "too_long"),
        ("address", "x" * 201, "too_long"),
        ("address", "桂城\x00街道", "control_chars"),
        ("address", "桂城街道\n南海大道", "single_line"),
        ("caller_name", "陈" * 65, "too_long"),
        ("caller_name", "陈\ud800", "invalid_unicode"),
        ("caller_name", "陈\x07", "control_chars"),
        ("enterprise_name", "公" * 129, "too_long"),
        ("caller_phone", "138\x0000138000", "phone_invalid"),
    ],
)
def test_unstorable_text_is_refused_with_a_field_message(
    sessions: sessionmaker[Session], field: str, value: str, code: str
) -> None:
    with pytest.raises(ValidationFailed) as info:
        _cases(sessions).create(_draft(sessions, **{field: value}), _admin(sessions))
    assert (field, code) in {(e.field, e.code) for e in info.value.errors}
    assert _count(sessions) == 0


def test_edits_refuse_the_same_and_keep_what_is_valid(sessions: sessionmaker[Session]) -> None:
    who = _admin(sessions)
    saved = _cases(sessions).create(_draft(sessions), who)
    svc = CaseEditService(sessions, WorkCalendar, lambda: "001")
    opened = svc.load(saved.id, who)
    for field, value, code in (
        ("title", "标题\x00", "control_chars"),
        ("title", "长" * 121, "too_long"),
        ("description", SURROGATE, "invalid_unicode"),
        ("address", "x" * 201, "too_long"),
    ):
        with pytest.raises(ValidationFailed) as info:
            svc.save(opened, replace(opened.fields, **{field: value}), who)  # type: ignore[arg-type]
        assert [(e.field, e.code) for e in info.value.errors] == [(field, code)]
    odd = replace(opened.fields, title=SQLISH, caller_name=RTL, address=EMOJI, description=HTMLISH)
    after = svc.save(opened, odd, who)
    assert (after.fields.title, after.fields.address, after.fields.description) == (
        SQLISH,
        EMOJI,
        HTMLISH,
    )
    assert after.fields.caller_name == RTL.strip()


@pytest.mark.parametrize(
    ("query", "found"),
    [(NUL, 0), (SURROGATE, 0), (SQLISH, 1), ("%_\\", 0), ("\x00", 1), ("夜间\x00施工", 1)],
)
def test_search_text_never_breaks_the_queue(
    sessions: sessionmaker[Session], query: str, found: int
) -> None:
    who = _admin(sessions)
    _cases(sessions).create(_draft(sessions, description=f"夜间施工 {SQLISH}"), who)
    q = QueueService(sessions)
    query_ = QueueQuery(view=QueueView.ALL, filter=QueueFilter(text=query))
    assert len(q.page(query_, limit=50)) == found
    assert q.count(query_) == found


def test_import_rejects_unstorable_rows_and_keeps_the_rest(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    path = tmp_path / "web.csv"
    path.write_text(
        "留言编号,留言用户,留言主题,留言时间,留言详情\n"
        f"1,网友A,{SQLISH},2026-11-20 09:00,路灯不亮 {EMOJI}\n"
        "2,网友B,噪音,2026-11-20 09:05,施工噪音\x00扰民\n"
        f"3,网友C,{RTL},2026-11-20 09:10,{HTMLISH}\n",
        encoding="utf-8",
    )
    station = register_workstation(sessions, "import-host")
    svc = ImportService(sessions, lambda: station, WorkCalendar)
    report = svc.import_file(path, _admin(sessions))
    assert report.accepted == 2
    assert [(r.row, r.reason, r.detail) for r in report.rejected] == [
        (3, "bad_text", "body: control_chars")
    ]
    with sessions() as s:
        stored = {c.title: c.description for c in s.scalars(select(Case))}
    assert stored[SQLISH] == f"路灯不亮 {EMOJI}"
    assert stored[RTL.strip()] == HTMLISH


def test_import_parser_refuses_lone_surrogates() -> None:
    from datetime import UTC, datetime

    table: list[list[object]] = [
        ["留言编号", "留言主题", "留言时间", "留言详情"],
        ["9", "标题", "2026-11-20 09:00", "正文\udc80"],
        ["10", "标题", "2026-11-20 09:00", "正文"],
    ]
    rows = iter(table)
    _n, _blank, msgs, rejected, _w = parse_rows(rows, datetime(2026, 11, 27, tzinfo=UTC))
    assert [m.message_id for m in msgs] == ["10"]
    assert [(r.message_id, r.reason, r.detail) for r in rejected] == [
        ("9", "bad_text", "body: invalid_unicode")
    ]


def test_an_oversized_csv_field_is_a_clear_refusal(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    from console.services.importer import ImportFailed

    path = tmp_path / "huge.csv"
    path.write_text(
        '留言编号,留言时间,留言详情\n1,2026-11-20 09:00,"' + "长" * 200_000 + '"\n',
        encoding="utf-8",
    )
    station = register_workstation(sessions, "import-host")
    with pytest.raises(ImportFailed, match="CSV line"):
        ImportService(sessions, lambda: station, WorkCalendar).import_file(path, _admin(sessions))
    assert _count(sessions) == 0


def test_other_free_text_records_refuse_nul(sessions: sessionmaker[Session]) -> None:
    from datetime import date

    who = _admin(sessions)
    with pytest.raises(ValidationFailed) as info:
        KnowledgeService(sessions).save(
            ArticleInput("居住证怎么办\x00理", "带身份证去街道办理"), who
        )
    assert info.value.errors[0].code == "control_chars"
    with pytest.raises(ValidationFailed):
        SlaService(sessions, WorkCalendar, lambda: "001").set_override(
            date(2026, 12, 1), True, "调休\x00", who
        )


def test_text_problem_codes() -> None:
    assert text_problem(SQLISH) is None
    assert text_problem(EMOJI) is None
    assert text_problem(RTL) is None
    assert text_problem("行1\n行2\r\n\t") is None
    assert text_problem("行1\n行2", single_line=True) == "single_line"
    assert text_problem("\x00") == "control_chars"
    assert text_problem("\x85") == "control_chars"
    assert text_problem("\ud800") == "invalid_unicode"
    assert searchable("a\x00b\udfffc") == "abc"
