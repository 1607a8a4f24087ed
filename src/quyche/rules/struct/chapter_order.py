"""STR-CHAPTER-ORDER — Chương I, II, III … in order; khoản 1, 2, 3 … and điểm a, b, c, d, đ … in order."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote
from quyche.text import fold
from quyche.zones import Node

# Vietnamese letter order of điểm (no f, j, w, z).
LETTERS = (
    "a",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "g",
    "h",
    "i",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "x",
    "y",
)
_ROMAN = (
    ("m", 1000),
    ("cm", 900),
    ("d", 500),
    ("cd", 400),
    ("c", 100),
    ("xc", 90),
    ("l", 50),
    ("xl", 40),
    ("x", 10),
    ("ix", 9),
    ("v", 5),
    ("iv", 4),
    ("i", 1),
)
_UNITS = {
    "mot": 1,
    "nhat": 1,
    "hai": 2,
    "ba": 3,
    "tu": 4,
    "bon": 4,
    "nam": 5,
    "lam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
}
_WORDS = ("", "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín")
_CARD = ("", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_HEAD = re.compile(r"^(phần|chương|mục)\s+(.*)$", re.IGNORECASE)
_PUNCT = re.compile(r"[.:\-–]")
_NAME = {"phan": "Phần", "chuong": "Chương", "muc": "Mục", "khoan": "khoản", "diem": "điểm"}


def to_roman(n: int) -> str:
    out = ""
    for sym, val in _ROMAN:
        while n >= val:
            out, n = out + sym.upper(), n - val
    return out


def from_roman(text: str) -> int | None:
    t = text.lower()
    known = _ROMAN_VALUES.get(t)
    if known is not None:
        return known
    if not t or any(ch not in "ivxlcdm" for ch in t):
        return None
    value, i = 0, 0
    for sym, val in _ROMAN:
        while t.startswith(sym, i):
            value, i = value + val, i + len(sym)
    return value if i == len(t) else None


_ROMAN_VALUES = {to_roman(n).lower(): n for n in range(1, 200)}  # the usual numerals, read at once


def ordinal_words(n: int) -> str:
    """1 → "nhất", 4 → "tư", 10 → "mười", 11 → "mười một", 15 → "mười lăm", 21 → "hai mươi mốt"."""
    if n < 10:
        return _WORDS[n]
    tens, unit = divmod(n, 10)
    head = "mười" if tens == 1 else f"{_CARD[tens]} mươi"
    if unit == 0:
        return head
    if unit == 1:
        tail = "một" if tens == 1 else "mốt"
    elif unit == 4:
        tail = "bốn" if tens == 1 else "tư"
    elif unit == 5:
        tail = "lăm"
    else:
        tail = _CARD[unit]
    return f"{head} {tail}"


def from_words(words: list[str]) -> int | None:
    """ "nhất" → 1, "tư"/"bốn" → 4, "mười" → 10, "mười một" → 11, "mười lăm" → 15, "hai mươi mốt" → 21."""
    w = [fold(x) for x in words]
    if not w:
        return None
    if w[0] == "muoi":
        return 10 + (_UNITS.get(w[1], 0) if len(w) > 1 else 0)
    if w[0] not in _UNITS:
        return None
    first = _UNITS[w[0]]
    if len(w) > 1 and w[1] == "muoi" and w[0] != "nhat":
        return first * 10 + (_UNITS.get(w[2], 0) if len(w) > 2 else 0)
    return first


def heading_value(node: Node) -> tuple[int | None, str]:
    """Value and numbering style of "Chương II" / "Chương 2" / "Chương thứ hai" / "Phần thứ mười một"."""
    m = _HEAD.match(node.para.plain)
    if not m:
        return None, "roman"
    rest = _PUNCT.split(m.group(2), maxsplit=1)[0].split()
    if not rest:
        return None, "roman"
    if fold(rest[0]) == "thu":
        words: list[str] = []
        for x in rest[1:4]:
            if fold(x) not in _UNITS and fold(x) != "muoi":
                break
            words.append(x)
        return from_words(words), "words"
    if rest[0].isdigit():
        return int(rest[0]), "digits"
    return from_roman(rest[0]), "roman"


Item = tuple[Node, int | None, str]  # node, value (None = not a valid number), number as written


def _heading_items(nodes: list[Node]) -> list[Item]:
    return [(n, heading_value(n)[0], n.number) for n in nodes]


def _label(kind: str, style: str) -> Callable[[int], str]:
    if kind == "diem":
        return lambda v: f"{LETTERS[v]})" if 0 <= v < len(LETTERS) else "?"
    if kind == "khoan":
        return lambda v: f"khoản {v}"
    name = _NAME[kind]
    if style == "words":
        return lambda v: f"{name} thứ {ordinal_words(v)}"
    if style == "digits":
        return lambda v: f"{name} {v}"
    return lambda v: f"{name} {to_roman(v)}"


def _sequence(items: list[Item], kind: str, start: int, part: str, where: str) -> Iterator[Hit]:
    if not items:
        return
    style = heading_value(items[0][0])[1] if kind in ("phan", "chuong", "muc") else ""
    label = _label(kind, style)
    prev: int | None = None
    for node, value, written in items:
        expected = start if prev is None else prev + 1
        if value is None and kind != "diem":
            continue  # a heading number that cannot be read: nothing to compare
        if value == expected:
            prev = value
            continue
        if kind == "diem":
            shown = f"{written})"
        elif kind == "khoan" or value is None:
            shown = f"{_NAME[kind]} {written}"
        else:
            shown = _label(kind, heading_value(node)[1])(value)  # as this heading writes its number
        if value is None:
            yield Hit(
                f"{_NAME[kind].capitalize()} {quote(node.para, 50)} đánh số “{written}” không đúng thứ tự "
                f"chữ cái tiếng Việt (a, b, c, d, đ, e, g, h, i, k …; không dùng f, j, w, z){where}",
                paragraph=node.para,
                zone="body",
                part=part,
                expected=label(expected),
                actual=shown,
                fix="Đánh điểm theo thứ tự chữ cái tiếng Việt: a), b), c), d), đ), e), g), h), i), k)…",
            )
            continue
        if value != expected:
            if prev is None:
                what = f"{shown} là số đầu tiên, phải bắt đầu từ {label(start)}"
            elif value == prev:
                what = f"trùng số: hai lần {shown}"
            elif value < prev:
                what = f"{shown} đứng sau {label(prev)}: sai thứ tự"
            else:
                missing = label(expected)
                if value > expected + 1:
                    missing += f" … {label(value - 1)}"
                what = f"{shown} đứng sau {label(prev)}: thiếu {missing}"
            yield Hit(
                f"Đánh số {_NAME[kind]} chưa đúng thứ tự liên tục{where}: {what} ({quote(node.para, 50)})",
                paragraph=node.para,
                zone="body",
                part=part,
                expected=label(expected),
                actual=shown,
                fix=f"Đánh lại số {_NAME[kind]} liên tục theo thứ tự và sửa các chỗ dẫn chiếu",
            )
        prev = value


def _in_order(values: list[int | None], start: int) -> bool:
    """True when the values run start, start + 1, … with no gap: :func:`_sequence` would find nothing."""
    return values == list(range(start, start + len(values)))


_LETTER_INDEX = {letter: i for i, letter in enumerate(LETTERS)}
_NUMBERS = tuple(str(i) for i in range(1000))


def _article_in_order(article: Node) -> bool:
    """A quick look: khoản numbered "1", "2", … and each run of điểm "a", "b", … (a False only sends the
    article through the full check, which decides)."""
    clause = 0
    point = 0
    letters = LETTERS
    for c in article.children:
        kind = c.kind
        if kind == "khoan":
            clause += 1
            if clause >= len(_NUMBERS) or c.number != _NUMBERS[clause]:
                return False
            i = 0
            for d in c.children:
                if d.kind == "diem":
                    if i >= len(letters) or d.number != letters[i]:
                        return False
                    i += 1
        elif kind == "diem":
            if point >= len(letters) or c.number != letters[point]:
                return False
            point += 1
    return True


@rule("STR-CHAPTER-ORDER")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    yield from _sequence(_heading_items(z.nodes("phan")), "phan", 1, "chapter", "")
    yield from _sequence(_heading_items(z.nodes("chuong")), "chuong", 1, "chapter", "")
    if z.nodes("muc"):
        for parent in z.all_nodes:
            if parent.kind in ("phan", "chuong"):
                mucs = [c for c in parent.children if c.kind == "muc"]
                if mucs:
                    where = f" trong {parent.para.plain[:30]}"
                    yield from _sequence(_heading_items(mucs), "muc", 1, "chapter", where)
    for article in z.articles:
        if not article.children or _article_in_order(article):
            continue
        clauses = [c for c in article.children if c.kind == "khoan"]
        clause_items: list[Item] = [(c, int(c.number), c.number) for c in clauses]
        if not _in_order([v for _, v, _ in clause_items], 1):
            yield from _sequence(clause_items, "khoan", 1, "clause", f" trong Điều {article.number}")
        for parent in [article, *clauses]:
            points = [c for c in parent.children if c.kind == "diem"]
            if not points:
                continue
            items: list[Item] = [(p, _LETTER_INDEX.get(p.number), p.number) for p in points]
            if _in_order([v for _, v, _ in items], 0):
                continue
            where = f" trong Điều {article.number}"
            if parent.kind == "khoan":
                where += f" khoản {parent.number}"
            yield from _sequence(items, "diem", 0, "clause", where)
