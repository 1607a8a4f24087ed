"""PDF and plain-text readers: a Party-format PDF built here with reportlab, and text in every
encoding a Vietnamese office produces (UTF-8, UTF-16, Windows-1258, legacy TCVN3 and VNI fonts).
"""

from __future__ import annotations

import io
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from quyche.errors import ReadError
from quyche.model import Document, Paragraph
from quyche.readers import read_document
from quyche.readers.legacy import looks_legacy
from quyche.readers.pdf import font_format, read_pdf
from quyche.readers.plain import read_text, strip_markdown
from quyche.zones import find_zones
from test_bad_input import minimal_pdf

# --------------------------------------------------------------------------- Party-format PDF
# TTFs with Vietnamese glyphs: Liberation (Times metrics) if installed, else DejaVu (fonts-dejavu-core).
FONT_SETS = (
    ("/usr/share/fonts/truetype/liberation", "LiberationSerif-Regular", "LiberationSerif-Bold",
     "LiberationSerif-Italic"),
    ("/usr/share/fonts/truetype/dejavu", "DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic"),
)
_VIETNAMESE_LETTERS = "ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
A4 = (595.28, 841.89)
LEFT, RIGHT = 85.0, A4[0] - 42.5  # 3 cm and 1.5 cm margins
MID = (LEFT + RIGHT) / 2

SUPERIOR = "ĐẢNG BỘ TỈNH QUẢNG NAM"
ISSUER = "ĐẢNG ỦY XÃ AN HÒA"
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
NUMBER = "Số 05-QC/ĐU"
DATE_LINE = "An Hòa, ngày 10 tháng 3 năm 2025"
BODY = "Quy chế này quy định nguyên tắc, chế độ làm việc, trách nhiệm, quyền hạn và quan hệ công tác"
BODY_LINE: list[str] = []  # the words of BODY that fill the justified line, set by party_pdf()


def _fonts() -> tuple[str, str, str] | None:
    """Register the first font family that has every Vietnamese letter (Liberation 1.x lacks ẢỘ…)."""
    pdfmetrics = pytest.importorskip("reportlab.pdfbase.pdfmetrics")
    ttfonts = pytest.importorskip("reportlab.pdfbase.ttfonts")
    letters = {ord(ch) for ch in _VIETNAMESE_LETTERS + _VIETNAMESE_LETTERS.upper()}
    for folder, *names in FONT_SETS:
        paths = [Path(folder) / f"{n}.ttf" for n in names]
        if not all(p.exists() for p in paths):
            continue
        fonts = [ttfonts.TTFont(name, str(path)) for name, path in zip(names, paths, strict=True)]
        if all(letters <= set(f.face.charToGlyph) for f in fonts):
            for font in fonts:
                pdfmetrics.registerFont(font)
            return names[0], names[1], names[2]
    return None


