"""FMT-HEADER-ORG-ISSUER — examples of rules.md §2: the full name of the body, in hoa, bold."""

from __future__ import annotations

import pytest

from factory import L, doc
from quyche.rules.fmt.header_org_issuer import abbreviations
from rulekit import run_rule

RULE = "FMT-HEADER-ORG-ISSUER"


def _left(issuer: L) -> list[L]:
    return [L("ĐẢNG BỘ TỈNH TÂY NINH"), issuer, L("*"), L("Số 01-QC/ĐU")]


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_ban_thuong_vu_as_issuer(layout: str) -> None:
    left = _left(L("BAN THƯỜNG VỤ ĐẢNG ỦY XÃ AN HÒA", b=True))
    found = run_rule(RULE, doc(left=left, header_layout=layout))
    assert [f.severity for f in found] == ["error"] and "BAN THƯỜNG VỤ" in found[0].message


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_right_issuer(layout: str) -> None:
    assert run_rule(RULE, doc(left=_left(L("ĐẢNG ỦY XÃ AN HÒA", b=True)), header_layout=layout)) == []


def test_chi_bo_issuer_is_right() -> None:
    left = [L("ĐẢNG BỘ XÃ AN HÒA"), L("CHI BỘ TRƯỜNG TRUNG HỌC CƠ SỞ AN HÒA", b=True), L("*"),
            L("Số 01-QC/CB")]
    assert run_rule(RULE, doc(left=left)) == []


def test_not_bold() -> None:
    found = run_rule(RULE, doc(left=_left(L("ĐẢNG ỦY XÃ AN HÒA"))))
    assert len(found) == 1 and "không in đậm" in found[0].message


def test_abbreviated_name() -> None:
    found = run_rule(RULE, doc(left=_left(L("ĐẢNG ỦY TRƯỜNG THPT AN HÒA", b=True))))
    assert len(found) == 1 and found[0].actual == "THPT"


def test_not_a_party_body() -> None:
    found = run_rule(RULE, doc(left=_left(L("ỦY BAN NHÂN DÂN XÃ AN HÒA", b=True))))
    assert len(found) == 1 and "không phải tên một tổ chức đảng" in found[0].message


def test_abbreviations() -> None:
    assert abbreviations("CHI BỘ UBND XÃ AN HÒA") == ["UBND"]
    assert abbreviations("ĐẢNG ỦY TP. HỒ CHÍ MINH") == ["TP."]
    assert abbreviations("ĐẢNG ỦY TRƯỜNG TRUNG HỌC PHỔ THÔNG LÝ THƯỜNG KIỆT") == []
    assert abbreviations("CHI BỘ TỔ DÂN PHỐ SỐ XX") == []  # a Roman numeral is not an abbreviation
