"""MEET-DU-BCH-QUARTERLY — examples of rules.md §6 (147 model error; other đảng ủy info ⚑)."""

from __future__ import annotations

from meetdocs import chibo_doc, danguy_doc, dn_profile, profile, xa_profile
from rulekit import run_rule

RULE = "MEET-DU-BCH-QUARTERLY"


def test_wrong_six_months_in_the_147_model() -> None:
    found = run_rule(RULE, danguy_doc(["1. Ban Chấp hành họp thường lệ 6 tháng một lần."]), profile=dn_profile())
    assert [(f.severity, f.part, f.actual) for f in found] == [("error", "dn_cap_tren", "6 tháng một lần")]


def test_right_three_months() -> None:
    assert run_rule(RULE, danguy_doc(["1. Ban Chấp hành họp thường lệ 3 tháng một lần."]), profile=dn_profile()) == []


def test_other_dang_uy_is_flagged_info() -> None:
    found = run_rule(RULE, danguy_doc(["1. Ban Chấp hành họp thường lệ 6 tháng một lần."]), profile=xa_profile())
    assert [(f.severity, f.part, f.needs_confirmation) for f in found] == [("info", "other", True)]


def test_dang_uy_and_quarter_wording() -> None:
    d = danguy_doc(["1. Đảng ủy họp thường lệ hằng quý; Ban Thường vụ họp thường lệ mỗi tháng một lần."])
    assert run_rule(RULE, d, profile=dn_profile()) == []


def test_not_stated() -> None:
    d = danguy_doc(["1. Ban Thường vụ họp thường lệ mỗi tháng một lần."])
    found = run_rule(RULE, d, profile=dn_profile())
    assert [(f.severity, f.actual) for f in found] == [("error", None)]


def test_a_committee_meeting_named_by_the_standing_committee_sentence() -> None:
    """"Ban Thường vụ triệu tập Ban Chấp hành họp …": the interval is the Ban Chấp hành's."""
    d = danguy_doc(["1. Ban Thường vụ triệu tập Ban Chấp hành họp thường lệ 6 tháng một lần."])
    assert [f.actual for f in run_rule(RULE, d, profile=dn_profile())] == ["6 tháng một lần"]


def test_without_ban_thuong_vu_or_profile_not_applicable() -> None:
    d = danguy_doc(["1. Ban Chấp hành họp thường lệ 6 tháng một lần."])
    assert run_rule(RULE, d) == []
    assert run_rule(RULE, d, profile=profile("dang_uy_co_so", "truong_hoc", committee=7, members=40)) == []
    assert run_rule(RULE, chibo_doc(), profile=profile()) == []
