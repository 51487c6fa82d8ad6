"""Telephony in the console against a fake AMI server on loopback and a real database:
the ringing call pops into the entry form with the caller's history, answering and
hanging up are recorded and drive the agent's state, the case is linked to its call, a
half-typed form is never overwritten; the softphone command; the monitor's call tiles."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from console.cli.entry import main
from console.domain.agentstate import AgentState, StateNow
from console.domain.clock import now_utc
from console.telephony.ami import AmiUrl
from console.telephony.events import CallEvent, CallEventKind, LinkState
from console.ui.context import UiContext
from console.ui.intake.form import CaseEntryScreen
from console.ui.monitor.screen import MonitorScreen
from console.ui.telephony.link import AmiLink, PopServer
from console.ui.telephony.phone import Telephony
from console.ui.telephony.pop import PHONE_CHANNEL, ScreenPop
from console.ui.telephony.status import PhoneStatus
from tests.helpers.fake_ami import FakeAmi, FakeCall
from tests.helpers.queue_data import add_agents, add_cases
from tests.ui.conftest import off_gui_thread

CALLER = "13800138000"


@pytest.fixture
def ami() -> Iterator[FakeAmi]:
    server = FakeAmi()
    server.start()
    yield server
    server.stop()


def _entry(qtbot: QtBot, ui: UiContext) -> CaseEntryScreen:
    screen = CaseEntryScreen(ui)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.isEnabled() and screen.ref is not None, timeout=10_000)
    return screen


def _phone(
    qtbot: QtBot, ui: UiContext, entry: CaseEntryScreen, ami: FakeAmi | None, **kw: object
) -> Telephony:
    host = entry  # the main window in the console: owns the call tabs and the phone
    pop = ScreenPop(ui, entry, lambda: None, host)
    phone = Telephony(
        ui,
        pop,
        parent=host,
        extension="1001",
        after_call_limit=kw.pop("after_call_limit", timedelta(seconds=60)),  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )
    if ami is not None:
        link = AmiLink(
            AmiUrl("console", "s3cret", "127.0.0.1", ami.port), "1001", phone, (0.1, 0.5)
        )
        phone.attach_ami(link)
    phone.start()
    return phone


def test_ringing_call_pops_the_form_and_is_followed_to_its_case(
    qtbot: QtBot, ui_ctx: UiContext, ami: FakeAmi
) -> None:
    app = ui_ctx.app
    (open_case,) = off_gui_thread(lambda: add_cases(app.sessions, 1, caller_phone=CALLER))
    entry = _entry(qtbot, ui_ctx)
    phone = _phone(qtbot, ui_ctx, entry, ami)
    status = PhoneStatus(phone)
    qtbot.addWidget(status)
    try:
        assert phone.link is not None
        qtbot.waitUntil(lambda: phone.link.last.state is LinkState.CONNECTED, timeout=10_000)  # type: ignore[union-attr]
        assert "connected" in status.link_label.text().lower() or status.link_label.text()
        call = FakeCall(CALLER, extension="1001", queue="hotline")
        with qtbot.waitSignal(entry.history_shown, timeout=10_000) as shown:
            ami.send(*call.ringing())
        # before the agent answers: the number, the channel, the caller's history
        assert entry.phone.text() == CALLER
        assert entry.channel.currentData() == PHONE_CHANNEL
        assert [c.id for c in shown.args[0].cases] == [open_case]
        assert entry.history_list.count() == 1
        with qtbot.waitSignal(phone.state_changed, timeout=10_000) as answered:
            ami.send(*call.answered())
        assert answered.args[0].state is AgentState.ON_CALL
        assert status.combo.currentText() and not status.combo.isEnabled()
        with qtbot.waitSignal(phone.state_changed, timeout=10_000) as hung_up:
            ami.send(call.recording("/var/spool/asterisk/monitor/q-1.wav"), *call.ended())
        assert hung_up.args[0].state is AgentState.AFTER_CALL  # 话后处理
        # the agent adds this call to the caller's open case: the case gets the call
        entry.description.setPlainText("市民再次来电催办路灯维修")
        with qtbot.waitSignal(phone.pop.linked, timeout=10_000) as linked:
            entry.add_call()
        assert linked.args == [call.uid, open_case]
        qtbot.waitUntil(
            lambda: phone.written >= 4, timeout=10_000
        )  # ring, answer, recording, hangup
        rec = off_gui_thread(lambda: app.calls.get(call.uid))
        assert rec is not None and rec.case_id == open_case
        assert rec.caller == CALLER and rec.extension == "1001"
        assert rec.rang_at and rec.answered_at and rec.ended_at
        assert rec.recording == "/var/spool/asterisk/monitor/q-1.wav"
        # back to ready: the after-call work is over and stored
        assert phone.choose(AgentState.READY)
        qtbot.waitUntil(
            lambda: (
                (
                    off_gui_thread(lambda: app.calls.state_of(ui_ctx.identity))
                    or StateNow(AgentState.SIGNED_OUT)
                ).state  # noqa: E501
                is AgentState.READY
            ),
            timeout=10_000,
        )
        # the recording opens from the case view's calls
        from console.ui.telephony.case_calls import CaseCallsPanel

        panel = CaseCallsPanel(ui_ctx, open_case)
        qtbot.addWidget(panel)
        qtbot.waitUntil(lambda: len(panel.records) == 1, timeout=10_000)
        assert panel.open_recording(panel.records[0].recording or "")
        assert panel.opened[0].toString().endswith("q-1.wav")
    finally:
        phone.shutdown()
        ui_ctx.runner.wait(10_000)


def test_a_half_typed_form_is_never_overwritten(
    qtbot: QtBot, ui_ctx: UiContext, ami: FakeAmi
) -> None:
    entry = _entry(qtbot, ui_ctx)
    phone = _phone(qtbot, ui_ctx, entry, ami)
    try:
        qtbot.waitUntil(lambda: phone.link.last.state is LinkState.CONNECTED, timeout=10_000)  # type: ignore[union-attr]
        entry.phone.setText("075783381234")
        entry.description.setPlainText("上一个来电还没有保存")
        call = FakeCall("13900139000")
        with qtbot.waitSignal(phone.pop.popped, timeout=10_000) as popped:
            ami.send(*call.ringing())
        form = popped.args[0]
        assert form is not entry and isinstance(form, CaseEntryScreen)
        assert phone.pop.tabs.forms() == [form] and phone.pop.tabs.isVisible()
        assert form.phone.text() == "13900139000"
        assert entry.phone.text() == "075783381234"
        assert entry.description.toPlainText() == "上一个来电还没有保存"
        ami.send(call.agent_called())  # the same call ringing again: no second tab
        qtbot.wait(300)
        assert len(phone.pop.tabs.forms()) == 1
        phone.pop.tabs.close_tab(0)  # refused: the popped call's form holds a number
        assert len(phone.pop.tabs.forms()) == 1
        form.confirm_discard = lambda: True  # type: ignore[method-assign]  # the agent agrees
        form.new_case()
        phone.pop.tabs.close_tab(0)
        assert phone.pop.tabs.forms() == []
    finally:
        phone.shutdown()
        ui_ctx.runner.wait(10_000)


def test_not_ready_pauses_the_queue_member_and_after_call_work_ends_by_itself(
    qtbot: QtBot, ui_ctx: UiContext, ami: FakeAmi
) -> None:
    entry = _entry(qtbot, ui_ctx)
    phone = _phone(
        qtbot,
        ui_ctx,
        entry,
        ami,
        queue_interface="PJSIP/1001",
        after_call_limit=timedelta(seconds=1),
        echo_window=0.5,
    )
    try:
        qtbot.waitUntil(lambda: phone.link.last.state is LinkState.CONNECTED, timeout=10_000)  # type: ignore[union-attr]
        assert not phone.choose(AgentState.NOT_READY, "")  # a reason is needed
        assert phone.choose(AgentState.NOT_READY, "meal")

        def pauses() -> list[dict[str, str]]:
            return [a for a in ami.actions if a.get("Action") == "QueuePause"]

        qtbot.waitUntil(lambda: any(a["Paused"] == "true" for a in pauses()), timeout=5000)
        assert pauses()[-1]["Reason"] == "meal"
        assert phone.choose(AgentState.READY)
        qtbot.waitUntil(lambda: pauses()[-1]["Paused"] == "false", timeout=5000)
        # paused from the phone itself (a feature code): the console follows, and back
        from tests.helpers.fake_ami import member_pause

        qtbot.wait(700)  # past the echoes of our own QueuePause
        with qtbot.waitSignal(phone.state_changed, timeout=5000) as from_phone:
            ami.send(member_pause("PJSIP/1001", True, "training"))
        assert from_phone.args[0] == StateNow(
            AgentState.NOT_READY, "training", from_phone.args[0].since
        )
        with qtbot.waitSignal(phone.state_changed, timeout=5000) as back:
            ami.send(member_pause("PJSIP/1001", False))
        assert back.args[0].state is AgentState.READY
        ami.send(member_pause("PJSIP/1002", True, "meal"))  # another agent's: not ours
        qtbot.wait(200)
        assert phone.state.state is AgentState.READY
        call = FakeCall("13700137000")
        ami.send(*call.ringing(), *call.answered(), *call.ended())
        qtbot.waitUntil(lambda: phone.state.state is AgentState.AFTER_CALL, timeout=10_000)
        with qtbot.waitSignal(phone.state_changed, timeout=5000) as over:
            pass
        assert over.args[0].state is AgentState.READY  # after the 1 s limit
        rec = off_gui_thread(lambda: ui_ctx.app.calls.get(call.uid))
        qtbot.waitUntil(
            lambda: (
                (off_gui_thread(lambda: ui_ctx.app.calls.get(call.uid)) or rec).ended_at is not None
            ),
            timeout=5000,
        )
    finally:
        phone.shutdown()
        ui_ctx.runner.wait(10_000)


def test_softphone_pop_command(
    qtbot: QtBot,
    ui_ctx: UiContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("HOTLINE_CONSOLE_HOME", str(tmp_path))
    # no console running: a plain message and a non-zero exit
    assert main(["pop", "--caller", CALLER]) == 1
    assert "No console is running" in capsys.readouterr().err
    entry = _entry(qtbot, ui_ctx)
    phone = _phone(qtbot, ui_ctx, entry, None)
    server = PopServer("1001", phone)
    assert server.listen()
    phone.attach_softphone(server)
    try:
        rc: list[int] = []
        with qtbot.waitSignal(entry.history_shown, timeout=10_000):
            t = threading.Thread(
                target=lambda: rc.append(main(["pop", "--caller", CALLER, "--call-id", "sp-1"]))
            )
            t.start()
            qtbot.waitUntil(lambda: not t.is_alive(), timeout=10_000)
        assert rc == [0]
        assert entry.phone.text() == CALLER
        assert "sp-1" in capsys.readouterr().out
        qtbot.waitUntil(lambda: phone.written >= 1, timeout=10_000)
        rec = off_gui_thread(lambda: ui_ctx.app.calls.get("sp-1"))
        assert rec is not None and rec.source == "softphone" and rec.rang_at is not None
        # a second console for the same user does not steal the socket
        other = PopServer("1001", phone)
        assert not other.listen()
    finally:
        phone.shutdown()
        ui_ctx.runner.wait(10_000)


def test_monitor_shows_the_call_side(qtbot: QtBot, ui_ctx: UiContext) -> None:
    app = ui_ctx.app
    now = now_utc()

    def setup() -> None:
        a1, a2 = add_agents(app.sessions, 2)
        for a in (a1, a2):
            app.presence.heartbeat(a)
        K = CallEventKind
        at = now - timedelta(seconds=100)

        def ev(kind: CallEventKind, cid: str, s: float, **kw: str) -> CallEvent:
            return CallEvent(kind, cid, at=at + timedelta(seconds=s), **kw)  # type: ignore[arg-type]

        app.calls.record_many(
            [
                ev(K.QUEUE_JOIN, "m1", 0, caller="1"),
                ev(K.AGENT_CONNECT, "m1", 5, extension="1001"),
                ev(K.HANGUP, "m1", 65),
                ev(K.QUEUE_JOIN, "m2", 10, caller="2"),
                ev(K.QUEUE_ABANDON, "m2", 40),
                ev(K.QUEUE_JOIN, "m3", 60, caller="3"),
            ]
        )
        app.calls.set_state(
            a1, StateNow(AgentState.ON_CALL, "", now - timedelta(seconds=30)), "1001"
        )
        app.calls.set_state(
            a2, StateNow(AgentState.NOT_READY, "training", now - timedelta(minutes=5))
        )

    off_gui_thread(setup)
    screen = MonitorScreen(ui_ctx)
    qtbot.addWidget(screen)
    board = screen.calls_board
    qtbot.waitUntil(lambda: board.board is not None, timeout=10_000)
    tiles = {k: v.text() for k, v in board.tiles.items()}
    assert tiles["waiting"] == "1" and tiles["abandoned"] == "1"
    assert tiles["service_level"] == "50%"  # 1 of 2 offered answered within 20 s
    assert tiles["average_handle"] == "1:00"
    assert board.model.rowCount() == 2
    ModelTester(None).check(board.model)  # type: ignore[arg-type]
    shown = {board.model.index(r, 2).data() for r in range(2)}
    assert len(shown) == 2 and all(shown)
    small = board.tiles["waiting"].font().pointSizeF()
    screen.set_wall_mode(True)
    assert board.tiles["waiting"].font().pointSizeF() > small


def test_a_call_taken_elsewhere_leaves_the_untouched_form(
    qtbot: QtBot, ui_ctx: UiContext, ami: FakeAmi
) -> None:
    entry = _entry(qtbot, ui_ctx)
    phone = _phone(qtbot, ui_ctx, entry, ami)
    try:
        qtbot.waitUntil(lambda: phone.link.last.state is LinkState.CONNECTED, timeout=10_000)  # type: ignore[union-attr]
        here = FakeCall("13600136000", extension="1001")
        with qtbot.waitSignal(phone.pop.popped, timeout=10_000):
            ami.send(*here.ringing())
        assert entry.phone.text() == "13600136000"
        elsewhere = FakeCall("13600136000", extension="1002", uid=here.uid)
        ami.send(elsewhere.agent_connect())  # the queue gave it to agent 1002
        qtbot.waitUntil(lambda: entry.phone.text() == "", timeout=5000)
        # a form the agent typed in is kept when the call goes elsewhere
        second = FakeCall("13500135000", extension="1001")
        with qtbot.waitSignal(phone.pop.popped, timeout=10_000):
            ami.send(*second.ringing())
        entry.caller_name.setText("王先生")
        ami.send(second.hangup())  # the caller gave up while it rang here
        ami.send(second.hangup(agent_side=True))
        qtbot.wait(300)
        assert entry.phone.text() == "13500135000" and entry.caller_name.text() == "王先生"
    finally:
        phone.shutdown()
        ui_ctx.runner.wait(10_000)


def test_started_from_the_command_line_options_and_settings(
    qtbot: QtBot, ui_ctx: UiContext, ami: FakeAmi, tmp_path: Path, memory_keyring: object
) -> None:
    """--cti-url without its secret and --extension: the secret comes from the keyring
    (as the settings dialog keeps it), the link logs in, the state is in the status bar,
    closing the window signs the agent out of the wallboard."""
    import argparse

    from console.infra.settings import CTI_URL, Settings
    from console.ui.main_window import MainWindow
    from console.ui.telephony.settings_box import CtiSettingsBox
    from console.ui.telephony.setup import start_telephony

    settings = Settings(tmp_path / "s.ini")
    box = CtiSettingsBox(settings)
    qtbot.addWidget(box)
    box.url.setText(f"ami://console:s3cret@127.0.0.1:{ami.port}")
    box.extension.setText("1001")
    assert box.store() is None
    assert settings.get(CTI_URL) == f"ami://console@127.0.0.1:{ami.port}"  # no secret here
    box.url.setText("http://nope")
    assert box.store()  # a plain sentence, nothing stored
    assert settings.get(CTI_URL) == f"ami://console@127.0.0.1:{ami.port}"

    window = MainWindow(settings)
    qtbot.addWidget(window)
    ui = UiContext(ui_ctx.app, ui_ctx.identity, window.runner, window.messages)
    window.attach(ui)
    args = argparse.Namespace(cti_url=f"ami://console@127.0.0.1:{ami.port}", extension="1001")
    phone = start_telephony(window, ui, args)
    assert phone is not None
    qtbot.waitUntil(lambda: phone.link is not None, timeout=10_000)
    assert ami.wait_logins(1)
    qtbot.waitUntil(lambda: window.statusBar().findChild(PhoneStatus) is not None, timeout=5000)
    qtbot.waitUntil(
        lambda: (
            (
                off_gui_thread(lambda: ui.app.calls.state_of(ui.identity))
                or StateNow(AgentState.SIGNED_OUT)
            ).state  # noqa: E501
            is AgentState.READY
        ),
        timeout=10_000,
    )
    window.close()
    qtbot.waitUntil(
        lambda: (
            (
                off_gui_thread(lambda: ui.app.calls.state_of(ui.identity))
                or StateNow(AgentState.READY)
            ).state  # noqa: E501
            is AgentState.SIGNED_OUT
        ),
        timeout=10_000,
    )
    window.runner.wait(10_000)


def test_a_call_that_ended_while_the_link_was_down_is_ended(
    qtbot: QtBot, ui_ctx: UiContext, ami: FakeAmi
) -> None:
    entry = _entry(qtbot, ui_ctx)
    phone = _phone(qtbot, ui_ctx, entry, ami)
    try:
        qtbot.waitUntil(lambda: phone.link.last.state is LinkState.CONNECTED, timeout=10_000)  # type: ignore[union-attr]
        call = FakeCall(CALLER, extension="1001")
        with qtbot.waitSignal(phone.state_changed, timeout=10_000):
            ami.send(*call.ringing(), *call.answered())
        assert phone.state.state is AgentState.ON_CALL
        ami.go_down()  # the caller hangs up meanwhile: no Hangup event ever comes
        qtbot.waitUntil(lambda: phone.link.last.state is LinkState.DISCONNECTED, timeout=10_000)  # type: ignore[union-attr]
        ami.channels = []
        with qtbot.waitSignal(phone.state_changed, timeout=10_000) as ended:
            ami.listen()
        assert ended.args[0].state is AgentState.AFTER_CALL
        qtbot.waitUntil(
            lambda: (
                (off_gui_thread(lambda: ui_ctx.app.calls.get(call.uid)) or None) is not None
                and off_gui_thread(lambda: ui_ctx.app.calls.get(call.uid)).ended_at is not None
            ),  # type: ignore[union-attr]
            timeout=10_000,
        )
    finally:
        phone.shutdown()
        ui_ctx.runner.wait(10_000)


def test_recording_address() -> None:
    from console.ui.telephony.case_calls import recording_url

    ref = "/var/spool/asterisk/monitor/2026/12/06/q-1.wav"
    assert recording_url(ref, "https://pbx.local/rec/{0}").toString() == (
        "https://pbx.local/rec/q-1.wav"
    )
    assert recording_url(ref).isLocalFile() and recording_url(ref).toLocalFile() == ref
    assert recording_url("https://pbx.local/x.wav").toString() == "https://pbx.local/x.wav"