@cache
def party_pdf() -> bytes:
    """Two pages: two-column header, title, căn cứ, chapter, articles, page number, closing block."""
    fonts = _fonts()
    if fonts is None:
        pytest.skip("no TTF with Vietnamese glyphs (install fonts-dejavu-core)")
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    reg, bold, ital = fonts
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)

    def put(text: str, y: float, font: str = reg, size: float = 13, x: float = LEFT,
            center: float | None = None) -> None:
        c.setFont(font, size)
        if center is None:
            c.drawString(x, y, text)
        else:
            c.drawCentredString(center, y, text)

    def justified(text: str, y: float, x: float) -> None:
        # Word by word, no space glyphs, stretched to the right margin (as Word exports justified
        # text): as many words as fit with 3 pt spaces, the slack spread over the gaps.
        words = text.split()
        while sum(stringWidth(w, reg, 13) + 3 for w in words) - 3 > RIGHT - x:
            words.pop()
        BODY_LINE[:] = words
        widths = [stringWidth(w, reg, 13) for w in words]
        gap = (RIGHT - x - sum(widths)) / (len(words) - 1)
        c.setFont(reg, 13)
        for word, width in zip(words, widths, strict=True):
            c.drawString(x, y, word)
            x += width + gap

    lc = LEFT + stringWidth(SUPERIOR, reg, 12) / 2  # header columns: left block flush left,
    rc = RIGHT - stringWidth(DATE_LINE, ital, 12) / 2  # right block flush right, both centred inside
    put(SUPERIOR, 790, size=12, center=lc)
    put(PARTY, 790, bold, 13, center=rc)
    put(ISSUER, 774, bold, 12, center=lc)
    put("*", 760, size=12, center=lc)
    put(NUMBER, 744, size=12, center=lc)
    put(DATE_LINE, 744, ital, 12, center=rc)
    put("QUY CHẾ", 705, bold, 15, center=MID)
    put("làm việc của Ban Chấp hành Đảng bộ xã An Hòa,", 687, bold, center=MID)
    put("nhiệm kỳ 2025 - 2030", 670, bold, center=MID)
    put("-----", 656, center=MID)
    put("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", 630, ital, x=LEFT + 28)
    put("- Căn cứ Quy định số 24-QĐ/TW của Ban Chấp hành Trung ương,", 612, ital, x=LEFT + 28)
    put("Chương I", 585, bold, center=MID)
    put("NHỮNG QUY ĐỊNH CHUNG", 568, bold, center=MID)
    put("Điều 1.", 545, bold, x=LEFT + 28)
    put("Phạm vi điều chỉnh", 545, bold, x=LEFT + 28 + stringWidth("Điều 1. ", bold, 13))
    justified(BODY, 527, LEFT + 28)
    put("của Ban Chấp hành, Ban Thường vụ Đảng ủy xã.", 509)
    put("Điều 2. Nguyên tắc làm việc", 490, bold, x=LEFT + 28)
    put("1. Tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách.", 472, x=LEFT + 28)
    put("2. Tuân thủ Điều lệ Đảng và pháp luật của Nhà nước.", 454, x=LEFT + 28)
    c.showPage()
    put("2", 815, size=12, center=MID)  # page number at the top, from page 2 on
    put("Điều 3. Hiệu lực thi hành", 780, bold, x=LEFT + 28)
    put("Quy chế này có hiệu lực từ ngày ký.", 762, x=LEFT + 28)
    put("Nơi nhận:", 720, bold, 12)
    put("T/M ĐẢNG ỦY", 720, bold, center=rc)
    put("- Như Điều 3,", 705, size=11)
    put("BÍ THƯ", 705, bold, center=rc)
    put("- Lưu Văn phòng Đảng ủy.", 691, size=11)
    put("Nguyễn Văn An", 630, bold, center=rc)
    c.showPage()
    c.save()
    return buf.getvalue()


@cache
def party_doc() -> Document:
    return read_pdf(party_pdf(), "quy-che.pdf")


def para(doc: Document, text: str) -> Paragraph:
    return next(p for p in doc.paragraphs if p.plain == text)


def test_pdf_lines_in_reading_order() -> None:
    doc = party_doc()
    texts = [p.plain for p in doc.paragraphs]
    assert texts[:6] == [SUPERIOR, PARTY, ISSUER, "*", NUMBER, DATE_LINE]
    assert texts.index("QUY CHẾ") < texts.index("Chương I") < texts.index("Điều 3. Hiệu lực thi hành")
    assert all(p.loc.container == "line" and p.loc.page and p.loc.line for p in doc.paragraphs)
    assert [p.loc.paragraph for p in doc.paragraphs] == list(range(1, len(doc.paragraphs) + 1))
    assert all(unicodedata.is_normalized("NFC", p.text) for p in doc.paragraphs)
    assert doc.format == "pdf" and doc.pages == 2 and doc.has_formatting and doc.has_layout


