"""TERM-AS-OF-DATE — the nhiệm kỳ in the title covers the check date (else the regulation is due for
re-issue after the new congress)."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote
from quyche.rules.term._kit import title_term


@rule("TERM-AS-OF-DATE")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    tt = title_term(doc.zones)
    if tt is None or tt.start is None or tt.end is None:
        return
    year = ctx.as_of.year  # the check date, never today
    if tt.start <= year <= tt.end:
        return
    when = "đã kết thúc" if year > tt.end else "chưa bắt đầu"
    yield Hit(
        f"Nhiệm kỳ {tt.start} - {tt.end} ghi trong trích yếu {when} tại ngày đối chiếu "
        f"{ctx.as_of:%d/%m/%Y}: {quote(tt.paragraph)}",
        paragraph=tt.paragraph, zone="title.summary", expected=f"nhiệm kỳ bao gồm năm {year}",
        actual=f"nhiệm kỳ {tt.start} - {tt.end}",
    )
