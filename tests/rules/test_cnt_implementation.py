"""CNT-IMPLEMENTATION — examples of rules.md §9: an implementation article stating when it takes effect."""

from __future__ import annotations

from qclv import body, chibo_doc, chibo_profile, xa_doc, xa_profile
from rulekit import run_rule

RULE = "CNT-IMPLEMENTATION"


def test_wrong_text_ends_after_the_last_relationship_article() -> None:
    found = run_rule(RULE, xa_doc(body=body(drop=("final",))))
    assert [(f.severity, f.needs_confirmation) for f in found] == [("info", True)]
    assert "Quan hệ với các chi bộ trực thuộc" in found[0].message


def test_right_dieu_khoan_thi_hanh() -> None:
    art = ("Điều khoản thi hành", ["Quy chế này có hiệu lực từ ngày ký."])
    assert run_rule(RULE, xa_doc(body=body(replace={"final": art}))) == []
    assert run_rule(RULE, xa_doc(), profile=xa_profile()) == []
    assert run_rule(RULE, chibo_doc(), profile=chibo_profile()) == []


def test_implementation_article_without_an_effective_date() -> None:
    art = ("Tổ chức thực hiện", ["Các chi bộ trực thuộc và đảng viên có trách nhiệm thực hiện nghiêm Quy chế này."])
    found = run_rule(RULE, xa_doc(body=body(replace={"final": art})))
    assert len(found) == 1 and found[0].expected == "Quy chế này có hiệu lực từ ngày ký"


def test_effective_date_in_a_separate_closing_article() -> None:
    art = ("Tổ chức thực hiện", ["Các chi bộ trực thuộc có trách nhiệm thực hiện nghiêm Quy chế này."])
    effect = ("Hiệu lực", ["Quy chế này có hiệu lực kể từ ngày ký."])
    assert run_rule(RULE, xa_doc(body=body(replace={"final": art}, extra_final=(effect,)))) == []
