"""FMT-TITLE-QC-ATTACHED — standalone quy chế (own -QC/ number) or attached to a decision (pattern b)."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "FMT-TITLE-QC-ATTACHED"
SUMMARY = L("làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I, nhiệm kỳ 2025 - 2030", b=True)


def _left(number: str) -> list[L]:
    return [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*"), L(number)]


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_wrong_qc_numbered_as_decision_without_reference(layout: str) -> None:
    found = run_rule(RULE, doc(left=_left("Số 05-QĐ/ĐU"), header_layout=layout))
    assert [(f.part, f.severity, f.needs_confirmation) for f in found] == [("standalone", "warning", True)]
    assert found[0].actual == "Số 05-QĐ/ĐU"


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_right_standalone_with_own_qc_number(layout: str) -> None:
    assert run_rule(RULE, doc(left=_left("Số 05-QC/ĐU"), header_layout=layout)) == []


def test_attached_pattern_with_matching_reference_is_silent() -> None:
    ref = L("(Ban hành kèm theo Quyết định số 05-QĐ/ĐU ngày 15/10/2025 của Ban Chấp hành Đảng bộ xã An Hòa)",
            i=True)
    d = doc(left=_left("Số 05-QĐ/ĐU"), summary=[SUMMARY, ref])
    assert d.zones.attached_ref is not None
    assert run_rule(RULE, d) == []


def test_attached_pattern_reference_with_date_in_words_is_silent() -> None:
    ref = L("(Ban hành kèm theo Quyết định số 05-QĐ/ĐU, ngày 15 tháng 10 năm 2025)", i=True)
    assert run_rule(RULE, doc(left=_left("Số 05-QĐ/ĐU"), summary=[SUMMARY, ref])) == []


def test_attached_pattern_reference_not_italic_and_wrong_number_and_date() -> None:
    ref = L("(Ban hành kèm theo Quyết định số 07-QĐ/ĐU ngày 20/10/2025 của Ban Chấp hành Đảng bộ xã An Hòa)")
    found = run_rule(RULE, doc(left=_left("Số 05-QĐ/ĐU"), summary=[SUMMARY, ref]))
    assert {f.part for f in found} == {"attached"}
    assert sorted((f.expected or "") for f in found) == ["05-QĐ/ĐU", "15/10/2025", "in nghiêng"]


def test_attached_pattern_with_an_own_qc_number_is_contradictory() -> None:
    ref = L("(Ban hành kèm theo Quyết định số 05-QĐ/ĐU ngày 15/10/2025)", i=True)
    found = run_rule(RULE, doc(left=_left("Số 05-QC/ĐU"), summary=[SUMMARY, ref]))
    assert [(f.part, f.actual) for f in found] == [("attached", "Số 05-QC/ĐU")]


def test_other_types_are_not_judged() -> None:
    assert run_rule(RULE, doc(title=[L("QUY ĐỊNH", b=True, size=16)], left=_left("Số 05-QĐ/ĐU"))) == []


def test_unbracketed_reference_line_counts_as_pattern_b() -> None:
    ref = L("Ban hành kèm theo Quyết định số 05-QĐ/ĐU ngày 15/10/2025", i=True)
    d = doc(left=_left("Số 05-QĐ/ĐU"), summary=[SUMMARY, ref])
    assert d.zones.attached_ref is None
    assert run_rule(RULE, d) == []
