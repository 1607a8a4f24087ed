"""FMT-NUMBER-ORG-ABBR — examples of rules.md §2: "ĐU" for a đảng ủy, "CB" for a chi bộ."""

from __future__ import annotations

from types import SimpleNamespace

from factory import L, doc
from rulekit import run_rule

RULE = "FMT-NUMBER-ORG-ABBR"
CHI_BO = SimpleNamespace(kind="chi_bo_co_so", org_abbr="CB")


def _left(issuer: str, number: str) -> list[L]:
    return [L("ĐẢNG BỘ XÃ AN HÒA"), L(issuer, b=True), L("*"), L(number)]


def test_profile_chi_bo_numbered_du() -> None:
    found = run_rule(RULE, doc(left=_left("CHI BỘ THÔN ĐÔNG", "Số 01-QC/ĐU")), profile=CHI_BO)
    assert [f.severity for f in found] == ["warning"] and (found[0].expected, found[0].actual) == ("CB", "ĐU")
    assert "hồ sơ" in found[0].message


def test_profile_chi_bo_numbered_cb() -> None:
    assert run_rule(RULE, doc(left=_left("CHI BỘ THÔN ĐÔNG", "Số 01-QC/CB")), profile=CHI_BO) == []


def test_without_profile_the_issuer_line_decides() -> None:
    found = run_rule(RULE, doc(left=_left("CHI BỘ THÔN ĐÔNG", "Số 01-QC/ĐU")))
    assert len(found) == 1 and found[0].expected == "CB" and "CHI BỘ THÔN ĐÔNG" in found[0].message
    assert run_rule(RULE, doc()) == []


def test_dang_uy_numbered_cb() -> None:
    found = run_rule(RULE, doc(left=_left("ĐẢNG ỦY XÃ AN HÒA", "Số 01-QC/CB")))
    assert len(found) == 1 and found[0].expected == "ĐU"


def test_profile_without_org_abbr_falls_back_to_the_issuer() -> None:
    found = run_rule(RULE, doc(left=_left("CHI BỘ THÔN ĐÔNG", "Số 01-QC/ĐU")), profile=SimpleNamespace())
    assert len(found) == 1 and found[0].expected == "CB"


def test_unknown_issuer_kind_is_not_judged() -> None:
    assert run_rule(RULE, doc(left=_left("VĂN PHÒNG ĐẢNG ỦY XÃ AN HÒA", "Số 01-CV/VPĐU"))) == []
