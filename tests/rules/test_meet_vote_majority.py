"""MEET-VOTE-MAJORITY — examples of rules.md §6: more than half of all members, not of those present."""

from __future__ import annotations

import pytest

from meetdocs import chibo_doc, danguy_doc
from rulekit import run_rule

RULE = "MEET-VOTE-MAJORITY"
BCH = "1. Ban Chấp hành họp thường lệ ba tháng một lần."


def test_wrong_half_of_those_present() -> None:
    d = danguy_doc([BCH, "2. Nghị quyết được thông qua khi quá nửa số ủy viên có mặt tán thành."])
    found = run_rule(RULE, d)
    assert [(f.severity, f.expected) for f in found] == [("warning", "quá nửa tổng số thành viên")]


def test_right_half_of_all_members() -> None:
    d = danguy_doc([BCH, "2. Nghị quyết được thông qua khi có quá nửa tổng số ủy viên Ban Chấp hành tán thành."])
    assert run_rule(RULE, d) == []


def test_found_outside_the_meeting_article() -> None:
    d = danguy_doc([BCH], extra=["2. Các quyết định được thông qua khi đa số đại biểu có mặt biểu quyết tán thành."])
    assert [f.severity for f in run_rule(RULE, d)] == ["warning"]


@pytest.mark.parametrize("text", [
    "Hội nghị chỉ hợp lệ khi có quá nửa số ủy viên có mặt.",  # a quorum: MEET-QUORUM-2-3
    "Bảo đảm tập trung dân chủ, quyết định theo đa số; thiểu số phục tùng đa số.",  # a principle
    "Nghị quyết của Chi bộ có giá trị khi được quá nửa tổng số đảng viên chính thức của Chi bộ tán thành.",
])
def test_not_a_vote_on_those_present(text: str) -> None:
    assert run_rule(RULE, chibo_doc(["1. Chi bộ sinh hoạt thường kỳ mỗi tháng một lần.", f"2. {text}"])) == []
