"""DOCX reader on hand-written packages: every test controls the exact markup it feeds the reader.

Each package is built here with :mod:`zipfile` from raw XML strings, so a test shows precisely the
WordprocessingML it proves: style inheritance and toggles, theme fonts, namespace prefixes, hidden
and revised text, content controls, tables, text boxes, automatic numbering, sections and package
relationships.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from quyche.model import Document, Location, RunFormat
from quyche.readers.docx.reader import read_docx
from quyche.readers.docx.styles import StyleSheet
from quyche.zones import physical_side

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
NS = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'mc:Ignorable="wps"'
)
TNR = "Times New Roman"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


# ------------------------------------------------------------ builders
def styles_xml(*styles: str, rpr: str = "", ppr: str = "") -> str:
    defaults = (
        f"<w:docDefaults><w:rPrDefault><w:rPr>{rpr}</w:rPr></w:rPrDefault>"
        f"<w:pPrDefault><w:pPr>{ppr}</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    return f'{DECL}<w:styles xmlns:w="{W_NS}">{defaults}{"".join(styles)}</w:styles>'


def style(
    sid: str,
    *,
    kind: str = "paragraph",
    based: str | None = None,
    rpr: str = "",
    ppr: str = "",
    default: bool = False,
    name: str | None = None,
) -> str:
    dflt = ' w:default="1"' if default else ""
    based_el = f'<w:basedOn w:val="{based}"/>' if based else ""
    return (
        f'<w:style w:type="{kind}"{dflt} w:styleId="{sid}"><w:name w:val="{name or sid}"/>{based_el}'
        f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


def theme_xml(minor: str = TNR, major: str = "Cambria") -> str:
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    return (
        f'{DECL}<a:theme xmlns:a="{a}" name="Office"><a:themeElements><a:fontScheme name="Office">'
        f'<a:majorFont><a:latin typeface="{major}"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>'
        f'<a:minorFont><a:latin typeface="{minor}"/><a:ea typeface=""/><a:cs typeface="Arial"/></a:minorFont>'
        "</a:fontScheme></a:themeElements></a:theme>"
    )


def rels_xml(rels: list[tuple[str, str, str]]) -> str:
    items = "".join(
        f'<Relationship Id="{i}" Type="{REL_TYPE}{t}" Target="{target}"/>' for i, t, target in rels
    )
    return f'{DECL}<Relationships xmlns="{REL_NS}">{items}</Relationships>'


def package(
    body: str = "",
    *,
    styles: str | None = None,
    numbering: str | None = None,
    theme: str | None = None,
    parts: dict[str, str] | None = None,
    rels: list[tuple[str, str, str]] | None = None,
    main: str = "word/document.xml",
    main_target: str | None = None,
    rel_prefix: str = "",
) -> bytes:
    """A DOCX package: ``body`` goes inside w:body; ``parts`` are extra parts keyed by their name."""
    doc_rels = list(rels or [])
    files: dict[str, str] = dict(parts or {})
    folder, base = main.rsplit("/", 1)
    for name, kind, xml in (
        ("styles.xml", "styles", styles),
        ("numbering.xml", "numbering", numbering),
        ("theme/theme1.xml", "theme", theme),
    ):
        if xml is not None:
            files[f"{folder}/{name}"] = xml
            doc_rels.append((f"rId{kind}", kind, rel_prefix + name))
    files[main] = f"{DECL}<w:document {NS}><w:body>{body}</w:body></w:document>"
    files[f"{folder}/_rels/{base}.rels"] = rels_xml(doc_rels)
    files["_rels/.rels"] = rels_xml([("rId1", "officeDocument", main_target or main)])
    files["[Content_Types].xml"] = (
        f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/></Types>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text.encode("utf-8"))
    return buf.getvalue()


def read(body: str = "", **kw: object) -> Document:
    return read_docx(package(body, **kw), "test.docx")  # type: ignore[arg-type]


def p(*runs: str, ppr: str = "") -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr>{''.join(runs)}</w:p>"


def r(text: str, rpr: str = "") -> str:
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def fonts(name: str) -> str:
    return f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:cs="{name}"/>'


def sz(points: float) -> str:
    return f'<w:sz w:val="{int(points * 2)}"/>'


def fmt(
    font: str | None = TNR,
    size: float | None = 14.0,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    caps: bool = False,
) -> RunFormat:
    return RunFormat(font=font, size=size, bold=bold, italic=italic, underline=underline, caps=caps)


def formats(doc: Document) -> list[tuple[str, RunFormat]]:
    return [(run.text, run.fmt) for para in doc.paragraphs for run in para.runs]


BASE_DEFAULTS = fonts(TNR) + sz(14)


# ------------------------------------------------------------ formatting
def test_doc_defaults_only() -> None:
    doc = read(p(r("Điều 1.")), styles=styles_xml(rpr=fonts(TNR) + sz(13), ppr='<w:jc w:val="center"/>'))
    assert formats(doc) == [("Điều 1.", fmt(size=13.0))]
    para = doc.paragraphs[0]
    assert para.align == "center" and para.style is None and para.loc == Location(1, "body")
    assert doc.has_formatting and doc.has_layout


def test_paragraph_style_chain_three_levels() -> None:
    styles = styles_xml(
        style("Normal", default=True, rpr=fonts(TNR) + sz(14)),
        style("Base", based="Normal", rpr=fonts("Arial") + sz(12) + "<w:b/>", ppr='<w:jc w:val="center"/>'),
        style("Mid", based="Base", rpr=sz(13), ppr='<w:ind w:left="567"/>'),
        style("Top", based="Mid", rpr=fonts("Tahoma"), ppr='<w:jc w:val="both"/>', name="Tiêu đề 3"),
    )
    body = (
        p(r("top"), ppr='<w:pStyle w:val="Top"/>')
        + p(r("mid"), ppr='<w:pStyle w:val="Mid"/>')
        + p(r("base"), ppr='<w:pStyle w:val="Base"/>')
        + p(r("normal"))
        + p(r("unknown"), ppr='<w:pStyle w:val="Nope"/>')
    )
    doc = read(body, styles=styles)
    assert formats(doc) == [
        ("top", fmt("Tahoma", 13.0, bold=True)),
        ("mid", fmt("Arial", 13.0, bold=True)),
        ("base", fmt("Arial", 12.0, bold=True)),
        ("normal", fmt(TNR, 14.0)),
        ("unknown", fmt(TNR, 14.0)),  # an unknown style id falls back to the default paragraph style
    ]
    top, mid = doc.paragraphs[:2]
    assert (top.align, top.indent_left, top.style) == ("both", 567, "Tiêu đề 3")
    assert (mid.align, mid.indent_left, mid.style) == ("center", 567, "Mid")


def test_character_style_over_paragraph_style_and_direct_over_both() -> None:
    styles = styles_xml(
        style("Normal", default=True, rpr=fonts(TNR) + sz(14)),
        style("Body", based="Normal", rpr=sz(13)),
        style("Emph0", kind="character", rpr='<w:u w:val="single"/>'),
        style("Emph", kind="character", based="Emph0", rpr=fonts("Arial") + sz(12) + "<w:i/>"),
    )
    body = p(
        r("para"),
        r("char", '<w:rStyle w:val="Emph"/>'),
        r(
            "direct",
            '<w:rStyle w:val="Emph"/>' + fonts("Calibri") + sz(10) + '<w:u w:val="none"/><w:i w:val="0"/>',
        ),
        r("caps", "<w:caps/>"),
        ppr='<w:pStyle w:val="Body"/>',
    )
    assert formats(read(body, styles=styles)) == [
        ("para", fmt(TNR, 13.0)),
        ("char", fmt("Arial", 12.0, italic=True, underline=True)),
        ("direct", fmt("Calibri", 10.0)),
        ("caps", fmt(TNR, 13.0, caps=True)),
    ]


def test_toggle_properties_xor_across_style_levels() -> None:
    styles = styles_xml(
        style("Normal", default=True),
        style("BoldPara", based="Normal", rpr="<w:b/><w:i/>"),
        style("NotBold", based="BoldPara", rpr='<w:b w:val="0"/>'),  # nearest in one chain wins
        style("BoldChar", kind="character", rpr="<w:b/><w:caps/>"),
        style("BoldTable", kind="table", rpr="<w:b/>"),
        rpr=BASE_DEFAULTS,
    )
    body = p(
        r("style", ""),
        r("xor", '<w:rStyle w:val="BoldChar"/>'),
        r("direct-off", '<w:b w:val="0"/>'),
        r("direct-on", '<w:rStyle w:val="BoldChar"/><w:b/>'),
        r("false", '<w:b w:val="false"/><w:i w:val="off"/>'),
        ppr='<w:pStyle w:val="BoldPara"/>',
    ) + p(r("chain"), ppr='<w:pStyle w:val="NotBold"/>')
    bold_para, bold_char = '<w:pStyle w:val="BoldPara"/>', '<w:rStyle w:val="BoldChar"/>'
    cell = (
        p(r("table+para"), ppr=bold_para) + p(r("table+para+char", bold_char), ppr=bold_para) + p(r("table"))
    )
    table = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="BoldTable"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid>'
        f"<w:tr><w:tc>{cell}</w:tc></w:tr></w:tbl>"
    )
    got = dict(formats(read(body + table, styles=styles)))
    assert got["style"] == fmt(bold=True, italic=True)
    assert got["xor"] == fmt(bold=False, italic=True, caps=True)  # bold in paragraph AND character style
    assert got["direct-off"] == fmt(bold=False, italic=True)
    assert got["direct-on"] == fmt(bold=True, italic=True, caps=True)  # direct is absolute
    assert got["false"] == fmt()
    assert got["chain"] == fmt(bold=False, italic=True)
    assert got["table+para"] == fmt(bold=False, italic=True)  # table style ⊕ paragraph style
    assert got["table+para+char"] == fmt(bold=True, italic=True, caps=True)  # three levels: odd count
    assert got["table"] == fmt(bold=True)


def test_complex_script_sizes_and_toggles() -> None:
    styles = styles_xml(
        style(
            "Normal",
            default=True,
            rpr=f'<w:rFonts w:ascii="{TNR}" w:hAnsi="{TNR}" w:cs="Arial"/>'
            '<w:sz w:val="28"/><w:szCs w:val="26"/><w:bCs/>',
        ),
    )
    body = p(r("latin"), r("cs", "<w:cs/>"), r("rtl", '<w:rtl/><w:bCs w:val="0"/>'))
    assert formats(read(body, styles=styles)) == [
        ("latin", fmt(TNR, 14.0)),
        ("cs", fmt("Arial", 13.0, bold=True)),
        ("rtl", fmt("Arial", 13.0, bold=False)),
    ]


def test_theme_fonts_resolved_through_theme_part() -> None:
    styles = styles_xml(
        style("Normal", default=True),
        style(
            "Heading", based="Normal", rpr='<w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/>'
        ),
        rpr='<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/>' + sz(14),
    )
    body = p(r("minor")) + p(r("major"), ppr='<w:pStyle w:val="Heading"/>') + p(r("direct", fonts("Arial")))
    doc = read(body, styles=styles, theme=theme_xml())
    assert [(t, f.font) for t, f in formats(doc)] == [
        ("minor", TNR),
        ("major", "Cambria"),
        ("direct", "Arial"),
    ]
    # Without a theme part the theme slots are unknown.
    assert formats(read(body, styles=styles))[0][1].font is None


def test_theme_font_in_document_only() -> None:
    body = p(r("x", '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>'))
    assert formats(read(body, styles=styles_xml(rpr=sz(14)), theme=theme_xml()))[0][1].font == TNR


def test_theme_attribute_wins_in_its_element_and_nearest_level_wins() -> None:
    """§17.3.2.26: hAnsi is ignored when hAnsiTheme is also given; the nearest level naming the slot wins."""
    styles = styles_xml(
        style("Normal", default=True),
        style(
            "Themed", based="Normal", rpr='<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>'
        ),
        # LibreOffice writes both forms in docDefaults and a plain name in Normal.
        style("Plain", based="Themed", rpr=fonts("Tahoma")),
        rpr='<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/>'
        + sz(14),
    )
    body = (
        p(r("defaults"))
        + p(r("themed-style"), ppr='<w:pStyle w:val="Themed"/>')
        + p(r("plain-style"), ppr='<w:pStyle w:val="Plain"/>')
        + p(r("both-direct", '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:hAnsiTheme="minorHAnsi"/>'))
        + p(r("plain-direct", fonts("Calibri")), ppr='<w:pStyle w:val="Themed"/>')
    )
    got = {t: f.font for t, f in formats(read(body, styles=styles, theme=theme_xml(TNR, "Cambria")))}
    assert got == {
        "defaults": "Cambria",
        "themed-style": TNR,
        "plain-style": "Tahoma",
        "both-direct": TNR,
        "plain-direct": "Calibri",
    }


STYLE_SET = [
    style("Normal", default=True, rpr=fonts(TNR) + sz(14)),
    style("Strong", based="Normal", rpr="<w:b/>" + sz(13), ppr='<w:jc w:val="center"/>', name="Đậm"),
]
STYLED_BODY = p(r("strong"), ppr='<w:pStyle w:val="Strong"/>') + p(r("normal"))
STYLED_EXPECTED = [("strong", fmt(TNR, 13.0, bold=True)), ("normal", fmt(TNR, 14.0))]


def _renamed(xml: str, prefix: str) -> str:
    out = xml.replace("<w:", f"<{prefix}:").replace("</w:", f"</{prefix}:").replace(" w:", f" {prefix}:")
    return out.replace("xmlns:w=", f"xmlns:{prefix}=")


@pytest.mark.parametrize("variant", ["w", "ns0", "default-ns", "per-element"])
def test_styles_namespace_prefixes(variant: str) -> None:
    inner = (
        "".join(STYLE_SET)
        + f"<w:docDefaults><w:rPrDefault><w:rPr>{sz(11)}</w:rPr></w:rPrDefault></w:docDefaults>"
    )
    if variant == "w":
        xml, fast = f'<w:styles xmlns:w="{W_NS}">{inner}</w:styles>', True
    elif variant == "ns0":
        xml, fast = _renamed(f'<w:styles xmlns:w="{W_NS}">{inner}</w:styles>', "ns0"), True
        assert "w:" not in xml and "xmlns:ns0=" in xml
    elif variant == "default-ns":
        # Elements in the default namespace; attributes must stay qualified (w:val…).
        xml = f'<styles xmlns="{W_NS}" xmlns:w="{W_NS}">{inner}</styles>'.replace("<w:", "<").replace(
            "</w:", "</"
        )
        fast = False
    else:  # the namespace declared on each element, not on the root: only a full parse understands it
        xml = (
            f'<x:styles xmlns:x="{W_NS}">'
            + "".join(s.replace("<w:style ", f'<w:style xmlns:w="{W_NS}" ', 1) for s in STYLE_SET)
            + "</x:styles>"
        )
        fast = False
    data = (DECL + xml).encode()
    assert bool(StyleSheet(data)._raw) is fast  # which path indexed the sheet
    doc = read(STYLED_BODY, styles=DECL + xml)
    assert formats(doc) == STYLED_EXPECTED
    assert doc.paragraphs[0].style == "Đậm" and doc.paragraphs[0].align == "center"


def test_missing_styles_part() -> None:
    unknown = fmt(font=None, size=10.0)  # ECMA-376 defaults: 10 pt, nothing toggled, no font named
    assert formats(read(p(r("x")))) == [("x", unknown)]
    # A relationship to a styles part that is not in the package.
    doc = read(p(r("y", "<w:b/>")), rels=[("rIdX", "styles", "styles.xml")])
    assert formats(doc) == [("y", fmt(font=None, size=10.0, bold=True))]


# ------------------------------------------------------------ text content
def test_hidden_text_is_skipped() -> None:
    body = p(r("Điều 1. "), r("ẩn ", "<w:vanish/>"), r("hiện", '<w:vanish w:val="0"/>'))
    assert read(body).paragraphs[0].text == "Điều 1. hiện"


def test_special_run_content() -> None:
    run = (
        "<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:noBreakHyphen/><w:t>d</w:t>"
        '<w:sym w:font="Symbol" w:char="F02A"/><w:sym w:font="Wingdings" w:char="F0A7"/><w:cr/>'
        '<w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>e</w:t>'
        "<w:softHyphen/><w:lastRenderedPageBreak/><w:t>f</w:t></w:r>"
    )
    assert read(p(run)).paragraphs[0].text == "a\tb\nc-d*§\n\tef"


def test_text_is_nfc() -> None:
    decomposed = "Ho\u0300a"  # "Hòa" with a combining grave accent
    para = read(p(r(decomposed))).paragraphs[0]
    assert para.text == "Hòa" and para.runs[0].text == "Hòa"


def test_hyperlinks_revisions_fields_and_smart_tags() -> None:
    body = p(
        r("Xem "),
        f'<w:hyperlink r:id="rId9">{r("Điều lệ")}</w:hyperlink>',
        f'<w:ins w:id="1" w:author="A">{r(" Đảng")}</w:ins>',
        '<w:del w:id="2" w:author="A"><w:r><w:delText>bỏ đi</w:delText></w:r></w:del>',
        f'<w:moveFrom w:id="3" w:author="A">{r("cũ")}</w:moveFrom>',
        f'<w:moveTo w:id="4" w:author="A">{r(";")}</w:moveTo>',
        f'<w:smartTag w:uri="u" w:element="place">{r(" An Hòa")}</w:smartTag>',
        f'<w:fldSimple w:instr=" DATE ">{r(" 2025")}</w:fldSimple>',
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> NUMPAGES </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r("/3")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    )
    assert read(body).paragraphs[0].text == "Xem Điều lệ Đảng; An Hòa 2025/3"


def test_content_controls_at_block_row_cell_and_run_level() -> None:
    def sdt(content: str) -> str:
        return f'<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>'

    cell_sdt = f"<w:tc>{p(r('cell-sdt'))}</w:tc>"
    table = (
        '<w:tbl><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>'
        + sdt(f"<w:tr><w:tc>{p(r('row-sdt'))}</w:tc><w:tc>{p(r('right'))}</w:tc></w:tr>")
        + f"<w:tr><w:tc>{p(r('plain'))}</w:tc>{sdt(cell_sdt)}</w:tr>"
        + "</w:tbl>"
    )
    body = sdt(p(r("block")) + table) + p(r("run: "), sdt(r("inside")), r(" after"))
    doc = read(body)
    assert [(x.text, x.loc.container, x.loc.row, x.loc.col) for x in doc.paragraphs] == [
        ("block", "body", None, None),
        ("row-sdt", "table", 0, 0),
        ("right", "table", 0, 1),
        ("plain", "table", 1, 0),
        ("cell-sdt", "table", 1, 1),
        ("run: inside after", "body", None, None),
    ]


def test_custom_xml_and_alternate_content_blocks() -> None:
    body = (
        f'<w:customXml w:element="x">{p(r("custom"))}</w:customXml>'
        f'<mc:AlternateContent><mc:Choice Requires="wps">{p(r("choice"))}</mc:Choice>'
        f"<mc:Fallback>{p(r('fallback'))}</mc:Fallback></mc:AlternateContent>"
    )
    assert [x.text for x in read(body).paragraphs] == ["custom", "choice"]


# ------------------------------------------------------------ tables
def tbl(rows: list[list[str]], widths: int = 2, tblpr: str = "") -> str:
    grid = "".join('<w:gridCol w:w="3000"/>' for _ in range(widths))
    body = "".join("<w:tr>" + "".join(rows_cell) + "</w:tr>" for rows_cell in rows)
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def tc(content: str, span: int = 1) -> str:
    pr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
    return f"<w:tc>{pr}{content}</w:tc>"


def test_nested_tables_and_locations() -> None:
    inner = tbl([[tc(p(r("n00"))), tc(p(r("n01")))], [tc(p(r("n10"))), tc(p(r("n11")))]])
    outer = tbl(
        [[tc(p(r("ĐẢNG BỘ TỈNH"))), tc(p(r("ĐẢNG CỘNG SẢN VIỆT NAM")) + inner + p(r("after nested")))]]
    )
    body = p(r("before")) + outer + tbl([[tc(p(r("third"))), tc(p())]])
    doc = read(body)
    got = [(x.text, x.loc) for x in doc.paragraphs]
    assert got == [
        ("before", Location(1, "body")),
        ("ĐẢNG BỘ TỈNH", Location(2, "table", 1, 0, 0, 2)),
        ("ĐẢNG CỘNG SẢN VIỆT NAM", Location(3, "table", 1, 0, 1, 2)),
        ("n00", Location(4, "table", 2, 0, 0, 2)),
        ("n01", Location(5, "table", 2, 0, 1, 2)),
        ("n10", Location(6, "table", 2, 1, 0, 2)),
        ("n11", Location(7, "table", 2, 1, 1, 2)),
        ("after nested", Location(8, "table", 1, 0, 1, 2)),
        ("third", Location(9, "table", 3, 0, 0, 2)),
        ("", Location(10, "table", 3, 0, 1, 2)),
    ]
    assert physical_side(doc.paragraphs[1]) == "left" and physical_side(doc.paragraphs[2]) == "right"
    assert doc.paragraphs[1].loc.describe() == "đoạn 2, bảng 1 (hàng 1, cột 1)"


def test_grid_span_columns() -> None:
    body = tbl(
        [
            [tc(p(r("wide")), span=2), tc(p(r("right")))],
            [tc(p(r("a"))), tc(p(r("b"))), tc(p(r("c")))],
        ],
        widths=3,
    )
    got = [(x.text, x.loc.row, x.loc.col, x.loc.ncols) for x in read(body).paragraphs]
    assert got == [("wide", 0, 0, 3), ("right", 0, 2, 3), ("a", 1, 0, 3), ("b", 1, 1, 3), ("c", 1, 2, 3)]


# ------------------------------------------------------------ text boxes
def drawing_box(text: str, position: str, fallback_text: str | None = None) -> str:
    fallback = (
        f'<mc:Fallback><w:pict><v:shape style="position:absolute;margin-left:0;width:200pt">'
        f"<v:textbox><w:txbxContent>{p(r(fallback_text))}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        if fallback_text is not None
        else "<mc:Fallback/>"
    )
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" '
        'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="margin">{position}</wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2700000" cy="900000"/><wp:wrapNone/><wp:docPr id="1" name="Text Box 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent>{p(r(text))}</w:txbxContent>'
        "</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"{fallback}</mc:AlternateContent></w:r>"
    )


def test_drawingml_text_boxes_choice_kept_fallback_dropped() -> None:
    body = p(
        r("anchor"),
        drawing_box("ĐẢNG BỘ TỈNH", "<wp:posOffset>0</wp:posOffset>", fallback_text="ĐẢNG BỘ TỈNH"),
        drawing_box(
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "<wp:posOffset>3600000</wp:posOffset>",
            fallback_text="ĐẢNG CỘNG SẢN VIỆT NAM",
        ),
        drawing_box("căn phải", "<wp:align>right</wp:align>"),
        drawing_box("căn trái", "<wp:align>left</wp:align>"),
    ) + p(r("next"))
    doc = read(body)
    got = [(x.text, x.loc.container, x.loc.col, x.loc.ncols, x.loc.paragraph) for x in doc.paragraphs]
    assert got == [
        ("anchor", "body", None, None, 1),
        ("ĐẢNG BỘ TỈNH", "textbox", 0, 2, 2),
        ("ĐẢNG CỘNG SẢN VIỆT NAM", "textbox", 1, 2, 3),
        ("căn phải", "textbox", 1, 2, 4),
        ("căn trái", "textbox", 0, 2, 5),
        ("next", "body", None, None, 6),
    ]
    assert [physical_side(x) for x in doc.paragraphs[1:5]] == ["left", "right", "right", "left"]
    assert doc.paragraphs[1].loc.describe() == "đoạn 2, hộp văn bản"


def test_fallback_used_when_there_is_no_choice() -> None:
    run = (
        '<w:r><mc:AlternateContent><mc:Fallback><w:pict><v:shape style="margin-left:300pt">'
        f"<v:textbox><w:txbxContent>{p(r('fallback only'))}</w:txbxContent></v:textbox></v:shape>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    doc = read(p(run))
    assert [(x.text, x.loc.col) for x in doc.paragraphs] == [("", None), ("fallback only", 1)]


def vml_box(text: str, style_attr: str, shape: str = "v:shape", inner: str | None = None) -> str:
    content = inner if inner is not None else p(r(text))
    return (
        f'<w:r><w:pict><{shape} id="t" style="{style_attr}">'
        f"<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></{shape}></w:pict></w:r>"
    )


@pytest.mark.parametrize(
    ("style_attr", "col"),
    [
        ("position:absolute;margin-left:0;margin-top:0;width:200pt", 0),
        ("position:absolute;margin-left:260pt;width:200pt", 1),
        ("position:absolute;margin-left:2cm", 0),
        ("position:absolute;margin-left:9.5cm", 1),
        ("position:absolute;margin-left:3.5in", 1),  # 252 pt
        ("position:absolute;margin-left:1in", 0),
        ("position:absolute;margin-left:95mm", 1),  # 269 pt
        ("position:absolute;margin-left:20mm", 0),
        ("position:absolute;width:200pt", None),
    ],
)
def test_vml_text_box_column(style_attr: str, col: int | None) -> None:
    doc = read(p(vml_box("hộp", style_attr)))
    assert [(x.text, x.loc.container, x.loc.col) for x in doc.paragraphs] == [
        ("", "body", None),
        ("hộp", "textbox", col),
    ]


def test_vml_rect_and_block_content_of_a_text_box() -> None:
    inner = (
        p(r("một"))
        + "<w:sdt><w:sdtContent>"
        + p(r("hai"))
        + "</w:sdtContent></w:sdt>"
        + tbl([[tc(p(r("ba")))]], 1)
    )
    doc = read(p(vml_box("", "margin-left:300pt", shape="v:rect", inner=inner)))
    assert [(x.text, x.loc.container, x.loc.col) for x in doc.paragraphs] == [
        ("", "body", None),
        ("một", "textbox", 1),
        ("hai", "textbox", 1),
        ("ba", "table", 0),
    ]


# ------------------------------------------------------------ numbering
def lvl(ilvl: int, num_fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{num_fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def numbering_xml(abstracts: dict[int, str], nums: dict[int, tuple[int, str]]) -> str:
    a = "".join(
        f'<w:abstractNum w:abstractNumId="{aid}">{levels}</w:abstractNum>'
        for aid, levels in abstracts.items()
    )
    n = "".join(
        f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{over}</w:num>'
        for nid, (aid, over) in nums.items()
    )
    return f'{DECL}<w:numbering xmlns:w="{W_NS}">{a}{n}</w:numbering>'


def np(text: str, num: int, ilvl: int = 0, rpr: str = "") -> str:
    return p(r(text, rpr), ppr=f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>')


def labels(doc: Document) -> list[str]:
    return [x.text for x in doc.paragraphs]


def test_numbering_article_letter_roman_formats() -> None:
    numbering = numbering_xml(
        {
            1: lvl(0, "decimal", "Điều %1."),
            2: lvl(0, "lowerLetter", "%1)"),
            3: lvl(0, "upperRoman", "Chương %1"),
        },
        {1: (1, ""), 2: (2, ""), 3: (3, "")},
    )
    body = (
        np("", 3)
        + np("Phạm vi điều chỉnh", 1, rpr="<w:b/>")
        + np("Dự thảo nghị quyết;", 2)
        + np("Báo cáo.", 2)
        + np("", 3)
        + np("Nguyên tắc", 1)
        + p(r("văn bản thường"))
        + p(r("numId 0"), ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>')
        + np("số lạ", 99)
    )
    doc = read(body, numbering=numbering, styles=styles_xml(rpr=BASE_DEFAULTS))
    assert labels(doc) == [
        "Chương I ",
        "Điều 1. Phạm vi điều chỉnh",
        "a) Dự thảo nghị quyết;",
        "b) Báo cáo.",
        "Chương II ",
        "Điều 2. Nguyên tắc",
        "văn bản thường",
        "numId 0",
        "số lạ",
    ]
    article = doc.paragraphs[1]
    assert article.label == "Điều 1."
    assert article.runs[0].text == "Điều 1. " and article.runs[0].fmt == fmt(
        bold=True
    )  # label takes the text's format
    assert article.prefix_attr(len("Điều 1."), "bold") is True
    assert doc.paragraphs[0].plain == "Chương I" and doc.paragraphs[6].label == ""


def test_numbering_multilevel_and_restart_of_deeper_levels() -> None:
    numbering = numbering_xml(
        {1: lvl(0, "decimal", "%1.") + lvl(1, "decimal", "%1.%2.") + lvl(2, "lowerLetter", "%3)")},
        {1: (1, "")},
    )
    body = (
        np("A", 1, 0)
        + np("A1", 1, 1)
        + np("A1a", 1, 2)
        + np("A1b", 1, 2)
        + np("A2", 1, 1)
        + np("A2a", 1, 2)
        + np("B", 1, 0)
        + np("B1", 1, 1)
        + np("B1a", 1, 2)
    )
    assert labels(read(body, numbering=numbering)) == [
        "1. A",
        "1.1. A1",
        "a) A1a",
        "b) A1b",
        "1.2. A2",
        "a) A2a",
        "2. B",
        "2.1. B1",
        "a) B1a",
    ]


def test_numbering_deeper_level_first_uses_start_of_higher_levels() -> None:
    numbering = numbering_xml(
        {1: lvl(0, "decimal", "%1.", start=3) + lvl(1, "decimal", "%1.%2.")}, {1: (1, "")}
    )
    assert labels(read(np("x", 1, 1), numbering=numbering)) == ["3.1. x"]


def test_numbering_lvl_restart_zero_never_restarts() -> None:
    numbering = numbering_xml(
        {
            1: lvl(0, "upperRoman", "Chương %1")
            + lvl(1, "decimal", "Điều %2.", extra='<w:lvlRestart w:val="0"/>')
        },
        {1: (1, "")},
    )
    body = np("", 1, 0) + np("a", 1, 1) + np("b", 1, 1) + np("", 1, 0) + np("c", 1, 1)
    # Articles are numbered straight through the chapters.
    assert labels(read(body, numbering=numbering)) == [
        "Chương I ",
        "Điều 1. a",
        "Điều 2. b",
        "Chương II ",
        "Điều 3. c",
    ]


def test_numbering_start_override_and_shared_abstract_counter() -> None:
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    five = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'
    numbering = numbering_xml(
        {1: lvl(0, "decimal", "Điều %1."), 2: lvl(0, "decimal", "%1.")},
        {1: (1, ""), 2: (1, ""), 3: (1, restart), 4: (2, five)},
    )
    body = (
        np("a", 1)
        + np("b", 1)
        + np("c", 2)  # another w:num over the same abstractNum continues the list
        + np("d", 3)
        + np("e", 3)  # a w:num with startOverride restarts it on first use
        + np("f", 1)  # …and the earlier instance continues from there
        + np("x", 4)
        + np("y", 4)
    )
    assert labels(read(body, numbering=numbering)) == [
        "Điều 1. a",
        "Điều 2. b",
        "Điều 3. c",
        "Điều 1. d",
        "Điều 2. e",
        "Điều 3. f",
        "5. x",
        "6. y",
    ]


def test_numbering_level_override_and_style_numbering() -> None:
    override = f'<w:lvlOverride w:ilvl="0">{lvl(0, "upperLetter", "Mục %1:", start=2)}</w:lvlOverride>'
    numbering = numbering_xml({1: lvl(0, "decimal", "%1.")}, {1: (1, ""), 2: (1, override)})
    styles = styles_xml(
        style("Normal", default=True),
        style("Dieu", based="Normal", ppr='<w:numPr><w:numId w:val="1"/></w:numPr>', rpr="<w:b/>"),
        rpr=BASE_DEFAULTS,
    )
    body = p(r("theo kiểu"), ppr='<w:pStyle w:val="Dieu"/>') + np("ghi đè", 2)
    doc = read(body, numbering=numbering, styles=styles)
    assert labels(doc) == ["1. theo kiểu", "Mục B: ghi đè"]
    assert doc.paragraphs[0].runs[0].fmt == fmt(bold=True)


def test_bullets_render_as_dash_or_their_character() -> None:
    numbering = numbering_xml(
        {1: lvl(0, "bullet", "\uf0b7"), 2: lvl(0, "bullet", "–")},
        {1: (1, ""), 2: (2, "")},
    )
    assert labels(read(np("a", 1) + np("b", 2), numbering=numbering)) == ["- a", "– b"]


# ------------------------------------------------------------ sections
def header_part(content: str, tag: str = "hdr") -> str:
    return f"{DECL}<w:{tag} {NS}>{content}</w:{tag}>"


def sect(refs: str = "", extra: str = "") -> str:
    return (
        f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1134" w:right="850" w:bottom="-1134" w:left="1701" '
        'w:header="720" w:footer="720" w:gutter="0"/>'
        f"{extra}</w:sectPr>"
    )


HEADER_RELS = [
    ("rIdH1", "header", "header1.xml"),
    ("rIdH2", "header", "header2.xml"),
    ("rIdF1", "footer", "footer1.xml"),
]
HEADER_PARTS = {
    "word/header1.xml": header_part(
        p(
            f'<w:fldSimple w:instr=" PAGE   \\* MERGEFORMAT ">{r("2")}</w:fldSimple>',
            ppr='<w:jc w:val="center"/>',
        )
    ),
    "word/header2.xml": header_part(p(r("Trang đầu"))),
    "word/footer1.xml": header_part(
        p(
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText>'
            '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + r("3")
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        ),
        "ftr",
    ),
}
REFS = (
    '<w:headerReference w:type="default" r:id="rIdH1"/><w:headerReference w:type="first" r:id="rIdH2"/>'
    '<w:footerReference w:type="default" r:id="rIdF1"/><w:headerReference w:type="even" r:id="rIdMissing"/>'
)


def test_section_page_setup_headers_and_footers() -> None:
    doc = read(p(r("x")) + sect(REFS, "<w:titlePg/>"), rels=HEADER_RELS, parts=HEADER_PARTS)
    [s] = doc.sections
    assert (s.width, s.height, s.landscape) == (11906, 16838, False)
    assert (s.margin_top, s.margin_bottom, s.margin_left, s.margin_right) == (1134, 1134, 1701, 850)
    assert s.title_page is True and doc.has_pages
    got = [(hf.where, hf.kind, hf.text, hf.has_page_field) for hf in s.parts]
    assert got == [
        ("header", "default", "2", True),
        ("header", "first", "Trang đầu", False),
        ("footer", "default", "3", True),
    ]
    header = s.parts[0].paragraphs[0]
    assert header.align == "center" and header.loc.container == "header"
    assert s.parts[2].paragraphs[0].loc.container == "footer"
    assert [x.text for x in doc.paragraphs] == ["x"]  # header text stays out of the main story


def test_section_break_in_paragraph_properties() -> None:
    first = (
        '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
        '<w:pgMar w:top="1000" w:right="1000" w:bottom="1000" w:left="1000"/>'
        '<w:titlePg w:val="0"/></w:sectPr>'
    )
    body = p(r("trang ngang"), ppr=first) + p(r("trang dọc")) + sect()
    doc = read(body)
    assert [(s.width, s.landscape, s.margin_left, s.title_page) for s in doc.sections] == [
        (16838, True, 1000, False),
        (11906, False, 1701, False),
    ]
    assert [x.text for x in doc.paragraphs] == ["trang ngang", "trang dọc"]


def test_no_section_properties() -> None:
    doc = read(p(r("x")))
    assert len(doc.sections) == 1 and doc.sections[0].width is None and not doc.has_pages


# ------------------------------------------------------------ package
def test_absolute_relationship_targets() -> None:
    styles = styles_xml(*STYLE_SET)
    data = package(STYLED_BODY, styles=styles, main_target="/word/document.xml", rel_prefix="/word/")
    assert formats(read_docx(data, "t.docx")) == STYLED_EXPECTED


def test_main_part_not_named_document_xml() -> None:
    body = STYLED_BODY + sect('<w:headerReference w:type="default" r:id="rIdH1"/>')
    data = package(
        body,
        styles=styles_xml(*STYLE_SET),
        main="word/main.xml",
        rels=HEADER_RELS[:1],
        parts={"word/header1.xml": HEADER_PARTS["word/header1.xml"]},
    )
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert "word/document.xml" not in z.namelist()
    doc = read_docx(data, "t.docx")
    assert formats(doc) == STYLED_EXPECTED
    assert doc.sections[0].parts[0].has_page_field


def test_main_part_in_another_folder_with_relative_targets() -> None:
    data = package(
        STYLED_BODY, styles=styles_xml(*STYLE_SET), main="content/body.xml", rel_prefix="../content/"
    )
    assert formats(read_docx(data, "t.docx")) == STYLED_EXPECTED
