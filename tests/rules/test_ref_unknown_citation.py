"""REF-UNKNOWN-CITATION — examples of rules.md §4 plus state documents, repeats and implied symbols."""

from __future__ import annotations

import pytest
from refkit import DIEU_LE, QD_294, body_with, ref_doc

from factory import PartyDoc
from rulekit import run_rule

RULE = "REF-UNKNOWN-CITATION"


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_example_9999_is_not_in_the_catalogue(formatting: str) -> None:
    found = run_rule(RULE, ref_doc(DIEU_LE, "- Căn cứ Quy định số 9999-QĐ/TW …;", formatting=formatting))
    assert [(f.severity, f.confidence, f.zone) for f in found] == [("info", "H", "preamble")]
    assert "9999-QĐ/TW" in found[0].message and "danh mục" in found[0].message


def test_right_example_294_is_in_the_catalogue() -> None:
    assert run_rule(RULE, ref_doc(DIEU_LE, "- Căn cứ Quy định số 294-QĐ/TW …;")) == []


def test_right_default_document() -> None:
    assert run_rule(RULE, PartyDoc().read()) == []


def test_one_finding_per_unknown_document() -> None:
    body = body_with("1. Thực hiện Kế hoạch số 15-KH/TU của Tỉnh ủy.", "2. Báo cáo theo Kế hoạch số 15-KH/TU.")
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, "- Căn cứ Kế hoạch số 15-KH/TU ngày 01/8/2025;", body=body))
    assert [(f.zone, f.actual) for f in found] == [("preamble", "Kế hoạch số 15-KH/TU ngày 01/8/2025")]


def test_state_document_on_a_can_cu_line() -> None:
    line = "- Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;"
    found = run_rule(RULE, ref_doc(DIEU_LE, QD_294, line))
    assert [f.actual for f in found] == ["30/2020/NĐ-CP"]
    assert "Nhà nước" in found[0].message


def test_state_document_mentioned_in_the_body_is_not_reported() -> None:
    body = body_with("1. Văn thư thực hiện theo Nghị định số 30/2020/NĐ-CP của Chính phủ.")
    assert run_rule(RULE, ref_doc(DIEU_LE, QD_294, body=body)) == []


def test_implied_symbol_reported_only_on_a_can_cu_line() -> None:
    assert [f.actual for f in run_rule(RULE, ref_doc(DIEU_LE, "- Căn cứ Quy định 8888;"))] == ["Quy định 8888"]
    body = body_with("1. Thực hiện quy định 5 năm một lần; theo Quy định 8888 của cấp trên.")
    assert run_rule(RULE, ref_doc(DIEU_LE, QD_294, body=body)) == []


def test_local_document_is_reported_for_the_board() -> None:
    line = "- Căn cứ Quy chế làm việc số 03-QC/TU ngày 10/9/2025 của Ban Chấp hành Đảng bộ tỉnh Tây Ninh;"
    assert [f.actual for f in run_rule(RULE, ref_doc(DIEU_LE, QD_294, line))] == [
        "số 03-QC/TU ngày 10/9/2025"
    ]


def test_the_documents_own_number_is_not_a_citation() -> None:
    body = body_with("1. Quy chế này (số 01-QC/ĐU) được gửi các chi bộ trực thuộc.")  # header: "Số 01-QC/ĐU"
    assert run_rule(RULE, ref_doc(DIEU_LE, QD_294, body=body)) == []
