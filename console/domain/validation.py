"""Validation of a case draft: plain rules, plain results (no Qt, no database).

Each problem is a FieldError(field, code); the UI turns the code into a translated
sentence next to the field. Validation never changes the draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dc_field

from console.domain.casetypes import SUBTYPES_BY_TYPE, CaseType, Urgency

ENTERPRISE_CHANNEL = "enterprise_line"

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
# area code 0xx or 0xxx, then a 7- or 8-digit local number, optional extension
_LANDLINE = re.compile(r"^0\d{2,3}\d{7,8}$")
_LOCAL = re.compile(r"^[2-9]\d{6,7}$")  # a local number without area code (0757 implied)
_SEPARATORS = re.compile(r"[\s\-()（）]")

CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

MIN_DESCRIPTION = 5
MAX_DESCRIPTION = 4000
MAX_ANSWER = 4000
MAX_TITLE = 120
#: the sizes of the case's text columns (models/case.py): a longer value is refused with
#: a field message, never cut silently and never sent to PostgreSQL to fail there
MAX_LENGTHS = {
    "address": 200,
    "caller_name": 64,
    "enterprise_name": 128,
    "title": MAX_TITLE,
    "description": MAX_DESCRIPTION,
    "answer": MAX_ANSWER,
}
#: fields typed on one line (a line break there comes from a paste)
SINGLE_LINE = frozenset({"address", "caller_name", "enterprise_name", "title"})

# C0 and C1 control characters but tab, line feed and carriage return. PostgreSQL
# refuses NUL in text outright; the others are invisible on screen and in print.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"[\r\n\u2028\u2029]")
# a lone UTF-16 surrogate (half an emoji from a broken paste): no database can store it
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def normalize_phone(raw: str) -> str:
    """Strip separators and the +86/0086 prefix; keep an extension after '转' or 'ext'."""
    s = raw.strip()
    s = re.split(r"(?:转|ext\.?|x)", s, maxsplit=1, flags=re.IGNORECASE)[0]
    s = _SEPARATORS.sub("", s)
    for prefix in ("+86", "0086"):
        if s.startswith(prefix):
            s = s[len(prefix) :]
    return s


def phone_kind(raw: str) -> str | None:
    """'mobile', 'landline' or 'local' for a valid mainland number, None otherwise."""
    s = normalize_phone(raw)
    if _MOBILE.match(s):
        return "mobile"
    if _LANDLINE.match(s):
        return "landline"
    if _LOCAL.match(s):
        return "local"
    return None


def credit_code_check_char(first17: str) -> str | None:
    """The check character of a unified social credit code (GB 32100-2015)."""
    if len(first17) != 17:
        return None
    total = 0
    for ch, w in zip(first17, CREDIT_CODE_WEIGHTS, strict=True):
        v = CREDIT_CODE_CHARS.find(ch)
        if v < 0:
            return None
        total += v * w
    return CREDIT_CODE_CHARS[(31 - total % 31) % 31]


def is_valid_credit_code(code: str) -> bool:
    c = code.strip().upper()
    return len(c) == 18 and credit_code_check_char(c[:17]) == c[17]


@dataclass(frozen=True)
class CaseDraft:
    """What the agent typed. Every field is kept as typed, valid or not."""

    channel_code: str = "phone_12345"
    case_type: str = CaseType.CONSULTATION
    sub_type: str = ""
    class_code: str = ""
    category_id: int | None = None
    district_id: int | None = None
    town_id: int | None = None
    address: str = ""
    caller_name: str = ""
    caller_phone: str = ""
    caller_anonymous: bool = False
    caller_confidential: bool = False
    enterprise_name: str = ""
    credit_code: str = ""
    description: str = ""
    urgency: str = Urgency.NORMAL
    answer: str = ""


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str
    params: dict[str, int] = dc_field(default_factory=dict)


def text_problem(value: str, *, single_line: bool = False) -> str | None:
    """Why a text cannot be stored as typed: 'invalid_unicode' (a lone surrogate),
    'control_chars' (NUL and other invisible control characters) or 'single_line'; None
    when it can (emoji, right-to-left marks and SQL-like text are ordinary text)."""
    if _SURROGATE.search(value):
        return "invalid_unicode"
    if _CONTROL.search(value):
        return "control_chars"
    if single_line and _LINE_BREAK.search(value):
        return "single_line"
    return None


def searchable(text: str) -> str:
    """Search text without what no stored text can contain (control characters, lone
    surrogates): a NUL typed or pasted into a search box must find nothing, not make
    PostgreSQL refuse the query."""
    return _SURROGATE.sub("", _CONTROL.sub("", text))


def check_text(field: str, value: str, max_len: int | None = None) -> list[FieldError]:
    """Characters and length of one text field (the length of what is stored: stripped)."""
    problem = text_problem(value, single_line=field in SINGLE_LINE)
    if problem is not None:
        return [FieldError(field, problem)]
    limit = MAX_LENGTHS.get(field) if max_len is None else max_len
    if limit is not None and len(value.strip()) > limit:
        return [FieldError(field, "too_long", {"max": limit})]
    return []


def validate_draft(
    d: CaseDraft, *, closing_directly: bool = False, to_triage: bool = False
) -> list[FieldError]:
    """The form's rules for a case draft. ``to_triage``: the case is stored received for
    the centre's triage (an order a platform pushed without them): a demand may then
    lack its matter category and district, as an imported web message does; the agent
    who triages it completes them."""
    errors: list[FieldError] = []
    for name in ("address", "caller_name", "enterprise_name", "answer"):
        errors += check_text(name, getattr(d, name))
    if not d.channel_code:
        errors.append(FieldError("channel_code", "required"))
    try:
        ctype: CaseType | None = CaseType(d.case_type)
    except ValueError:
        ctype = None
        errors.append(FieldError("case_type", "required"))
    if ctype is not None:
        allowed = {s.value for s in SUBTYPES_BY_TYPE[ctype]}
        if not d.sub_type:
            errors.append(FieldError("sub_type", "required"))
        elif d.sub_type not in allowed:
            errors.append(FieldError("sub_type", "subtype_mismatch"))
    if not d.class_code:
        errors.append(FieldError("class_code", "required"))

    desc = d.description.strip()
    desc_problem = text_problem(desc)
    if desc_problem is not None:
        errors.append(FieldError("description", desc_problem))
    elif not desc:
        errors.append(FieldError("description", "required"))
    elif len(desc) < MIN_DESCRIPTION:
        errors.append(FieldError("description", "too_short", {"min": MIN_DESCRIPTION}))
    elif len(desc) > MAX_DESCRIPTION:
        errors.append(FieldError("description", "too_long", {"max": MAX_DESCRIPTION}))

    phone = d.caller_phone.strip()
    if phone:
        if phone_kind(phone) is None:
            errors.append(FieldError("caller_phone", "phone_invalid"))
    elif ctype is CaseType.DEMAND and not d.caller_anonymous:
        # the unit must be able to call back; an anonymous caller says so explicitly
        errors.append(FieldError("caller_phone", "phone_required"))

    if d.channel_code == ENTERPRISE_CHANNEL and not d.enterprise_name.strip():
        errors.append(FieldError("enterprise_name", "required"))
    if d.credit_code.strip() and not is_valid_credit_code(d.credit_code):
        code = d.credit_code.strip()
        errors.append(
            FieldError(
                "credit_code", "credit_code_length" if len(code) != 18 else "credit_code_check"
            )
        )

    if ctype is CaseType.DEMAND and not to_triage:
        if d.category_id is None:
            errors.append(FieldError("category_id", "required"))
        if d.district_id is None:
            errors.append(FieldError("district_id", "required"))
    if d.urgency not in (Urgency.NORMAL, Urgency.URGENT):
        errors.append(FieldError("urgency", "required"))
    if closing_directly:
        if ctype is not CaseType.CONSULTATION:
            errors.append(FieldError("case_type", "close_needs_consultation"))
        if not d.answer.strip():
            errors.append(FieldError("answer", "required"))
    return errors
