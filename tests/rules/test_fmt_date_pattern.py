"""FMT-DATE-PATTERN — examples of rules.md §2 and the corpus: "<Địa danh>, ngày DD tháng M năm YYYY"."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "FMT-DATE-PATTERN"
TITLE = L("ĐẢNG CỘNG SẢN VIỆT NAM", b=True, size=15, border_bottom="single")


def _run(date_line: str, **kw: object) -> list:
    return run_rule(RULE, doc(right=[TITLE, L(date_line, i=True)], **kw))


def _parts(found: list) -> list[tuple[str, str]]:
    return [(f.severity, f.part) for f in found]


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_unpadded_day_and_padded_april(layout: str) -> None:
    found = _run("An Hòa, ngày 5 tháng 04 năm 2025", header_layout=layout)
    assert _parts(found) == [("warning", "padding")]
    assert found[0].expected == "An Hòa, ngày 05 tháng 4 năm 2025"


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_right_date(layout: str) -> None:
    assert _run("An Hòa, ngày 05 tháng 4 năm 2025", header_layout=layout) == []


@pytest.mark.parametrize("text", ["An Hòa, ngày 12 tháng 12 năm 2025", "An Hòa, ngày 31 tháng 01 năm 2026",
                                  "An Hòa, ngày 09 tháng 02 năm 2026"])
def test_more_right_dates(text: str) -> None:
    assert _run(text) == []


def test_unpadded_january_and_february() -> None:
    found = _run("An Hòa, ngày 5 tháng 2 năm 2026")
    assert _parts(found) == [("warning", "padding")] and "tháng 02" in found[0].message


@pytest.mark.parametrize("text", ["An Hòa, ngày 12/09/2025", "An Hòa, 12/9/2025", "An Hòa, ngày 12-09-2025"])
def test_numeric_date_is_an_error(text: str) -> None:
    found = _run(text)
    assert _parts(found) == [("error", "numeric")] and found[0].expected == "An Hòa, ngày 12 tháng 9 năm 2025"


def test_blank_day_outside_a_draft() -> None:
    assert _parts(_run("An Hòa, ngày     tháng 10 năm 2025")) == [("warning", "padding")]


def test_blank_day_in_a_draft() -> None:
    assert _run("An Hòa, ngày     tháng    năm 2025", marks=[L("Dự thảo", align="right")]) == []
    draft = doc(right=[TITLE, L("An Hòa, ngày … tháng … năm 2025", i=True)])
    assert run_rule(RULE, draft, is_draft=True) == []


def test_missing_comma_after_the_place() -> None:
    found = _run("An Hòa ngày 05 tháng 4 năm 2025")
    assert _parts(found) == [("warning", "padding")] and "dấu phẩy" in found[0].message
