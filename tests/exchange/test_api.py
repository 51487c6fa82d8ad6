"""The exchange service over real HTTP on loopback, on both engines."""

from __future__ import annotations

import base64
import logging
import threading
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from console.cli.entry import main
from console.domain.casetypes import Role
from console.domain.identity import Identity
from console.exchange.app import ExchangeConfig
from console.exchange.credentials import revoke
from console.exchange.sms import opt_out
from console.models import Agent, Case, ExchangeOrder, SmsMessage, WebhookDelivery
from console.services.queue import QueueQuery, QueueService, QueueView
from tests.exchange.conftest import Running, order, wait_for

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def push(r: Running, body: dict[str, object], who: str = "platform") -> httpx.Response:
    with r.client(who) as c:
        return c.post("/api/v1/orders", json=body)


def case_count(r: Running, external_id: str) -> int:
    with r.service.sessions() as s:
        return int(
            s.execute(
                select(func.count()).where(ExchangeOrder.external_id == external_id)
            ).scalar_one()
        )


def test_openapi_and_auth(running: Running) -> None:
    with httpx.Client(base_url=running.base) as c:
        doc = c.get("/openapi.json").json()
        assert "/api/v1/orders" in doc["paths"]
        assert "/api/v1/orders/{number}/steps" in doc["paths"]
        assert c.get("/api/v1/inbox").status_code == 401
        bad = c.get("/api/v1/inbox", headers={"Authorization": "Bearer nope"})
        assert bad.status_code == 401


def test_push_is_idempotent(running: Running) -> None:
    first = push(running, order("YSX-1"))
    assert first.status_code == 201, first.text
    number = first.json()["number"]
    assert first.json()["status"] == "dispatched"  # routed to the unit at once
    again = push(running, order("YSX-1", title="改了标题"))
    assert again.status_code == 200
    assert again.json()["number"] == number and again.json()["created"] is False
    assert case_count(running, "YSX-1") == 1
    # another platform's same external id is another order
    other = push(running, order("YSX-1"), who="other_platform")
    assert other.status_code == 201 and other.json()["number"] != number


def test_concurrent_pushes_of_one_external_id_make_one_case(running: Running) -> None:
    results: list[httpx.Response] = []
    lock = threading.Lock()
    barrier = threading.Barrier(6)

    def one() -> None:
        barrier.wait()
        resp = push(running, order("YSX-RACE"))
        with lock:
            results.append(resp)

    threads = [threading.Thread(target=one) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = sorted(r.status_code for r in results)
    assert codes.count(201) == 1 and codes.count(200) == 5, [r.text for r in results]
    assert len({r.json()["number"] for r in results}) == 1
    assert case_count(running, "YSX-RACE") == 1
    with running.service.sessions() as s:
        assert s.execute(select(func.count()).select_from(Case)).scalar_one() == 1


def test_invalid_bodies_are_422_naming_the_fields(running: Running) -> None:
    r = push(running, {"external_id": "X"})
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["errors"]}
    assert {"title", "description", "caller_name", "caller_phone", "received_at"} <= fields
    r = push(
        running,
        order("YSX-BAD", caller_phone="12345", district="火星区", description="短"),
    )
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["errors"]}
    assert {"caller_phone", "district", "description"} <= fields
    r = push(running, order("YSX-BADCAT", category="不存在/的/分类"))
    assert r.status_code == 422 and {"category"} <= {e["field"] for e in r.json()["errors"]}
    r = push(running, order("YSX-CTRL", title="a\x00b"))
    assert r.status_code == 422 and "title" in {e["field"] for e in r.json()["errors"]}
    assert case_count(running, "YSX-BAD") == 0


def test_an_order_with_only_the_required_fields_is_received_for_triage(
    running: Running,
) -> None:
    # category, district, address, sub_type and urgent are optional: without a category
    # or a district the order cannot be routed, so the centre classifies and dispatches it
    body = {
        k: v
        for k, v in order("YSX-MIN").items()
        if k in ("external_id", "title", "description", "caller_name", "caller_phone",
                 "received_at")
    }  # fmt: skip
    r = push(running, body)
    assert r.status_code == 201, r.text
    number = r.json()["number"]
    assert r.json()["status"] == "received"
    r = push(running, order("YSX-NODISTRICT", district=None))
    assert r.status_code == 201 and r.json()["status"] == "received", r.text
    with running.service.sessions() as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        assert (case.case_type, case.category_id, case.district_id) == ("demand", None, None)
        assert case.unit_id is None and case.assignee_id is None
    triage = QueueService(running.service.sessions).page(
        QueueQuery(view=QueueView.TO_TRIAGE), limit=50
    )
    assert number in {row.number for row in triage}
    with running.client("platform") as c:
        got = c.get(f"/api/v1/orders/{number}").json()
        assert got["status"] == "received" and got["external_id"] == "YSX-MIN"


