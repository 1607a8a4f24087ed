"""Citations in text: every spelling real documents use, dates, state numbers, titles, resolution."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quyche.citations import Citation, find_citations, outside_titles, resolve, resolve_all
from quyche.references import load_catalogue

CAT = load_catalogue()
NBSP = "\u00a0"


def one(text: str) -> Citation:
    found = find_citations(text)
    assert len(found) == 1, found
    return found[0]


def test_full_citation_with_type_number_and_date() -> None:
    text = "- Căn cứ Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;"
    c = find_citations(text)[0]
    assert (c.number, c.symbol, c.type_word) == ("24", "QĐ/TW", "Quy định")
    assert c.number_symbol == "24-QĐ/TW" and c.type_code == "QĐ"
    assert c.date == date(2021, 7, 30) and c.date_text == "ngày 30/7/2021" and c.year == 2021
    assert c.raw == "Quy định số 24-QĐ/TW ngày 30/7/2021"
    assert text[c.span[0] : c.span[1]] == c.raw
    assert c.symbol_span is not None and text[c.symbol_span[0] : c.symbol_span[1]] == "24-QĐ/TW"
    assert not c.inferred_symbol and not c.state and not c.is_dieu_le


@pytest.mark.parametrize(("text", "number", "type_word"), [
    ("Quy định 294", "294", "Quy định"),
    ("Quy định số 294", "294", "Quy định"),
    ("QĐ 294", "294", "QĐ"),
    ("QĐ số 294", "294", "QĐ"),
    ("Quyết định 294", "294", "Quyết định"),
    ("quy định số 294", "294", "Quy định"),
    ("QUY ĐỊNH SỐ 294", "294", "Quy định"),
])
def test_bare_quy_dinh_is_inferred(text: str, number: str, type_word: str) -> None:
    c = one(f"Căn cứ {text} của Ban Chấp hành Trung ương;")
    assert (c.number, c.symbol, c.type_word, c.inferred_symbol) == (number, "QĐ/TW", type_word, True)
    assert c.number_symbol == "294-QĐ/TW"
    assert resolve(c, CAT, date(2025, 10, 1)) == CAT["QD-294-TW-2025"]


@pytest.mark.parametrize(("text", "symbol", "key"), [
    ("HD 06", "HD/TW", "HD-06-TW-2025"),
    ("Hướng dẫn 06", "HD/TW", "HD-06-TW-2025"),
    ("Chỉ thị 50", "CT/TW", "CT-50-TW-2025"),
    ("Kết luận 18", "KL/TW", "KL-18-TW-2017"),
    ("Hướng dẫn 42", "HD/TW", "HD-42-BTCTW-2025"),  # /TW assumed, resolved to the only "42-HD/…"
    ("Hướng dẫn số 36", "HD/TW", "HD-36-VPTW-2018"),
])
def test_other_bare_type_words(text: str, symbol: str, key: str) -> None:
    c = one(f"theo {text};")
    assert c.symbol == symbol and c.inferred_symbol
    assert resolve(c, CAT, date(2025, 12, 1)) == CAT[key]


@pytest.mark.parametrize("spelling", [
    "24-QĐ/TW", "số 24 - QĐ/TW", "Số: 24-QĐ/TW", "24–QĐ/TW", "24—QĐ/TW", "24‑QĐ/TW", "24‐QĐ/TW", "24−QĐ/TW",
    f"24{NBSP}-{NBSP}QĐ/TW", f"số{NBSP}24-QĐ/TW", "24 -QĐ/TW", "24- QĐ / TW",
])
def test_symbol_spellings(spelling: str) -> None:
    c = one(f"Căn cứ {spelling};")
    assert c.number_symbol == "24-QĐ/TW" and not c.inferred_symbol and c.type_word is None
    assert resolve(c, CAT) == CAT["QD-24-TW-2021"]


@pytest.mark.parametrize(("text", "number_symbol", "type_word"), [
    ("Hướng dẫn số 06-HD/TW", "06-HD/TW", "Hướng dẫn"),
    ("Hướng dẫn 36-HD/VPTW", "36-HD/VPTW", "Hướng dẫn"),
    ("Công văn số 7619-CV/BTCTW", "7619-CV/BTCTW", "Công văn"),
    ("Chỉ thị số 50-CT/TW", "50-CT/TW", "Chỉ thị"),
    ("Kết luận số 18-KL/TW", "18-KL/TW", "Kết luận"),
    ("Nghị quyết số 18-NQ/TW", "18-NQ/TW", "Nghị quyết"),
    ("Quy định số 07-QĐi/TW", "07-QĐi/TW", "Quy định"),
    ("Hướng dẫn số 42-HD/BTCTW", "42-HD/BTCTW", "Hướng dẫn"),
    ("Công văn số 5053-CV/VPTW/nb", "5053-CV/VPTW/nb", "Công văn"),
    (f"Quy định{NBSP}số{NBSP}294-QĐ/TW", "294-QĐ/TW", "Quy định"),
])
def test_typed_symbols(text: str, number_symbol: str, type_word: str) -> None:
    c = one(f"- Căn cứ {text};")
    assert (c.number_symbol, c.type_word, c.inferred_symbol) == (number_symbol, type_word, False)


@pytest.mark.parametrize(("tail", "when"), [
    (" ngày 30/7/2021", date(2021, 7, 30)),
    (", ngày 30/7/2021", date(2021, 7, 30)),
    (" ngày 30-7-2021", date(2021, 7, 30)),
    (", 30-7-2021", date(2021, 7, 30)),
    (" ngày 30.7.2021", date(2021, 7, 30)),
    (" ngày 30 tháng 7 năm 2021", date(2021, 7, 30)),
    (f" ngày{NBSP}30{NBSP}tháng{NBSP}7{NBSP}năm{NBSP}2021", date(2021, 7, 30)),
    (" ban hành ngày 30/07/2021", date(2021, 7, 30)),
])
def test_dates(tail: str, when: date) -> None:
    c = one(f"Quy định số 24-QĐ/TW{tail} của Ban Chấp hành Trung ương")
    assert c.date == when and c.year == 2021
    assert c.date_text is not None and c.raw.endswith(c.date_text)


def test_year_only_and_impossible_date() -> None:
    c = one("Hướng dẫn 02-HD/TW năm 2021 của Ban Bí thư")
    assert c.date is None and c.year == 2021 and c.date_text == "năm 2021"
    assert resolve(c, CAT) == CAT["HD-02-TW-2021"]
    bad = one("Quy định 24-QĐ/TW ngày 31/02/2021")
    assert bad.date is None and bad.date_text == "ngày 31/02/2021" and bad.year == 2021


def test_multiple_citations_in_one_line() -> None:
    text = ("Căn cứ Điều lệ Đảng; Quy định số 294-QĐ/TW, ngày 26/5/2025 và Hướng dẫn số 06-HD/TW, "
            "ngày 09/6/2025; Quy định 362, QĐ 363, HD 42; 24-QĐ/TW,232-QĐ/TW")
    found = find_citations(text)
    assert [c.number_symbol for c in found] == ["Điều lệ Đảng", "294-QĐ/TW", "06-HD/TW", "362-QĐ/TW", "363-QĐ/TW",
                                                "42-HD/TW", "24-QĐ/TW", "232-QĐ/TW"]
    assert [c.date for c in found[1:3]] == [date(2025, 5, 26), date(2025, 6, 9)]
    assert all(text[c.span[0] : c.span[1]] == c.raw for c in found)
    starts = [c.span[0] for c in found]
    assert starts == sorted(starts)


def test_state_numbers() -> None:
    found = find_citations("Nghị định 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ; Số: 12/QĐ-UBND; Luật 45/2013/QH13")
    assert [(c.number_symbol, c.state) for c in found] == [
        ("30/2020/NĐ-CP", True), ("12/QĐ-UBND", True), ("45/2013/QH13", True)]
    nd = found[0]
    assert nd.type_word == "Nghị định" and nd.number == "30" and nd.symbol == "NĐ-CP" and nd.year == 2020
    assert nd.date == date(2020, 3, 5)
    assert resolve(nd, CAT) == CAT["ND-30-2020"]
    assert found[1].raw == "Số: 12/QĐ-UBND" and resolve(found[1], CAT) is None
    assert nd.type_code is None


def test_dates_are_not_state_numbers() -> None:
    assert find_citations("Tân Thạnh, ngày 30/7/2021 và 12/2025") == []


def test_dieu_le_dang() -> None:
    c = one("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;")
    assert c.is_dieu_le and c.number_symbol == "Điều lệ Đảng" and c.raw == "Điều lệ Đảng Cộng sản Việt Nam"
    assert resolve(c, CAT, date(2025, 10, 1)) == CAT["DIEU-LE-2011"]
    assert one("- CĂN CỨ ĐIỀU LỆ ĐẢNG;").is_dieu_le
    assert one(f"Căn cứ Điều{NBSP}lệ{NBSP}Đảng;").is_dieu_le


def test_title_span_and_in_title() -> None:
    text = ("- Căn cứ Quy định số 125-QĐ/TW, ngày 10/10/2023 của Ban Bí thư về chức năng, nhiệm vụ của đảng ủy "
            "cấp huyện; Nơi nhận: Huyện ủy Tân Biên")
    c = find_citations(text)[0]
    assert c.title_span is not None
    title = text[c.title_span[0] : c.title_span[1]]
    assert title == "của Ban Bí thư về chức năng, nhiệm vụ của đảng ủy cấp huyện"
    assert "Huyện ủy Tân Biên" not in title
    assert outside_titles(text) == [(0, c.title_span[0]), (c.title_span[1], len(text))]
    # a document named inside another's title
    t2 = "Căn cứ Hướng dẫn số 06-HD/TW ngày 09/6/2025 của Ban Bí thư về thi hành Điều lệ Đảng và Quy định 294;"
    f2 = find_citations(t2)
    assert [(c.number_symbol, c.in_title) for c in f2] == [
        ("06-HD/TW", False), ("Điều lệ Đảng", True), ("294-QĐ/TW", True)]
    # siblings joined by "và" are not each other's titles
    t3 = "Căn cứ Quy định số 24-QĐ/TW và 232-QĐ/TW của Trung ương về thi hành Điều lệ Đảng."
    f3 = find_citations(t3)
    assert f3[0].title_span is None and not f3[1].in_title
    assert f3[1].title_span is not None
    assert t3[f3[1].title_span[0] : f3[1].title_span[1]] == "của Trung ương về thi hành Điều lệ Đảng"
    assert f3[2].is_dieu_le and f3[2].in_title


def test_title_span_stops_at_line_end() -> None:
    text = "Quy định 294-QĐ/TW về thi hành Điều lệ\nHuyện ủy"
    c = find_citations(text)[0]
    assert c.title_span is not None and text[c.title_span[0] : c.title_span[1]] == "về thi hành Điều lệ"


@pytest.mark.parametrize("text", [
    "Điều lệ Đảng quy định 5 năm một lần",
    "Quy định 2 lần trong năm",
    "Kế hoạch 5 năm",
    "quy định 3 người",
    "Hướng dẫn này có 12 điểm",
    "Tân Thạnh, ngày 30 tháng 7 năm 2021",
])
def test_not_citations(text: str) -> None:
    assert [c for c in find_citations(text) if not c.is_dieu_le] == []


def test_resolve_picks_the_term_by_date() -> None:
    c2016 = one("Hướng dẫn số 01-HD/TW ngày 20/9/2016")
    c2026 = one("Hướng dẫn số 01-HD/TW ngày 19/5/2026")
    bare = one("Hướng dẫn số 01-HD/TW")
    assert resolve(c2016, CAT) == CAT["HD-01-TW-2016"]
    assert resolve(c2026, CAT) == CAT["HD-01-TW-2026"]
    assert resolve(bare, CAT, date(2020, 1, 1)) == CAT["HD-01-TW-2016"]
    assert resolve(bare, CAT, date(2026, 9, 1)) == CAT["HD-01-TW-2026"]
    assert resolve(bare, CAT) == CAT["HD-01-TW-2026"]
    assert [r.key for r in resolve_all(bare, CAT)] == ["HD-01-TW-2016", "HD-01-TW-2026"]
    assert resolve(one("Quy định số 9999-QĐ/TW"), CAT) is None  # REF-UNKNOWN-CITATION
    assert resolve(one("Quy định số 294-QĐ/TW"), CAT, date(2025, 3, 10)) == CAT["QD-294-TW-2025"]  # anachronism


def test_rules_md_examples() -> None:
    wrong = find_citations("- Căn cứ Quy định số 24-QĐ/TW, ngày 30/7/2021 của Ban Chấp hành Trung ương về thi "
                           "hành Điều lệ Đảng;")[0]
    ref = resolve(wrong, CAT, date(2025, 9, 15))
    assert ref is not None and CAT.successor_at(ref.key, date(2025, 9, 15)) == CAT["QD-294-TW-2025"]
    right = one("- Căn cứ Quy định số 362-QĐ/TW, ngày 30/8/2025 …;")
    assert resolve(right, CAT, date(2025, 10, 1)) == CAT["QD-362-TW-2025"]


@given(st.text(alphabet=st.sampled_from(list("Quy định số 24-QĐ/TW ngày 30/7/2021 Điều lệ Đảng;,–\u00a0\n")),
               max_size=80))
def test_never_crashes_and_spans_are_exact(text: str) -> None:
    for c in find_citations(text):
        assert text[c.span[0] : c.span[1]] == c.raw
        if c.title_span is not None:
            assert c.span[1] <= c.title_span[0] <= c.title_span[1] <= len(text)
