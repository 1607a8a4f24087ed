"""FMT-PAGE-NUMBER: page numbers in Arabic numerals from page 2, centred in the top margin.

- No page number at all: a centred PAGE field is added to the first section's default header (a new
  header part when it has none) and "different first page" is switched on.
- A number printed on page 1 by the default header: "different first page" is switched on.
- A header number not centred: its paragraph is centred.
Left for a person: numbers in the footer (moving them is a layout choice), a number in a first-page
header of its own.
"""

from __future__ import annotations

from lxml import etree

from quyche.engine import Finding
from quyche.fix.base import Change, FixContext, fixer
from quyche.fix.ooxml import SECT_ORDER, child, set_align, text_of
from quyche.readers.docx.ooxml import R_ID, W_NS, W

HEADER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_FLD_SIMPLE = W + "fldSimple"
_INSTR = W + "instrText"


def _has_page(root: etree._Element) -> bool:
    if any("PAGE" in (f.get(W + "instr") or "").upper().split() for f in root.iter(_FLD_SIMPLE)):
        return True
    return any("PAGE" in (t.text or "").upper().split() for t in root.iter(_INSTR))


def _page_paragraph() -> etree._Element:
    xml = (
        f'<w:p xmlns:w="{W_NS}"><w:pPr><w:jc w:val="center"/></w:pPr>'
        '<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
        '<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
        '<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t>2</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    return etree.fromstring(xml)


def _parts(ctx: FixContext, sect: etree._Element, tag: str) -> list[tuple[str, str]]:
    """(type, part name) of the header or footer references of a section."""
    rels = ctx.pkg.reader.rels(ctx.pkg.main)
    out = []
    for ref in sect.iterchildren(W + tag):
        rel = rels.get(ref.get(R_ID) or "")
        if rel is not None and ctx.pkg.has(rel[1]):
            out.append((ref.get(W + "type") or "default", rel[1]))
    return out


def _title_page(sect: etree._Element) -> bool:
    tp = sect.find(W + "titlePg")
    return tp is not None and (tp.get(W + "val") or "1").lower() not in ("0", "false", "off")


def _set_title_page(ctx: FixContext, sect: etree._Element) -> None:
    tp = child(sect, "titlePg", SECT_ORDER)
    tp.attrib.pop(W + "val", None)
    ctx.touch()


@fixer("FMT-PAGE-NUMBER", order=10)
def fix(ctx: FixContext, findings: list[Finding]) -> list[Change]:
    if not ctx.sections:
        return []
    first = ctx.sections[0]
    headers = [(kind, name) for sect in ctx.sections for kind, name in _parts(ctx, sect, "headerReference")]
    footers = [(kind, name) for sect in ctx.sections for kind, name in _parts(ctx, sect, "footerReference")]
    numbered = [(kind, name) for kind, name in headers if kind in ("default", "even") and _has_page(ctx.pkg.xml(name))]
    changes: list[Change] = []
    if not numbered:
        if any(_has_page(ctx.pkg.xml(name)) for _, name in footers):
            ctx.left("FMT-PAGE-NUMBER", "số trang ở chân trang: chuyển lên đầu trang, căn giữa")
            return []
        _add_header_number(ctx, first)
        _set_title_page(ctx, first)
        return [Change("FMT-PAGE-NUMBER", "đầu trang", "không đánh số trang",
                       "số trang giữa lề trên, từ trang 2 (trang 1 không đánh số)")]
    first_kind = "first" if _title_page(first) else "default"
    page1 = [name for kind, name in _parts(ctx, first, "headerReference") if kind == first_kind]
    if page1 and _has_page(ctx.pkg.xml(page1[0])):
        if first_kind == "default":
            _set_title_page(ctx, first)
            changes.append(Change("FMT-PAGE-NUMBER", "đầu trang", "có số ở trang 1",
                                  "trang 1 không đánh số (trang đầu khác)"))
        else:
            ctx.left("FMT-PAGE-NUMBER", "đầu trang riêng của trang 1 có số trang: xóa số ở đầu trang đó")
    for _, name in numbered:
        root = ctx.pkg.xml(name)
        for p in root.iter(W + "p"):
            jc = p.find(f"{W}pPr/{W}jc")
            align = jc.get(W + "val") if jc is not None else None
            if _has_page(p) and align not in (None, "center") and "\t" not in text_of(p):
                set_align(p, "center")
                ctx.pkg.touch(name)
                changes.append(Change("FMT-PAGE-NUMBER", "đầu trang", f"số trang căn {align}", "căn giữa"))
    return changes


def _add_header_number(ctx: FixContext, sect: etree._Element) -> None:
    existing = [name for kind, name in _parts(ctx, sect, "headerReference") if kind == "default"]
    if existing:
        ctx.pkg.xml(existing[0]).append(_page_paragraph())
        ctx.pkg.touch(existing[0])
        return
    hdr = etree.Element(W + "hdr", nsmap={"w": W_NS, "r": R_NS})
    hdr.append(_page_paragraph())
    folder = ctx.pkg.main.rsplit("/", 1)[0] if "/" in ctx.pkg.main else ""
    name = ctx.pkg.free_name(folder or "word", "header", ".xml")
    rid = ctx.pkg.add_part(name, hdr, HEADER_TYPE, "header")
    ref = etree.Element(W + "headerReference")
    ref.set(W + "type", "default")
    ref.set(R_ID, rid)
    sect.insert(0, ref)
    ctx.touch()
