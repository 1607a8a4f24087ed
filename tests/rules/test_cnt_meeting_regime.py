"""CNT-MEETING-REGIME — examples of rules.md §9: a meeting-regime article."""

from __future__ import annotations

import pytest

from qclv import body, chibo_doc, chibo_profile, xa_doc, xa_profile
from rulekit import run_rule

RULE = "CNT-MEETING-REGIME"


def test_wrong_no_article_on_meetings() -> None:
    found = run_rule(RULE, xa_doc(body=body(drop=("meetings",))))
    assert [(f.severity, f.expected) for f in found] == [("warning", "Điều … Chế độ họp")]


def test_wrong_chi_bo_is_told_che_do_sinh_hoat() -> None:
    found = run_rule(RULE, chibo_doc(body=body(drop=("meetings", "uy_vien", "rel_sub"))), profile=chibo_profile())
    assert [f.expected for f in found] == ["Điều … Chế độ sinh hoạt"]


@pytest.mark.parametrize("title", ["Chế độ họp", "Chế độ sinh hoạt", "Chế độ làm việc", "CHẾ ĐỘ HỌP"])
def test_right_meeting_article(title: str) -> None:
    art = (title, ["1. Ban Chấp hành họp thường lệ ba tháng một lần."])
    assert run_rule(RULE, xa_doc(body=body(replace={"meetings": art}))) == []


def test_right_clean_regulations() -> None:
    assert run_rule(RULE, xa_doc(), profile=xa_profile()) == []
    assert run_rule(RULE, chibo_doc(), profile=chibo_profile()) == []


def test_meeting_rules_under_another_title_count() -> None:
    art = ("Hội nghị của Ban Chấp hành", ["1. Ban Chấp hành họp thường lệ ba tháng một lần, họp bất thường khi cần.",
                                          "2. Hội nghị hợp lệ khi có hai phần ba số ủy viên có mặt."])
    assert run_rule(RULE, xa_doc(body=body(replace={"meetings": art}))) == []
