"""The demo texts (``resources/reference/demo_texts.json``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.domain.casetypes import CaseType
from console.seed.demo.constants import DEMO_TEXTS_FILE
from console.seed.reference import reference_dir


@dataclass(frozen=True)
class DemoText:
    class_code: str
    case_type: str
    sub_type: str
    category: str
    text: str
    answer: str = ""
    unit: str | None = None
    urgent: bool = False  # may be on the urgent matters list
    urgent_only: bool = False  # always urgent (a gas leak, people trapped in a lift)


@dataclass(frozen=True)
class DemoTexts:
    texts: tuple[DemoText, ...]
    addresses: dict[str, dict[str, tuple[str, ...]]]
    replies: dict[str, tuple[str, ...]]
    return_reasons: tuple[str, ...]
    surnames: tuple[str, ...]
    given_names: tuple[str, ...]
    brands: tuple[str, ...]
    trades: tuple[str, ...]


def load_demo_texts(path: Path | None = None) -> DemoTexts:
    p = path if path is not None else reference_dir() / DEMO_TEXTS_FILE
    data: Any = json.loads(p.read_text(encoding="utf-8"))
    texts: list[DemoText] = []
    for class_code, items in data["classes"].items():
        for item in items:
            t = DemoText(
                class_code=class_code,
                case_type=str(item["case_type"]),
                sub_type=str(item["sub_type"]),
                category=str(item["category"]),
                text=str(item["text"]),
                answer=str(item.get("answer", "")),
                unit=item.get("unit"),
                urgent=bool(item.get("urgent", False)),
                urgent_only=item.get("urgent") == "only",
            )
            if t.case_type == CaseType.CONSULTATION and not t.answer:
                raise ValueError(f"{p.name}: a consultation needs its answer: {t.text}")
            texts.append(t)
    return DemoTexts(
        texts=tuple(texts),
        addresses={
            d: {t: tuple(frags) for t, frags in towns.items()}
            for d, towns in data["addresses"].items()
        },
        replies={c: tuple(r) for c, r in data["replies"].items()},
        return_reasons=tuple(data["return_reasons"]),
        surnames=tuple(data["callers"]["surnames"]),
        given_names=tuple(data["callers"]["given_names"]),
        brands=tuple(data["enterprises"]["brands"]),
        trades=tuple(data["enterprises"]["trades"]),
    )
