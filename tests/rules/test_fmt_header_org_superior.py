"""FMT-HEADER-ORG-SUPERIOR — examples of rules.md §2: "ĐẢNG BỘ …", in hoa, 14 pt, not bold."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "FMT-HEADER-ORG-SUPERIOR"
REST = [L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*"), L("Số 01-QC/ĐU")]


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_bold_superior_line(layout: str) -> None:
    found = run_rule(RULE, doc(left=[L("ĐẢNG BỘ TỈNH TÂY NINH", b=True), *REST], header_layout=layout))
    assert [f.severity for f in found] == ["warning"] and "in đậm" in found[0].message


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_right_superior_line(layout: str) -> None:
    assert run_rule(RULE, doc(left=[L("ĐẢNG BỘ TỈNH TÂY NINH", size=14), *REST], header_layout=layout)) == []


def test_committee_named_instead_of_the_party_organisation() -> None:
    found = run_rule(RULE, doc(left=[L("HUYỆN ỦY CHÂU THÀNH"), *REST]))
    assert len(found) == 1 and "ĐẢNG BỘ" in found[0].message and found[0].actual == "HUYỆN ỦY CHÂU THÀNH"


def test_not_upper_case_and_wrong_size() -> None:
    found = run_rule(RULE, doc(left=[L("Đảng bộ tỉnh Tây Ninh", size=13), *REST]))
    assert len(found) == 1 and "in hoa" in found[0].message and "13 pt" in found[0].message


def test_swapped_lines_are_left_to_org_pos() -> None:
    left = [L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("ĐẢNG BỘ TỈNH TÂY NINH"), L("*"), L("Số 01-QC/ĐU")]
    assert run_rule(RULE, doc(left=left)) == []
