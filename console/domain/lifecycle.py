"""The case lifecycle: ONE state machine, status x action x party -> allowed?, the new
status, the events written and the SLA effects. The services, the screens and the
command line all ask it; nothing else says which action is allowed when. Plain Python,
no database, no Qt.

**Parties** (who may act): the centre's ``agent``, ``supervisor`` and ``admin`` (by the
person's role), and the case's ``lead`` and ``assist`` units. A unit's own user plays
its unit's part; the centre's people may also play a unit's part on its behalf (a unit
working by phone; the event says ``on_behalf``). Administrators and supervisors may take
every centre action; reminders and supervision orders are theirs alone.

**Statuses** (casetypes.Status) and what moves them (the table ``RULES`` below):

=============  ========================================================================
received       triage by the centre: dispatch (with co-handling units) → dispatched;
               answer and close → closed; forward a consultation (咨询转办) →
               dispatched; merge into another case → merged; invalid → invalid;
               thanks recorded for a unit → closed; emergency hand-off → closed
dispatched     lead: accept (签收) → accepted; return (退单) → returned
accepted       lead: contact / on scene / progress → in_progress; reply (反馈) →
in_progress    replied; return → returned; request an extension (unchanged);
               centre: approve / refuse an extension (unchanged)
replied        centre: review_accept → closed; send_back → in_progress
returned       centre (退单审核): accept_return → received (triage again);
               refuse_return → back to the unit (an improper return, 不当退单);
               redispatch → dispatched (accepts the return in the same step)
closed         callback (回访) → visited; callback_unreached (→ visited as unreachable
               at the last attempt); reopen (重办) → dispatched; archive when no
               callback is due → archived
visited        reopen → dispatched; archive → archived
invalid        archive; reopen → received (marked invalid by mistake)
merged         archive
archived       nothing: read-only
=============  ========================================================================

Assisting units (协办) have their own steps while the case is with the lead unit
(dispatched … in_progress): accept, contact, on scene, progress, reply; they never move
the case's status or its SLA clocks (their own little machine, ``ASSIST_STEPS``).

**Rules and settings** (constants here; a deployment changes them in one place):
``BOUNCE_LIMIT`` = 2 returns before a supervisor must look; ``CALLBACK_DUE`` = 48 hours
after closure; ``CALLBACK_MAX_ATTEMPTS`` = 3 unanswered calls, ``CALLBACK_RETRY_AFTER``
= 2 hours between them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from console.domain.casehistory import (  # noqa: F401 - the lifecycle's public names
    BOUNCE_LIMIT,
    CALLBACK_DUE,
    CALLBACK_MAX_ATTEMPTS,
    CALLBACK_RETRY_AFTER,
    CallbackVerdict,
    Event,
    PendingExtension,
    after_attempt,
    callback_due_at,
    callback_wanted,
    check_extension_request,
    check_verdict,
    pending_extensions,
    returns_count,
    round_of,
    should_escalate_bounce,
    since_last_reopen,
    unit_had_accepted,
)
from console.domain.casetypes import CaseType, EventKind, Role, Status, SubType
from console.domain.errors import Refused

# --- parties ---------------------------------------------------------------------------
AGENT = Role.AGENT.value
SUPERVISOR = Role.SUPERVISOR.value
ADMIN = Role.ADMIN.value
LEAD = "lead"
ASSIST = "assist"
UNIT_ROLES = (LEAD, ASSIST)
CENTRE = frozenset({AGENT, SUPERVISOR, ADMIN})
SUPERVISORS = frozenset({SUPERVISOR, ADMIN})
PARTIES = (AGENT, SUPERVISOR, ADMIN, LEAD, ASSIST)


def parties_of(
    role: str,
    own_unit: int | None,
    *,
    lead_unit: int | None,
    co_units: Iterable[int] = (),
    acting_unit: int | None = None,
) -> frozenset[str]:
    """The parts a person may play on a case. A unit's user plays its own unit's part
    (lead or assisting); the centre's people play their role and, on a unit's behalf,
    the part of ``acting_unit`` (default: the lead unit)."""
    co = set(co_units)
    if role == Role.UNIT:
        if own_unit is not None and own_unit == lead_unit:
            return frozenset({LEAD})
        if own_unit is not None and own_unit in co:
            return frozenset({ASSIST})
        return frozenset()
    out = {role} if role in CENTRE else set()
    target = acting_unit if acting_unit is not None else lead_unit
    if target == lead_unit:  # (no unit yet: a unit's step is then refused by status)
        out.add(LEAD)
    elif target is not None and target in co:
        out.add(ASSIST)
    return frozenset(out)


# --- actions ---------------------------------------------------------------------------
class Action(StrEnum):
    # triage of a received case
    DISPATCH = "dispatch"
    ANSWER_CLOSE = "answer_close"
    FORWARD = "forward"
    MERGE = "merge"
    INVALID = "invalid"
    THANKS = "thanks"
    HANDOFF = "handoff"
    # the units' steps
    ACCEPT = "accept"
    CONTACT = "contact"
    ON_SCENE = "on_scene"
    PROGRESS = "progress"
    REPLY = "reply"
    RETURN = "return"
    REQUEST_EXTENSION = "request_extension"
    # the centre
    APPROVE_EXTENSION = "approve_extension"
    GRANT_EXTENSION = "grant_extension"  # the centre extends a limit with no request
    REFUSE_EXTENSION = "refuse_extension"
    REVIEW_ACCEPT = "review_accept"
    SEND_BACK = "send_back"
    ACCEPT_RETURN = "accept_return"
    REFUSE_RETURN = "refuse_return"
    REDISPATCH = "redispatch"
    CALLBACK = "callback"
    CALLBACK_UNREACHED = "callback_unreached"
    REOPEN = "reopen"
    ARCHIVE = "archive"
    REMIND = "remind"
    SUPERVISE = "supervise"
    ESCALATE = "escalate"


#: what an action needs from the person: text (a reason, the answer, the reply), unit
#: (the destination), into (a case number), until (a new deadline), satisfaction
TEXT = "text"
UNIT = "unit"
INTO = "into"
UNTIL = "until"
VERDICT = "satisfaction"

#: SLA effects: recompute the deadlines from the history (every action that writes a
#: clock event or a pause/extension), start a new round, open the callback, stop clocks
RECOMPUTE = "recompute"
NEW_ROUND = "new_round"
OPEN_CALLBACK = "open_callback"
STOP = "stop"

# facts the guards read (``Facts``); an action refused by a guard names the fact
CONSULTATION_ONLY = "consultation_only"
DEMAND_ONLY = "demand_only"
THANKS_ONLY = "thanks_only"
CALLBACK_DUE_NOW = "callback_due"
NO_CALLBACK_DUE = "no_callback_due"
PENDING_EXTENSION = "pending_extension"
ASSIST_STATE = "assist_state"


@dataclass(frozen=True)
class Rule:
    action: str
    statuses: frozenset[str]
    by: frozenset[str]
    to: str | None  # None: the status does not change
    events: tuple[str, ...]
    needs: frozenset[str] = frozenset()
    sla: frozenset[str] = frozenset({RECOMPUTE})
    guard: str | None = None
    alt: str | None = None  # the other outcome (see ``outcome``)
    key: str = ""  # the keyboard shortcut of the case view's action bar


def _r(
    action: Action,
    statuses: Iterable[str],
    by: Iterable[str],
    to: str | None,
    events: Iterable[str],
    *,
    needs: Iterable[str] = (),
    sla: Iterable[str] = (RECOMPUTE,),
    guard: str | None = None,
    alt: str | None = None,
    key: str = "",
) -> Rule:
    return Rule(
        action.value,
        frozenset(str(s) for s in statuses),
        frozenset(by),
        None if to is None else str(to),
        tuple(str(e) for e in events),
        frozenset(needs),
        frozenset(sla),
        guard,
        None if alt is None else str(alt),
        key,
    )


S = Status
E = EventKind
A = Action
WORKING = (S.ACCEPTED, S.IN_PROGRESS)
WITH_UNITS: frozenset[str] = frozenset({S.DISPATCHED, *WORKING})

RULES: tuple[Rule, ...] = (
    # triage
    _r(A.DISPATCH, [S.RECEIVED], CENTRE, S.DISPATCHED, [E.DISPATCHED], needs=[UNIT],
       guard=DEMAND_ONLY, key="Ctrl+D"),
    _r(A.ANSWER_CLOSE, [S.RECEIVED], CENTRE, S.CLOSED, [E.CLOSED_DIRECTLY], needs=[TEXT],
       sla=[RECOMPUTE, OPEN_CALLBACK], key="Ctrl+E"),
    _r(A.FORWARD, [S.RECEIVED], CENTRE, S.DISPATCHED, [E.FORWARDED], needs=[UNIT],
       guard=CONSULTATION_ONLY, key="Ctrl+F"),
    _r(A.MERGE, [S.RECEIVED], CENTRE, S.MERGED, [E.MERGED], needs=[INTO], sla=[STOP],
       key="Ctrl+M"),
    _r(A.INVALID, [S.RECEIVED], CENTRE, S.INVALID, [E.INVALIDATED], needs=[TEXT], sla=[STOP],
       key="Ctrl+I"),
    _r(A.THANKS, [S.RECEIVED], CENTRE, S.CLOSED, [E.PRAISED], needs=[UNIT], guard=THANKS_ONLY,
       key="Ctrl+T"),
    _r(A.HANDOFF, [S.RECEIVED], CENTRE, S.CLOSED, [E.HANDED_OFF], needs=[TEXT], key="Ctrl+H"),
    # the lead unit
    _r(A.ACCEPT, [S.DISPATCHED], [LEAD], S.ACCEPTED, [E.ACCEPTED], key="Alt+A"),
    _r(A.CONTACT, WORKING, [LEAD], S.IN_PROGRESS, [E.CONTACTED], key="Alt+C"),
    _r(A.ON_SCENE, WORKING, [LEAD], S.IN_PROGRESS, [E.ON_SCENE], key="Alt+S"),
    _r(A.PROGRESS, WORKING, [LEAD], S.IN_PROGRESS, [E.PROGRESS], needs=[TEXT], key="Alt+P"),
    _r(A.REPLY, WORKING, [LEAD], S.REPLIED, [E.REPLIED], needs=[TEXT], key="Alt+R"),
    _r(A.RETURN, [S.DISPATCHED, *WORKING], [LEAD], S.RETURNED, [E.RETURNED], needs=[TEXT],
       key="Alt+T"),
    _r(A.REQUEST_EXTENSION, WORKING, [LEAD], None, [E.EXTENSION_REQUESTED],
       needs=[TEXT, UNTIL], key="Alt+X"),
    # assisting units: their own state (ASSIST_STEPS), the case's status stays
    *(
        _r(a, WITH_UNITS, [ASSIST], None, [k], needs=n, sla=(), guard=ASSIST_STATE)
        for a, k, n in (
            (A.ACCEPT, E.ACCEPTED, ()),
            (A.CONTACT, E.CONTACTED, ()),
            (A.ON_SCENE, E.ON_SCENE, ()),
            (A.PROGRESS, E.PROGRESS, (TEXT,)),
            (A.REPLY, E.REPLIED, (TEXT,)),
        )
    ),
    # the centre
    _r(A.APPROVE_EXTENSION, WITH_UNITS, CENTRE, None, [E.EXTENSION_APPROVED],
       guard=PENDING_EXTENSION, key="Ctrl+Shift+Y"),
    _r(A.REFUSE_EXTENSION, WITH_UNITS, CENTRE, None, [E.EXTENSION_REFUSED],
       guard=PENDING_EXTENSION, key="Ctrl+Shift+N"),
    _r(A.GRANT_EXTENSION, [S.RECEIVED, *WITH_UNITS, S.RETURNED], CENTRE, None,
       [E.EXTENSION_APPROVED], needs=[UNTIL], key="Ctrl+Shift+G"),
    _r(A.REVIEW_ACCEPT, [S.REPLIED], CENTRE, S.CLOSED, [E.CLOSED],
       sla=[RECOMPUTE, OPEN_CALLBACK], key="Ctrl+Shift+A"),
    _r(A.SEND_BACK, [S.REPLIED], CENTRE, S.IN_PROGRESS, [E.SENT_BACK], needs=[TEXT],
       key="Ctrl+Shift+B"),
    _r(A.ACCEPT_RETURN, [S.RETURNED], CENTRE, S.RECEIVED, [E.RETURN_ACCEPTED],
       key="Ctrl+Shift+R"),
    _r(A.REFUSE_RETURN, [S.RETURNED], CENTRE, S.DISPATCHED, [E.RETURN_REFUSED], needs=[TEXT],
       alt=S.IN_PROGRESS, key="Ctrl+Shift+F"),
    _r(A.REDISPATCH, [S.RETURNED], CENTRE, S.DISPATCHED, [E.RETURN_ACCEPTED, E.DISPATCHED],
       needs=[UNIT], key="Ctrl+Shift+D"),
    _r(A.CALLBACK, [S.CLOSED], CENTRE, S.VISITED, [E.VISITED], needs=[VERDICT],
       guard=CALLBACK_DUE_NOW, key="Ctrl+Shift+V"),
    _r(A.CALLBACK_UNREACHED, [S.CLOSED], CENTRE, None, [E.CALLBACK_ATTEMPT],
       guard=CALLBACK_DUE_NOW, alt=S.VISITED, key="Ctrl+Shift+U"),
    _r(A.REOPEN, [S.CLOSED, S.VISITED], CENTRE, S.DISPATCHED, [E.REOPENED, E.DISPATCHED],
       needs=[TEXT], sla=[RECOMPUTE, NEW_ROUND], alt=S.RECEIVED, key="Ctrl+Shift+O"),
    _r(A.REOPEN, [S.INVALID], SUPERVISORS, S.RECEIVED, [E.REOPENED], needs=[TEXT],
       sla=[RECOMPUTE, NEW_ROUND], key="Ctrl+Shift+O"),
    _r(A.ARCHIVE, [S.CLOSED], CENTRE, S.ARCHIVED, [E.ARCHIVED], sla=[STOP],
       guard=NO_CALLBACK_DUE, key="Ctrl+Shift+K"),
    _r(A.ARCHIVE, [S.VISITED, S.INVALID, S.MERGED], CENTRE, S.ARCHIVED, [E.ARCHIVED],
       sla=[STOP], key="Ctrl+Shift+K"),
    _r(A.REMIND, WITH_UNITS, SUPERVISORS, None, [E.REMINDED], sla=(), key="Ctrl+Shift+T"),
    _r(A.SUPERVISE, WITH_UNITS, SUPERVISORS, None, [E.SUPERVISED], needs=[TEXT], sla=(),
       key="Ctrl+Shift+S"),
    _r(A.ESCALATE, [S.RECEIVED, *WITH_UNITS, S.REPLIED, S.RETURNED], CENTRE, None,
       [E.ESCALATED], needs=[TEXT], sla=(), key="Ctrl+Shift+E"),
)  # fmt: skip

ALL_STATUSES: tuple[str, ...] = tuple(s.value for s in Status)
#: statuses no action leaves: the record is read-only
FINAL: frozenset[str] = frozenset({S.ARCHIVED})
ACTIONS: tuple[str, ...] = tuple(a.value for a in Action)


@dataclass(frozen=True)
class Facts:
    """What the guards need to know about a case beyond its status."""

    case_type: str = CaseType.DEMAND
    sub_type: str = ""
    callback_due: bool = False  # a closed demand whose callback is not done
    pending_extension: bool = False
    assist_state: str | None = None  # the acting assisting unit's own state
    callback_attempts_left: int = CALLBACK_MAX_ATTEMPTS
    unit_had_accepted: bool = False  # the returning unit had acknowledged the case
    has_unit: bool = True  # a unit to reopen the case to


def _guard_ok(rule: Rule, status: str, facts: Facts) -> bool:
    g = rule.guard
    if g is None:
        return True
    if g == CONSULTATION_ONLY:
        return facts.case_type == CaseType.CONSULTATION
    if g == DEMAND_ONLY:
        return facts.case_type == CaseType.DEMAND
    if g == THANKS_ONLY:
        return facts.sub_type == SubType.THANKS
    if g == CALLBACK_DUE_NOW:
        return facts.callback_due
    if g == NO_CALLBACK_DUE:
        return not facts.callback_due
    if g == PENDING_EXTENSION:
        return facts.pending_extension
    if g == ASSIST_STATE:
        state = facts.assist_state or ASSIST_DISPATCHED
        return _assist_event(rule) in ASSIST_STEPS.get(state, {})
    raise ValueError(g)


#: why a guard said no; literal messages, so that the translation catalogue has them
_GUARD_REFUSALS: dict[str, Callable[[], Refused]] = {
    CONSULTATION_ONLY: lambda: Refused(
        "Only a consultation is forwarded for an answer.", code="consultation_only"
    ),
    DEMAND_ONLY: lambda: Refused(
        "Only a demand is dispatched: forward a consultation.", code="demand_only"
    ),
    THANKS_ONLY: lambda: Refused(
        "Only thanks or praise is recorded for a unit this way.", code="thanks_only"
    ),
    CALLBACK_DUE_NOW: lambda: Refused("This case is not due a callback.", code="not_due"),
    NO_CALLBACK_DUE: lambda: Refused(
        "The callback is still due: call the citizen first.", code="callback_due"
    ),
    PENDING_EXTENSION: lambda: Refused(
        "No extension request awaits a decision.", code="nothing_pending"
    ),
    ASSIST_STATE: lambda: Refused(
        "This step is not possible for the assisting unit now.", code="not_allowed"
    ),
}


def _assist_event(rule: Rule) -> str:
    return rule.events[0]


@dataclass(frozen=True)
class Decision:
    rule: Rule
    to: str  # the status after (the same when unchanged)

    @property
    def events(self) -> tuple[str, ...]:
        return self.rule.events

    @property
    def sla(self) -> frozenset[str]:
        return self.rule.sla


def outcome(rule: Rule, status: str, facts: Facts) -> str:
    """The status after ``rule``: its ``to``, or its alternative when the facts say so
    (the last unanswered callback; a refused return to a unit that had acknowledged; a
    reopening with no unit to send the case to)."""
    if rule.alt is not None:
        if rule.action == A.CALLBACK_UNREACHED and facts.callback_attempts_left <= 1:
            return rule.alt
        if rule.action == A.REFUSE_RETURN and facts.unit_had_accepted:
            return rule.alt
        if rule.action == A.REOPEN and not facts.has_unit:
            return rule.alt
    return status if rule.to is None else rule.to


def decide(action: str, status: str, parties: Iterable[str], facts: Facts = Facts()) -> Decision:
    """The one answer to "may these parties do ``action`` now, and what does it do?".
    Refused (with a code) when the action is unknown, not allowed in this status, not
    allowed for these parties, or its guard fails."""
    if action not in ACTIONS:
        raise Refused("Unknown action {action}.", code="unknown_action", action=action)
    who = set(parties)
    ever = [r for r in RULES if r.action == action and r.by & who]
    if not ever:
        raise Refused("Your role does not allow {action}.", code="forbidden", action=action)
    mine = [r for r in ever if status in r.statuses]
    if not mine:
        raise Refused(
            "{action} is not allowed while the case is {status}.",
            code="not_allowed",
            action=action,
            status=status,
        )
    for r in mine:
        if _guard_ok(r, status, facts):
            return Decision(r, outcome(r, status, facts))
    raise _GUARD_REFUSALS[mine[0].guard or ""]()


def available(status: str, parties: Iterable[str], facts: Facts = Facts()) -> tuple[Rule, ...]:
    """The actions these parties may take now, in the table's order, one per action."""
    who = set(parties)
    seen: set[str] = set()
    out: list[Rule] = []
    for r in RULES:
        if r.action in seen or status not in r.statuses or not (r.by & who):
            continue
        if _guard_ok(r, status, facts):
            seen.add(r.action)
            out.append(r)
    return tuple(out)