def test_reads_are_404_for_anyone_but_the_pusher_and_the_holder(running: Running) -> None:
    number = push(running, order("YSX-2")).json()["number"]
    with running.client("platform") as c:
        got = c.get(f"/api/v1/orders/{number}")
        assert got.status_code == 200
        body = got.json()
        assert body["external_id"] == "YSX-2" and body["status"] == "dispatched"
        assert [h["event"] for h in body["history"]][:2] == ["created", "dispatched"]
        assert body["deadlines"] and "caller_phone" not in body
        assert c.get("/api/v1/orders/NOPE-1").status_code == 404
        assert c.get("/api/v1/inbox").status_code == 404  # a platform has no inbox
    with running.client("other_platform") as c:
        assert c.get(f"/api/v1/orders/{number}").status_code == 404
    with running.client("unit_b") as c:
        assert c.get(f"/api/v1/orders/{number}").status_code == 404
        assert c.get("/api/v1/inbox").json()["orders"] == []
    with running.client("unit_a") as c:
        got = c.get(f"/api/v1/orders/{number}")
        assert got.status_code == 200 and got.json()["caller_phone"] == "13800138000"


def test_unit_steps_and_refusals(running: Running) -> None:
    number = push(running, order("YSX-3", urgent=True)).json()["number"]
    with running.client("unit_a") as a, running.client("unit_b") as b:
        inbox = a.get("/api/v1/inbox").json()["orders"]
        assert [o["number"] for o in inbox] == [number]
        assert inbox[0]["urgent"] is True and inbox[0]["next_due_at"]
        # unit B can neither read nor move unit A's order
        assert (
            b.post(f"/api/v1/orders/{number}/steps", json={"action": "accept"}).status_code == 404
        )
        r = a.post(f"/api/v1/orders/{number}/steps", json={"action": "accept"})
        assert r.status_code == 200 and r.json()["status"] == "accepted"
        again = a.post(f"/api/v1/orders/{number}/steps", json={"action": "accept"})
        assert again.status_code == 409 and again.json()["detail"]
        empty = a.post(f"/api/v1/orders/{number}/steps", json={"action": "reply", "text": " "})
        assert empty.status_code == 409 and empty.json()["code"] == "reason_required"
        bad = a.post(f"/api/v1/orders/{number}/steps", json={"action": "dance"})
        assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "action"
        r = a.post(f"/api/v1/orders/{number}/steps", json={"action": "contact", "text": "已致电"})
        assert r.json()["status"] == "in_progress"
        r = a.post(
            f"/api/v1/orders/{number}/steps",
            json={"action": "reply", "text": "已查明排污口并责令整改"},
        )
        assert r.status_code == 200 and r.json()["status"] == "replied"
        assert a.get("/api/v1/inbox").json()["orders"] == []
    with running.client("platform") as c:
        view = c.get(f"/api/v1/orders/{number}").json()
        assert view["status"] == "replied"
        assert view["reply"]["text"] == "已查明排污口并责令整改"
        assert view["reply"]["unit"] == "佛山市生态环境局南海分局"
        assert (
            c.post(f"/api/v1/orders/{number}/steps", json={"action": "accept"}).status_code == 404
        )


def test_request_extension_needs_until(running: Running) -> None:
    number = push(running, order("YSX-EXT")).json()["number"]
    with running.client("unit_a") as a:
        a.post(f"/api/v1/orders/{number}/steps", json={"action": "accept"})
        r = a.post(
            f"/api/v1/orders/{number}/steps",
            json={"action": "request_extension", "text": "需要检测"},
        )
        assert r.status_code == 409 and r.json()["code"] == "until_required"
        due = a.get(f"/api/v1/orders/{number}").json()["final_due_at"]
        assert due is not None
        r = a.post(
            f"/api/v1/orders/{number}/steps",
            json={
                "action": "request_extension",
                "text": "需要检测",
                "until": "2026-12-31T18:00:00+08:00",
            },
        )
        assert r.status_code == 200, r.text
        history = a.get(f"/api/v1/orders/{number}").json()["history"]
        assert history[-1]["event"] == "extension_requested"


