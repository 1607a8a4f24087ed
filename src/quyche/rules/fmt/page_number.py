"""FMT-PAGE-NUMBER — a document of 2+ pages numbers pages from page 2, centred in the top margin.

Page count: a PDF knows it; for DOCX the page count is not stored reliably, so a document is taken to
run to 2+ pages when its main story has more than 40 non-empty paragraphs or 3000 characters (an A4
page in 14 pt holds about 30 lines). One part (``main``) for: no page number at all, numbers in the
footer or a header number not centred, a number on page 1.
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document, HeaderFooter, Section
from quyche.rules.base import PAGE, Context, Hit, rule

MIN_PARAGRAPHS = 40
MIN_CHARS = 3000
_ALIGN_VI = {"left": "căn trái", "right": "căn phải", "both": "căn đều hai bên"}


def several_pages(doc: Document) -> bool:
    if doc.pages is not None:
        return doc.pages >= 2
    paras = [p for p in doc.paragraphs if p.plain]
    return len(paras) > MIN_PARAGRAPHS or sum(len(p.plain) for p in paras) > MIN_CHARS


def _numbered(parts: list[HeaderFooter], where: str, kinds: tuple[str, ...]) -> list[HeaderFooter]:
    return [h for h in parts if h.where == where and h.kind in kinds and h.has_page_field]


def _first_page_part(sec: Section) -> HeaderFooter | None:
    """The header printed on page 1 of the section: the "first" header with titlePg, else the default."""
    kind = "first" if sec.title_page else "default"
    for h in sec.parts:
        if h.where == "header" and h.kind == kind:
            return h
    return None


def _numbers_page_one(sec: Section) -> bool:
    """Page 1 carries a number. A PDF records where it saw the number (``loc.page``); a DOCX section
    prints its "first" header on page 1 when titlePg is set, else its default header."""
    seen = [p.loc.page for h in sec.parts if h.has_page_field for p in h.paragraphs if p.loc.page is not None]
    if seen:
        return 1 in seen
    page1 = _first_page_part(sec)
    return page1 is not None and page1.has_page_field


def _misaligned(h: HeaderFooter) -> str | None:
    """Alignment of the paragraph holding the number when it is plainly not centred."""
    paras = [p for p in h.paragraphs if p.plain] or h.paragraphs
    aligns = {p.align for p in paras if "\t" not in p.text}
    if not aligns or "center" in aligns or None in aligns:
        return None
    return next(iter(sorted(a for a in aligns if a)), None)


@rule("FMT-PAGE-NUMBER", needs=[PAGE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    if not doc.sections or not several_pages(doc):
        return
    first = doc.sections[0]
    all_parts = [h for s in doc.sections for h in s.parts]
    headers = _numbered(all_parts, "header", ("default", "even"))
    footers = _numbered(all_parts, "footer", ("default", "even", "first"))
    if _numbers_page_one(first):
        yield Hit(
            "Trang đầu có đánh số trang; trang 1 không đánh số",
            zone="page", expected="trang 1 không có số; số trang từ trang 2",
            actual="có số ở trang 1",
            fix="Bật “Different First Page” (Header & Footer) và để trống đầu trang của trang 1",
        )
    if not headers:
        if footers:
            yield Hit(
                "Số trang đặt ở chân trang; văn bản của Đảng đánh số trang ở giữa lề trên",
                zone="page", expected="giữa lề trên (đầu trang), từ trang 2",
                actual="ở chân trang",
                fix="Chuyển trường số trang (PAGE) lên đầu trang (Header), căn giữa",
            )
        else:
            yield Hit(
                "Văn bản có từ 2 trang trở lên nhưng không đánh số trang",
                zone="page", expected="số trang bằng chữ số Ả Rập, giữa lề trên, từ trang 2",
                actual="không có số trang",
                fix="Chèn số trang (Insert → Page Number → Top of Page, giữa) và bật “Different First Page”",
            )
        return
    for h in headers:
        align = _misaligned(h)
        if align:
            yield Hit(
                f"Số trang ở đầu trang nhưng {_ALIGN_VI.get(align, align)}, không căn giữa",
                zone="page", expected="giữa lề trên", actual=_ALIGN_VI.get(align, align),
                fix="Căn giữa đoạn chứa số trang ở đầu trang",
            )
            break
