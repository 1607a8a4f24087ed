"""CNT-SEND-SUPERIOR — examples of rules.md §9: the regulation is reported to the superior committee."""

from __future__ import annotations

import pytest

from factory import L
from qclv import BLOCKS, CHIBO_BLOCKS, body, chibo_body, chibo_doc, chibo_profile, xa_doc, xa_profile
from rulekit import run_rule

RULE = "CNT-SEND-SUPERIOR"
MEMBERS_ONLY = [L("Nơi nhận:", u=True, align="left"), L("- Các đảng viên trong chi bộ;", size=12, align="left"),
                L("- Lưu Chi bộ.", size=12, align="left")]


def recipients(*items: str) -> list[L]:
    return [L("Nơi nhận:", u=True, align="left"), *(L(i, size=12, align="left") for i in items)]


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_wrong_recipients_only_members(layout: str) -> None:
    d = chibo_doc(recipients=MEMBERS_ONLY, closing_layout=layout)
    found = run_rule(RULE, d, profile=chibo_profile())
    assert [f.severity for f in found] == ["warning"]
    assert found[0].expected == "- Ban Thường vụ Đảng ủy xã An Hòa (để báo cáo)"
    assert len(run_rule(RULE, d)) == 1  # without a profile too


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_right_recipients_include_the_superior_committee(layout: str) -> None:
    d = chibo_doc(recipients=recipients("- Ban Thường vụ Đảng ủy xã An Hòa (để báo cáo);", "- Lưu Chi bộ."),
                  closing_layout=layout)
    assert run_rule(RULE, d, profile=chibo_profile()) == []
    assert run_rule(RULE, d) == []


@pytest.mark.parametrize("item", ["- Đảng uỷ xã An Hoà,", "- BTV Đảng ủy xã An Hòa (b/c),", "- Cấp ủy cấp trên,",
                                  "- Ban Thường vụ Đảng ủy xã (để báo cáo),"])
def test_other_spellings_of_the_superior(item: str) -> None:
    d = chibo_doc(recipients=recipients(item, "- Lưu Chi bộ."))
    assert run_rule(RULE, d, profile=chibo_profile()) == []


def test_another_committee_is_not_the_superior() -> None:
    d = chibo_doc(recipients=recipients("- Ban Thường vụ Đảng ủy xã Phước Vinh,", "- Lưu Chi bộ."))
    assert len(run_rule(RULE, d, profile=chibo_profile())) == 1
    assert len(run_rule(RULE, chibo_doc(recipients=recipients("- Ban Thường vụ,", "- Lưu Chi bộ.")),
                        profile=chibo_profile())) == 1  # "Ban Thường vụ" alone names no committee
    assert run_rule(RULE, d) == []  # without a profile any committee is accepted


def test_the_final_article_may_say_it_instead() -> None:
    title, clauses = CHIBO_BLOCKS["final"]
    said = (title, [*clauses, "4. Quy chế được báo cáo cấp ủy cấp trên và phổ biến đến đảng viên."])
    d = chibo_doc(recipients=MEMBERS_ONLY, body=chibo_body(replace={"final": said}))
    assert run_rule(RULE, d, profile=chibo_profile()) == []
    named = (title, [*clauses, "4. Quy chế được gửi Ban Thường vụ Đảng ủy xã An Hòa để báo cáo."])
    d2 = chibo_doc(recipients=MEMBERS_ONLY, body=chibo_body(replace={"final": named}))
    assert run_rule(RULE, d2, profile=chibo_profile()) == []


def test_reporting_duties_elsewhere_in_the_body_do_not_count() -> None:
    # "báo cáo cấp ủy cấp trên" in a responsibilities article is about the work, not about this regulation.
    title, clauses = CHIBO_BLOCKS["bch"]
    duty = (title, [*clauses, "2. Hằng năm kiểm điểm, báo cáo cấp ủy cấp trên."])
    d = chibo_doc(recipients=MEMBERS_ONLY, body=chibo_body(replace={"bch": duty}))
    assert len(run_rule(RULE, d, profile=chibo_profile())) == 1


def test_dang_uy_with_a_provincial_superior() -> None:
    ok = xa_doc(recipients=recipients("- Ban Thường vụ Tỉnh ủy Tây Ninh (để báo cáo),", "- Lưu Văn phòng Đảng ủy."))
    assert run_rule(RULE, ok, profile=xa_profile()) == []
    title, clauses = BLOCKS["final"]
    silent = (title, [*clauses[:2], "3. Quy chế này có hiệu lực từ ngày ký."])
    bad = xa_doc(recipients=recipients("- Các đồng chí đảng ủy viên,", "- Lưu Văn phòng Đảng ủy."),
                 body=body(replace={"final": silent}))
    found = run_rule(RULE, bad, profile=xa_profile())
    assert [f.expected for f in found] == ["- Ban Thường vụ Tỉnh ủy Tây Ninh (để báo cáo)"]
