"""Text features: jieba words (the same segmentation as knowledge-base search) joined by
spaces, so a vectorizer with a whitespace token pattern counts them, plus the words of
the matter taxonomy as labelled pseudo-documents (the category tree is prior knowledge a
small history does not hold)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from console.infra import segment

#: how the console writes a category path for people ("一级 / 二级 / 三级")
DISPLAY_SEP = " / "
#: how matter_categories.path stores it
PATH_SEP = "/"


@dataclass(frozen=True)
class Example:
    """One case of history: its text and what a person confirmed about it ("" unknown)."""

    text: str
    category: str = ""  # a path "一级/二级/三级" (or a shorter prefix when only that is known)
    class_code: str = ""
    unit: str = ""  # handling unit name
    urgency: str = ""
    place: str = ""  # district and town names, space-separated ("" unknown)


def tokens(text: str, place: str = "") -> str:
    """The words of a text for the vectorizer, space-joined (jieba search mode), and the
    place the case is in (district, town) as words of their own ("@南海区"): a town's
    government handles many of its town's cases whatever they are about."""
    words = " ".join(segment.terms(text))
    marks = " ".join(f"@{p}" for p in place.split())
    return f"{words} {marks}" if marks else words


def example_tokens(e: Example) -> str:
    return tokens(e.text, e.place)


def level1(path: str) -> str:
    return path.split(PATH_SEP, 1)[0]


def display(path: str) -> str:
    return path.replace(PATH_SEP, DISPLAY_SEP)


def taxonomy_documents(paths: Iterable[str]) -> list[tuple[str, str]]:
    """(words, path) for every leaf of the category tree below the first level: the
    names below the first level, segmented. "其他" (other) names carry nothing and are
    left out."""
    every = list(paths)
    inner = {p.rsplit(PATH_SEP, 1)[0] for p in every if PATH_SEP in p}
    out: list[tuple[str, str]] = []
    for p in every:
        parts = p.split(PATH_SEP)
        if len(parts) < 2 or p in inner:
            continue
        names = " ".join(x for x in parts[1:] if x != "其他")
        words = tokens(names)
        if words:
            out.append((words, p))
    return out