def test_webhooks_retry_and_are_applied_once(running: Running) -> None:
    running.platform.fail_next = 3  # the platform is down for the first tries
    number = push(running, order("YSX-4")).json()["number"]
    with running.client("unit_a") as a:
        a.post(f"/api/v1/orders/{number}/steps", json={"action": "accept"})
        a.post(f"/api/v1/orders/{number}/steps", json={"action": "reply", "text": "已处理完毕"})
    want = ["created", "dispatched", "accepted", "replied"]
    assert wait_for(lambda: running.platform.events(number) == want), running.platform.events(
        number
    )
    p = running.platform
    with p.lock:
        keys = [k for k, _ in p.arrivals]
        assert len(keys) > len(set(keys))  # the failed ones came again, same delivery id
        assert all(k for k in keys)
        replied = [v for v in p.applied.values() if v["event"] == "replied"]
    assert replied[0]["reply"] == "已处理完毕" and replied[0]["external_id"] == "YSX-4"

    def rows() -> list[WebhookDelivery]:
        with running.service.sessions() as s:
            return list(s.scalars(select(WebhookDelivery)))

    # marked delivered once the worker's batch is through
    assert wait_for(lambda: all(r.delivered_at is not None for r in rows()))
    assert len(rows()) == 4 and len({r.event_id for r in rows()}) == 4


def test_bodies_over_the_limit_are_413(running: Running) -> None:
    r = push(running, order("YSX-BIG", description="大" * 200_000))
    assert r.status_code == 413

    # a chunked body without Content-Length is counted as it arrives
    def chunks() -> object:
        for _ in range(100):
            yield b"x" * 10_000

    with running.client("platform") as c:
        r = c.post(
            "/api/v1/orders",
            content=chunks(),  # type: ignore[arg-type]
            headers={"Content-Type": "application/json"},
        )
    assert r.status_code == 413


def test_rate_limit_per_token(running_factory: Callable[..., Running]) -> None:
    r = running_factory(ExchangeConfig(rate_per_s=1, burst=3))
    with r.client("unit_a") as a, r.client("unit_b") as b:
        codes = [a.get("/api/v1/inbox").status_code for _ in range(6)]
        assert codes[:3] == [200, 200, 200] and 429 in codes
        assert b.get("/api/v1/inbox").status_code == 200  # another token has its own bucket


def test_revoked_token_stops_working(running_factory: Callable[..., Running]) -> None:
    r = running_factory(ExchangeConfig(token_cache_s=0))
    with r.client("unit_a") as a:
        assert a.get("/api/v1/inbox").status_code == 200
        assert revoke(r.service.sessions, r.tokens["unit_a"]) == 1
        assert a.get("/api/v1/inbox").status_code == 401


def test_nothing_personal_in_the_logs(running: Running, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="console")
    caplog.set_level(logging.DEBUG, logger="uvicorn")
    number = push(running, order("YSX-LOG", caller_phone="13912345678")).json()["number"]
    with running.client("unit_a") as a:
        a.get(f"/api/v1/orders/{number}")
    assert wait_for(lambda: bool(running.sms.to("13912345678")))
    assert "/api/v1/orders" in caplog.text  # the access log is there
    assert "13912345678" not in caplog.text and "陈先生" not in caplog.text
    assert "河涌" not in caplog.text


