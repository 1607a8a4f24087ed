"""TYP-AUTHORITY — examples of rules.md §1 and the competence table §10.2 (đảng ủy, its BTV, chi bộ)."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "TYP-AUTHORITY"
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]
CHI_BO = [L("ĐẢNG BỘ XÃ AN HÒA"), L("CHI BỘ THÔN ĐÔNG", b=True), L("*"), L("Số 01-HD/CB")]
BTV_SIGN = [L("T/M BAN THƯỜNG VỤ", b=True), L("BÍ THƯ"), L(""), L("Nguyễn Văn An", b=True)]


def _typed(title: str, **kw: object) -> list[object]:
    return run_rule(
        RULE, doc(title=[L(title, b=True, size=16)], summary=[L("về công tác năm 2026", b=True)], **kw)
    )


@pytest.mark.parametrize("layout", LAYOUTS)
def test_wrong_chi_bo_issues_a_guideline(layout: str) -> None:
    found = run_rule(
        RULE,
        doc(
            left=CHI_BO,
            title=[L("HƯỚNG DẪN", b=True, size=16)],
            summary=[L("về sinh hoạt chi bộ", b=True)],
            header_layout=layout,
        ),
    )
    assert [(f.severity, f.needs_confirmation, f.zone) for f in found] == [("warning", True, "title")]
    assert found[0].message.startswith("[Cần xác nhận]") and "Chi bộ" in found[0].message


@pytest.mark.parametrize("layout", LAYOUTS)
def test_right_chi_bo_issues_a_resolution(layout: str) -> None:
    found = run_rule(
        RULE,
        doc(
            left=CHI_BO,
            title=[L("NGHỊ QUYẾT", b=True, size=16)],
            summary=[L("về nhiệm vụ năm 2026", b=True)],
            header_layout=layout,
        ),
    )
    assert found == []


def test_right_dang_uy_working_regulation() -> None:
    assert run_rule(RULE, doc()) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_standing_committee_does_not_issue_the_working_regulation(layout: str) -> None:
    """Corpus mutant_28 (where this rule is allowed): QUY CHẾ signed "T/M BAN THƯỜNG VỤ"."""
    found = run_rule(RULE, doc(signature=BTV_SIGN, closing_layout=layout))
    assert len(found) == 1 and "Ban Thường vụ" in found[0].message


def test_standing_committee_issues_a_guideline() -> None:
    assert _typed("HƯỚNG DẪN", signature=BTV_SIGN) == []


def test_dang_uy_does_not_issue_a_guideline_spelled_uy() -> None:
    left = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG UỶ XÃ AN HOÀ", b=True), L("*"), L("Số 01-HD/ĐU")]
    assert len(_typed("HƯỚNG DẪN", left=left)) == 1


@pytest.mark.parametrize("title", ["CHỈ THỊ", "THÔNG TRI"])
def test_no_grassroots_body_issues_directives(title: str) -> None:
    assert len(_typed(title)) == 1
    assert len(_typed(title, left=CHI_BO)) == 1


def test_chi_bo_does_not_issue_a_regulation_quy_dinh() -> None:
    assert len(_typed("QUY ĐỊNH", left=CHI_BO)) == 1


def test_a_body_above_the_grassroots_is_not_judged() -> None:
    left = [L("ĐẢNG BỘ TỈNH TÂY NINH", b=True), L("*"), L("Số 05-CT/TU")]
    sign = [L("T/M TỈNH ỦY", b=True), L("BÍ THƯ"), L(""), L("Nguyễn Văn An", b=True)]
    assert _typed("CHỈ THỊ", left=left, signature=sign) == []
