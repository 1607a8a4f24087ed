"""MEET-CB-MONTHLY — examples of rules.md §6, the corpus defect (mutant_23) and what a naive checker gets wrong."""

from __future__ import annotations

import pytest

from meetdocs import chibo_doc, danguy_doc, profile
from rulekit import run_rule

RULE = "MEET-CB-MONTHLY"
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_wrong_quarterly_regular_meeting(layout: str) -> None:
    """The organisation kind comes from the issuer line "CHI BỘ …" in every header layout."""
    found = run_rule(RULE, chibo_doc(["1. Chi bộ sinh hoạt thường kỳ mỗi quý một lần."], header_layout=layout))
    assert [(f.severity, f.zone, f.expected, f.actual) for f in found] == [
        ("error", "body", "mỗi tháng một lần", "mỗi quý một lần")]
    assert "“mỗi quý một lần” (= 3 tháng)" in found[0].message


@pytest.mark.parametrize("layout", LAYOUTS)
def test_right_monthly_regular_meeting(layout: str) -> None:
    assert run_rule(RULE, chibo_doc(["1. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần."], header_layout=layout)) == []


def test_wrong_with_profile() -> None:
    d = chibo_doc(["1. Chi bộ sinh hoạt thường kỳ mỗi quý một lần."])
    assert [f.severity for f in run_rule(RULE, d, profile=profile())] == ["error"]


def test_two_months_next_to_a_day_of_the_month() -> None:
    """Corpus mutant_23: "hai tháng một lần vào ngày 05 hằng tháng" — the day of the month does not hide the
    two-month interval."""
    d = chibo_doc(["1. Chi bộ sinh hoạt thường kỳ hai tháng một lần vào ngày 05 hằng tháng; khi trùng ngày nghỉ "
                   "thì sinh hoạt vào ngày làm việc liền kề."])
    found = run_rule(RULE, d)
    assert [(f.severity, f.actual) for f in found] == [("error", "hai tháng một lần")]


def test_day_of_the_month_alone_means_monthly() -> None:
    assert run_rule(RULE, chibo_doc(["1. Chi bộ sinh hoạt thường kỳ vào ngày 05 hằng tháng."])) == []


def test_chi_uy_meeting_less_than_monthly() -> None:
    d = chibo_doc(["1. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần.", "2. Chi ủy họp thường kỳ hằng quý."])
    found = run_rule(RULE, d, profile=profile(members=15, committee=3))
    assert [(f.severity, f.actual) for f in found] == [("error", "hằng quý")]
    assert found[0].message.startswith("Chi ủy")


def test_sentence_without_a_body_in_the_chi_bo_article_is_the_chi_bo() -> None:
    found = run_rule(RULE, chibo_doc(["1. Sinh hoạt thường kỳ 3 tháng một lần."]))
    assert [f.actual for f in found] == ["3 tháng một lần"]


def test_thematic_meeting_is_not_the_regular_one() -> None:
    """Only a chuyên đề frequency is stated: the regular frequency is missing."""
    found = run_rule(RULE, chibo_doc(["1. Chi bộ sinh hoạt chuyên đề ít nhất mỗi quý một lần."]))
    assert [(f.severity, f.actual) for f in found] == [("error", None)]


def test_not_stated_in_the_meeting_article() -> None:
    found = run_rule(RULE, chibo_doc(["1. Chi bộ sinh hoạt theo kế hoạch của Bí thư."]))
    assert [(f.severity, f.actual) for f in found] == [("error", None)]
    assert found[0].text == "Điều 4. Chế độ sinh hoạt"


def test_no_meeting_article_at_all() -> None:
    found = run_rule(RULE, chibo_doc(None))
    assert [f.severity for f in found] == ["error"]


def test_not_applicable_to_a_dang_uy() -> None:
    d = danguy_doc(["1. Ban Chấp hành họp thường lệ ba tháng một lần.",
                    "2. Các chi bộ trực thuộc sinh hoạt thường kỳ hằng quý."])
    assert run_rule(RULE, d) == []
    assert run_rule(RULE, d, profile=profile("dang_uy_co_so", "truong_hoc", committee=7, members=40)) == []


def test_stated_in_another_article() -> None:
    """The frequency may sit in the chi bộ's duties article; a report "hằng quý" there is no meeting."""
    d = chibo_doc(["1. Chi bộ sinh hoạt chuyên đề ít nhất mỗi quý một lần."],
                  extra=["2. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần; định kỳ hằng quý báo cáo Đảng ủy xã."])
    assert run_rule(RULE, d) == []
