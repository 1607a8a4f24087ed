"""REF-SUPERSEDED — no citation of a document the catalogue marks as superseded as of the check date.

The finding names the successor current at ``as_of`` and the chain that leads to it. Severity comes from
the supersession links (references.md §0), read along the chain as far as the links are settled (H/M):

- every settled link H and the cited document superseded on or before the document's date → error
  (part ``link_h_before_doc``); superseded only after the document's date → warning, the regulation needs
  review (``link_h_after_doc``);
- a settled link M → warning (``link_m``);
- the very first link L or UNCONFIRMED → info ⚑ (``link_l``): nothing is settled, so nothing more is said.

Links beyond the settled successor that are L or UNCONFIRMED (294-QĐ/TW → 20-QĐ/TW → 208-QĐ/TW in 2026)
never raise the severity; the message mentions them as "[Cần xác nhận]" information.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from quyche.model import Document
from quyche.references import Hop, Reference, ReferenceCatalogue, vn_date
from quyche.rules.base import Context, Hit, rule
from quyche.rules.ref._cites import (
    LINK_VERB,
    catalogue_for,
    chain_text,
    cited_refs,
    effective_date,
    full_name,
    hop_text,
    name,
)

_RANK = {"H": 3, "M": 2, "L": 1}


def _settled(hops: tuple[Hop, ...]) -> tuple[Hop, ...]:
    """The leading hops of confidence H or M: the part of the chain that is established."""
    out: list[Hop] = []
    for h in hops:
        if _RANK[h.confidence] < _RANK["M"]:
            break
        out.append(h)
    return tuple(out)


def _current_of_kind(cat: ReferenceCatalogue, ref: Reference, on: date) -> Reference | None:
    """For a historical entry with no recorded successor: the newest entry of its kind in force on ``on``."""
    same = [
        r for r in cat
        if r.kind == ref.kind and r.key != ref.key and "all" in r.applies_to and cat.in_force(r, on)
    ]
    return max(same, key=lambda r: (r.date, r.key)) if same else None


@rule("REF-SUPERSEDED")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    cat = catalogue_for(ctx)
    doc_day = effective_date(ctx)
    as_of = vn_date(ctx.as_of)
    for cited, ref in cited_refs(doc, ctx):
        c, p = cited.citation, cited.paragraph
        if ref.status == "historical" and not ref.superseded_by:
            current = _current_of_kind(cat, ref, ctx.as_of)
            yield Hit(
                f"Dẫn “{c.raw or c.number_symbol}”: danh mục ghi {name(ref)} là văn bản lịch sử, đã được các "
                f"văn bản sau thay thế (liên kết độ tin cậy L)"
                + (f"; văn bản cùng loại đang có hiệu lực: {full_name(current)}" if current else ""),
                paragraph=p, zone=cited.zone, part="link_l",
                expected=current.number_symbol if current else None, actual=ref.number_symbol,
                fix=f"Kiểm tra lại căn cứ; nên dẫn {name(current)}" if current else None,
            )
            continue
        res = cat.resolve(ref, ctx.as_of)
        if not res.superseded:
            continue
        settled = _settled(res.hops)
        pending = res.hops[len(settled):]
        first = res.hops[0]
        verb = LINK_VERB.get(first.link_type, LINK_VERB["replaced"])
        cited_text = f"“{c.raw or c.number_symbol}”"
        if not settled:
            # Nothing established: the first link is L or UNCONFIRMED.
            latest = res.reference
            yield Hit(
                f"Văn bản được dẫn {cited_text} có thể đã {verb} {hop_text(first)}"
                + (f", văn bản mới nhất của chuỗi tính đến {as_of} là {full_name(latest)}" if len(res.hops) > 1
                   else f": {full_name(latest)}")
                + f". Chuỗi: {chain_text(ref, res.hops)}. Liên kết này chưa được xác nhận theo văn bản chính "
                "thức; chưa cần sửa căn cứ cho đến khi danh mục xác nhận",
                paragraph=p, zone=cited.zone, part="link_l",
                expected=latest.number_symbol, actual=ref.number_symbol,
                fix=f"Đối chiếu văn bản chính thức của {latest.number_symbol}; nếu đúng là đã thay thế "
                f"{ref.number_symbol} thì rà soát căn cứ và nội dung quy chế liên quan",
            )
            continue
        successor = settled[-1].target
        weakest = min((h.confidence for h in settled), key=_RANK.__getitem__)
        superseded_on = first.on
        if weakest == "M":
            part = "link_m"
        elif superseded_on <= doc_day:
            part = "link_h_before_doc"
        else:
            part = "link_h_after_doc"
        when = (
            f"từ {vn_date(superseded_on)}, trước ngày ban hành văn bản này"
            if superseded_on <= doc_day
            else f"từ {vn_date(superseded_on)}, sau ngày ban hành văn bản này: quy chế cần được rà soát"
        )
        label = f"Văn bản hiện hành tính đến {as_of}" if not pending else "Văn bản thay thế đã xác lập"
        message = (
            f"Căn cứ {cited_text} đã {verb} văn bản khác ({when}). {label}: "
            f"{full_name(successor)}. Chuỗi thay thế: {chain_text(ref, settled)}"
        )
        if weakest == "M":
            message += " (có liên kết độ tin cậy M, nên đối chiếu văn bản chính thức)"
        if pending:
            message += (
                f". [Cần xác nhận] {successor.number_symbol} có thể đã được thay thế tiếp, văn bản mới nhất của chuỗi "
                f"tính đến {as_of} là {full_name(res.reference)}: {chain_text(successor, pending)} — liên kết độ "
                "tin cậy thấp, chưa xác nhận"
            )
        yield Hit(
            message,
            paragraph=p, zone=cited.zone, part=part,
            expected=f"{successor.number_symbol} ({vn_date(successor.date)})", actual=ref.number_symbol,
            fix=f"Thay căn cứ {ref.number_symbol} bằng {full_name(successor)}, rồi rà soát các nội dung của quy "
            "chế dựa trên văn bản cũ",
        )
