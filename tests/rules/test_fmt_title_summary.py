"""FMT-TITLE-SUMMARY — examples of rules.md §2 and the usual deviations of a trích yếu."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "FMT-TITLE-SUMMARY"
TEXT = "làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I, nhiệm kỳ 2025 - 2030"


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_capital_start_and_italic(formatting: str) -> None:
    summary = [L("Làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I, nhiệm kỳ 2025 - 2030", i=True)]
    found = run_rule(RULE, doc(summary=summary, formatting=formatting))
    assert [f.severity for f in found] == ["warning"]
    assert "chữ hoa" in found[0].message and "nghiêng" in found[0].message and "đậm" in found[0].message
    assert found[0].zone == "title"


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_right_lower_case_bold(formatting: str) -> None:
    assert run_rule(RULE, doc(summary=[L(TEXT, b=True)], formatting=formatting)) == []


def test_bold_but_upper_case_summary_is_flagged() -> None:
    found = run_rule(RULE, doc(summary=[L(TEXT.upper(), b=True)]))
    assert len(found) == 1 and found[0].actual == "in hoa"


@pytest.mark.parametrize("size", [14, 14.5, 15])
def test_sizes_14_to_15_accepted(size: float) -> None:
    assert run_rule(RULE, doc(summary=[L(TEXT, b=True, size=size)])) == []


def test_13pt_summary_is_flagged() -> None:
    found = run_rule(RULE, doc(summary=[L(TEXT, b=True, size=13)]))
    assert len(found) == 1 and found[0].actual == "13 pt"


def test_two_line_summary_second_line_not_bold() -> None:
    summary = [L("làm việc của Ban Chấp hành Đảng bộ xã An Hòa", b=True), L("khóa I, nhiệm kỳ 2025 - 2030")]
    found = run_rule(RULE, doc(summary=summary))
    assert len(found) == 1 and "đậm" in found[0].message


def test_unbracketed_reference_line_under_the_summary_is_not_judged_as_summary() -> None:
    summary = [L(TEXT, b=True), L("Ban hành kèm theo Quyết định số 05-QĐ/ĐU ngày 15/10/2025", i=True)]
    assert run_rule(RULE, doc(summary=summary)) == []
