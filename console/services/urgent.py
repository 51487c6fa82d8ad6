"""The urgent-matters catalogue shipped with the reference data
(``resources/reference/urgent_matters.json``), read once per process."""

from __future__ import annotations

import json
from functools import cache

from console.domain.urgent import Suggestion, UrgentMatter, parse_catalogue, suggest
from console.infra.resources import reference_dir


@cache
def catalogue() -> tuple[UrgentMatter, ...]:
    path = reference_dir() / "urgent_matters.json"
    return parse_catalogue(json.loads(path.read_text(encoding="utf-8")))


def suggest_for(text: str) -> Suggestion | None:
    return suggest(text, catalogue())
