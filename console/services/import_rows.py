"""Reading web-channel exports (CSV or Excel) row by row: the columns, the cleaning of
text and times, and the reasons a row is refused. No database here; the import service
(console.services.importer) stores what this module accepts."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from console.domain.clock import CITY_TZ
from console.domain.errors import UserError
from console.domain.validation import normalize_phone, phone_kind, text_problem

#: canonical field -> accepted column names (compared without spaces, case-insensitive)
COLUMNS: dict[str, tuple[str, ...]] = {
    "message_id": (
        "留言编号",
        "编号",
        "留言id",
        "信件编号",
        "消息编号",
        "messageid",
        "id",
        "msgid",
    ),
    "user": ("留言用户", "用户", "网友", "留言人", "用户名", "user", "username", "author", "name"),
    "title": ("留言主题", "主题", "标题", "信件标题", "title", "subject"),
    "time": ("留言时间", "时间", "提交时间", "发布时间", "time", "date", "submittedat", "created"),
    "body": (
        "留言详情",
        "详情",
        "内容",
        "留言内容",
        "信件内容",
        "body",
        "content",
        "message",
        "text",
    ),
    "category": ("一级分类", "分类", "类别", "category"),
    "answer": ("答复意见", "答复", "回复", "回复内容", "answer", "reply"),
    "answer_time": ("答复时间", "回复时间", "answertime", "repliedat", "replytime"),
    "phone": ("联系电话", "电话", "手机", "手机号", "phone", "mobile", "tel"),
}
REQUIRED = ("message_id", "time")

#: first-level matter classes (一级分类) -> business class (五大类)
CLASS_OF_LEVEL1 = {
    "商贸旅游": "consumer",
    "经济管理": "enterprise",
    "科技与信息产业": "enterprise",
    "城乡建设": "city",
    "交通运输": "city",
    "国土资源": "environment",
    "环境保护": "environment",
    "农村农业": "environment",
    "劳动和社会保障": "livelihood",
    "卫生计生": "livelihood",
    "教育文体": "livelihood",
    "民政": "livelihood",
    "政法": "livelihood",
    "党务政务": "livelihood",
    "纪检监察": "livelihood",
}
DEFAULT_CLASS = "livelihood"
DEFAULT_CHANNEL = "gov_website"

_DATE_FORMATS = (
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d",
    "%Y.%m.%d %H:%M:%S",
    "%Y.%m.%d %H:%M",
    "%Y.%m.%d",
    "%Y年%m月%d日 %H:%M:%S",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日%H:%M",
    "%Y年%m月%d日 %H时%M分",
    "%Y年%m月%d日",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%Y%m%d%H%M%S",
    "%Y%m%d",
)
_EXCEL_EPOCH = datetime(1899, 12, 30)
#: no message is older than the web channels: ``2`` (an Excel serial day, 1900-01-01),
#: ``1900-01-01`` or ``0001-01-01`` are read as no time at all
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
_WS = re.compile(r"[ \t\u3000\u00a0\r\f\v]+")


class ImportFailed(UserError):
    """The file as a whole cannot be imported (unreadable, or required columns missing)."""


@dataclass(frozen=True)
class Rejection:
    row: int  # the row number in the file (the header is row 1)
    message_id: str
    reason: str  # a code: missing_id, missing_time, bad_time, no_text, duplicate_in_file, …
    detail: str = ""


@dataclass(frozen=True)
class ImportReport:
    file: str
    channel_code: str
    rows: int  # data rows read, blank ones included
    accepted: int
    already_imported: int
    blank: int
    rejected: tuple[Rejection, ...]
    warnings: tuple[str, ...] = ()
    case_ids: tuple[int, ...] = field(default=(), repr=False)

    @property
    def accounted(self) -> bool:
        """Every row is in exactly one of the counts."""
        return self.rows == self.accepted + self.already_imported + self.blank + len(self.rejected)

    def lines(self) -> list[str]:
        out = [
            f"{self.file}: {self.rows} rows read on channel {self.channel_code}",
            f"  accepted (new cases): {self.accepted}",
            f"  already imported:     {self.already_imported}",
            f"  blank rows ignored:   {self.blank}",
            f"  rejected:             {len(self.rejected)}",
        ]
        for r in self.rejected:
            what = f"{r.reason}: {r.detail}" if r.detail else r.reason
            out.append(f"    row {r.row} (id {r.message_id or '—'}): {what}")
        out.extend(f"  warning: {w}" for w in self.warnings)
        return out


# --- reading --------------------------------------------------------------------------


def _key(header: object) -> str:
    return re.sub(r"[\s_\-:：]+", "", str(header or "")).lower()


def map_header(header: list[object]) -> dict[str, int]:
    """Canonical field -> column index; raises ImportFailed if a required one is missing."""
    aliases = {_key(a): f for f, names in COLUMNS.items() for a in names}
    found: dict[str, int] = {}
    for i, h in enumerate(header):
        f = aliases.get(_key(h))
        if f is not None and f not in found:
            found[f] = i
    missing = [f for f in REQUIRED if f not in found]
    if "body" not in found and "title" not in found:
        missing.append("body")
    if missing:
        raise ImportFailed(
            "required columns not found: "
            + ", ".join(f"{m} ({' / '.join(COLUMNS[m][:2])})" for m in missing)
            + f"; the file has: {', '.join(str(h) for h in header if h not in (None, ''))}"
        )
    return found


def read_table(path: Path) -> Iterator[list[object]]:
    """Rows of the first sheet (Excel) or of the CSV file, header first."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        import openpyxl

        try:
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - any reader failure: the file is unreadable
            raise ImportFailed(f"not a readable Excel file: {exc}") from exc
        try:
            ws = wb.worksheets[0]
            for row in ws.iter_rows(values_only=True):
                yield list(row)
        finally:
            wb.close()
        return
    if suffix in (".csv", ".txt", ".tsv"):
        raw = path.read_bytes()
        for enc in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ImportFailed("the CSV file is neither UTF-8 nor GB18030")
        dialect = _dialect(text)
        # lines end at \n, \r\n or \r only (str.splitlines would also cut a row at a
        # form feed or a Unicode line separator inside a message)
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
        try:
            for r in reader:
                cells: list[object] = list(r)
                yield cells
        except csv.Error as exc:  # e.g. a field over the csv module's size limit
            raise ImportFailed(f"CSV line {reader.line_num}: {exc}") from exc
        return
    raise ImportFailed(f"unsupported file type {suffix!r}: use .csv or .xlsx")


