"""Idempotent seeder of the intake reference data: the starter knowledge base
(``knowledge.json``, natural key: the question) and the starter routing rules
(``routing_rules.csv``, natural key: category path and district). Like the other
reference data, rows already present are never updated (supervisors edit them)."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import HandlingUnit, KnowledgeArticle, MatterCategory, Region, RoutingRule


def _category_ids(session: Session) -> dict[str, int]:
    return {p: i for p, i in session.execute(select(MatterCategory.path, MatterCategory.id))}


def seed_knowledge(session: Session, data_dir: Path) -> int:
    path = data_dir / "knowledge.json"
    if not path.exists():
        return 0
    data: Any = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path.name}: expected a list of articles")
    existing = set(session.scalars(select(KnowledgeArticle.question)))
    todo = [spec for spec in data if str(spec["question"]).strip() not in existing]
    if not todo:
        return 0
    from console.services.knowledge import article_terms  # jieba only when needed

    cats = _category_ids(session)
    added = 0
    for n, spec in enumerate(todo, start=1):
        question = str(spec["question"]).strip()
        answer = str(spec["answer"]).strip()
        if not question or not answer:
            raise ValueError(f"{path.name}: article {n}: question and answer are required")
        category = spec.get("category")
        if category and category not in cats:
            raise ValueError(f"{path.name}: {question}: unknown category {category!r}")
        until = spec.get("valid_until")
        keywords = str(spec.get("keywords", ""))
        session.add(
            KnowledgeArticle(
                question=question,
                answer=answer,
                keywords=keywords,
                department=str(spec.get("department", "")),
                valid_until=date.fromisoformat(until) if until else None,
                category_id=cats[category] if category else None,
                terms=article_terms(question, keywords, answer),
                active=True,
            )
        )
        existing.add(question)
        added += 1
    return added


def seed_routing_rules(session: Session, data_dir: Path) -> int:
    path = data_dir / "routing_rules.csv"
    if not path.exists():
        return 0
    with path.open(encoding="utf-8", newline="") as f:
        rows = [{k: (v or "").strip() for k, v in r.items()} for r in csv.DictReader(f)]
    cats = _category_ids(session)
    districts = {
        name: rid
        for rid, name in session.execute(select(Region.id, Region.name).where(Region.level == 1))
    }
    units = {name: uid for uid, name in session.execute(select(HandlingUnit.id, HandlingUnit.name))}
    existing = {
        (c, d) for c, d in session.execute(select(RoutingRule.category_id, RoutingRule.district_id))
    }
    added = 0
    for n, row in enumerate(rows, start=2):
        where = f"{path.name}:{n}"
        if row["category"] not in cats:
            raise ValueError(f"{where}: unknown category {row['category']!r}")
        if row["district"] and row["district"] not in districts:
            raise ValueError(f"{where}: unknown district {row['district']!r}")
        names = [u for u in row["co_units"].split(";") if u.strip()]
        for u in ([row["unit"]] if row["unit"] else []) + names:
            if u.strip() not in units:
                raise ValueError(f"{where}: unknown unit {u!r}")
        key = (cats[row["category"]], districts[row["district"]] if row["district"] else None)
        if key in existing:
            continue
        session.add(
            RoutingRule(
                category_id=key[0],
                district_id=key[1],
                unit_id=units[row["unit"]] if row["unit"] else None,
                co_unit_ids=[units[u.strip()] for u in names],
                note=row["note"],
                priority=int(row["priority"] or 0),
                active=True,
            )
        )
        existing.add(key)
        added += 1
    return added


def seed_intake(session: Session, data_dir: Path) -> dict[str, int]:
    return {
        KnowledgeArticle.__tablename__: seed_knowledge(session, data_dir),
        RoutingRule.__tablename__: seed_routing_rules(session, data_dir),
    }