def need(rule: Rule, *, text: str = "", unit: object = None, into: object = None,
         until: object = None, satisfaction: object = None) -> None:  # fmt: skip
    """Refuse an action missing what it needs."""
    if TEXT in rule.needs and not text.strip():
        raise Refused("{action} needs a reason or text.", code="reason_required",
                      action=rule.action)  # fmt: skip
    for name, value in ((UNIT, unit), (INTO, into), (UNTIL, until), (VERDICT, satisfaction)):
        if name in rule.needs and value in (None, ""):
            raise Refused("{action} needs --{name}.", code=f"{name}_required",
                          action=rule.action, name=name)  # fmt: skip


def successors(status: str) -> set[str]:
    """Every status some action can lead to from ``status`` (for the walk test)."""
    out: set[str] = set()
    for r in RULES:
        if status in r.statuses:
            out.add(status if r.to is None else r.to)
            if r.alt is not None:
                out.add(r.alt)
    return out


# --- the units' steps, as events (the inbox and the unit service speak event kinds) ----
#: event kind of a unit step → its action
STEP_ACTION: dict[str, str] = {
    E.ACCEPTED: A.ACCEPT,
    E.CONTACTED: A.CONTACT,
    E.ON_SCENE: A.ON_SCENE,
    E.PROGRESS: A.PROGRESS,
    E.REPLIED: A.REPLY,
    E.RETURNED: A.RETURN,
    E.EXTENSION_REQUESTED: A.REQUEST_EXTENSION,
}
UNIT_STEPS: tuple[str, ...] = tuple(STEP_ACTION)
#: steps that need a text (reason, reply, progress note)
TEXT_REQUIRED: frozenset[str] = frozenset(
    k for k, a in STEP_ACTION.items() if any(TEXT in r.needs for r in RULES if r.action == a)
)

