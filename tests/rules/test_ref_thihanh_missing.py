"""REF-THIHANH-MISSING — examples of rules.md §4, the chain by document date and the unconfirmed 2026 links."""

from __future__ import annotations

from datetime import date

import pytest
from refkit import CONGRESS, DIEU_LE, HD_06, QD_24, QD_294, ref_doc

from factory import PartyDoc
from rulekit import run_rule

RULE = "REF-THIHANH-MISSING"
AS_OF = date(2026, 3, 1)


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_example_only_dieu_le_and_congress_resolution(formatting: str) -> None:
    found = run_rule(RULE, ref_doc(DIEU_LE, CONGRESS, on=(1, 10, 2025), formatting=formatting), as_of=AS_OF)
    assert sorted((f.severity, f.part, f.expected, f.needs_confirmation) for f in found) == [
        ("info", "huong_dan", "06-HD/TW", True),
        ("warning", "quy_dinh", "294-QĐ/TW", False),
    ]
    quy_dinh = next(f for f in found if f.part == "quy_dinh")
    assert "Quy định 294-QĐ/TW ngày 26/5/2025" in quy_dinh.message and quy_dinh.zone == "preamble"


def test_right_example_294_satisfies_the_quy_dinh_part() -> None:
    """The Hướng dẫn stays recommended (info ⚑); the warning part is satisfied by 294-QĐ/TW."""
    line = "- Căn cứ Quy định số 294-QĐ/TW, ngày 26/5/2025 …;"
    found = run_rule(RULE, ref_doc(DIEU_LE, line, CONGRESS, on=(1, 10, 2025)), as_of=AS_OF)
    assert [f.part for f in found] == ["huong_dan"]


def test_right_complete_block() -> None:
    assert run_rule(RULE, ref_doc(DIEU_LE, QD_294, HD_06, CONGRESS, on=(1, 10, 2025)), as_of=AS_OF) == []
    assert run_rule(RULE, PartyDoc().read(), as_of=AS_OF) == []


def test_24_cited_after_it_was_replaced_is_missing_294() -> None:
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_24, HD_06, on=(25, 11, 2025)), as_of=AS_OF)
    assert [(f.part, f.expected) for f in found] == [("quy_dinh", "294-QĐ/TW")]


@pytest.mark.parametrize(("on", "expected"), [
    ((10, 3, 2021), "29-QĐ/TW"),
    ((10, 3, 2024), "24-QĐ/TW"),
    ((10, 3, 2025), "232-QĐ/TW"),
    ((15, 7, 2025), "294-QĐ/TW"),
])
def test_the_regulation_in_force_on_the_document_date(on: tuple[int, int, int], expected: str) -> None:
    found = run_rule(RULE, ref_doc(DIEU_LE, CONGRESS, on=on), as_of=AS_OF)
    assert [f.expected for f in found if f.part == "quy_dinh"] == [expected]


def test_signed_successor_not_yet_in_force_is_accepted() -> None:
    """A document of 15/6/2025 citing 294-QĐ/TW (signed 26/5, in force 1/7) is not faulted."""
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, HD_06, on=(15, 6, 2025)), as_of=AS_OF)
    assert found == []


def test_late_2026_document_may_cite_294_while_the_khoa_xiv_links_are_unconfirmed() -> None:
    assert run_rule(RULE, ref_doc(DIEU_LE, QD_294, HD_06, on=(1, 9, 2026)), as_of=date(2026, 11, 26)) == []
    newer = "- Căn cứ Quy định số 208-QĐ/TW ngày 26/7/2026 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;"
    assert [f.part for f in run_rule(RULE, ref_doc(DIEU_LE, newer, on=(1, 9, 2026)),
                                     as_of=date(2026, 11, 26))] == ["huong_dan"]


def test_late_2026_document_citing_neither_names_294_and_the_unconfirmed_208() -> None:
    found = run_rule(RULE, ref_doc(DIEU_LE, CONGRESS, on=(1, 9, 2026)), as_of=date(2026, 11, 26))
    quy_dinh = next(f for f in found if f.part == "quy_dinh")
    assert quy_dinh.severity == "warning" and quy_dinh.expected == "294-QĐ/TW"
    assert "[Cần xác nhận]" in quy_dinh.message and "208-QĐ/TW" in quy_dinh.message


def test_undated_draft_uses_the_check_date() -> None:
    found = run_rule(RULE, ref_doc(DIEU_LE, CONGRESS, on=None), as_of=AS_OF)
    (quy_dinh,) = [f for f in found if f.part == "quy_dinh"]
    assert quy_dinh.expected == "294-QĐ/TW" and "ngày kiểm tra" in quy_dinh.message


def test_bare_number_counts() -> None:
    assert run_rule(RULE, ref_doc(DIEU_LE, "- Căn cứ Quy định 294;", "- Căn cứ Hướng dẫn 06;"), as_of=AS_OF) == []
