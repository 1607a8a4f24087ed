"""FMT-RECIPIENTS-ITEMS — "- …," items in one separator style, last "- Lưu ….", 12 pt is normal."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "FMT-RECIPIENTS-ITEMS"
LABEL = L("Nơi nhận:", u=True, align="left")


def _items(*lines: str) -> list[L]:
    return [LABEL, *(L(t, size=12, align="left") for t in lines)]


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_wrong_last_line_ends_with_semicolon(layout: str) -> None:
    rec = _items("- Ban Thường vụ Tỉnh ủy Tây Ninh (để báo cáo),", "- Lưu VP;")
    found = run_rule(RULE, doc(recipients=rec, closing_layout=layout))
    assert [(f.severity, f.needs_confirmation) for f in found] == [("info", True)]
    assert found[0].text == "- Lưu VP;" and found[0].zone == "recipients"


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "paragraphs"])
def test_right_last_line_file_copy_with_dot(layout: str) -> None:
    rec = _items("- Ban Thường vụ Tỉnh ủy Tây Ninh (để báo cáo),", "- Lưu Văn phòng Đảng ủy.")
    assert run_rule(RULE, doc(recipients=rec, closing_layout=layout)) == []


def test_semicolons_throughout_are_accepted() -> None:
    rec = _items("- Ban Thường vụ Tỉnh ủy Tây Ninh (để báo cáo);", "- Các đồng chí đảng ủy viên;",
                 "- Lưu Chi bộ.")
    assert run_rule(RULE, doc(recipients=rec)) == []


def test_mixed_separators_are_flagged() -> None:
    rec = _items("- Ban Thường vụ Tỉnh ủy Tây Ninh (để báo cáo),", "- Các đồng chí đảng ủy viên,",
                 "- Các chi bộ trực thuộc;", "- Lưu Văn phòng Đảng ủy.")
    found = run_rule(RULE, doc(recipients=rec))
    assert len(found) == 1 and found[0].text == "- Các chi bộ trực thuộc;"


def test_last_line_not_a_file_copy() -> None:
    rec = _items("- Ban Thường vụ Tỉnh ủy Tây Ninh (để báo cáo),", "- Các đồng chí đảng ủy viên.")
    found = run_rule(RULE, doc(recipients=rec))
    assert len(found) == 1 and "lưu văn bản" in found[0].message


def test_items_without_dash_and_without_separator() -> None:
    rec = _items("Ban Thường vụ Tỉnh ủy Tây Ninh", "- Lưu Văn phòng Đảng ủy.")
    found = run_rule(RULE, doc(recipients=rec))
    assert sorted(f.expected or "" for f in found) == ["- …", "kết thúc bằng “,”"]


def test_items_in_12_to_14pt_are_not_judged() -> None:
    rec = [LABEL, L("- Ban Thường vụ Tỉnh ủy Tây Ninh (để báo cáo),", size=14, align="left"),
           L("- Lưu Văn phòng Đảng ủy.", size=13, align="left")]
    assert run_rule(RULE, doc(recipients=rec)) == []
