"""TERM-DATE-FUTURE — examples of rules.md §7: an issued document is not dated after the check date."""

from __future__ import annotations

from datetime import date

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "TERM-DATE-FUTURE"
AS_OF = date(2026, 11, 26)
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]


def right(date_line: str) -> list[L]:
    return [L("ĐẢNG CỘNG SẢN VIỆT NAM", b=True, size=15, border_bottom="single"), L(date_line, i=True)]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_wrong_december(layout: str) -> None:
    d = doc(right=right("An Hòa, ngày 15 tháng 12 năm 2026"), header_layout=layout)
    found = run_rule(RULE, d, as_of=AS_OF)
    assert [(f.severity, f.zone, f.actual) for f in found] == [("error", "header", "15/12/2026")]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_right_november(layout: str) -> None:
    d = doc(right=right("An Hòa, ngày 15 tháng 11 năm 2026"), header_layout=layout)
    assert run_rule(RULE, d, as_of=AS_OF) == []


def test_the_check_date_itself_is_not_future() -> None:
    assert run_rule(RULE, doc(right=right("An Hòa, ngày 26 tháng 11 năm 2026")), as_of=AS_OF) == []


def test_the_check_date_decides() -> None:
    """Corpus mutant_26: dated 15/3/2027, judged as of 2026-03-01."""
    d = doc(right=right("An Hòa, ngày 15 tháng 3 năm 2027"))
    assert len(run_rule(RULE, d, as_of=date(2026, 3, 1))) == 1
    assert run_rule(RULE, d, as_of=date(2027, 3, 15)) == []


def test_drafts_are_exempt() -> None:
    d = doc(right=right("An Hòa, ngày 15 tháng 12 năm 2026"))
    assert run_rule(RULE, d, as_of=AS_OF, is_draft=True) == []
    marked = doc(right=right("An Hòa, ngày 15 tháng 12 năm 2026"), marks=[L("DỰ THẢO", b=True)])
    assert run_rule(RULE, marked, as_of=AS_OF) == []
