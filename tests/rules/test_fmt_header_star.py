"""FMT-HEADER-STAR — examples of rules.md §2 plus the layouts real headers use."""

from __future__ import annotations

import pytest

from factory import L, PartyDoc, doc
from rulekit import run_rule

RULE = "FMT-HEADER-STAR"
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_wrong_issuer_followed_directly_by_number(layout: str) -> None:
    left = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("Số 01-QC/ĐU")]
    found = run_rule(RULE, doc(left=left, header_layout=layout))
    assert [f.severity for f in found] == ["error"]
    assert found[0].expected == "*" and found[0].zone == "header"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_right_star_between_issuer_and_number(layout: str) -> None:
    assert run_rule(RULE, doc(header_layout=layout)) == []


def test_short_line_instead_of_star_is_a_flagged_warning() -> None:
    left = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("-----"), L("Số 01-QC/ĐU")]
    found = run_rule(RULE, PartyDoc(left=left).read())
    assert [(f.severity, f.needs_confirmation) for f in found] == [("warning", True)]
    assert found[0].message.startswith("[Cần xác nhận]")
