"""The per-case facts the assessment counts (one row per case, built from its history):
the live query behind the ``case_facts`` summary table and its dispatch rounds."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    extract,
    func,
    literal,
    select,
)
from sqlalchemy.orm import aliased
from sqlalchemy.sql.selectable import Subquery

from console.domain.casetypes import EventKind
from console.domain.casetypes import MilestoneCode as MC
from console.models import Case, CaseDeadline, CaseEvent, UtcDateTime

# --- periods ----------------------------------------------------------------------------


def _flag(cond: ColumnElement[Any]) -> ColumnElement[Any]:
    return case((cond, 1), else_=0)


# --- the cohort's facts, one row per case ---------------------------------------------------

_EVENT_KINDS = (
    EventKind.ACCEPTED.value,
    EventKind.RETURNED.value,
    EventKind.EXTENSION_REQUESTED.value,
    EventKind.EXTENSION_APPROVED.value,
    EventKind.VISITED.value,
    EventKind.REOPENED.value,
    EventKind.RETURN_REFUSED.value,
)
#: the events that start a dispatch round (the lead unit's clock to acknowledge)
_DISPATCH_KINDS = (EventKind.DISPATCHED.value, EventKind.FORWARDED.value)


def seconds_between(dialect: str, later: Any, earlier: Any) -> ColumnElement[Any]:
    if dialect == "postgresql":
        return extract("epoch", later - earlier)
    return (func.julianday(later) - func.julianday(earlier)) * 86400.0


def local_bucket(dialect: str, col: Any, kind: str) -> ColumnElement[Any]:
    """The local (UTC+8, no daylight saving) day ``YYYY-MM-DD`` or month ``YYYY-MM``."""
    if dialect == "postgresql":
        fmt = "YYYY-MM-DD" if kind == "day" else "YYYY-MM"
        return func.to_char(func.timezone("Asia/Shanghai", col), fmt)
    fmt = "%Y-%m-%d" if kind == "day" else "%Y-%m"
    return func.strftime(fmt, col, "+8 hours")


FACT_COLUMNS = (
    "case_id", "created_at", "channel", "class_code", "district_id", "unit_id", "case_type",
    "dispatched_at", "closed_at", "resp_due", "resp_met", "due_ext", "due_orig", "done_at",
    "response_seconds", "returns", "ext_requested", "ext_approved", "satisfaction", "solved",
    "day", "month", "response_rounds", "improper_returns",
)  # fmt: skip


def response_rounds(dialect: str, cohort: Any) -> Subquery:
    """Per case: Σ seconds from each dispatch to the lead unit's first acknowledgement
    after it (before the next dispatch), and the number of such rounds. An
    acknowledgement belongs to the latest dispatch at or before it, so no round is
    negative, whatever the reopenings and re-dispatches."""
    unit_role = CaseEvent.detail["unit_role"].as_string()
    d = aliased(CaseEvent, name="d")
    dispatch_at = (
        select(func.max(d.at))
        .where(d.case_id == CaseEvent.case_id, d.kind.in_(_DISPATCH_KINDS), d.at <= CaseEvent.at)
        .scalar_subquery()
    )
    acks = (
        select(
            CaseEvent.case_id.label("case_id"),
            CaseEvent.at.label("ack_at"),
            dispatch_at.label("dispatch_at"),
        )
        .where(
            CaseEvent.case_id.in_(cohort),
            CaseEvent.kind == EventKind.ACCEPTED.value,
            func.coalesce(unit_role, "lead") != "assist",
        )
        .subquery("acks")
    )
    rounds = (
        select(
            acks.c.case_id,
            acks.c.dispatch_at,
            func.min(acks.c.ack_at).label("first_ack"),
        )
        .where(acks.c.dispatch_at.is_not(None))
        .group_by(acks.c.case_id, acks.c.dispatch_at)
        .subquery("rounds")
    )
    return (
        select(
            rounds.c.case_id,
            func.sum(seconds_between(dialect, rounds.c.first_ack, rounds.c.dispatch_at)).label(
                "seconds"
            ),
            func.count().label("rounds"),
        )
        .group_by(rounds.c.case_id)
        .subquery("resp")
    )


def live_facts(dialect: str, cases: Any) -> Select[Any]:
    """One row per case of ``cases`` (a select of case ids): its dimensions and the facts
    the metrics read (deadlines in force and original, when the result came, first
    acknowledgement, returns, extensions, the latest callback's verdict), computed from
    the history. Stored in ``case_facts`` (``console.services.assessment.refresh_facts``);
    the metrics read the stored rows (``facts``)."""
    cohort = cases
    unit_role = CaseEvent.detail["unit_role"].as_string()
    ev = (
        select(
            CaseEvent.case_id.label("case_id"),
            func.min(
                case(
                    (
                        and_(
                            CaseEvent.kind == EventKind.ACCEPTED.value,
                            func.coalesce(unit_role, "lead") != "assist",
                        ),
                        CaseEvent.at,
                    )
                )
            ).label("first_accepted_at"),
            func.sum(_flag(CaseEvent.kind == EventKind.RETURNED.value)).label("returns"),
            func.sum(_flag(CaseEvent.kind == EventKind.EXTENSION_REQUESTED.value)).label(
                "ext_requested"
            ),
            func.sum(_flag(CaseEvent.kind == EventKind.EXTENSION_APPROVED.value)).label(
                "ext_approved"
            ),
            func.max(case((CaseEvent.kind == EventKind.VISITED.value, CaseEvent.id))).label(
                "last_visit_id"
            ),
            func.sum(_flag(CaseEvent.kind == EventKind.RETURN_REFUSED.value)).label("improper"),
        )
        .where(CaseEvent.case_id.in_(cohort), CaseEvent.kind.in_(_EVENT_KINDS))
        .group_by(CaseEvent.case_id)
        .subquery("ev")
    )
    resp = response_rounds(dialect, cohort)
    d_acc = aliased(CaseDeadline, name="d_acc")
    d_con = aliased(CaseDeadline, name="d_con")
    d_res = aliased(CaseDeadline, name="d_res")
    visit = aliased(CaseEvent, name="visit")
    done_at = func.coalesce(d_res.met_at, Case.closed_at)
    solved = visit.detail["solved"].as_boolean()
    q: Any = (
        select(
            Case.id.label("case_id"),
            Case.created_at.label("created_at"),
            Case.channel_code.label("channel"),
            Case.class_code.label("class_code"),
            Case.district_id.label("district_id"),
            Case.unit_id.label("unit_id"),
            Case.case_type.label("case_type"),
            Case.dispatched_at.label("dispatched_at"),
            Case.closed_at.label("closed_at"),
            func.coalesce(d_acc.due_at, d_con.due_at).label("resp_due"),
            case((d_acc.due_at.is_not(None), d_acc.met_at), else_=d_con.met_at).label("resp_met"),
            func.coalesce(d_res.due_at, Case.final_due_at).label("due_ext"),
            func.coalesce(d_res.original_due_at, d_res.due_at, Case.final_due_at).label("due_orig"),
            done_at.label("done_at"),
            resp.c.seconds.label("response_seconds"),
            func.coalesce(ev.c.returns, 0).label("returns"),
            func.coalesce(ev.c.ext_requested, 0).label("ext_requested"),
            func.coalesce(ev.c.ext_approved, 0).label("ext_approved"),
            visit.detail["satisfaction"].as_string().label("satisfaction"),
            case((solved.is_(True), 1), else_=0).label("solved"),
            local_bucket(dialect, Case.created_at, "day").label("day"),
            local_bucket(dialect, Case.created_at, "month").label("month"),
            func.coalesce(resp.c.rounds, 0).label("response_rounds"),
            func.coalesce(ev.c.improper, 0).label("improper_returns"),
        )
        .select_from(Case)
        .outerjoin(ev, ev.c.case_id == Case.id)
        .outerjoin(resp, resp.c.case_id == Case.id)
        .outerjoin(d_acc, and_(d_acc.case_id == Case.id, d_acc.milestone_code == MC.ACCEPT))
        .outerjoin(d_con, and_(d_con.case_id == Case.id, d_con.milestone_code == MC.CONTACT))
        .outerjoin(d_res, and_(d_res.case_id == Case.id, d_res.milestone_code == MC.RESULT))
        .outerjoin(visit, visit.id == ev.c.last_visit_id)
        .where(Case.id.in_(cohort))
    )
    return q  # type: ignore[no-any-return]


def facts(dialect: str, start: datetime, end: datetime, as_of: datetime) -> Subquery:
    """The stored facts of the cases received in ``[start, end)`` (an index range on
    ``case_facts.created_at``), with ``as_of``: the metrics' input."""
    from console.models.reports import CaseFacts

    return (
        select(
            CaseFacts.case_id.label("id"),
            *(getattr(CaseFacts, c) for c in FACT_COLUMNS[1:]),
            literal(as_of, UtcDateTime()).label("as_of"),
        )
        .where(CaseFacts.created_at >= start, CaseFacts.created_at < end)
        .subquery("facts")
    )
