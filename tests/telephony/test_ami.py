"""The AMI adapter against a fake AMI server on loopback: pop, answer, hangup, an
abandoned call, a wrong secret, AMI dropped and back, a burst of events."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest

from console.telephony.ami import AmiAdapter, AmiUrl, channel_extension, parse_ami_url
from console.telephony.calls import CallState, CallTracker
from console.telephony.events import CallEvent, CallEventKind, LinkState, LinkStatus
from tests.helpers.fake_ami import FakeAmi, FakeCall


class Sink:
    def __init__(self) -> None:
        self.events: list[CallEvent] = []
        self.statuses: list[LinkStatus] = []
        self.cond = threading.Condition()

    def event(self, e: CallEvent) -> None:
        with self.cond:
            self.events.append(e)
            self.cond.notify_all()

    def status(self, s: LinkStatus) -> None:
        with self.cond:
            self.statuses.append(s)
            self.cond.notify_all()

    def wait(self, pred: Callable[[], bool], timeout: float = 10.0) -> bool:
        with self.cond:
            return self.cond.wait_for(pred, timeout)

    def kinds(self, kind: CallEventKind) -> list[CallEvent]:
        with self.cond:
            return [e for e in self.events if e.kind is kind]

    def states(self) -> list[LinkState]:
        with self.cond:
            return [s.state for s in self.statuses]


@pytest.fixture
def ami() -> Iterator[FakeAmi]:
    server = FakeAmi()
    server.start()
    yield server
    server.stop()


def adapter(ami: FakeAmi, sink: Sink, secret: str = "s3cret", ext: str = "1001") -> AmiAdapter:
    a = AmiAdapter(
        AmiUrl("console", secret, "127.0.0.1", ami.port),
        ext,
        sink.event,
        sink.status,
        backoff=(0.1, 0.4),
    )
    a.start()
    return a


def test_url_and_channel_names() -> None:
    u = parse_ami_url("ami://console:p%40ss@pbx.local:5039")
    assert (u.username, u.secret, u.host, u.port) == ("console", "p@ss", "pbx.local", 5039)
    assert parse_ami_url("ami://console@pbx").port == 5038
    assert parse_ami_url("ami://console@pbx").secret is None
    with pytest.raises(ValueError):
        parse_ami_url("http://console:x@pbx")
    assert channel_extension("PJSIP/1001-0000000a") == "1001"
    assert channel_extension("SIP/1001") == "1001"
    assert channel_extension("Local/1001@from-queue-00000012;1") == "1001"
    assert channel_extension("PJSIP/trunk-0000000b") == "trunk"


def test_ring_answer_hangup_of_own_extension(ami: FakeAmi) -> None:
    sink = Sink()
    a = adapter(ami, sink)
    try:
        assert ami.wait_logins(1)
        assert sink.wait(lambda: LinkState.CONNECTED in sink.states())
        call = FakeCall("13800138000", extension="1001")
        other = FakeCall("13900139000", extension="1002")  # another agent's call
        ami.send(*call.ringing(), *other.ringing())
        assert sink.wait(lambda: len(sink.kinds(CallEventKind.RING)) >= 1)
        ami.send(*call.answered(), call.recording("/var/spool/asterisk/monitor/x.wav"))
        ami.send(*call.ended())
        assert sink.wait(lambda: len(sink.kinds(CallEventKind.HANGUP)) >= 2)
        rings = sink.kinds(CallEventKind.RING)
        # AgentCalled and DialBegin both ring: the tracker pops once
        assert {(e.call_id, e.caller, e.extension) for e in rings} == {
            (call.uid, "13800138000", "1001")
        }
        tracker = CallTracker("1001")
        changes = [c for c in (tracker.apply(e) for e in sink.events) if c is not None]
        states = [c.state for c in changes]
        assert states[0] is CallState.RINGING
        assert CallState.ANSWERED in states and states[-1] is CallState.ENDED
        final = tracker.calls[call.uid]
        assert final.recording == "/var/spool/asterisk/monitor/x.wav"
        assert final.rang_at and final.answered_at and final.ended_at
        # the queue side is seen for every call (the wallboard's)
        joins = {e.call_id for e in sink.kinds(CallEventKind.QUEUE_JOIN)}
        assert joins == {call.uid, other.uid}
        connect = sink.kinds(CallEventKind.AGENT_CONNECT)
        assert connect[0].wait_seconds == 7 and connect[0].extension == "1001"
    finally:
        a.stop()
    assert a.state is LinkState.STOPPED


def test_abandoned_call(ami: FakeAmi) -> None:
    sink = Sink()
    a = adapter(ami, sink)
    try:
        assert ami.wait_logins(1)
        call = FakeCall("075783381234")
        ami.send(call.newchannel(), call.join(), call.abandon(hold=31), call.hangup())
        assert sink.wait(lambda: bool(sink.kinds(CallEventKind.QUEUE_ABANDON)))
        ab = sink.kinds(CallEventKind.QUEUE_ABANDON)[0]
        assert (ab.call_id, ab.caller, ab.queue, ab.wait_seconds) == (
            call.uid,
            "075783381234",
            "hotline",
            31,
        )
        assert not sink.kinds(CallEventKind.RING)
    finally:
        a.stop()


def test_wrong_secret_is_a_plain_message_and_not_retried(ami: FakeAmi) -> None:
    sink = Sink()
    a = adapter(ami, sink, secret="wrong")
    try:
        assert sink.wait(lambda: LinkState.REFUSED in sink.states())
        refused = next(s for s in sink.statuses if s.state is LinkState.REFUSED)
        assert "refused the AMI user name or secret" in refused.message
        time.sleep(0.6)  # longer than the backoff: no second attempt
        assert ami.refused == 1 and ami.logins == 0
    finally:
        a.stop()


def test_dropped_and_back(ami: FakeAmi) -> None:
    sink = Sink()
    a = adapter(ami, sink)
    try:
        assert ami.wait_logins(1)
        ami.go_down()  # Asterisk restarts: connections dropped, nothing listening
        assert sink.wait(lambda: LinkState.DISCONNECTED in sink.states())
        time.sleep(0.5)  # a few failed attempts while it is down
        ami.listen()
        assert ami.wait_logins(2), "the adapter logged in again by itself"
        assert sink.wait(lambda: sink.states().count(LinkState.CONNECTED) >= 2)
        call = FakeCall("13800138000")
        ami.send(*call.ringing())
        assert sink.wait(lambda: bool(sink.kinds(CallEventKind.RING)))
        # a drop without the server going away: back at once
        ami.drop()
        assert ami.wait_logins(3)
    finally:
        a.stop()


def test_burst_of_events_nothing_lost(ami: FakeAmi) -> None:
    """100 events a second for 3 seconds (queue joins of 300 calls): every one arrives."""
    sink = Sink()
    a = adapter(ami, sink)
    try:
        assert ami.wait_logins(1)
        calls = [FakeCall(f"138{i:08d}") for i in range(300)]
        start = time.perf_counter()
        for i in range(0, 300, 10):  # ten every 100 ms
            ami.send(*(c.join() for c in calls[i : i + 10]))
            time.sleep(max(0.0, start + (i + 10) / 100 - time.perf_counter()))
        assert sink.wait(lambda: len(sink.kinds(CallEventKind.QUEUE_JOIN)) >= 300, 15)
        assert {e.call_id for e in sink.kinds(CallEventKind.QUEUE_JOIN)} == {c.uid for c in calls}
        assert a.received >= 300
    finally:
        a.stop()


def test_queue_pause_action(ami: FakeAmi) -> None:
    sink = Sink()
    a = adapter(ami, sink)
    try:
        assert ami.wait_logins(1)
        assert sink.wait(lambda: LinkState.CONNECTED in sink.states())
        resp = a.queue_pause("PJSIP/1001", True, reason="meal").result(5)
        assert resp.success
        sent = [x for x in ami.actions if x.get("Action") == "QueuePause"]
        assert sent[-1]["Interface"] == "PJSIP/1001" and sent[-1]["Paused"] == "true"
        assert sent[-1]["Reason"] == "meal"
    finally:
        a.stop()


def test_back_after_a_drop_reads_the_live_channels(ami: FakeAmi) -> None:
    """A call answered while the link was down is seen as ringing and answered when the
    link is back (CoreShowChannels), and the list of live calls follows."""
    sink = Sink()
    a = adapter(ami, sink)
    try:
        assert ami.wait_logins(1)
        assert sink.wait(lambda: bool(sink.kinds(CallEventKind.RESYNC)))
        assert sink.kinds(CallEventKind.RESYNC)[0].live == ()  # nothing at 1001 yet
        ami.go_down()
        assert sink.wait(lambda: LinkState.DISCONNECTED in sink.states())
        call = FakeCall("13800138000", extension="1001")
        other = FakeCall("13900139000", extension="1002")
        ami.channels = [call.live_channel(up=True), other.live_channel(up=True)]
        ami.listen()
        assert sink.wait(lambda: len(sink.kinds(CallEventKind.RESYNC)) >= 2)
        ring = sink.kinds(CallEventKind.RING)
        assert [(e.call_id, e.caller) for e in ring] == [(call.uid, "13800138000")]
        assert [e.call_id for e in sink.kinds(CallEventKind.ANSWER)] == [call.uid]
        assert sink.kinds(CallEventKind.RESYNC)[-1].live == (call.uid,)
    finally:
        a.stop()
