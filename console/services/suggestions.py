"""Suggestions learned from the centre's history, for the intake form, imports and the
command line: the model's category, class, unit and urgency, with the routing rules
winning over the model's unit wherever a rule with a unit matches the suggested category
(and the case's district). Each suggestion says which source gave its unit.

History is what a person confirmed: a case's category once the case left the agent's
hands (dispatched, closed, …) or when it came with the message in a web channel's export
(the 一级分类 column); a case's unit only once that unit accepted it, so a case a unit
returned (退单) teaches the unit that finally took it, never the one that sent it back.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session, aliased, sessionmaker

from console.domain.casetypes import Status
from console.domain.clock import now_utc
from console.domain.reference import category_ancestors
from console.learning.features import Example, display, example_tokens, tokens
from console.learning.model import Prediction, Ranked, score
from console.learning.store import ModelStore
from console.learning.training import TrainOutcome, train_and_promote
from console.models import (
    BusinessClass,
    Case,
    CaseSuggestion,
    Channel,
    HandlingUnit,
    MatterCategory,
    Region,
    SuggestionFeedback,
)
from console.services.routing import Rule, _rules, best_rule

if TYPE_CHECKING:
    from console.domain.identity import Identity
    from console.services.case_edit import CaseEditService, EditableCase

log = logging.getLogger("console.learning")

#: a case's unit is confirmed once that unit accepted it
UNIT_CONFIRMED = (
    Status.ACCEPTED,
    Status.IN_PROGRESS,
    Status.REPLIED,
    Status.CLOSED,
    Status.VISITED,
)
RULES_TTL_S = 60.0
#: the cases the background worker stores suggestions for: waiting to be triaged
STORED_FOR = (Status.RECEIVED,)
#: one background worker at a time on PostgreSQL (pg_try_advisory_xact_lock)
BACKFILL_LOCK = 0x5E6612


@dataclass(frozen=True)
class SuggestedItem:
    category: str  # "一级 / 二级 / 三级"
    category_path: str  # "一级/二级/三级" as matter_categories.path
    category_id: int | None
    class_code: str
    class_name: str
    unit: str
    unit_id: int | None
    unit_source: str  # "rule" | "model"
    urgency: str
    confidence: float

    def as_record(self) -> dict[str, object]:
        """Every field, for ``case_suggestions.items``."""
        return {
            "category": self.category,
            "category_path": self.category_path,
            "category_id": self.category_id,
            "class_code": self.class_code,
            "class_name": self.class_name,
            "unit": self.unit,
            "unit_id": self.unit_id,
            "unit_source": self.unit_source,
            "urgency": self.urgency,
            "confidence": round(self.confidence, 4),
        }

    @classmethod
    def from_record(cls, d: dict[str, Any]) -> SuggestedItem:
        return cls(
            category=str(d.get("category") or ""),
            category_path=str(d.get("category_path") or ""),
            category_id=d.get("category_id"),
            class_code=str(d.get("class_code") or ""),
            class_name=str(d.get("class_name") or ""),
            unit=str(d.get("unit") or ""),
            unit_id=d.get("unit_id"),
            unit_source=str(d.get("unit_source") or "model"),
            urgency=str(d.get("urgency") or ""),
            confidence=float(d.get("confidence") or 0.0),
        )

    def as_json(self) -> dict[str, object]:
        return {
            "category": self.category,
            "class": self.class_name or self.class_code,
            "class_code": self.class_code,
            "unit": self.unit,
            "unit_source": self.unit_source,
            "urgency": self.urgency,
            "confidence": round(self.confidence, 4),
        }


@dataclass(frozen=True)
class SuggestionResult:
    text: str
    items: tuple[SuggestedItem, ...]  # best first
    classes: Ranked
    units: Ranked
    urgency: Ranked
    model_version: int


@dataclass(frozen=True)
class StoredSuggestions:
    """The suggestions stored for a case (computed in the background when it arrived)."""

    case_id: int
    items: tuple[SuggestedItem, ...]  # best first
    model_version: int
    at: datetime

    def result(self, text: str = "") -> SuggestionResult:
        return SuggestionResult(text, self.items, (), (), (), self.model_version)


@dataclass(frozen=True)
class QualityFigures:
    model_version: int
    trained_at: float
    examples: int
    held_back: dict[str, float]  # measured when the model was trained
    recent: dict[str, float]  # on cases confirmed since the model was trained
    recent_days: int
    shown: int  # cases saved while suggestions were shown (in recent_days)
    accepted: int
    accepted_first: int

    @property
    def acceptance(self) -> float:
        return self.accepted / self.shown if self.shown else 0.0


@dataclass(frozen=True)
class _Reference:
    """What turning a prediction into suggestions needs, cached for RULES_TTL_S."""

    loaded: float
    category_ids: dict[str, int]
    parents: dict[int, tuple[int | None, int]]  # id -> (parent, level)
    rules: tuple[Rule, ...]
    unit_ids: dict[str, int]
    unit_names: dict[int, str]
    class_names: dict[str, str]
    region_names: dict[int, str]


class SuggestionService:
    def __init__(self, sessions: sessionmaker[Session], store: ModelStore) -> None:
        self._sessions = sessions
        self.store = store
        self._ref: _Reference | None = None
        self._ref_lock = threading.Lock()
        self._train_lock = threading.Lock()

    # --- history ----------------------------------------------------------------------
    def history(self, since_id: int = 0) -> list[Example]:
        """Confirmed cases, oldest first (see the module docstring)."""
        unit_ok = Case.status.in_([s.value for s in UNIT_CONFIRMED])
        category_ok = Case.category_id.is_not(None) & (
            (Case.status != Status.RECEIVED.value) | (Channel.kind == "web")
        )
        district, town = aliased(Region), aliased(Region)
        q = (
            select(
                Case.title,
                Case.description,
                MatterCategory.path,
                Case.class_code,
                HandlingUnit.name,
                Case.urgency,
                category_ok.label("category_ok"),
                unit_ok.label("unit_ok"),
                district.name,
                town.name,
            )
            .join(Channel, Channel.code == Case.channel_code)
            .outerjoin(MatterCategory, MatterCategory.id == Case.category_id)
            .outerjoin(HandlingUnit, HandlingUnit.id == Case.unit_id)
            .outerjoin(district, district.id == Case.district_id)
            .outerjoin(town, town.id == Case.town_id)
            .where(or_(category_ok, Case.unit_id.is_not(None) & unit_ok), Case.id > since_id)
            .order_by(Case.created_at, Case.id)
        )
        out: list[Example] = []
        with self._sessions() as s:
            rows = s.execute(q.execution_options(yield_per=10_000))
            for title, desc, path, class_code, unit, urgency, cat_ok, u_ok, dname, tname in rows:
                out.append(
                    Example(
                        text=_text(title, desc),
                        category=(path or "") if cat_ok else "",
                        class_code=(class_code or "") if cat_ok else "",
                        unit=(unit or "") if u_ok else "",
                        urgency=urgency or "",
                        place=_place(dname, tname),
                    )
                )
        return out

    def taxonomy(self) -> list[str]:
        with self._sessions() as s:
            return list(s.scalars(select(MatterCategory.path).order_by(MatterCategory.id)))

    def train(self) -> TrainOutcome:
        """Train on the whole history; the new model replaces the one in use only if it
        is no worse on the most recent cases (blocking: minutes on a large history)."""
        with self._train_lock:
            return train_and_promote(self.history(), self.taxonomy(), self.store)

    def refresh_model(self) -> int:
        """Load a newer model of the centre if there is one (the background timer);
        the version in use afterwards."""
        refresh = getattr(self.store, "refresh", None)
        model = refresh() if refresh is not None else self.store.current()
        return model.version if model is not None else 0

    def model_age_s(self) -> float | None:
        trained = self.store.info().get("trained_at")
        return time.time() - float(trained) if trained else None

    # --- suggestions ------------------------------------------------------------------
    def _reference(self) -> _Reference:
        with self._ref_lock:
            ref = self._ref
            if ref is not None and time.monotonic() - ref.loaded < RULES_TTL_S:
                return ref
            with self._sessions() as s:
                cats = s.execute(
                    select(
                        MatterCategory.id,
                        MatterCategory.parent_id,
                        MatterCategory.level,
                        MatterCategory.path,
                    )
                ).all()
                units = s.execute(
                    select(HandlingUnit.id, HandlingUnit.name).where(HandlingUnit.active.is_(True))
                ).all()
                classes = s.execute(select(BusinessClass.code, BusinessClass.name)).all()
                regions = s.execute(select(Region.id, Region.name)).all()
                rules = tuple(_rules(s))
            ref = _Reference(
                loaded=time.monotonic(),
                category_ids={p: i for i, _, _, p in cats},
                parents={i: (parent, level) for i, parent, level, _ in cats},
                rules=rules,
                unit_ids={n: i for i, n in units},
                unit_names={i: n for i, n in units},
                class_names=dict(classes),
                region_names=dict(regions),
            )
            self._ref = ref
            return ref

    def suggest(
        self,
        text: str,
        district_id: int | None = None,
        town_id: int | None = None,
        k: int = 3,
    ) -> SuggestionResult | None:
        """Suggestions for a description, in a district and town when known (None: no
        model trained yet, or no text)."""
        return self.suggest_many([text], district_id, town_id, k)[0]

    def suggest_many(
        self,
        texts: Sequence[str],
        district_id: int | None = None,
        town_id: int | None = None,
        k: int = 3,
    ) -> list[SuggestionResult | None]:
        model = self.store.current()
        if model is None:
            return [None] * len(texts)
        ref = self._reference()
        place = _place(
            ref.region_names.get(district_id) if district_id is not None else None,
            ref.region_names.get(town_id) if town_id is not None else None,
        )
        words = [tokens(t, place) for t in texts]
        preds = model.predict_many(words, k)
        return [
            self._result(t, w, p, ref, district_id, model.version)
            for t, w, p in zip(texts, words, preds, strict=True)
        ]

    def _result(
        self,
        text: str,
        words: str,
        p: Prediction,
        ref: _Reference,
        district_id: int | None,
        version: int,
    ) -> SuggestionResult | None:
        if not text.strip():
            return None
        items = []
        for b in p.bundles:
            cid = ref.category_ids.get(b.category)
            unit, unit_id, source = b.unit, ref.unit_ids.get(b.unit), "model"
            ancestors = category_ancestors(cid, ref.parents.get)
            rule = best_rule(ref.rules, ancestors, district_id) if cid else None
            if rule is not None and rule.unit_id is not None and rule.unit_id in ref.unit_names:
                unit, unit_id, source = ref.unit_names[rule.unit_id], rule.unit_id, "rule"
            items.append(
                SuggestedItem(
                    category=display(b.category),
                    category_path=b.category,
                    category_id=cid,
                    class_code=b.class_code,
                    class_name=ref.class_names.get(b.class_code, b.class_code),
                    unit=unit,
                    unit_id=unit_id,
                    unit_source=source,
                    urgency=b.urgency,
                    confidence=b.confidence,
                )
            )
        return SuggestionResult(text, tuple(items), p.classes, p.units, p.urgency, version)

    # --- stored for the cases nobody typed (imported, pushed) ----------------------------
    def backfill(self, limit: int = 200, case_ids: Sequence[int] | None = None) -> int:
        """Store suggestions for up to ``limit`` received cases that have none yet (or
        for ``case_ids``, e.g. an import's new cases); the number stored. Newest first,
        so the cases being triaged now come first. On PostgreSQL only one process works
        at a time (the others return 0 at once); a row another process stored meanwhile
        is kept. Runs in the background: never in a request or on the GUI thread."""
        model = self.store.current()
        if model is None:
            return 0
        district, town = aliased(Region), aliased(Region)
        q = (
            select(Case.id, Case.title, Case.description, Case.district_id, district.name,
                   town.name)
            .outerjoin(CaseSuggestion, CaseSuggestion.case_id == Case.id)
            .outerjoin(district, district.id == Case.district_id)
            .outerjoin(town, town.id == Case.town_id)
            .where(CaseSuggestion.case_id.is_(None))
        )  # fmt: skip
        q = q.where(Case.status.in_([s.value for s in STORED_FOR]))
        if case_ids is not None:
            q = q.where(Case.id.in_(list(case_ids)[:limit]))
        q = q.order_by(Case.id.desc()).limit(limit)
        ref = self._reference()
        with self._sessions() as s, s.begin():
            if s.get_bind().dialect.name == "postgresql" and not s.scalar(
                text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": BACKFILL_LOCK}
            ):
                return 0
            rows = s.execute(q).all()
            if not rows:
                return 0
            texts = [_text(title, desc) for _, title, desc, _, _, _ in rows]
            words = [
                tokens(t, _place(dname, tname))
                for t, (_, _, _, _, dname, tname) in zip(texts, rows, strict=True)
            ]
            preds = model.predict_many(words)
            values = []
            for (cid, _t, _d, district_id, _dn, _tn), t, w, p in zip(
                rows, texts, words, preds, strict=True
            ):
                result = self._result(t, w, p, ref, district_id, model.version)  # "": none
                items = [i.as_record() for i in result.items] if result is not None else []
                values.append(
                    {"case_id": cid, "at": now_utc(), "model_version": model.version,
                     "items": items}
                )  # fmt: skip
            from console.services.sla import _insert

            s.execute(_insert(s)(CaseSuggestion).values(values).on_conflict_do_nothing())
        return len(values)

    def backfill_cases(self, case_ids: Sequence[int], batch: int = 200) -> int:
        """Store suggestions for these cases (an import's new ones), batch by batch."""
        ids = list(case_ids)
        return sum(
            self.backfill(batch, ids[start : start + batch]) for start in range(0, len(ids), batch)
        )

    def stored(self, case_id: int) -> StoredSuggestions | None:
        with self._sessions() as s:
            row = s.get(CaseSuggestion, case_id)
            if row is None:
                return None
            items = tuple(SuggestedItem.from_record(d) for d in row.items or [])
            return StoredSuggestions(case_id, items, row.model_version, row.at)

    def take(
        self,
        case_id: int,
        rank: int,
        who: Identity,
        editor: CaseEditService,
    ) -> EditableCase:
        """Apply stored suggestion ``rank`` (1 = best) to a case: its category, business
        class and urgency (an ``edited`` event, the SLA policy re-chosen if the class
        changed), and record that the agent took it, as the form's panel does. The unit
        is the dispatcher's to confirm (the suggestion names it)."""
        from dataclasses import replace

        from console.services.errors import NotFound

        stored = self.stored(case_id)
        if stored is None or not 1 <= rank <= len(stored.items):
            raise NotFound(f"suggestion {rank} of case #{case_id}")
        item = stored.items[rank - 1]
        base = editor.load(case_id, who)
        mine = base.fields
        if item.category_id is not None:
            mine = replace(mine, category_id=item.category_id)
        if item.class_code:
            mine = replace(mine, class_code=item.class_code)
        if item.urgency == "urgent":
            mine = replace(mine, urgency="urgent")
        saved = editor.save(base, mine, who)
        self.record(stored.result(), rank, who.agent_id, case_id)
        return saved

    # --- what agents did with them, and how good they are -------------------------------
    def record(
        self,
        result: SuggestionResult,
        accepted_rank: int | None,
        agent_id: int | None,
        case_id: int | None,
    ) -> None:
        with self._sessions() as s, s.begin():
            s.add(
                SuggestionFeedback(
                    agent_id=agent_id,
                    case_id=case_id,
                    model_version=result.model_version,
                    shown=[i.category_path for i in result.items],
                    unit_source=result.items[0].unit_source if result.items else "model",
                    accepted_rank=accepted_rank,
                )
            )

    def quality(self, days: int = 30, limit: int = 2000) -> QualityFigures:
        """Top-1/top-3 on cases confirmed since the model was trained (the newest
        ``limit``), and how often agents accepted a suggestion in the last ``days``."""
        info = self.store.info()
        model = self.store.current()
        since = now_utc() - timedelta(days=days)
        with self._sessions() as s:
            shown = s.scalar(select(func.count()).where(SuggestionFeedback.at >= since))
            accepted = s.scalar(
                select(func.count()).where(
                    SuggestionFeedback.at >= since, SuggestionFeedback.accepted_rank.is_not(None)
                )
            )
            first = s.scalar(
                select(func.count()).where(
                    SuggestionFeedback.at >= since, SuggestionFeedback.accepted_rank == 1
                )
            )
        recent: dict[str, float] = {}
        if model is not None:
            examples = self._confirmed_since(model.trained_at, limit)
            if examples:
                words = [example_tokens(e) for e in examples]
                recent = score(examples, model.predict_many(words))
        return QualityFigures(
            model_version=int(info.get("version") or 0),
            trained_at=float(info.get("trained_at") or 0.0),
            examples=int(info.get("examples") or 0),
            held_back=dict(info.get("metrics") or {}),
            recent=recent,
            recent_days=days,
            shown=int(shown or 0),
            accepted=int(accepted or 0),
            accepted_first=int(first or 0),
        )

    def _confirmed_since(self, trained_at: float, limit: int) -> list[Example]:
        from datetime import UTC, datetime

        after = datetime.fromtimestamp(trained_at, UTC)
        with self._sessions() as s:
            first = s.scalar(select(func.min(Case.id)).where(Case.created_at >= after))
        if first is None:
            return []
        return self.history(since_id=first - 1)[-limit:]


def _text(title: str | None, description: str | None) -> str:
    title, description = (title or "").strip(), (description or "").strip()
    if title and not description.startswith(title):
        return f"{title}\n{description}"
    return description or title


def _place(district: str | None, town: str | None) -> str:
    return " ".join(x for x in (district, town) if x)
