"""A generated month (September 2026) with known assessment answers.

Written straight as rows (cases, events, deadlines) so the figures depend on nothing
but the assessment formulas. The expected answers are in ``EXPECTED`` (total) and
``EXPECTED_UNIT_A`` / ``EXPECTED_UNIT_B``; ``ids`` names the cases behind each figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.models import Case, CaseDeadline, CaseEvent, HandlingUnit, Region

MONTH = "2026-09"
AS_OF = datetime(2026, 10, 15, 4, 0, tzinfo=UTC)
BASE = datetime(2026, 9, 3, 2, 0, tzinfo=UTC)  # 10:00 local


@dataclass
class Month:
    unit_a: int
    unit_b: int
    district_1: int
    district_2: int
    consultations: list[int] = field(default_factory=list)
    a: list[int] = field(default_factory=list)  # unit A's ten demands, in order
    b: list[int] = field(default_factory=list)  # unit B's five urgent demands
    outside: int = 0


# (numerator, denominator) of each metric over the whole month
EXPECTED: dict[str, tuple[float, int]] = {
    "closure_rate": (17, 19),
    "response_rate": (11, 15),
    "ontime_rate": (12, 15),
    "ontime_original_rate": (10, 15),
    "satisfaction_rate": (5, 6),
    "resolution_rate": (4, 6),
    "avg_response_hours": (81.5, 14),
    "return_rate": (2, 15),
    "improper_return_rate": (0, 15),
    "extension_rate": (2, 15),
}
EXPECTED_UNIT_A: dict[str, tuple[float, int]] = {
    "closure_rate": (9, 10),
    "response_rate": (7, 10),
    "ontime_rate": (8, 10),
    "ontime_original_rate": (6, 10),
    "satisfaction_rate": (5, 6),
    "resolution_rate": (4, 6),
    "avg_response_hours": (79, 9),
    "return_rate": (2, 10),
    "improper_return_rate": (0, 10),
    "extension_rate": (2, 10),
}
EXPECTED_UNIT_B: dict[str, tuple[float, int]] = {
    "closure_rate": (4, 5),
    "response_rate": (4, 5),
    "ontime_rate": (4, 5),
    "ontime_original_rate": (4, 5),
    "satisfaction_rate": (0, 0),
    "resolution_rate": (0, 0),
    "avg_response_hours": (2.5, 5),
    "return_rate": (0, 5),
    "improper_return_rate": (0, 5),
    "extension_rate": (0, 5),
}


def expected_ids(m: Month) -> dict[tuple[str, str], set[int]]:
    """(metric, numerator|denominator) → the case ids behind the whole month's figure."""
    a, b = m.a, m.b
    dispatched = set(a) | set(b)
    return {
        ("closure_rate", "numerator"): set(m.consultations) | set(a[:9]) | set(b[:4]),
        ("closure_rate", "denominator"): set(m.consultations) | dispatched,
        ("response_rate", "numerator"): set(a[:7]) | set(b[:4]),
        ("response_rate", "denominator"): dispatched,
        ("ontime_rate", "numerator"): set(a[:6]) | {a[7], a[8]} | set(b[:4]),
        ("ontime_original_rate", "numerator"): set(a[:6]) | set(b[:4]),
        ("satisfaction_rate", "numerator"): {a[0], a[1], a[2], a[3], a[5]},
        ("satisfaction_rate", "denominator"): set(a[:6]),
        ("resolution_rate", "numerator"): {a[0], a[1], a[2], a[5]},
        ("avg_response_hours", "denominator"): set(a[:9]) | set(b),
        ("return_rate", "numerator"): {a[3], a[4]},
        ("extension_rate", "numerator"): {a[7], a[8]},
    }


