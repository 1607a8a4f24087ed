"""DOCX → :class:`Document`: body paragraphs, tables, text boxes, headers/footers, sections."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import partial

from lxml import etree

from quyche.errors import ReadError
from quyche.model import Document, HeaderFooter, LineShape, Location, Paragraph, Run, RunFormat, Section
from quyche.readers.docx.numbering import Numbering, theme_fonts
from quyche.readers.docx.ooxml import (
    MC,
    R_ID,
    W_NS,
    WP,
    WPS,
    A,
    Props,
    RprKey,
    V,
    W,
    first_child,
    parse_ppr,
    parse_rpr,
    rpr_key,
    rpr_props,
    to_int,
)
from quyche.readers.docx.styles import StyleSheet
from quyche.readers.package import Package

_A_CUSTDASH = A + "custDash"
_A_EXT = A + "ext"
_A_LN = A + "ln"
_A_NOFILL = A + "noFill"
_A_PRSTDASH = A + "prstDash"
_A_PRSTGEOM = A + "prstGeom"
_A_XFRM = A + "xfrm"
_MC_ALTERNATECONTENT = MC + "AlternateContent"
_MC_CHOICE = MC + "Choice"
_MC_FALLBACK = MC + "Fallback"
_V_LINE = V + "line"
_V_RECT = V + "rect"
_V_SHAPE = V + "shape"
_V_STROKE = V + "stroke"
_W_BDO = W + "bdo"
_W_BODY = W + "body"
_W_BOOKMARKEND = W + "bookmarkEnd"
_W_BOOKMARKSTART = W + "bookmarkStart"
_W_BOTTOM = W + "bottom"
_W_BR = W + "br"
_W_CHAR = W + "char"
_W_CR = W + "cr"
_W_CUSTOMXML = W + "customXml"
_W_DEL = W + "del"
_W_DIR = W + "dir"
_W_DRAWING = W + "drawing"
_W_FLDSIMPLE = W + "fldSimple"
_W_FOOTERREFERENCE = W + "footerReference"
_W_GRIDSPAN = W + "gridSpan"
_W_GRIDCOL = W + "gridCol"
_W_H = W + "h"
_W_HEADERREFERENCE = W + "headerReference"
_W_HYPERLINK = W + "hyperlink"
_W_INS = W + "ins"
_W_INSTR = W + "instr"
_W_INSTRTEXT = W + "instrText"
_W_LEFT = W + "left"
_W_MOVEFROM = W + "moveFrom"
_W_MOVETO = W + "moveTo"
_W_NOBREAKHYPHEN = W + "noBreakHyphen"
_W_OBJECT = W + "object"
_W_ORIENT = W + "orient"
_W_P = W + "p"
_W_PPR = W + "pPr"
_W_PGMAR = W + "pgMar"
_W_PGSZ = W + "pgSz"
_W_PICT = W + "pict"
_W_PROOFERR = W + "proofErr"
_W_PTAB = W + "ptab"
_W_R = W + "r"
_W_RPR = W + "rPr"
_W_RIGHT = W + "right"
_W_SDT = W + "sdt"
_W_SDTCONTENT = W + "sdtContent"
_W_SECTPR = W + "sectPr"
_W_SMARTTAG = W + "smartTag"
_W_SYM = W + "sym"
_W_T = W + "t"
_W_TAB = W + "tab"
_W_TBL = W + "tbl"
_W_TBLGRID = W + "tblGrid"
_W_TBLPR = W + "tblPr"
_W_TBLSTYLE = W + "tblStyle"
_W_TC = W + "tc"
_W_TCPR = W + "tcPr"
_W_TITLEPG = W + "titlePg"
_W_TOP = W + "top"
_W_TR = W + "tr"
_W_TXBXCONTENT = W + "txbxContent"
_W_TYPE = W + "type"
_W_VAL = W + "val"
_W_W = W + "w"
_WP_ALIGN = WP + "align"
_WP_ANCHOR = WP + "anchor"
_WP_INLINE = WP + "inline"
_WP_POSOFFSET = WP + "posOffset"
_WP_POSITIONH = WP + "positionH"
_WPS_CNVCNPR = WPS + "cNvCnPr"
_WPS_SPPR = WPS + "spPr"
_WPS_TXBX = WPS + "txbx"
_WPS_WSP = WPS + "wsp"

_MAX_DEPTH = 64
_SKIP_IN_PARAGRAPH = {_W_DEL, _W_MOVEFROM, _W_PPR, _W_PROOFERR, _W_BOOKMARKSTART, _W_BOOKMARKEND}
_DESCEND = {_W_HYPERLINK, _W_INS, _W_MOVETO, _W_SMARTTAG, _W_CUSTOMXML, _W_FLDSIMPLE, _W_DIR,
            _W_BDO}
_DESCEND_ALL = frozenset((*_DESCEND, _W_SDT, _W_SDTCONTENT))
_TEXT_TAGS = {_W_TAB: "\t", _W_PTAB: "\t", _W_BR: "\n", _W_CR: "\n", _W_NOBREAKHYPHEN: "-"}
_OBJECT_TAGS = frozenset((_W_DRAWING, _W_PICT, _MC_ALTERNATECONTENT, _W_OBJECT))
# (pStyle, alignment, left indent, right indent, bottom border, style name, numId, ilvl) of a paragraph
_ParaInfo = tuple[str | None, str, int | None, int | None, str | None, str | None, str | None, int]
_NO_PROPS: Props = {}  # a paragraph without w:pPr (never written to)
_HIDDEN = RunFormat(font="\x00hidden")  # hidden run properties in the run cache (compared by identity)
_nfc = partial(unicodedata.normalize, "NFC")  # quyche.text.nfc without the extra call


def read_docx(data: bytes, source: str) -> Document:
    pkg = Package(data)
    main = pkg.main_part()
    root, raw = pkg.xml_and_bytes(main)
    body = first_child(root, _W_BODY)
    if body is None:
        raise ReadError("tài liệu Word không có phần nội dung (w:body)", "corrupt")
    rels = pkg.rels(main)
    by_type: dict[str, str] = {}
    for rel_type, target in rels.values():
        by_type.setdefault(rel_type, target)
    styles_data = pkg.read(by_type["styles"]) if "styles" in by_type and pkg.has(by_type["styles"]) else None
    theme: Callable[[], dict[str, str]] | None = None
    if "theme" in by_type and pkg.has(by_type["theme"]):
        theme = partial(_theme, pkg, by_type["theme"])  # read when a run's font comes from the theme
    sheet = StyleSheet(styles_data, theme)
    numbering = None
    if "numbering" in by_type and pkg.has(by_type["numbering"]):
        numbering = Numbering(partial(pkg.xml, by_type["numbering"]))  # parsed for the first list item
    walker = _Walker(sheet, numbering or Numbering(None))
    walker.prepare(raw, root)
    walker.walk_container(body, "body")
    sections = [_section(s, pkg, rels, sheet) for s in walker.section_elements]
    if not sections:
        sections = [Section()]
    return Document(
        source=source,
        format="docx",
        paragraphs=walker.paragraphs,
        sections=sections,
        has_formatting=True,
        has_layout=True,
    )


def _raw_keys(data: bytes, root: etree._Element) -> dict[etree._Element, bytes]:
    """Each w:rPr and w:pPr element of the part → its source text (less the name and end tag, the same
    for all), when that can be told for sure.

    Equal source text means equal properties, so the walker can look a run's or paragraph's properties
    up by it instead of reading the element's children and attributes. The text is cut out of the
    bytes, not serialised; it is trusted only when the markup leaves no doubt which element each piece
    is: "w" is bound to WordprocessingML on the root and no namespace is declared anywhere else; no
    comment, CDATA section or processing instruction follows the XML declaration (so every "<w:rPr>"
    in the bytes is the start of a w:rPr element: "<" cannot occur in text or attribute values); every
    such element is written "<w:rPr>…</w:rPr>" or "<w:rPr/>" with no w:rPr inside; and the bytes hold
    exactly as many as the tree. Otherwise that kind of element gets no entry and is read as before.
    """
    if not _plain_markup(data, root):
        return {}
    out: dict[etree._Element, bytes] = {}
    for tag, start, end in ((_W_RPR, b"<w:rPr", b"</w:rPr>"), (_W_PPR, b"<w:pPr", b"</w:pPr>")):
        texts = _raw_elements(data, start, end)
        if texts is not None:
            elements = list(root.iter(tag))
            if len(texts) == len(elements):
                out.update(zip(elements, texts, strict=True))
    return out


def _plain_markup(data: bytes, root: etree._Element) -> bool:
    """"w" is bound to WordprocessingML on the root, no namespace is declared anywhere else and no
    comment, CDATA section or processing instruction follows the XML declaration: every "<w:x" in the
    bytes starts a w:x element ("<" cannot occur in text or attribute values)."""
    nsmap = root.nsmap
    if nsmap.get("w") != W_NS or data.count(b"xmlns") != len(nsmap):
        return False
    skip = data.find(b"?>") + 2 if data.startswith(b"<?xml") else 0
    return not ((data.find(b"?", skip) >= 0 and data.find(b"<?", skip) >= 0) or (b"!" in data and b"<!" in data))


def _raw_elements(data: bytes, start: bytes, end: bytes) -> list[bytes] | None:
    """What every ``start…end`` element of ``data`` holds between its name and its end tag (">…" or
    "/>": the name and end tag are the same for all); None when one is written otherwise (attributes,
    a longer name such as w:rPrChange, one nested in another, no end)."""
    pieces = data.split(start)
    out = []
    for piece in pieces[1:]:
        if piece[:1] == b">":
            close = piece.find(end)
            if close < 0:
                return None
            out.append(piece[:close])
        elif piece[:2] == b"/>":
            out.append(b"/>")
        else:
            return None
    return out


# A w:p that is only an optional "<w:pPr>…</w:pPr>" (or "<w:pPr/>") and text runs: each an optional
# "<w:rPr>…</w:rPr>" (or "<w:rPr/>") and at most one w:t (no white space between the tags; the texts stop
# at the first end tag of their element however written, so "</w:rPr >" ends a match). Every other
# w:p start matches "<w:p" alone (all groups empty). Groups: the pPr's source text as _raw_keys gives it
# (">…" or "/>"), the first run's rPr text, ">" and the text of its w:t or "/" for "<w:t/>", the
# further runs, "</w:p>" (empty: not such a paragraph).
_ATTRS = rb'(?: [^\s=<>/"]+="[^"<]*")*'  # attributes as Word writes them (a ">" may be in a value)
_RUN_BODY = (
    rb"(?:<w:rPr(/>|>[^<]*+(?:<(?!/w:rPr[\s>])[^<]*+)*+)(?:</w:rPr>)?)?"
    rb"(?:<w:t" + _ATTRS + rb"(?:(>)([^<]*+)</w:t>|(/)>))?</w:r>"
)
_SIMPLE_P = re.compile(
    rb"<w:p(?=[ >/])(?:" + _ATTRS + rb">"
    rb"(?:<w:pPr(/>|>[^<]*+(?:<(?!/w:pPr[\s>])[^<]*+)*+)(?:</w:pPr>)?)?"
    rb"(?:<w:r" + _ATTRS + rb">" + _RUN_BODY + rb")?"
    rb"((?:<w:r" + _ATTRS + rb">" + _RUN_BODY.replace(b"(/>|", b"(?:/>|").replace(b"(>)([^<]*+)", b">[^<]*+")
    .replace(b"(/)", b"/") + rb")*+)(</w:p>))?"
)
# One of the further runs. Groups as for the first run.
_SIMPLE_R = re.compile(rb"<w:r" + _ATTRS + rb">" + _RUN_BODY)
_XML_DECL_ENCODING = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)")
_XML_REF = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);")
_XML_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
# _SIMPLE_P's groups for one w:p
_Simple = tuple[bytes, bytes, bytes, bytes, bytes, bytes, bytes]


def _xml_ref(m: re.Match[str]) -> str:
    name = m.group(1)
    if name[0] != "#":
        return _XML_ENTITIES[name]
    return chr(int(name[2:], 16) if name[1] == "x" else int(name[1:]))


def _xml_text(raw: bytes) -> str | None:
    """The character data of a w:t from its source bytes; None when it holds a carriage return (which
    the parser turns into a line feed)."""
    if b"\r" in raw:
        return None
    text = raw.decode()
    return _XML_REF.sub(_xml_ref, text) if "&" in text else text


def _simple_paragraphs(data: bytes, root: etree._Element) -> dict[etree._Element, _Simple]:
    """Each w:p element of the part → the groups of _SIMPLE_P at its start tag: for the paragraphs made
    only of a w:pPr and plain text runs, what the walker reads of them, cut out of the source bytes.

    Only when the markup is plain (see _plain_markup: every "<w:p" in the bytes starts a w:p element),
    the part is UTF-8 and the bytes hold as many w:p as the tree; otherwise empty (the walker reads
    every paragraph's elements). The pPr and rPr texts are the ones _raw_keys gives: _SIMPLE_P stops
    them at the first end tag, and a nested w:pPr / w:rPr (in a w:pPrChange…) leaves the w:p unmatched.
    """
    if not _plain_markup(data, root):
        return {}
    decl = _XML_DECL_ENCODING.match(data)
    if decl is not None and decl.group(1).lower() not in (b"utf-8", b"utf8"):
        return {}
    found = _SIMPLE_P.findall(data)
    elements = list(root.iter(_W_P))
    if len(found) != len(elements):
        return {}
    return dict(zip(elements, found, strict=True))


def _theme(pkg: Package, part: str) -> dict[str, str]:
    return theme_fonts(pkg.xml(part))


class _Walker:
    def __init__(self, sheet: StyleSheet, numbering: Numbering) -> None:
        self.sheet = sheet
        self.numbering = numbering
        self.paragraphs: list[Paragraph] = []
        self.section_elements: list[etree._Element] = []
        self.tables = 0
        self._lines: list[LineShape] = []  # line shapes met in the paragraph being read
        # Identical run properties are parsed and resolved once, keyed by ooxml.rpr_key (the rPr's
        # children as (tag, attributes), or its source text, see _raw_keys): run format, or _HIDDEN.
        self._rpr_cache: dict[RprKey | bytes, Props] = {}
        self._run_cache: dict[tuple[str | None, str | None, RprKey | bytes], RunFormat] = {}
        # (docDefaults + table style + paragraph style properties, style name) per (pStyle, table style)
        self._para_cache: dict[tuple[str | None, str | None], tuple[Props, str | None]] = {}
        # Source text of the body's rPr and pPr elements (see _raw_keys); empty: read every element.
        self.raw_keys: dict[etree._Element, bytes] = {}
        self._info_cache: dict[tuple[str | None, bytes | None], _ParaInfo] = {}  # never holds None
        self.run_sink: list[etree._Element] | None = None  # when a list: gets the w:r of every run read
        self.simple: dict[etree._Element, _Simple] = {}  # plain paragraphs read from the bytes (no run_sink)
        self._pending: tuple[bytes, etree._Element] | None = None  # the part, until raw_keys is computed

    def prepare(self, data: bytes, root: etree._Element) -> None:
        """Read the part's plain paragraphs from its bytes (see _simple_paragraphs); raw_keys is computed
        for the first paragraph that needs its elements read (until then it holds the pPr and rPr texts
        of the plain paragraphs read so far through their elements)."""
        self.simple = _simple_paragraphs(data, root)
        if self.simple:
            self._pending = (data, root)
        else:
            self.raw_keys = _raw_keys(data, root)

    def _note_keys(self, p: etree._Element, simple: _Simple) -> None:
        """raw_keys for the pPr and rPr elements of a plain paragraph, from _SIMPLE_P's groups."""
        keys = self.raw_keys
        texts = [simple[1]]
        if simple[5]:
            texts.extend(m.group(1) or b"" for m in _SIMPLE_R.finditer(simple[5]))
        i = 0
        for child in p:  # an optional w:pPr, then the runs (_SIMPLE_P matched)
            if child.tag == _W_PPR:
                keys[child] = simple[0]
            elif child.tag == _W_R:
                text = texts[i]
                i += 1
                if text:
                    keys[child[0]] = text  # its first child is its w:rPr

    # -------------------------------------------------------------- containers
    def walk_container(
        self, el: etree._Element, container: str, cell: tuple[int, int, int, int] | None = None,
        table_style: str | None = None, depth: int = 0,
    ) -> None:
        if depth > _MAX_DEPTH:
            raise ReadError("cấu trúc tài liệu lồng nhau quá sâu (tệp bất thường)", "unsafe_xml")
        for child in el:
            tag = child.tag
            if tag == _W_P:
                self.paragraph(child, container, cell, table_style, depth)
            elif tag == _W_TBL:
                self.table(child, depth)
            elif tag == _W_SDT:
                content = first_child(child, _W_SDTCONTENT)
                if content is not None:
                    self.walk_container(content, container, cell, table_style, depth + 1)
            elif tag == _W_SECTPR and container == "body":
                self.section_elements.append(child)
            elif tag in (_W_CUSTOMXML, _MC_ALTERNATECONTENT):
                self.walk_container(_choice(child), container, cell, table_style, depth + 1)

    def table(self, tbl: etree._Element, depth: int) -> None:
        self.tables += 1
        number = self.tables
        tpr = first_child(tbl, _W_TBLPR)
        tstyle_el = first_child(tpr, _W_TBLSTYLE) if tpr is not None else None
        tstyle = tstyle_el.get(_W_VAL) if tstyle_el is not None else None
        grid = first_child(tbl, _W_TBLGRID)
        ncols = sum(1 for c in grid if c.tag == _W_GRIDCOL) if grid is not None else 0
        for r, tr in enumerate(_wrapped(tbl, _W_TR)):
            col = 0
            cells = _wrapped(tr, _W_TC)
            width = max(ncols, len(cells))
            for tc in cells:
                span_el = _grid_span(tc)
                span = to_int(span_el.get(_W_VAL)) if span_el is not None else 1
                self.walk_container(tc, "table", (number, r, col, width), tstyle, depth + 1)
                col += max(span or 1, 1)

    # -------------------------------------------------------------- paragraphs
    def _paragraph_info(self, direct: Props, table_style: str | None) -> _ParaInfo:
        """What a paragraph takes from its direct properties over docDefaults, table and paragraph style."""
        pstyle = direct.get("pStyle")
        base = self._para_cache.get((pstyle, table_style))
        if base is None:
            sheet = self.sheet
            base = self._para_cache[(pstyle, table_style)] = (
                sheet.paragraph_props(pstyle, {}, table_style),
                sheet.name_of(pstyle) if pstyle else None,
            )
        props = base[0] | direct if direct else base[0]  # only read: sectPr among them is harmless
        border = props.get("border_bottom")
        return (
            pstyle,
            props.get("jc") or "left",
            props.get("ind_left"),
            props.get("ind_right"),
            border if border not in (None, "nil", "none") else None,
            base[1],
            props.get("numId"),
            int(props.get("ilvl", 0) or 0),
        )

    def paragraph(
        self, p: etree._Element, container: str, cell: tuple[int, int, int, int] | None,
        table_style: str | None, depth: int, textbox_col: int | None = None,
    ) -> None:
        runs: list[Run] | None = None
        info: _ParaInfo | None = None
        simple = self.simple.get(p) if self.simple else None
        if simple is not None and simple[6]:
            # What the walk would give, from the bytes, when the properties were met before.
            info = self._info_cache.get((table_style, simple[0]))
            if info is not None:
                text_b = simple[3]
                if simple[5] or not simple[2] or b"&" in text_b or b"\r" in text_b:
                    runs = self._simple_runs(simple, info[0], table_style)
                else:  # one run, one w:t, text without references (most paragraphs)
                    fmt = self._run_cache.get((info[0], table_style, simple[1] or ()))
                    if fmt is not None:
                        runs = [] if fmt is _HIDDEN else [Run(text_b.decode(), fmt)]
            if runs is None:
                self._note_keys(p, simple)
        elif self._pending is not None:
            keys = self.raw_keys
            self.raw_keys = _raw_keys(*self._pending)
            self.raw_keys.update(keys)
            self._pending = None
        if runs is not None and info is not None:
            pstyle, align, ind_left, ind_right, border, style_name, num_id, ilvl = info
            boxes: list[tuple[etree._Element, int | None]] = []
            lines: tuple[LineShape, ...] = ()
        else:
            info, runs, boxes, lines = self._walk_paragraph(p, container, table_style, depth)
            pstyle, align, ind_left, ind_right, border, style_name, num_id, ilvl = info
        label = ""
        if num_id:
            label = self.numbering.label(num_id, ilvl)
            if label:
                mark_fmt = runs[0].fmt if runs else self.sheet.run_format(pstyle, {}, table_style)
                runs.insert(0, Run(label + " ", mark_fmt))
        if len(runs) == 1:
            run = runs[0]
            text = run.text = _nfc(run.text)
        elif runs:
            text = _nfc("".join([r.text for r in runs]))
            for run in runs:  # fresh objects of this paragraph: normalise in place
                run.text = _nfc(run.text)
        else:
            text = ""
        paragraphs = self.paragraphs
        index = len(paragraphs) + 1
        if cell is not None:
            loc = Location(index, "table", cell[0], cell[1], cell[2], cell[3])
        elif container == "body":
            loc = Location(index)
        elif container == "textbox":
            ncols = 2 if textbox_col is not None else None
            loc = Location(index, "textbox", col=textbox_col, ncols=ncols)
        else:
            loc = Location(index, "header" if container == "header" else
                           "footer" if container == "footer" else "body")
        paragraphs.append(
            Paragraph(text, runs, loc, align, ind_left, ind_right, border, style_name, label, lines)
        )
        for box, col in boxes:
            for inner in _wrapped(box, _W_P, _W_TBL):
                if inner.tag == _W_P:
                    self.paragraph(inner, "textbox", None, None, depth + 1, col)
                else:
                    self.table(inner, depth + 1)

    def _simple_runs(self, simple: _Simple, pstyle: str | None, table_style: str | None) -> list[Run] | None:
        """The runs of a paragraph from _SIMPLE_P's groups; None when a run's properties were not met
        before or a text needs the parser."""
        run_cache = self._run_cache
        runs: list[Run] = []
        if simple[2] or simple[4]:  # the first run has a w:t
            fmt = run_cache.get((pstyle, table_style, simple[1] or ()))
            if fmt is None:
                return None
            if fmt is not _HIDDEN:
                text = _xml_text(simple[3]) if simple[3] else ""
                if text is None:
                    return None
                runs.append(Run(text, fmt))
        if simple[5]:
            for m in _SIMPLE_R.finditer(simple[5]):
                rpr, gt, raw, slash = m.groups()
                if gt is None and slash is None:
                    continue  # no w:t: nothing to read
                fmt = run_cache.get((pstyle, table_style, rpr or ()))
                if fmt is None:
                    return None
                if fmt is not _HIDDEN:
                    text = _xml_text(raw) if raw else ""
                    if text is None:
                        return None
                    runs.append(Run(text, fmt))
        return runs

    def _walk_paragraph(
        self, p: etree._Element, container: str, table_style: str | None, depth: int,
    ) -> tuple[_ParaInfo, list[Run], list[tuple[etree._Element, int | None]], tuple[LineShape, ...]]:
        ppr = None
        for child in p:
            if child.tag == _W_PPR:
                ppr = child
                break
        raw = self.raw_keys.get(ppr) if ppr is not None else b""
        # Equal source text, equal properties. Only source texts without a sectPr are cached (and
        # None never is), so a hit needs no further test.
        info = self._info_cache.get((table_style, raw))
        if info is not None:
            pass
        elif raw is not None and b"sectPr" not in raw:
            direct = parse_ppr(ppr) if ppr is not None else _NO_PROPS
            info = self._info_cache[(table_style, raw)] = self._paragraph_info(direct, table_style)
        else:
            direct = parse_ppr(ppr)
            if "sectPr" in direct and container == "body":
                self.section_elements.append(direct["sectPr"])
            info = self._paragraph_info(direct, table_style)
        pstyle = info[0]
        runs: list[Run] = []
        boxes: list[tuple[etree._Element, int | None]] = []
        self._lines = []
        self._runs(p, pstyle, table_style, runs, boxes, depth)
        return info, runs, boxes, tuple(self._lines) if self._lines else ()

    def _runs(
        self, el: etree._Element, pstyle: str | None, table_style: str | None, runs: list[Run],
        boxes: list[tuple[etree._Element, int | None]], depth: int,
    ) -> None:
        """Append the runs of ``el`` (a paragraph or an inline wrapper) to ``runs``; the text boxes drawn
        in them go to ``boxes``, their line shapes to ``self._lines``."""
        if depth > _MAX_DEPTH:
            raise ReadError("cấu trúc tài liệu lồng nhau quá sâu (tệp bất thường)", "unsafe_xml")
        raw_keys = self.raw_keys
        run_cache = self._run_cache
        sink = self.run_sink
        for r in el:
            tag = r.tag
            if tag != _W_R:
                if tag in _DESCEND_ALL:
                    target = first_child(r, _W_SDTCONTENT) if tag == _W_SDT else r
                    if target is not None:
                        self._runs(target, pstyle, table_style, runs, boxes, depth + 1)
                elif tag == _MC_ALTERNATECONTENT:
                    self._runs(_choice(r), pstyle, table_style, runs, boxes, depth + 1)
                continue
            # ---- one w:r
            rpr = None
            text: str | None = None  # the run's text while it is one w:t; then ``parts`` holds it
            parts: list[str] | None = None
            objects: list[etree._Element] | None = None
            for child in r:
                tag = child.tag
                if tag == _W_T:
                    piece = child.text or ""
                elif tag == _W_RPR:
                    if rpr is None:
                        rpr = child
                    continue
                elif tag in _TEXT_TAGS:
                    piece = _TEXT_TAGS[tag]
                elif tag == _W_SYM:
                    piece = _sym(child)
                else:
                    if tag in _OBJECT_TAGS:
                        if objects is None:
                            objects = []
                        objects.append(child)
                    continue
                if text is None:
                    text = piece
                elif parts is None:
                    parts = [text, piece]
                else:
                    parts.append(piece)
            if text is None and objects is None:
                continue  # nothing to read (hidden or not, the run adds nothing)
            key: RprKey | bytes
            if rpr is None:
                key = ()
            else:
                raw = raw_keys.get(rpr)
                key = raw if raw is not None else rpr_key(rpr)
            fkey = (pstyle, table_style, key)
            fmt = run_cache.get(fkey)
            if fmt is None:
                direct = self._rpr_cache.get(key)
                if direct is None:
                    direct = self._rpr_cache[key] = rpr_props(key) if isinstance(key, tuple) else parse_rpr(rpr)
                fmt = _HIDDEN if direct.get("vanish") else self.sheet.run_format(pstyle, direct, table_style)
                run_cache[fkey] = fmt
            if fmt is _HIDDEN:
                continue  # hidden text (w:vanish), and what is drawn in it
            if objects is not None:
                for child in objects:
                    boxes.extend(_text_boxes(child))
                    self._lines.extend(_line_shapes(child))
            if text is not None:
                runs.append(Run(text if parts is None else "".join(parts), fmt))
                if sink is not None:
                    sink.append(r)


def _grid_span(tc: etree._Element) -> etree._Element | None:
    """``tc.find("w:tcPr/w:gridSpan")`` without the path machinery."""
    for tcpr in tc:
        if tcpr.tag == _W_TCPR:
            for el in tcpr:
                if el.tag == _W_GRIDSPAN:
                    return el
    return None


def _wrapped(el: etree._Element, *tags: str) -> list[etree._Element]:
    """Children of ``el`` with one of ``tags``, also inside content controls and custom XML
    (a w:sdt may wrap table rows, cells or the blocks of a text box)."""
    out: list[etree._Element] = []
    for child in el:
        if child.tag in tags:
            out.append(child)
        elif child.tag == _W_SDT:
            content = child.find(_W_SDTCONTENT)
            if content is not None:
                out.extend(_wrapped(content, *tags))
        elif child.tag == _W_CUSTOMXML:
            out.extend(_wrapped(child, *tags))
    return out


def _choice(alt: etree._Element) -> etree._Element:
    """For mc:AlternateContent keep the first Choice (modern markup) and drop the Fallback twin."""
    if alt.tag != _MC_ALTERNATECONTENT:
        return alt
    choice = alt.find(_MC_CHOICE)
    if choice is not None:
        return choice
    fallback = alt.find(_MC_FALLBACK)
    return fallback if fallback is not None else alt


def _text_boxes(el: etree._Element) -> list[tuple[etree._Element, int | None]]:
    root = _choice(el) if el.tag == _MC_ALTERNATECONTENT else el
    out: list[tuple[etree._Element, int | None]] = []
    for txbx in root.iter(_W_TXBXCONTENT):
        out.append((txbx, _box_column(txbx)))
    return out


def _box_column(txbx: etree._Element) -> int | None:
    """0 = left half of the page, 1 = right half, from the anchor's horizontal position."""
    node = txbx.getparent()
    while node is not None and node.tag not in (_WP_ANCHOR, _WP_INLINE, _V_SHAPE, _V_RECT):
        node = node.getparent()
    if node is None:
        return None
    return _anchor_column(node)


def _anchor_column(node: etree._Element) -> int | None:
    """Column of a ``wp:anchor`` or a VML shape from its horizontal position (None when inline or unknown)."""
    if node.tag == _WP_ANCHOR:
        pos = node.find(_WP_POSITIONH)
        if pos is not None:
            align = pos.find(_WP_ALIGN)
            if align is not None and align.text:
                return 1 if align.text.strip() in ("right", "outside") else 0
            off = pos.find(_WP_POSOFFSET)
            if off is not None and off.text:
                emu = to_int(off.text) or 0
                return 1 if emu > 2_600_000 else 0  # ≈ 7.2 cm: right of the text area's middle
    if node.tag in (_V_SHAPE, _V_RECT, _V_LINE):
        style = node.get("style") or ""
        for item in style.split(";"):
            if item.strip().startswith("margin-left:"):
                value = item.split(":", 1)[1].strip().lower()
                unit = value[-2:] if value[-2:] in _CSS_POINTS else ""
                try:
                    number = float(value[: len(value) - len(unit)] if unit else value)
                except ValueError:
                    return None
                points = number * _CSS_POINTS.get(unit, 1.0)
                return 1 if points > 205 else 0
    return None


_CSS_POINTS = {"pt": 1.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "in": 72.0, "px": 0.75, "pc": 12.0}
_SOLID_DASH = {None, "", "solid"}
_O_CONNECTOR = "{urn:schemas-microsoft-com:office:office}connectortype"


def _line_shapes(el: etree._Element) -> list[LineShape]:
    """Drawn horizontal lines (DrawingML line/connector shapes, VML lines) inside a run's drawing."""
    root = _choice(el) if el.tag == _MC_ALTERNATECONTENT else el
    out: list[LineShape] = []
    for wsp in root.iter(_WPS_WSP):
        sppr = wsp.find(_WPS_SPPR)
        if sppr is None or wsp.find(_WPS_TXBX) is not None:
            continue
        geom = sppr.find(_A_PRSTGEOM)
        connector = wsp.find(_WPS_CNVCNPR) is not None
        if not connector and (geom is None or geom.get("prst") not in ("line", "straightConnector1")):
            continue
        xfrm = sppr.find(_A_XFRM)
        ext = xfrm.find(_A_EXT) if xfrm is not None else None
        if xfrm is not None and ext is not None:
            cx, cy = to_int(ext.get("cx")) or 0, to_int(ext.get("cy")) or 0
            if 2_700_000 <= (to_int(xfrm.get("rot")) or 0) % 10_800_000 <= 8_100_000:
                cx, cy = cy, cx  # turned by about 90°
            if cy > 25_400 and cy * 8 > cx:  # taller than 2 mm and steep: not a rule line
                continue
        ln = sppr.find(_A_LN)
        if ln is not None and ln.find(_A_NOFILL) is not None:
            continue
        dash = ln.find(_A_PRSTDASH) if ln is not None else None
        dashed = (dash is not None and dash.get("val") not in _SOLID_DASH) or (
            ln is not None and ln.find(_A_CUSTDASH) is not None
        )
        node = wsp.getparent()
        while node is not None and node.tag not in (_WP_ANCHOR, _WP_INLINE):
            node = node.getparent()
        out.append(LineShape(dashed, _anchor_column(node) if node is not None else None))
    for shape in root.iter(_V_LINE, _V_SHAPE):
        if (shape.get("stroked") or "").lower() in ("f", "false"):
            continue
        if shape.tag == _V_SHAPE:
            kind = (shape.get("type") or "") + (shape.get(_O_CONNECTOR) or "")
            if "_x0000_t32" not in kind and "straight" not in kind:
                continue
            if not _vml_flat(shape.get("style") or ""):
                continue
        else:
            y1 = (shape.get("from") or "0,0").split(",")[-1].strip()
            y2 = (shape.get("to") or "0,0").split(",")[-1].strip()
            if y1 != y2:
                continue
        stroke = shape.find(_V_STROKE)
        dashed = stroke is not None and (stroke.get("dashstyle") or "solid").lower() not in ("solid", "")
        out.append(LineShape(dashed, _anchor_column(shape)))
    return out


def _vml_flat(style: str) -> bool:
    """A VML connector is horizontal when its box has (almost) no height."""
    for item in style.split(";"):
        key, _, value = item.partition(":")
        if key.strip() == "height":
            try:
                return float(value.strip().rstrip("ptxcmin") or 0) <= 2
            except ValueError:
                return True
    return True


_SYMBOL_FONT_MAP = {"F02A": "*", "002A": "*", "F02D": "-", "F0B7": "•"}


def _sym(el: etree._Element) -> str:
    code = (el.get(_W_CHAR) or "").upper()
    if code in _SYMBOL_FONT_MAP:
        return _SYMBOL_FONT_MAP[code]
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:
        value -= 0xF000
    return chr(value) if 32 <= value < 0x110000 else ""


def _section(sect: etree._Element, pkg: Package, rels: dict[str, tuple[str, str]], sheet: StyleSheet) -> Section:
    s = Section()
    pg = sect.find(_W_PGSZ)
    if pg is not None:
        s.width = to_int(pg.get(_W_W))
        s.height = to_int(pg.get(_W_H))
        orient = pg.get(_W_ORIENT)
        s.landscape = orient == "landscape" or (s.width is not None and s.height is not None and s.width > s.height)
    mar = sect.find(_W_PGMAR)
    if mar is not None:
        s.margin_top = _abs(to_int(mar.get(_W_TOP)))
        s.margin_bottom = _abs(to_int(mar.get(_W_BOTTOM)))
        s.margin_left = to_int(mar.get(_W_LEFT))
        s.margin_right = to_int(mar.get(_W_RIGHT))
    tp = sect.find(_W_TITLEPG)
    s.title_page = tp is not None and (tp.get(_W_VAL) or "1").lower() not in ("0", "false", "off")
    for ref_tag, where in ((_W_HEADERREFERENCE, "header"), (_W_FOOTERREFERENCE, "footer")):
        for ref in sect.iterchildren(ref_tag):
            rel = rels.get(ref.get(R_ID) or "")
            if rel is None or not pkg.has(rel[1]):
                continue
            part_root, part_data = pkg.xml_and_bytes(rel[1])
            walker = _Walker(sheet, Numbering(None))
            walker.prepare(part_data, part_root)
            walker.walk_container(part_root, where)
            has_page = _has_page_field(part_root)
            s.parts.append(HeaderFooter(ref.get(_W_TYPE) or "default", where, walker.paragraphs, has_page))  # type: ignore[arg-type]
    return s


def _abs(v: int | None) -> int | None:
    return abs(v) if v is not None else None


def _has_page_field(root: etree._Element) -> bool:
    for fld in root.iter(_W_FLDSIMPLE):
        if "PAGE" in (fld.get(_W_INSTR) or "").upper().split():
            return True
    return any("PAGE" in (instr.text or "").upper().split() for instr in root.iter(_W_INSTRTEXT))


__all__ = ["WPS", "A", "read_docx"]
