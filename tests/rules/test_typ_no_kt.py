"""TYP-NO-KT — examples of rules.md §1 in every closing layout, plus staff bodies and spellings."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "TYP-NO-KT"
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]


def _signature(authority: str, title: str = "PHÓ BÍ THƯ") -> list[L]:
    return [L(authority, b=True), L(title), L(""), L("Trần Văn Bình", b=True)]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_kt_bi_thu(layout: str, formatting: str) -> None:
    found = run_rule(
        RULE, doc(signature=_signature("K/T BÍ THƯ"), closing_layout=layout, formatting=formatting)
    )
    assert [(f.severity, f.actual, f.zone) for f in found] == [("error", "K/T BÍ THƯ", "signature")]
    assert found[0].expected == "T/M ĐẢNG ỦY"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_right_tm_dang_uy_with_pho_bi_thu(layout: str) -> None:
    assert run_rule(RULE, doc(signature=_signature("T/M ĐẢNG ỦY"), closing_layout=layout)) == []


@pytest.mark.parametrize("authority", ["KT. BÍ THƯ", "KT BÍ THƯ", "KÝ THAY BÍ THƯ", "K/T. BÍ THƯ"])
def test_other_spellings_of_ky_thay(authority: str) -> None:
    assert len(run_rule(RULE, doc(signature=_signature(authority)))) == 1


def test_chi_bo_is_told_to_sign_tm_chi_bo() -> None:
    left = [L("ĐẢNG BỘ XÃ AN HÒA"), L("CHI BỘ THÔN ĐÔNG", b=True), L("*"), L("Số 01-QC/CB")]
    found = run_rule(RULE, doc(left=left, signature=_signature("K/T BÍ THƯ")))
    assert found[0].expected == "T/M CHI BỘ"


def test_staff_body_deputy_head_may_sign_kt() -> None:
    left = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("VĂN PHÒNG TỈNH ỦY", b=True), L("*"), L("Số 05-HD/VPTU")]
    found = run_rule(RULE, doc(left=left, signature=_signature("K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG")))
    assert found == []


def test_kt_inside_a_name_is_not_ky_thay() -> None:
    sig = [L("T/M ĐẢNG ỦY", b=True), L("BÍ THƯ"), L(""), L("Nguyễn Thị Kt-Hoa", b=True)]
    assert run_rule(RULE, doc(signature=sig)) == []


def test_ky_thay_mat_is_on_behalf_not_k_t() -> None:
    from quyche.rules.typ.no_kt import _KT

    assert _KT.search("KÝ THAY MẶT TẬP THỂ") is None
    assert _KT.search("KÝ THAY BÍ THƯ") is not None