def _dialect(text: str) -> Any:
    """The CSV dialect of an export: the delimiter is the one of ``,``, tab or ``;`` the
    header line holds most of, and quoting is always the spreadsheet way, ``"`` doubled
    inside a field. (csv.Sniffer judged the first 4 KiB: with no doubled quote there it
    chose ``doublequote=False``, and a later body with ``""`` in it was cut into cells,
    its text landing in the category column: web-labelled.csv, message 22776.)"""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    if not counts[best] or best == ",":
        return csv.excel
    return csv.excel_tab if best == "\t" else _Semicolon


class _Semicolon(csv.excel):
    delimiter = ";"


#: every character that ends a line somewhere (str.splitlines' set): each becomes "\n",
#: so no later split (a title from the first line) cuts a message where the eye sees none
_LINE_BREAKS = re.compile("\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def clean_text(value: object) -> str:
    """Line breaks of every kind made newlines; every line trimmed, runs of spaces and
    tabs collapsed, empty lines dropped."""
    if value is None:
        return ""
    lines = (_WS.sub(" ", line).strip() for line in _LINE_BREAKS.sub("\n", str(value)).split("\n"))
    return "\n".join(line for line in lines if line)


def clean_id(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", "", str(value))


def parse_time(value: object) -> datetime | None:
    """A message time in any of the formats exports use, as an aware UTC datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    elif isinstance(value, (int, float)):
        if not 1 < float(value) < 200000:  # an Excel serial day number
            return None
        dt = _EXCEL_EPOCH + timedelta(days=float(value))
    else:
        s = _WS.sub(" ", str(value)).strip()
        s = s.replace("：", ":").replace("／", "/")
        if re.fullmatch(r"\d+(\.\d+)?", s) and len(s) < 8:
            return parse_time(float(s))
        parsed: datetime | None = None
        try:
            parsed = datetime.fromisoformat(s)
        except ValueError:
            for fmt in _DATE_FORMATS:
                try:
                    parsed = datetime.strptime(s, fmt)
                    break
                except ValueError:
                    continue
        if parsed is None:
            return None
        dt = parsed
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=CITY_TZ)
    try:
        utc = dt.astimezone(UTC)
    except (OverflowError, ValueError):  # 0001-01-01 in the city's time zone
        return None
    return utc if utc >= EARLIEST else None


# --- importing ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Message:
    row: int
    message_id: str
    user: str
    phone: str
    title: str
    body: str
    at: datetime
    category: str
    answer: str
    answered_at: datetime | None


def _cell(row: list[object], cols: dict[str, int], name: str) -> object:
    i = cols.get(name)
    return row[i] if i is not None and i < len(row) else None


def _printable(text: str) -> str:
    """A message id fit for a report line (its bad characters as escapes)."""
    return text if text_problem(text) is None else ascii(text)[1:-1][:40]


def _bad_text(**cells: object) -> str | None:
    """'body: control_chars' for the first cell that cannot be stored as text (a NUL
    from a broken export, a lone surrogate); None when all can."""
    for name, value in cells.items():
        if value is None:
            continue
        problem = text_problem(str(value))
        if problem is not None:
            return f"{name}: {problem}"
    return None


def parse_rows(
    rows: Iterator[list[object]], now: datetime
) -> tuple[int, int, list[_Message], list[Rejection], list[str]]:
    """(rows read, blank rows, messages, rejections, warnings) of a table, header first."""
    header: list[object] | None = None
    for row in rows:
        if any(v not in (None, "") and str(v).strip() for v in row):
            header = row
            break
    if header is None:
        raise ImportFailed("the file is empty")
    cols = map_header(header)
    count = blank = 0
    seen: set[str] = set()
    msgs: list[_Message] = []
    rejected: list[Rejection] = []
    warnings: list[str] = []
    bad_answer_times = 0
    for n, row in enumerate(rows, start=2):
        count += 1
        if all(v is None or not str(v).strip() for v in row):
            blank += 1
            continue
        mid = clean_id(_cell(row, cols, "message_id"))
        if not mid:
            rejected.append(Rejection(n, "", "missing_id"))
            continue
        if len(mid) > 64:
            rejected.append(Rejection(n, mid[:20] + "…", "bad_id", "longer than 64 characters"))
            continue
        if mid in seen:
            rejected.append(Rejection(n, mid, "duplicate_in_file"))
            continue
        raw_time = _cell(row, cols, "time")
        if raw_time is None or not str(raw_time).strip():
            rejected.append(Rejection(n, mid, "missing_time"))
            continue
        at = parse_time(raw_time)
        if at is None:
            rejected.append(Rejection(n, mid, "bad_time", str(raw_time).strip()[:40]))
            continue
        if at > now + timedelta(days=1):
            rejected.append(Rejection(n, mid, "time_in_future", str(raw_time).strip()[:40]))
            continue
        title = clean_text(_cell(row, cols, "title")).replace("\n", " ")
        body = clean_text(_cell(row, cols, "body"))
        if not body and not title:
            rejected.append(Rejection(n, mid, "no_text"))
            continue
        answer = clean_text(_cell(row, cols, "answer"))
        bad = _bad_text(
            message_id=mid,
            title=title,
            body=body,
            answer=answer,
            user=_cell(row, cols, "user"),
            category=_cell(row, cols, "category"),
        )
        if bad is not None:
            rejected.append(Rejection(n, _printable(mid), "bad_text", bad))
            continue
        answered_at = parse_time(_cell(row, cols, "answer_time")) if answer else None
        if answer and answered_at is None:
            bad_answer_times += 1
        phone_raw = str(_cell(row, cols, "phone") or "").strip()
        user = clean_text(_cell(row, cols, "user")).replace("\n", " ")
        if not phone_raw and phone_kind(user) is not None:
            phone_raw = user  # some boards show the user's mobile number as the user
        seen.add(mid)
        msgs.append(
            _Message(
                n,
                mid,
                user,
                normalize_phone(phone_raw) if phone_kind(phone_raw) else "",
                title,
                body,
                at,
                clean_text(_cell(row, cols, "category")),
                answer,
                answered_at,
            )
        )
    if bad_answer_times:
        warnings.append(
            f"{bad_answer_times} answered rows without a readable answer time: "
            "closed at the message time"
        )
    return count, blank, msgs, rejected, warnings
