"""The knowledge base behind the agent: articles searched while the caller talks.

Search segments the query with jieba (``console.infra.segment``) and ranks articles
by BM25 over their question, keywords (weighted up) and answer. Each workstation keeps
an in-memory inverted index, built from the words stored with every article (so nobody
segments thousands of articles at start-up) and rebuilt when a cheap version query
(count, newest change) says another workstation changed an article. Expired and
withdrawn articles are not offered on the call; supervisors still see them.
"""

from __future__ import annotations

import math
import threading
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from console.domain.clock import local_date, now_utc
from console.domain.errors import Refused
from console.domain.identity import Identity
from console.domain.validation import FieldError, text_problem
from console.infra import segment
from console.models import KnowledgeArticle, KnowledgeUse
from console.services.errors import NotFound, StaleWrite, ValidationFailed

QUESTION_WEIGHT = 3
KEYWORD_WEIGHT = 3
ANSWER_WEIGHT = 1
K1 = 1.2
B = 0.75


@dataclass(frozen=True)
class Article:
    id: int
    question: str
    answer: str
    keywords: str
    department: str
    valid_until: date | None
    category_id: int | None
    active: bool
    updated_at: datetime
    version: int = 1

    def expired(self, today: date) -> bool:
        return self.valid_until is not None and self.valid_until < today


@dataclass(frozen=True)
class ArticleInput:
    question: str
    answer: str
    keywords: str = ""
    department: str = ""
    valid_until: date | None = None
    category_id: int | None = None
    active: bool = True


@dataclass(frozen=True)
class KbHit:
    article: Article
    score: float
    matched: tuple[str, ...]


def article_terms(question: str, keywords: str, answer: str) -> str:
    """The stored words of an article: three lines (question, keywords, answer)."""
    kw = [k for k in keywords.replace("，", ",").replace("、", ",").split(",") if k.strip()]
    segment.add_words(kw)
    return "\n".join(
        (
            " ".join(segment.terms(question)),
            " ".join(t for k in kw for t in [k.strip().lower(), *segment.terms(k)]),
            " ".join(segment.terms(answer)),
        )
    )


def _to_article(a: KnowledgeArticle) -> Article:
    return Article(
        a.id,
        a.question,
        a.answer,
        a.keywords,
        a.department,
        a.valid_until,
        a.category_id,
        a.active,
        a.updated_at,
        a.version or 1,
    )


def validate_article(data: ArticleInput) -> list[FieldError]:
    errors: list[FieldError] = []
    for name in ("question", "answer", "keywords", "department"):
        problem = text_problem(getattr(data, name), single_line=name != "answer")
        if problem is not None:
            errors.append(FieldError(name, problem))
    if errors:
        return errors
    if len(data.question.strip()) < 4:
        errors.append(FieldError("question", "too_short", {"min": 4}))
    elif len(data.question.strip()) > 200:
        errors.append(FieldError("question", "too_long", {"max": 200}))
    if len(data.answer.strip()) < 4:
        errors.append(FieldError("answer", "too_short", {"min": 4}))
    if len(data.keywords) > 400:
        errors.append(FieldError("keywords", "too_long", {"max": 400}))
    if len(data.department) > 100:
        errors.append(FieldError("department", "too_long", {"max": 100}))
    return errors


class _Index:
    """BM25 over weighted term frequencies, by article position."""

    def __init__(self, rows: Sequence[tuple[Article, str]]) -> None:
        self.articles = [a for a, _ in rows]
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        lengths: list[float] = []
        for pos, (_a, stored) in enumerate(rows):
            lines = (stored.split("\n") + ["", "", ""])[:3]
            tf: Counter[str] = Counter()
            for line, weight in zip(
                lines, (QUESTION_WEIGHT, KEYWORD_WEIGHT, ANSWER_WEIGHT), strict=True
            ):
                for t in line.split():
                    tf[t] += weight
            lengths.append(float(sum(tf.values())) or 1.0)
            for t, f in tf.items():
                self.postings[t].append((pos, float(f)))
        self.lengths = lengths
        self.avg = (sum(lengths) / len(lengths)) if lengths else 1.0

    def search(self, query_terms: Sequence[str], limit: int, today: date) -> list[KbHit]:
        n = len(self.articles)
        scores: dict[int, float] = defaultdict(float)
        matched: dict[int, list[str]] = defaultdict(list)
        for t in dict.fromkeys(query_terms):  # unique, in order
            posting = self.postings.get(t)
            if not posting:
                continue
            df = len(posting)
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            for pos, f in posting:
                norm = f * (K1 + 1) / (f + K1 * (1 - B + B * self.lengths[pos] / self.avg))
                scores[pos] += idf * norm
                matched[pos].append(t)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], self.articles[kv[0]].id))
        hits: list[KbHit] = []
        for pos, score in ranked:
            a = self.articles[pos]
            if not a.active or a.expired(today):
                continue
            hits.append(KbHit(a, round(score, 3), tuple(matched[pos])))
            if len(hits) >= limit:
                break
        return hits


