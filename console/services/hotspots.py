"""Hotspot groups over the database: the cases of a window and of the window before,
their keywords (extracted once per case and kept in ``case_keywords``), the grouping of
``console.domain.hotspots`` and the supervisors' verdicts (``hotspot_reviews``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from console.domain.clock import now_utc
from console.domain.hotspots import Hotspot, HotspotCase, group, is_keyword, place_words
from console.domain.identity import Identity
from console.infra import segment
from console.models import Case, CaseKeywords, HotspotReview, MatterCategory, Region

REVIEW_STATUSES = ("confirmed", "dismissed")


def keywords(text: str, top_k: int = 6) -> list[str]:
    """The case's keywords (blocking: jieba; call off the GUI thread)."""
    segment.warm_up()
    import jieba.analyse

    out: list[str] = []
    for w in jieba.analyse.extract_tags(text, topK=top_k * 2):
        w = w.strip()
        if not is_keyword(w):
            continue
        out.append(w)
        if len(out) == top_k:
            break
    return out


@dataclass(frozen=True)
class HotspotResult:
    start: datetime
    end: datetime
    groups: tuple[Hotspot, ...]
    cases: int  # cases in the window
    extracted: int  # keywords extracted during this build (0 when all were cached)


def _insert_keywords(s: Session, rows: list[dict[str, object]]) -> None:
    if not rows:
        return
    dialect = s.get_bind().dialect.name
    ins = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = ins(CaseKeywords).on_conflict_do_nothing(index_elements=["case_id"])
    s.execute(stmt, rows)


def load_cases(
    sessions: sessionmaker[Session], start: datetime, end: datetime
) -> tuple[list[tuple[datetime, HotspotCase]], int]:
    """The window's cases as HotspotCase (with their receipt time); keywords missing
    from the cache are extracted and stored. Returns (cases, extracted).

    The read is one short transaction; extraction (jieba, ~2 ms a case) runs outside any
    transaction, and its results are stored in short transactions of 1,000 rows, so a
    first build over thousands of cases never holds a transaction open (the central
    database ends transactions left idle)."""
    q = (
        select(
            Case.id, Case.created_at, Case.town_id, Case.district_id, Case.category_id,
            Case.urgency, Case.sub_type, Case.caller_phone, CaseKeywords.words,
        )
        .outerjoin(CaseKeywords, CaseKeywords.case_id == Case.id)
        .where(Case.created_at >= start, Case.created_at < end)
    )  # fmt: skip
    with sessions() as s:
        regions = {k: v for k, v in s.execute(select(Region.id, Region.name))}
        categories = {k: v for k, v in s.execute(select(MatterCategory.id, MatterCategory.name))}
        rows: list[Any] = [tuple(r) for r in s.execute(q)]
        # the texts only of the cases not seen before (the cache has the others' words)
        need = [r[0] for r in rows if r[-1] is None]
        texts: dict[int, str] = {}
        for i in range(0, len(need), 5000):
            for cid, title, desc in s.execute(
                select(Case.id, Case.title, func.substr(Case.description, 1, 400)).where(
                    Case.id.in_(need[i : i + 5000])
                )
            ):
                texts[cid] = f"{title}\n{desc or ''}"
    # applied on reading, so that cached keywords follow the place list too
    places = place_words(regions.values())
    out: list[tuple[datetime, HotspotCase]] = []
    missing: list[dict[str, object]] = []
    extracted = 0

    def store() -> None:
        with sessions() as s, s.begin():
            _insert_keywords(s, missing)
        missing.clear()

    memo: dict[str, tuple[str, ...]] = {}

    def kept(words: str) -> tuple[str, ...]:
        """The cached words still counted as keywords (memoised: texts repeat)."""
        out = memo.get(words)
        if out is None:
            out = tuple(w for w in words.split() if w not in places and is_keyword(w))
            memo[words] = out
        return out

    for cid, at, town, district, cat, urg, sub, phone, words in rows:
        if words is None:
            words = " ".join(keywords(texts.get(cid, "")))[:200]
            missing.append({"case_id": cid, "words": words, "extracted_at": now_utc()})
            extracted += 1
            if len(missing) >= 1000:
                store()
        place_id = town or district
        place = f"r{place_id}" if place_id else "city"
        out.append(
            (
                at,
                HotspotCase(
                    id=cid,
                    place=place,
                    place_label=regions.get(place_id, "全市") if place_id else "全市",
                    category=str(cat) if cat else None,
                    category_label=categories.get(cat, "") if cat else "",
                    words=kept(words),
                    urgent=urg == "urgent",
                    complaint=sub == "complaint",
                    phone=phone or "",
                ),
            )
        )
    if missing:
        store()
    return out, extracted


class HotspotService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def build(
        self,
        end: datetime | None = None,
        days: int = 7,
        *,
        min_count: int = 3,
        include_dismissed: bool = False,
        limit: int | None = 500,
    ) -> HotspotResult:
        """Groups of the ``days`` before ``end`` against the ``days`` before those."""
        end = end or now_utc()
        start = end - timedelta(days=days)
        rows, extracted = load_cases(self.sessions, start - timedelta(days=days), end)
        current = [c for at, c in rows if at >= start]
        previous = [c for at, c in rows if at < start]
        groups = group(current, previous, min_count=min_count, limit=limit)
        keys = [g.key for g in groups]
        reviews: dict[str, tuple[str, str]] = {}
        with self.sessions() as s:
            for i in range(0, len(keys), 500):
                q = select(
                    HotspotReview.key, HotspotReview.status, HotspotReview.reviewed_by_name
                ).where(HotspotReview.key.in_(keys[i : i + 500]))
                for key, status, name in s.execute(q):
                    reviews[key] = (status, name)
        out: list[Hotspot] = []
        for g in groups:
            if g.key in reviews:
                status, name = reviews[g.key]
                g = replace(g, review=status, reviewed_by=name)
            if g.review == "dismissed" and not include_dismissed:
                continue
            out.append(g)
        return HotspotResult(start, end, tuple(out), len(current), extracted)

    def review(self, key: str, status: str, who: Identity, label: str = "", note: str = "") -> None:
        """A supervisor confirms or dismisses a group (stored by the group's key)."""
        if status not in REVIEW_STATUSES:
            raise ValueError(f"unknown hotspot verdict {status!r}")
        if not who.is_supervisor:
            raise PermissionError("only supervisors and administrators review hotspots")
        with self.sessions() as s, s.begin():
            r = s.get(HotspotReview, key)
            if r is None:
                r = HotspotReview(key=key)
                s.add(r)
            r.status = status
            r.label = label[:120]
            r.note = note[:400]
            r.reviewed_by_id = who.agent_id
            r.reviewed_by_name = who.display_name
            r.reviewed_at = now_utc()

    def clear_review(self, key: str, who: Identity) -> None:
        if not who.is_supervisor:
            raise PermissionError("only supervisors and administrators review hotspots")
        with self.sessions() as s, s.begin():
            r = s.get(HotspotReview, key)
            if r is not None:
                s.delete(r)

    def reviews(self) -> dict[str, str]:
        with self.sessions() as s:
            return {k: v for k, v in s.execute(select(HotspotReview.key, HotspotReview.status))}


def case_ids_of(groups: Sequence[Hotspot]) -> list[int]:
    return sorted({i for g in groups for i in g.case_ids})