def test_pdf_words_positioned_without_space_glyphs_get_spaces() -> None:
    line = para(party_doc(), " ".join(BODY_LINE))
    assert line.loc.col is None
    assert line.align is None  # a justified line spans the width: alignment unknown


def test_pdf_two_column_header_lines() -> None:
    doc = party_doc()
    left, right = para(doc, SUPERIOR), para(doc, PARTY)
    assert (left.loc.col, left.loc.ncols, right.loc.col, right.loc.ncols) == (0, 2, 1, 2)
    assert left.loc.line == right.loc.line == 1 and left.loc.page == 1
    number, date_line = para(doc, NUMBER), para(doc, DATE_LINE)
    assert (number.loc.col, date_line.loc.col) == (0, 1)
    single = para(doc, ISSUER)  # alone on its line but wholly in the left half: the half is its column
    assert (single.loc.col, single.loc.ncols) == (0, 2)
    closing = [para(doc, t) for t in ("Nơi nhận:", "T/M ĐẢNG ỦY", "- Như Điều 3,", "BÍ THƯ")]
    assert [(p.loc.page, p.loc.col) for p in closing] == [(2, 0), (2, 1), (2, 0), (2, 1)]


def test_pdf_fonts_sizes_bold_italic() -> None:
    doc = party_doc()
    party = para(doc, PARTY)
    assert party.attr("bold") is True and party.attr("italic") is False and party.sizes() == {13.0}
    assert all("+" not in f for f in party.fonts())
    assert para(doc, SUPERIOR).attr("bold") is False
    assert para(doc, DATE_LINE).attr("italic") is True
    assert para(doc, "QUY CHẾ").sizes() == {15.0}
    article = para(doc, "Điều 1. Phạm vi điều chỉnh")
    assert article.prefix_attr(len("Điều 1."), "bold") is True
    assert all(r.fmt.underline is None and r.fmt.caps is None for _, r in doc.all_runs())


def test_pdf_alignment() -> None:
    doc = party_doc()
    assert para(doc, "QUY CHẾ").align == "center"
    assert para(doc, "Chương I").align == "center"
    assert para(doc, "của Ban Chấp hành, Ban Thường vụ Đảng ủy xã.").align == "left"
    assert para(doc, PARTY).align == "center"  # centred within its column


def test_pdf_sections_pages_and_page_number() -> None:
    doc = party_doc()
    assert len(doc.sections) == 1
    section = doc.sections[0]
    assert (section.width, section.height, section.landscape) == (11906, 16838, False)
    assert section.margin_left is None and section.margin_top is None
    assert "2" not in [p.plain for p in doc.paragraphs]  # the page number is not body text
    assert [(h.where, h.has_page_field, h.text) for h in section.parts] == [("header", True, "2")]


def test_pdf_zones() -> None:
    z = find_zones(party_doc())
    assert z.layout_known
    assert z.party_title is not None and z.party_title.plain == PARTY
    assert z.superior is not None and z.superior.plain == SUPERIOR
    assert z.issuer is not None and z.issuer.plain == ISSUER
    assert z.star is not None and z.number is not None and z.number.plain == NUMBER
    assert z.date_line is not None and z.date_line.plain == DATE_LINE
    assert z.title_type is not None and z.title_type.plain == "QUY CHẾ"
    assert z.summary_text == "làm việc của Ban Chấp hành Đảng bộ xã An Hòa, nhiệm kỳ 2025 - 2030"
    assert len(z.cancu) == 2
    assert [(a.number, a.title) for a in z.articles] == [
        ("1", "Phạm vi điều chỉnh"), ("2", "Nguyên tắc làm việc"), ("3", "Hiệu lực thi hành")
    ]
    assert [n.number for n in z.nodes("khoan")] == ["1", "2"]
    assert z.side_of(z.party_title) == "right" and z.side_of(z.superior) == "left"
    assert [p.plain for p in z.recipients] == ["Nơi nhận:", "- Như Điều 3,", "- Lưu Văn phòng Đảng ủy."]
    assert [p.plain for p in z.signature] == ["T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Văn An"]