class KnowledgeService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self._lock = threading.Lock()
        self._index: _Index | None = None
        self._version: tuple[object, ...] | None = None

    # --- search ----------------------------------------------------------------------
    def warm_up(self) -> None:
        """Initialise jieba and build the index (start-up, off the GUI thread)."""
        segment.warm_up()
        with self._sessions() as s:
            self._current_index(s)

    def _current_index(self, s: Session) -> _Index:
        version = tuple(
            s.execute(
                select(
                    func.count(KnowledgeArticle.id),
                    func.max(KnowledgeArticle.updated_at),
                    func.max(KnowledgeArticle.id),
                )
            ).one()
        )
        with self._lock:
            if self._index is not None and version == self._version:
                return self._index
        rows = [
            (_to_article(a), a.terms)
            for a in s.scalars(select(KnowledgeArticle).order_by(KnowledgeArticle.id))
        ]
        segment.add_words(
            k for a, _ in rows for k in a.keywords.replace("，", ",").replace("、", ",").split(",")
        )
        index = _Index(rows)
        with self._lock:
            self._index, self._version = index, version
        return index

    def search(self, text: str, limit: int = 8, today: date | None = None) -> list[KbHit]:
        """Articles for what the caller says, best first (blocking: off the GUI thread)."""
        query = segment.terms(text[:2000])
        if not query:
            return []
        with self._sessions() as s:
            index = self._current_index(s)
        return index.search(query, limit, today or local_date(now_utc()))

    # --- maintenance (supervisors and administrators) ---------------------------------
    def all(self) -> list[Article]:
        with self._sessions() as s:
            return [
                _to_article(a)
                for a in s.scalars(select(KnowledgeArticle).order_by(KnowledgeArticle.id))
            ]

    def get(self, article_id: int) -> Article:
        with self._sessions() as s:
            a = s.get(KnowledgeArticle, article_id)
            if a is None:
                raise NotFound(f"article #{article_id}")
            return _to_article(a)

    def save(
        self,
        data: ArticleInput,
        who: Identity,
        article_id: int | None = None,
        expected_version: int | None = None,
    ) -> Article:
        """Add (``article_id`` None) or change an article. ``expected_version``: the
        version the editor loaded; a change saved meanwhile by someone else is not
        overwritten (Conflict)."""
        if not who.is_supervisor:
            raise Refused(
                "only supervisors and administrators maintain the knowledge base", code="forbidden"
            )
        errors = validate_article(data)
        if errors:
            raise ValidationFailed(errors)
        stored = article_terms(data.question, data.keywords, data.answer)
        at = now_utc()
        with self._sessions() as s, s.begin():
            dup = s.scalars(
                select(KnowledgeArticle.id).where(
                    KnowledgeArticle.question == data.question.strip()
                )
            ).first()
            if dup is not None and dup != article_id:
                raise ValidationFailed([FieldError("question", "duplicate")])
            if article_id is None:
                a = KnowledgeArticle(created_at=at)
                s.add(a)
            else:
                found = s.get(KnowledgeArticle, article_id)
                if found is None:
                    raise NotFound(f"article #{article_id}")
                if expected_version is not None and found.version != expected_version:
                    raise StaleWrite("article", found.question)
                a = found
            a.question = data.question.strip()
            a.answer = data.answer.strip()
            a.keywords = data.keywords.strip()
            a.department = data.department.strip()
            a.valid_until = data.valid_until
            a.category_id = data.category_id
            a.active = data.active
            a.terms = stored
            a.updated_at = at
            a.updated_by_id = who.agent_id
            try:
                s.flush()
            except StaleDataError as exc:
                raise StaleWrite("article", a.question) from exc
            return _to_article(a)

    def uses(self, article_id: int) -> int:
        with self._sessions() as s:
            return int(
                s.scalar(
                    select(func.count(KnowledgeUse.id)).where(KnowledgeUse.article_id == article_id)
                )
                or 0
            )


def record_use(session: Session, article_id: int, case_id: int, agent_id: int | None) -> None:
    """Inside the transaction that closes the case: which article the answer came from."""
    if session.get(KnowledgeArticle, article_id) is None:
        raise ValidationFailed([FieldError("answer", "unknown")])
    session.add(KnowledgeUse(article_id=article_id, case_id=case_id, agent_id=agent_id))
