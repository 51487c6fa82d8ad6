"""Possible duplicates: open cases of the last days about the same thing and place.

Candidates are the open cases created in the last ``days`` days with the same matter
category, or in the same town (else district); partial indexes over open cases keep
this a few hundred rows even on millions of cases. Each is scored on: same category,
address (same text, or the same road/community name: "nearby"), and similar
description (character-bigram Dice, robust for Chinese without segmentation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import OPEN_STATUS_VALUES, Status
from console.domain.clock import now_utc
from console.domain.identity import Identity
from console.infra.segment import similarity
from console.models import Case, CaseEvent, CaseLink
from console.services.errors import NotFound

RECENT_DAYS = 7
CANDIDATES = 400
SAME_ISSUE = "same_issue"
MIN_SCORE = 0.45

_NUMBER_TAIL = re.compile(r"[\d０-９一二三四五六七八九十百零〇]+[号弄栋座幢楼室].*$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class DuplicateQuery:
    category_id: int | None
    district_id: int | None
    town_id: int | None
    address: str
    description: str
    exclude_case_id: int | None = None


@dataclass(frozen=True)
class Candidate:
    id: int
    number: str
    status: str
    created_at: datetime
    address: str
    title: str
    score: float
    reasons: tuple[str, ...]  # "category", "address", "nearby", "text"


def normalize_address(address: str) -> str:
    return _SPACES.sub("", address).replace("（", "(").replace("）", ")").lower()


def address_stem(address: str) -> str:
    """The road or community part of an address ("南海大道北38号" → "南海大道北")."""
    return _NUMBER_TAIL.sub("", normalize_address(address))


def score_candidate(
    q: DuplicateQuery, category_id: int | None, address: str, text: str
) -> tuple[float, tuple[str, ...]]:
    reasons: list[str] = []
    score = 0.0
    if q.category_id is not None and category_id == q.category_id:
        score += 0.35
        reasons.append("category")
    qa, ca = normalize_address(q.address), normalize_address(address)
    if qa and ca:
        if qa == ca:
            score += 0.35
            reasons.append("address")
        else:
            stem_q, stem_c = address_stem(q.address), address_stem(address)
            if len(stem_q) >= 2 and stem_q == stem_c:
                score += 0.25
                reasons.append("nearby")
    sim = similarity(q.description, text) if q.description.strip() else 0.0
    if sim >= 0.2:
        score += 0.4 * min(1.0, sim / 0.6)
        reasons.append("text")
    return round(score, 3), tuple(reasons)


class DuplicateService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def suggest(
        self,
        q: DuplicateQuery,
        *,
        now: datetime | None = None,
        days: int = RECENT_DAYS,
        limit: int = 5,
    ) -> list[Candidate]:
        """The open cases most likely about the same issue, best first."""
        place = []
        if q.category_id is not None:
            place.append(Case.category_id == q.category_id)
        if q.town_id is not None:
            place.append(Case.town_id == q.town_id)
        elif q.district_id is not None:
            place.append(Case.district_id == q.district_id)
        if not place or not (q.description.strip() or q.address.strip()):
            return []
        since = (now or now_utc()) - timedelta(days=days)
        with self._sessions() as s:
            rows = s.execute(
                select(
                    Case.id,
                    Case.number,
                    Case.status,
                    Case.created_at,
                    Case.address,
                    Case.title,
                    Case.description,
                    Case.category_id,
                )
                .where(
                    and_(
                        Case.status.in_(OPEN_STATUS_VALUES),
                        Case.created_at >= since,
                        or_(*place),
                    )
                )
                .order_by(Case.created_at.desc())
                .limit(CANDIDATES)
            ).all()
        out: list[Candidate] = []
        for cid, number, status, created, address, title, text, category_id in rows:
            if cid == q.exclude_case_id:
                continue
            score, reasons = score_candidate(q, category_id, address, text[:1000])
            # the same category alone is no duplicate: it needs the place or the words
            if score >= MIN_SCORE and reasons != ("category",):
                out.append(Candidate(cid, number, status, created, address, title, score, reasons))
        out.sort(key=lambda c: (-c.score, -c.created_at.timestamp()))
        return out[:limit]


def link_same_issue(
    session: Session, case: Case, master_id: int, who: Identity, station: str
) -> None:
    """Inside the transaction that saves ``case``: record it as the same issue as the
    open case ``master_id`` and close it there, so the issue is dispatched once (the
    link counts the extra report for hotspots)."""
    master = session.get(Case, master_id)
    if master is None:
        raise NotFound(f"case #{master_id}")
    session.add(
        CaseLink(
            case_id=case.id, linked_case_id=master.id, kind=SAME_ISSUE, created_by_id=who.agent_id
        )
    )
    if case.status == Status.RECEIVED:
        at = case.created_at
        case.status = Status.CLOSED
        case.closed_at = at
        session.add(
            CaseEvent(
                case_id=case.id,
                kind="closed",
                at=at,
                actor_id=who.agent_id,
                actor_name=who.display_name,
                station=station,
                detail={"merged_into": master.id, "number": master.number, "link": SAME_ISSUE},
            )
        )
    session.add(
        CaseEvent(
            case_id=master.id,
            kind="note",
            at=case.created_at,
            actor_id=who.agent_id,
            actor_name=who.display_name,
            station=station,
            detail={"note": SAME_ISSUE, "case_id": case.id, "number": case.number},
        )
    )
