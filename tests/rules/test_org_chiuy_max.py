"""ORG-CHIUY-MAX — examples of rules.md §5; counts in numerals and words; the profile's own chi ủy."""

from __future__ import annotations

import pytest
from org_kit import THON_CB, articles, committee, org_profile, party_doc, unchecked

from quyche.model import Document
from rulekit import run_rule

RULE = "ORG-CHIUY-MAX"


def regulation(sentence: str) -> Document:
    body = articles(("Tổ chức của Chi bộ", [f"1. {sentence}", "2. Bí thư phụ trách chung."]))
    return party_doc(THON_CB, "Đảng bộ xã An Hòa", body=body)


PROFILE = org_profile("chi_bo_truc_thuoc", THON_CB, members=40, committee=committee(5))


def test_wrong_nine_member_chi_uy() -> None:
    found = run_rule(RULE, regulation("Chi ủy gồm 9 đồng chí."), profile=PROFILE)
    assert [(f.severity, f.zone, f.actual) for f in found] == [("error", "body", "9 chi ủy viên")]
    assert "“Chi ủy gồm 9 đồng chí”" in found[0].message


def test_right_five_member_chi_uy() -> None:
    assert run_rule(RULE, regulation("Chi ủy gồm 5 đồng chí."), profile=PROFILE) == []


@pytest.mark.parametrize(("sentence", "count"), [
    ("Chi ủy gồm chín đồng chí: Bí thư, Phó Bí thư và bảy chi ủy viên.", 9),
    ("Chi ủy gồm 09 (chín) đồng chí.", 9),
    ("Chi ủy Chi bộ thôn Phú Lộc có mười một ủy viên.", 11),
    ("Đại hội bầu 08 chi ủy viên.", 8),
    ("Chi uỷ gồm có 08 đồng chí.", 8),
])
def test_counts_in_words_and_zero_padded(sentence: str, count: int) -> None:
    found = run_rule(RULE, regulation(sentence), profile=PROFILE)
    assert [f.actual for f in found] == [f"{count} chi ủy viên"]


@pytest.mark.parametrize("sentence", [
    "Chi ủy gồm 07 đồng chí.",  # the limit itself
    "Chi ủy gồm bảy đồng chí.",
    "Chi bộ có 40 đồng chí đảng viên chính thức.",  # members, not chi ủy
    "Các đồng chí chi ủy viên thực hiện khoản 9 Điều 3.",
    "Chi ủy họp ngày 09 hằng tháng.",
])
def test_no_count_above_seven(sentence: str) -> None:
    assert run_rule(RULE, regulation(sentence), profile=PROFILE) == []


def test_profile_with_eight_chi_uy_members() -> None:
    profile = unchecked(PROFILE, committee=committee(8))
    found = run_rule(RULE, regulation("Bí thư phụ trách chung."), profile=profile)
    assert [(f.severity, f.zone, f.paragraph) for f in found] == [("error", "profile", None)]


def test_text_is_judged_without_a_profile() -> None:
    assert len(run_rule(RULE, regulation("Chi ủy gồm 9 đồng chí."))) == 1
