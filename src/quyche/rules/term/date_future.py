"""TERM-DATE-FUTURE — an issued document's date is not later than the check date (drafts are exempt)."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.term._kit import is_draft


@rule("TERM-DATE-FUTURE")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    day = ctx.doc_date
    if day is None or day <= ctx.as_of or is_draft(doc, ctx.is_draft):
        return
    yield Hit(
        f"Ngày ban hành {day:%d/%m/%Y} ở sau ngày đối chiếu {ctx.as_of:%d/%m/%Y}",
        paragraph=doc.zones.date_line, zone="header", expected=f"không sau {ctx.as_of:%d/%m/%Y}",
        actual=f"{day:%d/%m/%Y}",
    )
