"""Importing web-channel exports (CSV or Excel) as cases on their channel.

Real exports are messy: Chinese or English column names, stray whitespace and line
breaks in bodies, thousands of blank trailing rows, several date formats. Every row
ends up counted in exactly one of: accepted (a new case), already imported (the same
channel and message id was imported before: importing the same file twice creates
nothing new), blank (no value at all), or rejected with its reason. Nothing is dropped
silently.

An imported message becomes a demand (sub-type request for help) to triage; a message
the export shows answered (答复意见) becomes a closed case with that answer, closed at
the answer time. Times without a zone are the city's local time.
"""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import CaseType, EventKind, Status, SubType, Urgency
from console.domain.clock import local_date, now_utc
from console.domain.identity import Identity
from console.domain.workcalendar import WorkCalendar
from console.infra.logs import safe_error
from console.models import Case, CaseEvent, Channel, ImportedMessage, MatterCategory
from console.services.import_rows import (  # noqa: F401 - re-exported
    CLASS_OF_LEVEL1,
    COLUMNS,
    DEFAULT_CHANNEL,
    DEFAULT_CLASS,
    EARLIEST,
    REQUIRED,
    ImportFailed,
    ImportReport,
    Rejection,
    _Message,
    clean_id,
    clean_text,
    map_header,
    parse_rows,
    parse_time,
    read_table,
)
from console.services.numbers import catch_up_counter, next_case_number


