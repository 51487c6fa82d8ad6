"""The demo's shares, loads, scenarios and what a run reports."""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.casetypes import OPEN_STATUSES, EventKind, Status

DEMO_AGENTS_FILE = "demo_agents.csv"
DEMO_TEXTS_FILE = "demo_texts.json"
FLUSH_EVERY = 500

#: relative call volume by local hour 0..23
HOURLY_LOAD: tuple[float, ...] = (
    0.8, 0.5, 0.35, 0.3, 0.3, 0.5, 1.0, 2.0, 4.5, 7.5, 8.5, 7.5,
    4.5, 4.5, 7.0, 8.0, 7.5, 6.0, 4.0, 3.8, 3.6, 3.0, 2.0, 1.3,
)  # fmt: skip
WEEKEND_LOAD = 0.8

#: share of cases per channel (codes missing from the database are skipped)
CHANNEL_SHARE: tuple[tuple[str, float], ...] = (
    ("phone_12345", 72.0),
    ("enterprise_line", 8.0),
    ("wechat", 7.0),
    ("foshantong_app", 5.0),
    ("gov_website", 3.5),
    ("people_board", 2.0),
    ("report_site", 0.5),
    ("media_lxbb", 0.7),
    ("media_mszt", 0.7),
    ("media_xqrx", 0.6),
)
#: probability that a case of a channel is a consultation (by channel kind or code)
CONSULTATION_SHARE = {"phone": 0.72, "enterprise_line": 0.67, "web": 0.45, "media": 0.0}
URGENT_SHARE = 0.04  # of natural demands; the live cases add about 1 %
CLASS_SHARE: tuple[tuple[str, float], ...] = (
    ("consumer", 22.0),
    ("enterprise", 6.0),
    ("city", 24.0),
    ("livelihood", 32.0),
    ("environment", 16.0),
)
#: population weights of the districts (millions, 2020 census, rounded)
DISTRICT_WEIGHT = {"禅城区": 1.33, "南海区": 3.66, "顺德区": 3.23, "高明区": 0.49, "三水区": 0.80}
#: administrative division codes, part of a unified social credit code
DISTRICT_CODE = {
    "禅城区": "440604",
    "南海区": "440605",
    "顺德区": "440606",
    "三水区": "440607",
    "高明区": "440608",
}
CITY_CODE = "440600"
MEDIA_PREFIX = {
    "media_lxbb": "《梁心帮办》栏目转办：",
    "media_mszt": "《民生直通车》栏目转办：",
    "media_xqrx": "《小强热线》栏目转办：",
}
MOBILE_PREFIXES = (
    "134 135 136 137 138 139 147 150 151 152 157 158 159 178 182 183 184 187 188 198 "
    "130 131 132 155 156 166 175 176 185 186 133 153 173 177 180 181 189 191 199"
).split()
LANDLINE_PREFIXES = ("82", "83", "86", "87", "88", "22", "23", "25", "26", "28", "29")
SHIFT_SHARE = (6, 5, 3)  # demo agents per shift, in shift order (early, late, night)

#: the status a case is in after each kind of event
STATUS_AFTER: dict[str, Status] = {
    EventKind.CREATED: Status.RECEIVED,
    EventKind.CLOSED_DIRECTLY: Status.CLOSED,
    EventKind.DISPATCHED: Status.DISPATCHED,
    EventKind.RETURNED: Status.RETURNED,
    EventKind.ACCEPTED: Status.ACCEPTED,
    EventKind.CONTACTED: Status.IN_PROGRESS,
    EventKind.ON_SCENE: Status.IN_PROGRESS,
    EventKind.PROGRESS: Status.IN_PROGRESS,
    EventKind.REPLIED: Status.REPLIED,
    EventKind.CLOSED: Status.CLOSED,
    EventKind.VISITED: Status.VISITED,
    EventKind.SENT_BACK: Status.IN_PROGRESS,
    EventKind.CALLBACK_ATTEMPT: Status.CLOSED,
}

# live scenarios: recent cases that put every status and countdown colour on screen
DEMAND_NEW = "demand_new"  # received minutes ago, not yet dispatched
URGENT_FRESH = "urgent_fresh"  # urgent, accepted, contact due within the hour
URGENT_ON_WAY = "urgent_on_way"  # urgent, contacted, on-scene due within the hour
URGENT_LATE = "urgent_late"  # urgent, nobody contacted the citizen: breached
ENTERPRISE_FRESH = "enterprise_fresh"  # enterprise line, contact due in a few hours
ENTERPRISE_LATE = "enterprise_late"  # enterprise line, contact overdue
RETURNED_OPEN = "returned"  # returned by the unit, waiting to be re-dispatched
REPLIED_OPEN = "replied"  # the unit replied, the centre reviews
UNACCEPTED = "unaccepted"  # dispatched days ago, never acknowledged: breached
CALLBACK = "callback"  # a consultation awaiting its answer
SCENARIOS: tuple[str, ...] = (
    URGENT_FRESH,
    ENTERPRISE_FRESH,
    URGENT_LATE,
    DEMAND_NEW,
    CALLBACK,
    URGENT_ON_WAY,
    RETURNED_OPEN,
    REPLIED_OPEN,
    ENTERPRISE_LATE,
    UNACCEPTED,
)
# closing the loop: cases of the demo units' inboxes and every loop state
UNIT_NEW = "unit_new"  # dispatched to unit01's unit, not yet acknowledged
SENT_BACK = "sent_back"  # the centre sent the unit's result back
EXTENSION = "extension"  # the unit asked for more time; the centre has to decide
REMINDED = "reminded"  # unacknowledged for days: reminded and supervised (督办)
ESCALATED = "escalated"  # returned three times: escalated to the supervisors
CALLBACK_RETRY = "callback_retry"  # closed; the citizen did not answer the first call
REOPENED = "reopened"  # unsatisfied for the unit's fault: round 2 (重办)
ASSIST = "assist"  # unit01's unit assists (协办) unit02's
LOOP_SCENARIOS = (
    UNIT_NEW,
    SENT_BACK,
    EXTENSION,
    REMINDED,
    ESCALATED,
    CALLBACK_RETRY,
    REOPENED,
    ASSIST,
)
SCENARIOS += LOOP_SCENARIOS
#: the demo unit users (demo_agents.csv)
UNIT_USERS = ("unit01", "unit02")
#: callback verdicts of the natural demands: (satisfaction, weight)
SATISFACTION_SHARE: tuple[tuple[str, float], ...] = (
    ("satisfied", 90.0),
    ("basically_satisfied", 7.5),
    ("unsatisfied", 2.5),
)
#: further live cases, when there are more than one of each scenario
LIVE_EXTRA = (URGENT_FRESH, ENTERPRISE_FRESH, URGENT_ON_WAY, ENTERPRISE_FRESH, CALLBACK, DEMAND_NEW)
LIVE_SHARE = 10  # one live case per LIVE_SHARE cases of a day


@dataclass(frozen=True)
class DemoStats:
    """Cases added by status, and agents added."""

    received: int = 0
    dispatched: int = 0
    accepted: int = 0
    in_progress: int = 0
    replied: int = 0
    returned: int = 0
    closed: int = 0
    visited: int = 0
    archived: int = 0
    invalid: int = 0
    merged: int = 0
    breached: int = 0  # open cases past their next deadline at ``now``
    agents_added: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_status().values())

    @property
    def open(self) -> int:
        return sum(n for s, n in self.by_status().items() if s in OPEN_STATUSES)

    def by_status(self) -> dict[str, int]:
        return {s.value: getattr(self, s.value) for s in Status}
