"""TYP-ALLOWED — examples of rules.md §1, state-only types, and types new in 399-QĐ/TW by document date."""

from __future__ import annotations

from datetime import date

import pytest

from factory import L, doc
from quyche.catalogue import doc_types
from quyche.zones import type_name_key
from rulekit import run_rule

RULE = "TYP-ALLOWED"
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]


def _dated(title: str, when: str = "ngày 15 tháng 10 năm 2025") -> object:
    right = [
        L("ĐẢNG CỘNG SẢN VIỆT NAM", b=True, size=15, border_bottom="single"),
        L(f"An Hòa, {when}", i=True),
    ]
    return doc(title=[L(title, b=True, size=16)], summary=[L("về công tác năm 2026", b=True)], right=right)


def _new_in_399() -> str:
    names = [
        t.name
        for t in doc_types().values()
        if any("399" in x for x in t.lists) and not any("66" in x for x in t.lists) and type_name_key(t.name)
    ]
    assert names, "the type table lists no type that is new in 399-QĐ/TW"
    return names[0].upper()


@pytest.mark.parametrize("layout", LAYOUTS)
def test_wrong_state_type_thong_tu(layout: str) -> None:
    found = run_rule(RULE, doc(title=[L("THÔNG TƯ", b=True, size=16)], header_layout=layout))
    assert [(f.severity, f.part, f.zone, f.actual) for f in found] == [
        ("error", "state_type", "title", "THÔNG TƯ")
    ]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_right_quy_che(layout: str, formatting: str) -> None:
    assert run_rule(RULE, doc(header_layout=layout, formatting=formatting)) == []


@pytest.mark.parametrize("title", ["NGHỊ ĐỊNH", "CÔNG ĐIỆN", "GIẤY UỶ QUYỀN", "Thông tư"])
def test_other_state_only_types_and_spellings(title: str) -> None:
    found = run_rule(RULE, _dated(title))  # type: ignore[arg-type]
    assert [f.part for f in found] == ["state_type"]


def test_state_type_is_wrong_under_399_as_well() -> None:
    found = run_rule(RULE, _dated("THÔNG TƯ", "ngày 02 tháng 02 năm 2026"))  # type: ignore[arg-type]
    assert [f.severity for f in found] == ["error"]


def test_type_new_in_399_on_a_document_dated_before_it_is_a_flagged_info() -> None:
    found = run_rule(RULE, _dated(_new_in_399()))  # type: ignore[arg-type]
    assert [(f.severity, f.part, f.needs_confirmation) for f in found] == [("info", "new_in_399", True)]


def test_type_new_in_399_on_a_document_dated_under_399() -> None:
    assert run_rule(RULE, _dated(_new_in_399(), "ngày 10 tháng 01 năm 2026")) == []  # type: ignore[arg-type]


def test_undated_draft_is_judged_by_the_check_date() -> None:
    d = _dated(_new_in_399(), "ngày     tháng     năm 2026")
    assert run_rule(RULE, d, as_of=date(2026, 3, 1)) == []  # type: ignore[arg-type]
    assert len(run_rule(RULE, d, as_of=date(2025, 12, 1))) == 1  # type: ignore[arg-type]


def test_type_name_in_neither_party_list() -> None:
    found = run_rule(RULE, _dated("NỘI QUY"))  # type: ignore[arg-type]
    assert [(f.severity, f.part) for f in found] == [("error", "state_type")]
