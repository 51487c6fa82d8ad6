"""Editing a case in the case view, and the conflict dialog: two workstations (the
console and a second service with its own engine) on the same database, both engines."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.validation import CaseDraft
from console.domain.workcalendar import WorkCalendar
from console.infra.database import make_engine, make_session_factory
from console.models import Case, CaseEvent, MatterCategory, Region
from console.services.case_edit import CaseEditService
from console.services.cases import CaseService
from console.ui.case.edit import CaseEditDialog
from console.ui.case.view import CaseViewDialog
from console.ui.context import UiContext
from tests.ui.conftest import off_gui_thread

SQLISH = "'; DROP TABLE cases; --"
HTMLISH = "<b>陈</b>先生 😀 \u202eأحمد"


@pytest.fixture
def other_station(db_url: str) -> Iterator[CaseEditService]:
    """The second workstation: its own engine (connection pool) on the same database."""
    engine = make_engine(db_url)
    sessions = make_session_factory(engine)
    yield CaseEditService(sessions, WorkCalendar, lambda: "777")
    engine.dispose()


def _new_case(ui: UiContext) -> int:
    def work() -> int:
        sessions: sessionmaker[Session] = ui.app.sessions
        with sessions() as s:
            cat = s.scalars(select(MatterCategory.id).where(MatterCategory.level == 3)).first()
            district = s.scalars(select(Region.id).where(Region.name == "南海区")).one()
        draft = CaseDraft(
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
        svc = CaseService(ui.app.sessions, WorkCalendar, lambda: ui.app.station)
        return svc.create(draft, ui.identity).id

    return off_gui_thread(work)


def _open_editor(
    qtbot: QtBot, ui: UiContext, case_id: int
) -> tuple[CaseViewDialog, CaseEditDialog]:
    view = CaseViewDialog(ui, case_id)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None, timeout=5_000)
    view.edit_button.click()
    qtbot.waitUntil(lambda: view.editor is not None, timeout=5_000)
    editor = view.editor
    assert isinstance(editor, CaseEditDialog)
    return view, editor


def _case(ui: UiContext, case_id: int) -> Case:
    def read() -> Case:
        with ui.app.sessions() as s:
            c = s.get(Case, case_id)
            assert c is not None
            return c

    return off_gui_thread(read)


def _edited_events(ui: UiContext, case_id: int) -> list[dict[str, object]]:
    def read() -> list[dict[str, object]]:
        with ui.app.sessions() as s:
            return [
                dict(e.detail)
                for e in s.scalars(
                    select(CaseEvent)
                    .where(CaseEvent.case_id == case_id, CaseEvent.kind == "edited")
                    .order_by(CaseEvent.id)
                )
            ]

    return off_gui_thread(read)


def test_edit_and_save_from_the_case_view(qtbot: QtBot, ui_ctx: UiContext) -> None:
    cid = _new_case(ui_ctx)
    view, editor = _open_editor(qtbot, ui_ctx, cid)
    assert editor.address.text() == "桂城街道南海大道1号"
    editor.address.setText("桂城街道南海大道2号")
    editor.title_edit.setText("夜间施工噪音")
    editor.urgent.setChecked(True)
    with qtbot.waitSignal(editor.saved, timeout=5_000):
        editor.save_button.click()
    qtbot.waitUntil(lambda: view.fields["title"].text() == "夜间施工噪音", timeout=5_000)
    qtbot.waitUntil(lambda: view.fields["address"].text() == "桂城街道南海大道2号", timeout=5_000)
    case = _case(ui_ctx, cid)
    assert case.urgency == "urgent" and case.next_milestone == "contact"
    [detail] = _edited_events(ui_ctx, cid)
    changes = detail["changes"]
    assert isinstance(changes, dict)
    assert set(changes) == {"address", "title", "urgency"}
    history = [view.history.item(r, 1).text() for r in range(view.history.rowCount())]
    assert len(history) == 2  # received, edited
    qtbot.waitUntil(
        lambda: view.history.item(1, 1).text() == "Case edited（Address、Title、Urgency）",
        timeout=5_000,
    )


def test_conflict_shows_three_values_and_merges(
    qtbot: QtBot, ui_ctx: UiContext, other_station: CaseEditService
) -> None:
    cid = _new_case(ui_ctx)
    _view, editor = _open_editor(qtbot, ui_ctx, cid)
    # meanwhile, on another workstation
    who = ui_ctx.identity

    def elsewhere() -> None:
        seen = other_station.load(cid, who)
        from dataclasses import replace

        other_station.save(
            seen, replace(seen.fields, address="桂城街道南海大道3号", caller_name="陈女士"), who
        )

    off_gui_thread(elsewhere)
    editor.address.setText("桂城街道海八路8号")
    editor.description.setPlainText("夜间施工噪音扰民，已持续一周")
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.conflict_dialog is not None, timeout=5_000)
    dlg = editor.conflict_dialog
    assert dlg is not None
    rows = {r[0]: r[1:] for r in dlg.cell_texts()}
    assert rows["Address"] == ("桂城街道南海大道1号", "桂城街道南海大道3号", "桂城街道海八路8号")
    assert rows["Caller name"][1] == "陈女士"
    assert rows["Description"][2] == "夜间施工噪音扰民，已持续一周"
    # nothing of mine was written
    assert _case(ui_ctx, cid).address == "桂城街道南海大道3号"
    assert not dlg.merge_button.isEnabled()  # the address needs a choice
    dlg.choose("address", "mine")
    assert dlg.merge_button.isEnabled()
    with qtbot.waitSignal(editor.saved, timeout=5_000):
        dlg.merge_button.click()
    case = _case(ui_ctx, cid)
    assert case.address == "桂城街道海八路8号"  # mine, chosen
    assert case.caller_name == "陈女士"  # theirs, kept
    assert case.description == "夜间施工噪音扰民，已持续一周"  # mine, kept
    assert len(_edited_events(ui_ctx, cid)) == 2


def test_conflict_reload_discards_mine_and_saves_after(
    qtbot: QtBot, ui_ctx: UiContext, other_station: CaseEditService
) -> None:
    cid = _new_case(ui_ctx)
    _view, editor = _open_editor(qtbot, ui_ctx, cid)
    who = ui_ctx.identity

    def elsewhere() -> None:
        from dataclasses import replace

        seen = other_station.load(cid, who)
        other_station.save(seen, replace(seen.fields, address="桂城街道南海大道3号"), who)

    off_gui_thread(elsewhere)
    editor.address.setText("我的地址")
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.conflict_dialog is not None, timeout=5_000)
    dlg = editor.conflict_dialog
    assert dlg is not None
    dlg.reload_button.click()
    qtbot.waitUntil(lambda: editor.conflict_dialog is None, timeout=5_000)
    assert editor.address.text() == "桂城街道南海大道3号"
    assert "discarded" in editor.status.text()
    editor.caller_name.setText("陈女士")
    with qtbot.waitSignal(editor.saved, timeout=5_000):
        editor.save_button.click()
    case = _case(ui_ctx, cid)
    assert (case.address, case.caller_name) == ("桂城街道南海大道3号", "陈女士")


def test_bad_input_in_the_editor_is_refused_or_shown_verbatim(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    cid = _new_case(ui_ctx)
    view, editor = _open_editor(qtbot, ui_ctx, cid)
    editor.description.setPlainText("施工噪音\x00扰民")
    editor.address.setText("x" * 201)
    editor.save_button.click()
    qtbot.waitUntil(lambda: bool(editor.error_texts()), timeout=5_000)
    errors = editor.error_texts()
    assert "control characters" in errors["description"]
    assert "200" in errors["address"]
    assert _case(ui_ctx, cid).description == "小区门口夜间施工噪音扰民"
    # odd but valid text: stored and shown back exactly as typed
    editor.description.setPlainText(f"市民说：{SQLISH}")
    editor.address.setText(SQLISH)
    editor.caller_name.setText(HTMLISH)
    with qtbot.waitSignal(editor.saved, timeout=5_000):
        editor.save_button.click()
    qtbot.waitUntil(lambda: view.fields["address"].text() == SQLISH, timeout=5_000)
    assert view.fields["caller"].text() == HTMLISH
    assert view.description.toPlainText() == f"市民说：{SQLISH}"
    case = _case(ui_ctx, cid)
    assert (case.caller_name, case.address) == (HTMLISH, SQLISH)


def test_an_agent_cannot_edit_a_case_another_agent_holds(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from tests.helpers.queue_data import add_agents

    cid = _new_case(ui_ctx)
    (agent,) = off_gui_thread(lambda: add_agents(ui_ctx.app.sessions, 1))
    as_agent = UiContext(ui_ctx.app, agent, ui_ctx.runner, ui_ctx.messages)
    view = CaseViewDialog(as_agent, cid)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.detail is not None, timeout=5_000)
    view.edit_button.click()
    bar = ui_ctx.messages.bar
    qtbot.waitUntil(lambda: "Another agent holds" in bar.label.text(), timeout=5_000)
    assert view.editor is None


def test_stale_writes_are_described_in_plain_words() -> None:
    from console.services.errors import StaleWrite
    from console.ui.errors import describe, is_environment_error

    exc = StaleWrite("handover_item", "261127-001-0001", "等街道回电")
    assert not is_environment_error(exc)  # a refusal, never the crash dialog
    text = describe(exc)
    assert text.startswith("The handover entry of case 261127-001-0001 was changed")
    assert "nothing of yours was saved" in text and text.endswith("Now: 等街道回电")
    assert describe(StaleWrite("shifts")).startswith("The shift table was changed")
