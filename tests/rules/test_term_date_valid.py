"""TERM-DATE-VALID — examples of rules.md §7: real calendar dates; the document date inside the term."""

from __future__ import annotations

import pytest

from factory import L, PartyDoc, doc
from meetdocs import chibo_doc, danguy_doc, profile, xa_profile
from rulekit import run_rule

RULE = "TERM-DATE-VALID"
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]


def right(date_line: str) -> list[L]:
    return [L("ĐẢNG CỘNG SẢN VIỆT NAM", b=True, size=15, border_bottom="single"), L(date_line, i=True)]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_wrong_thirtieth_of_february(layout: str) -> None:
    found = run_rule(RULE, doc(right=right("An Hòa, ngày 30 tháng 02 năm 2026"), header_layout=layout))
    assert [(f.severity, f.part, f.zone, f.actual) for f in found] == [
        ("error", "impossible", "header", "ngày 30 tháng 02 năm 2026")]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_right_twenty_seventh_of_february(layout: str) -> None:
    assert run_rule(RULE, doc(right=right("An Hòa, ngày 27 tháng 02 năm 2026"), header_layout=layout)) == []


@pytest.mark.parametrize(("text", "bad"), [
    ("Căn cứ Quy định số 294-QĐ/TW ngày 31/4/2025 của Ban Chấp hành Trung ương;", "31/4/2025"),
    ("Căn cứ Hướng dẫn số 06-HD/TW ngày 30 tháng 02 năm 2025 của Ban Bí thư;", "ngày 30 tháng 02 năm 2025"),
    ("Căn cứ Kết luận ngày 29/02/2025;", "29/02/2025"),
    ("Chi bộ sinh hoạt vào ngày 31/6 hằng năm.", "ngày 31/6"),
    ("Báo cáo trước ngày 15 tháng 13 năm 2025.", "ngày 15 tháng 13 năm 2025"),
])
def test_impossible_dates_in_the_text(text: str, bad: str) -> None:
    found = run_rule(RULE, danguy_doc(extra=[text]))
    assert [(f.part, f.actual, f.zone) for f in found] == [("impossible", bad, "body")]


@pytest.mark.parametrize("text", [
    "Căn cứ Kết luận ngày 29/02/2024;",  # leap year
    "Hội nghị hợp lệ khi có ít nhất 2/3 số ủy viên có mặt.",  # a fraction, not a date
    "Căn cứ Quy định số 294-QĐ/TW ngày 26/5/2025 của Ban Chấp hành Trung ương;",
    "Chi bộ sinh hoạt vào ngày 05 hằng tháng.",
])
def test_real_dates_and_non_dates(text: str) -> None:
    assert run_rule(RULE, danguy_doc(extra=[text])) == []


def test_outside_the_profile_term() -> None:
    d = chibo_doc(date="ngày 15 tháng 3 năm 2024")
    found = run_rule(RULE, d, profile=profile())
    assert [(f.severity, f.part, f.actual) for f in found] == [("warning", "outside_term", "15/03/2024")]
    assert run_rule(RULE, chibo_doc(date="ngày 15 tháng 3 năm 2026"), profile=profile()) == []


def test_outside_the_title_term_without_profile() -> None:
    d = chibo_doc(date="ngày 15 tháng 3 năm 2031")
    assert [f.part for f in run_rule(RULE, d)] == ["outside_term"]


@pytest.mark.parametrize(("closed", "fires"), [("2025-09-20", True), ("20/09/2025", True), ("2025-09-10", False)])
def test_not_before_the_congress_closed(closed: str, fires: bool) -> None:
    d = danguy_doc(date="ngày 15 tháng 9 năm 2025")
    found = run_rule(RULE, d, profile=xa_profile(congress_closed=closed))
    assert [f.part for f in found] == (["outside_term"] if fires else [])


def test_congress_closed_as_yaml_date_and_same_day() -> None:
    from datetime import date

    d = danguy_doc(date="ngày 20 tháng 9 năm 2025")
    assert [f.part for f in run_rule(RULE, d, profile=xa_profile(congress_closed=date(2025, 9, 20)))] == [
        "outside_term"]


def test_blank_draft_date_is_not_judged() -> None:
    d = PartyDoc(right=right("An Hòa, ngày     tháng     năm 2026")).read()
    assert run_rule(RULE, d, profile=xa_profile()) == []
