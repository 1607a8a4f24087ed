"""MEET-CB-CHUYENDE — examples of rules.md §6: thematic meeting at least quarterly, not instead of the
monthly one."""

from __future__ import annotations

from meetdocs import chibo_doc, danguy_doc, profile
from rulekit import run_rule

RULE = "MEET-CB-CHUYENDE"
MONTHLY = "1. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần."


def test_wrong_once_a_year() -> None:
    found = run_rule(RULE, chibo_doc([MONTHLY, "2. Chi bộ sinh hoạt chuyên đề mỗi năm một lần."]))
    assert [(f.severity, f.expected, f.actual) for f in found] == [
        ("warning", "ít nhất mỗi quý một lần", "mỗi năm một lần")]


def test_right_at_least_quarterly() -> None:
    assert run_rule(RULE, chibo_doc([MONTHLY, "2. Chi bộ sinh hoạt chuyên đề ít nhất mỗi quý một lần."])) == []


def test_right_in_the_same_sentence_as_the_monthly_meeting() -> None:
    d = chibo_doc(["1. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần và sinh hoạt chuyên đề 3 tháng một lần."])
    assert run_rule(RULE, d, profile=profile()) == []


def test_wrong_six_months_after_the_monthly_meeting_in_one_sentence() -> None:
    d = chibo_doc(["1. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần, sinh hoạt chuyên đề 6 tháng một lần."])
    assert [f.actual for f in run_rule(RULE, d)] == ["6 tháng một lần"]


def test_wrong_instead_of_the_monthly_meeting() -> None:
    d = chibo_doc([MONTHLY, "2. Hằng quý, chi bộ sinh hoạt chuyên đề thay cho sinh hoạt thường kỳ của tháng đó."])
    found = run_rule(RULE, d)
    assert [f.severity for f in found] == ["warning"]
    assert "thay cho" in found[0].message


def test_wrong_absent() -> None:
    found = run_rule(RULE, chibo_doc([MONTHLY]))
    assert [(f.severity, f.actual) for f in found] == [("warning", None)]


def test_not_applicable_to_a_dang_uy() -> None:
    d = danguy_doc(["1. Các chi bộ trực thuộc sinh hoạt chuyên đề mỗi năm một lần."])
    assert run_rule(RULE, d) == []
