"""MEET-DBCS-PLENARY — examples of rules.md §6: a đảng bộ cơ sở's whole membership meets twice a year."""

from __future__ import annotations

import pytest

from meetdocs import danguy_doc, profile
from rulekit import run_rule

RULE = "MEET-DBCS-PLENARY"
BCH = "1. Ban Chấp hành họp thường lệ mỗi tháng một lần."


def dbcs() -> object:
    return profile("dang_uy_co_so", "truong_hoc", committee=7, members=46)


def test_wrong_no_clause_on_all_members() -> None:
    found = run_rule(RULE, danguy_doc([BCH]), profile=dbcs())
    assert [(f.severity, f.expected, f.actual) for f in found] == [("warning", "mỗi năm 2 lần", None)]


@pytest.mark.parametrize("text", [
    "Hội nghị đảng viên toàn đảng bộ họp mỗi năm 2 lần vào dịp sơ kết 6 tháng và tổng kết năm.",
    "Đảng bộ sinh hoạt toàn thể mỗi năm hai lần vào dịp sơ kết sáu tháng và tổng kết năm.",  # corpus wording
    "Đảng bộ sinh hoạt toàn thể vào dịp sơ kết 6 tháng và tổng kết năm.",
])
def test_right_twice_a_year(text: str) -> None:
    assert run_rule(RULE, danguy_doc([BCH, f"2. {text}"]), profile=dbcs()) == []


def test_wrong_once_a_year() -> None:
    d = danguy_doc([BCH, "2. Hội nghị đảng viên toàn đảng bộ họp mỗi năm một lần vào dịp tổng kết năm."])
    found = run_rule(RULE, d, profile=dbcs())
    assert [(f.severity, f.actual) for f in found] == [("warning", "mỗi năm một lần")]


def test_only_a_dang_bo_co_so() -> None:
    d = danguy_doc([BCH])
    assert run_rule(RULE, d) == []  # no profile: the kind cannot be told from the issuer line
    assert run_rule(RULE, d, profile=profile("dang_uy_cap_tren_co_so", "xa", committee=27, btv=7,
                                             members=480)) == []
    # a đảng ủy xã given kind dang_uy_co_so is still cấp trên cơ sở since 01/7/2025
    assert run_rule(RULE, d, profile=profile("dang_uy_co_so", "xa", committee=15, btv=5, members=300)) == []
