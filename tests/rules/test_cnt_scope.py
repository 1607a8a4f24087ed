"""CNT-SCOPE — examples of rules.md §9: a scope article, found by title or by its text."""

from __future__ import annotations

from qclv import body, chibo_doc, chibo_profile, xa_doc, xa_profile
from rulekit import run_rule

RULE = "CNT-SCOPE"


def test_wrong_chapter_one_starts_with_the_principles() -> None:
    found = run_rule(RULE, xa_doc(body=body(drop=("scope",))))
    assert [(f.severity, f.needs_confirmation) for f in found] == [("warning", True)]
    assert "Điều 1. Nguyên tắc làm việc" in found[0].message
    assert found[0].message.startswith("[Cần xác nhận]")


def test_right_scope_article() -> None:
    assert run_rule(RULE, xa_doc()) == []
    assert run_rule(RULE, xa_doc(), profile=xa_profile()) == []
    assert run_rule(RULE, chibo_doc(), profile=chibo_profile()) == []


def test_scope_stated_under_another_title_counts() -> None:
    general = ("Quy định chung", ["1. Quy chế này quy định trách nhiệm, quyền hạn, chế độ làm việc của Ban Chấp hành.",
                                  "2. Các tập thể, cá nhân trong Đảng bộ chịu sự điều chỉnh của Quy chế này."])
    assert run_rule(RULE, xa_doc(body=body(replace={"scope": general}))) == []


def test_short_title_phạm_vi() -> None:
    short = ("Phạm vi áp dụng", ["Quy chế áp dụng đối với Ban Chấp hành và các đồng chí đảng ủy viên."])
    assert run_rule(RULE, xa_doc(body=body(replace={"scope": short}))) == []


def test_not_a_working_regulation_or_no_articles() -> None:
    from factory import L

    other = xa_doc(summary=[L("chi tiêu nội bộ của Văn phòng Đảng ủy xã An Hòa", b=True)],
                   body=body(drop=("scope",)))
    assert run_rule(RULE, other) == []
    assert run_rule(RULE, xa_doc(body=[L("Ban Chấp hành thống nhất ban hành quy chế.", align="both")])) == []
