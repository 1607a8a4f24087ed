"""The DOCX reader's shortcuts give exactly what reading every element gives.

Run and paragraph properties are looked up by the source text of their w:rPr / w:pPr (when the markup
makes that text certain) or by a (tag, attributes) key of their children; small parts are inflated in
one go; white space is collapsed with ``str.split``. Each test compares a shortcut with the plain path.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import FrozenInstanceError, replace

import pytest
from lxml import etree

from quyche.errors import ReadError
from quyche.model import Document, Location, Paragraph
from quyche.readers.docx import reader
from quyche.readers.docx.ooxml import W_NS, parse_rpr, rpr_key, rpr_props
from quyche.readers.docx.styles import StyleSheet
from quyche.readers.package import Package
from quyche.readers.xmlsafe import parse_xml
from quyche.text import _FOLD, fold, squash
from test_docx_reader import NS, TNR, fonts, p, package, r, style, styles_xml, sz

STYLES = styles_xml(
    style("Normal", default=True, rpr=fonts(TNR) + sz(14)),
    style("Head", based="Normal", rpr="<w:b/>", ppr='<w:jc w:val="center"/>', name="Tiêu đề"),
    style("Em", kind="character", rpr="<w:i/><w:caps/>"),
    style("Grid", kind="table", rpr=sz(12) + "<w:b/>"),
)
NUMBERING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="Điều %1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    "</w:numbering>"
)
RFONTS_AB = '<w:rFonts w:ascii="Arial" w:hAnsi="Tahoma"/>'
RFONTS_BA = '<w:rFonts w:hAnsi="Tahoma" w:ascii="Arial"/>'
BODY = "".join(
    [
        p(r("cùng ", RFONTS_AB), r("thuộc tính", RFONTS_BA), r(" đảo thứ tự", RFONTS_AB + "<w:b/>")),
        p(r("ẩn", "<w:vanish/>"), r("hiện", '<w:vanish w:val="0"/>'), r("ẩn nữa", '<w:vanish w:val="1"/>')),
        p(r("đậm", "<w:b/>"), r("không đậm", '<w:b w:val="0"/>'), r("gạch", '<w:u w:val="none"/>'), r("u", "<w:u/>")),
        p(r("kiểu ký tự", '<w:rStyle w:val="Em"/>'), r("cỡ", sz(13)), r("trống")),
        '<w:p><w:r><w:rPr/><w:t>rPr rỗng</w:t></w:r><w:r><w:t>không rPr</w:t></w:r></w:p>',
        p(r("Tiêu đề"), ppr='<w:pStyle w:val="Head"/>'),
        p(r("Tiêu đề phải"), ppr='<w:pStyle w:val="Head"/><w:jc w:val="right"/>'),
        p(r("thụt"), ppr='<w:ind w:start="567" w:end="283"/>'),
        p(r("thụt"), ppr='<w:ind w:left="567" w:right="283"/>'),
        p(r("viền"), ppr='<w:pBdr><w:bottom w:val="dashed"/></w:pBdr>'),
        p(r("Quy định chung"), ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'),
        p(r("Phạm vi"), ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'),
        '<w:p><w:pPr/><w:r><w:t>pPr rỗng</w:t></w:r></w:p><w:p><w:r><w:t>không pPr</w:t></w:r></w:p>',
        p(r("ngắt đoạn"), ppr='<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'),
        '<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/></w:tblPr><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>'
        f"<w:tr><w:tc>{p(r('ô bảng'), r('ô nghiêng', '<w:i/>'))}</w:tc></w:tr></w:tbl>",
        p(r("cùng ", RFONTS_AB), ppr='<w:jc w:val="center"/>'),
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:bottom="1134"/></w:sectPr>',
    ]
)


def model(doc: Document) -> str:
    def paras(ps: list[Paragraph]) -> list[object]:
        return [
            (x.text, [(run.text, run.fmt) for run in x.runs], x.loc, x.align, x.indent_left, x.indent_right,
             x.border_bottom, x.style, x.label, x.lines, x.plain)
            for x in ps
        ]

    sections = [(s.width, s.height, s.margin_top, [(h.kind, paras(h.paragraphs)) for h in s.parts])
                for s in doc.sections]
    return repr((paras(doc.paragraphs), sections))


def read_both(data: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[Document, Document]:
    fast = reader.read_docx(data, "t.docx")
    with monkeypatch.context() as m:
        m.setattr(reader, "_raw_keys", lambda data, root: {})
        m.setattr(reader, "_simple_paragraphs", lambda data, root: {})
        slow = reader.read_docx(data, "t.docx")
    return fast, slow


def raw_keys(data: bytes) -> dict[etree._Element, bytes]:
    pkg = Package(data)
    root, raw = pkg.xml_and_bytes("word/document.xml")
    keys: dict[etree._Element, bytes] = reader._raw_keys(raw, root)
    return keys


def test_source_text_keys_give_the_element_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    data = package(BODY, styles=STYLES, numbering=NUMBERING)
    keys = raw_keys(data)
    assert len(keys) == BODY.count("<w:pPr") + BODY.count("<w:rPr")  # every pPr and rPr has its text
    fast, slow = read_both(data, monkeypatch)
    assert model(fast) == model(slow)
    texts = [x.text for x in fast.paragraphs]
    assert texts[1] == "hiện" and texts[10] == "Điều 1. Quy định chung" and texts[11] == "Điều 2. Phạm vi"
    assert [run.fmt.font for run in fast.paragraphs[0].runs] == ["Tahoma"] * 3  # attribute order is irrelevant
    assert len(fast.sections) == 2 and fast.paragraphs[7].indent_left == 567


@pytest.mark.parametrize(
    "odd",
    [
        "<!-- <w:rPr><w:b/></w:rPr> -->",  # a comment: the bytes hold more than the tree
        '<w:p xmlns:w="urn:not-word"><w:r><w:rPr><w:b/></w:rPr><w:t>x</w:t></w:r></w:p>',  # w rebound
        '<w:p><w:r><w:rPr w:rsidR="00AB"><w:b/></w:rPr><w:t>thuộc tính</w:t></w:r></w:p>',  # attributes
        '<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="1"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr>'
        "<w:t>sửa</w:t></w:r></w:p>",  # nested rPr
        "<w:p><w:pPr><w:jc w:val=\"center\"/><w:pPrChange w:id=\"2\"><w:pPr/></w:pPrChange></w:pPr>"
        "<w:r><w:t>sửa đoạn</w:t></w:r></w:p>",  # nested pPr
        "<w:p><w:r><w:t><![CDATA[<w:rPr/>]]></w:t></w:r></w:p>",  # markup-looking text
        '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>"xmlns" trong văn bản</w:t></w:r></w:p>',
    ],
)
def test_odd_markup_falls_back_to_the_element_walk(odd: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = package(BODY + odd, styles=STYLES, numbering=NUMBERING)
    keys = raw_keys(data)
    root = Package(data).xml("word/document.xml")
    tags = {el.tag for el in keys}
    # the kind of element written oddly (or every kind, when the part as a whole is odd) has no keys
    assert not keys or len(keys) < sum(1 for _ in root.iter(reader._W_RPR, reader._W_PPR))
    assert tags <= {reader._W_RPR, reader._W_PPR}
    fast, slow = read_both(data, monkeypatch)
    assert model(fast) == model(slow)


def test_rpr_key_is_a_faithful_stand_in() -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    a = parse_xml(f'<w:rPr {w}><w:rFonts w:ascii="A" w:hAnsi="B"/><w:b w:val="0"/><w:sz w:val="27"/></w:rPr>'.encode(),
                  "t")
    b = parse_xml(f'<w:rPr {w}><w:rFonts w:hAnsi="B" w:ascii="A"/><w:b w:val="0"/><w:sz w:val="27"/></w:rPr>'.encode(),
                  "t")
    c = parse_xml(f'<w:rPr {w}><w:rFonts w:ascii="B" w:hAnsi="A"/><w:b w:val="0"/><w:sz w:val="27"/></w:rPr>'.encode(),
                  "t")
    assert parse_rpr(a) == parse_rpr(b) == rpr_props(rpr_key(a)) == {
        "font_ascii": "A", "font_hAnsi": "B", "b": False, "sz": 13.5,
    }
    assert rpr_key(a) != rpr_key(c) and parse_rpr(c)["font_ascii"] == "B"  # same values, other attributes


def test_white_space_collapse_matches_the_regular_expression() -> None:
    spaces = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    samples = [
        "", " ", spaces, f"{spaces}Điều{spaces}1.{spaces}", "a\u00a0\u00a0b\tc\n\nd",
        "\u200bx\u200b",  # a zero-width space is no white space
        "  ĐẢNG\u3000BỘ\u2003XÃ  ", "\x1c\x1d\x1e\x1fx\x85y", "Hoà – hòa\u2013ỦY",
    ]
    ws = re.compile(r"\s+")
    for s in samples:
        assert squash(s) == ws.sub(" ", s.replace("\u00a0", " ")).strip()
        assert fold(s) == ws.sub(" ", s.translate(_FOLD)).strip()



def test_paragraph_plain_shortcut_matches_squash() -> None:
    # Paragraph keeps printable text without doubled or edge spaces as is: every other white-space
    # character must be unprintable for that to be the collapse.
    assert not [c for c in range(sys.maxunicode + 1) if chr(c).isspace() and c != 32 and chr(c).isprintable()]
    spaces = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    samples = ["", " ", "x", " x", "x ", "a  b", "a b", "Điều 1. Phạm vi", spaces, f"a{spaces}b", "​x ​",
               *(f"a{c}b" for c in spaces), *(f"{c}a" for c in spaces), *(f"a{c}" for c in spaces)]
    for s in samples:
        assert Paragraph(s, [], Location(1)).plain == squash(s) == " ".join(s.split())


def test_location_init_is_the_dataclass_init() -> None:
    a = Location(3, "table", 1, 2, 3, 4)
    values = (a.paragraph, a.container, a.table, a.row, a.col, a.ncols, a.page, a.line)
    assert values == (3, "table", 1, 2, 3, 4, None, None)
    b = Location(paragraph=3, container="table", table=1, row=2, col=3, ncols=4)
    assert a == b and hash(a) == hash(b) and replace(a, col=1) == Location(3, "table", 1, 2, 1, 4)
    assert Location(7) == Location(7, "body", None, None, None, None, None, None)
    assert repr(Location(2, line=5)).startswith("Location(paragraph=2, container='body'")
    with pytest.raises(FrozenInstanceError):
        a.col = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        Location()  # type: ignore[call-arg]


def corrupt_part(data: bytes, name: str) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info, src.read(info.filename))
    raw = bytearray(out.getvalue())
    info = zipfile.ZipFile(io.BytesIO(bytes(raw))).getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 4, start + min(info.compress_size, 40)):
        raw[i] ^= 0x5A  # damage the deflate stream
    return bytes(raw)


def test_small_damaged_part_fails_as_before() -> None:
    data = corrupt_part(package(BODY, styles=STYLES), "word/document.xml")
    with pytest.raises(ReadError) as err:
        reader.read_docx(data, "t.docx")
    assert "word/document.xml" in str(err.value)
    pkg = Package(data)
    with pytest.raises(ReadError) as again:
        pkg.read("word/document.xml")
    assert str(again.value) == str(err.value) and pkg._inflated <= len(BODY.encode()) + 1000


# ------------------------------------------------------------ styles found on demand
LAZY_STYLES = [
    style("Normal", default=True, rpr=fonts(TNR) + sz(14)),
    style("Normal", rpr=sz(20)),  # a second definition of an id: the first one counts
    style("Late", default=True, rpr=sz(9)),  # a second default of the type: the first one counts
    style("Em", kind="character", default=True, rpr="<w:i/>"),
    style("Em", kind="table", default=True, rpr="<w:b/>"),  # default, but its id is taken: ignored
    style("Grid", kind="table", default=True, based="Base", rpr=sz(12)),
    style("Base", kind="table", rpr="<w:caps/>"),
    '<w:style w:type="paragraph" w:styleId="Empty"/>',
    '<w:style\n\tw:default="true" w:type="numbering" w:styleId="NoList"></w:style>',
    '<w:style w:type="paragraph" w:default="0" w:styleId="Off"><w:name w:val="off"/></w:style>',
    '<w:latentStyles w:defQFormat="0"><w:lsdException w:name="Normal"/></w:latentStyles>',
    style("Đề mục", based="Normal", rpr="<w:b/>", name="Đề mục"),
    style("NormalX", default=True),  # the id "Normal" is a prefix of this one
]


def _scanned(data: bytes) -> StyleSheet:
    sheet = StyleSheet(None)
    sheet._data = data
    if not sheet._index_fast():
        sheet._index_full()
    return sheet


@pytest.mark.parametrize("order", [1, -1])
def test_styles_found_on_demand_match_the_full_scan(order: int) -> None:
    data = styles_xml(*LAZY_STYLES[::order], rpr=sz(11)).encode()
    lazy, scanned = StyleSheet(data), _scanned(data)
    assert lazy._lazy is not None and scanned._lazy is None
    full = StyleSheet(None)
    full._data = data
    full._index_full()
    ids = ["Normal", "Late", "Em", "Grid", "Base", "Empty", "NoList", "Off", "Đề mục", "NormalX", "Nope", ""]
    kinds = ["paragraph", "character", "table", "numbering", "other"]
    # The scan counts a default only where a style's id is first given (the full parse counts a later
    # duplicate too): the lazy index answers as the scan does.
    assert [lazy.default_id(k) for k in kinds] == [scanned.default_id(k) for k in kinds]
    for sheet in (scanned, full):
        assert [lazy.get(i) for i in ids] == [sheet.get(i) for i in ids]
        assert (lazy.doc_rpr, lazy.doc_ppr) == (sheet.doc_rpr, sheet.doc_ppr)
    for pstyle in (None, "Normal", "Đề mục", "Nope"):
        for tstyle in (None, "Grid", "Em"):
            assert lazy.run_format(pstyle, {}, tstyle) == scanned.run_format(pstyle, {}, tstyle)
            assert lazy.paragraph_props(pstyle, {}, tstyle) == scanned.paragraph_props(pstyle, {}, tstyle)


@pytest.mark.parametrize(
    "odd",
    [
        "<!-- <w:style w:styleId='x'/> -->",  # a comment could hide a start tag
        "<?pi data?>",
        f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:styleId="Again"/>',  # the namespace declared again
    ],
)
def test_styles_on_demand_only_when_the_markup_is_certain(odd: str) -> None:
    data = styles_xml(*LAZY_STYLES[:4], odd).encode()
    sheet = StyleSheet(data)
    assert sheet._lazy is None
    scanned = _scanned(data)
    assert [sheet.get(i) for i in ("Normal", "Em", "Again")] == [scanned.get(i) for i in ("Normal", "Em", "Again")]


def test_theme_part_read_only_for_a_theme_font() -> None:
    loads: list[int] = []

    def theme() -> dict[str, str]:
        loads.append(1)
        return {"minorHAnsi": "Cambria"}

    data = styles_xml(style("Normal", default=True, rpr=sz(14)), rpr='<w:rFonts w:hAnsiTheme="minorHAnsi"/>').encode()
    sheet = StyleSheet(data, theme)
    assert sheet.run_format(None, {"font_hAnsi": "Arial"}).font == "Arial" and not loads
    assert sheet.run_format(None, {}).font == "Cambria" and len(loads) == 1
    assert sheet.run_format(None, {"sz": 12.0}).font == "Cambria" and len(loads) == 1


def test_style_id_with_undecodable_bytes_is_looked_up_as_the_scan_does() -> None:
    data = styles_xml(*LAZY_STYLES[:4]).encode().replace(b'w:styleId="Em"', b'w:styleId="E\xffm"')
    lazy, scanned = StyleSheet(data), _scanned(data)
    assert lazy._lazy is not None
    for sid in ("E\ufffdm", "Em", "Normal"):
        assert lazy._raw.get(sid) == scanned._raw.get(sid)
        assert lazy.get(sid) == scanned.get(sid)
    assert bool(lazy._raw) and lazy.default_id("character") == scanned.default_id("character")


# Paragraphs made only of a w:pPr and plain text runs are read from the part's bytes (_SIMPLE_P): each
# case twice, so that the second meets properties already resolved (the first is read through its elements).
PLAIN_CASES = [
    '<w:p><w:r><w:t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#272;&#x1EA0; &#x1F600; 😀</w:t></w:r></w:p>',
    '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">  hai  khoảng  </w:t></w:r></w:p>',
    "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>  không preserve\t</w:t></w:r></w:p>",
    "<w:p><w:r><w:t>dòng\nmới &#10; và tab &#9;.</w:t></w:r></w:p>",
    "<w:p><w:r><w:t>về đầu dòng &#13; giữa</w:t></w:r></w:p>",  # a carriage return: the element walk
    "<w:p><w:r><w:t>CR LF\r\ntrong byte\rnữa</w:t></w:r></w:p>",  # the parser turns them into line feeds
    "<w:p><w:r><w:t>a > b ]] c</w:t></w:r></w:p>",
    "<w:p><w:r><w:t></w:t></w:r></w:p>",
    "<w:p><w:r><w:rPr><w:i/></w:rPr><w:t/></w:r><w:r><w:t xml:space=\"preserve\"/></w:r></w:p>",
    '<w:p><w:r w:rsidR="00AB12"><w:t xml:space="preserve" w:lang="vi">thuộc tính</w:t></w:r></w:p>',
    '<w:p w:x="a>b"><w:r w:x="c>d"><w:t xml:space="preserve" w:x="e>f">"&gt;" trong thuộc tính</w:t></w:r></w:p>',
    "<w:p><w:r><w:t xml:space='preserve' w:x='g>h'>nháy đơn</w:t></w:r></w:p>",
    "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r></w:p>",
    '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn </w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr>'
    "<w:t>hiện</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t/></w:r><w:r><w:t> &amp; cuối</w:t></w:r></w:p>",
    "<w:p><w:r><w:rPr><w:b/></w:rPr></w:r><w:r><w:t>sau run không chữ</w:t></w:r><w:r/></w:p>",
    '<w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:rPr/><w:t>căn giữa</w:t></w:r>'
    "<w:r><w:rPr><w:b/></w:rPr><w:t> đậm</w:t></w:r></w:p>",
    '<w:p w:rsidR="00A1" w:rsidRDefault="00B2"><w:pPr/><w:r><w:t>pPr rỗng</w:t></w:r></w:p>',
    "<w:p/><w:p></w:p><w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr></w:p>",
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Điều</w:t></w:r></w:p>',
    '<w:p><w:pPr><w:pStyle w:val="Head"/></w:pPr><w:r><w:rPr><w:rStyle w:val="Em"/></w:rPr><w:t>kiểu</w:t></w:r></w:p>',
    '<w:p><w:pPr><w:jc w:val="both"/><w:pPrChange w:id="3"><w:pPr/></w:pPrChange></w:pPr>'
    "<w:r><w:t>sửa đoạn</w:t></w:r></w:p>",  # a nested pPr: the element walk
    '<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="4"><w:rPr/></w:rPrChange></w:rPr><w:t>sửa chữ</w:t></w:r></w:p>',
    '<w:p><w:bookmarkStart w:id="1" w:name="a"/><w:r><w:t>dấu trang</w:t></w:r><w:bookmarkEnd w:id="1"/></w:p>',
    "<w:p><w:r><w:t>hai</w:t><w:t> w:t</w:t></w:r><w:r><w:tab/><w:t>tab</w:t></w:r></w:p>",
    "<w:p> <w:r><w:t>khoảng trắng giữa thẻ</w:t></w:r></w:p>",
    '<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/></w:tblPr><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>'
    f"<w:tr><w:tc>{p(r('ô bảng'), r('ô nghiêng', '<w:i/>'))}<w:p/></w:tc></w:tr></w:tbl>",
    p(r("ngắt đoạn"), ppr='<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'),
]
HEADER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f"<w:hdr {NS}>{p(r('đầu trang'))}{p(r('đầu trang'))}{p(r('Trang &amp; số', '<w:b/>'))}</w:hdr>"
)


def plain_package(extra: str = "") -> bytes:
    body = "".join(PLAIN_CASES) * 2 + extra + (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
    )
    return package(body, styles=STYLES, numbering=NUMBERING, parts={"word/header1.xml": HEADER},
                   rels=[("rIdH1", "header", "header1.xml")])


def test_plain_paragraphs_from_the_bytes_give_the_element_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    data = plain_package()
    pkg = Package(data)
    root, raw = pkg.xml_and_bytes("word/document.xml")
    simple = reader._simple_paragraphs(raw, root)
    assert len(simple) == sum(1 for _ in root.iter(reader._W_P))
    plain = sum(1 for groups in simple.values() if groups[6])
    assert 30 <= plain < len(simple)  # most cases are plain, the odd ones are not
    fast, slow = read_both(data, monkeypatch)
    assert model(fast) == model(slow)
    texts = [x.text for x in fast.paragraphs]
    assert texts[0] == "a & b <c> \"d\" 'e' ĐẠ 😀 😀"
    assert texts[1] == "  hai  khoảng  " and texts[3] == "dòng\nmới \n và tab \t."
    assert texts[4] == "về đầu dòng \r giữa" and texts[5] == "CR LF\ntrong byte\nnữa"
    assert texts[10] == '">" trong thuộc tính' and texts[11] == "nháy đơn"
    assert [r.text for r in fast.paragraphs[13].runs] == ["hiện", " & cuối"]
    assert fast.sections[-1].parts[0].paragraphs[2].text == "Trang & số"
    assert fast.sections[-1].parts[0].paragraphs[2].runs[0].fmt.bold


@pytest.mark.parametrize(
    "odd",
    [
        "<!-- <w:p><w:r><w:t>x</w:t></w:r></w:p> -->",  # more w:p in the bytes than in the tree
        '<w:p xmlns:w="urn:not-word"><w:r><w:t>x</w:t></w:r></w:p>',  # w rebound
        "<w:p><w:r><w:t><![CDATA[<w:p>]]></w:t></w:r></w:p>",
    ],
)
def test_odd_markup_reads_no_paragraph_from_the_bytes(odd: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = plain_package(odd)
    root, raw = Package(data).xml_and_bytes("word/document.xml")
    assert reader._simple_paragraphs(raw, root) == {}
    fast, slow = read_both(data, monkeypatch)
    assert model(fast) == model(slow)


@pytest.mark.parametrize(
    ("spaced", "text"),
    [
        ('<w:p><w:r><w:rPr><w:b/></w:rPr ><w:t>một</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>hai</w:t></w:r></w:p>',
         "mộthai"),
        ('<w:p><w:pPr><w:jc w:val="center"/></w:pPr\n><w:r><w:rPr><w:i/></w:rPr><w:t>ba</w:t></w:r></w:p>', "ba"),
        ('<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="5"></w:rPrChange></w:rPr><w:t>bốn</w:t></w:r></w:p>', "bốn"),
    ],
)
def test_end_tags_written_with_white_space_end_the_texts(
    spaced: str, text: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """"</w:rPr >" is an end tag too: a run's properties stop there (they once ran on into the next run,
    and the reader failed with an IndexError on well-formed XML)."""
    data = plain_package(spaced + spaced)
    fast, slow = read_both(data, monkeypatch)
    assert model(fast) == model(slow)
    assert [x.text for x in fast.paragraphs].count(text) == 2


def test_other_encodings_read_no_paragraph_from_the_bytes() -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    text = f'<w:document {w}><w:body><w:p><w:r><w:t>ĐÂ</w:t></w:r></w:p></w:body></w:document>'
    for decl, encoding in (("", "utf-8"), ('<?xml version="1.0" encoding="UTF-8"?>', "utf-8"),
                           ("<?xml version='1.0' encoding='windows-1258'?>", "cp1258")):
        data = (decl + text).encode(encoding)
        root = parse_xml(data, "t")
        assert bool(reader._simple_paragraphs(data, root)) is (encoding == "utf-8")


def test_fix_sees_the_elements_of_plain_paragraphs() -> None:
    from quyche.readers.docx.elements import paragraph_elements, text_runs

    data = plain_package()
    root = Package(data).xml("word/document.xml")
    body = root[0]
    elements, _ = paragraph_elements(body)
    doc = reader.read_docx(data, "t.docx")
    assert len(elements) == len(doc.paragraphs)
    for el, para in zip(elements, doc.paragraphs, strict=True):
        assert len(text_runs(el)) == len(para.runs) - (1 if para.label else 0)
