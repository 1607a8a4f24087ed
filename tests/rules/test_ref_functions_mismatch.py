"""REF-FUNCTIONS-MISMATCH — examples of rules.md §4 plus dated applies_to values and the profile requirement."""

from __future__ import annotations

from datetime import date

import pytest
from refkit import DIEU_LE, QD_294, QD_298, ref_doc, school_profile, ubnd_profile, xa_profile

from quyche.engine import Checker, Selection
from quyche.rules.base import Context
from rulekit import run_rule

RULE = "REF-FUNCTIONS-MISMATCH"
AS_OF = date(2026, 3, 1)
QD_361 = ("- Căn cứ Quy định số 361-QĐ/TW … về chức năng, nhiệm vụ của đảng bộ, chi bộ cơ sở các cơ quan đảng "
          "…;")
QD_362 = "- Căn cứ Quy định số 362-QĐ/TW, ngày 30/8/2025 …;"
QD_127 = ("- Căn cứ Quy định số 127-QĐ/TW ngày 01/3/2018 của Ban Bí thư về chức năng, nhiệm vụ của đảng bộ, chi bộ "
          "cơ sở xã, phường, thị trấn;")


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_example_ubnd_chi_bo_cites_361(formatting: str) -> None:
    d = ref_doc(DIEU_LE, QD_294, QD_361, formatting=formatting)
    found = run_rule(RULE, d, as_of=AS_OF, profile=ubnd_profile())
    assert [(f.severity, f.confidence, f.zone, f.actual, f.expected) for f in found] == [
        ("warning", "M", "preamble", "361-QĐ/TW", "362-QĐ/TW")
    ]
    assert "Ủy ban nhân dân" in found[0].message and "362-QĐ/TW" in found[0].message


def test_right_example_ubnd_chi_bo_cites_362() -> None:
    assert run_rule(RULE, ref_doc(DIEU_LE, QD_294, QD_362), as_of=AS_OF, profile=ubnd_profile()) == []


def test_127_is_no_basis_for_a_commune_committee_after_1_july_2025() -> None:
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, QD_127, on=(12, 9, 2025)), as_of=AS_OF, profile=xa_profile())
    assert [(f.severity, f.expected) for f in found] == [("warning", "298-QĐ/TW")]
    assert "01/7/2025" in found[0].message


def test_127_was_the_basis_before_1_july_2025() -> None:
    d = ref_doc(DIEU_LE, QD_127, on=(10, 3, 2025))
    assert run_rule(RULE, d, as_of=AS_OF, profile=xa_profile()) == []


def test_right_commune_committee_cites_298_and_its_staff_bodies_regulation() -> None:
    line = "- Căn cứ Quy định số 299-QĐ/TW ngày 09/6/2025 của Ban Bí thư về các cơ quan tham mưu;"
    assert run_rule(RULE, ref_doc(DIEU_LE, QD_294, QD_298, line), as_of=AS_OF, profile=xa_profile()) == []


def test_public_school_cites_the_commune_regulation() -> None:
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, QD_298), as_of=AS_OF, profile=school_profile())
    assert [f.expected for f in found] == ["125-QĐ/TW"]


def test_without_a_profile_the_rule_does_not_apply() -> None:
    checker = Checker(Selection(select=(RULE,)))
    findings, not_applicable = checker.run(ref_doc(DIEU_LE, QD_294, QD_361), Context(as_of=AS_OF))
    assert findings == [] and not_applicable == [RULE]
