"""Zone detection on real DOCX layouts, on LibreOffice-rewritten files and on plain text.

Every header layout (table, tab-separated lines, text boxes, plain paragraphs) is combined with every
closing layout and both ways of formatting (direct, through styles): the zones must be found by
content in all of them, keep their formatting, and know their side wherever the layout tells it.
"""

from __future__ import annotations

import itertools
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from factory import L, PartyDoc, _art
from quyche.model import Document, Paragraph
from quyche.readers.docx.reader import read_docx
from quyche.readers.plain import read_text
from quyche.zones import Zones

LAYOUTS = ("table", "tabs", "textbox", "paragraphs")
FIXTURES = Path(__file__).parent / "fixtures"

SUPERIOR = "ĐẢNG BỘ TỈNH TÂY NINH"
ISSUER = "ĐẢNG ỦY XÃ AN HÒA"
NUMBER = "Số 01-QC/ĐU"
PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
DATE_LINE = "An Hòa, ngày 15 tháng 10 năm 2025"
SUMMARY = "làm việc của Ban Chấp hành Đảng bộ xã An Hòa khóa I, nhiệm kỳ 2025 - 2030"
SIGNATURE = ["T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Văn An"]
RECIPIENTS = [
    "Nơi nhận:",
    "- Ban Thường vụ Tỉnh ủy Tây Ninh (để báo cáo),",
    "- Các đồng chí đảng ủy viên,",
    "- Lưu Văn phòng Đảng ủy.",
]
CHAPTERS = [
    ("I", "NHỮNG QUY ĐỊNH CHUNG"),
    ("II", "TRÁCH NHIỆM, QUYỀN HẠN"),
    ("III", "CHẾ ĐỘ LÀM VIỆC VÀ ĐIỀU KHOẢN THI HÀNH"),
]


@cache
def party(
    header: str = "table", closing: str = "table", formatting: str = "direct", auto: bool = False
) -> Document:
    return PartyDoc(
        header_layout=header,
        closing_layout=closing,
        formatting=formatting,  # type: ignore[arg-type]
        auto_articles=auto,
    ).read()


def plains(paras: list[Paragraph]) -> list[str]:
    return [p.plain for p in paras]


def text_of(p: Paragraph | None) -> str | None:
    return p.plain if p is not None else None


# ------------------------------------------------------------ shared checks
def assert_clean_zones(z: Zones) -> None:
    """Every zone of the clean PartyDoc, whatever the layout."""
    assert text_of(z.superior) == SUPERIOR
    assert text_of(z.issuer) == ISSUER
    assert text_of(z.star) == "*"
    assert text_of(z.number) == NUMBER and z.number_text == "01-QC/ĐU"
    assert text_of(z.party_title) == PARTY
    assert text_of(z.date_line) == DATE_LINE and z.doc_date == date(2025, 10, 15)
    assert z.state_title is None and z.motto is None and z.marks == []
    assert plains(z.org_lines) == [SUPERIOR, ISSUER]
    assert sorted(plains(z.header)) == sorted([SUPERIOR, ISSUER, "*", NUMBER, PARTY, DATE_LINE])
    assert plains(z.left) == [SUPERIOR, ISSUER, "*", NUMBER]
    assert plains(z.right) == [PARTY, DATE_LINE] or plains(z.right) == [DATE_LINE, PARTY]
    assert text_of(z.title_type) == "QUY CHẾ"
    assert z.summary_text == SUMMARY and z.term == "2025 - 2030"
    assert len(z.cancu) == 6 and all(p.plain.startswith("- Căn cứ") for p in z.cancu)
    assert len(z.preamble) == 7 and z.preamble[-1].plain.endswith("như sau:")
    assert [a.number for a in z.articles] == ["1", "2", "3", "4", "5", "6"]
    assert [a.title for a in z.articles][:2] == [
        "Phạm vi điều chỉnh và đối tượng áp dụng",
        "Nguyên tắc làm việc",
    ]
    assert [(c.number, c.full_title) for c in z.nodes("chuong")] == CHAPTERS
    assert [[a.number for a in c.children] for c in z.tree] == [["1", "2"], ["3", "4"], ["5", "6"]]
    assert [len(a.children) for a in z.articles] == [2, 2, 2, 2, 1, 0]
    assert [d.number for d in z.nodes("diem")] == ["a", "b"]
    assert plains(z.signature) == SIGNATURE
    assert (text_of(z.authority), text_of(z.sign_title), text_of(z.signer)) == tuple(SIGNATURE)
    assert plains(z.recipients) == RECIPIENTS
    assert [name for name, _ in z.order()] == [
        "header",
        "title",
        "preamble",
        "body",
        "signature",
        "recipients",
    ] or [name for name, _ in z.order()] == ["header", "title", "preamble", "body", "recipients", "signature"]


