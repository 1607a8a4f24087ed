"""Editing WordprocessingML with lxml: properties in schema order, run formatting, text edits that keep
every character outside the rewritten span in its own run.

Text offsets are offsets in the paragraph's text as the reader builds it (``w:t`` text, a tab as "\\t",
a break as "\\n"…, automatic numbering not included); only ``w:t`` text can be rewritten.
"""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass

from lxml import etree

from quyche.errors import QuycheError
from quyche.readers.docx.elements import text_runs
from quyche.readers.docx.ooxml import W
from quyche.readers.docx.reader import _sym
from quyche.text import nfc

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# CT_RPr / CT_PPrBase / CT_SectPr child order (ECMA-376 Part 1, §17.3.2.28, §17.3.1.26, §17.6.17).
RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
    "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange",
)
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
    "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
    "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
    "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
)
SECT_ORDER = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
    "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
    "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange",
)
PBDR_ORDER = ("top", "left", "bottom", "right", "between", "bar")
_TEXT = W + "t"
_FIXED = {W + "tab": "\t", W + "ptab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}


class CannotFix(QuycheError):
    """This finding cannot be fixed without touching more than its format (left for a person)."""

    code = "cannot_fix"


# ---------------------------------------------------------------------- properties in schema order
def child(parent: etree._Element, name: str, order: tuple[str, ...]) -> etree._Element:
    """The ``w:<name>`` child of ``parent``, created at its schema position when missing."""
    found = parent.find(W + name)
    if found is not None:
        return found
    el = etree.Element(W + name)
    rank = order.index(name) if name in order else len(order)
    for i, existing in enumerate(parent):
        tag = existing.tag
        local = tag[len(W):] if isinstance(tag, str) and tag.startswith(W) else ""
        if local in order and order.index(local) > rank:
            parent.insert(i, el)
            return el
    parent.append(el)
    return el


def remove(parent: etree._Element, *names: str) -> None:
    for name in names:
        for el in parent.findall(W + name):
            parent.remove(el)


def props(el: etree._Element, kind: str) -> etree._Element:
    """``w:rPr`` of a run or ``w:pPr`` of a paragraph (kind "rPr" / "pPr"), created as the first child."""
    found = el.find(W + kind)
    if found is None:
        found = etree.Element(W + kind)
        el.insert(0, found)
    return found


def set_val(el: etree._Element, value: str) -> None:
    el.set(W + "val", value)


# ---------------------------------------------------------------------- run formatting
def set_toggle(run_or_rpr: etree._Element, name: str, on: bool) -> None:
    """Bold ("b"), italic ("i") or caps: written explicitly, so no style can flip it back."""
    rpr = run_or_rpr if run_or_rpr.tag == W + "rPr" else props(run_or_rpr, "rPr")
    names = (name, name + "Cs") if name in ("b", "i") else (name,)
    for n in names:
        el = child(rpr, n, RPR_ORDER)
        for attr in list(el.attrib):
            del el.attrib[attr]
        if not on:
            set_val(el, "0")


def set_size(run_or_rpr: etree._Element, points: float) -> None:
    rpr = run_or_rpr if run_or_rpr.tag == W + "rPr" else props(run_or_rpr, "rPr")
    for n in ("sz", "szCs"):
        set_val(child(rpr, n, RPR_ORDER), str(round(points * 2)))


def set_font(run_or_rpr: etree._Element, family: str) -> None:
    """Latin, high-ANSI and complex-script slots to ``family``; theme references that would override it go."""
    rpr = run_or_rpr if run_or_rpr.tag == W + "rPr" else props(run_or_rpr, "rPr")
    fonts = child(rpr, "rFonts", RPR_ORDER)
    for slot in ("ascii", "hAnsi", "cs"):
        fonts.set(W + slot, family)
    for theme in ("asciiTheme", "hAnsiTheme", "cstheme"):
        fonts.attrib.pop(W + theme, None)


def set_align(p: etree._Element, value: str) -> None:
    set_val(child(props(p, "pPr"), "jc", PPR_ORDER), value)


def set_bottom_border(p: etree._Element, style: str = "single") -> None:
    bdr = child(props(p, "pPr"), "pBdr", PPR_ORDER)
    bottom = child(bdr, "bottom", PBDR_ORDER)
    set_val(bottom, style)
    bottom.set(W + "sz", bottom.get(W + "sz") or "6")
    bottom.set(W + "space", bottom.get(W + "space") or "1")
    bottom.set(W + "color", bottom.get(W + "color") or "000000")


# ---------------------------------------------------------------------- paragraph text
@dataclass(slots=True)
class Piece:
    """One child of a run that gives text: a ``w:t`` (editable) or a tab, break, symbol (fixed)."""

    run: etree._Element
    el: etree._Element
    text: str
    start: int

    @property
    def editable(self) -> bool:
        return bool(self.el.tag == _TEXT)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def pieces(p: etree._Element) -> list[Piece]:
    """The text-giving children of ``p``'s runs, in the reader's order, with their offsets."""
    out: list[Piece] = []
    pos = 0
    for r in text_runs(p):
        for el in r:
            tag = el.tag
            if tag == _TEXT:
                text = el.text or ""
            elif tag in _FIXED:
                text = _FIXED[tag]
            elif tag == W + "sym":
                text = _sym(el)
            else:
                continue
            out.append(Piece(r, el, text, pos))
            pos += len(text)
    return out


def text_of(p: etree._Element) -> str:
    return "".join(x.text for x in pieces(p))


def normalise(p: etree._Element) -> None:
    """Store the paragraph's ``w:t`` text in NFC (what the reader and the rules see), before an edit."""
    for x in pieces(p):
        if x.editable and x.text != nfc(x.text):
            x.el.text = nfc(x.text)


def _store(el: etree._Element, text: str) -> None:
    el.text = text
    if text != text.strip():
        el.set(XML_SPACE, "preserve")


def _drop(piece: Piece) -> None:
    run = piece.run
    run.remove(piece.el)
    if all(c.tag == W + "rPr" for c in run):
        parent = run.getparent()
        if parent is not None:
            parent.remove(run)


def replace(p: etree._Element, start: int, end: int, new: str) -> None:
    """Replace text ``[start, end)`` with ``new``. The new text takes the formatting of the run where
    the span starts; the other runs lose only the characters inside the span."""
    ps = pieces(p)
    if start == end:
        # with the text that follows (a padding "0" joins its digits), else with the text before
        host = next((x for x in ps if x.editable and x.start <= start < x.end), None) or next(
            (x for x in ps if x.editable and x.start < start <= x.end), None)
        if host is None:
            raise CannotFix("không chèn được chữ vào vị trí này")
        at = start - host.start
        _store(host.el, host.text[:at] + new + host.text[at:])
        return
    touched = [x for x in ps if x.start < end and x.end > start]
    if not touched or any(not x.editable for x in touched):
        raise CannotFix("đoạn cần sửa có ký tự đặc biệt (tab, ngắt dòng, ký hiệu)")
    first = touched[0]
    head, tail = first.text[: start - first.start], first.text[min(end, first.end) - first.start:]
    if head or new or tail:
        _store(first.el, head + new + tail)
    else:
        _drop(first)
    for x in touched[1:]:
        rest = x.text[min(end, x.end) - x.start:]
        if rest:
            _store(x.el, rest)
        else:
            _drop(x)


def rewrite(p: etree._Element, start: int, end: int, new: str) -> None:
    """Make text ``[start, end)`` read ``new`` by the smallest edits (unchanged characters stay put)."""
    old = text_of(p)[start:end]
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(ops):
        if tag != "equal":
            replace(p, start + i1, start + i2, new[j1:j2])


def _split_run(run: etree._Element, first_moved: etree._Element) -> etree._Element:
    """Move ``first_moved`` and the children after it into a new run (same properties) after ``run``."""
    new = etree.Element(run.tag, attrib=dict(run.attrib))
    rpr = run.find(W + "rPr")
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    moving = [first_moved, *first_moved.itersiblings()]
    for el in moving:
        new.append(el)
    run.addnext(new)
    return new


def split_at(p: etree._Element, pos: int) -> None:
    """Make ``pos`` a run boundary."""
    ps = pieces(p)
    for i, x in enumerate(ps):
        if x.start < pos < x.end:
            if not x.editable:
                return
            at = pos - x.start
            tail = etree.Element(_TEXT)
            _store(tail, x.text[at:])
            _store(x.el, x.text[:at])
            x.el.addnext(tail)
            _split_run(x.run, tail)
            return
        if x.start == pos and i > 0 and ps[i - 1].run is x.run:
            _split_run(x.run, x.el)
            return


def runs_in(p: etree._Element, start: int, end: int) -> list[etree._Element]:
    """The runs holding text ``[start, end)``, split so that they hold nothing outside it."""
    split_at(p, end)
    split_at(p, start)
    out: list[etree._Element] = []
    for x in pieces(p):
        if x.start < end and x.end > start and x.run not in out:
            out.append(x.run)
    return out


def span_of(text: str, col: int | None) -> tuple[int, int]:
    """Bounds of a tab piece as :meth:`quyche.model.Paragraph.split_tabs` cuts it (``col``: its index
    among the non-blank pieces), or of the whole text when it has no inner tab; white space trimmed."""
    if "\t" in text.strip() and col is not None:
        chunks: list[tuple[int, int]] = []
        pos = 0
        for part in text.split("\t"):
            if part.strip():
                chunks.append((pos, pos + len(part)))
            pos += len(part) + 1
        if col >= len(chunks):
            raise CannotFix("không tìm thấy phần dòng cần sửa")
        a, b = chunks[col]
    else:
        a, b = 0, len(text)
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def new_paragraph_like(model: etree._Element, text: str, run_props: etree._Element | None) -> etree._Element:
    """A paragraph with ``model``'s paragraph properties (no border, numbering or section break) and one
    run of ``text`` with ``run_props``."""
    p = etree.Element(W + "p")
    ppr = model.find(W + "pPr")
    if ppr is not None:
        new_ppr = copy.deepcopy(ppr)
        remove(new_ppr, "pBdr", "numPr", "sectPr", "pPrChange")
        p.append(new_ppr)
    r = etree.SubElement(p, W + "r")
    if run_props is not None:
        r.append(copy.deepcopy(run_props))
    t = etree.SubElement(r, _TEXT)
    _store(t, text)
    return p
