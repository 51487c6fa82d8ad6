"""Importing without losing a row: numbers past 9999 a day, every row accounted for
with a reason, clashes reported as clashes, bad dates refused per row, no text cut."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from console.domain.clock import local_date, now_utc
from console.domain.identity import Identity
from console.domain.numbering import day_key, format_case_number
from console.domain.workcalendar import WorkCalendar
from console.models import Agent, Case, NumberCounter
from console.services.importer import ImportService, clean_text, parse_time
from console.services.numbers import next_case_number, register_workstation

HEADER = ["留言编号", "留言用户", "留言主题", "留言时间", "留言详情"]
GOOD_TIME = "2024-05-06 09:10:11"
BAD_TIMES = {
    "0001-01-01": "bad_time",
    "2": "bad_time",
    "1900-01-01": "bad_time",
    "31/02/2024": "bad_time",
    "9999-12-31 23:59:59": "time_in_future",
}


def _admin(sessions: sessionmaker[Session]) -> Identity:
    with sessions() as s:
        a = s.scalars(select(Agent).where(Agent.username == "admin")).one()
        return Identity(a.id, a.username, a.display_name, a.role)


def _write(path: Path, rows: list[list[Any]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(rows)
    return path


def _row(mid: str, when: str = GOOD_TIME, body: str | None = None) -> list[Any]:
    return [mid, "网友", f"主题{mid}", when, body if body is not None else f"内容{mid}"]


@pytest.mark.parametrize("value", ["0001-01-01", "2", 2, 2.0, "1900-01-01", "1899-12-31 10:00"])
def test_implausible_receipt_times_are_no_time(value: object) -> None:
    assert parse_time(value) is None
    assert parse_time("2024-05-06 09:10:11") == datetime(2024, 5, 6, 1, 10, 11, tzinfo=UTC)
    assert parse_time(45000) is not None  # a real Excel serial day (2023)


def test_line_separators_become_newlines_not_cuts() -> None:
    raw = "第一行\u2028第二行\u2029第三行\f第四行\x0b第五行\x85第六行\r第七行"
    assert clean_text(raw).split("\n") == [
        "第一行", "第二行", "第三行", "第四行", "第五行", "第六行", "第七行"
    ]  # fmt: skip


def test_a_hundred_thousand_rows_all_accounted_for(
    sessions: sessionmaker[Session], tmp_path: Path, db_url: str
) -> None:
    """100,000 rows on SQLite (20,000 on PostgreSQL), the station's counter for today
    near the old 9999 limit: the new cases take five-digit numbers, and every other row
    has a reason."""
    total = 100_000 if db_url.startswith("sqlite") or "sqlite" in db_url else 20_000
    who = _admin(sessions)
    station = register_workstation(sessions, "import-host")
    svc = ImportService(sessions, lambda: station, WorkCalendar)
    first = svc.import_file(_write(tmp_path / "old.csv", [_row(f"p{i}") for i in range(50)]), who)
    assert first.accepted == 50
    key = day_key(local_date(now_utc()))
    with sessions() as s, s.begin():
        s.execute(
            update(NumberCounter)
            .where(NumberCounter.station == station, NumberCounter.day == key)
            .values(last_seq=9_900)
        )
    rows: list[list[Any]] = []
    expect: Counter[str] = Counter()
    for i in range(total):
        if i < 50:
            rows.append(_row(f"p{i}"))
            expect["already"] += 1
        elif i < 350:
            rows.append(_row(f"n{i}", body=f"第{i}条\u2028续行\f再续"))
            expect["accepted"] += 1
        else:
            k = i % 5
            if k == 0:
                rows.append(_row("n50"))
                expect["duplicate_in_file"] += 1
            elif k == 1:
                rows.append(["", "", "", "", ""])
                expect["blank"] += 1
            elif k == 2:
                when = list(BAD_TIMES)[(i // 5) % len(BAD_TIMES)]
                rows.append(_row(f"t{i}", when=when))
                expect[BAD_TIMES[when]] += 1
            elif k == 3:
                rows.append([f"e{i}", "网友", "", GOOD_TIME, ""])
                expect["no_text"] += 1
            else:
                rows.append(["", "网友", "x", GOOD_TIME, "y"])
                expect["missing_id"] += 1
    report = svc.import_file(_write(tmp_path / "big.csv", rows), who, batch=500)
    assert report.rows == total and report.accounted
    got = Counter(r.reason for r in report.rejected)
    got["accepted"], got["already"], got["blank"] = (
        report.accepted,
        report.already_imported,
        report.blank,
    )
    assert got == expect
    assert sum(got.values()) == total
    with sessions() as s:
        numbers = set(s.scalars(select(Case.number).where(Case.id.in_(report.case_ids))))
        assert len(numbers) == 300
        assert format_case_number(local_date(now_utc()), station, 10_000) in numbers
        # nothing cut: the separators are line breaks of the stored description
        d = s.scalars(select(Case.description).where(Case.id == report.case_ids[0])).one()
        assert d.split("\n") == ["第50条", "续行", "再续"]


def test_a_number_clash_is_reported_as_a_clash(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    who = _admin(sessions)
    station = register_workstation(sessions, "clash-host")
    svc = ImportService(sessions, lambda: station, WorkCalendar)
    day = local_date(now_utc())
    # an offline save (or another tool) took the counter's next numbers behind its back
    with sessions() as s, s.begin():
        for _ in range(2):
            next_case_number(s, station, day)
        s.execute(
            update(NumberCounter)
            .where(NumberCounter.station == station, NumberCounter.day == day_key(day))
            .values(last_seq=0)
        )
    base = svc.import_file(_write(tmp_path / "a.csv", [_row("a0")]), who)
    assert base.accepted == 1  # no cases used those numbers yet: no clash
    with sessions() as s, s.begin():
        taken = [s.scalar(select(Case.number).where(Case.id == base.case_ids[0]))]
        s.execute(
            update(NumberCounter)
            .where(NumberCounter.station == station, NumberCounter.day == day_key(day))
            .values(last_seq=0)
        )
        # a second case holding number 2, so that both tries of the next row clash
        s.execute(
            text(
                "INSERT INTO cases (uuid, number, station, channel_code, case_type, sub_type, "
                "class_code, address, caller_name, caller_phone, caller_anonymous, "
                "caller_confidential, enterprise_name, credit_code, title, description, "
                "answer, urgency, status, sla_paused, sla_unverified, received_at, "
                "created_at, updated_at, version) SELECT :u, :n, station, channel_code, "
                "case_type, sub_type, class_code, address, caller_name, caller_phone, "
                "caller_anonymous, caller_confidential, enterprise_name, credit_code, title, "
                "description, answer, urgency, status, sla_paused, sla_unverified, "
                "received_at, created_at, updated_at, version FROM cases WHERE number = :t"
            ),
            {
                "u": "00000000-0000-0000-0000-000000000002"
                if s.get_bind().dialect.name == "postgresql"
                else "00000000000000000000000000000002",
                "n": format_case_number(day, station, 2),
                "t": taken[0],
            },
        )
    report = svc.import_file(_write(tmp_path / "b.csv", [_row("b0"), _row("b1")]), who)
    assert report.accounted and not report.rejected
    # not "already imported": both are new cases, the clash is named in the report
    assert report.already_imported == 0 and report.accepted == 2
    assert any("case number already in use" in w and "rows 2" in w for w in report.warnings)
    with sessions() as s:
        got = set(s.scalars(select(Case.number).where(Case.id.in_(report.case_ids))))
    assert got == {format_case_number(day, station, 3), format_case_number(day, station, 4)}


def test_a_failing_batch_leaves_every_row_accounted_for(
    sessions: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    who = _admin(sessions)
    station = register_workstation(sessions, "fail-host")
    svc = ImportService(sessions, lambda: station, WorkCalendar)
    real = ImportService._add_case
    calls = {"n": 0}

    def flaky(self: ImportService, *args: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 25:  # the link drops in the third batch
            raise OperationalError("INSERT", {}, ConnectionResetError("link dropped"))
        return real(self, *args)

    monkeypatch.setattr(ImportService, "_add_case", flaky)
    report = svc.import_file(
        _write(tmp_path / "f.csv", [_row(f"f{i}") for i in range(50)]), who, batch=10
    )
    assert report.accounted and report.rows == 50
    assert report.accepted == 20
    not_done = [r for r in report.rejected if r.reason == "not_imported"]
    assert [r.message_id for r in not_done] == [f"f{i}" for i in range(20, 50)]
    assert "link dropped" in not_done[0].detail
    assert any("import stopped at row 22" in w for w in report.warnings)
    with sessions() as s:
        assert s.scalar(select(func.count(Case.id))) == 20
    monkeypatch.setattr(ImportService, "_add_case", real)
    again = svc.import_file(tmp_path / "f.csv", who)  # the rest can be imported again
    assert (again.accepted, again.already_imported) == (30, 20)


def test_quotes_doubled_inside_a_multiline_body_past_the_first_4_kib(tmp_path: Path) -> None:
    """web-labelled.csv: a quoted body of several lines with ``""`` inside it, far into
    the file. csv.Sniffer, judging the first 4 KiB (no doubled quote there), chose
    ``doublequote=False``, and the row was cut into 26 and 7 cells: body text ended up
    in the category column and the next rows were misread. The export's dialect is the
    spreadsheet one; the delimiter comes from the header line."""
    from console.services.import_rows import parse_rows, read_table

    lines = ["id,user,title,time,body,category"]
    for i in range(60):  # over 4 KiB of plain rows first
        lines.append(
            f"{i},U{i},路灯不亮第{i}次,2020/1/6 12:09:38,"
            "桂澜路整排路灯晚上不亮，请尽快修复,城乡建设"
        )
    lines.append(
        '900,U9,园林区野草,2014/8/25 11:41:13,"五年来野草泛滥\n他们说""没交我们管"", 好傢伙,'
        '\n皮球踢来踢去",城乡建设'
    )
    lines.append("901,U10,收费,2018/11/13 17:04:37,高速公路收费问题,交通运输")
    path = tmp_path / "labelled.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = list(read_table(path))
    assert {len(r) for r in rows} == {6}
    count, blank, msgs, rejected, warnings = parse_rows(iter(rows), datetime.now(UTC))
    assert (count, blank, len(msgs), rejected, warnings) == (62, 0, 62, [], [])
    odd = next(m for m in msgs if m.message_id == "900")
    assert odd.category == "城乡建设"
    assert '他们说"没交我们管", 好傢伙,' in odd.body and odd.body.endswith("皮球踢来踢去")
    assert {m.category for m in msgs} == {"城乡建设", "交通运输"}


@pytest.mark.parametrize(
    ("header", "sep"), [("id\tuser\ttime\tbody", "\t"), ("id;user;time;body", ";")]
)
def test_tab_and_semicolon_exports(tmp_path: Path, header: str, sep: str) -> None:
    from console.services.import_rows import read_table

    path = tmp_path / "x.csv"
    path.write_text(header + "\n" + sep.join(["1", "u", "2020/1/6", '"a, b; c"']) + "\n", "utf-8")
    assert list(read_table(path))[1] == ["1", "u", "2020/1/6", "a, b; c"]