def assert_clean_formatting(z: Zones) -> None:
    """The formatting the PartyDoc gives each zone survives the layout and the way it is applied."""

    def fmt(p: Paragraph | None) -> tuple[object, ...]:
        assert p is not None
        return (p.fonts(), p.sizes(), p.attr("bold"), p.attr("italic"), p.attr_any("underline"))

    tnr = {"Times New Roman"}
    assert fmt(z.superior) == (tnr, {14.0}, False, False, False)
    assert fmt(z.issuer) == (tnr, {14.0}, True, False, False)
    assert fmt(z.number) == (tnr, {14.0}, False, False, False)
    assert fmt(z.party_title) == (tnr, {15.0}, True, False, False)
    assert fmt(z.date_line) == (tnr, {14.0}, False, True, False)
    assert fmt(z.title_type) == (tnr, {16.0}, True, False, False)
    assert fmt(z.title_summary[0]) == (tnr, {14.0}, True, False, False)
    assert fmt(z.cancu[0]) == (tnr, {14.0}, False, False, False)
    assert all(fmt(a.para) == (tnr, {14.0}, True, False, False) for a in z.articles)
    assert fmt(z.authority) == (tnr, {14.0}, True, False, False)
    assert fmt(z.signer) == (tnr, {14.0}, True, False, False)
    assert fmt(z.recipients[0]) == (tnr, {14.0}, False, False, True)
    assert all(fmt(p) == (tnr, {12.0}, False, False, False) for p in z.recipients[1:])


# Expected side of each header / closing piece per layout ("tabs": lines without a tab have no side).
HEADER_SIDES = {
    "table": {
        SUPERIOR: "left",
        ISSUER: "left",
        "*": "left",
        NUMBER: "left",
        PARTY: "right",
        DATE_LINE: "right",
    },
    "textbox": {
        SUPERIOR: "left",
        ISSUER: "left",
        "*": "left",
        NUMBER: "left",
        PARTY: "right",
        DATE_LINE: "right",
    },
    "tabs": {SUPERIOR: "left", ISSUER: "left", "*": None, NUMBER: None, PARTY: "right", DATE_LINE: "right"},
    "paragraphs": dict.fromkeys([SUPERIOR, ISSUER, "*", NUMBER, PARTY, DATE_LINE]),
}
CLOSING_SIDES = {
    "table": ["left"] * 4 + ["right"] * 3,
    "textbox": ["left"] * 4 + ["right"] * 3,
    # Row k of the tab layout pairs recipients[k] with signature[k]; the signer sits alone after tabs.
    "tabs": ["left", "left", None, None, "right", "right", None],
    "paragraphs": [None] * 7,
}


def sides(z: Zones, paras: list[Paragraph]) -> list[str | None]:
    return [z.side_of(p) for p in paras]


# ------------------------------------------------------------ the matrix
@pytest.mark.parametrize("formatting", ["direct", "styles"])
@pytest.mark.parametrize(("header", "closing"), list(itertools.product(LAYOUTS, LAYOUTS)))
def test_zones_in_every_layout(header: str, closing: str, formatting: str) -> None:
    doc = party(header, closing, formatting)
    z = doc.zones
    assert z.layout_known
    assert_clean_zones(z)
    assert_clean_formatting(z)
    assert {p.plain: z.side_of(p) for p in z.header} == HEADER_SIDES[header]
    assert sides(z, z.recipients + z.signature) == CLOSING_SIDES[closing]
    assert z.side_of(z.title_type) is None  # type: ignore[arg-type]
    containers = {p.loc.container for p in z.header}
    assert containers == {"table": {"table"}, "textbox": {"textbox"}}.get(header, {"body"})


