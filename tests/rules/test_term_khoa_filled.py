"""TERM-KHOA-FILLED — examples of rules.md §7: a đảng ủy's trích yếu states its khóa, filled in."""

from __future__ import annotations

import pytest

from factory import L, doc
from meetdocs import chibo_doc, profile
from rulekit import run_rule

RULE = "TERM-KHOA-FILLED"
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]


def summary(text: str) -> list[L]:
    return [L(text, b=True)]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_wrong_khoa_dots(layout: str) -> None:
    d = doc(summary=summary("làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa ..., nhiệm kỳ 2025 - 2030"),
            header_layout=layout)
    found = run_rule(RULE, d)
    assert [(f.severity, f.zone, f.actual) for f in found] == [("error", "title", "khóa ...")]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_right_khoa_filled(layout: str) -> None:
    d = doc(summary=summary("làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I, nhiệm kỳ 2025 - 2030"),
            header_layout=layout)
    assert run_rule(RULE, d) == []


@pytest.mark.parametrize("text", [
    "làm việc của Ban Chấp hành Đảng bộ xã An Hòa khoá XII, nhiệm kỳ 2025 - 2030",  # "khoá" spelling
    "làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa 12, nhiệm kỳ 2025 - 2030",  # Arabic numeral
    "LÀM VIỆC CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ AN HÒA KHÓA XXI, NHIỆM KỲ 2025 - 2030",
])
def test_right_variants(text: str) -> None:
    assert run_rule(RULE, doc(summary=summary(text))) == []


@pytest.mark.parametrize(("text", "actual"), [
    ("làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa …, nhiệm kỳ 2025 - 2030", "khóa …"),
    ("làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa [số khóa], nhiệm kỳ 2025 - 2030", "khóa [số khóa]"),
    ("làm việc của Ban Chấp hành Đảng bộ xã An Hòa, nhiệm kỳ 2025 - 2030", None),
])
def test_wrong_variants(text: str, actual: str | None) -> None:
    found = run_rule(RULE, doc(summary=summary(text)))
    assert [(f.severity, f.actual) for f in found] == [("error", actual)]


def test_the_summary_on_two_lines() -> None:
    d = doc(summary=summary("làm việc của Ban Chấp hành Đảng bộ xã An Hòa") + summary("khóa ..., nhiệm kỳ 2025 - 2030"))
    assert [f.actual for f in run_rule(RULE, d)] == ["khóa ..."]


def test_profile_says_dang_uy() -> None:
    d = doc(summary=summary("làm việc của Ban Chấp hành Đảng bộ xã An Hòa, nhiệm kỳ 2025 - 2030"))
    found = run_rule(RULE, d, profile=profile("dang_uy_cap_tren_co_so", "xa", committee=27, btv=7, members=480))
    assert len(found) == 1


def test_not_applicable_to_a_chi_bo() -> None:
    """A chi bộ's title carries no khóa; "khóa ..." left there is TPL-PLACEHOLDER's."""
    assert run_rule(RULE, chibo_doc()) == []
    assert run_rule(RULE, chibo_doc(summary="làm việc của Chi bộ thôn Phú Lộc khóa ..., nhiệm kỳ 2025 - 2030")) == []
    assert run_rule(RULE, chibo_doc(), profile=profile()) == []
