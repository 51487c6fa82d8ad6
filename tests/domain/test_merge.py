"""The three-way merge and diff (console.domain.merge): plain Python, properties with hypothesis."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.merge import Side, UnresolvedConflict, diff, three_way

FIELDS = ("address", "caller_name", "category_id", "urgency", "description", "anonymous")
values = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.sampled_from(["", "甲", "乙", "丙 😀"])
)


@st.composite
def versions(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """base, theirs, mine: each side changes a random subset of the base's fields."""
    base = {f: draw(values) for f in FIELDS}

    def edited() -> dict[str, Any]:
        return {f: draw(values) if draw(st.booleans()) else base[f] for f in FIELDS}

    return base, edited(), edited()


@given(versions())
def test_each_field_comes_from_the_side_that_changed_it(
    v: tuple[dict[str, Any], dict[str, Any], dict[str, Any]],
) -> None:
    base, theirs, mine = v
    r = three_way(base, theirs, mine)
    conflicted = set(r.conflict_fields)
    for f in FIELDS:
        if theirs[f] == base[f]:
            assert r.merged[f] == mine[f] and f not in conflicted
        elif mine[f] == base[f]:
            assert r.merged[f] == theirs[f] and f not in conflicted
        elif mine[f] == theirs[f]:
            assert r.merged[f] == mine[f] and f not in conflicted
        else:
            assert f in conflicted  # both changed it differently: a person chooses


@given(versions())
def test_no_change_is_lost_silently(
    v: tuple[dict[str, Any], dict[str, Any], dict[str, Any]],
) -> None:
    """Every change of either side is either in the merge or an open conflict."""
    base, theirs, mine = v
    r = three_way(base, theirs, mine)
    for side in (theirs, mine):
        for f, (_old, new) in diff(base, side).items():
            assert r.merged[f] == new or f in r.conflict_fields


@given(versions(), st.sampled_from(list(Side)))
def test_resolution_takes_the_chosen_side_and_needs_every_choice(
    v: tuple[dict[str, Any], dict[str, Any], dict[str, Any]], side: Side
) -> None:
    base, theirs, mine = v
    r = three_way(base, theirs, mine)
    if r.conflicts:
        with pytest.raises(UnresolvedConflict):
            r.resolve({})
    out = r.resolve({f: side for f in r.conflict_fields})
    chosen = mine if side is Side.MINE else theirs
    for c in r.conflicts:
        assert out[c.field] == chosen[c.field]
        assert (c.base, c.theirs, c.mine) == (base[c.field], theirs[c.field], mine[c.field])


@given(versions())
def test_symmetric_and_trivial_cases(
    v: tuple[dict[str, Any], dict[str, Any], dict[str, Any]],
) -> None:
    base, theirs, mine = v
    r = three_way(base, theirs, mine)
    swapped = three_way(base, mine, theirs)
    assert r.conflict_fields == swapped.conflict_fields
    assert {f: x for f, x in r.merged.items() if f not in r.conflict_fields} == {
        f: x for f, x in swapped.merged.items() if f not in swapped.conflict_fields
    }
    # nobody else changed anything: mine as is; I changed nothing: theirs as is
    assert three_way(base, base, mine).merged == mine
    assert three_way(base, theirs, base).merged == theirs
    assert three_way(base, theirs, theirs).clean
    # resolving every conflict "mine" on a merge where theirs == base gives mine
    assert three_way(base, base, mine).resolve({}) == mine


@given(versions())
def test_diff_lists_exactly_the_changed_fields(
    v: tuple[dict[str, Any], dict[str, Any], dict[str, Any]],
) -> None:
    base, theirs, _ = v
    d = diff(base, theirs)
    assert set(d) == {f for f in FIELDS if base[f] != theirs[f]}
    patched = dict(base) | {f: new for f, (_old, new) in d.items()}
    assert patched == theirs
    assert diff(base, base) == {}


def test_change_flags_on_an_example() -> None:
    base = {"address": "A", "urgency": "normal", "caller_name": "陈"}
    theirs = {"address": "B", "urgency": "urgent", "caller_name": "陈"}
    mine = {"address": "C", "urgency": "normal", "caller_name": "陈女士"}
    r = three_way(base, theirs, mine)
    assert r.conflict_fields == ("address",)
    assert [c.field for c in r.changes] == ["address", "urgency", "caller_name"]
    assert r.resolve({"address": "mine"}) == {
        "address": "C",
        "urgency": "urgent",
        "caller_name": "陈女士",
    }
