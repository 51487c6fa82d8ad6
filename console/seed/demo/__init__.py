"""Demo data: a realistic week of cases, so that the queue and its SLA countdowns are
alive the first time someone looks.

``seed_demo`` adds the demo agents (``resources/reference/demo_agents.csv``, idempotent
by username) and ``days * per_day`` cases received over the last ``days`` days up to
``now``, with the texts and addresses of ``resources/reference/demo_texts.json``. The
result is deterministic for a given seed and ``now``:

- arrivals follow the hotline's hour-of-day load (quiet at night, peaks 09-11 and
  14-17 local time, a little quieter at weekends);
- about two thirds are consultations, most answered and closed on the call (直接答复办结),
  some awaiting a callback; a third are demands (about 5 % urgent) that move along
  受理 → 派单 → 签收 → 办理 → 反馈 → 办结 → 回访 according to their age, with a few
  returned (退单) and a few slow ones. Events are never later than ``now``;
- a handful of "live" cases received in the last hours make sure every status and every
  countdown state (on track, due soon, critical, breached) is on screen.

Events of a handling unit (签收, 联系, 到场, 反馈, 退单) are recorded by the agent on shift
who took the unit's report (``on_behalf: true``), or by the demo unit users ``unit01`` /
``unit02`` themselves; the unit is named in the event's detail (``unit_id``, ``unit``,
``unit_role``). Callbacks record ``satisfaction``, ``solved`` and ``unit_fault``.
Live "loop" scenarios put cases in the units' inboxes and in every state of
closing the loop: sent back, extension pending, reminded and supervised, escalated after
bouncing, a callback to retry, reopened (重办) in its second round, assisted (协办).

``seed_demo`` runs one transaction of its own (flushed in chunks, committed at the
end) and adds cases on every call; reference data must already be seeded.

The package: ``constants`` (shares, loads, scenarios), ``texts``, ``world`` (agents, the
reference data drawn from, arrivals), ``plan`` (one case), ``steps`` (what happens to it),
``loop`` (closing the loop) and ``writing`` (``seed_demo``).
"""

from __future__ import annotations

from console.seed.demo.constants import (
    DEMO_AGENTS_FILE,
    DEMO_TEXTS_FILE,
    LOOP_SCENARIOS,
    SCENARIOS,
    UNIT_USERS,
    DemoStats,
)
from console.seed.demo.plan import credit_code, status_of
from console.seed.demo.texts import DemoText, DemoTexts, load_demo_texts
from console.seed.demo.world import Actor, arrival_times, seed_demo_agents
from console.seed.demo.writing import seed_demo

__all__ = [
    "Actor",
    "DEMO_AGENTS_FILE",
    "DEMO_TEXTS_FILE",
    "DemoStats",
    "DemoText",
    "DemoTexts",
    "LOOP_SCENARIOS",
    "SCENARIOS",
    "UNIT_USERS",
    "arrival_times",
    "credit_code",
    "load_demo_texts",
    "seed_demo",
    "seed_demo_agents",
    "status_of",
]
