"""Storing a build into a draft handover (items and groups), and what would
make submitting it lose a case."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from console.domain.handover import GroupState, Problem, unaccepted, window_label
from console.models import Handover, HandoverGroup, HandoverItem
from console.services.handover.building import Built, _chunks
from console.services.handover.views import Figures, GapInfo


def _iso(d: datetime | None) -> str | None:
    return d.isoformat() if d is not None else None


def _summary_json(built: Built) -> dict[str, Any]:
    gap = None
    if built.gap is not None:
        gap = asdict(built.gap)
        gap["since"] = _iso(built.gap.since)
        gap["until"] = _iso(built.gap.until)
    return {
        "figures": asdict(built.figures),
        "gap": gap,
        "next_label": window_label(built.bounds.next_window),
    }


def _figures_from(data: dict[str, Any]) -> Figures:
    known = set(Figures.__dataclass_fields__)
    return Figures(**{k: v for k, v in (data or {}).items() if k in known})


def _gap_from(data: dict[str, Any] | None) -> GapInfo | None:
    if not data:
        return None
    return GapInfo(
        previous_label=str(data["previous_label"]),
        previous_missing=bool(data["previous_missing"]),
        since=datetime.fromisoformat(data["since"]),
        until=datetime.fromisoformat(data["until"]),
        received=int(data["received"]),
        closed=int(data["closed"]),
        listed=int(data["listed"]),
    )


ITEM_COPY_COLUMNS = (
    "handover_id",
    "case_id",
    "reason",
    "case_number",
    "due_at",
    "snapshot",
    "flagged",
    "note",
)


COPY_NULL = "\\N"


def _copy_text(v: Any) -> str:
    """One value of COPY's text format."""
    if v is None:
        return "\\N"
    if isinstance(v, bool):
        return "t" if v else "f"
    if isinstance(v, datetime):
        return v.isoformat()
    if isinstance(v, dict):
        v = json.dumps(v, ensure_ascii=False)
    return (
        str(v).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def _copy_line(r: dict[str, Any]) -> str:
    """One handover item in COPY's text format (columns of ITEM_COPY_COLUMNS); codes and
    case numbers need no escaping, the snapshot and the note do."""
    due = r["due_at"]
    return (
        f"{r['handover_id']}\t{r['case_id']}\t{r['reason']}\t{r['case_number']}\t"
        f"{due.isoformat() if due is not None else COPY_NULL}\t"
        f"{_copy_text(r['snapshot'])}\t{'t' if r['flagged'] else 'f'}\t{_copy_text(r['note'])}\n"
    )


def _insert_items(session: Session, rows: list[dict[str, Any]]) -> None:
    """Thousands of items at once: COPY on PostgreSQL (an INSERT per row, or even
    multi-row INSERTs, spend most of their time binding parameters), executemany on
    SQLite. Inside the session's transaction either way."""
    if session.get_bind().dialect.name != "postgresql":
        session.execute(insert(HandoverItem), rows)
        return
    dbapi: Any = session.connection().connection.dbapi_connection
    cols = ", ".join(ITEM_COPY_COLUMNS)
    with dbapi.cursor() as cur, cur.copy(f"COPY handover_items ({cols}) FROM STDIN") as cp:
        cp.write("".join(map(_copy_line, rows)))


def store(session: Session, h: Handover, built: Built) -> list[SimpleNamespace]:
    """Write a build into draft ``h``: items merged (notes, flags and assignees kept),
    groups upserted (acceptance of a group kept while the group exists). Returns the
    handover's items as stored (so the caller need not read thousands back)."""
    b = built.bounds
    h.coverage_from = b.coverage_from
    h.as_of = b.as_of
    h.summary = _summary_json(built)
    existing = {
        int(r.case_id): dict(r._mapping)
        for r in session.execute(
            select(*HandoverItem.__table__.c).where(HandoverItem.handover_id == h.id)
        )
    }
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    kept: list[dict[str, Any]] = []
    for case_id, reason in built.listed.items():
        d = built.details.get(case_id)
        if d is None:
            continue
        due = d["due_at"]
        snap = {k: v for k, v in d.items() if k not in ("due_at", "number")}
        it = existing.pop(case_id, None)
        if it is None:
            inserts.append(
                {
                    "handover_id": h.id,
                    "case_id": case_id,
                    "reason": reason.value,
                    "case_number": d["number"],
                    "due_at": due,
                    "snapshot": snap,
                    "flagged": False,
                    "note": "",
                }
            )
            continue
        if it["reason"] != reason.value or it["snapshot"] != snap or it["due_at"] != due:
            updates.append(
                {"id": it["id"], "reason": reason.value, "due_at": due, "snapshot": snap}
            )
            it.update(reason=reason.value, due_at=due, snapshot=snap)
        kept.append(it)
    if inserts:
        _insert_items(session, inserts)
    if updates:
        session.execute(update(HandoverItem), updates)
    # no longer listed (closed meanwhile): kept if the supervisor wrote on it
    stale = []
    for it in existing.values():
        if it["flagged"] or it["note"] or it["assignee_id"]:
            kept.append(it)
        else:
            stale.append(it["id"])
    for part in _chunks(stale):
        session.execute(delete(HandoverItem).where(HandoverItem.id.in_(part)))
    if inserts:
        ids = dict(
            session.execute(
                select(HandoverItem.case_id, HandoverItem.id).where(
                    HandoverItem.handover_id == h.id
                )
            ).all()
        )
        blank = {
            "assignee_id": None,
            "picked_up_by_id": None,
            "picked_up_at": None,
            "done_by_id": None,
            "done_at": None,
        }
        for r in inserts:
            kept.append({**r, **blank, "id": ids[r["case_id"]]})
    groups = {
        g.key: g
        for g in session.scalars(select(HandoverGroup).where(HandoverGroup.handover_id == h.id))
    }
    for key, n in built.groups.items():
        g = groups.pop(key, None)
        if g is None:
            session.add(HandoverGroup(handover_id=h.id, key=key, count=n))
        else:
            g.count = n
    for g in groups.values():
        session.delete(g)
    return [SimpleNamespace(**it) for it in kept]


def submission_problems(
    built: Built, listed: set[int], groups: dict[str, GroupState]
) -> list[Problem]:
    """What would make a submitted handover lose a case (see console.domain.handover)."""
    problems = [
        Problem("group_not_accepted", k, (), groups[k].count, groups[k].count)
        for k in unaccepted(groups)
    ]
    missing = set(built.listed) - listed
    if missing:
        problems.append(Problem("unlisted", "", tuple(sorted(missing))))
    covered = len(built.listed) + sum(g.count for g in groups.values())
    if covered != built.open_total:
        problems.append(Problem("count_mismatch", "", (), built.open_total, covered))
    return problems
