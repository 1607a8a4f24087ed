"""ORG-SUPERIOR-LINE — examples of rules.md §5 over every header layout; the flagged post-2025 kind part."""

from __future__ import annotations

import pytest
from org_kit import FORMATTING, LAYOUTS, SCHOOL_CB, XA, org_profile, party_doc

from rulekit import run_rule

RULE = "ORG-SUPERIOR-LINE"
PROFILE = org_profile(superior="Đảng bộ tỉnh Tây Ninh")


@pytest.mark.parametrize("formatting", FORMATTING)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_wrong_superior_long_an(layout: str, formatting: str) -> None:
    d = party_doc(XA, "Đảng bộ tỉnh Long An", header_layout=layout, formatting=formatting)
    found = run_rule(RULE, d, profile=PROFILE)
    assert [(f.severity, f.part, f.zone, f.actual) for f in found] == [
        ("error", "profile", "header", "ĐẢNG BỘ TỈNH LONG AN")]
    assert found[0].expected == "ĐẢNG BỘ TỈNH TÂY NINH"


@pytest.mark.parametrize("formatting", FORMATTING)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_right_superior_tay_ninh(layout: str, formatting: str) -> None:
    d = party_doc(XA, "Đảng bộ tỉnh Tây Ninh", header_layout=layout, formatting=formatting)
    assert run_rule(RULE, d, profile=PROFILE) == []


@pytest.mark.parametrize("line", ["TỈNH ỦY TÂY NINH", "ĐẢNG UỶ TỈNH TÂY NINH", "Đảng bộ Tỉnh Tây Ninh"])
def test_committee_wording_names_the_same_superior(line: str) -> None:
    assert run_rule(RULE, party_doc(XA, line), profile=PROFILE) == []


def test_tone_placement_in_the_superior() -> None:
    profile = org_profile("chi_bo_co_so", SCHOOL_CB, type="truong_hoc", superior="Đảng bộ phường Hòa Khánh")
    assert run_rule(RULE, party_doc(SCHOOL_CB, "Đảng bộ phường Hoà Khánh"), profile=profile) == []


def test_commune_committee_under_a_district_after_july_2025_is_flagged_info() -> None:
    profile = org_profile(superior="Đảng bộ huyện Châu Thành")
    found = run_rule(RULE, party_doc(XA, "Đảng bộ huyện Châu Thành"), profile=profile)
    assert [(f.severity, f.part, f.needs_confirmation) for f in found] == [("info", "kind", True)]
    assert found[0].message.startswith("[Cần xác nhận]")


def test_grassroots_chi_bo_under_a_district_line() -> None:
    profile = org_profile("chi_bo_co_so", SCHOOL_CB, type="truong_hoc", superior="Đảng bộ xã An Hòa")
    found = run_rule(RULE, party_doc(SCHOOL_CB, "Huyện ủy Châu Thành"), profile=profile)
    assert [(f.severity, f.part) for f in found] == [("error", "profile"), ("info", "kind")]


def test_before_july_2025_the_district_was_still_there() -> None:
    profile = org_profile(superior="Đảng bộ huyện Châu Thành")
    d = party_doc(XA, "Đảng bộ huyện Châu Thành", date_line="An Hòa, ngày 15 tháng 10 năm 2024")
    assert run_rule(RULE, d, profile=profile) == []
