"""REF-LOCAL-BASES-MISSING — examples of rules.md §4 plus model regulations and the basis set by profile."""

from __future__ import annotations

import pytest
from refkit import CONGRESS, DIEU_LE, HD_06, QD_294, SUPERIOR_QC, ref_doc, thon_profile, xa_profile

from factory import PartyDoc
from rulekit import run_rule

RULE = "REF-LOCAL-BASES-MISSING"


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_example_chi_bo_truc_thuoc_without_local_bases(formatting: str) -> None:
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, HD_06, formatting=formatting), profile=thon_profile())
    assert [(f.severity, f.zone) for f in found] == [("info", "preamble"), ("info", "preamble")]
    assert {f.expected for f in found} == {
        "Quy chế làm việc của Ban Chấp hành Đảng bộ xã An Hòa",
        "Nghị quyết Đại hội Chi bộ thôn Phú Lộc lần thứ …, nhiệm kỳ 2025 - 2030",
    }


def test_right_example_both_local_bases() -> None:
    d = ref_doc(DIEU_LE, QD_294,
                "- Căn cứ Quy chế làm việc số 01-QC/ĐU … của Ban Chấp hành Đảng bộ xã An Hòa;",
                "- Căn cứ Nghị quyết Đại hội Chi bộ thôn Phú Lộc nhiệm kỳ 2025 - 2030;")
    assert run_rule(RULE, d, profile=thon_profile()) == []
    assert run_rule(RULE, d) == []


def test_right_default_document() -> None:
    assert run_rule(RULE, PartyDoc().read()) == []


def test_a_model_regulation_is_not_the_superiors_regulation() -> None:
    model = ("- Căn cứ Quyết định số 302-QĐ/TW ngày 09/6/2025 của Ban Bí thư ban hành Quy chế làm việc mẫu của đảng "
             "ủy xã, phường, đặc khu;")
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, model, CONGRESS))
    assert [f.expected for f in found] == ["Quy chế làm việc của Ban Chấp hành Đảng bộ …"]


def test_commune_committee_is_not_expected_to_cite_a_superiors_regulation() -> None:
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, HD_06), profile=xa_profile())
    assert [f.expected for f in found] == ["Nghị quyết Đại hội Đảng bộ xã An Hòa lần thứ …, nhiệm kỳ 2025 - 2030"]
    assert run_rule(RULE, ref_doc(DIEU_LE, QD_294, HD_06, CONGRESS), profile=xa_profile()) == []


def test_without_profile_both_are_recommended() -> None:
    assert len(run_rule(RULE, ref_doc(DIEU_LE, QD_294, HD_06))) == 2
    assert [f.expected for f in run_rule(RULE, ref_doc(DIEU_LE, QD_294, SUPERIOR_QC))] == [
        "Nghị quyết Đại hội … nhiệm kỳ 2025 - 2030"
    ]
