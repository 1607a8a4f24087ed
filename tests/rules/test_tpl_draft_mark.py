"""TPL-DRAFT-MARK — examples of rules.md §8; a draft's number and signer; an unfinished text without the mark."""

from __future__ import annotations

import pytest

from factory import L, _art, _default_body, doc
from rulekit import run_rule

RULE = "TPL-DRAFT-MARK"
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]
BLANK_LEFT = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*"), L("Số    -QC/ĐU")]
UNSIGNED = [L("T/M ĐẢNG ỦY", b=True), L("BÍ THƯ", b=True)]


def test_wrong_draft_with_a_signer_name() -> None:
    found = run_rule(RULE, doc(marks=[L("Dự thảo", b=True, align="right")], left=BLANK_LEFT))
    assert [(f.severity, f.zone) for f in found] == [("warning", "signature")]
    assert found[0].actual == "Nguyễn Văn An"


def test_right_draft_with_blank_number_and_no_signer() -> None:
    d = doc(marks=[L("Dự thảo lần 2", b=True, align="right")], left=BLANK_LEFT, signature=UNSIGNED)
    assert run_rule(RULE, d) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_draft_with_a_final_number(layout: str) -> None:
    d = doc(marks=[L("Dự thảo", b=True, align="right")], signature=UNSIGNED, header_layout=layout)
    found = run_rule(RULE, d)
    assert [(f.severity, f.zone) for f in found] == [("warning", "header")]
    assert found[0].actual == "Số 01-QC/ĐU"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_draft_signer_name_in_every_closing_layout(layout: str) -> None:
    d = doc(marks=[L("Dự thảo lần 3", b=True, align="right")], left=BLANK_LEFT, closing_layout=layout)
    assert [f.zone for f in run_rule(RULE, d)] == ["signature"]


def test_draft_with_signing_note_only_is_fine() -> None:
    sig = [L("T/M ĐẢNG ỦY", b=True), L("BÍ THƯ", b=True), L("(Đã ký)", i=True), L("……………")]
    d = doc(marks=[L("Dự thảo", b=True, align="right")], left=BLANK_LEFT, signature=sig)
    assert run_rule(RULE, d) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_blank_number_without_the_mark(layout: str) -> None:
    found = run_rule(RULE, doc(left=BLANK_LEFT, signature=UNSIGNED, header_layout=layout))
    assert [(f.severity, f.zone, f.expected) for f in found] == [("warning", "marks", "Dự thảo")]
    assert "số còn để trống" in found[0].message


def test_blank_date_and_placeholders_without_the_mark_make_one_finding() -> None:
    right = [L("ĐẢNG CỘNG SẢN VIỆT NAM", b=True, size=15, border_bottom="single"),
             L("An Hòa, ngày … tháng … năm 2025", i=True)]
    body = _default_body() + _art(7, "Trách nhiệm của đồng chí [tên]", "1. Phụ trách <lĩnh vực>.")
    found = run_rule(RULE, doc(right=right, body=body))
    assert len(found) == 1
    assert "ngày tháng còn để trống" in found[0].message and "“[tên]” và 1 chỗ khác" in found[0].message


def test_neu_co_note_alone_does_not_call_for_the_mark() -> None:
    body = _default_body() + _art(7, "Trách nhiệm của Thường trực Đảng ủy (nếu có)", "1. Chủ trì.")
    assert run_rule(RULE, doc(body=body)) == []


def test_finished_document_without_the_mark() -> None:
    assert run_rule(RULE, doc()) == []


def test_is_draft_from_the_context_does_not_replace_the_printed_mark() -> None:
    # The caller knows it is a draft, but the page itself must still say so.
    found = run_rule(RULE, doc(left=BLANK_LEFT, signature=UNSIGNED), is_draft=True)
    assert [f.zone for f in found] == ["marks"]
