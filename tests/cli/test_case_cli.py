"""The command line contract: ``case new|show|do`` and ``sla explain --type``, on SQLite
and PostgreSQL. The Guangdong deadlines around National Day and Spring Festival 2026 are
checked by hand against the State Council's 2026 holiday arrangement:

- National Day: 1-7 October off; Saturday 10 October is a working day.
- Spring Festival: 15-23 February off; Saturdays 14 and 28 February are working days.

Counted from the day after receipt (the day of receipt does not count); a deadline is the
end of its last working day (the next midnight, shown as ``T00:00`` of the next day)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from console.cli.entry import main

UNIT = "佛山市生态环境局南海分局"


def run(capsys: pytest.CaptureFixture[str], db_url: str, *args: str) -> tuple[int, str, str]:
    rc = main(["--database", db_url, *args])
    out, err = capsys.readouterr()
    return rc, out.strip(), err.strip()


def explain(capsys: pytest.CaptureFixture[str], db_url: str, *args: str) -> dict[str, Any]:
    rc, out, err = run(capsys, db_url, "sla", "explain", *args, "--json")
    assert rc == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def dues(data: dict[str, Any]) -> dict[str, str]:
    return {m["code"]: m["due"] for m in data["milestones"]}


@pytest.mark.parametrize(
    ("args", "policy", "expected"),
    [
        # received Wednesday 30 September 2026, 10:00: 1-7 October are holidays
        (["--type", "consultation", "--sub-type", "policy"], "consultation",
         {"answer": "2026-10-10T00:00"}),  # 8, 9 October
        (["--type", "demand", "--sub-type", "help"], "help",
         {"accept": "2026-10-09T00:00", "result": "2026-10-21T00:00"}),  # 8,9,10,12-16,19,20
        (["--type", "demand", "--sub-type", "suggestion"], "suggestion",
         {"accept": "2026-10-09T00:00", "result": "2026-10-21T00:00"}),
        (["--type", "demand", "--sub-type", "complaint"], "complaint",
         {"accept": "2026-10-09T00:00", "result": "2026-10-28T00:00"}),  # … 21-23, 26, 27
        (["--type", "demand", "--sub-type", "report"], "report",
         {"accept": "2026-10-09T00:00", "result": "2026-10-28T00:00"}),
        (["--type", "demand", "--sub-type", "complaint", "--urgent"], "urgent",
         {"contact": "2026-09-30T11:00", "on_scene": "2026-09-30T12:00",
          "feedback": "2026-10-09T00:00", "result": "2026-10-11T00:00"}),  # 8, 9, Sat 10
    ],
)  # fmt: skip
def test_guangdong_limits_around_national_day_2026(
    capsys: pytest.CaptureFixture[str],
    db_url: str,
    args: list[str],
    policy: str,
    expected: dict[str, str],
) -> None:
    data = explain(capsys, db_url, *args, "--received", "2026-09-30 10:00")
    assert data["policy"] == policy and data["verified"] is True
    assert dues(data) == expected


@pytest.mark.parametrize(
    ("args", "policy", "expected"),
    [
        # received Friday 13 February 2026, 10:00: Saturday 14 works, 15-23 off
        (["--type", "consultation", "--sub-type", "service"], "consultation",
         {"answer": "2026-02-25T00:00"}),  # 14, 24
        (["--type", "demand", "--sub-type", "help"], "help",
         {"accept": "2026-02-15T00:00", "result": "2026-03-06T00:00"}),  # 14, 24-28, 2-5 Mar
        (["--type", "demand", "--sub-type", "complaint"], "complaint",
         {"accept": "2026-02-15T00:00", "result": "2026-03-13T00:00"}),  # … 6, 9-12 Mar
        (["--type", "demand", "--sub-type", "help", "--urgent"], "urgent",
         {"contact": "2026-02-13T11:00", "on_scene": "2026-02-13T12:00",
          "feedback": "2026-02-15T00:00", "result": "2026-02-26T00:00"}),  # 14, 24, 25
    ],
)  # fmt: skip
def test_guangdong_limits_around_spring_festival_2026(
    capsys: pytest.CaptureFixture[str],
    db_url: str,
    args: list[str],
    policy: str,
    expected: dict[str, str],
) -> None:
    data = explain(capsys, db_url, *args, "--received", "2026-02-13 10:00")
    assert data["policy"] == policy and data["verified"] is True
    assert dues(data) == expected


def test_explain_by_policy_code_still_works(capsys: pytest.CaptureFixture[str]) -> None:
    # the older form, on the embedded database
    import tempfile

    url = f"sqlite:///{tempfile.mkdtemp()}/x.sqlite3"
    rc, out, _ = run(capsys, url, "sla", "explain", "--policy", "urgent", "--received",
                     "2026-09-30 10:00")  # fmt: skip
    assert rc == 0 and "policy urgent" in out and "2026-10-10 24:00" in out


def new_case(capsys: pytest.CaptureFixture[str], db_url: str, *extra: str) -> str:
    rc, out, err = run(
        capsys, db_url, "case", "new", "--type", "demand", "--sub-type", "complaint",
        "--phone", "13800138000", "--name", "陈女士",
        "--description", "河涌有工厂排污，水发黑发臭，已持续一周",
        "--category", "环境保护 / 环保管理 / 环境监测", "--district", "南海区",
        "--town", "桂城街道", *extra,
    )  # fmt: skip
    assert rc == 0, err
    return out


def do(capsys: pytest.CaptureFixture[str], db_url: str, number: str, action: str,
       *extra: str) -> str:  # fmt: skip
    rc, out, err = run(capsys, db_url, "case", "do", number, action, *extra)
    assert rc == 0, f"{action}: {err}"
    return out.rsplit(" ", 1)[-1]


def refused(capsys: pytest.CaptureFixture[str], db_url: str, number: str, action: str,
            *extra: str) -> str:  # fmt: skip
    rc, out, err = run(capsys, db_url, "case", "do", number, action, *extra)
    assert rc != 0 and out == ""
    assert err.startswith("refused:") and "\n" not in err
    return err


def show(capsys: pytest.CaptureFixture[str], db_url: str, number: str) -> dict[str, Any]:
    rc, out, err = run(capsys, db_url, "case", "show", number, "--json")
    assert rc == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def test_a_demand_through_every_step(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    n = new_case(capsys, db_url)
    sheet = show(capsys, db_url, n)
    assert set(sheet) == {"number", "status", "unit", "deadlines", "actions", "history"}
    assert sheet["status"] == "received" and sheet["unit"] is None
    assert {"dispatch", "answer_close", "merge", "invalid"} <= set(sheet["actions"])
    assert "forward" not in sheet["actions"]  # a demand is dispatched, not forwarded
    assert "accept" in refused(capsys, db_url, n, "accept")
    assert "--unit" in refused(capsys, db_url, n, "dispatch")
    assert do(capsys, db_url, n, "dispatch", "--unit", UNIT, "--co-unit", "南海区人民政府") == (
        "dispatched"
    )
    assert do(capsys, db_url, n, "return", "--text", "非本单位职责") == "returned"
    # the centre refuses the return: back to the unit, an improper return
    assert do(capsys, db_url, n, "refuse_return", "--text", "属排污监管，请办理") == "dispatched"
    assert do(capsys, db_url, n, "accept") == "accepted"
    assert do(capsys, db_url, n, "return", "--text", "仍非本单位") == "returned"
    # re-dispatching a returned case accepts the return
    assert do(capsys, db_url, n, "redispatch", "--unit", UNIT) == "dispatched"
    assert do(capsys, db_url, n, "accept") == "accepted"
    assert do(capsys, db_url, n, "accept", "--unit", "南海区人民政府") == "accepted"  # assisting
    assert do(capsys, db_url, n, "contact", "--text", "已电话联系") == "in_progress"
    assert do(capsys, db_url, n, "on_scene") == "in_progress"
    assert do(capsys, db_url, n, "progress", "--text", "已取样") == "in_progress"
    sheet = show(capsys, db_url, n)
    result = next(d for d in sheet["deadlines"] if d["code"] == "result")
    later = result["due"][:10]  # the day after the deadline's midnight
    assert do(capsys, db_url, n, "request_extension", "--text", "需检测报告",
              "--until", later) == "in_progress"  # fmt: skip
    assert do(capsys, db_url, n, "approve_extension") == "in_progress"
    assert "No extension" in refused(capsys, db_url, n, "refuse_extension")
    # the centre may also extend a limit itself, later than the one in force
    from datetime import date, timedelta

    assert "later" in refused(capsys, db_url, n, "grant_extension", "--until", later,
                              "--milestone", "result")  # fmt: skip
    later2 = (date.fromisoformat(later) + timedelta(days=3)).isoformat()
    assert do(capsys, db_url, n, "grant_extension", "--until", later2, "--milestone",
              "result") == "in_progress"  # fmt: skip
    due = next(d for d in show(capsys, db_url, n)["deadlines"] if d["code"] == "result")
    assert due["due"] == f"{(date.fromisoformat(later2) + timedelta(days=1)).isoformat()}T00:00"
    assert do(capsys, db_url, n, "remind", "--text", "请尽快") == "in_progress"
    assert do(capsys, db_url, n, "supervise", "--text", "督办") == "in_progress"
    assert do(capsys, db_url, n, "reply", "--text", "已责令停产整改") == "replied"
    assert do(capsys, db_url, n, "send_back", "--text", "请附检测报告") == "in_progress"
    assert do(capsys, db_url, n, "reply", "--text", "已附报告") == "replied"
    assert do(capsys, db_url, n, "review_accept") == "closed"
    assert "callback" in refused(capsys, db_url, n, "archive")  # the callback is due
    assert do(capsys, db_url, n, "callback_unreached") == "closed"
    assert do(capsys, db_url, n, "callback", "--satisfaction", "unsatisfied", "--solved",
              "no", "--text", "仍有异味") == "visited"  # fmt: skip
    assert do(capsys, db_url, n, "reopen", "--text", "仍有异味") == "dispatched"
    assert do(capsys, db_url, n, "accept") == "accepted"
    assert do(capsys, db_url, n, "reply", "--text", "再次整改") == "replied"
    assert do(capsys, db_url, n, "review_accept") == "closed"
    assert do(capsys, db_url, n, "callback", "--satisfaction", "basic", "--solved", "yes") == (
        "visited"
    )
    assert do(capsys, db_url, n, "archive") == "archived"
    sheet = show(capsys, db_url, n)
    assert sheet["status"] == "archived" and sheet["actions"] == []  # read-only
    assert sheet["unit"] == UNIT
    kinds = [h["kind"] for h in sheet["history"]]
    assert kinds.count("return_refused") == 1 and kinds.count("return_accepted") == 1
    assert kinds[-1] == "archived" and "reopened" in kinds
    assert "archived" in refused(capsys, db_url, n, "reopen", "--text", "x")


def test_triage_forward_merge_invalid_thanks_handoff(
    capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    rc, q, err = run(capsys, db_url, "case", "new", "--type", "consultation", "--sub-type",
                     "policy", "--phone", "13900139000", "--description",
                     "企业稳岗补贴怎么申请，需要哪些材料")  # fmt: skip
    assert rc == 0, err
    assert "forward" in show(capsys, db_url, q)["actions"]
    assert do(capsys, db_url, q, "forward", "--unit", "佛山市人力资源和社会保障局") == "dispatched"
    assert do(capsys, db_url, q, "accept") == "accepted"
    assert do(capsys, db_url, q, "reply", "--text", "可在粤省事申请") == "replied"
    assert do(capsys, db_url, q, "review_accept") == "closed"
    assert do(capsys, db_url, q, "archive") == "archived"  # no callback for a consultation
    answer = show(capsys, db_url, q)["deadlines"][0]
    assert answer["code"] == "answer" and answer["met"] is not None

    first = new_case(capsys, db_url)
    second = new_case(capsys, db_url)
    assert "itself" in refused(capsys, db_url, second, "merge", "--into", second)
    assert do(capsys, db_url, second, "merge", "--into", first) == "merged"
    assert show(capsys, db_url, first)["history"][-1]["kind"] == "merged_in"
    assert do(capsys, db_url, second, "archive") == "archived"
    assert "archived" in refused(
        capsys, db_url, new_case(capsys, db_url), "merge", "--into", second
    )

    spam = new_case(capsys, db_url)
    assert "reason" in refused(capsys, db_url, spam, "invalid")
    assert do(capsys, db_url, spam, "invalid", "--text", "测试电话") == "invalid"
    assert do(capsys, db_url, spam, "archive") == "archived"

    rc, t, err = run(capsys, db_url, "case", "new", "--type", "demand", "--sub-type",
                     "thanks", "--phone", "13700137000", "--description",
                     "感谢环保分局及时处理河涌污染", "--category",
                     "环境保护 / 环保管理 / 环境监测", "--district", "南海区")  # fmt: skip
    assert rc == 0, err
    assert do(capsys, db_url, t, "thanks", "--unit", UNIT) == "closed"
    assert do(capsys, db_url, t, "archive") == "archived"

    fire = new_case(capsys, db_url, "--urgent")
    assert "119" in refused(capsys, db_url, fire, "handoff", "--text", "消防")
    assert do(capsys, db_url, fire, "handoff", "--text", "119", "--operator", "0231") == "closed"
    last = show(capsys, db_url, fire)["history"][-1]
    assert last["kind"] == "handed_off" and last["detail"]["operator"] == "0231"


def test_unknown_case_and_unit(capsys: pytest.CaptureFixture[str], db_url: str) -> None:
    rc, _out, err = run(capsys, db_url, "case", "show", "000000-000-0000")
    assert rc == 2 and "no case" in err
    n = new_case(capsys, db_url)
    rc, _out, err = run(capsys, db_url, "case", "do", n, "dispatch", "--unit", "不存在的单位")
    assert rc == 2 and "no handling unit" in err
    assert "Unknown action" in refused(capsys, db_url, n, "teleport")
