"""Finding a matter category by typing: any part of its name or path, or pinyin
initials ("zs" → 噪声…, "hjwr" → 环境污染) and full pinyin ("zaoyin"). No Qt here; the
index is built once (pypinyin, ~0.1 s for the taxonomy) off the GUI thread."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

SEP = " / "


@dataclass(frozen=True)
class CategoryEntry:
    id: int
    text: str  # "环境保护 / 环境污染 / 噪音污染"
    leaf: str
    haystack: str  # lower-cased path without separators
    initials: tuple[str, ...]  # per level: "hjbh", "hjwr", "zywr"
    spelled: tuple[str, ...]  # per level: "huanjingbaohu", …


def _initials(name: str) -> str:
    # imported here: pypinyin loads its dictionaries on import (~0.4 s), which must not
    # happen on the GUI thread when the form module is imported
    from pypinyin import Style, lazy_pinyin

    return "".join(
        p[0] for p in lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default") if p
    ).lower()


def _spelled(name: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(name, errors="default")).lower()


class CategoryIndex:
    def __init__(self, categories: Sequence[tuple[int, str]]) -> None:
        """``categories``: (id, path "L1/L2/L3") of the choosable categories."""
        entries = []
        for cid, path in categories:
            names = path.split("/")
            entries.append(
                CategoryEntry(
                    cid,
                    SEP.join(names),
                    names[-1],
                    "".join(names).lower(),
                    tuple(_initials(n) for n in names),
                    tuple(_spelled(n) for n in names),
                )
            )
        self.entries = tuple(entries)
        self.by_text = {e.text: e.id for e in entries}

    def match(self, query: str, limit: int = 50) -> list[CategoryEntry]:
        """Entries matching every word of the query, best first: the leaf's own name
        before a parent's, a prefix before a middle, a shorter path first."""
        words = [w.lower() for w in query.replace("/", " ").split() if w.strip()]
        if not words:
            return list(self.entries[:limit])
        ranked: list[tuple[int, int, CategoryEntry]] = []
        for e in self.entries:
            total = 0
            for w in words:
                rank = self._rank(e, w)
                if rank is None:
                    break
                total += rank
            else:
                ranked.append((total, len(e.text), e))
        ranked.sort(key=lambda t: (t[0], t[1], t[2].id))
        return [e for _, _, e in ranked[:limit]]

    @staticmethod
    def _rank(e: CategoryEntry, w: str) -> int | None:
        if e.leaf.lower().startswith(w):
            return 0
        if w in e.leaf.lower():
            return 1
        if w in e.haystack:
            return 3
        if w.isascii() and w.isalpha():
            if e.initials[-1].startswith(w) or e.spelled[-1].startswith(w):
                return 2
            if any(i.startswith(w) for i in e.initials) or "".join(e.initials).startswith(w):
                return 4
            if any(w in s for s in e.spelled) or w in "".join(e.initials):
                return 5
        return None
