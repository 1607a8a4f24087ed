"""MEET-CB-DURATION — examples of rules.md §6 (HD 42-HD/BTCTW, 28/10/2025) and the three parts."""

from __future__ import annotations

from datetime import date

import pytest

from meetdocs import chibo_doc, danguy_doc
from rulekit import run_rule

RULE = "MEET-CB-DURATION"
MONTHLY = "1. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần."
AFTER = "ngày 20 tháng 11 năm 2025"  # ctx doc_date = 2025-11-20 (rules.md example)


def test_wrong_sixty_minutes() -> None:
    d = chibo_doc([MONTHLY, "2. Thời gian mỗi buổi sinh hoạt ít nhất 60 phút."], date=AFTER)
    found = run_rule(RULE, d)
    assert [(f.severity, f.part, f.expected, f.actual) for f in found] == [
        ("error", "below_min", "≥ 90 phút", "60 phút")]


def test_right_ninety_and_one_hundred_twenty() -> None:
    d = chibo_doc([MONTHLY, "2. Thời gian sinh hoạt ít nhất 90 phút; khi kết hợp sinh hoạt thường kỳ và chuyên đề "
                            "ít nhất 120 phút."], date=AFTER)
    assert run_rule(RULE, d) == []


def test_combined_meeting_below_one_hundred_twenty() -> None:
    d = chibo_doc([MONTHLY, "2. Thời gian sinh hoạt ít nhất 90 phút; khi kết hợp sinh hoạt thường kỳ và chuyên đề "
                            "ít nhất 100 phút."], date=AFTER)
    found = run_rule(RULE, d)
    assert [(f.part, f.expected, f.actual) for f in found] == [("below_min", "≥ 120 phút", "100 phút")]


@pytest.mark.parametrize(("text", "fires"), [
    ("Mỗi buổi sinh hoạt 1,5 giờ.", False),
    ("Mỗi buổi sinh hoạt ít nhất 2 giờ.", False),
    ("Mỗi buổi sinh hoạt 1 giờ.", True),
    ("Mỗi buổi sinh hoạt không ít hơn 1 giờ 30 phút.", False),
])
def test_hours(text: str, fires: bool) -> None:
    found = run_rule(RULE, chibo_doc([MONTHLY, f"2. {text}"], date=AFTER))
    assert [f.part for f in found] == (["below_min"] if fires else [])


def test_not_stated_is_info() -> None:
    found = run_rule(RULE, chibo_doc([MONTHLY], date=AFTER))
    assert [(f.severity, f.part) for f in found] == [("info", "not_stated")]


def test_upper_limits_and_lead_times_are_not_meeting_lengths() -> None:
    d = chibo_doc([MONTHLY, "2. Mỗi ý kiến phát biểu trong buổi sinh hoạt không quá 10 phút; đảng viên có mặt "
                            "trước 15 phút."], date=AFTER)
    assert [f.part for f in run_rule(RULE, d)] == ["not_stated"]


def test_a_chi_uy_meeting_is_not_judged() -> None:
    d = chibo_doc([MONTHLY, "2. Sinh hoạt chi bộ ít nhất 90 phút.", "3. Chi ủy họp ít nhất 45 phút."], date=AFTER)
    assert run_rule(RULE, d) == []


@pytest.mark.parametrize(("day", "part", "severity"), [
    ("ngày 27 tháng 10 năm 2025", "before_42hd", "info"),
    ("ngày 28 tháng 10 năm 2025", "below_min", "error"),  # HD 42 applies from its own date
])
def test_documents_dated_before_hd42(day: str, part: str, severity: str) -> None:
    d = chibo_doc([MONTHLY, "2. Thời gian mỗi buổi sinh hoạt ít nhất 60 phút."], date=day)
    assert [(f.part, f.severity) for f in run_rule(RULE, d)] == [(part, severity)]


def test_not_stated_before_hd42_is_an_update_hint() -> None:
    found = run_rule(RULE, chibo_doc([MONTHLY], date="ngày 15 tháng 3 năm 2025"))
    assert [(f.part, f.severity) for f in found] == [("before_42hd", "info")]


def test_undated_draft_is_judged_as_of_the_check_date() -> None:
    d = chibo_doc([MONTHLY, "2. Thời gian mỗi buổi sinh hoạt ít nhất 60 phút."], date="ngày    tháng    năm 2026")
    assert [f.part for f in run_rule(RULE, d, as_of=date(2026, 11, 26))] == ["below_min"]
    assert [f.part for f in run_rule(RULE, d, as_of=date(2025, 9, 1))] == ["before_42hd"]


def test_no_meeting_article_is_left_to_cnt_meeting_regime() -> None:
    assert run_rule(RULE, chibo_doc(None, date=AFTER)) == []


def test_not_applicable_to_a_dang_uy() -> None:
    assert run_rule(RULE, danguy_doc(["1. Ban Chấp hành họp thường lệ ba tháng một lần, mỗi kỳ 60 phút."])) == []
