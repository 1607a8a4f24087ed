"""STR-CHAPTER-ORDER — examples of rules.md §3, ordinal words, khoản order and the Vietnamese letter order."""

from __future__ import annotations

import pytest

from factory import L, doc
from rulekit import run_rule

RULE = "STR-CHAPTER-ORDER"


def _chapters(*numbers: str) -> list[L]:
    out: list[L] = []
    for i, n in enumerate(numbers, 1):
        out += [
            L(f"Chương {n}", b=True),
            L("NHỮNG QUY ĐỊNH CHUNG", b=True),
            L(f"Điều {i}. Nội dung", b=True, align="both"),
            L("1. Khoản thứ nhất.", align="both"),
        ]
    return out


def _article(*lines: str) -> list[L]:
    return [
        L("Chương I", b=True),
        L("NHỮNG QUY ĐỊNH CHUNG", b=True),
        L("Điều 1. Nội dung", b=True, align="both"),
        *(L(t, align="both") for t in lines),
    ]


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_wrong_chapter_gap(formatting: str) -> None:
    found = run_rule(RULE, doc(body=_chapters("I", "III"), formatting=formatting))
    assert [(f.severity, f.part, f.expected, f.actual) for f in found] == [
        ("warning", "chapter", "Chương II", "Chương III")
    ]


@pytest.mark.parametrize("formatting", ["direct", "styles"])
def test_right_chapters_in_order(formatting: str) -> None:
    assert run_rule(RULE, doc(body=_chapters("I", "II", "III"), formatting=formatting)) == []


def test_right_default_document() -> None:
    assert run_rule(RULE, doc()) == []


def test_ordinal_words_in_order() -> None:
    assert run_rule(RULE, doc(body=_chapters("thứ nhất", "thứ hai", "thứ ba", "thứ tư", "thứ năm"))) == []


def test_ordinal_words_with_a_gap() -> None:
    found = run_rule(RULE, doc(body=_chapters("thứ nhất", "thứ hai", "thứ tư")))
    assert [(f.expected, f.actual) for f in found] == [("Chương thứ ba", "Chương thứ tư")]


def test_roman_numerals_beyond_ten() -> None:
    numbers = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    assert run_rule(RULE, doc(body=_chapters(*numbers))) == []
    found = run_rule(RULE, doc(body=_chapters(*numbers[:9], "XI")))
    assert [(f.expected, f.actual) for f in found] == [("Chương X", "Chương XI")]


def test_chapter_repeated() -> None:
    found = run_rule(RULE, doc(body=_chapters("I", "II", "II")))
    assert [(f.expected, f.actual) for f in found] == [("Chương III", "Chương II")]


def test_clause_gap_is_a_flagged_info() -> None:
    found = run_rule(RULE, doc(body=_article("1. Khoản một.", "3. Khoản ba.")))
    assert [(f.severity, f.part, f.needs_confirmation, f.expected, f.actual) for f in found] == [
        ("info", "clause", True, "khoản 2", "khoản 3")
    ]


def test_clauses_restart_in_each_article() -> None:
    body = [
        *_article("1. Khoản một.", "2. Khoản hai."),
        L("Điều 2. Nội dung khác", b=True, align="both"),
        L("1. Khoản một.", align="both"),
        L("2. Khoản hai.", align="both"),
    ]
    assert run_rule(RULE, doc(body=body)) == []


def test_vietnamese_letter_order_skips_f() -> None:
    """a b c d đ e g: a naive checker expects "f" after "e"."""
    points = [f"{ch}) Điểm {ch};" for ch in ("a", "b", "c", "d", "đ", "e", "g", "h")]
    assert run_rule(RULE, doc(body=_article("1. Khoản một:", *points))) == []


def test_point_gap() -> None:
    found = run_rule(RULE, doc(body=_article("1. Khoản một:", "a) Điểm a;", "b) Điểm b;", "d) Điểm d.")))
    assert [(f.part, f.expected, f.actual) for f in found] == [("clause", "c)", "d)")]


def test_point_d_without_dash_after_d() -> None:
    """d then e skips "đ"."""
    found = run_rule(
        RULE, doc(body=_article("a) Điểm a;", "b) Điểm b;", "c) Điểm c;", "d) Điểm d;", "e) Điểm e."))
    )
    assert [(f.expected, f.actual) for f in found] == [("đ)", "e)")]


def test_latin_letter_f_is_not_a_point_letter() -> None:
    points = [f"{ch}) Điểm {ch};" for ch in ("a", "b", "c", "d", "đ", "e", "f")]
    found = run_rule(RULE, doc(body=_article("1. Khoản một:", *points)))
    assert [(f.expected, f.actual) for f in found] == [("g)", "f)")]
