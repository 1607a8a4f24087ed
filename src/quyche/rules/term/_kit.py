"""Shared bits of the TERM rules: the khóa and nhiệm kỳ of the trích yếu, dates written in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from quyche.keyscan import paragraphs_holding
from quyche.meetings import fold_keep, lower_keep, paragraph_fold
from quyche.model import Document, Paragraph
from quyche.text import fold
from quyche.zones import Zones

_TERM = re.compile(r"(?<![a-z])nhiem ky\s*:?\s*(\d{4})\s*-\s*(\d{4})(?!\d)")
_TERM_WORD = re.compile(r"(?<![a-z])nhiem ky(?![a-z])")
_KHOA = re.compile(r"(?<!\w)kh(?:óa|oá)(?!\w)")  # on the lower-cased text: "Đa khoa" is no khóa
_KHOA_VALUE = re.compile(r"^\s*(?:thu\s+)?([ivxlcdm]+|\d+)(?![a-z0-9])")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


@dataclass(frozen=True, slots=True)
class TitleTerm:
    paragraph: Paragraph | None
    text: str  # the whole trích yếu as written
    start: int | None = None  # nhiệm kỳ years
    end: int | None = None
    term_text: str | None = None  # "nhiệm kỳ 2020 - 2025" as written
    has_term_word: bool = False  # "nhiệm kỳ" is written (perhaps without two years)
    khoa: str | None = None  # "XII" as written
    khoa_text: str | None = None  # "khóa XII" / "khóa ..." as written
    khoa_state: str = "absent"  # filled | placeholder | absent


def roman_or_int(value: str) -> int | None:
    """"XII" → 12, "12" → 12, "IIV" → None."""
    v = value.strip().lower()
    if v.isdigit():
        return int(v)
    if not v or any(ch not in _ROMAN for ch in v):
        return None
    total = 0
    for i, ch in enumerate(v):
        n = _ROMAN[ch]
        total += -n if i + 1 < len(v) and _ROMAN[v[i + 1]] > n else n
    return total if _to_roman(total) == v.upper() else None


def _to_roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def title_term(zones: Zones) -> TitleTerm | None:
    """Khóa and nhiệm kỳ of the trích yếu; None when the document has no trích yếu. Read once per document
    (kept with its zones): most TERM rules read it."""
    found = zones.memo.get("term.title_term", _UNREAD)
    if found is _UNREAD:
        found = zones.memo["term.title_term"] = _title_term(zones)
    return found  # type: ignore[return-value]


_UNREAD = object()  # memo marker: title_term not read yet (None is a value)


def _title_term(zones: Zones) -> TitleTerm | None:
    """:func:`title_term`, worked out."""
    if not zones.title_summary:
        return None
    text = zones.summary_text
    key = fold_keep(text)
    first = zones.title_summary[0]
    start = end = None
    term_text = None
    m = _TERM.search(key)
    if m:
        start, end, term_text = int(m.group(1)), int(m.group(2)), text[m.start():m.end()]
    khoa = khoa_text = None
    state = "absent"
    for k in _KHOA.finditer(lower_keep(text)):
        rest = key[k.end():]
        v = _KHOA_VALUE.match(rest)
        if v and roman_or_int(v.group(1)) is not None:
            state = "filled"
            khoa = text[k.end() + v.start(1):k.end() + v.end(1)]
            khoa_text = text[k.start():k.end() + v.end(1)]
            break
        if state == "absent":
            state = "placeholder"
            tail = re.match(r"^\s*[^,;]{0,16}", rest)
            khoa_text = text[k.start():k.end() + (tail.end() if tail else 0)].strip()
    return TitleTerm(first, text, start, end, term_text, bool(_TERM_WORD.search(key)), khoa, khoa_text, state)


def is_draft(doc: Document, draft: bool) -> bool:
    """A draft: the check was told so, or the document carries a "Dự thảo" mark."""
    return draft or any(fold(p.plain).startswith("du thao") for p in doc.zones.marks)


def as_date(value: Any) -> date | None:
    """A profile date field: a YAML date, "2025-08-20" or "20/08/2025"; None when it is not a date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    t = value.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(t, pattern).date()
        except ValueError:
            continue
    return None


