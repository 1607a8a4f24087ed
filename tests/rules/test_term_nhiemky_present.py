"""TERM-NHIEMKY-PRESENT — examples of rules.md §7: the trích yếu states "nhiệm kỳ YYYY - YYYY"."""

from __future__ import annotations

import pytest

from factory import L, doc
from meetdocs import chibo_doc
from rulekit import run_rule

RULE = "TERM-NHIEMKY-PRESENT"


def summary(text: str) -> list[L]:
    return [L(text, b=True)]


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_wrong_no_term(layout: str) -> None:
    d = doc(summary=summary("làm việc của Ban Chấp hành Đảng bộ Bệnh viện Đa khoa tỉnh khóa XII"),
            header_layout=layout)
    found = run_rule(RULE, d)
    assert [(f.severity, f.part, f.zone, f.expected) for f in found] == [
        ("error", "dang_uy", "title", "nhiệm kỳ YYYY - YYYY")]


def test_right_with_term() -> None:
    d = doc(summary=summary("làm việc của Ban Chấp hành Đảng bộ Bệnh viện Đa khoa tỉnh khóa XII, nhiệm kỳ 2025 - 2030"))
    assert run_rule(RULE, d) == []


@pytest.mark.parametrize("term", ["nhiệm kỳ 2025-2030", "nhiệm kỳ 2025 – 2030", "NHIỆM KỲ 2025 - 2030"])
def test_right_dash_and_case_variants(term: str) -> None:
    assert run_rule(RULE, doc(summary=summary(f"làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I, {term}"))) == []


def test_chi_bo_is_a_warning() -> None:
    found = run_rule(RULE, chibo_doc(summary="làm việc của Chi bộ thôn Phú Lộc"))
    assert [(f.severity, f.part) for f in found] == [("warning", "chi_bo")]


def test_term_left_blank() -> None:
    found = run_rule(RULE, chibo_doc(summary="làm việc của Chi bộ thôn Phú Lộc, nhiệm kỳ 20... - 20..."))
    assert len(found) == 1 and "chưa ghi đủ" in found[0].message


def test_the_term_on_the_second_summary_line() -> None:
    d = doc(summary=summary("làm việc của Ban Chấp hành Đảng bộ xã An Hòa") + summary("khóa I, nhiệm kỳ 2025 - 2030"))
    assert run_rule(RULE, d) == []
