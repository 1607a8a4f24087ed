"""TYP-SIGN-TM — examples of rules.md §1 in every closing layout, plus each wrong prefix."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "TYP-SIGN-TM"
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]


def _signature(authority: str, title: str = "BÍ THƯ") -> list[L]:
    return [L(authority, b=True), L(title), L(""), L("Nguyễn Văn An", b=True)]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_state_dotted_tm(layout: str, formatting: str) -> None:
    found = run_rule(
        RULE, doc(signature=_signature("TM. ĐẢNG ỦY"), closing_layout=layout, formatting=formatting)
    )
    assert [(f.severity, f.expected, f.actual) for f in found] == [("error", "T/M ĐẢNG ỦY", "TM. ĐẢNG ỦY")]
    assert "nhà nước" in found[0].message


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("swap", [False, True])
def test_right_tm_dang_uy(layout: str, swap: bool) -> None:
    assert (
        run_rule(RULE, doc(signature=_signature("T/M ĐẢNG ỦY"), closing_layout=layout, swap_closing=swap))
        == []
    )


@pytest.mark.parametrize(
    "authority",
    ["T/M ĐẢNG UỶ", "T/M BAN THƯỜNG VỤ", "T/M CHI BỘ", "T/M ỦY BAN KIỂM TRA", "T/M UỶ BAN KIỂM TRA"],
)
def test_every_collective_and_spelling_is_accepted(authority: str) -> None:
    assert run_rule(RULE, doc(signature=_signature(authority))) == []


@pytest.mark.parametrize(
    "authority",
    ["KT. BÍ THƯ", "K/T BÍ THƯ", "TL. BAN THƯỜNG VỤ", "Q. BÍ THƯ", "TM ĐẢNG ỦY", "T/M BAN CHẤP HÀNH"],
)
def test_wrong_prefixes(authority: str) -> None:
    found = run_rule(RULE, doc(signature=_signature(authority)))
    assert [f.actual for f in found] == [authority]


def test_committee_above_the_grassroots_signs_tm_too() -> None:
    assert run_rule(RULE, doc(signature=_signature("T/M TỈNH UỶ"))) == []


def test_missing_authority_line() -> None:
    found = run_rule(RULE, doc(signature=[L("BÍ THƯ", b=True), L(""), L("Nguyễn Văn An", b=True)]))
    assert [f.actual for f in found] == ["BÍ THƯ"]
    assert "thiếu" in found[0].message


def test_chi_bo_expects_tm_chi_bo() -> None:
    left = [L("ĐẢNG BỘ XÃ AN HÒA"), L("CHI BỘ THÔN ĐÔNG", b=True), L("*"), L("Số 01-QC/CB")]
    found = run_rule(RULE, doc(left=left, signature=_signature("TM. CHI BỘ")))
    assert [f.expected for f in found] == ["T/M CHI BỘ"]


def test_staff_body_is_not_judged() -> None:
    left = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("VĂN PHÒNG TỈNH ỦY", b=True), L("*"), L("Số 05-HD/VPTU")]
    assert (
        run_rule(RULE, doc(left=left, signature=_signature("K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG")))
        == []
    )
