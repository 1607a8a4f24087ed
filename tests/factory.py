"""Build real DOCX files of Party documents for tests, in the layouts real documents use.

``PartyDoc()`` is a clean working regulation of "Đảng ủy xã An Hòa" (36-HD/VPTW format); tests
change one piece (a line's text or formatting, the layout, the page set-up) and read the result
back through the real reader. Lines are ``L(text, b=…, i=…, size=…, font=…, u=…, align=…)``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace
from typing import Literal

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from quyche.model import Document
from quyche.readers.docx.reader import read_docx

ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "both": WD_ALIGN_PARAGRAPH.JUSTIFY}


@dataclass(frozen=True)
class L:
    """One line (paragraph) with its intended formatting; None = inherit from the style."""

    text: str
    b: bool | None = False
    i: bool | None = False
    u: bool | None = None
    size: float | None = 14
    font: str | None = "Times New Roman"
    align: str = "center"
    border_bottom: str | None = None  # "single", "dashed"…

    def with_(self, **kw: object) -> L:
        return replace(self, **kw)  # type: ignore[arg-type]


def _default_left() -> list[L]:
    return [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("*"), L("Số 01-QC/ĐU")]


def _default_right() -> list[L]:
    return [L("ĐẢNG CỘNG SẢN VIỆT NAM", b=True, size=15, border_bottom="single"),
            L("An Hòa, ngày 15 tháng 10 năm 2025", i=True)]


def _default_cancu() -> list[L]:
    return [L(t, align="both") for t in (
        "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
        "- Căn cứ Quy định số 294-QĐ/TW ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;",
        "- Căn cứ Hướng dẫn số 06-HD/TW ngày 09/6/2025 của Ban Bí thư hướng dẫn một số vấn đề cụ thể thi hành "
        "Điều lệ Đảng;",
        "- Căn cứ Quy định số 298-QĐ/TW ngày 09/6/2025 của Ban Bí thư về chức năng, nhiệm vụ, quyền hạn, tổ chức "
        "bộ máy của đảng ủy xã, phường, đặc khu;",
        "- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh Tây Ninh nhiệm kỳ 2025 - 2030;",
        "- Căn cứ Nghị quyết Đại hội đại biểu Đảng bộ xã An Hòa lần thứ I, nhiệm kỳ 2025 - 2030,",
    )] + [L("Ban Chấp hành Đảng bộ xã An Hòa ban hành Quy chế làm việc khóa I, nhiệm kỳ 2025 - 2030 như sau:",
            align="both")]


def _art(n: int, title: str, *clauses: str) -> list[L]:
    return [L(f"Điều {n}. {title}", b=True, align="both")] + [
        L(c, align="both") for c in clauses
    ]


def _default_body() -> list[L]:
    out: list[L] = []
    out += [L("Chương I", b=True), L("NHỮNG QUY ĐỊNH CHUNG", b=True)]
    out += _art(1, "Phạm vi điều chỉnh và đối tượng áp dụng",
                "1. Quy chế này quy định trách nhiệm, quyền hạn, chế độ làm việc và mối quan hệ công tác của Ban "
                "Chấp hành Đảng bộ xã An Hòa.",
                "2. Các tập thể, cá nhân nêu tại khoản 1 Điều này có trách nhiệm thực hiện nghiêm Quy chế này.")
    out += _art(2, "Nguyên tắc làm việc",
                "1. Bảo đảm nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách, quyết định theo đa số.",
                "2. Thiểu số phục tùng đa số; đảng viên có ý kiến khác được bảo lưu và báo cáo lên cấp ủy cấp trên.")
    out += [L("Chương II", b=True), L("TRÁCH NHIỆM, QUYỀN HẠN", b=True)]
    out += _art(3, "Trách nhiệm, quyền hạn của Ban Chấp hành",
                "1. Lãnh đạo thực hiện Nghị quyết Đại hội Đảng bộ xã An Hòa.",
                "2. Quyết định những vấn đề về tổ chức, cán bộ theo phân cấp.")
    out += _art(4, "Trách nhiệm, quyền hạn của Ban Thường vụ",
                "1. Thay mặt Ban Chấp hành lãnh đạo giữa hai kỳ hội nghị.",
                "2. Chuẩn bị nội dung hội nghị Ban Chấp hành:",
                "a) Dự thảo nghị quyết;", "b) Báo cáo kiểm điểm.")
    out += [L("Chương III", b=True), L("CHẾ ĐỘ LÀM VIỆC VÀ ĐIỀU KHOẢN THI HÀNH", b=True)]
    out += _art(5, "Chế độ họp",
                "1. Ban Chấp hành họp thường lệ ba tháng một lần; Ban Thường vụ họp mỗi tháng một lần.")
    out += _art(6, "Hiệu lực thi hành", "Quy chế này có hiệu lực kể từ ngày ký.")
    return out


def _default_recipients() -> list[L]:
    return [L("Nơi nhận:", u=True, align="left"),
            L("- Ban Thường vụ Tỉnh ủy Tây Ninh (để báo cáo),", size=12, align="left"),
            L("- Các đồng chí đảng ủy viên,", size=12, align="left"),
            L("- Lưu Văn phòng Đảng ủy.", size=12, align="left")]


def _default_signature() -> list[L]:
    return [L("T/M ĐẢNG ỦY", b=True), L("BÍ THƯ", b=True), L(""), L(""), L("Nguyễn Văn An", b=True)]


Layout = Literal["table", "tabs", "textbox", "paragraphs"]


@dataclass
class PartyDoc:
    left: list[L] = field(default_factory=_default_left)
    right: list[L] = field(default_factory=_default_right)
    marks: list[L] = field(default_factory=list)
    title: list[L] = field(default_factory=lambda: [L("QUY CHẾ", b=True, size=16)])
    summary: list[L] = field(default_factory=lambda: [
        L("làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I, nhiệm kỳ 2025 - 2030", b=True)])
    separator: list[L] = field(default_factory=lambda: [L("-----")])
    cancu: list[L] = field(default_factory=_default_cancu)
    body: list[L] = field(default_factory=_default_body)
    recipients: list[L] = field(default_factory=_default_recipients)
    signature: list[L] = field(default_factory=_default_signature)
    header_layout: Layout = "table"
    closing_layout: Layout = "table"
    swap_closing: bool = False  # signature left, recipients right
    page_w: int = 11906
    page_h: int = 16838
    landscape: bool = False
    margins: tuple[int, int, int, int] = (1134, 1134, 1701, 850)  # top, bottom, left, right (twips)
    page_number: Literal["from2", "all", "none"] = "from2"
    formatting: Literal["direct", "styles"] = "direct"
    auto_articles: bool = False  # "Điều n." from numbering.xml instead of typed

    def to_bytes(self) -> bytes:
        return _Builder(self).build()

    def read(self) -> Document:
        return read_docx(self.to_bytes(), "test.docx")


class _Builder:
    def __init__(self, spec: PartyDoc) -> None:
        self.s = spec
        self.d = docx.Document()
        self._num_id: str | None = None

    # -------------------------------------------------------------- formatting
    def fmt_paragraph(self, p: docx.text.paragraph.Paragraph, line: L) -> None:
        p.alignment = ALIGN.get(line.align, WD_ALIGN_PARAGRAPH.LEFT)
        pf = p.paragraph_format
        pf.space_before = Pt(0)
        pf.space_after = Pt(0)
        if line.border_bottom:
            ppr = p._p.get_or_add_pPr()
            bdr = OxmlElement("w:pBdr")
            bottom = OxmlElement("w:bottom")
            bottom.set(qn("w:val"), line.border_bottom)
            bottom.set(qn("w:sz"), "6")
            bottom.set(qn("w:space"), "1")
            bottom.set(qn("w:color"), "000000")
            bdr.append(bottom)
            ppr.append(bdr)
        if self.s.formatting == "styles" and line.text:
            p.style = self._style_for(line)
            return
        run = p.add_run(line.text)
        self._fmt_run(run, line)

    def _fmt_run(self, run: object, line: L) -> None:
        """Format a run, or a style's run properties (both expose ``.font``)."""
        if line.font:
            run.font.name = line.font  # type: ignore[attr-defined]
            el = run._r if hasattr(run, "_r") else run.element  # type: ignore[attr-defined]
            rpr = el.get_or_add_rPr()
            rfonts = rpr.find(qn("w:rFonts"))
            if rfonts is not None:
                rfonts.set(qn("w:hAnsi"), line.font)
                rfonts.set(qn("w:cs"), line.font)
        font = run.font  # type: ignore[attr-defined]
        if line.size is not None:
            font.size = Pt(line.size)
        if line.b is not None:
            font.bold = line.b
        if line.i is not None:
            font.italic = line.i
        if line.u is not None:
            font.underline = line.u

    def _style_for(self, line: L) -> str:
        """A paragraph style carrying the line's formatting (formatting through styles, not direct)."""
        name = f"Q {line.font} {line.size} {'B' if line.b else ''}{'I' if line.i else ''}{'U' if line.u else ''}"
        styles = self.d.styles
        if name not in [s.name for s in styles]:
            st = styles.add_style(name, 1)
            st.base_style = styles["Normal"]
            self._fmt_run(st, line)
        return name

    def add(self, container: object, line: L) -> None:
        p = container.add_paragraph()  # type: ignore[attr-defined]
        if self.s.formatting == "styles" and line.text:
            self.fmt_paragraph(p, line)
            p.add_run(line.text)
        else:
            self.fmt_paragraph(p, line)

    # -------------------------------------------------------------- blocks
    def two_columns(self, left: list[L], right: list[L], layout: Layout) -> None:
        d = self.d
        if layout == "table":
            table = d.add_table(rows=1, cols=2)
            _no_borders(table)
            for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
                cell._tc.remove(cell.paragraphs[0]._p)
                for line in lines:
                    self.add(cell, line)
        elif layout == "tabs":
            for k in range(max(len(left), len(right))):
                a = left[k] if k < len(left) else None
                b = right[k] if k < len(right) else None
                p = d.add_paragraph()
                p.paragraph_format.tab_stops.add_tab_stop(Twips(6000))
                p.alignment = WD_ALIGN_PARAGRAPH.LEFT
                if a and a.text:
                    self._fmt_run(p.add_run(a.text), a)
                if b and b.text:
                    p.add_run("\t\t")
                    self._fmt_run(p.add_run(b.text), b)
                if b and b.border_bottom:
                    # a tab line cannot carry a border under one side: draw a line shape in the right half
                    dashed = "dash" in b.border_bottom or "dot" in b.border_bottom
                    p._p.append(_line_shape(3_960_000, dashed=dashed))
        elif layout == "textbox":
            anchor = d.add_paragraph()
            for lines, offset in ((left, 0), (right, 3_600_000)):
                anchor._p.append(self._textbox(lines, offset))
        else:
            for line in left + right:
                self.add(d, line)

    def _textbox(self, lines: list[L], offset_emu: int) -> object:
        tmp = docx.Document()
        sub = _Builder(self.s)
        sub.d = tmp
        for line in lines:
            sub.add(tmp, line)
        if self.s.formatting == "styles":
            # The text-box paragraphs name styles created in ``tmp``: copy them into the document.
            from copy import deepcopy

            have = {s.style_id for s in self.d.styles}
            for st in tmp.styles:
                if st.style_id not in have:
                    self.d.styles.element.append(deepcopy(st.element))
        paras = "".join(
            p._p.xml.replace(' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"', "")
            for p in tmp.paragraphs
        )
        xml = (
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
            "<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
            '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" '
            'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="column"><wp:posOffset>{offset_emu}</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            '<wp:extent cx="2700000" cy="1200000"/><wp:wrapNone/><wp:docPr id="1" name="Text Box 1"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            "<wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:spPr/><wps:txbx><w:txbxContent>"
            f"{paras}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
            "</wp:anchor></w:drawing></mc:Choice><mc:Fallback/></mc:AlternateContent></w:r>"
        )
        from lxml import etree

        return etree.fromstring(xml)

    def numbering(self) -> str:
        """Add a numbering definition rendering "Điều %1." and return its numId."""
        if self._num_id:
            return self._num_id
        part = self.d.part.numbering_part
        numbering = part.element
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), "90")
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), "0")
        for tag, val in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", "Điều %1.")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        abstract.append(lvl)
        numbering.insert(0, abstract)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), "90")
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), "90")
        num.append(ref)
        numbering.append(num)
        self._num_id = "90"
        return "90"

    def body_line(self, line: L) -> None:
        import re

        m = re.match(r"^Điều (\d+)\. (.*)$", line.text)
        if self.s.auto_articles and m:
            p = self.d.add_paragraph()
            self.fmt_paragraph(p, line.with_(text=m.group(2)))
            if self.s.formatting == "styles" and m.group(2):
                p.add_run(m.group(2))  # fmt_paragraph only sets the style in this mode (as ``add`` does)
            ppr = p._p.get_or_add_pPr()
            numpr = OxmlElement("w:numPr")
            ilvl = OxmlElement("w:ilvl")
            ilvl.set(qn("w:val"), "0")
            numid = OxmlElement("w:numId")
            numid.set(qn("w:val"), self.numbering())
            numpr.append(ilvl)
            numpr.append(numid)
            ppr.insert(0, numpr)
            return
        self.add(self.d, line)

    def build(self) -> bytes:
        s, d = self.s, self.d
        body = d.element.body
        body.remove(body[0]) if len(body) and body[0].tag == qn("w:p") else None
        normal = d.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(14)
        for line in s.marks:
            self.add(d, line)
        self.two_columns(s.left, s.right, s.header_layout)
        for line in s.title + s.summary + s.separator + s.cancu:
            self.add(d, line)
        for line in s.body:
            self.body_line(line)
        left, right = (s.signature, s.recipients) if s.swap_closing else (s.recipients, s.signature)
        self.two_columns(left, right, s.closing_layout)
        self._page()
        buf = io.BytesIO()
        d.save(buf)
        return buf.getvalue()

    def _page(self) -> None:
        s = self.s
        sec = self.d.sections[0]
        w, h = (s.page_h, s.page_w) if s.landscape else (s.page_w, s.page_h)
        sec.page_width, sec.page_height = Twips(w), Twips(h)
        if s.landscape:
            from docx.enum.section import WD_ORIENT

            sec.orientation = WD_ORIENT.LANDSCAPE
        sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = (Twips(m) for m in s.margins)
        if s.page_number == "none":
            return
        sec.different_first_page_header_footer = s.page_number == "from2"
        p = sec.header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
            r = p.add_run()
            if kind:
                fld = OxmlElement("w:fldChar")
                fld.set(qn("w:fldCharType"), kind)
                r._r.append(fld)
            else:
                instr = OxmlElement("w:instrText")
                instr.text = text
                r._r.append(instr)


def _line_shape(offset_emu: int, *, dashed: bool = False) -> object:
    """A run holding a drawn horizontal line (DrawingML connector) anchored ``offset_emu`` from the column."""
    from lxml import etree

    dash = '<a:prstDash val="dash"/>' if dashed else ""
    xml = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="0" '
        'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{offset_emu}</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>230000</wp:posOffset></wp:positionV>'
        '<wp:extent cx="1800000" cy="0"/><wp:wrapNone/><wp:docPr id="90" name="Line 90"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1800000" cy="0"/></a:xfrm>'
        '<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/>'
        f"</a:solidFill>{dash}</a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice><mc:Fallback/></mc:AlternateContent></w:r>"
    )
    return etree.fromstring(xml)


def _no_borders(table: object) -> None:
    tbl = table._tbl  # type: ignore[attr-defined]
    tblpr = tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr.append(borders)


def doc(**overrides: object) -> Document:
    """Shortcut: a clean PartyDoc with ``overrides``, read back through the DOCX reader."""
    return PartyDoc(**overrides).read()  # type: ignore[arg-type]