#: assisting unit: its own state → {step: state after}; "dispatched" = not yet accepted
ASSIST_DISPATCHED = "dispatched"
ASSIST_ACCEPTED = "accepted"
ASSIST_WORKING = "in_progress"
ASSIST_REPLIED = "replied"
ASSIST_STEPS: dict[str, dict[str, str]] = {
    ASSIST_DISPATCHED: {E.ACCEPTED: ASSIST_ACCEPTED},
    **{
        s: {
            E.CONTACTED: ASSIST_WORKING,
            E.ON_SCENE: ASSIST_WORKING,
            E.PROGRESS: ASSIST_WORKING,
            E.REPLIED: ASSIST_REPLIED,
        }
        for s in (ASSIST_ACCEPTED, ASSIST_WORKING)
    },
}


def lead_step(status: str, step: str) -> str:
    """The case's status after the lead unit's ``step`` (an event kind)."""
    action = STEP_ACTION.get(step)
    if action is None:
        raise Refused("Unknown step {step}.", code="unknown_step", step=step)
    return decide(action, status, [LEAD]).to


def assist_step(case_status: str, state: str, step: str) -> str:
    """An assisting unit's own state after ``step``; only while the case is with units."""
    action = STEP_ACTION.get(step)
    if action is None:
        raise Refused("Unknown step {step}.", code="unknown_step", step=step)
    decide(action, case_status, [ASSIST], Facts(assist_state=state))
    return ASSIST_STEPS[state][step]


def allowed_lead_steps(status: str) -> tuple[str, ...]:
    actions = {r.action for r in available(status, [LEAD])}
    return tuple(k for k, a in STEP_ACTION.items() if a in actions)


def allowed_assist_steps(case_status: str, state: str) -> tuple[str, ...]:
    actions = {r.action for r in available(case_status, [ASSIST], Facts(assist_state=state))}
    return tuple(k for k, a in STEP_ACTION.items() if a in actions)


def need_text(step: str, text: str) -> None:
    if step in TEXT_REQUIRED and not text.strip():
        raise Refused("{action} needs a reason or text.", code="reason_required", action=step)
