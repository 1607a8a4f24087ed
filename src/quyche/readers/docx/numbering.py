"""Automatic numbering rendered to text ("Điều 1.", "1.", "a)") from numbering.xml, and theme fonts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from quyche.readers.docx.ooxml import A, W, to_int

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def letters(n: int) -> str:
    # Word: a..z, then aa..zz, aaa…
    if n <= 0:
        return ""
    rep = (n - 1) // 26 + 1
    return _LETTERS[(n - 1) % 26] * rep


_MAX_ALPHA = 32767  # Word's largest list number; beyond it a letter/roman label would grow without bound


def format_number(n: int, fmt: str) -> str:
    if n > _MAX_ALPHA and fmt in ("lowerLetter", "upperLetter", "upperRoman", "lowerRoman"):
        return str(n)  # a crafted w:start="10000000000" must not build a gigabyte label
    if fmt in ("lowerLetter",):
        return letters(n)
    if fmt == "upperLetter":
        return letters(n).upper()
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: restart after this (1-based) level


class Numbering:
    """Counts list items in document order the way Word renders them.

    The running count belongs to the abstract definition (§17.9): every w:num over one abstractNum
    continues the same list, and a w:num whose lvlOverride restarts a level does so where that
    w:num is first used at that level.
    """

    def __init__(self, root: etree._Element | Callable[[], etree._Element] | None) -> None:
        self._levels: dict[str, dict[int, Level]] = {}
        self._abstract_of: dict[str, str] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._overridden: dict[str, set[int]] = {}  # numId -> levels restarted by its lvlOverride
        self._used: set[tuple[str, int]] = set()
        # The part (or how to parse it), read on the first numbered paragraph: most documents number by hand.
        self._root = root

    def _read(self, root: etree._Element) -> None:
        abstract: dict[str, dict[int, Level]] = {}
        for an in root.iterchildren(W + "abstractNum"):
            aid = an.get(W + "abstractNumId") or ""
            abstract[aid] = {ilvl: lvl for ilvl, lvl in _levels(an)}
        for num in root.iterchildren(W + "num"):
            nid = num.get(W + "numId") or ""
            ref = num.find(W + "abstractNumId")
            aid = ref.get(W + "val") if ref is not None else None
            if aid is None or aid not in abstract:
                continue
            levels = {k: Level(v.start, v.fmt, v.text, v.restart) for k, v in abstract[aid].items()}
            restarted: set[int] = set()
            for ov in num.iterchildren(W + "lvlOverride"):
                ilvl = to_int(ov.get(W + "ilvl")) or 0
                so = ov.find(W + "startOverride")
                lvl_el = ov.find(W + "lvl")
                if lvl_el is not None:
                    levels[ilvl] = _level(lvl_el)
                    if lvl_el.find(W + "start") is not None:
                        restarted.add(ilvl)
                if so is not None and ilvl in levels:
                    levels[ilvl].start = to_int(so.get(W + "val")) or 0
                    restarted.add(ilvl)
            self._overridden[nid] = restarted
            self._levels[nid] = levels
            self._abstract_of[nid] = aid

    def label(self, num_id: str | None, ilvl: int) -> str:
        """Advance the counter of (num_id, ilvl) and return the rendered label; "" if none."""
        if not num_id or num_id == "0":
            return ""
        if self._root is not None:
            root, self._root = self._root, None
            self._read(root() if callable(root) else root)
        if num_id not in self._levels:
            return ""
        levels = self._levels[num_id]
        lvl = levels.get(ilvl)
        if lvl is None:
            return ""
        if not 0 <= ilvl < 9:
            return ""
        counters = self._counters.setdefault(self._abstract_of[num_id], [None] * 9)
        first_use = (num_id, ilvl) not in self._used
        self._used.add((num_id, ilvl))
        current = None if first_use and ilvl in self._overridden.get(num_id, ()) else counters[ilvl]
        counters[ilvl] = lvl.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            # lvlRestart: restart after level N (1-based) or a higher one was used; 0 = never.
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if lvl.fmt == "bullet":
            return lvl.text if lvl.text and lvl.text.isprintable() else "-"
        text = lvl.text
        for k in range(9):
            token = f"%{k + 1}"
            if token in text:
                value = counters[k]
                if value is None:
                    value = levels[k].start if k in levels else 1
                fmt = levels[k].fmt if k in levels else "decimal"
                text = text.replace(token, format_number(value, fmt))
        return text


_W_START = W + "start"
_W_NUMFMT = W + "numFmt"
_W_LVLTEXT = W + "lvlText"
_W_LVLRESTART = W + "lvlRestart"
_LEVEL_TAGS = (_W_START, _W_NUMFMT, _W_LVLTEXT, _W_LVLRESTART)


def _level(el: etree._Element) -> Level:
    first: dict[str, etree._Element] = {}
    for child in el:  # the first child of each tag, as el.find(tag) would give
        tag = child.tag
        if tag in _LEVEL_TAGS and tag not in first:
            first[tag] = child
    lvl = Level()
    start = first.get(_W_START)
    if start is not None:
        lvl.start = to_int(start.get(W + "val")) or 0
    fmt = first.get(_W_NUMFMT)
    if fmt is not None:
        lvl.fmt = fmt.get(W + "val") or "decimal"
    text = first.get(_W_LVLTEXT)
    if text is not None:
        lvl.text = text.get(W + "val") or ""
    restart = first.get(_W_LVLRESTART)
    if restart is not None:
        lvl.restart = to_int(restart.get(W + "val"))
    return lvl


def _levels(an: etree._Element) -> list[tuple[int, Level]]:
    out = []
    for el in an.iterchildren(W + "lvl"):
        out.append((to_int(el.get(W + "ilvl")) or 0, _level(el)))
    return out


def theme_fonts(root: etree._Element | None) -> dict[str, str]:
    """Map theme font slots (minorHAnsi, majorAscii…) to typefaces."""
    if root is None:
        return {}
    out: dict[str, str] = {}
    for scheme, prefix in (("majorFont", "major"), ("minorFont", "minor")):
        el = next((e for e in root.iter(A + scheme) if e is not root), None)  # root.find(".//a:…")
        if el is None:
            continue
        latin = el.find(A + "latin")
        cs = el.find(A + "cs")
        ea = el.find(A + "ea")
        if latin is not None and latin.get("typeface"):
            out[prefix + "HAnsi"] = out[prefix + "Ascii"] = latin.get("typeface", "")
        if cs is not None and cs.get("typeface"):
            out[prefix + "Bidi"] = cs.get("typeface", "")
        if ea is not None and ea.get("typeface"):
            out[prefix + "EastAsia"] = ea.get("typeface", "")
    return out