def test_pdf_read_through_dispatch(tmp_path: Path) -> None:
    path = tmp_path / "quy-che.pdf"
    path.write_bytes(party_pdf())
    assert [p.plain for p in read_document(path).paragraphs][:2] == [SUPERIOR, PARTY]


@pytest.mark.parametrize(
    ("name", "bold", "italic"),
    [
        ("ABCDEF+TimesNewRomanPS-BoldMT", True, False),
        ("TimesNewRomanPS-ItalicMT", False, True),
        ("Times-BoldItalic", True, True),
        ("Arial,Bold", True, False),
        ("Arial-Black", True, False),
        ("MyriadPro-Semibold", True, False),
        ("VNTimes-B", True, False),
        ("Helvetica-Oblique", False, True),
        ("MinionPro-It", False, True),
        ("Georgia-Book", False, False),
        ("TimesNewRomanPSMT", False, False),
    ],
)
def test_font_name_flags(name: str, bold: bool, italic: bool) -> None:
    fmt = font_format(name, 14.0)
    assert (fmt.bold, fmt.italic) == (bold, italic)
    assert fmt.font is not None and "+" not in fmt.font and fmt.size == 14.0


def test_pdf_scanned_image_refused() -> None:
    canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")
    pytest.importorskip("PIL")
    from PIL import Image

    image = io.BytesIO()
    Image.new("L", (200, 280), 255).save(image, "PNG")
    image.seek(0)
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c = canvas_mod.Canvas(buf, pagesize=A4)
    c.drawImage(ImageReader(image), 0, 0, A4[0], A4[1])
    c.showPage()
    c.save()
    with pytest.raises(ReadError) as err:
        read_pdf(buf.getvalue(), "scan.pdf")
    assert err.value.code == "no_text"
    assert "OCR" in err.value.message and "\n" not in err.value.message


def test_pdf_column_gap_without_space_glyph() -> None:
    # Word and LibreOffice write word spaces as glyphs; two table cells or tab stops are separate
    # text chunks with no space glyph between them, so a gap of about one em there splits columns.
    # A line written word by word (no space glyphs anywhere) needs the wider gap.
    from reportlab.pdfbase.pdfmetrics import stringWidth

    left, right = "DANG BO TINH", "DANG CONG SAN"
    x = 290 - stringWidth(left, "Helvetica", 14)
    spaced = b"BT /F1 14 Tf %.2f 790 Td (%s) Tj ET BT /F1 14 Tf 307 790 Td (%s) Tj ET" % (
        x, left.encode(), right.encode())
    doc = read_pdf(minimal_pdf(spaced), "x.pdf")
    assert [(p.plain, p.loc.col) for p in doc.paragraphs] == [(left, 0), (right, 1)]
    chunks, at = [], 200.0
    for word in ("MOT", "HAI", "BA", "BON", "NAM", "SAU"):  # 17 pt apart, across the middle
        chunks.append(b"BT /F1 14 Tf %.2f 790 Td (%s) Tj ET" % (at, word.encode()))
        at += stringWidth(word, "Helvetica", 14) + 17
    doc = read_pdf(minimal_pdf(b" ".join(chunks)), "x.pdf")
    assert [(p.plain, p.loc.col) for p in doc.paragraphs] == [("MOT HAI BA BON NAM SAU", None)]


