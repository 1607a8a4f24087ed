"""DOCX → :class:`Document`: body paragraphs, tables, text boxes, headers/footers, sections."""

from __future__ import annotations

from lxml import etree

from quyche.errors import ReadError
from quyche.model import Document, HeaderFooter, LineShape, Location, Paragraph, Run, RunFormat, Section
from quyche.readers.docx.numbering import Numbering, theme_fonts
from quyche.readers.docx.ooxml import MC, R_ID, WP, WPS, A, Props, V, W, parse_ppr, parse_rpr, to_int
from quyche.readers.docx.styles import StyleSheet
from quyche.readers.package import Package
from quyche.text import nfc

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
_W_ASCIITHEME = W + "asciiTheme"
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
_W_GRIDCOL = W + "gridCol"
_W_H = W + "h"
_W_HANSITHEME = W + "hAnsiTheme"
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
_W_RFONTS = W + "rFonts"
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


def read_docx(data: bytes, source: str) -> Document:
    pkg = Package(data)
    main = pkg.main_part()
    root = pkg.xml(main)
    body = root.find(_W_BODY)
    if body is None:
        raise ReadError("tài liệu Word không có phần nội dung (w:body)", "corrupt")
    rels = pkg.rels(main)
    by_type: dict[str, str] = {}
    for rel_type, target in rels.values():
        by_type.setdefault(rel_type, target)
    styles_data = pkg.read(by_type["styles"]) if "styles" in by_type and pkg.has(by_type["styles"]) else None
    theme: dict[str, str] = {}
    if "theme" in by_type and pkg.has(by_type["theme"]) and (
        (styles_data and b"Theme=" in styles_data) or _uses_theme(root)
    ):
        theme = theme_fonts(pkg.xml(by_type["theme"]))
    sheet = StyleSheet(styles_data, theme)
    numbering = None
    if "numbering" in by_type and pkg.has(by_type["numbering"]):
        numbering = Numbering(pkg.xml(by_type["numbering"]))
    walker = _Walker(sheet, numbering or Numbering(None))
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


def _uses_theme(root: etree._Element) -> bool:
    return any(el.get(_W_ASCIITHEME) or el.get(_W_HANSITHEME) for el in root.iter(_W_RFONTS))


