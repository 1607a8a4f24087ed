"""FMT-PAGE-NUMBER — examples of rules.md §2: numbers from page 2, centred at the top; page 1 bare."""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement

from factory import L, PartyDoc
from quyche.model import Document
from quyche.readers.docx.reader import read_docx
from rulekit import run_rule

RULE = "FMT-PAGE-NUMBER"


def _page_field(paragraph: object) -> None:
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        r = paragraph.add_run()  # type: ignore[attr-defined]
        el = OxmlElement("w:fldChar" if kind else "w:instrText")
        if kind:
            el.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fldCharType", kind)
        else:
            el.text = text
        r._r.append(el)


def _edited(spec: PartyDoc, edit: object) -> Document:
    d = docx.Document(io.BytesIO(spec.to_bytes()))
    edit(d.sections[0])  # type: ignore[operator]
    buf = io.BytesIO()
    d.save(buf)
    return read_docx(buf.getvalue(), "test.docx")


def test_number_on_page_one_is_reported() -> None:
    found = run_rule(RULE, PartyDoc(page_number="all").read())
    assert [(f.severity, f.needs_confirmation, f.zone) for f in found] == [("warning", True, "page")]
    assert "Trang đầu" in found[0].message


def test_numbers_from_page_two_are_right() -> None:
    assert run_rule(RULE, PartyDoc(page_number="from2").read()) == []


def test_long_document_without_numbers() -> None:
    found = run_rule(RULE, PartyDoc(page_number="none").read())
    assert len(found) == 1 and "không đánh số trang" in found[0].message


def test_one_page_document_needs_no_number() -> None:
    cancu = [L("- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", align="both")]
    body = [L("Điều 1. Phạm vi", b=True, align="both"), L("Quy chế này có hiệu lực.", align="both")]
    short = PartyDoc(page_number="none", cancu=cancu, body=body)
    assert run_rule(RULE, short.read()) == []


def test_numbers_in_the_footer() -> None:
    def edit(sec: object) -> None:
        sec.different_first_page_header_footer = True  # type: ignore[attr-defined]
        _page_field(sec.footer.paragraphs[0])  # type: ignore[attr-defined]

    found = run_rule(RULE, _edited(PartyDoc(page_number="none"), edit))
    assert len(found) == 1 and "chân trang" in found[0].message


def test_header_number_not_centred() -> None:
    def edit(sec: object) -> None:
        sec.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT  # type: ignore[attr-defined]

    found = run_rule(RULE, _edited(PartyDoc(), edit))
    assert len(found) == 1 and "căn phải" in found[0].message


def test_first_page_header_with_a_number() -> None:
    def edit(sec: object) -> None:
        _page_field(sec.first_page_header.paragraphs[0])  # type: ignore[attr-defined]

    found = run_rule(RULE, _edited(PartyDoc(), edit))
    assert len(found) == 1 and "Trang đầu" in found[0].message


def test_empty_first_page_header_is_right() -> None:
    def edit(sec: object) -> None:
        sec.first_page_header.paragraphs[0].text = ""  # type: ignore[attr-defined]

    assert run_rule(RULE, _edited(PartyDoc(), edit)) == []


def _pdf(number_page: int | None, pages: int = 3) -> Document:
    from quyche.model import HeaderFooter, Location, Paragraph, Run, Section

    paras = [Paragraph(f"Dòng {i} của văn bản.", [Run(f"Dòng {i} của văn bản.")], Location(i, "line", page=1))
             for i in range(1, 60)]
    parts = []
    if number_page is not None:
        loc = Location(0, "header", page=number_page)
        parts.append(HeaderFooter("default", "header", [Paragraph("2", [Run("2")], loc)], True))
    return Document("x.pdf", "pdf", paras, [Section(width=11906, height=16838, parts=parts)], pages=pages)


def test_pdf_numbered_from_page_two_is_right() -> None:
    assert run_rule(RULE, _pdf(2)) == []


def test_pdf_numbered_on_page_one() -> None:
    found = run_rule(RULE, _pdf(1))
    assert len(found) == 1 and "Trang đầu" in found[0].message


def test_pdf_page_count_decides() -> None:
    assert run_rule(RULE, _pdf(None, pages=1)) == []
    assert len(run_rule(RULE, _pdf(None, pages=2))) == 1
