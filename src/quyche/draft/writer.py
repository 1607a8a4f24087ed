"""Write a :class:`Draft` as DOCX in the Party format of 36-HD/VPTW.

The package is written directly (WordprocessingML, no template): A4 portrait, margins 20/20/30/15 mm, Times New
Roman in the document defaults and every style, named paragraph styles for every part ("QC Chương", "QC Điều",
"QC Khoản"…) so that a person editing in Word keeps the format, borderless two-column tables for the header and
the closing block, page numbers centred at the top from page 2. Output is byte-for-byte reproducible.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape

from quyche.draft.model import Draft, Line, Page

FONT = "Times New Roman"
PAGE_W, PAGE_H = 11906, 16838  # A4, twips
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 1134, 1134, 1701, 850  # 20/20/30/15 mm
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT  # 9355
HEADER_COLS = (3969, TEXT_W - 3969)  # left 7 cm: superior, issuer, *, Số; right: Party title, date
CLOSING_COLS = (4536, TEXT_W - 4536)  # Nơi nhận | signature
INDENT = 720  # first-line indent, 1.27 cm
ZIP_DATE = (2026, 1, 1, 0, 0, 0)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass(frozen=True, slots=True)
class Style:
    id: str
    name: str
    size: float = 14
    bold: bool = False
    italic: bool = False
    underline: bool = False
    align: str = "center"  # left | center | right | both
    first_line: int = 0
    before: int = 0  # twips
    after: int = 0
    line: int = 240  # 240 = single
    keep_next: bool = False
    border_bottom: bool = False
    indent: tuple[int, int] = (0, 0)  # left, right


# Named paragraph styles: (role or header part) → style. Sizes and toggles per 36-HD/VPTW Phụ lục 3.
STYLES: dict[str, Style] = {s.id: s for s in (
    Style("QCDuThao", "QC Dự thảo", bold=True, align="right", after=120),
    Style("QCCapTren", "QC Cấp trên"),
    Style("QCCoQuan", "QC Cơ quan ban hành", bold=True),
    Style("QCSao", "QC Dấu sao"),
    Style("QCSoKyHieu", "QC Số ký hiệu"),
    Style("QCTieuDe", "QC Tiêu đề", size=15, bold=True, border_bottom=True, indent=(340, 340)),
    Style("QCDiaDanh", "QC Địa danh ngày tháng", italic=True, before=160),
    Style("QCTenLoai", "QC Tên loại", size=16, bold=True, before=360, keep_next=True),
    Style("QCTrichYeu", "QC Trích yếu", bold=True, keep_next=True),
    Style("QCKemTheo", "QC Kèm theo quyết định", italic=True, before=60),
    Style("QCGach", "QC Gạch dưới trích yếu", after=240),
    Style("QCCanCu", "QC Căn cứ", align="both", first_line=INDENT, after=60, line=264),
    Style("QCBanHanh", "QC Câu ban hành", align="both", first_line=INDENT, before=60, after=120, line=264),
    Style("QCQuyetDinh", "QC Quyết định", bold=True, before=120, after=120, keep_next=True),
    Style("QCChuong", "QC Chương", bold=True, before=240, keep_next=True),
    Style("QCTenChuong", "QC Tên chương", bold=True, after=120, keep_next=True),
    Style("QCDieu", "QC Điều", bold=True, align="both", first_line=INDENT, before=120, after=60, line=264,
          keep_next=True),
    Style("QCDieuNoiDung", "QC Điều có nội dung", align="both", first_line=INDENT, before=120, after=60,
          line=264),
    Style("QCKhoan", "QC Khoản", align="both", first_line=INDENT, after=60, line=264),
    Style("QCDiem", "QC Điểm", align="both", first_line=INDENT, after=60, line=264),
    Style("QCGachDauDong", "QC Gạch đầu dòng", align="both", first_line=INDENT, after=60, line=264),
    Style("QCVanBan", "QC Văn bản", align="both", first_line=INDENT, after=60, line=264),
    Style("QCNoiNhan", "QC Nơi nhận", underline=True, align="left"),
    Style("QCNoiNhanMuc", "QC Nơi nhận mục", size=12, align="left"),
    Style("QCQuyenHan", "QC Quyền hạn ký", bold=True),
    Style("QCChucVu", "QC Chức vụ người ký"),
    Style("QCNguoiKy", "QC Họ tên người ký", bold=True),
    Style("QCSoTrang", "QC Số trang"),
)}
ROLE_STYLES = {"chuong": "QCChuong", "ten_chuong": "QCTenChuong", "dieu": "QCDieu", "khoan": "QCKhoan",
               "diem": "QCDiem", "gach": "QCGachDauDong", "doan": "QCVanBan"}


# ====================================================================================== XML pieces
def _rpr(size: float, *, bold: bool = False, italic: bool = False, underline: bool = False) -> str:
    half = str(round(size * 2))
    b = "<w:b/><w:bCs/>" if bold else ""
    i = "<w:i/><w:iCs/>" if italic else ""
    u = '<w:u w:val="single"/>' if underline else ""
    return ("<w:rPr>"
            f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
            f'{b}{i}<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>{u}'
            '<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr>')


def _style_xml(s: Style) -> str:
    ppr = ["<w:pPr>"]
    if s.keep_next:
        ppr.append("<w:keepNext/>")
    if s.border_bottom:
        ppr.append('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>')
    ppr.append(f'<w:spacing w:before="{s.before}" w:after="{s.after}" w:line="{s.line}" w:lineRule="auto"/>')
    if s.first_line or any(s.indent):
        ppr.append(f'<w:ind w:left="{s.indent[0]}" w:right="{s.indent[1]}" w:firstLine="{s.first_line}"/>')
    ppr.append(f'<w:jc w:val="{s.align}"/></w:pPr>')
    return (f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{s.id}"><w:name w:val="{s.name}"/>'
            '<w:basedOn w:val="Normal"/><w:qFormat/>'
            f"{''.join(ppr)}{_rpr(s.size, bold=s.bold, italic=s.italic, underline=s.underline)}</w:style>")


def styles_xml() -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">'
        f"<w:docDefaults><w:rPrDefault>{_rpr(14)}</w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        "</w:pPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        f"{_rpr(14)}</w:style>"
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        + "".join(_style_xml(s) for s in STYLES.values())
        + "</w:styles>"
    )


def _run(text: str, *, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(style: str, text: str = "", *, bold_prefix: int = 0, extra_ppr: str = "") -> str:
    """A paragraph in a named style; ``bold_prefix`` makes the first characters bold ("Điều 1.")."""
    runs = ""
    if text:
        runs = _run(text[:bold_prefix], bold=True) + _run(text[bold_prefix:]) if bold_prefix else _run(text)
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra_ppr}</w:pPr>{runs}</w:p>'


def _table(cols: tuple[int, int], left: list[str], right: list[str]) -> str:
    """A borderless one-row, two-column table (36-HD/VPTW header and closing layout)."""
    none = "".join(f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{"".join(c) or para("Normal")}</w:tc>'
        for w, c in zip(cols, (left, right), strict=True)
    )
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(cols)}" w:type="dxa"/><w:tblInd w:w="-108" w:type="dxa"/>'
            f'<w:tblBorders>{none}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{cols[0]}"/><w:gridCol w:w="{cols[1]}"/></w:tblGrid>'
            f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr></w:tbl>")  # never split across pages


def sect_pr(*, new_page_restart: bool) -> str:
    """Section properties; ``new_page_restart``: the section starts on a new page, numbered from 1."""
    start = '<w:type w:val="nextPage"/>' if new_page_restart else ""
    numbering = '<w:pgNumType w:start="1"/>' if new_page_restart else ""
    return ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeaderDefault"/>'
            f'<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>{start}'
            f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
            f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}" '
            f'w:left="{MARGIN_LEFT}" w:header="567" w:footer="567" w:gutter="0"/>{numbering}'
            '<w:cols w:space="720"/><w:titlePg/><w:docGrid w:linePitch="381"/></w:sectPr>')


# ====================================================================================== pages
_UNBREAKABLE = re.compile(r"nhiệm kỳ \d{4} - \d{4}|khóa [IVXLC\d]+")


def keep_together(text: str) -> str:
    """Non-breaking spaces inside "nhiệm kỳ 2025 - 2030" and "khóa I" so a title line never ends "2025 -"."""
    return _UNBREAKABLE.sub(lambda m: m.group(0).replace(" ", "\u00a0"), text)


KEEP_NEXT = "<w:keepNext/>"


def _line(line: Line, extra_ppr: str = "") -> str:
    if line.role == "dieu":
        head, _, rest = line.text.partition(". ")
        if rest.endswith((".", ":", ";")) and len(rest.split()) >= 8:  # a decision article: "Điều 1." bold only
            return para("QCDieuNoiDung", line.text, bold_prefix=len(head) + 1, extra_ppr=extra_ppr)
    return para(ROLE_STYLES[line.role], line.text, extra_ppr=extra_ppr)


def page_xml(page: Page) -> str:
    out: list[str] = []
    if page.draft_mark:
        out.append(para("QCDuThao", page.draft_mark))
    left = [para("QCCapTren", page.superior), para("QCCoQuan", page.issuer), para("QCSao", "*")]
    if page.number is not None:
        left.append(para("QCSoKyHieu", page.number))
    right = [para("QCTieuDe", "ĐẢNG CỘNG SẢN VIỆT NAM"), para("QCDiaDanh", page.date_line)]
    out.append(_table(HEADER_COLS, left, right))
    out.append(para("QCTenLoai", page.type_name))
    out.append(para("QCTrichYeu", keep_together(page.summary)))
    if page.attached_ref:
        out.append(para("QCKemTheo", page.attached_ref))
    out.append(para("QCGach", "-----"))
    out += [para("QCCanCu", b) for b in page.bases]
    if page.operative:
        out.append(para("QCBanHanh", page.operative))
    if page.decision_formula:
        out.append(para("QCQuyetDinh", page.decision_formula))
    # The last paragraph of the body stays on the page of the closing block (never a signature page alone).
    out += [_line(line, KEEP_NEXT if i == len(page.body) - 1 else "") for i, line in enumerate(page.body)]
    out.append(para("Normal", extra_ppr=KEEP_NEXT))
    left = [para("QCNoiNhan", "Nơi nhận:"), *(para("QCNoiNhanMuc", r) for r in page.recipients)] \
        if page.recipients else []
    right = [para("QCQuyenHan", page.authority), para("QCChucVu", page.sign_title)]
    right += [para("QCChucVu") for _ in range(4)]
    if page.signer:
        right.append(para("QCNguoiKy", page.signer))
    out.append(_table(CLOSING_COLS, left, right))
    return "".join(out)


def document_xml(draft: Draft) -> str:
    parts: list[str] = []
    starts = [False]  # per section: starts on a new page, numbered from 1
    for i, page in enumerate(draft.pages):
        if i and page.new_section:
            # The section ending here is described in its last paragraph; the attachment opens a new one.
            parts.append(para("Normal", extra_ppr=sect_pr(new_page_restart=starts[-1])))
            starts.append(True)
        parts.append(page_xml(page))
    parts.append(para("Normal"))  # Word expects the body to end with a paragraph, not a table
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}" '
            f'xmlns:r="{R_NS}"><w:body>{"".join(parts)}{sect_pr(new_page_restart=starts[-1])}'
            "</w:body></w:document>")


def _header_xml(with_number: bool) -> str:
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE '
             '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>') if with_number else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
            f'<w:p><w:pPr><w:pStyle w:val="QCSoTrang"/></w:pPr>{field}</w:p></w:hdr>')


_SETTINGS = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="{W_NS}">'
             '<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>'
             '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting '
             'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
             '</w:compat><w:themeFontLang w:val="vi-VN"/></w:settings>')
_FONTS = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="{W_NS}">'
          f'<w:font w:name="{FONT}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>'
          '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>')
_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
       '<Override PartName="/word/styles.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
       '<Override PartName="/word/settings.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
       '<Override PartName="/word/fontTable.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
       '<Override PartName="/word/header1.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
       '<Override PartName="/word/header2.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
       '<Override PartName="/docProps/core.xml" '
       'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
       '<Override PartName="/docProps/app.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/>'
         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
         'core-properties" Target="docProps/core.xml"/>'
         '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'extended-properties" Target="docProps/app.xml"/></Relationships>')
_DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             + "".join(f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                       f'relationships/{kind}" Target="{target}"/>'
                       for rid, kind, target in (("rIdStyles", "styles", "styles.xml"),
                                                 ("rIdSettings", "settings", "settings.xml"),
                                                 ("rIdFonts", "fontTable", "fontTable.xml"),
                                                 ("rIdHeaderDefault", "header", "header1.xml"),
                                                 ("rIdHeaderFirst", "header", "header2.xml")))
             + "</Relationships>")
_APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.'
        'org/officeDocument/2006/extended-properties"><Application>quyche</Application></Properties>')


def _core(title: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>'
            f"{escape(title)}</dc:title><dc:creator>quyche</dc:creator><dc:language>vi-VN</dc:language>"
            "</cp:coreProperties>")


def to_docx(draft: Draft) -> bytes:
    first = draft.pages[0]
    files = {
        "[Content_Types].xml": _CT,
        "_rels/.rels": _RELS,
        "docProps/core.xml": _core(f"{first.type_name} {first.summary}"),
        "docProps/app.xml": _APP,
        "word/_rels/document.xml.rels": _DOC_RELS,
        "word/document.xml": document_xml(draft),
        "word/styles.xml": styles_xml(),
        "word/settings.xml": _SETTINGS,
        "word/fontTable.xml": _FONTS,
        "word/header1.xml": _header_xml(True),
        "word/header2.xml": _header_xml(False),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()
