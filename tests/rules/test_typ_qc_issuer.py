"""TYP-QC-ISSUER — examples of rules.md §1, the corpus case (BTV signs) and the đảng ủy / chi bộ parts."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "TYP-QC-ISSUER"
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]
CHI_BO_LEFT = [
    L("ĐẢNG BỘ XÃ HÒA BÌNH"),
    L("CHI BỘ TRƯỜNG TIỂU HỌC HÒA BÌNH", b=True),
    L("*"),
    L("Số 01-QC/CB"),
]
CHI_BO_SIGN = [L("T/M CHI BỘ", b=True), L("BÍ THƯ"), L(""), L("Lê Thị Hoa", b=True)]


def _summary(text: str) -> list[L]:
    return [L(text, b=True)]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_wrong_regulation_of_the_chi_bo_secretary(layout: str) -> None:
    d = doc(
        left=CHI_BO_LEFT,
        signature=CHI_BO_SIGN,
        header_layout=layout,
        summary=_summary("làm việc của Bí thư Chi bộ Trường Tiểu học Hòa Bình"),
    )
    found = run_rule(RULE, d)
    assert [(f.severity, f.part, f.zone) for f in found] == [("warning", "chi_bo", "title")]
    assert found[0].expected == "làm việc của Chi bộ …"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_right_regulation_of_the_chi_bo(layout: str) -> None:
    d = doc(
        left=CHI_BO_LEFT,
        signature=CHI_BO_SIGN,
        header_layout=layout,
        summary=_summary("làm việc của Chi bộ Trường Tiểu học Hòa Bình, nhiệm kỳ 2025 - 2030"),
    )
    assert run_rule(RULE, d) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_dang_uy_regulation_signed_for_the_standing_committee(layout: str) -> None:
    """Corpus mutant_28: the Ban Chấp hành's regulation signed "T/M BAN THƯỜNG VỤ"."""
    sig = [L("T/M BAN THƯỜNG VỤ", b=True), L("BÍ THƯ"), L(""), L("Nguyễn Văn An", b=True)]
    found = run_rule(RULE, doc(signature=sig, closing_layout=layout))
    assert [(f.severity, f.part, f.zone, f.expected) for f in found] == [
        ("warning", "dang_uy", "signature", "T/M ĐẢNG ỦY")
    ]


@pytest.mark.parametrize(
    "summary",
    [
        "làm việc của Ban Thường vụ Đảng ủy xã An Hòa khóa I, nhiệm kỳ 2025 - 2030",
        "làm việc của đồng chí Bí thư Đảng ủy xã An Hòa",
        "làm việc của Ban Thường vụ Đảng uỷ xã An Hoà",
    ],
)
def test_dang_uy_regulation_of_the_standing_committee_or_secretary(summary: str) -> None:
    found = run_rule(RULE, doc(summary=_summary(summary)))
    assert [f.part for f in found] == ["dang_uy"]


def test_right_regulation_of_the_ban_chap_hanh() -> None:
    assert run_rule(RULE, doc()) == []


def test_regulation_naming_the_ban_chap_hanh_and_the_standing_committee_is_right() -> None:
    summary = "làm việc của Ban Chấp hành, Ban Thường vụ Đảng ủy xã An Hòa khóa I, nhiệm kỳ 2025 - 2030"
    assert run_rule(RULE, doc(summary=_summary(summary))) == []


def test_a_resolution_signed_for_the_standing_committee_is_not_a_working_regulation() -> None:
    sig = [L("T/M BAN THƯỜNG VỤ", b=True), L("BÍ THƯ"), L(""), L("Nguyễn Văn An", b=True)]
    d = doc(
        title=[L("NGHỊ QUYẾT", b=True, size=16)],
        summary=_summary("về công tác kiểm tra năm 2026"),
        signature=sig,
    )
    assert run_rule(RULE, d) == []
