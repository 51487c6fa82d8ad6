"""`python main.py suggest …`: train the suggestion model from a database's history, or
ask it about a text or a CSV file of texts.

    suggest train                       train; the new model is used only if it is no
                                        worse than the current one on recent cases
    suggest backfill [--follow]         store suggestions for received cases that have
                                        none (imported, pushed); --follow: keep doing it
    suggest --text TEXT [--json]        suggestions for one description
    suggest --file FILE.csv --json      columns id,text; one JSON line per row

The trained model is stored in the database (``suggestion_models``): every workstation
of the centre loads the newest one that was evaluated no worse than its predecessor.
Schedule one training for the whole centre, nightly (cron: ``30 2 * * * cd /opt/hotline
&& python main.py --database URL suggest train``), or a supervisor presses *Retrain now*.
Only a console on an embedded database retrains by itself (once its model is a day old).
``serve`` runs ``suggest backfill --follow`` as a child process of its own.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from console.cli.serve import parent_gone

if TYPE_CHECKING:
    from console.services.suggestions import SuggestionResult, SuggestionService


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "suggest",
        help="suggestions learned from history: train, or ask about a text",
        description="Suggest the matter category (3 levels), business class, handling "
        "unit and urgency for a description, learned from the cases of this database "
        "whose category or unit a person confirmed. Routing rules win where one matches.",
    )
    p.add_argument(
        "action",
        nargs="?",
        choices=["train", "backfill"],
        help="train the model now, or store suggestions for received cases without any",
    )
    p.add_argument(
        "--follow",
        action="store_true",
        help="backfill: keep going, every few seconds, until interrupted (at low priority)",
    )
    p.add_argument("--text", help="a description to suggest for")
    p.add_argument("--file", metavar="FILE.csv", help="a CSV file with columns id,text")
    p.add_argument("--json", action="store_true", help="print JSON (one line per text)")
    p.add_argument("--database", metavar="URL", dest="sub_database")


def _rows(path: str) -> Iterator[tuple[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        fields = {(n or "").strip().lower(): n for n in reader.fieldnames or []}
        if "id" not in fields or "text" not in fields:
            raise ValueError(f"{path}: columns id,text are needed (found {reader.fieldnames})")
        for row in reader:
            yield (row.get(fields["id"]) or "").strip(), row.get(fields["text"]) or ""


def _json_id(value: str) -> object:
    return int(value) if value.isdigit() and not value.startswith("0") else value


def _readable(result: SuggestionResult | None) -> list[str]:
    if result is None or not result.items:
        return ["(no suggestion)"]
    lines = []
    for n, i in enumerate(result.items, 1):
        lines.append(
            f"{n}. {i.category}  [{i.confidence:.0%}]  class {i.class_name or '-'}  "
            f"unit {i.unit or '-'} ({i.unit_source})  urgency {i.urgency or '-'}"
        )
    lines.append(f"(model v{result.model_version})")
    return lines


def _items(result: SuggestionResult | None) -> list[dict[str, object]]:
    return [i.as_json() for i in result.items] if result is not None else []


def _ensure_model(service: SuggestionService) -> bool:
    from console.learning.training import NotEnoughHistory

    if service.store.current() is not None:
        return True
    print("no suggestion model yet for this database: training one now", file=sys.stderr)
    try:
        outcome = service.train()
    except NotEnoughHistory as exc:
        print(f"error: cannot train: {exc}", file=sys.stderr)
        return False
    for line in outcome.lines():
        print(line, file=sys.stderr)
    return service.store.current() is not None


FOLLOW_EVERY_S = 5.0
REFRESH_EVERY_S = 600.0


def _backfill(service: SuggestionService, follow: bool) -> int:
    """Store suggestions for received cases that have none; with ``follow`` forever
    (the child process ``serve`` starts), at the lowest CPU priority."""
    import os
    import time

    if follow:
        try:
            os.nice(19)
        except (AttributeError, OSError):
            pass
    total = 0
    refreshed = time.monotonic()
    if service.refresh_model() == 0 and not follow:
        print("error: no suggestion model in this database yet: run 'suggest train'")
        return 2
    while True:
        n = service.backfill()
        total += n
        if n:
            continue
        if not follow:
            break
        if parent_gone():
            print("the service that started this worker is gone: stopping", file=sys.stderr)
            break
        if time.monotonic() - refreshed > REFRESH_EVERY_S:
            service.refresh_model()
            refreshed = time.monotonic()
        time.sleep(FOLLOW_EVERY_S)
    print(f"suggestions stored for {total} cases (model v{service.refresh_model()})")
    return 0


def cmd_suggest(args: argparse.Namespace, url: str) -> int:
    from console.app import open_context
    from console.infra.settings import Settings
    from console.learning.training import NotEnoughHistory

    if not args.action and args.text is None and not args.file:
        print("error: give 'train', --text TEXT or --file FILE.csv", file=sys.stderr)
        return 2
    ctx = open_context(url, Settings())
    try:
        service = ctx.suggestions
        if args.action == "train":
            try:
                outcome = service.train()
            except NotEnoughHistory as exc:
                print(f"error: cannot train: {exc}", file=sys.stderr)
                return 2
            print("\n".join(outcome.lines()))
            return 0
        if args.action == "backfill":
            return _backfill(service, args.follow)
        if not _ensure_model(service):
            return 2
        if args.text is not None:
            result = service.suggest(args.text)
            if args.json:
                print(
                    json.dumps(
                        {"text": args.text, "suggestions": _items(result)}, ensure_ascii=False
                    )
                )
            else:
                print("\n".join(_readable(result)))
            return 0
        batch: list[tuple[str, str]] = []

        def flush() -> None:
            results = service.suggest_many([t for _, t in batch])
            for (rid, _), result in zip(batch, results, strict=True):
                if args.json:
                    line = {"id": _json_id(rid), "suggestions": _items(result)}
                    print(json.dumps(line, ensure_ascii=False))
                else:
                    print(f"{rid}:")
                    print("\n".join("  " + x for x in _readable(result)))
            batch.clear()

        for row in _rows(args.file):
            batch.append(row)
            if len(batch) >= 512:
                flush()
        flush()
        return 0
    finally:
        ctx.close()
