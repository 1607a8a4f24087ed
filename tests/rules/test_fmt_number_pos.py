"""FMT-NUMBER-POS — examples of rules.md §2: "Số …" under "*" in the left column; 14 pt, upright, not bold."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "FMT-NUMBER-POS"
TITLE = L("ĐẢNG CỘNG SẢN VIỆT NAM", b=True, size=15, border_bottom="single")
DATE = L("An Hòa, ngày 15 tháng 10 năm 2025", i=True)
ORGS = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*")]


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox"])
def test_number_in_the_right_column_under_the_date(layout: str) -> None:
    found = run_rule(RULE, doc(left=ORGS, right=[TITLE, DATE, L("Số 01-QC/ĐU")], header_layout=layout))
    assert [(f.severity, f.part) for f in found] == [("error", "position")]


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_right_number(layout: str) -> None:
    assert run_rule(RULE, doc(header_layout=layout)) == []


def test_number_above_the_star() -> None:
    left = [*ORGS[:2], L("Số 01-QC/ĐU"), L("*")]
    found = run_rule(RULE, doc(left=left))
    assert [(f.severity, f.part) for f in found] == [("error", "position")]


@pytest.mark.parametrize(("line", "word"), [
    (L("Số 01-QC/ĐU", b=True), "in đậm"),
    (L("Số 01-QC/ĐU", i=True), "in nghiêng"),
    (L("Số 01-QC/ĐU", size=13), "13 pt"),
    (L("SỐ 01-QC/ĐU"), "in hoa"),
    (L("Số 01-QC/ĐU", align="left"), "căn giữa"),
])
def test_style_faults_are_warnings(line: L, word: str) -> None:
    found = run_rule(RULE, doc(left=[*ORGS, line]))
    assert [(f.severity, f.part) for f in found] == [("warning", "style")] and word in found[0].message