def build_month(sessions: sessionmaker[Session]) -> Month:
    with sessions() as s, s.begin():
        units = list(s.scalars(select(HandlingUnit.id).order_by(HandlingUnit.id).limit(2)))
        districts = list(
            s.scalars(select(Region.id).where(Region.level == 1).order_by(Region.id).limit(2))
        )
        m = Month(units[0], units[1], districts[0], districts[1])
        seq = [0]

        def new_case(received: datetime, **kw: Any) -> Case:
            seq[0] += 1
            c = Case(
                number=f"260903-777-{seq[0]:04d}",
                station="777",
                channel_code=kw.pop("channel", "phone_12345"),
                case_type=kw.pop("case_type", "demand"),
                sub_type=kw.pop("sub_type", "complaint"),
                class_code=kw.pop("class_code", "city"),
                status=kw.pop("status", "closed"),
                title=kw.pop("title", "测试"),
                received_at=received,
                created_at=received,
                updated_at=received,
                **kw,
            )
            s.add(c)
            s.flush()
            return c

        def ev(c: Case, kind: str, at: datetime, **detail: Any) -> None:
            s.add(CaseEvent(case_id=c.id, kind=kind, at=at, detail=detail))

        def dl(c: Case, code: str, seq_: int, due: datetime, met: datetime | None,
               original: datetime | None = None) -> None:  # fmt: skip
            s.add(
                CaseDeadline(
                    case_id=c.id, milestone_code=code, seq=seq_, limit_unit="workdays",
                    start_at=c.received_at, original_due_at=original or due, due_at=due,
                    met_at=met, paused=False, verified=True,
                )
            )  # fmt: skip

        h = timedelta(hours=1)
        # four consultations closed on the call
        for i in range(4):
            at = BASE + i * h
            c = new_case(at, case_type="consultation", sub_type="policy", closed_at=at + h / 6)
            ev(c, "created", at)
            ev(c, "closed_directly", at + h / 6)
            m.consultations.append(c.id)
        # unit A: ten demands, district 1, phone, city management
        resp_hours = [1, 2, 3, 4, 5, 6, 7, 25, 26, None]
        for i in range(10):
            rec = BASE + timedelta(days=i)
            disp = rec + h / 4
            accept_due = disp + 24 * h
            original = rec + timedelta(days=5)
            extended = original + timedelta(days=3) if i in (7, 8) else original
            done: datetime | None
            if i <= 5:
                done = original - 10 * h
            elif i == 6:
                done = original + 2 * h  # late, no extension
            elif i in (7, 8):
                done = original + 24 * h  # late on the original, in time on the extension
            else:
                done = None  # never finished, long overdue
            c = new_case(
                rec, unit_id=m.unit_a, district_id=m.district_1, dispatched_at=disp,
                closed_at=done + h if done else None, status="closed" if done else "accepted",
                final_due_at=extended,
            )  # fmt: skip
            ev(c, "created", rec)
            ev(c, "dispatched", disp)
            rh = resp_hours[i]
            acc = disp + rh * h if rh is not None else None
            if acc is not None:
                ev(c, "accepted", acc, unit_id=m.unit_a, unit_role="lead")
            dl(c, "accept", 1, accept_due, acc)
            dl(c, "result", 3, extended, done, original)
            if i == 3:
                ev(c, "returned", disp + h / 2, reason="not ours")
            if i == 4:
                ev(c, "returned", disp + h / 2, reason="not ours")
                ev(c, "returned", disp + h, reason="still not ours")
            if i in (7, 8, 9):
                ev(c, "extension_requested", original - 24 * h, milestone="result")
            if i in (7, 8):
                ev(c, "extension_approved", original - 20 * h, milestone="result",
                   due_at=extended.isoformat())  # fmt: skip
            if i == 9:
                ev(c, "extension_refused", original - 20 * h, milestone="result")
            if done is not None:
                ev(c, "replied", done, unit_id=m.unit_a, unit_role="lead")
                ev(c, "closed", done + h)
            verdicts = {
                0: ("satisfied", True), 1: ("satisfied", True), 2: ("satisfied", True),
                3: ("basically_satisfied", False), 4: ("unsatisfied", False),
            }  # fmt: skip
            if i in verdicts:
                sat, solved = verdicts[i]
                ev(c, "visited", (done or rec) + 30 * h, satisfaction=sat, solved=solved,
                   unit_fault=False)  # fmt: skip
            if i == 5:
                assert done is not None
                ev(c, "visited", done + 30 * h, satisfaction="unsatisfied", solved=False,
                   unit_fault=True)  # fmt: skip
                ev(c, "reopened", done + 31 * h, round=2)
                ev(c, "visited", done + 80 * h, satisfaction="satisfied", solved=True,
                   unit_fault=False)  # fmt: skip
            if i == 6:
                ev(c, "callback_attempt", done + 30 * h if done else rec)
            m.a.append(c.id)
        # unit B: five urgent demands, district 2, WeChat, consumer rights
        for i in range(5):
            rec = BASE + timedelta(days=12 + i)
            disp = rec + h / 12
            c = new_case(
                rec, unit_id=m.unit_b, district_id=m.district_2, dispatched_at=disp,
                channel="wechat", class_code="consumer", urgency="urgent",
                final_due_at=rec + timedelta(days=3),
                closed_at=rec + timedelta(days=2) if i < 4 else None,
                status="closed" if i < 4 else "in_progress",
            )  # fmt: skip
            ev(c, "created", rec)
            ev(c, "dispatched", disp)
            if i == 0:  # an assisting unit acknowledged first: not the response
                ev(c, "accepted", disp + h / 10, unit_id=m.unit_a, unit_role="assist")
            ev(c, "accepted", disp + h / 2, unit_id=m.unit_b, unit_role="lead")
            contact_met = rec + (h / 2 if i < 4 else 2 * h)
            dl(c, "contact", 1, rec + h, contact_met)
            ev(c, "contacted", contact_met)
            m.b.append(c.id)
        # a case of August: outside the month
        out = new_case(datetime(2026, 8, 31, 10, 0, tzinfo=UTC), unit_id=m.unit_a,
                       dispatched_at=datetime(2026, 8, 31, 10, 5, tzinfo=UTC))  # fmt: skip
        m.outside = out.id
    return m
