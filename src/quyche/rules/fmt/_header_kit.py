"""Small helpers the page, font, header, number and date format rules share.

Not a rule module: it registers nothing. Position judgements use :meth:`Zones.side_of`, which is
``None`` whenever the layout cannot tell (plain text, header written as plain paragraphs), and a rule
then says nothing about position.
"""

from __future__ import annotations

import re
from typing import Any

from quyche.model import Document, Paragraph
from quyche.rules.base import Context
from quyche.rules.common import SignatureLines, off_sizes, pt, signature_lines
from quyche.text import fold
from quyche.zones import Zones

_DRAFT = re.compile(r"^dự\s+thảo\b", re.IGNORECASE)


def is_draft(doc: Document, ctx: Context) -> bool:
    """A draft: the caller says so, or page 1 carries a "Dự thảo" mark."""
    return ctx.is_draft or any(_DRAFT.match(m.plain) for m in doc.zones.marks)


def same_para(a: Paragraph | None, b: Paragraph | None) -> bool:
    """The same source paragraph, or the same tab piece of it (zones may hand out merged copies)."""
    if a is None or b is None:
        return False
    return a is b or (a.loc == b.loc and a.plain == b.plain)


def header_pos(z: Zones, p: Paragraph | None) -> int | None:
    """Index of ``p`` among the header pieces (document order), or None."""
    if p is None:
        return None
    # same_para(q, p) or (same location and p's text starts with q's), checked cheapest first
    loc, text, n = p.loc, p.plain, p.loc.paragraph
    for i, q in enumerate(z.header):
        if q is p or (q.loc.paragraph == n and q.loc == loc and text.startswith(q.plain)):
            return i
    return None


def misplaced(z: Zones, p: Paragraph, wrong_side: str, anchor: Paragraph | None) -> str | None:
    """Where a header line is out of place: "side" (in the ``wrong_side`` column where the layout is
    known), "above" (before the ``anchor`` line it must follow), or None when it is where it belongs."""
    if z.side_of(p) == wrong_side:
        return "side"
    at, anchor_at = header_pos(z, p), header_pos(z, anchor)
    if at is not None and anchor_at is not None and at < anchor_at:
        return "above"
    return None


def zone_of(doc: Document, p: Paragraph) -> str:
    """Zone name (rules.md §0.6) of a main-story paragraph."""
    z = doc.zones
    n = p.loc.paragraph
    groups: tuple[tuple[str, list[Paragraph]], ...] = (
        ("header", z.header),
        ("title", [x for x in (z.title_type, z.attached_ref) if x is not None] + z.title_summary),
        ("preamble", z.preamble),
        ("body", z.body),
        ("signature", z.signature),
        ("recipients", z.recipients),
        ("marks", z.marks),
    )
    for name, paras in groups:
        if any(q.loc.paragraph == n for q in paras):
            return name
    return "body"


def alignment_known(p: Paragraph) -> bool:
    """Paragraph alignment says whether a header line is centred in its column only inside a table cell
    or a text box; a header typed as tab-separated or indented lines centres with tabs and spaces."""
    return p.align is not None and p.loc.container in ("table", "textbox")


def style_faults(p: Paragraph, *, bold: bool | None, italic: bool | None, size: float | None) -> list[str]:
    """Differences of ``p`` from the expected toggles and size ("in đậm", "cỡ 13 pt"), in Vietnamese."""
    out: list[str] = []
    if bold is not None:
        b = p.attr("bold") if bold else p.attr_any("bold")
        if b is not None and b != bold:
            out.append("không in đậm" if bold else "in đậm")
    if italic is not None:
        i = p.attr("italic") if italic else p.attr_any("italic")
        if i is not None and i != italic:
            out.append("không in nghiêng" if italic else "in nghiêng")
    if size is not None:
        off = off_sizes(p, size, size)
        if off:
            out.append("cỡ " + ", ".join(pt(s) for s in off))
    return out


def bold_upright_faults(p: Paragraph, size: float, faults: list[str], actual: list[str]) -> None:
    """Add to ``faults``/``actual`` what keeps ``p`` from being bold, upright and ``size`` pt (signature lines)."""
    if p.attr("bold") is False:
        faults.append("chưa in đậm")
        actual.append("không đậm")
    if p.attr_any("italic") is True:
        faults.append("in nghiêng")
        actual.append("nghiêng")
    wrong = off_sizes(p, size, size)
    if wrong:
        sizes = ", ".join(pt(s) for s in wrong)
        faults.append(f"cỡ chữ {sizes}")
        actual.append(sizes)


def expected_style(*, bold: bool, italic: bool, size: float) -> str:
    parts = [pt(size), "đậm" if bold else "không đậm", "nghiêng" if italic else "đứng"]
    return ", ".join(parts)


def org_kind_abbr(issuer_text: str) -> str | None:
    """Body abbreviation implied by the issuer line: ĐẢNG ỦY → ĐU, CHI BỘ → CB (None when unclear)."""
    key = fold(issuer_text)
    if key.startswith(("dang uy", "ban thuong vu dang uy", "ban chap hanh dang bo")):
        return "ĐU"
    if key.startswith("chi bo"):
        return "CB"
    return None


def profile_attr(ctx: Context, name: str) -> Any:
    """A profile fact read duck-typed (the profile object may be absent or partial)."""
    return getattr(ctx.profile, name, None) if ctx.profile is not None else None


def looks_swapped(z: Zones) -> bool:
    """The two organisation lines in reverse order: a committee ("ĐẢNG ỦY …", "CHI BỘ …") above a
    "ĐẢNG BỘ …" line."""
    if z.superior is None or z.issuer is None:
        return False
    return org_kind_abbr(z.superior.plain) is not None and z.issuer.key.startswith("dang bo ")


def party_header(z: Zones) -> bool:
    """The top of page 1 looks like a document header at all: a title, "*", "Số …" or a date line was
    recognised. Header rules say nothing on text that has none (STR-ZONES-PRESENT reports that)."""
    return any(x is not None for x in (z.party_title, z.state_title, z.star, z.number, z.date_line))


def sign_lines(z: Zones) -> SignatureLines:
    """:func:`quyche.rules.common.signature_lines` of the signature block, once per document."""
    found = z.memo.get("signature_lines")
    if found is None:
        found = z.memo["signature_lines"] = signature_lines(z.signature)
    return found  # type: ignore[return-value]
