"""ORG-KIND-MISMATCH — examples of rules.md §5; issuer prefix, trích yếu author and "T/M …" line."""

from __future__ import annotations

import pytest
from org_kit import LAYOUTS, SCHOOL_CB, XA, org_profile, party_doc

from rulekit import run_rule

RULE = "ORG-KIND-MISMATCH"
CHI_BO = org_profile("chi_bo_co_so", SCHOOL_CB, type="truong_hoc")
SCHOOL = "Chi bộ Trường THPT Hòa Bình"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_wrong_chi_bo_regulation_of_the_ban_chap_hanh(layout: str) -> None:
    d = party_doc(SCHOOL, "Đảng bộ xã An Hòa", header_layout=layout,
                  summary="làm việc của Ban Chấp hành Đảng bộ Trường THPT Hòa Bình")
    found = run_rule(RULE, d, profile=CHI_BO)
    assert [(f.severity, f.zone, f.expected) for f in found] == [("error", "title", "làm việc của Chi bộ …")]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_right_chi_bo_regulation(layout: str) -> None:
    d = party_doc(SCHOOL, "Đảng bộ xã An Hòa", header_layout=layout,
                  summary="làm việc của Chi bộ Trường THPT Hòa Bình, nhiệm kỳ 2025 - 2030")
    assert run_rule(RULE, d, profile=CHI_BO) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_chi_bo_signing_for_the_dang_uy(layout: str) -> None:
    d = party_doc(SCHOOL, "Đảng bộ xã An Hòa", authority="T/M ĐẢNG UỶ", closing_layout=layout)
    found = run_rule(RULE, d, profile=CHI_BO)
    assert [(f.zone, f.expected, f.actual) for f in found] == [("signature", "T/M CHI BỘ", "T/M ĐẢNG UỶ")]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_dang_uy_speaking_as_a_chi_bo_everywhere(layout: str) -> None:
    d = party_doc("Chi bộ xã An Hòa", header_layout=layout, closing_layout=layout)
    found = run_rule(RULE, d, profile=org_profile())
    assert [f.zone for f in found] == ["header", "title", "signature"]
    assert found[0].expected == "ĐẢNG ỦY …"


@pytest.mark.parametrize("authority", ["T/M BAN THƯỜNG VỤ", "T/M BAN CHẤP HÀNH", "T/M ĐẢNG ỦY"])
def test_dang_uy_bodies_are_one_kind(authority: str) -> None:
    assert run_rule(RULE, party_doc(XA, authority=authority), profile=org_profile()) == []


def test_chi_uy_speaks_for_a_chi_bo() -> None:
    d = party_doc(SCHOOL, "Đảng bộ xã An Hòa", summary="làm việc của Chi ủy Chi bộ Trường THPT Hòa Bình")
    assert run_rule(RULE, d, profile=CHI_BO) == []