@pytest.mark.parametrize("layout", LAYOUTS)
def test_swapped_closing_columns(layout: str) -> None:
    z = PartyDoc(closing_layout=layout, swap_closing=True).read().zones  # type: ignore[arg-type]
    assert plains(z.signature) == SIGNATURE and plains(z.recipients) == RECIPIENTS
    if layout in ("table", "textbox"):
        assert set(sides(z, z.signature)) == {"left"} and set(sides(z, z.recipients)) == {"right"}


@pytest.mark.parametrize("formatting", ["direct", "styles"])
@pytest.mark.parametrize("header", LAYOUTS)
def test_automatic_article_numbers(header: str, formatting: str) -> None:
    z = party(header, "table", formatting, auto=True).zones
    assert [a.number for a in z.articles] == ["1", "2", "3", "4", "5", "6"]
    first = z.articles[0].para
    assert first.label == "Điều 1." and first.plain == "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng"
    assert first.prefix_attr(len("Điều 1."), "bold") is True
    assert len(z.cancu) == 6 and plains(z.signature) == SIGNATURE


# ------------------------------------------------------------ tricky headers
@pytest.mark.parametrize("layout", LAYOUTS)
def test_issuer_wrapped_on_two_lines(layout: str) -> None:
    left = [
        L(SUPERIOR),
        L("BAN THƯỜNG VỤ ĐẢNG ỦY", b=True),
        L("KHỐI CÁC CƠ QUAN TỈNH", b=True),
        L("*"),
        L(NUMBER),
    ]
    z = PartyDoc(left=left, header_layout=layout).read().zones  # type: ignore[arg-type]
    assert text_of(z.superior) == SUPERIOR
    assert text_of(z.issuer) == "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"
    assert z.issuer is not None and z.issuer.attr("bold") is True
    assert plains(z.org_lines) == [SUPERIOR, "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"]
    assert text_of(z.star) == "*" and text_of(z.number) == NUMBER


@pytest.mark.parametrize("layout", LAYOUTS)
def test_superior_wrapped_on_two_lines(layout: str) -> None:
    left = [
        L("ĐẢNG BỘ KHỐI CÁC CƠ QUAN"),
        L("TỈNH TÂY NINH"),
        L("ĐẢNG ỦY SỞ TÀI CHÍNH", b=True),
        L("*"),
        L(NUMBER),
    ]
    z = PartyDoc(left=left, header_layout=layout).read().zones  # type: ignore[arg-type]
    assert text_of(z.superior) == "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH TÂY NINH"
    assert text_of(z.issuer) == "ĐẢNG ỦY SỞ TÀI CHÍNH"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_draft_mark_above_header_and_no_star(layout: str) -> None:
    doc = PartyDoc(
        marks=[L("DỰ THẢO", b=True, align="right")],
        left=[L(SUPERIOR), L(ISSUER, b=True), L(NUMBER)],
        header_layout=layout,
    ).read()  # type: ignore[arg-type]
    z = doc.zones
    assert plains(z.marks) == ["DỰ THẢO"] and "DỰ THẢO" not in plains(z.header)
    assert z.marks[0].loc.paragraph == 1 and z.side_of(z.marks[0]) == "right"  # right-aligned body line
    assert z.star is None
    assert (text_of(z.superior), text_of(z.issuer), text_of(z.number)) == (SUPERIOR, ISSUER, NUMBER)
    assert text_of(z.party_title) == PARTY and text_of(z.title_type) == "QUY CHẾ"


def test_draft_mark_with_revision_number() -> None:
    z = PartyDoc(marks=[L("Dự thảo lần 2", i=True, align="right")]).read().zones
    assert plains(z.marks) == ["Dự thảo lần 2"] and text_of(z.superior) == SUPERIOR


