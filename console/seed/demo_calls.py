"""The demo's call log: the calls behind the demo's phone cases (queued, answered by an
agent's extension, ended, linked to the case and a recording), and a few callers who hung
up while waiting. Deterministic for a seed."""

from __future__ import annotations

from datetime import datetime, timedelta
from random import Random

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from console.models import Case
from console.models.telephony import CallLog

PHONE_CHANNELS = ("phone_12345", "enterprise_line")
ABANDON_SHARE = 0.04
QUEUE = "hotline"


def seed_demo_calls(s: Session, at: datetime, rng: Random) -> int:
    """One call per phone case received by ``at`` (rang before it was saved), plus the
    abandoned ones; how many calls were added."""
    rows: list[dict[str, object]] = []
    cases = s.execute(
        select(Case.id, Case.caller_phone, Case.received_at, Case.created_by_id)
        .where(
            Case.channel_code.in_(PHONE_CHANNELS),
            Case.received_at <= at,
            ~select(CallLog.id).where(CallLog.case_id == Case.id).exists(),  # a second run
        )
        .order_by(Case.id)
    ).all()
    for case_id, phone, received, agent_id in cases:
        wait = timedelta(seconds=rng.choice((3, 6, 9, 12, 15, 18, 25, 40, 75)))
        talk = timedelta(seconds=rng.randint(70, 280))
        answered = received - talk + timedelta(seconds=rng.randint(10, 60))
        queued = answered - wait
        ended = min(answered + talk, at)  # the newest calls ended by now
        wrapped = ended + timedelta(seconds=rng.randint(10, 90))
        ext = f"10{(agent_id or 0) % 100:02d}"
        rows.append(
            {
                "uniqueid": f"demo-{case_id}",
                "caller": (phone or "")[:32],
                "extension": ext,
                "queue": QUEUE,
                "agent_id": agent_id,
                "source": "ami",
                "offered_at": queued,
                "queued_at": queued,
                "rang_at": answered - timedelta(seconds=3),
                "answered_at": answered,
                "ended_at": ended,
                "wrapped_at": wrapped if wrapped <= at else None,
                "abandoned": False,
                "wait_seconds": wait.total_seconds(),
                "recording": f"/var/spool/asterisk/monitor/demo-{case_id}.wav",
                "case_id": case_id,
                "updated_at": ended,
            }
        )
        if rng.random() < ABANDON_SHARE:
            gone = queued - timedelta(minutes=rng.randint(2, 30))
            hold = timedelta(seconds=rng.randint(20, 120))
            rows.append(
                {
                    "uniqueid": f"demo-ab-{case_id}",
                    "caller": f"13{rng.randint(100000000, 999999999)}",
                    "queue": QUEUE,
                    "source": "ami",
                    "offered_at": gone,
                    "queued_at": gone,
                    "ended_at": gone + hold,
                    "abandoned": True,
                    "wait_seconds": hold.total_seconds(),
                    "updated_at": gone + hold,
                }
            )
    if rows:
        s.execute(insert(CallLog), rows)
    return len(rows)