def test_pdf_synthetic_italic_and_rotated_text() -> None:
    # A sheared text matrix is how generators slant a font that has no italic face; a glyph run
    # rotated 45° is a watermark ("DỰ THẢO"): skipped, and said so in the notes.
    content = (b"BT /F1 12 Tf 1 0 0.25 1 72 700 Tm (Slanted words) Tj ET "
               b"BT /F1 12 Tf 72 680 Td (Upright words) Tj ET "
               b"BT /F1 40 Tf 0.7071 0.7071 -0.7071 0.7071 200 300 Tm (WATERMARK) Tj ET")
    doc = read_pdf(minimal_pdf(content), "x.pdf")
    assert [p.plain for p in doc.paragraphs] == ["Slanted words", "Upright words"]
    assert [p.attr("italic") for p in doc.paragraphs] == [True, False]
    assert len(doc.notes) == 1 and "9" in doc.notes[0]


def test_pdf_without_unicode_map_refused() -> None:
    font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H /DescendantFonts "
            b"[<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoMap /CIDSystemInfo "
            b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>] >>")
    data = minimal_pdf(b"BT /F1 12 Tf 72 700 Td <0041004200430044> Tj ET", font=font)
    with pytest.raises(ReadError) as err:
        read_pdf(data, "x.pdf")
    assert err.value.code == "no_unicode" and "Unicode" in err.value.message


def test_pdf_in_legacy_font_encoding_refused() -> None:
    # A .VnTime document printed to PDF: the text layer holds the TCVN3 codes as Latin-1 letters.
    lines = [to_tcvn3(line) for line in SAMPLE]
    content = b"BT /F1 12 Tf 14 TL 72 760 Td " + b" ".join(b"(%s) '" % line.replace(b"(", b"\\(")
                                                        .replace(b")", b"\\)") for line in lines) + b" ET"
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    with pytest.raises(ReadError) as err:
        read_pdf(minimal_pdf(content, font=font), "x.pdf")
    assert err.value.code == "legacy_encoding" and "TCVN3" in err.value.message


# --------------------------------------------------------------------------- legacy encoders
# TCVN3 (ABC, .VnTime): one byte per lower-case letter; capitals with marks use the same codes in
# the .VnTimeH fonts. Checked against glibc's TCVN5712-1 table for 0xA1–0xFE.
_TCVN3 = dict(zip(
    "ăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
    [0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6,
     0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8,
     0xDC, 0xDD, 0xDE, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED,
     0xEE, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE],
    strict=True,
))
_TCVN3_CAPS = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}


def to_tcvn3(text: str) -> bytes:
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        code = _TCVN3_CAPS.get(ch) or _TCVN3.get(ch) or _TCVN3.get(ch.lower())
        out += bytes([code]) if code else ch.encode("ascii")
    return bytes(out)


# VNI-Windows: base letter + one code for the marks ("a" + "û" = ả, "e" + "á" = ế); ơ ư đ, the i
# family and ỵ are single codes. Tones in the order grave, acute, hook, tilde, dot.
_TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_VNI = {"tone": "øùûõï", "circ": "àáåãä", "breve": "èéúüë", "i": "ìíæóò"}


def _vni_char(ch: str) -> str:
    if ch in "đĐ":
        return "ñ" if ch == "đ" else "Ñ"
    base, *marks = unicodedata.normalize("NFD", ch)
    if not marks:
        return ch
    low = base.lower()
    tone = next((_TONES.index(m) for m in marks if m in _TONES), None)
    if "\u031b" in marks:  # horn: ơ = ô, ư = ö
        s = ("ô" if low == "o" else "ö") + ("" if tone is None else _VNI["tone"][tone])
    elif "\u0302" in marks:
        s = low + ("â" if tone is None else _VNI["circ"][tone])
    elif "\u0306" in marks:
        s = low + ("ê" if tone is None else _VNI["breve"][tone])
    elif low == "i" and tone is not None:
        s = _VNI["i"][tone]
    elif low == "y" and tone == 4:
        s = "î"
    else:
        s = low + _VNI["tone"][tone or 0]
    return s.upper() if base.isupper() else s


def to_vni(text: str) -> bytes:
    return "".join(_vni_char(c) for c in unicodedata.normalize("NFC", text)).encode("cp1252")


