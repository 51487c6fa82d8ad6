"""One catalogue of words: the exported reports say what the screens say, in Chinese and in
English, for every status, case type, milestone, event, metric, class and channel."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session, sessionmaker

from console.domain import wording
from console.domain.casetypes import CaseType, EventKind, MilestoneCode, Status, SubType, Urgency
from console.domain.sla import CountdownState
from console.infra import catalogue
from console.queries.assessment import METRICS
from console.services import report_export
from console.services.reference import load_reference
from console.services.reports import BreachRow, ReportService
from console.ui import labels
from console.ui.reports.models import metric_formula, metric_title
from tests.helpers.assessment_data import AS_OF, build_month

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"

SCREEN_WORDS: list[tuple[wording.Vocabulary, Callable[[str], str], list[str]]] = [
    (wording.STATUS, labels.status_name, [s.value for s in Status]),
    (wording.CASE_TYPE, labels.case_type_name, [t.value for t in CaseType]),
    (wording.SUB_TYPE, labels.sub_type_name, [t.value for t in SubType]),
    (wording.URGENCY, labels.urgency_name, [u.value for u in Urgency]),
    (wording.MILESTONE, labels.milestone_name, [m.value for m in MilestoneCode]),
    (wording.EVENT, labels.event_name, [k.value for k in EventKind]),
    (wording.COUNTDOWN_STATE, labels.countdown_state_name, [c.value for c in CountdownState]),
    (wording.METRIC, metric_title, [m.key for m in METRICS]),
    (wording.METRIC_FORMULA, metric_formula, [m.key for m in METRICS]),
]


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load("console_zh_CN", str(TRANSLATIONS))
    assert qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_the_export_says_what_the_screens_say_in_chinese(chinese: None) -> None:
    for vocabulary, on_screen, codes in SCREEN_WORDS:
        for code in codes:
            shown = on_screen(code)
            assert shown == catalogue.word(vocabulary, code, "zh"), (vocabulary.name, code)
            assert shown != vocabulary.source(code), f"{vocabulary.name}.{code} untranslated"
    # the word that used to differ (联系市民 on screen, 联系群众 in the reports)
    assert labels.milestone_name("contact") == "联系群众"
    assert report_export.metric_name("avg_response_hours", "zh") == metric_title(
        "avg_response_hours"
    )
    assert report_export.formula_text("ontime_rate", "zh") == metric_formula("ontime_rate")


def test_the_export_says_what_the_screens_say_in_english(qapp: QApplication) -> None:
    for vocabulary, on_screen, codes in SCREEN_WORDS:
        for code in codes:
            assert on_screen(code) == catalogue.word(vocabulary, code, "en")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_documents_use_the_screen_words_for_statuses_milestones_classes_and_channels(
    qapp: QApplication, sessions: sessionmaker[Session], lang: str, request: pytest.FixtureRequest
) -> None:
    if lang == "zh":
        request.getfixturevalue("chinese")
    build_month(sessions)
    daily = ReportService(sessions).daily(date(2026, 9, 15), as_of=AS_OF)
    # one breach of every milestone (the month's data breaches only some of them)
    daily = replace(
        daily,
        breaches=tuple(
            BreachRow(i, f"N{i}", "t", m.value, AS_OF, "u") for i, m in enumerate(MilestoneCode, 1)
        ),
    )
    doc = report_export.daily_document(daily, lang)
    sections = {s.key: s for s in doc.sections}
    with sessions() as s:
        ref = load_reference(s)
    channel_names = {c.code: c.name for c in ref.channels}  # as the intake form lists them
    class_names = {c.code: c.name for c in ref.classes}

    assert [r[0] for r in sections["channels"].rows] == [
        channel_names[code] for code, _name, _n in daily.volumes.by_channel
    ]
    assert [r[0] for r in sections["classes"].rows] == [
        class_names[code] for code, _name, _n in daily.volumes.by_class
    ]
    assert [r[0] for r in sections["types"].rows] == [
        labels.case_type_name(k) for k, _n in daily.volumes.by_type
    ]
    assert sections["urgent"].rows, "the month has urgent cases"
    assert [r[2] for r in sections["urgent"].rows] == [
        labels.status_name(c.status) for c in daily.urgent
    ]
    assert sections["breaches"].rows, "the month has breached deadlines"
    assert [r[2] for r in sections["breaches"].rows] == [
        labels.milestone_name(b.milestone) for b in daily.breaches
    ]
    rates = sections["rates"].rows
    assert [r[0] for r in rates] == [metric_title(m.key) for m in METRICS]
