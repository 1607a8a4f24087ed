"""CNT-RESP-BODIES — examples of rules.md §9: a responsibilities article for each body the profile has."""

from __future__ import annotations

from qclv import body, chibo_body, chibo_doc, chibo_profile, xa_doc, xa_profile
from rulekit import run_rule

RULE = "CNT-RESP-BODIES"


def test_wrong_has_btv_but_no_article_on_the_ban_thuong_vu() -> None:
    found = run_rule(RULE, xa_doc(body=body(drop=("btv",))), profile=xa_profile())
    assert [(f.severity, f.needs_confirmation) for f in found] == [("info", True)]
    assert "Ban Thường vụ" in found[0].message and "15 ủy viên" in found[0].message


def test_right_article_on_the_ban_thuong_vu() -> None:
    assert run_rule(RULE, xa_doc(), profile=xa_profile()) == []
    assert run_rule(RULE, chibo_doc(), profile=chibo_profile()) == []


def test_one_finding_per_missing_body() -> None:
    found = run_rule(RULE, xa_doc(body=body(drop=("bch", "pho_bi_thu", "uy_vien"))), profile=xa_profile())
    assert len(found) == 3
    assert [f.expected for f in found] == [
        "Điều … Trách nhiệm, quyền hạn của Ban Chấp hành", "Điều … Trách nhiệm, quyền hạn của Phó Bí thư",
        "Điều … Trách nhiệm, quyền hạn của đảng ủy viên"]


def test_bodies_the_organisation_does_not_have_are_not_expected() -> None:
    # A đảng ủy of 7 (no Ban Thường vụ) need not describe one; a chi bộ of 8 has no chi ủy.
    small = xa_profile(name="Đảng ủy Trường THPT Hòa Bình", kind="dang_uy_co_so", type="truong_hoc",
                       superior="Đảng bộ xã An Hòa", committee=[{"name": "A", "role": "bi_thu"},
                                                              {"name": "B", "role": "pho_bi_thu"}]
                       + [{"name": f"C{i}", "role": "uy_vien"} for i in range(5)])
    assert run_rule(RULE, xa_doc(body=body(drop=("btv",))), profile=small) == []
    assert run_rule(RULE, chibo_doc(), profile=chibo_profile(members=8)) == []


def test_chi_uy_expected_in_a_large_chi_bo() -> None:
    big = chibo_profile(members=15, committee=[{"name": "Lê Văn Bình", "role": "bi_thu"},
                                               {"name": "Mai Thị Cúc", "role": "pho_bi_thu"},
                                               {"name": "Đỗ Văn Dũng", "role": "uy_vien"}])
    found = run_rule(RULE, chibo_doc(), profile=big)
    assert {f.expected for f in found} == {"Điều … Trách nhiệm, quyền hạn của Chi ủy",
                                           "Điều … Trách nhiệm, quyền hạn của chi ủy viên"}


def test_pho_bi_thu_only_when_the_profile_has_one() -> None:
    d = chibo_doc(body=chibo_body(drop=("pho_bi_thu",)))
    alone = chibo_profile(committee=[{"name": "Lê Văn Bình", "role": "bi_thu"}])
    assert run_rule(RULE, d, profile=alone) == []
    assert len(run_rule(RULE, d, profile=chibo_profile())) == 1


def test_optional_bodies_follow_the_optional_facts() -> None:
    d = xa_doc()
    assert run_rule(RULE, d, profile=xa_profile()) == []  # has_thuong_truc unknown: not expected
    found = run_rule(RULE, d, profile=xa_profile(has_thuong_truc=True))
    assert [f.expected for f in found] == ["Điều … Trách nhiệm, quyền hạn của Thường trực Đảng ủy"]


def test_several_bodies_in_one_article_title() -> None:
    joint = ("Trách nhiệm của Bí thư, Phó Bí thư", ["1. Bí thư phụ trách chung.", "2. Phó Bí thư giúp Bí thư."])
    assert run_rule(RULE, xa_doc(body=body(drop=("pho_bi_thu",), replace={"bi_thu": joint})),
                    profile=xa_profile()) == []


def test_needs_the_profile() -> None:
    assert run_rule(RULE, xa_doc(body=body(drop=("btv",)))) == []
