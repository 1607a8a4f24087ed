"""REF-DISTRICT-LEVEL — examples of rules.md §4 across layouts, spellings and the exempt titles of old documents."""

from __future__ import annotations

from datetime import date

import pytest
from refkit import DIEU_LE, QD_294, body_with, ref_doc

from factory import L
from rulekit import run_rule

RULE = "REF-DISTRICT-LEVEL"
AS_OF = date(2026, 3, 1)
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]


def recipients(item: str) -> list[L]:
    return [L("Nơi nhận:", u=True, align="left"), L(item, size=12, align="left"),
            L("- Lưu Văn phòng Đảng ủy.", size=12, align="left")]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_example_recipient_huyen_uy(layout: str, formatting: str) -> None:
    d = ref_doc(DIEU_LE, QD_294, on=(1, 9, 2025), recipients=recipients("- Ban Thường vụ Huyện ủy Tân Biên;"),
                closing_layout=layout, formatting=formatting)
    found = run_rule(RULE, d, as_of=AS_OF)
    assert [(f.severity, f.confidence, f.zone, f.actual) for f in found] == [("error", "H", "recipients", "Huyện ủy")]
    assert "Tân Biên" in found[0].message


@pytest.mark.parametrize("layout", LAYOUTS)
def test_right_example_recipient_dang_uy_xa(layout: str) -> None:
    d = ref_doc(DIEU_LE, QD_294, on=(1, 9, 2025), recipients=recipients("- Ban Thường vụ Đảng ủy xã Tân Biên;"),
                closing_layout=layout)
    assert run_rule(RULE, d, as_of=AS_OF) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_district_party_organisation_as_superior_line(layout: str) -> None:
    left = [L("ĐẢNG BỘ HUYỆN TÂN BIÊN"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*"), L("Số 01-QC/ĐU")]
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, on=(1, 9, 2025), left=left, header_layout=layout), as_of=AS_OF)
    assert [(f.zone, f.actual) for f in found] == [("header", "ĐẢNG BỘ HUYỆN")]


@pytest.mark.parametrize("text", [
    "1. Chịu sự lãnh đạo trực tiếp của Ban Thường vụ HUYỆN UỶ Tân Biên.",
    "1. Chịu sự lãnh đạo trực tiếp của Ban Thường vụ huyện uỷ Tân Biên.",
    "1. Báo cáo Quận ủy Bình Thạnh theo định kỳ.",
    "1. Báo cáo Thị ủy Hòa Thành theo định kỳ.",
    "1. Thực hiện chế độ báo cáo với cấp ủy cấp huyện.",
    "1. Giữ mối liên hệ với Đảng bộ thị xã Hòa Thành.",
])
def test_body_mentions_in_every_spelling(text: str) -> None:
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, on=(1, 9, 2025), body=body_with(text)), as_of=AS_OF)
    assert [(f.severity, f.zone) for f in found] == [("error", "body")]


@pytest.mark.parametrize("text", [
    "1. Lãnh đạo Công đoàn cơ quan Ủy ban nhân dân xã.",  # "quan ủy" without the diacritic of "quận"
    "1. Báo cáo Ban Thường vụ Thành ủy Hồ Chí Minh.",  # "Thành ủy" is also a provincial committee
    "1. Phối hợp với Ủy ban nhân dân thị xã cũ trong việc bàn giao hồ sơ.",
    "1. Thực hiện đúng quy định của Điều lệ Đảng.",
])
def test_near_misses_are_not_district_bodies(text: str) -> None:
    assert run_rule(RULE, ref_doc(DIEU_LE, QD_294, on=(1, 9, 2025), body=body_with(text)), as_of=AS_OF) == []


def test_inside_the_title_of_a_cited_older_document_is_exempt() -> None:
    line = ("- Căn cứ Quyết định số 15-QĐ/HU ngày 10/3/2020 của Ban Thường vụ Huyện ủy Tân Biên về việc thành lập "
            "Chi bộ Trường Tiểu học An Hòa;")
    assert run_rule(RULE, ref_doc(DIEU_LE, QD_294, line, on=(1, 9, 2025)), as_of=AS_OF) == []


def test_basis_naming_a_district_body_outside_any_title_is_reported() -> None:
    line = "- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ huyện Tân Biên nhiệm kỳ 2020 - 2025;"
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, line, on=(1, 9, 2025)), as_of=AS_OF)
    assert [f.zone for f in found] == ["preamble"]


def test_documents_dated_before_1_july_2025_are_not_judged() -> None:
    d = ref_doc(DIEU_LE, QD_294, on=(30, 6, 2025), recipients=recipients("- Ban Thường vụ Huyện ủy Tân Biên;"))
    assert run_rule(RULE, d, as_of=AS_OF) == []


def test_undated_draft_is_judged_as_of_the_check_date() -> None:
    d = ref_doc(DIEU_LE, QD_294, on=None, recipients=recipients("- Ban Thường vụ Huyện ủy Tân Biên;"))
    assert len(run_rule(RULE, d, as_of=AS_OF)) == 1
    assert run_rule(RULE, d, as_of=date(2025, 5, 1)) == []
