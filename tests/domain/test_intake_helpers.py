"""Plain-Python intake helpers: category search with pinyin, the draft store."""

from __future__ import annotations

from pathlib import Path

from console.infra.drafts import DraftStore
from console.services.category_search import CategoryIndex

PATHS = [
    (1, "环境保护/环境污染/噪音污染"),
    (2, "环境保护/环境污染/水污染"),
    (3, "劳动和社会保障/工资福利/工资发放"),
    (4, "城乡建设/城市建设和市政管理/自来水供应"),
]


def test_category_search_by_words_and_pinyin() -> None:
    idx = CategoryIndex(PATHS)
    assert [e.id for e in idx.match("噪音")] == [1]
    assert [e.id for e in idx.match("zywr")] == [1]  # initials of the leaf
    assert [e.id for e in idx.match("zaoyin")] == [1]  # full pinyin
    assert [e.id for e in idx.match("环境 水")] == [2]  # every word must match
    assert idx.match("水")[0].id == 2  # the leaf's own name before a deeper word
    assert [e.id for e in idx.match("gzff")] == [3]
    assert idx.match("xyz") == []
    assert idx.by_text["环境保护 / 环境污染 / 噪音污染"] == 1


def test_draft_store_atomic_ordered_and_forgiving(tmp_path: Path) -> None:
    store = DraftStore.for_console(tmp_path, tmp_path / "settings.ini", "sqlite:///x", "a1")
    other = DraftStore.for_console(tmp_path, tmp_path / "settings.ini", "sqlite:///x", "a2")
    assert store.path != other.path  # one draft per agent (and database, installation)
    assert store.load() is None
    assert store.save({"description": "新的"}, seq=2)
    assert not store.save({"description": "旧的"}, seq=1)  # a late, older write is dropped
    loaded = store.load()
    assert loaded is not None and loaded[0] == {"description": "新的"}
    assert not list(store.path.parent.glob("*.tmp"))
    store.clear(seq=3)
    assert store.load() is None
    assert not store.save({"description": "after clear"}, seq=3)
    store.path.write_text("{not json", encoding="utf-8")
    assert store.load() is None  # an unreadable draft is set aside, not fatal
    assert store.path.with_name(store.path.name + ".bad").exists()


def test_category_ancestors_walks_to_the_root_and_stops_on_unknown_or_loops() -> None:
    from console.domain.reference import category_ancestors

    parents = {3: (2, 3), 2: (1, 2), 1: (None, 1), 7: (8, 2), 8: (7, 1)}
    assert category_ancestors(3, parents.get) == {3: 3, 2: 2, 1: 1}
    assert category_ancestors(None, parents.get) == {}
    assert category_ancestors(99, parents.get) == {}
    assert category_ancestors(7, parents.get) == {7: 2, 8: 1}  # a loop in the data ends
