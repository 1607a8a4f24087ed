"""TYP-REGIME-MIXED — examples of rules.md §1 plus each state marker and each header layout."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "TYP-REGIME-MIXED"
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]
PARTY_TITLE = L("ĐẢNG CỘNG SẢN VIỆT NAM", b=True, size=15, border_bottom="single")
DATE = L("An Hòa, ngày 15 tháng 10 năm 2025", i=True)
STATE = L("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, size=13)
MOTTO = L("Độc lập - Tự do - Hạnh phúc", b=True, border_bottom="single")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_wrong_party_title_together_with_state_title_and_motto(layout: str) -> None:
    found = run_rule(RULE, doc(right=[PARTY_TITLE, STATE, MOTTO, DATE], header_layout=layout))
    assert [f.severity for f in found] == ["warning", "warning"]
    assert {f.actual for f in found} == {STATE.text, MOTTO.text}
    assert all(f.zone == "header" for f in found)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_right_party_layout_only(layout: str, formatting: str) -> None:
    assert run_rule(RULE, doc(header_layout=layout, formatting=formatting)) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_state_title_in_place_of_party_title_with_issuer_and_star(layout: str) -> None:
    """The Party marker is then the issuer line with its "*" (corpus mutant_08)."""
    found = run_rule(RULE, doc(right=[STATE, MOTTO, DATE], header_layout=layout))
    assert len(found) == 2


@pytest.mark.parametrize("layout", LAYOUTS)
def test_state_order_number(layout: str) -> None:
    left = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*"), L("Số: 12/QC-ĐU")]
    found = run_rule(RULE, doc(left=left, header_layout=layout))
    assert [(f.severity, f.actual) for f in found] == [("warning", "Số: 12/QC-ĐU")]
    assert found[0].expected == "Số 12-QC/ĐU"


def test_party_order_number_with_colon_is_not_a_state_marker() -> None:
    """A colon after "Số" is FMT-NUMBER-PATTERN's business; the order number-type/body is the Party one."""
    left = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*"), L("Số: 01-QC/ĐU")]
    assert run_rule(RULE, doc(left=left)) == []


@pytest.mark.parametrize("layout", ["table", "textbox", "paragraphs"])
def test_rule_under_the_issuer_name(layout: str) -> None:
    left = [
        L("ĐẢNG BỘ TỈNH TÂY NINH"),
        L("ĐẢNG ỦY XÃ AN HÒA", b=True, border_bottom="single"),
        L("*"),
        L("Số 01-QC/ĐU"),
    ]
    found = run_rule(RULE, doc(left=left, header_layout=layout))
    assert [f.text for f in found] == ["ĐẢNG ỦY XÃ AN HÒA"]


def test_the_line_under_the_party_title_is_not_a_state_marker() -> None:
    found = run_rule(RULE, doc(right=[PARTY_TITLE.with_(border_bottom="dashed"), DATE]))
    assert found == []


def test_a_state_body_is_not_judged() -> None:
    """No Party marker at all (a People's Committee letter): nothing is mixed."""
    left = [L("ỦY BAN NHÂN DÂN XÃ AN HÒA", b=True), L("Số: 12/QĐ-UBND")]
    assert run_rule(RULE, doc(left=left, right=[STATE, MOTTO, DATE])) == []
