"""MEET-DU-BTV-MONTHLY — examples of rules.md §6: ban thường vụ monthly, thường trực every 2 weeks."""

from __future__ import annotations

from meetdocs import chibo_doc, danguy_doc, dn_profile, profile, xa_profile
from rulekit import run_rule

RULE = "MEET-DU-BTV-MONTHLY"


def test_wrong_two_months() -> None:
    found = run_rule(RULE, danguy_doc(["1. Ban Thường vụ họp 2 tháng một lần."]), profile=dn_profile())
    assert [(f.severity, f.part, f.expected, f.actual) for f in found] == [
        ("error", "dn_cap_tren", "mỗi tháng một lần", "2 tháng một lần")]


def test_right_monthly_and_two_weeks() -> None:
    d = danguy_doc(["1. Ban Thường vụ họp thường lệ mỗi tháng một lần; Thường trực Đảng ủy họp 2 tuần một lần."])
    assert run_rule(RULE, d, profile=dn_profile()) == []


def test_weekly_thuong_truc_is_right() -> None:
    d = danguy_doc(["1. Ban Thường vụ họp thường lệ mỗi tháng một lần.",
                    "2. Thường trực Đảng ủy giao ban hằng tuần để giải quyết công việc thường xuyên."])
    assert run_rule(RULE, d, profile=dn_profile()) == []


def test_monthly_thuong_truc_is_too_rare() -> None:
    d = danguy_doc(["1. Ban Thường vụ họp thường lệ mỗi tháng một lần; Thường trực họp mỗi tháng một lần."])
    found = run_rule(RULE, d, profile=dn_profile())
    assert [(f.expected, f.actual) for f in found] == [("2 tuần một lần", "mỗi tháng một lần")]


def test_other_dang_uy_is_flagged_info() -> None:
    found = run_rule(RULE, danguy_doc(["1. Ban Thường vụ họp 2 tháng một lần."]), profile=xa_profile())
    assert [(f.severity, f.part, f.needs_confirmation) for f in found] == [("info", "other", True)]


def test_not_applicable_without_a_ban_thuong_vu() -> None:
    d = danguy_doc(["1. Ban Thường vụ họp 2 tháng một lần."])
    assert run_rule(RULE, d) == []  # no profile
    assert run_rule(RULE, d, profile=profile("dang_uy_co_so", "truong_hoc", committee=7, members=40)) == []
    # a chi bộ naming its superior's Ban Thường vụ
    c = chibo_doc(["1. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần.",
                   "2. Ban Thường vụ Đảng ủy xã họp với các chi bộ hằng quý."])
    assert run_rule(RULE, c, profile=profile()) == []