class ImportService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        station: Callable[[], str],
        calendar: Callable[[], WorkCalendar],
    ) -> None:
        self._sessions = sessions
        self._station = station
        self._calendar = calendar
        self._policies: tuple[Session, Any] | None = None

    def import_file(
        self,
        path: Path | str,
        who: Identity,
        *,
        channel_code: str = DEFAULT_CHANNEL,
        progress: Callable[[int, int], None] | None = None,
        batch: int = 200,
        triage: bool = False,
    ) -> ImportReport:
        """``triage``: every message becomes a received case to triage, even one the
        export shows answered (that answer is kept in the ``created`` event as
        ``web_answer``); otherwise an answered message is imported closed."""
        path = Path(path)
        if not path.is_file():
            raise ImportFailed(f"no such file: {path}")
        now = now_utc()
        rows, blank, msgs, rejected, warnings = parse_rows(read_table(path), now)
        with self._sessions() as s:
            ch = s.get(Channel, channel_code)
            if ch is None or ch.kind not in ("web", "media"):
                raise ImportFailed(f"{channel_code!r} is not a web or media channel")
            level1 = {
                name: cid
                for cid, name in s.execute(
                    select(MatterCategory.id, MatterCategory.name).where(MatterCategory.level == 1)
                )
            }
        unknown_categories: set[str] = set()
        clashes: list[int] = []
        accepted: list[int] = []
        already = 0
        total = len(msgs)
        station = self._station()
        for start in range(0, total, batch):
            chunk = msgs[start : start + batch]
            done: list[int] = []
            skipped = 0
            refused: list[Rejection] = []
            try:
                with self._sessions() as s, s.begin():
                    known = set(
                        s.scalars(
                            select(ImportedMessage.message_id).where(
                                ImportedMessage.channel_code == channel_code,
                                ImportedMessage.message_id.in_([m.message_id for m in chunk]),
                            )
                        )
                    )
                    for m in chunk:
                        if m.message_id in known:
                            skipped += 1
                            continue
                        if m.category and m.category not in level1:
                            unknown_categories.add(m.category)
                        outcome = self._add_one(
                            s, m, who, station, channel_code, level1, path.name, now, clashes,
                            triage,
                        )  # fmt: skip
                        if isinstance(outcome, int):
                            done.append(outcome)
                        elif outcome is None:
                            skipped += 1
                        else:
                            refused.append(outcome)
            except Exception as exc:  # noqa: BLE001 - the batch is rolled back: say so per row
                # this batch and every later one are not imported; earlier batches are
                # committed and counted; every row of the file is still accounted for
                reason = safe_error(exc)
                rejected.extend(
                    Rejection(m.row, m.message_id, "not_imported", reason) for m in msgs[start:]
                )
                warnings.append(
                    f"import stopped at row {chunk[0].row}: {reason}; "
                    f"rows before it are imported, the rest can be imported again"
                )
                break
            accepted.extend(done)
            already += skipped
            rejected.extend(refused)
            if progress is not None:
                progress(min(start + batch, total), total)
        if clashes:
            warnings.append(
                f"{len(clashes)} rows met a case number already in use (another station's "
                "counter or an offline save) and took the next one: rows "
                + ", ".join(str(r) for r in clashes[:20])
                + (" …" if len(clashes) > 20 else "")
            )
        if unknown_categories:
            warnings.append(
                "categories not in the taxonomy (cases kept without a category): "
                + ", ".join(sorted(unknown_categories))
            )
        report = ImportReport(
            path.name,
            channel_code,
            rows,
            len(accepted),
            already,
            blank,
            tuple(rejected),
            tuple(warnings),
            tuple(accepted),
        )
        assert report.accounted, report
        return report

    def _add_one(
        self,
        s: Session,
        m: _Message,
        who: Identity,
        station: str,
        channel_code: str,
        level1: dict[str, int],
        source: str,
        now: datetime,
        clashes: list[int],
        triage: bool = False,
    ) -> int | Rejection | None:
        """One message in a savepoint: its case id, None when another import stored it
        meanwhile, or why it was refused (a clash on a case number is reported as such,
        after a second try with the next number)."""
        for attempt in (1, 2):
            try:
                with s.begin_nested():
                    return self._add_case(
                        s, m, who, station, channel_code, level1, source, now, triage
                    )
            except IntegrityError as exc:
                stored = s.scalar(
                    select(ImportedMessage.id).where(
                        ImportedMessage.channel_code == channel_code,
                        ImportedMessage.message_id == m.message_id,
                    )
                )
                if stored is not None:
                    return None  # imported by someone else meanwhile
                if attempt == 2:
                    return Rejection(m.row, m.message_id, "number_taken", safe_error(exc))
                clashes.append(m.row)
                # the savepoint took the counter back with it: move it past every
                # number of this station and day already used, then try once more
                catch_up_counter(s, station, local_date(now))
            except (ValueError, RuntimeError, DataError) as exc:
                return Rejection(m.row, m.message_id, "not_stored", safe_error(exc))
        return None  # not reached

    def _add_case(
        self,
        s: Session,
        m: _Message,
        who: Identity,
        station: str,
        channel_code: str,
        level1: dict[str, int],
        source: str,
        now: datetime,
        triage: bool = False,
    ) -> int:
        from console.domain.sla import choose_policy
        from console.services.reference import current_policies
        from console.services.sla import refresh_deadlines

        class_code = CLASS_OF_LEVEL1.get(m.category, DEFAULT_CLASS)
        if self._policies is None or self._policies[0] is not s:  # once per batch
            self._policies = (s, current_policies(s))
        policy = choose_policy(
            self._policies[1],
            CaseType.DEMAND,
            Urgency.NORMAL,
            channel_code,
            class_code,
            SubType.HELP,
        )
        description = m.body or m.title
        case = Case(
            uuid=uuidlib.uuid4(),
            number=next_case_number(s, station, local_date(now)),
            station=station,
            channel_code=channel_code,
            case_type=CaseType.DEMAND,
            sub_type=SubType.HELP,
            class_code=class_code,
            category_id=level1.get(m.category),
            address="",
            caller_name=m.user[:64],
            caller_phone=m.phone,
            title=(m.title or description.splitlines()[0])[:120],
            description=description,
            urgency=Urgency.NORMAL,
            status=Status.RECEIVED,
            created_by_id=who.agent_id,
            sla_policy_id=policy.id,
            received_at=m.at,
            created_at=m.at,
            updated_at=now,
        )
        s.add(case)
        s.flush()
        detail = {"number": case.number, "imported": source, "message_id": m.message_id}
        events = [(EventKind.CREATED, m.at, detail)]
        if m.answer and triage:
            detail["web_answer"] = m.answer
        elif m.answer:
            closed = max(m.answered_at or m.at, m.at)
            case.answer = m.answer
            case.status = Status.CLOSED
            case.closed_at = closed
            events.append((EventKind.CLOSED, closed, {"imported": source}))
        for kind, at, d in events:
            s.add(
                CaseEvent(
                    case_id=case.id,
                    kind=kind,
                    at=at,
                    actor_id=who.agent_id,
                    actor_name=who.display_name,
                    station=station,
                    detail=d,
                )
            )
        s.add(
            ImportedMessage(
                channel_code=channel_code,
                message_id=m.message_id,
                case_id=case.id,
                source_file=source[:255],
                imported_at=now,
            )
        )
        s.flush()
        refresh_deadlines(s, case, self._calendar())
        return case.id
