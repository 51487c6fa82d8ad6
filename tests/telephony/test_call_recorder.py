"""The queue recorder beside the phone system: queue calls reach the call log (and the
wallboard) with no console open; a database that does not answer loses nothing."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from console.cli.entry import main
from console.domain.identity import Identity
from console.services.call_recorder import QueueRecorder
from console.services.calls import CallService
from console.telephony.events import CallEvent
from console.telephony.events import CallEventKind as K
from tests.helpers.fake_ami import FakeAmi, FakeCall


def _gone() -> OperationalError:
    return OperationalError("INSERT", {}, ConnectionRefusedError("connection refused"))


def test_a_database_that_does_not_answer_loses_nothing_and_keeps_the_order() -> None:
    written: list[str] = []
    failures = [2]

    def record_many(events: list[CallEvent], who: Identity | None) -> int:
        if failures[0]:
            failures[0] -= 1
            raise _gone()
        written.extend(e.call_id for e in events)
        return len(events)

    rec = QueueRecorder(record_many, None, batch=3, flush_seconds=0.05, backoff=(0.05, 0.1))
    rec.start()
    ids = [f"c{i}" for i in range(10)]
    for i in ids:
        rec.take(CallEvent(K.QUEUE_JOIN, i, caller="075783381234"))
    rec.take(CallEvent(K.RING, "own", extension="1001"))  # the agent's console records it
    deadline = time.monotonic() + 10
    while len(written) < len(ids) and time.monotonic() < deadline:
        time.sleep(0.02)
    rec.stop()
    assert written == ids
    f = rec.figures
    assert (f.received, f.written, f.dropped, f.retries) == (10, 10, 0, 2)


@pytest.mark.error_log_expected
def test_a_bug_in_a_batch_is_said_and_the_rest_goes_on() -> None:
    written: list[str] = []

    def record_many(events: list[CallEvent], who: Identity | None) -> int:
        if any(e.call_id == "bad" for e in events):
            raise ValueError("not a call")
        written.extend(e.call_id for e in events)
        return len(events)

    rec = QueueRecorder(record_many, None, batch=1, flush_seconds=0.05)
    rec.start()
    for i in ("a", "bad", "b"):
        rec.take(CallEvent(K.QUEUE_JOIN, i))
    deadline = time.monotonic() + 10
    while len(written) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    rec.stop()
    assert written == ["a", "b"] and rec.figures.dropped == 1


def test_calls_record_fills_the_wallboard_with_no_console_open(
    db_url: str, sessions: sessionmaker[Session], capsys: pytest.CaptureFixture[str]
) -> None:
    ami = FakeAmi()
    ami.start()
    waited, taken = FakeCall("075783381234"), FakeCall("13800138000")

    def phone_system() -> None:
        assert ami.wait_logins(1, timeout=20)
        ami.send(waited.newchannel(), waited.join(), waited.abandon(hold=31), waited.hangup())
        ami.send(
            taken.newchannel(), taken.join(), taken.agent_called(), taken.agent_connect(hold=7)
        )
        ami.send(taken.hangup())

    sender = threading.Thread(target=phone_system, daemon=True)
    sender.start()
    try:
        url = f"ami://console:s3cret@127.0.0.1:{ami.port}"
        assert (
            main(["--database", db_url, "calls", "record", "--cti-url", url, "--seconds", "4"]) == 0
        )
    finally:
        sender.join(5)
        ami.stop()
    out = capsys.readouterr().out
    assert "phone system: connected" in out
    rows = {r.caller: r for r in CallService(sessions, lambda: "001").recent(limit=10)}
    assert rows["075783381234"].abandoned
    assert not rows["13800138000"].abandoned and rows["13800138000"].answered_at is not None
    assert rows["13800138000"].ended_at is not None


def test_calls_record_without_a_secret_says_so(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HOTLINE_AMI_SECRET", raising=False)
    assert main(["--database", db_url, "calls", "record", "--cti-url", "ami://console@pbx"]) == 1
    assert "No AMI secret for console" in capsys.readouterr().err
