"""FMT-HEADER-TITLE — examples of rules.md §2 plus the corpus defects, in the layouts real headers use."""

from __future__ import annotations

import pytest

from factory import L, PartyDoc, doc
from rulekit import run_rule

RULE = "FMT-HEADER-TITLE"
LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]
TITLE = L("ĐẢNG CỘNG SẢN VIỆT NAM", b=True, size=15, border_bottom="single")
DATE = L("An Hòa, ngày 15 tháng 10 năm 2025", i=True)


def _parts(found: list) -> list[tuple[str, str]]:
    return [(f.severity, f.part) for f in found]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_title_in_normal_case_not_bold(layout: str) -> None:
    right = [L("Đảng Cộng sản Việt Nam", size=15, border_bottom="single"), DATE]
    found = run_rule(RULE, doc(right=right, header_layout=layout))
    assert _parts(found) == [("error", "text"), ("error", "text")]
    assert "in hoa" in found[0].message and "đậm" in found[1].message


@pytest.mark.parametrize("layout", LAYOUTS)
def test_right_title(layout: str) -> None:
    assert run_rule(RULE, doc(header_layout=layout)) == []


def test_styles_formatting_is_right() -> None:
    assert run_rule(RULE, doc(formatting="styles")) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_misspelt_title(layout: str) -> None:
    right = [TITLE.with_(text="ĐẢNG CÔNG SẢN VIỆT NAM"), DATE]
    found = run_rule(RULE, doc(right=right, header_layout=layout))
    assert _parts(found) == [("error", "text")] and found[0].actual == "ĐẢNG CÔNG SẢN VIỆT NAM"


def test_state_national_title_instead() -> None:
    right = [L("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, size=13),
             L("Độc lập - Tự do - Hạnh phúc", b=True, border_bottom="single"), DATE]
    found = run_rule(RULE, doc(right=right))
    assert _parts(found) == [("error", "text")] and "Quốc hiệu" in found[0].message


def test_missing_title() -> None:
    found = run_rule(RULE, doc(right=[DATE]))
    assert _parts(found) == [("error", "text")] and found[0].actual is None


def test_not_bold_and_italic() -> None:
    found = run_rule(RULE, doc(right=[TITLE.with_(b=False, i=True), DATE]))
    assert _parts(found) == [("error", "text"), ("error", "text")]


def test_all_caps_by_formatting_counts_as_upper_case() -> None:
    import io

    import docx

    from quyche.readers.docx.reader import read_docx

    d = docx.Document(io.BytesIO(PartyDoc().to_bytes()))
    cell = d.tables[0].rows[0].cells[1]
    run = cell.paragraphs[0].runs[0]
    run.text, run.font.all_caps = "Đảng Cộng sản Việt Nam", True
    buf = io.BytesIO()
    d.save(buf)
    assert run_rule(RULE, read_docx(buf.getvalue(), "caps.docx")) == []


def test_size_14_is_a_warning() -> None:
    found = run_rule(RULE, doc(right=[TITLE.with_(size=14), DATE]))
    assert _parts(found) == [("warning", "style")] and found[0].actual == "14 pt"


@pytest.mark.parametrize("layout", ["table", "textbox", "paragraphs", "tabs"])
def test_missing_line_is_a_warning(layout: str) -> None:
    found = run_rule(RULE, doc(right=[TITLE.with_(border_bottom=None), DATE], header_layout=layout))
    assert _parts(found) == [("warning", "style")] and "Thiếu đường kẻ" in found[0].message


@pytest.mark.parametrize("layout", ["table", "tabs"])
def test_dashed_line_is_a_warning(layout: str) -> None:
    found = run_rule(RULE, doc(right=[TITLE.with_(border_bottom="dashed"), DATE], header_layout=layout))
    assert _parts(found) == [("warning", "style")] and "nét đứt" in found[0].message


@pytest.mark.parametrize("rule_text", ["_______________", "---------------"])
def test_a_paragraph_of_underscores_or_dashes_is_the_line(rule_text: str) -> None:
    right = [TITLE.with_(border_bottom=None), L(rule_text), DATE]
    assert run_rule(RULE, doc(right=right)) == []


def test_a_rule_paragraph_in_the_other_column_is_not_the_line() -> None:
    left = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("______"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*"), L("Số 01-QC/ĐU")]
    right = [TITLE.with_(border_bottom=None), DATE]
    found = run_rule(RULE, doc(left=left, right=right, header_layout="tabs"))
    assert _parts(found) == [("warning", "style")]


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox"])
def test_title_in_the_left_column(layout: str) -> None:
    left = [TITLE, L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*"), L("Số 01-QC/ĐU")]
    right = [L("ĐẢNG BỘ TỈNH TÂY NINH"), DATE]
    found = run_rule(RULE, doc(left=left, right=right, header_layout=layout))
    assert ("error", "text") in _parts(found) and any("bên trái" in f.message for f in found)


def test_title_below_the_date_line() -> None:
    found = run_rule(RULE, PartyDoc(right=[DATE, TITLE]).read())
    assert any(f.part == "text" and "dòng đầu tiên" in f.message for f in found)
