"""Hotspots (热点): groups of similar recent cases, so that "one demand solves a class of
problems" (一件诉求解决一类问题). No Qt, no database: the service feeds it cases.

A case's **keywords** are the top TF-IDF words of its title and description
(``jieba.analyse.extract_tags``), without place codes, numbers and the hotline's filler
words. Two kinds of group, both within one **place** (the case's town or street, else
its district, else the whole city):

- ``kw``: cases at the place sharing a keyword (similar text), e.g. 南海区 · 噪音;
- ``cat``: cases at the place in the same matter category.

Groups are chosen greedily, largest first, each case in at most one group, and kept
when they hold at least ``min_count`` cases. A group's key (kind | place | keyword or
category) is stable from one build to the next, so a supervisor's verdict (confirmed /
dismissed) sticks to it. **Trend**: the cases of the previous window of the same length
that belong to the same key (counted by membership, not greedily).
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from console.domain.stopwords import STOPWORDS

#: words that say nothing about the problem (citizens' and the hotline's phrasing)
HOTSPOT_STOPWORDS = STOPWORDS | frozenset(
    "希望 建议 请求 恳请 领导 书记 市长 部门 相关 有关 解决 处理 尽快 一直 目前 现在 "
    "我们 他们 这里 那里 今年 去年 时间 多次 严重 存在 要求 相关部门 政府 请问 何时 "
    "能否 可以 是否 怎么 为何 网友 您好 答复 留言 小区居民 居民 市民 群众 本人 测试 事项 "
    "办理 申请 流程 咨询 问题 情况 关于 有没有 什么 如何 材料 条件 政策 规定 标准 办法 "
    "哪些 网民 社区 街道 村委 居委 附近 门口 对面 旁边 今天 昨天 晚上 上午 下午 每天".split()
)
#: the endings of address parts (roads, villages, numbers): where, not what
ADDRESS_ENDINGS = ("路", "大道", "街", "村", "巷", "号", "镇", "区", "社区", "花园", "苑")
_ASCII_OR_DIGITS = re.compile(r"^[0-9A-Za-z._\-]+$")


def place_words(names: Iterable[str]) -> frozenset[str]:
    """Place names and their stems (狮山镇 → 狮山): a place is the group's place, not
    its subject, so these are not keywords."""
    out: set[str] = {"佛山", "佛山市", "全市", "本市"}
    for n in names:
        out.add(n)
        for suffix in ("街道办事处", "街道", "镇", "区", "市", "县"):
            if n.endswith(suffix) and len(n) - len(suffix) >= 2:
                out.add(n[: -len(suffix)])
    return frozenset(out)


def is_keyword(w: str) -> bool:
    """A word that says what the problem is (not filler, a number or an address part)."""
    if len(w) < 2 or w in HOTSPOT_STOPWORDS or _ASCII_OR_DIGITS.match(w):
        return False
    return not (w.endswith(ADDRESS_ENDINGS) and len(w) <= 4)


@dataclass(frozen=True)
class HotspotCase:
    id: int
    place: str  # a stable place key ("t12", "d3", "city" or a name)
    place_label: str
    category: str | None  # a stable category key (id or path)
    category_label: str
    words: tuple[str, ...]
    urgent: bool = False
    complaint: bool = False
    phone: str = ""


@dataclass(frozen=True)
class Hotspot:
    key: str  # "kw|<place>|<word>" or "cat|<place>|<category>"
    kind: str  # kw | cat
    place: str
    place_label: str
    subject: str  # the keyword or the category's name
    case_ids: tuple[int, ...]
    previous: int  # cases of the previous window with the same key
    words: tuple[str, ...]  # the group's most common keywords
    categories: tuple[str, ...]  # its most common categories (names)
    urgent: int = 0
    complaints: int = 0
    repeat_callers: int = 0  # callers with more than one case in the group
    min_count: int = 3  # the size a group needs (a "repeated" issue had it the window before)
    review: str = ""  # "" | confirmed | dismissed (filled by the service)
    reviewed_by: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.case_ids)

    @property
    def trend(self) -> int:
        return self.count - self.previous

    @property
    def label(self) -> str:
        return f"{self.place_label} · {self.subject}"

    @property
    def repeated(self) -> bool:
        """反复出现: already a hotspot in the previous window."""
        return self.previous >= self.min_count

    @property
    def strongly_felt(self) -> bool:
        """群众反映强烈: urgent cases, or mostly complaints, or repeated callers."""
        return self.urgent > 0 or self.complaints * 2 > self.count or self.repeat_callers > 0


def _keys(c: HotspotCase) -> list[str]:
    keys = [f"kw|{c.place}|{w}" for w in c.words]
    if c.category:
        keys.append(f"cat|{c.place}|{c.category}")
    return keys


def group(
    current: Sequence[HotspotCase],
    previous: Iterable[HotspotCase] = (),
    *,
    min_count: int = 3,
    limit: int | None = None,
) -> list[Hotspot]:
    """The hotspot groups of ``current`` (largest first, at most ``limit``: the greedy
    choice takes the largest first, so the first ``limit`` are exact), with their
    trend against ``previous``."""
    members: dict[str, list[HotspotCase]] = defaultdict(list)
    for c in current:
        for k in _keys(c):
            members[k].append(c)
    # greedy cover, largest group first; a lazy heap of (−size of unassigned members, key)
    assigned: set[int] = set()
    heap = [(-len(v), k) for k, v in members.items() if len(v) >= min_count]
    heapq.heapify(heap)
    chosen: list[tuple[str, list[HotspotCase]]] = []
    while heap:
        neg, k = heapq.heappop(heap)
        free = [c for c in members[k] if c.id not in assigned]
        if len(free) < min_count:
            continue
        if len(free) != -neg:  # stale size: push back with the true one
            heapq.heappush(heap, (-len(free), k))
            continue
        chosen.append((k, free))
        assigned.update(c.id for c in free)
        if limit is not None and len(chosen) >= limit:
            break
    wanted = {k for k, _ in chosen}
    prev_counts: Counter[str] = Counter()
    for c in previous:
        for k in _keys(c):
            if k in wanted:
                prev_counts[k] += 1
    out: list[Hotspot] = []
    for k, cases in chosen:
        kind, place, subject = k.split("|", 2)
        words = Counter(w for c in cases for w in c.words)
        cats = Counter(c.category_label for c in cases if c.category_label)
        phones = Counter(c.phone for c in cases if c.phone)
        out.append(
            Hotspot(
                key=k,
                kind=kind,
                place=place,
                place_label=cases[0].place_label,
                subject=subject if kind == "kw" else (cases[0].category_label or subject),
                case_ids=tuple(sorted(c.id for c in cases)),
                previous=prev_counts[k],
                words=tuple(w for w, _ in words.most_common(5)),
                categories=tuple(n for n, _ in cats.most_common(3)),
                urgent=sum(c.urgent for c in cases),
                complaints=sum(c.complaint for c in cases),
                repeat_callers=sum(1 for n in phones.values() if n > 1),
                min_count=min_count,
            )
        )
    out.sort(key=lambda h: (-h.count, -h.trend, h.key))
    return out
