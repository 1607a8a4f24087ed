"""FMT-HEADER-STAR: a "*" line under the issuer name, above "Số …".

Part ``missing``: a paragraph "*" is inserted right after the issuer line (after its last line when the
name wraps), in the same table cell, text box or story, with the issuer line's paragraph formatting and
its run formatting without bold. Part ``short_line``: the short line standing in its place becomes "*".
"""

from __future__ import annotations

from lxml import etree

from quyche.engine import Finding
from quyche.fix.base import Change, FixContext, fixer, runs_of
from quyche.fix.ooxml import new_paragraph_like, rewrite, set_toggle
from quyche.model import Paragraph
from quyche.readers.docx.ooxml import W
from quyche.text import squash

STAR = "*"


@fixer("FMT-HEADER-STAR", order=70)
def fix(ctx: FixContext, findings: list[Finding]) -> list[Change]:
    z = ctx.doc.zones
    parts = {f.part for f in findings}
    if "short_line" in parts and z.star is not None:
        el, start, end = ctx.piece(z.star)
        rewrite(el, start, end, STAR)
        ctx.touch()
        return [Change("FMT-HEADER-STAR", z.star.loc.describe(), f"“{z.star.plain}”", f"“{STAR}”")]
    if "missing" not in parts or z.issuer is None or z.star is not None:
        return []
    last = _last_line(ctx, z.issuer)
    runs = runs_of(last)
    rpr = runs[0].find(W + "rPr") if runs else None
    star = new_paragraph_like(last, STAR, rpr)
    for r in star.iterfind(W + "r"):
        set_toggle(r, "b", False)
    last.addnext(star)
    ctx.touch()
    return [Change("FMT-HEADER-STAR", f"sau {z.issuer.loc.describe()}", f"“{z.issuer.plain}” (không có “*”)",
                   f"thêm dòng “{STAR}” dưới tên cơ quan ban hành")]


def _last_line(ctx: FixContext, issuer: Paragraph) -> etree._Element:
    """The element of the issuer's last line: a long name may wrap onto the next paragraph of its column."""
    i = issuer.loc.paragraph - 1
    first = ctx.doc.paragraphs[i]
    pieces = first.split_tabs()
    seen = squash(pieces[issuer.loc.col or 0].plain if len(pieces) > 1 else first.plain)
    last = i
    for j in range(i + 1, min(i + 4, len(ctx.doc.paragraphs))):
        if seen == issuer.plain:
            break
        nxt = ctx.doc.paragraphs[j]
        if not nxt.plain:
            continue
        nxt_pieces = nxt.split_tabs()
        piece = nxt_pieces[0].plain if len(nxt_pieces) > 1 else nxt.plain
        seen = squash(f"{seen} {piece}")
        last = j
    return ctx.elements[last] if seen == issuer.plain else ctx.elements[i]
