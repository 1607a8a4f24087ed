"""FMT-NUMBER-PATTERN — examples of rules.md §2: "Số 01-QC/ĐU", not the state "Số: 01/QC-ĐU"."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "FMT-NUMBER-PATTERN"


def _with(number: str, **kw: object) -> list:
    left = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*"), L(number)]
    return run_rule(RULE, doc(left=left, **kw))


def _parts(found: list) -> list[tuple[str, str]]:
    return [(f.severity, f.part) for f in found]


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_state_order_is_an_error(layout: str) -> None:
    found = _with("Số: 01/QC-ĐU", header_layout=layout)
    assert _parts(found) == [("error", "state_order")] and found[0].expected == "Số 01-QC/ĐU"


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_party_pattern_is_right(layout: str) -> None:
    assert _with("Số 01-QC/ĐU", header_layout=layout) == []


def test_unpadded_number() -> None:
    found = _with("Số 1-QC/ĐU")
    assert _parts(found) == [("warning", "padding")] and found[0].expected == "Số 01-QC/ĐU"


def test_numbers_from_ten_need_no_padding() -> None:
    assert _with("Số 12-QC/ĐU") == []


def test_en_dash() -> None:
    assert _parts(_with("Số 01–QC/ĐU")) == [("warning", "padding")]


def test_colon_is_a_flagged_info() -> None:
    found = _with("Số: 01-QC/ĐU")
    assert [(f.severity, f.part, f.needs_confirmation) for f in found] == [("info", "colon", True)]


def test_unrecognised_pattern() -> None:
    found = _with("Số 01 QC ĐU")
    assert _parts(found) == [("warning", "padding")] and "không đúng mẫu" in found[0].message


def test_blank_number_outside_a_draft() -> None:
    found = _with("Số    -QC/ĐU")
    assert _parts(found) == [("warning", "padding")] and "Dự thảo" in found[0].fix


def test_blank_number_in_a_marked_draft() -> None:
    assert _with("Số    -QC/ĐU", marks=[L("Dự thảo", b=True, align="right")]) == []


def test_blank_number_when_the_caller_says_draft() -> None:
    left = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*"), L("Số …-QC/ĐU")]
    assert run_rule(RULE, doc(left=left), is_draft=True) == []
