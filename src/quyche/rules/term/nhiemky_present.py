"""TERM-NHIEMKY-PRESENT — the trích yếu states "nhiệm kỳ YYYY - YYYY"."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import collective_kind, is_working_regulation, quote
from quyche.rules.term._kit import title_term


@rule("TERM-NHIEMKY-PRESENT")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    tt = title_term(z)
    if tt is None or tt.start is not None or not is_working_regulation(z):
        return
    part = "chi_bo" if collective_kind(z, ctx.profile) == "chi_bo" else "dang_uy"
    if tt.has_term_word:
        msg = f"Nhiệm kỳ trong trích yếu chưa ghi đủ năm bắt đầu và năm kết thúc: {quote(tt.paragraph)}"
    else:
        msg = f"Trích yếu không ghi nhiệm kỳ: {quote(tt.paragraph)}"
    yield Hit(msg, paragraph=tt.paragraph, zone="title.summary", part=part, expected="nhiệm kỳ YYYY - YYYY",
              actual=None)
