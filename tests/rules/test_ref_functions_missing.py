"""REF-FUNCTIONS-MISSING — examples of rules.md §4 plus the types with no functions regulation."""

from __future__ import annotations

from datetime import date

import pytest
from refkit import (
    CONGRESS,
    DIEU_LE,
    QD_294,
    QD_298,
    body_with,
    profile,
    ref_doc,
    school_profile,
    thon_profile,
    xa_profile,
)

from rulekit import run_rule

RULE = "REF-FUNCTIONS-MISSING"
AS_OF = date(2026, 3, 1)
QD_125 = "- Căn cứ Quy định số 125-QĐ/TW, ngày 10/10/2023 của Ban Bí thư về chức năng, nhiệm vụ …;"


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_example_public_service_unit_cites_only_dieu_le_and_294(formatting: str) -> None:
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, formatting=formatting), as_of=AS_OF, profile=school_profile())
    assert [(f.severity, f.confidence, f.zone, f.expected) for f in found] == [
        ("warning", "M", "preamble", "125-QĐ/TW")
    ]
    assert "đơn vị sự nghiệp công lập" in found[0].message


def test_right_example_also_cites_125() -> None:
    assert run_rule(RULE, ref_doc(DIEU_LE, QD_294, QD_125), as_of=AS_OF, profile=school_profile()) == []


def test_bare_number_counts() -> None:
    d = ref_doc(DIEU_LE, QD_294, "- Căn cứ Quy định 125 của Ban Bí thư;")
    assert run_rule(RULE, d, as_of=AS_OF, profile=school_profile()) == []


def test_thon_chi_bo_has_no_functions_regulation_so_nothing_is_missing() -> None:
    assert run_rule(RULE, ref_doc(DIEU_LE, QD_294, CONGRESS), as_of=AS_OF, profile=thon_profile()) == []


def test_commune_committee_needs_298_and_127_does_not_count() -> None:
    qd_127 = "- Căn cứ Quy định số 127-QĐ/TW ngày 01/3/2018 của Ban Bí thư;"
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, qd_127, on=(12, 9, 2025)), as_of=AS_OF, profile=xa_profile())
    assert [f.expected for f in found] == ["298-QĐ/TW"]
    assert run_rule(RULE, ref_doc(DIEU_LE, QD_294, QD_298), as_of=AS_OF, profile=xa_profile()) == []


def test_staff_bodies_regulation_is_not_the_committees_own() -> None:
    line = "- Căn cứ Quy định số 299-QĐ/TW ngày 09/6/2025 của Ban Bí thư về các cơ quan tham mưu;"
    assert len(run_rule(RULE, ref_doc(DIEU_LE, QD_294, line), as_of=AS_OF, profile=xa_profile())) == 1


def test_a_mention_in_the_body_is_not_a_basis() -> None:
    body = body_with("1. Thực hiện chức năng, nhiệm vụ theo Quy định số 125-QĐ/TW của Ban Bí thư.")
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, body=body), as_of=AS_OF, profile=school_profile())
    assert len(found) == 1


def test_state_enterprise_expects_287() -> None:
    p = profile("dang_uy_co_so", "doanh_nghiep_nha_nuoc", name="Đảng ủy Công ty An Hòa", members=60)
    assert [f.expected for f in run_rule(RULE, ref_doc(DIEU_LE, QD_294), as_of=AS_OF, profile=p)] == ["287-QĐ/TW"]