@pytest.mark.error_log_expected  # provoked on purpose, to check what the log says
def test_a_bug_is_500_and_its_message_stays_out_of_the_logs(
    running: Running, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = push(running, order("YSX-BUG")).json()["number"]

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("Failing row contains (陈先生, 13800138000)")

    monkeypatch.setattr(running.service.orders, "view", broken)
    caplog.set_level(logging.DEBUG)
    with running.client("platform") as c:
        r = c.get(f"/api/v1/orders/{number}")
    assert r.status_code == 500 and r.json() == {"detail": "internal error"}
    assert "RuntimeError" in caplog.text and "message withheld" in caplog.text
    assert "13800138000" not in caplog.text and "陈先生" not in caplog.text


def test_sms_at_intake_and_closure(running: Running) -> None:
    number = push(running, order("YSX-SMS", caller_phone="13700001111")).json()["number"]
    assert wait_for(lambda: len(running.sms.to("13700001111")) == 1)
    intake = running.sms.to("13700001111")[0]
    assert number in intake and "预计" in intake
    with running.client("unit_a") as a:
        a.post(f"/api/v1/orders/{number}/steps", json={"action": "accept"})
        a.post(f"/api/v1/orders/{number}/steps", json={"action": "reply", "text": "已清理河涌"})
    with running.service.sessions() as s:
        admin_id = s.scalars(select(Agent.id).where(Agent.username == "admin")).one()
        case_id = s.scalars(select(Case.id).where(Case.number == number)).one()
    admin = Identity(admin_id, "admin", "管理员", Role.ADMIN)
    running.service.lifecycle.units.review(case_id, admin, accept=True)
    assert wait_for(lambda: len(running.sms.to("13700001111")) == 2)
    closure = running.sms.to("13700001111")[1]
    assert number in closure and "已清理河涌" in closure and "回访" in closure


def test_no_sms_to_anonymous_confidential_or_opted_out(running: Running) -> None:
    opt_out(running.service.sessions, "13700002222")
    running.sms.fail_next = 1  # and a gateway failure is retried
    push(running, order("S-1", caller_phone="13700002222"))
    push(running, order("S-2", caller_phone="13700003333", anonymous=True))
    push(running, order("S-3", caller_phone="13700004444", confidential=True))
    push(running, order("S-4", caller_phone="13700005555"))
    assert wait_for(lambda: len(running.sms.to("13700005555")) == 1)
    # the scanner has passed all four (S-4 came last)
    for phone in ("13700002222", "13700003333", "13700004444"):
        assert running.sms.to(phone) == []

    def sent() -> list[SmsMessage]:
        with running.service.sessions() as s:
            return list(s.scalars(select(SmsMessage).where(SmsMessage.sent_at.is_not(None))))

    assert wait_for(lambda: bool(sent()))
    with running.service.sessions() as s:
        rows = list(s.scalars(select(SmsMessage)))
    assert [r.phone for r in rows] == ["13700005555"]
    assert rows[0].attempts == 2 and rows[0].last_error == "HTTP 503"


def test_attachments(running: Running) -> None:
    number = push(running, order("YSX-ATT")).json()["number"]
    with running.client("unit_a") as a, running.client("unit_b") as b:
        body = {"filename": "现场.png", "content_base64": base64.b64encode(PNG).decode()}
        r = a.post(f"/api/v1/orders/{number}/attachments", json=body)
        assert r.status_code == 201 and r.json()["content_type"] == "image/png"
        assert b.post(f"/api/v1/orders/{number}/attachments", json=body).status_code == 404
        exe = {"filename": "x.png", "content_base64": base64.b64encode(b"MZ\x90\x00" * 10).decode()}
        bad = a.post(f"/api/v1/orders/{number}/attachments", json=exe)
        assert bad.status_code == 422 and bad.json()["errors"][0]["code"] == "type_not_allowed"
        listed = a.get(f"/api/v1/orders/{number}").json()["attachments"]
        assert [x["filename"] for x in listed] == ["现场.png"]
        got = a.get(f"/api/v1/orders/{number}/attachments/{listed[0]['id']}")
        assert got.status_code == 200 and got.content == PNG
    with running.client("platform") as p:
        assert p.get(f"/api/v1/orders/{number}").json()["attachments"][0]["size"] == len(PNG)


def test_api_commands(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", db_url, "api", "token", "--platform", "粤省心"]) == 0
    token = capsys.readouterr().out.strip()
    assert token.startswith("hx_") and len(token) > 40
    assert main(["--database", db_url, "api", "platform", "粤省心", "--webhook", "http://h/x"]) == 0
    assert main(["--database", db_url, "api", "token", "--unit", "佛山市生态环境局"]) == 0
    capsys.readouterr()
    assert main(["--database", db_url, "api", "list"]) == 0
    listing = capsys.readouterr().out
    assert "粤省心" in listing and "http://h/x" in listing and token not in listing
    assert main(["--database", db_url, "api", "revoke", token]) == 0
    assert main(["--database", db_url, "api", "list"]) == 0
    assert "revoked" in capsys.readouterr().out
    assert main(["--database", db_url, "api", "token", "--unit", "没有这个单位"]) == 1
    capsys.readouterr()
    text = "【12345】工单{number}已受理，预计{expected}前答复"
    assert main(["--database", db_url, "api", "sms-template", "intake", text]) == 0
    assert main(["--database", db_url, "api", "sms-template", "intake"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == text
    assert main(["--database", db_url, "api", "sms-template", "intake", "坏的{oops}"]) == 1
    assert main(["--database", db_url, "api", "sms-opt-out", "138-0013-8000"]) == 0
    out = capsys.readouterr().out
    assert "138****8000" in out and "13800138000" not in out


def test_serve_command_runs_the_service(sqlite_template: Path, tmp_path: Path) -> None:
    """The command itself, once (bench/exchange.py runs it on PostgreSQL)."""
    import socket
    import subprocess
    import sys
    import time

    from tests.helpers.db import sqlite_copy

    db_url = sqlite_copy(sqlite_template, tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen(
        [
            sys.executable,
            str(root / "main.py"),
            "--database",
            db_url,
            "serve",
            "--listen",
            f"127.0.0.1:{port}",
        ],  # fmt: skip
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        doc = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                doc = httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=2).json()
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        assert doc is not None and "/api/v1/inbox" in doc["paths"], proc.stderr
        workers += _children(proc.pid)
        assert workers, "serve starts its suggestion worker"
    finally:
        proc.terminate()  # a service manager's stop: the worker goes with the service
        proc.wait(timeout=30)
    deadline = time.monotonic() + 20
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "a worker outlived serve"
    # an empty database is refused with a plain message
    empty = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    r = subprocess.run(
        [sys.executable, str(root / "main.py"), "--database", empty, "serve"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 1 and "db upgrade" in r.stderr


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found
