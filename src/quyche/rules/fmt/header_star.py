"""FMT-HEADER-STAR — a single "*" centred under the issuer name, before "Số"."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote


@rule("FMT-HEADER-STAR")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    if z.issuer is None:
        return  # no issuer line: FMT-HEADER-ORG-POS / STR-ZONES-PRESENT report that
    star = z.star
    if star is None:
        yield Hit(
            f"Thiếu dấu “*” dưới tên cơ quan ban hành {quote(z.issuer)}",
            paragraph=z.issuer, zone="header.left", part="missing", expected="*", actual=None,
            fix="Thêm một dòng “*” căn giữa ngay dưới tên cơ quan ban hành, trên dòng “Số …”",
        )
        return
    if star.plain.replace(" ", "") not in ("*", "***"):
        yield Hit(
            f"Dùng đường kẻ ngắn {quote(star)} thay cho dấu “*” dưới tên cơ quan ban hành",
            paragraph=star, zone="header.left", part="short_line", expected="*", actual=star.plain,
            fix="Thay đường kẻ ngắn bằng một dấu “*” căn giữa",
        )
