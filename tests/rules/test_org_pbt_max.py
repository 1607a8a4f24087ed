"""ORG-PBT-MAX — examples of rules.md §5; stated counts, plurals, named deputies; the two parts."""

from __future__ import annotations

import pytest
from org_kit import SCHOOL_CB, SCHOOL_DU, XA, articles, committee, org_profile, party_doc, unchecked

from quyche.model import Document
from rulekit import run_rule

RULE = "ORG-PBT-MAX"
CHI_BO = org_profile("chi_bo_co_so", SCHOOL_CB, type="truong_hoc", members=15, committee=committee(5))
XA_PROFILE = org_profile()  # Đảng ủy xã An Hòa, 2 phó bí thư, term 2025–2030


def chi_bo(*clauses: str, title: str = "Trách nhiệm, quyền hạn của Phó Bí thư") -> Document:
    body = articles(("Trách nhiệm, quyền hạn của Bí thư", ["1. Phụ trách chung."]), (title, list(clauses)))
    return party_doc(SCHOOL_CB, "Đảng bộ xã An Hòa", body=body)


def dang_uy(issuer: str, *clauses: str) -> Document:
    body = articles(("Trách nhiệm, quyền hạn của các Phó Bí thư", list(clauses)))
    return party_doc(issuer, body=body)


def test_wrong_chi_bo_with_two_deputies() -> None:
    found = run_rule(RULE, chi_bo("1. Chi bộ có 02 Phó Bí thư."), profile=CHI_BO)
    assert [(f.severity, f.part, f.zone, f.actual) for f in found] == [("error", "chi_bo", "body", "2 phó bí thư")]


def test_right_chi_bo_with_one_deputy() -> None:
    assert run_rule(RULE, chi_bo("1. Chi bộ có 01 Phó Bí thư."), profile=CHI_BO) == []


@pytest.mark.parametrize("clause", [
    "1. Chi bộ có hai đồng chí Phó Bí thư, giúp Bí thư theo lĩnh vực.",
    "1. Chi bộ bầu Bí thư và 02 (hai) Phó Bí thư.",
])
def test_counts_in_words_and_with_dong_chi(clause: str) -> None:
    assert [f.actual for f in run_rule(RULE, chi_bo(clause), profile=CHI_BO)] == ["2 phó bí thư"]


def test_two_people_named_as_deputy() -> None:
    d = chi_bo("1. Đồng chí Vũ Văn Tuấn, Phó Bí thư, được phân công: phụ trách công tác tư tưởng.",
               "2. Đồng chí Trần Thị Thu Liên, Phó Bí thư, được phân công: phụ trách công tác dân vận.")
    found = run_rule(RULE, d, profile=CHI_BO)
    assert [(f.part, f.actual) for f in found] == [("chi_bo", "2 phó bí thư")]
    assert "Trần Thị Thu Liên" in found[0].message


def test_plural_heading_in_a_chi_bo() -> None:
    d = chi_bo("1. Giúp Bí thư theo lĩnh vực được phân công.", title="Trách nhiệm, quyền hạn của các Phó Bí thư")
    assert [f.text for f in run_rule(RULE, d, profile=CHI_BO)] == ["Điều 2. Trách nhiệm, quyền hạn của các Phó Bí thư"]


@pytest.mark.parametrize("clause", [
    "1. Đồng chí Vũ Văn Tuấn, Phó Bí thư, được phân công: phụ trách công tác tư tưởng.",
    "1. Thực hiện chỉ đạo của 02 Phó Bí thư Tỉnh ủy phụ trách khối.",  # another organisation's deputies
    "1. Đồng chí Lê Văn Nam, Phó Bí thư Chi đoàn; đồng chí Vũ Văn Tuấn, Phó Bí thư, phụ trách tư tưởng.",
])
def test_one_deputy_or_other_organisations(clause: str) -> None:
    assert run_rule(RULE, chi_bo(clause), profile=CHI_BO) == []


def test_commune_committee_with_three_deputies_is_a_warning() -> None:
    found = run_rule(RULE, dang_uy(XA, "1. Đảng ủy có 03 Phó Bí thư."), profile=XA_PROFILE)
    assert [(f.severity, f.part) for f in found] == [("warning", "dang_uy_xa")]


def test_commune_committee_with_two_deputies() -> None:
    d = dang_uy(XA, "1. Đảng ủy có 02 Phó Bí thư: một Phó Bí thư Thường trực và một Phó Bí thư là Chủ tịch UBND.")
    assert run_rule(RULE, d, profile=XA_PROFILE) == []


def test_other_dang_uy_co_so_has_no_central_figure() -> None:
    school = org_profile("dang_uy_co_so", SCHOOL_DU, type="truong_hoc", superior="Đảng bộ xã An Hòa", members=60,
                         committee=committee(9, deputies=3))
    d = dang_uy(SCHOOL_DU, "1. Đảng ủy có 03 Phó Bí thư.")
    assert run_rule(RULE, d, profile=school) == []


def test_profile_of_a_chi_bo_with_two_deputies() -> None:
    profile = unchecked(CHI_BO, committee=committee(5, deputies=2))
    found = run_rule(RULE, chi_bo("1. Giúp Bí thư."), profile=profile)
    assert [(f.severity, f.zone, f.paragraph) for f in found] == [("error", "profile", None)]


def test_commune_profile_with_three_deputies_and_other_term() -> None:
    three = org_profile(committee=committee(15, deputies=3, btv=5))
    assert [f.zone for f in run_rule(RULE, dang_uy(XA, "1. Giúp Bí thư."), profile=three)] == ["profile"]
    later = org_profile(committee=committee(15, deputies=3, btv=5), term={"from": 2030, "to": 2035, "khoa": "II"})
    assert run_rule(RULE, dang_uy(XA, "1. Giúp Bí thư."), profile=later) == []


def test_without_a_profile_the_chi_bo_is_known_from_the_issuer() -> None:
    assert [f.part for f in run_rule(RULE, chi_bo("1. Chi bộ có 02 Phó Bí thư."))] == ["chi_bo"]
