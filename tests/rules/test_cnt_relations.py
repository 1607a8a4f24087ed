"""CNT-RELATIONS — examples of rules.md §9: the relationships block; superior (warning) and others (info)."""

from __future__ import annotations

from qclv import body, chibo_body, chibo_doc, chibo_profile, xa_doc, xa_profile
from rulekit import run_rule

RULE = "CNT-RELATIONS"
ALL_RELATIONS = ("rel_superior", "rel_admin", "rel_front", "rel_sub")


def test_wrong_no_relationships_chapter_or_article() -> None:
    found = run_rule(RULE, xa_doc(body=body(drop=ALL_RELATIONS)))
    assert [(f.severity, f.part) for f in found] == [("warning", "superior")]


def test_right_relations_chapter_with_the_superior_article() -> None:
    sup = ("Quan hệ với Ban Thường vụ Đảng ủy xã", ["Chịu sự lãnh đạo trực tiếp, thường xuyên của Ban Thường vụ."])
    d = chibo_doc(body=chibo_body(replace={"rel_superior": sup}))
    assert run_rule(RULE, d) == []
    assert run_rule(RULE, d, profile=chibo_profile()) == []
    assert run_rule(RULE, xa_doc(), profile=xa_profile()) == []


def test_missing_superior_relation_is_a_warning() -> None:
    found = run_rule(RULE, xa_doc(body=body(drop=("rel_superior",))), profile=xa_profile())
    assert [(f.severity, f.part, f.expected) for f in found] == [
        ("warning", "superior", "Điều … Quan hệ với cấp ủy cấp trên")]


def test_missing_other_relations_are_flagged_info() -> None:
    found = run_rule(RULE, xa_doc(body=body(drop=("rel_admin", "rel_front"))))
    assert [(f.severity, f.part, f.needs_confirmation) for f in found] == [("info", "others", True)] * 2


def test_subordinates_relation_only_when_the_profile_lists_subordinates() -> None:
    d = xa_doc(body=body(drop=("rel_sub",)))
    assert run_rule(RULE, d) == []  # no profile: whether there are subordinates is unknown
    assert run_rule(RULE, d, profile=xa_profile(subordinates=[])) == []
    found = run_rule(RULE, d, profile=xa_profile())
    assert [(f.part, f.expected) for f in found] == [("others", "Điều … Quan hệ với các chi bộ trực thuộc")]


def test_relations_chapter_with_differently_titled_articles() -> None:
    replace = {
        "rel_superior": ("Đối với cấp trên", ["Chịu sự lãnh đạo, chỉ đạo trực tiếp của Ban Thường vụ Tỉnh ủy."]),
        "rel_admin": ("Đối với chính quyền", ["Lãnh đạo Ủy ban nhân dân xã; không làm thay chính quyền."]),
        "rel_front": ("Đối với các tổ chức", ["Lãnh đạo Mặt trận Tổ quốc và các đoàn thể."]),
        "rel_sub": ("Đối với cơ sở", ["Lãnh đạo các chi bộ trực thuộc."]),
    }
    assert run_rule(RULE, xa_doc(body=body(replace=replace)), profile=xa_profile()) == []
