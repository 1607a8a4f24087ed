"""TERM-MATCH-PROFILE — examples of rules.md §7 and the corpus defect (mutant_24)."""

from __future__ import annotations

import pytest

from factory import L, doc
from meetdocs import chibo_doc, profile
from rulekit import run_rule

RULE = "TERM-MATCH-PROFILE"


def summary(text: str) -> list[L]:
    return [L(text, b=True)]


def xii() -> object:
    return profile("dang_uy_co_so", "benh_vien", committee=7, members=60,
                   term={"from": 2025, "to": 2030, "khoa": "XII"})


def test_wrong_khoa_and_term() -> None:
    d = doc(summary=summary("làm việc của Ban Chấp hành Đảng bộ Bệnh viện Đa khoa tỉnh khóa XI, nhiệm kỳ 2020 - 2025"))
    found = run_rule(RULE, d, profile=xii())
    assert [(f.severity, f.zone, f.expected, f.actual) for f in found] == [
        ("error", "title", "khóa XII, nhiệm kỳ 2025 - 2030", "khóa XI, nhiệm kỳ 2020 - 2025")]


def test_right_same_as_profile() -> None:
    d = doc(summary=summary("làm việc của Ban Chấp hành Đảng bộ Bệnh viện Đa khoa tỉnh khóa XII, nhiệm kỳ 2025 - 2030"))
    assert run_rule(RULE, d, profile=xii()) == []


def test_arabic_khoa_equals_roman() -> None:
    d = doc(summary=summary("làm việc của Ban Chấp hành Đảng bộ Bệnh viện Đa khoa tỉnh khoá 12, nhiệm kỳ 2025 - 2030"))
    assert run_rule(RULE, d, profile=xii()) == []


@pytest.mark.parametrize("layout", ["table", "paragraphs"])
def test_only_the_term_differs(layout: str) -> None:
    """Corpus mutant_24: "nhiệm kỳ 2020 - 2025" while the profile says 2025–2030."""
    d = doc(summary=summary("làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I, nhiệm kỳ 2020 - 2025"),
            header_layout=layout)
    found = run_rule(RULE, d, profile=profile("dang_uy_cap_tren_co_so", "xa", committee=27, btv=7, members=480))
    assert [(f.expected, f.actual) for f in found] == [("nhiệm kỳ 2025 - 2030", "nhiệm kỳ 2020 - 2025")]


def test_chi_bo_without_khoa() -> None:
    assert run_rule(RULE, chibo_doc(), profile=profile()) == []
    wrong = chibo_doc(summary="làm việc của Chi bộ thôn Phú Lộc, nhiệm kỳ 2022 - 2025")
    assert [f.actual for f in run_rule(RULE, wrong, profile=profile())] == ["nhiệm kỳ 2022 - 2025"]


def test_needs_a_profile() -> None:
    d = doc(summary=summary("làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I, nhiệm kỳ 2020 - 2025"))
    assert run_rule(RULE, d) == []
