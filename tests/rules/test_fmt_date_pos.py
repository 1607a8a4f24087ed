"""FMT-DATE-POS — examples of rules.md §2: italic date line under the title in the right column."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "FMT-DATE-POS"
TITLE = L("ĐẢNG CỘNG SẢN VIỆT NAM", b=True, size=15, border_bottom="single")
DATE = "An Hòa, ngày 15 tháng 10 năm 2025"


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_bold_upright_date_line(layout: str) -> None:
    found = run_rule(RULE, doc(right=[TITLE, L(DATE, b=True)], header_layout=layout))
    assert [(f.severity, f.part) for f in found] == [("warning", "style")]
    assert "không in nghiêng" in found[0].message and "in đậm" in found[0].message


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_right_date_line(layout: str) -> None:
    assert run_rule(RULE, doc(right=[TITLE, L(DATE, i=True, size=14)], header_layout=layout)) == []


@pytest.mark.parametrize("layout", ["table", "textbox"])  # a tab line holding one side only has no known side
def test_date_line_in_the_left_column(layout: str) -> None:
    left = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*"), L("Số 01-QC/ĐU"),
            L(DATE, i=True)]
    found = run_rule(RULE, doc(left=left, right=[TITLE], header_layout=layout))
    assert [(f.severity, f.part) for f in found] == [("error", "position")]


def test_date_line_above_the_title() -> None:
    found = run_rule(RULE, doc(right=[L(DATE, i=True), TITLE]))
    assert [(f.severity, f.part) for f in found] == [("error", "position")]


def test_not_centred_in_its_cell() -> None:
    found = run_rule(RULE, doc(right=[TITLE, L(DATE, i=True, align="right")]))
    assert [f.part for f in found] == ["style"] and "căn giữa" in found[0].message
