"""TERM-RANGE-VALID — examples of rules.md §7: 5-year terms; chi bộ trực thuộc about 2.5 (or 5 under the pilot)."""

from __future__ import annotations

import pytest

from factory import L, doc
from meetdocs import chibo_doc, profile
from rulekit import run_rule

RULE = "TERM-RANGE-VALID"


def cb(term: str) -> object:
    return chibo_doc(summary=f"làm việc của Chi bộ thôn Phú Lộc, nhiệm kỳ {term}")


def test_wrong_two_years_for_a_chi_bo_co_so() -> None:
    found = run_rule(RULE, cb("2025 - 2027"), profile=profile("chi_bo_co_so", "truong_hoc", members=12, committee=3))
    assert [(f.severity, f.zone, f.actual) for f in found] == [("warning", "title", "2 năm")]


def test_right_five_years() -> None:
    assert run_rule(RULE, cb("2025 - 2030"), profile=profile("chi_bo_co_so", "truong_hoc", members=12,
                                                              committee=3)) == []


@pytest.mark.parametrize(("term", "fires"), [
    ("2020 - 2022", False), ("2022 - 2025", False),  # about 2.5 years
    ("2025 - 2030", False),  # 294-QĐ/TW pilot: five years from 2025
    ("2020 - 2025", True),  # five years before the pilot
    ("2025 - 2026", True),
])
def test_chi_bo_truc_thuoc(term: str, fires: bool) -> None:
    assert bool(run_rule(RULE, cb(term), profile=profile())) is fires


def test_dang_uy_without_profile_from_the_issuer() -> None:
    d = doc(summary=[L("làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I, nhiệm kỳ 2025 - 2028", b=True)])
    assert [f.actual for f in run_rule(RULE, d)] == ["3 năm"]
    assert run_rule(RULE, doc()) == []


def test_chi_bo_of_unknown_kind_accepts_both_lengths() -> None:
    assert run_rule(RULE, cb("2022 - 2025")) == []
    assert run_rule(RULE, cb("2025 - 2030")) == []
    assert len(run_rule(RULE, cb("2025 - 2029"))) == 1
