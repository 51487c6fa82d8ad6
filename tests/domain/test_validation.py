import pytest

from console.domain.validation import (
    CaseDraft,
    credit_code_check_char,
    is_valid_credit_code,
    normalize_phone,
    phone_kind,
    validate_draft,
)


@pytest.mark.parametrize(
    "raw,kind",
    [
        ("13812345678", "mobile"),
        ("138 1234 5678", "mobile"),
        ("+86 138-1234-5678", "mobile"),
        ("0757-83381234", "landline"),
        ("(0757)83381234", "landline"),
        ("020-12345678转801", "landline"),
        ("83381234", "local"),
        ("12345678901", None),
        ("1381234567", None),
        ("abc", None),
        ("0757-123", None),
    ],
)
def test_phone_kinds(raw: str, kind: str | None) -> None:
    assert phone_kind(raw) == kind


def test_normalize_phone_strips_prefix_and_separators() -> None:
    assert normalize_phone(" +86 138-1234-5678 ") == "13812345678"


def test_credit_code_check_digit() -> None:
    # Huawei Technologies Co., Ltd., a published code
    assert is_valid_credit_code("914403001922038216")
    assert not is_valid_credit_code("914403001922038217")
    assert not is_valid_credit_code("91440300192203821")  # 17 characters
    assert not is_valid_credit_code("9144030019220382I6")  # I is not in the alphabet
    assert credit_code_check_char("91440300192203821") == "6"
    assert is_valid_credit_code("914403001922038216".lower())


def _codes(d: CaseDraft, **kw: bool) -> set[tuple[str, str]]:
    return {(e.field, e.code) for e in validate_draft(d, **kw)}


def test_consultation_minimum() -> None:
    d = CaseDraft(
        case_type="consultation",
        sub_type="policy",
        class_code="livelihood",
        description="咨询居住证办理需要什么材料",
    )
    assert _codes(d) == set()


def test_demand_requires_phone_category_and_district() -> None:
    d = CaseDraft(
        case_type="demand",
        sub_type="complaint",
        class_code="city",
        description="夜间施工噪音扰民，持续一周",
    )
    assert _codes(d) == {
        ("caller_phone", "phone_required"),
        ("category_id", "required"),
        ("district_id", "required"),
    }
    anon = CaseDraft(
        case_type="demand",
        sub_type="complaint",
        class_code="city",
        description="夜间施工噪音扰民，持续一周",
        caller_anonymous=True,
        category_id=1,
        district_id=2,
    )
    assert _codes(anon) == set()


def test_subtype_must_match_type() -> None:
    d = CaseDraft(
        case_type="consultation",
        sub_type="complaint",
        class_code="city",
        description="咨询一下公交线路",
    )
    assert ("sub_type", "subtype_mismatch") in _codes(d)


def test_enterprise_line_needs_enterprise_and_valid_code() -> None:
    d = CaseDraft(
        channel_code="enterprise_line",
        case_type="consultation",
        sub_type="policy",
        class_code="enterprise",
        description="咨询工资支付保证金减免政策",
        credit_code="914403001922038210",
    )
    assert _codes(d) == {("enterprise_name", "required"), ("credit_code", "credit_code_check")}
    short = CaseDraft(
        channel_code="enterprise_line",
        case_type="consultation",
        sub_type="policy",
        class_code="enterprise",
        enterprise_name="某公司",
        description="咨询工资支付保证金减免政策",
        credit_code="9144",
    )
    assert _codes(short) == {("credit_code", "credit_code_length")}


def test_closing_directly_needs_answer_and_consultation() -> None:
    d = CaseDraft(
        case_type="demand",
        sub_type="help",
        class_code="city",
        caller_anonymous=True,
        category_id=1,
        district_id=1,
        description="路灯不亮了很久",
    )
    assert _codes(d, closing_directly=True) == {
        ("case_type", "close_needs_consultation"),
        ("answer", "required"),
    }


def test_description_length_bounds() -> None:
    d = CaseDraft(case_type="consultation", sub_type="policy", class_code="city", description="问")
    assert _codes(d) == {("description", "too_short")}
    blank = CaseDraft(case_type="consultation", sub_type="policy", class_code="city")
    assert _codes(blank) == {("description", "required")}
