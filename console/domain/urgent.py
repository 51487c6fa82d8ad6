"""The urgent-matters catalogue (紧急事项清单): kinds of matter and the words that
betray them, in three levels — ``critical`` (特急: an emergency the hotline must hand to
110/119/120/122 and record the hand-off), ``urgent`` (紧急: the "1、2、1、3" chain) and
``normal`` (一般: the ordinary limits). ``suggest`` reads what the agent types and names
the most pressing matter it mentions, for the form to propose; the agent decides."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

CRITICAL = "critical"  # 特急
URGENT = "urgent"  # 紧急
NORMAL = "normal"  # 一般
LEVELS = (CRITICAL, URGENT, NORMAL)  # most pressing first
LEVEL_NAMES_ZH = {CRITICAL: "特急", URGENT: "紧急", NORMAL: "一般"}
HANDOFF_SERVICES = ("110", "119", "120", "122")


@dataclass(frozen=True)
class UrgentMatter:
    code: str
    name: str
    level: str
    keywords: tuple[str, ...]
    handoff: str | None = None  # the emergency number a critical matter goes to


@dataclass(frozen=True)
class Suggestion:
    matter: UrgentMatter
    matched: tuple[str, ...]  # the words found in the text

    @property
    def level(self) -> str:
        return self.matter.level

    @property
    def makes_urgent(self) -> bool:
        """The case should follow the urgent policy (1-2-1-3) or be handed off."""
        return self.matter.level in (CRITICAL, URGENT)


def parse_catalogue(data: Sequence[Mapping[str, Any]]) -> tuple[UrgentMatter, ...]:
    out = []
    for item in data:
        level = str(item["level"])
        if level not in LEVELS:
            raise ValueError(f"{item.get('code')}: unknown level {level!r}")
        handoff = item.get("handoff")
        if handoff is not None and str(handoff) not in HANDOFF_SERVICES:
            raise ValueError(f"{item.get('code')}: hand-off to {handoff!r}?")
        words = tuple(str(w).strip() for w in item["keywords"] if str(w).strip())
        if not words:
            raise ValueError(f"{item.get('code')}: no keywords")
        out.append(UrgentMatter(str(item["code"]), str(item["name"]), level, words,
                                None if handoff is None else str(handoff)))  # fmt: skip
    return tuple(out)


def suggest(text: str, catalogue: Iterable[UrgentMatter]) -> Suggestion | None:
    """The most pressing matter whose words occur in ``text`` (ties: the most words
    matched, then the catalogue's order); None when nothing matches."""
    compact = "".join(text.split())
    best: tuple[int, int, int] | None = None
    found: Suggestion | None = None
    for i, m in enumerate(catalogue):
        hits = tuple(w for w in m.keywords if w in compact)
        if not hits:
            continue
        key = (LEVELS.index(m.level), -len(hits), i)
        if best is None or key < best:
            best, found = key, Suggestion(m, hits)
    return found
