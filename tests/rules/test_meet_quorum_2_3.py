"""MEET-QUORUM-2-3 — examples of rules.md §6 and the three parts (147 model / other đảng ủy / chi bộ)."""

from __future__ import annotations

import pytest

from meetdocs import chibo_doc, danguy_doc, dn_profile, profile, xa_profile
from rulekit import run_rule

RULE = "MEET-QUORUM-2-3"
HALF = "2. Hội nghị chỉ hợp lệ khi có quá nửa số ủy viên có mặt."
TWO_THIRDS = "2. Hội nghị chỉ hợp lệ khi có ít nhất 2/3 số ủy viên được triệu tập có mặt."
BCH = "1. Ban Chấp hành họp thường lệ ba tháng một lần."


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_wrong_half_in_a_dang_uy(layout: str) -> None:
    found = run_rule(RULE, danguy_doc([BCH, HALF], header_layout=layout))
    assert [(f.severity, f.part, f.needs_confirmation, f.actual) for f in found] == [
        ("info", "dang_uy_khac", True, "quá nửa")]


def test_right_two_thirds() -> None:
    assert run_rule(RULE, danguy_doc([BCH, TWO_THIRDS])) == []
    assert run_rule(RULE, danguy_doc([BCH, TWO_THIRDS]), profile=dn_profile()) == []


def test_wrong_in_the_147_model_is_an_error() -> None:
    found = run_rule(RULE, danguy_doc([BCH, HALF]), profile=dn_profile())
    assert [(f.severity, f.part) for f in found] == [("error", "dn_cap_tren")]


def test_other_dang_uy_with_profile() -> None:
    found = run_rule(RULE, danguy_doc([BCH, HALF]), profile=xa_profile())
    assert [(f.severity, f.part) for f in found] == [("info", "dang_uy_khac")]


@pytest.mark.parametrize(("text", "fires"), [
    ("Hội nghị hợp lệ khi có 1/2 số ủy viên có mặt.", True),
    ("Cuộc họp hợp lệ khi có 50% số thành viên tham dự.", True),
    ("Hội nghị hợp lệ khi có ít nhất 60% số ủy viên dự họp.", True),
    ("Hội nghị hợp lệ khi có trên 2/3 số ủy viên có mặt.", False),
    ("Hội nghị chỉ được tiến hành khi có ít nhất hai phần ba số thành viên được triệu tập có mặt.", False),
    ("Hội nghị hợp lệ khi có ít nhất 3/4 số ủy viên có mặt.", False),
])
def test_fractions_words_and_percentages(text: str, fires: bool) -> None:
    assert bool(run_rule(RULE, danguy_doc([BCH, f"2. {text}"]), profile=dn_profile())) is fires


def test_a_chi_bo_is_info() -> None:
    d = chibo_doc(["1. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần.",
                   "2. Buổi sinh hoạt hợp lệ khi có quá nửa số đảng viên có mặt."])
    found = run_rule(RULE, d, profile=profile())
    assert [(f.severity, f.part) for f in found] == [("info", "chi_bo")]


def test_a_voting_threshold_is_not_a_quorum() -> None:
    d = danguy_doc([BCH, "2. Nghị quyết có giá trị khi được quá nửa tổng số ủy viên tán thành."])
    assert run_rule(RULE, d, profile=dn_profile()) == []
