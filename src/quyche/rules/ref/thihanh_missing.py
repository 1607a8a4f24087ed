"""REF-THIHANH-MISSING — the căn cứ block cites the Quy định thi hành Điều lệ Đảng in force on the document's
date and, recommended, the matching Hướng dẫn.

The entry "active" on the date (the document's date; the check date for an undated draft) is the newest entry
of the catalogue chain of that kind (``thi_hanh`` / ``huong_dan_thi_hanh``) in force then. Links of confidence
L or UNCONFIRMED are not settled, so the members of the chain they join are all accepted (a regulation of
September 2026 may cite 294-QĐ/TW or 208-QĐ/TW) and the message names the settled one, the newer ones as
"[Cần xác nhận]". A successor already signed on the date but not yet in force is accepted too.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from quyche.model import Document, Paragraph
from quyche.references import Reference, ReferenceCatalogue
from quyche.rules.base import Context, Hit, rule
from quyche.rules.ref._cites import (
    catalogue_for,
    cited_refs,
    document_citations,
    effective_date,
    full_name,
    name,
)

# (kind, part, what it is)
_CHAINS = (
    ("thi_hanh", "quy_dinh", "Quy định thi hành Điều lệ Đảng"),
    ("huong_dan_thi_hanh", "huong_dan", "Hướng dẫn thi hành Điều lệ Đảng"),
)


def active_window(cat: ReferenceCatalogue, kind: str, on: date) -> tuple[Reference, list[Reference]] | None:
    """(settled entry, accepted entries) of the chain of ``kind`` on ``on``; None when none is in force.

    The accepted entries run from the newest entry reached through settled links (H/M) to the entry in
    force on ``on``, plus successors of that entry already signed on ``on``."""
    active = [r for r in cat.of_kind(kind) if "all" in r.applies_to and cat.in_force(r, on)]
    if not active:
        return None
    current = max(active, key=lambda r: (r.date, r.key))
    window = [current]
    settled = current
    while True:
        weak = [p for p in cat.predecessors(settled) if cat.link_confidence(p) == "L"]  # a predecessor has a link
        if not weak:
            break
        settled = max(weak, key=lambda r: (r.date, r.key))
        window.insert(0, settled)
    window += [h.target for h in cat.hops(current) if h.target.date <= on]
    return settled, window


def _anchor(lines: list[Paragraph], doc: Document, ctx: Context) -> Paragraph:
    """The line after which the missing basis belongs: the Điều lệ line, else the first căn cứ."""
    for cited, ref in cited_refs(doc, ctx, basis_only=True):
        if ref.kind in ("dieu_le", "thi_hanh"):
            return cited.paragraph
    return lines[0]


@rule("REF-THIHANH-MISSING")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    lines = document_citations(doc).basis_lines
    if not lines:
        return  # no căn cứ block at all: REF-DIEULE-MISSING reports it
    cat = catalogue_for(ctx)
    on = effective_date(ctx)
    cited = {ref.key for _c, ref in cited_refs(doc, ctx, basis_only=True)}
    for kind, part, what in _CHAINS:
        found = active_window(cat, kind, on)
        if found is None:
            continue
        settled, window = found
        if any(r.key in cited for r in window):
            continue
        newer = window[window.index(settled) + 1:]
        note = ""
        if newer:
            note = (". [Cần xác nhận] Danh mục ghi nhận văn bản mới hơn có thể đã thay thế: "
                    + "; ".join(full_name(r) for r in newer) + " (liên kết độ tin cậy thấp, chưa xác nhận)")
        when = "ngày ban hành" if ctx.doc_date is not None else "ngày kiểm tra (văn bản chưa ghi ngày)"
        yield Hit(
            f"Phần căn cứ chưa nêu {what} có hiệu lực vào {when}: {full_name(settled)}{note}",
            paragraph=_anchor(lines, doc, ctx),
            zone="preamble.cancu",
            part=part,
            expected=settled.number_symbol,
            actual="không có",
            fix=f"Thêm “- Căn cứ {name(settled)} của {(settled.issuer or '…').split(' (')[0]} …;” sau căn cứ Điều lệ "
            "Đảng",
        )