@pytest.mark.parametrize("layout", LAYOUTS)
def test_state_national_title(layout: str) -> None:
    doc = PartyDoc(
        left=[L("ỦY BAN NHÂN DÂN"), L("XÃ AN HÒA", b=True), L("Số: 15/QĐ-UBND")],
        right=[
            L("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, size=13),
            L("Độc lập - Tự do - Hạnh phúc", b=True),
            L(DATE_LINE, i=True),
        ],
        title=[L("QUYẾT ĐỊNH", b=True)],
        summary=[L("Về việc ban hành Quy chế làm việc", b=True)],
        header_layout=layout,  # type: ignore[arg-type]
    ).read()
    z = doc.zones
    assert z.party_title is None
    assert text_of(z.state_title) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert text_of(z.motto) == "Độc lập - Tự do - Hạnh phúc"
    assert text_of(z.issuer) == "ỦY BAN NHÂN DÂN XÃ AN HÒA" and z.superior is None
    assert z.number_text == "15/QĐ-UBND" and z.doc_date == date(2025, 10, 15)
    assert text_of(z.title_type) == "QUYẾT ĐỊNH" and z.summary_text == "Về việc ban hành Quy chế làm việc"
    if layout in ("table", "textbox"):
        assert [z.side_of(p) for p in (z.state_title, z.motto, z.issuer)] == ["right", "right", "left"]  # type: ignore[misc]


# ------------------------------------------------------------ closing blocks
def test_signature_without_table_and_without_recipients() -> None:
    sig = [L("K/T BÍ THƯ", b=True), L("PHÓ BÍ THƯ", b=True), L(""), L("Trần Thị Bình", b=True)]
    z = PartyDoc(signature=sig, recipients=[], closing_layout="paragraphs").read().zones
    assert plains(z.signature) == ["K/T BÍ THƯ", "PHÓ BÍ THƯ", "Trần Thị Bình"]
    assert (text_of(z.authority), text_of(z.sign_title), text_of(z.signer)) == (
        "K/T BÍ THƯ",
        "PHÓ BÍ THƯ",
        "Trần Thị Bình",
    )
    assert z.recipients == [] and [a.number for a in z.articles][-1] == "6"
    assert set(sides(z, z.signature)) == {None}


def test_signature_title_only_without_authority_line() -> None:
    sig = [L("BÍ THƯ", b=True), L(""), L("Nguyễn Văn An", b=True)]
    z = PartyDoc(signature=sig, recipients=[], closing_layout="paragraphs").read().zones
    assert plains(z.signature) == ["BÍ THƯ", "Nguyễn Văn An"]
    assert text_of(z.articles[-1].para) == "Điều 6. Hiệu lực thi hành"


def test_recipients_and_authority_on_tab_separated_lines() -> None:
    doc = party("table", "tabs")
    z = doc.zones
    first_rec, first_sig = z.recipients[0], z.signature[0]
    assert (first_rec.plain, first_sig.plain) == ("Nơi nhận:", "T/M ĐẢNG ỦY")
    assert first_rec.loc.paragraph == first_sig.loc.paragraph  # one line, split at its tabs
    assert (first_rec.loc.col, first_rec.loc.ncols, first_sig.loc.col, first_sig.loc.ncols) == (0, 2, 1, 2)
    source = next(p for p in doc.paragraphs if p.loc.paragraph == first_rec.loc.paragraph)
    assert "\t" in source.text
    assert first_rec.attr("underline") is True and first_sig.attr("bold") is True
    assert z.recipients[1].loc.paragraph == z.signature[1].loc.paragraph


# ------------------------------------------------------------ bodies
def test_chapter_name_on_the_same_line() -> None:
    body = [
        L("CHƯƠNG 1: QUY ĐỊNH CHUNG", b=True),
        *_art(1, "Phạm vi điều chỉnh", "1. Quy chế này quy định chế độ làm việc.", "2. Áp dụng với cấp ủy."),
        *_art(2, "Nguyên tắc làm việc", "Tập trung dân chủ."),
        L("Chương II. ĐIỀU KHOẢN THI HÀNH", b=True),
        *_art(3, "Hiệu lực thi hành", "Quy chế này có hiệu lực kể từ ngày ký."),
    ]
    z = PartyDoc(body=body).read().zones
    chapters = z.nodes("chuong")
    assert [(c.number, c.title, c.name_para) for c in chapters] == [
        ("1", "QUY ĐỊNH CHUNG", None),
        ("II", "ĐIỀU KHOẢN THI HÀNH", None),
    ]
    assert [c.full_title for c in chapters] == ["QUY ĐỊNH CHUNG", "ĐIỀU KHOẢN THI HÀNH"]
    assert [[a.number for a in c.children] for c in chapters] == [["1", "2"], ["3"]]
    assert [a.title for a in z.articles] == ["Phạm vi điều chỉnh", "Nguyên tắc làm việc", "Hiệu lực thi hành"]
    assert len(z.cancu) == 6 and z.body[0] is chapters[0].para


def test_articles_without_chapters() -> None:
    body = _art(1, "Phạm vi", "1. Một.") + _art(2, "Hiệu lực", "Có hiệu lực.")
    z = PartyDoc(body=body).read().zones
    assert [a.number for a in z.tree] == ["1", "2"] and z.nodes("chuong") == []


# ------------------------------------------------------------ plain text
PLAIN = f"""{SUPERIOR}\t{PARTY}
{ISSUER}
*
{NUMBER}\t{DATE_LINE}

QUY CHẾ
{SUMMARY}
-----
- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;
- Căn cứ Quy định số 294-QĐ/TW ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng;
Ban Chấp hành Đảng bộ xã An Hòa ban hành Quy chế làm việc như sau:
Chương I
NHỮNG QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
1. Quy chế này quy định trách nhiệm, quyền hạn của Ban Chấp hành.
Điều 2. Hiệu lực thi hành
Quy chế này có hiệu lực kể từ ngày ký.
Nơi nhận:\tT/M ĐẢNG ỦY
- Ban Thường vụ Tỉnh ủy,\tBÍ THƯ
- Lưu Văn phòng Đảng ủy.

\tNguyễn Văn An
"""


def test_plain_text_document() -> None:
    doc = read_text(PLAIN.encode("utf-8"), "quy-che.txt")
    z = doc.zones
    assert not z.layout_known
    assert (text_of(z.superior), text_of(z.issuer), text_of(z.star), text_of(z.number)) == (
        SUPERIOR,
        ISSUER,
        "*",
        NUMBER,
    )
    assert (text_of(z.party_title), text_of(z.date_line), text_of(z.title_type)) == (
        PARTY,
        DATE_LINE,
        "QUY CHẾ",
    )
    assert z.summary_text == SUMMARY and len(z.cancu) == 2
    assert [a.number for a in z.articles] == ["1", "2"]
    assert [(c.number, c.full_title) for c in z.nodes("chuong")] == [("I", "NHỮNG QUY ĐỊNH CHUNG")]
    assert plains(z.signature) == SIGNATURE
    assert plains(z.recipients) == ["Nơi nhận:", "- Ban Thường vụ Tỉnh ủy,", "- Lưu Văn phòng Đảng ủy."]
    every = z.header + z.signature + z.recipients + [z.title_type]
    assert {z.side_of(p) for p in every if p is not None} == {None}  # no layout: no sides


def test_plain_text_with_bom_and_crlf() -> None:
    data = b"\xef\xbb\xbf" + PLAIN.replace("\n", "\r\n").encode("utf-8")
    z = read_text(data, "quy-che.txt").zones
    assert text_of(z.superior) == SUPERIOR and text_of(z.title_type) == "QUY CHẾ"
    assert plains(z.signature) == SIGNATURE


# ------------------------------------------------------------ LibreOffice
# Files written by LibreOffice 7.4 from PartyDoc (see fixtures/README.md): LibreOffice moves fonts from
# the runs into the Normal style, renames styles, reorders text boxes and renumbers lists.
LIBREOFFICE = {
    "libreoffice_party.docx": ("table", "table"),
    "libreoffice_party_ooxml_textbox.docx": ("textbox", "tabs"),
    "libreoffice_party_odt_roundtrip.docx": ("tabs", "table"),
}


@cache
def fixture(name: str) -> Document:
    return read_docx((FIXTURES / name).read_bytes(), name)


@pytest.mark.parametrize("name", sorted(LIBREOFFICE))
def test_libreoffice_files(name: str) -> None:
    doc = fixture(name)
    header, closing = LIBREOFFICE[name]
    z = doc.zones
    assert_clean_zones(z)
    assert_clean_formatting(z)
    assert {p.plain: z.side_of(p) for p in z.header} == HEADER_SIDES[header]
    assert sides(z, z.recipients + z.signature) == CLOSING_SIDES[closing]
    [section] = doc.sections
    assert (section.width, section.height, section.margin_left, section.margin_right) == (
        11906,
        16838,
        1701,
        850,
    )
    assert section.title_page and [(h.where, h.has_page_field) for h in section.parts] == [("header", True)]


def test_libreoffice_rewrite_keeps_formatting_of_the_original() -> None:
    """Same text and same effective formatting, paragraph by paragraph, before and after LibreOffice."""

    def signature(doc: Document) -> list[tuple[str, frozenset[tuple[object, ...]]]]:
        return [
            (
                p.plain,
                frozenset(
                    (r.fmt.font, r.fmt.size, r.fmt.bold, r.fmt.italic, r.fmt.underline)
                    for r in p.visible_runs()
                ),
            )
            for p in doc.paragraphs
            if p.plain
        ]

    assert signature(fixture("libreoffice_party.docx")) == signature(party())


def test_libreoffice_text_boxes_are_reordered_but_sided() -> None:
    doc = fixture("libreoffice_party_ooxml_textbox.docx")
    boxes = [(p.plain, p.loc.col) for p in doc.paragraphs if p.loc.container == "textbox"]
    assert boxes[:2] == [(PARTY, 1), (DATE_LINE, 1)]  # LibreOffice writes the right box first
    assert sorted(boxes) == sorted(
        [(SUPERIOR, 0), (ISSUER, 0), ("*", 0), (NUMBER, 0), (PARTY, 1), (DATE_LINE, 1)]
    )
    styles = {p.style for p in doc.paragraphs if p.plain}
    assert "Q Times New Roman 14 B" in styles  # the paragraph styles survive, under new ids
    assert doc.zones.articles[0].para.label == "Điều 1."


def test_wrapped_party_title_and_date_in_narrow_columns_are_joined() -> None:
    from quyche.model import Location, Run
    from quyche.zones import find_zones

    lines = [("ĐẢNG BỘ TỈNH TÂY NINH", 0), ("ĐẢNG CỘNG SẢN VIỆT", 1), ("ĐẢNG ỦY XÃ AN HÒA", 0), ("NAM", 1),
             ("*", 0), ("An Hòa, ngày 12 tháng 9", 1), ("Số 01-QC/ĐU", 0), ("năm 2025", 1), ("QUY CHẾ", None)]
    paras = [Paragraph(t, [Run(t)], Location(i + 1, "line", col=c, ncols=2 if c is not None else None))
             for i, (t, c) in enumerate(lines)]
    z = find_zones(Document("x.pdf", "pdf", paras, has_layout=True))
    assert z.party_title is not None and z.party_title.plain == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert z.date_line is not None and str(z.doc_date) == "2025-09-12"
    assert z.superior is not None and z.superior.plain == "ĐẢNG BỘ TỈNH TÂY NINH"
    assert z.issuer is not None and z.issuer.plain == "ĐẢNG ỦY XÃ AN HÒA"


def test_draft_mark_in_a_text_file_is_a_mark_not_the_superior() -> None:
    text = "Dự thảo\nĐẢNG BỘ TỈNH TÂY NINH\nĐẢNG ỦY XÃ AN HÒA\n*\nSố    -QC/ĐU\nQUY CHẾ\n"
    z = read_text(text.encode(), "x.txt").zones
    assert [p.plain for p in z.marks] == ["Dự thảo"]
    assert z.superior is not None and z.superior.plain == "ĐẢNG BỘ TỈNH TÂY NINH"
