"""One vocabulary: every code of the domain has its words, the open statuses have one
spelling (and the partial indexes' SQL is generated from it), refusals carry their
message and parameters. No Qt, no database."""

from __future__ import annotations

from enum import StrEnum

import pytest

from console.domain import wording
from console.domain.casetypes import (
    DONE_STATUS_VALUES,
    DONE_STATUSES,
    OPEN_STATUS_VALUES,
    OPEN_STATUSES,
    CaseType,
    EventKind,
    MilestoneCode,
    Satisfaction,
    Status,
    SubType,
    Urgency,
    is_open,
)
from console.domain.errors import Refused, UserError
from console.domain.lifecycle import lead_step
from console.domain.sla import CountdownState
from console.models.base import in_list_sql
from console.models.case import OPEN_STATUS_SQL
from console.queries.assessment import METRICS


@pytest.mark.parametrize(
    ("vocabulary", "codes"),
    [
        (wording.STATUS, Status),
        (wording.CASE_TYPE, CaseType),
        (wording.SUB_TYPE, SubType),
        (wording.URGENCY, Urgency),
        (wording.MILESTONE, MilestoneCode),
        (wording.EVENT, EventKind),
        (wording.COUNTDOWN_STATE, CountdownState),
        (wording.SATISFACTION, Satisfaction),
    ],
    ids=lambda v: getattr(v, "name", ""),
)
def test_every_code_has_its_words(vocabulary: wording.Vocabulary, codes: type[StrEnum]) -> None:
    assert set(vocabulary.words) == {c.value for c in codes}
    assert all(w.strip() for w in vocabulary.words.values())
    assert vocabulary in wording.VOCABULARIES


def test_every_metric_has_a_name_and_a_formula() -> None:
    keys = {m.key for m in METRICS}
    assert set(wording.METRIC.words) == keys == set(wording.METRIC_FORMULA.words)


def test_an_unknown_code_stands_for_itself() -> None:
    assert wording.STATUS.source("no_such_status") == "no_such_status"
    assert wording.MILESTONE.source(None) == ""


def test_open_and_done_statuses_cover_the_lifecycle_once() -> None:
    assert OPEN_STATUSES | DONE_STATUSES == set(Status)
    assert not OPEN_STATUSES & DONE_STATUSES
    # lifecycle order, which is also the partial indexes' order
    assert OPEN_STATUS_VALUES == (
        "received",
        "dispatched",
        "accepted",
        "in_progress",
        "replied",
        "returned",
    )
    assert DONE_STATUS_VALUES == ("closed", "visited", "archived", "invalid", "merged")
    assert is_open("replied") and not is_open("closed") and not is_open("nonsense")


def test_the_partial_index_predicate_is_generated_from_the_one_definition() -> None:
    assert OPEN_STATUS_SQL == (
        "status IN ('received','dispatched','accepted','in_progress','replied','returned')"
    )
    assert in_list_sql("kind", ["a_b"]) == "kind IN ('a_b')"
    for bad in ([], ["x'); DROP TABLE cases; --"]):
        with pytest.raises(ValueError):
            in_list_sql("status", bad)


def test_one_refusal_class_from_the_lifecycle_to_the_screens() -> None:
    assert issubclass(Refused, UserError)
    with pytest.raises(Refused) as caught:
        lead_step(Status.CLOSED, "replied")
    exc = caught.value
    assert exc.code == "not_allowed"
    assert exc.message == "{action} is not allowed while the case is {status}."
    assert exc.params == {"action": "reply", "status": Status.CLOSED}
    assert str(exc) == "reply is not allowed while the case is closed."
    # translated on display: the message is the key, the parameters filled in afterwards
    assert exc.text(lambda s: s.replace("is not allowed", "may not run")) == (
        "reply may not run while the case is closed."
    )


def test_the_exports_chinese_comes_from_the_screens_catalogue_without_qt() -> None:
    from console.infra import catalogue

    for vocabulary in wording.VOCABULARIES:
        for code, source in vocabulary.words.items():
            zh = catalogue.word(vocabulary, code, "zh")
            assert zh != source, f"{vocabulary.name}.{code}: no Chinese in the catalogue"
            assert catalogue.word(vocabulary, code, "en") == source
    assert catalogue.word(wording.MILESTONE, "contact", "zh") == "联系群众"
    assert catalogue.word(wording.STATUS, "closed", "zh") == "已办结"
    assert catalogue.word(wording.STATUS, "no_such_status", "zh") == "no_such_status"  # unknown