class _Walker:
    def __init__(self, sheet: StyleSheet, numbering: Numbering) -> None:
        self.sheet = sheet
        self.numbering = numbering
        self.paragraphs: list[Paragraph] = []
        self.section_elements: list[etree._Element] = []
        self.tables = 0
        self._lines: list[LineShape] = []  # line shapes met in the paragraph being read
        self._rpr_cache: dict[bytes, Props] = {}  # identical run properties are parsed once
        self._fmt_cache: dict[tuple[str | None, str | None, bytes], RunFormat] = {}

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
                content = child.find(_W_SDTCONTENT)
                if content is not None:
                    self.walk_container(content, container, cell, table_style, depth + 1)
            elif tag == _W_SECTPR and container == "body":
                self.section_elements.append(child)
            elif tag in (_W_CUSTOMXML, _MC_ALTERNATECONTENT):
                self.walk_container(_choice(child), container, cell, table_style, depth + 1)

    def table(self, tbl: etree._Element, depth: int) -> None:
        self.tables += 1
        number = self.tables
        tpr = tbl.find(_W_TBLPR)
        tstyle_el = tpr.find(_W_TBLSTYLE) if tpr is not None else None
        tstyle = tstyle_el.get(_W_VAL) if tstyle_el is not None else None
        grid = tbl.find(_W_TBLGRID)
        ncols = len(grid.findall(_W_GRIDCOL)) if grid is not None else 0
        for r, tr in enumerate(_wrapped(tbl, _W_TR)):
            col = 0
            cells = list(_wrapped(tr, _W_TC))
            for tc in cells:
                span_el = tc.find(f"{W}tcPr/{W}gridSpan")
                span = to_int(span_el.get(_W_VAL)) if span_el is not None else 1
                self.walk_container(tc, "table", (number, r, col, max(ncols, len(cells))), tstyle, depth + 1)
                col += max(span or 1, 1)

    # -------------------------------------------------------------- paragraphs
    def paragraph(
        self, p: etree._Element, container: str, cell: tuple[int, int, int, int] | None,
        table_style: str | None, depth: int, textbox_col: int | None = None,
    ) -> None:
        direct = parse_ppr(p.find(_W_PPR))
        if "sectPr" in direct and container == "body":
            self.section_elements.append(direct["sectPr"])
        pstyle = direct.get("pStyle")
        props = self.sheet.paragraph_props(pstyle, direct, table_style)
        runs: list[Run] = []
        boxes: list[tuple[etree._Element, int | None]] = []
        self._lines = []
        self._runs(p, pstyle, table_style, runs, boxes, depth)
        lines = tuple(self._lines)
        label = ""
        if props.get("numId"):
            label = self.numbering.label(props.get("numId"), int(props.get("ilvl", 0) or 0))
            if label:
                mark_fmt = runs[0].fmt if runs else self.sheet.run_format(pstyle, {}, table_style)
                runs.insert(0, Run(label + " ", mark_fmt))
        text = nfc("".join(r.text for r in runs))
        if cell is not None:
            loc = Location(len(self.paragraphs) + 1, "table", cell[0], cell[1], cell[2], cell[3])
        elif container == "textbox":
            ncols = 2 if textbox_col is not None else None
            loc = Location(len(self.paragraphs) + 1, "textbox", col=textbox_col, ncols=ncols)
        else:
            loc = Location(len(self.paragraphs) + 1, "header" if container == "header" else
                           "footer" if container == "footer" else "body")
        border = props.get("border_bottom")
        self.paragraphs.append(
            Paragraph(
                text=text,
                runs=[Run(nfc(r.text), r.fmt) for r in runs],
                loc=loc,
                align=props.get("jc") or "left",
                indent_left=props.get("ind_left"),
                indent_right=props.get("ind_right"),
                border_bottom=border if border not in (None, "nil", "none") else None,
                style=self.sheet.name_of(pstyle) if pstyle else None,
                label=label,
                lines=lines,
            )
        )
        for box, col in boxes:
            for inner in _wrapped(box, _W_P, _W_TBL):
                if inner.tag == _W_P:
                    self.paragraph(inner, "textbox", None, None, depth + 1, col)
                else:
                    self.table(inner, depth + 1)

    def _runs(
        self, el: etree._Element, pstyle: str | None, table_style: str | None, runs: list[Run],
        boxes: list[tuple[etree._Element, int | None]], depth: int,
    ) -> None:
        if depth > _MAX_DEPTH:
            raise ReadError("cấu trúc tài liệu lồng nhau quá sâu (tệp bất thường)", "unsafe_xml")
        for child in el:
            tag = child.tag
            if tag == _W_R:
                self._run(child, pstyle, table_style, runs, boxes)
            elif tag in _DESCEND or tag in (_W_SDT, _W_SDTCONTENT):
                target = child.find(_W_SDTCONTENT) if tag == _W_SDT else child
                if target is not None:
                    self._runs(target, pstyle, table_style, runs, boxes, depth + 1)
            elif tag == _MC_ALTERNATECONTENT:
                self._runs(_choice(child), pstyle, table_style, runs, boxes, depth + 1)

    def _run(
        self, r: etree._Element, pstyle: str | None, table_style: str | None, runs: list[Run],
        boxes: list[tuple[etree._Element, int | None]],
    ) -> None:
        rpr = r.find(_W_RPR)
        key = etree.tostring(rpr) if rpr is not None else b""
        direct = self._rpr_cache.get(key)
        if direct is None:
            direct = self._rpr_cache[key] = parse_rpr(rpr)
        if direct.get("vanish"):
            return
        parts: list[str] = []
        for child in r:
            tag = child.tag
            if tag == _W_T:
                parts.append(child.text or "")
            elif tag in (_W_TAB, _W_PTAB):
                parts.append("\t")
            elif tag in (_W_BR, _W_CR):
                parts.append("\n")
            elif tag == _W_NOBREAKHYPHEN:
                parts.append("-")
            elif tag == _W_SYM:
                parts.append(_sym(child))
            elif tag in (_W_DRAWING, _W_PICT, _MC_ALTERNATECONTENT, _W_OBJECT):
                boxes.extend(_text_boxes(child))
                self._lines.extend(_line_shapes(child))
        if not parts:
            return
        fkey = (pstyle, table_style, key)
        fmt = self._fmt_cache.get(fkey)
        if fmt is None:
            fmt = self._fmt_cache[fkey] = self.sheet.run_format(pstyle, direct, table_style)
        runs.append(Run("".join(parts), fmt))


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
            part_root = pkg.xml(rel[1])
            walker = _Walker(sheet, Numbering(None))
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
