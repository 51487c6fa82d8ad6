"""Reference data as plain, immutable values for forms and screens (no SQL here: the
console loads them from the database, or from the workstation's offline cache)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from console.domain.shifts import ShiftDef

#: a category's (parent id, level), or None when the category is not known
ParentOf = Callable[[int], "tuple[int | None, int] | None"]


def category_ancestors(category_id: int | None, parent_of: ParentOf) -> dict[int, int]:
    """{category id: level} of a category and all its parents (the routing rules' and the
    suggestions' "most specific rule" walks this); a loop in the data ends the walk."""
    out: dict[int, int] = {}
    cid = category_id
    while cid is not None and cid not in out:
        found = parent_of(cid)
        if found is None:
            break
        parent, level = found
        out[cid] = level
        cid = parent
    return out


@dataclass(frozen=True)
class Choice:
    code: str
    name: str
    name_en: str


@dataclass(frozen=True)
class Category:
    id: int
    parent_id: int | None
    level: int
    name: str
    path: str


@dataclass(frozen=True)
class RegionRef:
    id: int
    parent_id: int | None
    level: int
    name: str


@dataclass(frozen=True)
class UnitRef:
    id: int
    name: str
    kind: str
    region_id: int | None


@dataclass(frozen=True)
class ReferenceData:
    channels: tuple[Choice, ...]
    classes: tuple[Choice, ...]
    categories: tuple[Category, ...]
    regions: tuple[RegionRef, ...]
    units: tuple[UnitRef, ...]
    shifts: tuple[ShiftDef, ...]

    def districts(self) -> list[RegionRef]:
        return [r for r in self.regions if r.level == 1]

    def towns_of(self, district_id: int) -> list[RegionRef]:
        return [r for r in self.regions if r.parent_id == district_id]

    def leaf_categories(self) -> list[Category]:
        return [c for c in self.categories if c.level == 3]
