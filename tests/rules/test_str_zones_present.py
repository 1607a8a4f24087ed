"""STR-ZONES-PRESENT — examples of rules.md §3 in every layout, one finding per missing component, order."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "STR-ZONES-PRESENT"
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_no_recipients(layout: str, formatting: str) -> None:
    found = run_rule(RULE, doc(recipients=[], closing_layout=layout, formatting=formatting))
    assert [(f.severity, f.part, f.zone, f.expected) for f in found] == [
        ("error", "missing", "recipients", "Nơi nhận:")
    ]


@pytest.mark.parametrize("header", LAYOUTS)
@pytest.mark.parametrize("closing", LAYOUTS)
def test_right_everything_present_in_order(header: str, closing: str) -> None:
    assert run_rule(RULE, doc(header_layout=header, closing_layout=closing)) == []


@pytest.mark.parametrize("swap", [False, True])
def test_signature_and_recipients_in_either_order(swap: bool) -> None:
    assert run_rule(RULE, doc(swap_closing=swap, closing_layout="paragraphs")) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_signature(layout: str) -> None:
    found = run_rule(RULE, doc(signature=[], closing_layout=layout))
    assert [(f.part, f.zone) for f in found] == [("missing", "signature")]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_number(layout: str) -> None:
    left = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*")]
    found = run_rule(RULE, doc(left=left, header_layout=layout))
    assert [(f.part, f.zone, f.expected) for f in found] == [("missing", "header", "Số …-…/…")]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_party_title_and_no_date_are_two_findings(layout: str) -> None:
    found = run_rule(RULE, doc(right=[], header_layout=layout))
    assert sorted(f.expected or "" for f in found) == [
        "<Địa danh>, ngày … tháng … năm …",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
    ]
    assert {f.severity for f in found} == {"error"}


def test_state_title_in_place_of_the_party_title_is_left_to_the_title_rules() -> None:
    """Corpus mutant_08: a state title where the Party title goes is left to FMT-HEADER-TITLE."""
    right = [
        L("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True),
        L("Độc lập - Tự do - Hạnh phúc", b=True),
        L("An Hòa, ngày 15 tháng 10 năm 2025", i=True),
    ]
    assert run_rule(RULE, doc(right=right)) == []


def test_no_summary_under_the_type() -> None:
    found = run_rule(RULE, doc(summary=[]))
    assert [(f.part, f.zone) for f in found] == [("missing", "title")]


def test_no_body() -> None:
    found = run_rule(RULE, doc(body=[]))
    assert [(f.part, f.zone) for f in found] == [("missing", "body")]


def test_title_above_the_header_is_an_order_fault_not_a_missing_header() -> None:
    found = run_rule(RULE, doc(marks=[L("QUY CHẾ", b=True, size=16)], title=[], summary=[]))
    assert found and {(f.severity, f.part) for f in found} == {("warning", "order")}
    assert any(f.text == "ĐẢNG CỘNG SẢN VIỆT NAM" for f in found)


def test_plain_text_input_has_the_same_components(tmp_path: object) -> None:
    from pathlib import Path

    from quyche.readers import read_document

    lines = [
        "ĐẢNG BỘ TỈNH TÂY NINH",
        "ĐẢNG ỦY XÃ AN HÒA",
        "*",
        "Số 01-QC/ĐU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "An Hòa, ngày 15 tháng 10 năm 2025",
        "QUY CHẾ",
        "làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I, nhiệm kỳ 2025 - 2030",
        "-----",
        "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
        "Chương I",
        "NHỮNG QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi điều chỉnh",
        "Quy chế này quy định chế độ làm việc.",
        "T/M ĐẢNG ỦY",
        "BÍ THƯ",
        "Nguyễn Văn An",
    ]
    path = Path(str(tmp_path)) / "qc.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    found = run_rule(RULE, read_document(path))
    assert [(f.part, f.zone) for f in found] == [("missing", "recipients")]
