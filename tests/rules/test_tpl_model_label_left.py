"""TPL-MODEL-LABEL-LEFT — examples of rules.md §8; labels from the skeleton data; căn cứ lines exempt."""

from __future__ import annotations

import pytest

from factory import L, _default_cancu, doc
from rulekit import run_rule

RULE = "TPL-MODEL-LABEL-LEFT"
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]


def test_wrong_model_label_at_the_top_of_page_1() -> None:
    found = run_rule(RULE, doc(marks=[L("Mẫu 1-QCLV", align="right")]))
    assert [f.severity for f in found] == ["warning"]
    assert "Mẫu 1-QCLV" in found[0].message and found[0].paragraph == 1


def test_right_no_label_anywhere() -> None:
    assert run_rule(RULE, doc()) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_label_inside_the_header_column(layout: str) -> None:
    left = [L("Mẫu 2 - QCLV"), L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*"),
            L("Số 01-QC/ĐU")]
    found = run_rule(RULE, doc(left=left, header_layout=layout))
    assert [(f.zone, f.actual) for f in found] == [("header", "Mẫu 2 - QCLV")]


def test_line_saying_the_page_accompanies_7619() -> None:
    title = [L("QUY CHẾ LÀM VIỆC MẪU", b=True, size=16)]
    summary = [L("(Kèm theo Công văn số 7619-CV/BTCTW ngày 30/12/2024 của Ban Tổ chức Trung ương)", i=True)]
    found = run_rule(RULE, doc(title=title, summary=summary))
    assert len(found) == 2
    assert any("7619-CV/BTCTW" in (f.actual or "") for f in found)


def test_unfilled_generic_summary() -> None:
    summary = [L("làm việc của Ban Chấp hành Đảng bộ ….. khóa..., nhiệm kỳ...", b=True)]
    found = run_rule(RULE, doc(summary=summary))
    assert len(found) == 1 and found[0].zone == "title"


def test_cancu_citing_the_model_by_name_is_exempt() -> None:
    cancu = _default_cancu()
    cancu.insert(1, L("- Căn cứ Quyết định số 302-QĐ/TW ngày 09/6/2025 của Ban Bí thư ban hành Quy chế làm việc "
                      "mẫu của đảng ủy xã, phường, đặc khu;", align="both"))
    cancu.insert(1, L("- Căn cứ Công văn số 7619-CV/BTCTW ngày 30/12/2024 kèm theo Quy chế làm việc mẫu;",
                      align="both"))
    assert run_rule(RULE, doc(cancu=cancu)) == []