def to_cp1258(text: str) -> bytes:
    """Windows-1258: â ê ô ă ơ ư đ precomposed, tones as combining marks after the vowel."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        base, *marks = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in marks if m in _TONES)
        out.append(unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in _TONES)) + tones)
    return "".join(out).encode("cp1258")


SAMPLE = [
    "ĐẢNG BỘ TỈNH QUẢNG NAM",
    "ĐẢNG ỦY XÃ AN HÒA",
    "QUY CHẾ",
    "làm việc của Ban Chấp hành Đảng bộ xã nhiệm kỳ 2025 - 2030",
    "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
    "Điều 1. Thường trực Đảng ủy có trách nhiệm giải quyết công việc hằng ngày.",
]


def test_legacy_encoders_match_known_spellings() -> None:
    assert to_tcvn3("Đảng ủy xã An Hòa").decode("cp1252") == "§¶ng ñy x· An Hßa"
    assert to_tcvn3("Quy chế").decode("cp1252") == "Quy chÕ"
    assert to_vni("Đảng chế việc").decode("cp1252") == "Ñaûng cheá vieäc"
    assert to_vni("Người Thủy").decode("cp1252") == "Ngöôøi Thuûy"


# --------------------------------------------------------------------------- text reader
def texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs]


@pytest.mark.parametrize(
    "data",
    [
        "\n".join(SAMPLE).encode("utf-8"),
        "\n".join(SAMPLE).encode("utf-8-sig"),
        "\r\n".join(SAMPLE).encode("utf-16"),  # with BOM
        "\n".join(SAMPLE).encode("utf-16-be").join([b"\xfe\xff", b""]),
        unicodedata.normalize("NFD", "\n".join(SAMPLE)).encode("utf-8"),  # decomposed (macOS)
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf8-nfd"],
)
def test_text_unicode_encodings(data: bytes) -> None:
    doc = read_text(data, "quy-che.txt")
    assert texts(doc) == SAMPLE
    assert doc.notes == [] and doc.format == "text"


def test_text_cp1258_is_read_with_a_note() -> None:
    doc = read_text(to_cp1258("\n".join(SAMPLE)), "quy-che.txt")
    assert texts(doc) == SAMPLE
    assert len(doc.notes) == 1 and "1258" in doc.notes[0]


def test_text_utf8_with_stray_bytes_is_read_with_a_note() -> None:
    data = "\n".join(SAMPLE).encode("utf-8")
    for broken in (data[: data.rindex(b"\xc3") + 1], data.replace(b"QUY", b"\x93QUY\x94")):  # cut; cp1252
        doc = read_text(broken, "quy-che.txt")
        assert texts(doc)[:2] == SAMPLE[:2]
        assert len(doc.notes) == 1 and "UTF-8" in doc.notes[0]


def test_text_model_fields() -> None:
    doc = read_text("ĐẢNG CỘNG SẢN VIỆT NAM\n\nQUY CHẾ\n".encode(), "a.txt")
    assert texts(doc) == ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "QUY CHẾ"]
    assert [(p.loc.paragraph, p.loc.line, p.loc.container) for p in doc.paragraphs] == [
        (1, 1, "line"), (2, 2, "line"), (3, 3, "line")
    ]
    assert not doc.has_formatting and not doc.has_layout and doc.sections == [] and doc.pages is None
    assert all(r.fmt.bold is None and r.fmt.font is None for _, r in doc.all_runs())


@pytest.mark.parametrize(("encode", "name"), [(to_tcvn3, "TCVN3"), (to_vni, "VNI")])
def test_text_legacy_encoding_refused(encode: object, name: str) -> None:
    data = encode("\n".join(SAMPLE))  # type: ignore[operator]
    with pytest.raises(ReadError) as err:
        read_text(data, "quy-che.txt")
    assert err.value.code == "legacy_encoding"
    msg = err.value.message
    assert name in msg and "Unicode" in msg and "Unikey" in msg and "\n" not in msg


@pytest.mark.parametrize(("encode", "name"), [(to_tcvn3, "TCVN3"), (to_vni, "VNI")])
def test_legacy_text_pasted_as_unicode_refused(encode: object, name: str) -> None:
    # Copied out of a .VnTime document, the mojibake arrives as valid UTF-8.
    data = encode("\n".join(SAMPLE)).decode("cp1252").encode("utf-8")  # type: ignore[operator]
    with pytest.raises(ReadError) as err:
        read_text(data, "quy-che.txt")
    assert err.value.code == "legacy_encoding" and name in err.value.message


def test_looks_legacy_samples() -> None:
    assert looks_legacy("§¶ng ñy x· An Hßa") == "TCVN3"
    assert looks_legacy("Quy chÕ lµm viÖc cña Ban Th\u2212êng vô") == "TCVN3"
    assert looks_legacy("Ñaûng uûy xaõ An Hoøa, quy cheá, vieäc") == "VNI"
    for line in SAMPLE:
        assert looks_legacy(to_tcvn3(line).decode("cp1252"), min_words=1) in ("TCVN3", None)
        assert looks_legacy(to_vni(line).decode("cp1252"), min_words=1) in ("VNI", None)
        assert looks_legacy(line) is None
    assert looks_legacy(" ".join(SAMPLE) + " «Café» © 2025 § 3 Müller") is None
    assert looks_legacy("") is None


def test_text_invalid_bytes_refused() -> None:
    with pytest.raises(ReadError) as err:
        read_text(b"\x81\x8d\x8f\x90\x9d" * 10, "x.txt")  # undefined in cp1258 and not UTF-8
    assert err.value.code in ("encoding", "binary")
    with pytest.raises(ReadError) as err:
        read_text(b"\xff\xfe\x00\xd8", "x.txt")  # UTF-16 BOM, lone surrogate
    assert err.value.code == "encoding"


def test_markdown_is_stripped() -> None:
    md = "\n".join([
        "# QUY CHẾ",
        "## làm việc của Đảng ủy xã ##",
        "*",
        "-----",
        "**Điều 1.** Phạm vi _điều chỉnh_",
        "> - Căn cứ *Điều lệ Đảng*;",
        "* mục một",
        "Số: ____/QC-ĐU, tệp quy_che_2025.md",
        r"Điều 2\. Ký hiệu \*",
        "",
    ])
    doc = read_text(md.encode(), "quy-che.md")
    assert texts(doc) == [
        "QUY CHẾ",
        "làm việc của Đảng ủy xã",
        "*",
        "-----",
        "Điều 1. Phạm vi điều chỉnh",
        "- Căn cứ Điều lệ Đảng;",
        "- mục một",
        "Số: ____/QC-ĐU, tệp quy_che_2025.md",
        "Điều 2. Ký hiệu *",
    ]
    assert strip_markdown("__Đảng__ bộ") == "Đảng bộ"
    # A .txt file keeps its asterisks.
    assert texts(read_text(b"**a**", "a.txt")) == ["**a**"]


def test_text_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from quyche.readers import limits

    monkeypatch.setattr(limits, "LIMITS", limits.Limits(max_text_bytes=100))
    with pytest.raises(ReadError) as err:
        read_text(b"a" * 101, "a.txt")
    assert err.value.code == "too_large"


def test_text_zones_without_layout() -> None:
    lines = [SUPERIOR + "\t" + PARTY, ISSUER, "*", NUMBER + "\t" + DATE_LINE, "", "QUY CHẾ",
             "làm việc của Ban Chấp hành", "Điều 1. Phạm vi", "Nội dung."]
    z = find_zones(read_text("\n".join(lines).encode(), "a.txt"))
    assert not z.layout_known
    assert z.party_title is not None and z.issuer is not None and z.title_type is not None
    assert [a.number for a in z.articles] == ["1"]
