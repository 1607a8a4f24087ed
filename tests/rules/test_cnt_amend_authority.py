"""CNT-AMEND-AUTHORITY — examples of rules.md §9: only the issuing collective amends the regulation."""

from __future__ import annotations

import pytest

from qclv import BLOCKS, body, chibo_doc, chibo_profile, xa_doc
from rulekit import run_rule

RULE = "CNT-AMEND-AUTHORITY"
TITLE, CLAUSES = BLOCKS["final"]


def final(amend: str) -> list:  # type: ignore[type-arg]
    return body(replace={"final": (TITLE, [CLAUSES[0], amend, CLAUSES[2]])})


def test_wrong_the_bi_thu_decides() -> None:
    found = run_rule(RULE, xa_doc(body=final("2. Việc sửa đổi, bổ sung Quy chế do đồng chí Bí thư quyết định.")))
    assert [(f.severity, f.needs_confirmation, f.actual) for f in found] == [("info", True, "Bí thư")]


def test_right_the_ban_chap_hanh_decides() -> None:
    right = "2. Việc sửa đổi, bổ sung Quy chế do Ban Chấp hành Đảng bộ xem xét, quyết định."
    assert run_rule(RULE, xa_doc(body=final(right))) == []
    assert run_rule(RULE, chibo_doc(), profile=chibo_profile()) == []


@pytest.mark.parametrize(("sentence", "who"), [
    ("2. Việc sửa đổi, bổ sung Quy chế do Ban Thường vụ Đảng ủy xem xét, quyết định.", "Ban Thường vụ"),
    ("2. Thường trực Đảng ủy quyết định việc sửa đổi, bổ sung Quy chế.", "Thường trực"),
    ("2. Giao Ban Thường vụ sửa đổi, bổ sung Quy chế khi cần thiết.", "Ban Thường vụ"),
    ("2. Việc sửa đổi, bổ sung Quy chế thuộc thẩm quyền của BTV Đảng ủy.", "Ban Thường vụ"),
])
def test_power_given_to_a_part_of_the_collective(sentence: str, who: str) -> None:
    assert [f.actual for f in run_rule(RULE, xa_doc(body=final(sentence)))] == [who]


@pytest.mark.parametrize("sentence", [
    "2. Việc sửa đổi, bổ sung Quy chế do Ban Thường vụ đề xuất, Ban Chấp hành xem xét, quyết định.",
    "2. Trong quá trình thực hiện, Ban Thường vụ tổng hợp ý kiến, báo cáo Ban Chấp hành xem xét, sửa đổi, bổ sung.",
    "2. Việc sửa đổi, bổ sung Quy chế do tập thể Ban Chấp hành quyết định.",
    "2. Việc sửa đổi, bổ sung Quy chế do Hội nghị Ban Chấp hành Đảng bộ xã An Hòa xem xét, quyết định.",
])
def test_collective_decision_with_a_part_proposing(sentence: str) -> None:
    assert run_rule(RULE, xa_doc(body=final(sentence))) == []


def test_regulation_that_never_says_who_amends_it() -> None:
    found = run_rule(RULE, xa_doc(body=final("2. Các chi bộ trực thuộc tổ chức quán triệt đến đảng viên.")))
    assert len(found) == 1 and "không nêu ai có thẩm quyền" in found[0].message


def test_amendment_without_a_decider() -> None:
    found = run_rule(RULE, xa_doc(body=final("2. Quy chế được sửa đổi, bổ sung cho phù hợp với tình hình.")))
    assert len(found) == 1 and "không nêu ai quyết định" in found[0].message


def test_other_amendments_in_the_body_are_not_about_the_regulation() -> None:
    bch = ("Trách nhiệm, quyền hạn của Ban Chấp hành", [
        "1. Ban Thường vụ quyết định sửa đổi, bổ sung kế hoạch công tác tháng."])
    d = xa_doc(body=body(replace={"bch": bch}))
    assert run_rule(RULE, d) == []


def test_a_second_sentence_giving_the_power_to_the_bi_thu_is_still_flagged() -> None:
    both = ("2. Việc sửa đổi, bổ sung Quy chế do Ban Chấp hành quyết định; trường hợp cần thiết, đồng chí Bí thư "
            "quyết định sửa đổi, bổ sung Quy chế và báo cáo lại.")
    assert [f.actual for f in run_rule(RULE, xa_doc(body=final(both)))] == ["Bí thư"]
