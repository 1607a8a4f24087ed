"""TERM-KHOA-FILLED — a đảng ủy's working regulation states its khóa in the trích yếu, filled in."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import collective_kind, is_working_regulation, quote
from quyche.rules.term._kit import title_term


@rule("TERM-KHOA-FILLED")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    if collective_kind(z, ctx.profile) != "dang_uy":
        return  # a chi bộ's title states only the nhiệm kỳ (a "khóa ..." left there is TPL-PLACEHOLDER's)
    tt = title_term(z)
    if tt is None or not is_working_regulation(z) or tt.khoa_state == "filled":
        return
    if tt.khoa_state == "placeholder":
        yield Hit(
            f"Khóa trong trích yếu chưa được điền: “{tt.khoa_text}” ({quote(tt.paragraph)})",
            paragraph=tt.paragraph, zone="title.summary", expected="khóa <số La Mã>, ví dụ “khóa I”",
            actual=tt.khoa_text,
        )
    else:
        yield Hit(
            f"Trích yếu quy chế làm việc của Ban Chấp hành không ghi khóa: {quote(tt.paragraph)}",
            paragraph=tt.paragraph, zone="title.summary", expected="… khóa <số>, nhiệm kỳ …", actual=None,
            fix="Ghi khóa trước nhiệm kỳ: “… Đảng bộ … khóa I, nhiệm kỳ 2025 - 2030”",
        )
