"""REF-DIEULE-MISSING — examples of rules.md §4 plus "Điều lệ" inside another basis' title and list layouts."""

from __future__ import annotations

import pytest
from refkit import CONGRESS, DIEU_LE, HD_06, QD_294, body_with, ref_doc

from factory import PartyDoc, doc
from rulekit import run_rule

RULE = "REF-DIEULE-MISSING"


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_example_begins_with_294_and_never_cites_the_dieu_le(formatting: str) -> None:
    """294-QĐ/TW and 06-HD/TW are "về thi hành Điều lệ Đảng": a title, not a citation of the Điều lệ."""
    found = run_rule(RULE, ref_doc(QD_294, HD_06, CONGRESS, formatting=formatting))
    assert [(f.severity, f.part, f.zone) for f in found] == [("error", "missing", "preamble")]
    assert found[0].text == QD_294


@pytest.mark.parametrize("first", ["- Căn cứ Điều lệ Đảng;", DIEU_LE, "Căn cứ Điều lệ Đảng Cộng sản Việt Nam,"])
def test_right_example_dieu_le_first(first: str) -> None:
    assert run_rule(RULE, ref_doc(first, QD_294, HD_06, CONGRESS)) == []


def test_right_default_document() -> None:
    assert run_rule(RULE, PartyDoc().read()) == []


def test_not_first_is_info() -> None:
    found = run_rule(RULE, ref_doc(QD_294, DIEU_LE, CONGRESS))
    assert [(f.severity, f.part, f.text) for f in found] == [("info", "not_first", DIEU_LE)]


def test_bullets_under_a_can_cu_heading() -> None:
    ok = ref_doc("Căn cứ:", "- Điều lệ Đảng Cộng sản Việt Nam;", "- Quy định số 294-QĐ/TW ngày 26/5/2025;")
    assert run_rule(RULE, ok) == []
    late = ref_doc("Căn cứ:", "- Quy định số 294-QĐ/TW ngày 26/5/2025;", "- Điều lệ Đảng Cộng sản Việt Nam;")
    assert [f.part for f in run_rule(RULE, late)] == ["not_first"]


def test_regulation_without_any_can_cu_block() -> None:
    found = run_rule(RULE, doc(cancu=[]))
    assert [(f.severity, f.part) for f in found] == [("error", "missing")]
    assert "không có phần căn cứ" in found[0].message


def test_dieu_le_only_in_the_body_does_not_count() -> None:
    body = body_with("1. Chi bộ hoạt động theo Điều lệ Đảng và các quy định của Trung ương.")
    found = run_rule(RULE, ref_doc(QD_294, CONGRESS, body=body))
    assert [f.part for f in found] == ["missing"]
