"""REF-ANACHRONISM — a document cannot cite a document dated after its own date.

The cited document's date is the catalogue's (compared to the precision the catalogue knows: a year-only
date is compared by year). A catalogue date marked L is not trusted alone: the date printed in the citation
must agree. A document not in the catalogue is judged by the full date printed in the citation.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from quyche.model import Document
from quyche.references import Reference, vn_date
from quyche.rules.base import Context, Hit, rule
from quyche.rules.ref._cites import name, resolved


def _after(ref: Reference, doc_date: date) -> bool:
    d = ref.date
    if ref.date_precision == "year":
        return d.year > doc_date.year
    if ref.date_precision == "month":
        return (d.year, d.month) > (doc_date.year, doc_date.month)
    return d > doc_date


@rule("REF-ANACHRONISM")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    doc_date = ctx.doc_date
    if doc_date is None:
        return  # an undated draft: nothing to compare
    own = vn_date(doc_date)
    seen: set[str] = set()
    for cited, ref in resolved(doc, ctx):
        c = cited.citation
        if cited.in_title or c.is_dieu_le:
            continue
        if ref is not None:
            late = _after(ref, doc_date)
            if late and ref.date_confidence == "L":
                late = c.date is not None and c.date > doc_date  # an uncertain catalogue date needs support
            key, shown, when = ref.key, name(ref), (vn_date(ref.date) if ref.date_precision == "day"
                                                      else str(ref.date.year))
        else:
            if c.state or c.date is None:
                continue
            late = c.date > doc_date
            key, shown, when = c.key, f"“{c.raw}”", vn_date(c.date)
        if not late or key in seen:
            continue
        seen.add(key)
        yield Hit(
            f"Văn bản ngày {own} lại dẫn {shown}, ban hành sau ngày của chính văn bản này",
            paragraph=cited.paragraph,
            zone=cited.zone,
            expected=f"văn bản dẫn ban hành trước hoặc trong ngày {own}",
            actual=f"{c.number_symbol} ngày {when}",
            fix="Kiểm tra ngày ban hành ở dòng địa danh, ngày tháng và số, ngày của văn bản được dẫn; sửa chỗ ghi sai",
        )
