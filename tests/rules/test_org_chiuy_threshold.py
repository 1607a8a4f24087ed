"""ORG-CHIUY-THRESHOLD — examples of rules.md §5; headings and meeting clauses; "chỉ ủy" is no "chi ủy"."""

from __future__ import annotations

from typing import Any

import pytest
from org_kit import FORMATTING, THON_CB, articles, org_profile, party_doc

from factory import L
from quyche.model import Document
from quyche.profile import Profile
from rulekit import run_rule

RULE = "ORG-CHIUY-THRESHOLD"


def six(**kw: Any) -> Profile:
    """kind=chi_bo_truc_thuoc, members=6."""
    return org_profile("chi_bo_truc_thuoc", THON_CB, **{"members": 6, **kw})


def regulation(*items: tuple[str, list[str]], formatting: str = "direct") -> Document:
    body = articles(
        ("Nhiệm vụ của Chi bộ", ["1. Lãnh đạo thực hiện nhiệm vụ chính trị của thôn."]),
        ("Nhiệm vụ của Bí thư Chi bộ", ["1. Phụ trách chung."]),
        *items,
    )
    return party_doc(THON_CB, "Đảng bộ xã An Hòa", signer="Đồng chí Số 1", body=body, formatting=formatting)


@pytest.mark.parametrize("formatting", FORMATTING)
def test_wrong_article_on_the_chi_uy_of_a_six_member_chi_bo(formatting: str) -> None:
    body = articles(("Nhiệm vụ của Chi bộ", ["1. Lãnh đạo thực hiện nhiệm vụ chính trị của thôn."]),
                    ("Nhiệm vụ, quyền hạn", ["1. Chuẩn bị nội dung sinh hoạt."]),
                    ("Trách nhiệm của Bí thư", ["1. Phụ trách chung."]),
                    ("Nhiệm vụ của Chi ủy", ["1. Lãnh đạo công việc giữa hai kỳ sinh hoạt."]))
    d = party_doc(THON_CB, "Đảng bộ xã An Hòa", body=body, formatting=formatting)
    found = run_rule(RULE, d, profile=six())
    assert [(f.severity, f.zone, f.text) for f in found] == [("error", "body", "Điều 4. Nhiệm vụ của Chi ủy")]
    assert "6 đảng viên" in found[0].message


@pytest.mark.parametrize("formatting", FORMATTING)
def test_right_article_on_the_secretary(formatting: str) -> None:
    assert run_rule(RULE, regulation(formatting=formatting), profile=six()) == []


def test_chi_uy_meeting_clause_and_old_spelling() -> None:
    d = regulation(("Chế độ sinh hoạt", ["1. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần.",
                                         "2. Chi uỷ họp thường kỳ mỗi tháng một lần."]))
    found = run_rule(RULE, d, profile=six())
    assert [f.text for f in found] == ["2. Chi uỷ họp thường kỳ mỗi tháng một lần."]


def test_upper_case_chapter_heading() -> None:
    body = articles(("Nhiệm vụ của Chi bộ", ["1. Lãnh đạo."]))
    body += [L("Chương II", b=True), L("TRÁCH NHIỆM CỦA CHI ỦY", b=True),
             L("Điều 2. Phân công nhiệm vụ", b=True, align="both"), L("1. Phân công đảng viên.", align="both")]
    d = party_doc(THON_CB, "Đảng bộ xã An Hòa", body=body)
    assert [f.text for f in run_rule(RULE, d, profile=six())] == ["Chương II"]


def test_chi_uy_quyen_is_not_chi_uy() -> None:
    d = regulation(("Trường hợp Bí thư chỉ ủy quyền cho Phó Bí thư", ["1. Khi Bí thư vắng mặt dài ngày."]))
    assert run_rule(RULE, d, profile=six()) == []


def test_nine_full_members_have_a_chi_uy() -> None:
    d = regulation(("Nhiệm vụ của Chi ủy", ["1. Lãnh đạo công việc giữa hai kỳ sinh hoạt."]))
    assert run_rule(RULE, d, profile=six(members=9)) == []


def test_a_dang_uy_naming_its_chi_bos_chi_uy_is_not_judged() -> None:
    body = articles(("Quan hệ với chi ủy các chi bộ trực thuộc", ["1. Chi ủy các chi bộ họp hằng tháng."]))
    d = party_doc(body=body)
    assert run_rule(RULE, d, profile=org_profile()) == []
