"""ORG-BTV-THRESHOLD — examples of rules.md §5 and the mentions that are not this organisation's BTV."""

from __future__ import annotations

from typing import Any

import pytest
from org_kit import FORMATTING, SCHOOL_DU, articles, committee, org_profile, party_doc

from quyche.model import Document
from quyche.profile import Profile
from rulekit import run_rule

RULE = "ORG-BTV-THRESHOLD"
SUPERIOR = "Đảng bộ xã An Hòa"


def small(**kw: Any) -> Profile:
    """kind=dang_uy_co_so, committee_size=7 (7 committee entries)."""
    data: dict[str, Any] = {"type": "truong_hoc", "superior": SUPERIOR, "members": 60, "committee": committee(7)}
    return org_profile("dang_uy_co_so", SCHOOL_DU, **{**data, **kw})


def regulation(*extra: tuple[str, list[str]], formatting: str = "direct") -> Document:
    body = articles(
        ("Trách nhiệm, quyền hạn của Ban Chấp hành", ["1. Lãnh đạo toàn diện các mặt công tác của nhà trường."]),
        ("Trách nhiệm, quyền hạn của Bí thư", ["1. Phụ trách chung."]),
        ("Trách nhiệm, quyền hạn của Phó Bí thư", ["1. Giúp Bí thư theo lĩnh vực được phân công."]),
        *extra,
    )
    return party_doc(SCHOOL_DU, SUPERIOR, body=body, formatting=formatting)


@pytest.mark.parametrize("formatting", FORMATTING)
def test_wrong_article_on_the_btv_of_a_seven_member_committee(formatting: str) -> None:
    d = regulation(("Trách nhiệm, quyền hạn của Ban Thường vụ Đảng ủy", ["1. Giải quyết công việc hằng ngày."]),
                   formatting=formatting)
    found = run_rule(RULE, d, profile=small())
    assert [(f.severity, f.zone) for f in found] == [("warning", "body")]
    assert found[0].text == "Điều 4. Trách nhiệm, quyền hạn của Ban Thường vụ Đảng ủy"
    assert "7 ủy viên" in found[0].message


@pytest.mark.parametrize("formatting", FORMATTING)
def test_right_articles_on_committee_secretary_and_deputy_only(formatting: str) -> None:
    assert run_rule(RULE, regulation(formatting=formatting), profile=small()) == []


def test_meeting_clause_of_an_own_btv_counts_too() -> None:
    d = regulation(("Chế độ họp", ["1. Ban Chấp hành họp thường lệ ba tháng một lần.",
                                   "2. Ban Thường vụ Đảng ủy họp thường lệ mỗi tháng một lần."]))
    found = run_rule(RULE, d, profile=small())
    assert [f.text for f in found] == ["2. Ban Thường vụ Đảng ủy họp thường lệ mỗi tháng một lần."]


def test_the_superiors_btv_is_not_this_organisations() -> None:
    d = regulation(("Quan hệ với cấp ủy cấp trên", [
        "1. Chịu sự lãnh đạo trực tiếp của Đảng ủy xã An Hòa, thường xuyên là Ban Thường vụ Đảng ủy xã An Hòa.",
        "2. Báo cáo Ban Thường vụ Đảng ủy xã An Hòa khi có việc phát sinh.",
    ]), ("Làm việc với Ban Thường vụ Đảng ủy xã An Hòa", ["1. Ban Thường vụ Đảng ủy xã An Hòa họp với nhà trường."]))
    assert run_rule(RULE, d, profile=small()) == []


@pytest.mark.parametrize("profile_kw", [
    {"committee": committee(9)},  # nine members: a BTV is elected
    {"committee": committee(7, btv=1)},  # a uy_vien_btv entry: the profile says there is a BTV
])
def test_committee_with_a_btv(profile_kw: dict[str, Any]) -> None:
    d = regulation(("Trách nhiệm, quyền hạn của Ban Thường vụ Đảng ủy", ["1. Giải quyết công việc hằng ngày."]))
    assert run_rule(RULE, d, profile=small(**profile_kw)) == []


def test_old_spelling_uy_in_the_heading() -> None:
    d = regulation(("TRÁCH NHIỆM CỦA BAN THƯỜNG VỤ ĐẢNG UỶ", ["1. Giải quyết công việc hằng ngày."]))
    assert len(run_rule(RULE, d, profile=small())) == 1


def test_not_applicable_without_a_profile() -> None:
    d = regulation(("Trách nhiệm, quyền hạn của Ban Thường vụ Đảng ủy", ["1. Giải quyết công việc hằng ngày."]))
    assert run_rule(RULE, d) == []
