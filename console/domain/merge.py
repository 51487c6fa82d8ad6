"""Diff and three-way merge of a record's fields (plain Python, no Qt, no database).

Optimistic locking refuses a save made from a stale version; this module says what
changed and proposes a merge. ``base`` is what the user started from, ``theirs`` what
another workstation saved meanwhile, ``mine`` what the user wants to save:

- a field only one side changed keeps that side's value;
- a field both sides changed to the same value keeps it;
- a field both sides changed differently is a conflict: a person chooses per field.

Nothing is silently overwritten: ``MergeResult.resolve`` refuses until every conflict
has a choice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

Values = Mapping[str, Any]


class Side(StrEnum):
    THEIRS = "theirs"
    MINE = "mine"


def diff(before: Values, after: Values) -> dict[str, tuple[Any, Any]]:
    """{field: (before, after)} for every field whose value differs (missing = None),
    in the order of ``before``'s fields, then ``after``'s new ones."""
    keys = list(dict.fromkeys([*before, *after]))
    return {k: (before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)}


@dataclass(frozen=True)
class FieldConflict:
    field: str
    base: Any
    theirs: Any
    mine: Any


@dataclass(frozen=True)
class FieldChange:
    """One field as the three versions have it, and who changed it."""

    field: str
    base: Any
    theirs: Any
    mine: Any

    @property
    def changed_by_them(self) -> bool:
        return self.theirs != self.base

    @property
    def changed_by_me(self) -> bool:
        return self.mine != self.base

    @property
    def conflict(self) -> bool:
        return self.changed_by_them and self.changed_by_me and self.theirs != self.mine


class UnresolvedConflict(ValueError):
    def __init__(self, fields: Iterable[str]) -> None:
        self.fields = tuple(fields)
        super().__init__("no choice for: " + ", ".join(self.fields))


@dataclass(frozen=True)
class MergeResult:
    #: every field of the three versions; a conflicted field holds ``theirs`` until resolved
    merged: dict[str, Any]
    #: fields changed by either side (base, theirs, mine), in field order
    changes: tuple[FieldChange, ...]
    conflicts: tuple[FieldConflict, ...]

    @property
    def clean(self) -> bool:
        return not self.conflicts

    @property
    def conflict_fields(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.conflicts)

    def resolve(self, choices: Mapping[str, Side | str]) -> dict[str, Any]:
        """The merged values with each conflict taken from the chosen side."""
        missing = [c.field for c in self.conflicts if c.field not in choices]
        if missing:
            raise UnresolvedConflict(missing)
        out = dict(self.merged)
        for c in self.conflicts:
            side = Side(choices[c.field])
            out[c.field] = c.mine if side is Side.MINE else c.theirs
        return out


def three_way(base: Values, theirs: Values, mine: Values) -> MergeResult:
    keys = list(dict.fromkeys([*base, *theirs, *mine]))
    merged: dict[str, Any] = {}
    changes: list[FieldChange] = []
    conflicts: list[FieldConflict] = []
    for k in keys:
        b, t, m = base.get(k), theirs.get(k), mine.get(k)
        ch = FieldChange(k, b, t, m)
        if ch.changed_by_them or ch.changed_by_me:
            changes.append(ch)
        if ch.conflict:
            conflicts.append(FieldConflict(k, b, t, m))
            merged[k] = t
        elif ch.changed_by_me:
            merged[k] = m
        else:
            merged[k] = t
    return MergeResult(merged, tuple(changes), tuple(conflicts))


__all__ = [
    "FieldChange",
    "FieldConflict",
    "MergeResult",
    "Side",
    "UnresolvedConflict",
    "diff",
    "three_way",
]