# ----------------------------------------------------------------------------- dates written in the text
_WORDS = re.compile(r"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{1,4})(?!\d)")
_SLASH = re.compile(r"(?<![\d/.-])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4})(?!\d)")
_DAY_MONTH = re.compile(r"ngay\s*(\d{1,2})\s*/\s*(\d{1,2})(?![\d/]|\s?[/.-]\s?\d)")
_MONTH_YEAR = re.compile(r"thang\s*(\d{1,2})\s*(?:nam|/)\s*(\d{4})(?!\d)")
# Every date form holds "ngay" (_WORDS, _DAY_MONTH), "thang" (_MONTH_YEAR) or a separator followed by a digit
# (_SLASH: "/", a dash, which folds to "-", or "." then perhaps a space). Tested on Paragraph.key, whose folding
# keeps each of these wherever fold_keep does.
_DOT_DIGIT = re.compile(r"\.\s?\d")
# What _SLASH holds: a separator, a day or month, the same separator ("/05/", "-5-", ". 05 ."). Unlike _SLASH,
# it starts with a character set, which the regex engine scans for quickly.
_SEP_PAIR = re.compile(r"([/.-])\s?\d\d?\s?\1")


@dataclass(frozen=True, slots=True)
class WrittenDate:
    paragraph: Paragraph
    text: str  # as written
    day: int | None
    month: int
    year: int | None

    @property
    def valid(self) -> bool:
        if not 1 <= self.month <= 12:
            return False
        if self.year is not None and self.year < 1:
            return False
        try:
            date(self.year or 2024, self.month, self.day or 1)  # no year: 2024 allows 29/02
        except ValueError:
            return False
        return True


# _SEP_PAIR, one pattern per separator: each led by a literal, which the regex engine scans for quickly.
_SEP_PAIRS = tuple(re.compile(re.escape(sep) + r" ?\d\d? ?" + re.escape(sep)) for sep in "/.-")


def _may_date(k: str) -> bool:
    """Cheap necessary condition for a date on a paragraph's key (the words or a separator every form holds)."""
    return "ngay" in k or "thang" in k or "/" in k or "-" in k or ("." in k and _DOT_DIGIT.search(k) is not None)


def date_paragraphs(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Those of ``paragraphs`` that may hold a date (:func:`written_dates` of the others is empty), found by one
    search of their joined keys per word or pattern (:mod:`quyche.keyscan`).

    Every date :func:`_written_dates` finds holds "ngay" (_WORDS, _DAY_MONTH) or "thang" (_MONTH_YEAR), or is a
    _SLASH date, which holds a separator, a day or month and the same separator (_SEP_PAIR). The key holds what
    ``fold_keep(p.plain)`` holds there: these letters, digits and separators fold alike in both foldings, and the
    one white space ``plain`` may have between them is one space in the key too. A stronger test than
    :func:`_may_date`: a bullet "- Căn cứ …" is no candidate."""
    return paragraphs_holding(paragraphs, ("ngay", "thang"), _SEP_PAIRS)


def written_dates(p: Paragraph) -> list[WrittenDate]:
    """Dates in a paragraph: "ngày 30 tháng 02 năm 2026", "30/02/2026", "ngày 30/02", "tháng 13/2025"."""
    if not _may_date(p.key):  # the cheap word tests first
        return []
    return _written_dates(p)


def _written_dates(p: Paragraph) -> list[WrittenDate]:
    """:func:`written_dates` of a paragraph that passed :func:`_may_date`."""
    text = p.plain
    out: list[WrittenDate] = []
    key = paragraph_fold(p)
    spans: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in spans)

    # each pattern runs only where the words it holds are ("ngay", "thang", a separator before a digit)
    day = "ngay" in key
    if day:
        for m in _WORDS.finditer(key):
            out.append(WrittenDate(p, text[m.start():m.end()], int(m.group(1)), int(m.group(2)),
                                   int(m.group(3))))
            spans.append(m.span())
    if _SEP_PAIR.search(key):
        for m in _SLASH.finditer(key):
            if free(*m.span()):
                out.append(WrittenDate(p, text[m.start():m.end()], int(m.group(1)), int(m.group(3)),
                                       int(m.group(4))))
                spans.append(m.span())
    if day:
        for m in _DAY_MONTH.finditer(key):
            if free(*m.span()):
                out.append(WrittenDate(p, text[m.start():m.end()], int(m.group(1)), int(m.group(2)), None))
                spans.append(m.span())
    if "thang" in key:
        for m in _MONTH_YEAR.finditer(key):
            if free(*m.span()):
                out.append(WrittenDate(p, text[m.start():m.end()], None, int(m.group(1)), int(m.group(2))))
                spans.append(m.span())
    return out
