"""FMT-DATE-POS — the place-and-date line in the right column under the title's line, centred; in
thường, 14 pt, nghiêng, not bold.

Part ``position`` (error): in the left column, or above "ĐẢNG CỘNG SẢN VIỆT NAM". Part ``style``
(warning): not italic, bold, size, not centred in its cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote
from quyche.rules.fmt._header_kit import alignment_known, expected_style, misplaced, style_faults

SIZE = 14.0


@rule("FMT-DATE-POS")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    p = z.date_line
    if p is None:
        return
    where = misplaced(z, p, "left", z.party_title)
    if where == "side":
        yield Hit(
            f"Dòng địa danh, ngày tháng {quote(p)} đặt ở cột trái; phải ở cột phải, dưới tiêu đề",
            paragraph=p, zone="header.right", part="position", expected="cột phải, dưới tiêu đề",
            actual="cột trái",
            fix="Chuyển dòng địa danh, ngày tháng sang cột phải, ngay dưới đường kẻ của tiêu đề, căn giữa",
        )
    elif where == "above":
        yield Hit(
            f"Dòng địa danh, ngày tháng {quote(p)} đặt trên tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM”",
            paragraph=p, zone="header.right", part="position", expected="dưới tiêu đề",
            actual="trên tiêu đề",
            fix="Đặt dòng địa danh, ngày tháng ngay dưới tiêu đề và đường kẻ",
        )
    faults = style_faults(p, bold=False, italic=True, size=SIZE)
    if alignment_known(p) and p.align not in ("center", None):
        faults.append("không căn giữa")
    if faults:
        yield Hit(
            f"Dòng địa danh, ngày tháng {quote(p)}: {', '.join(faults)}",
            paragraph=p, zone="header.right", part="style",
            expected=expected_style(bold=False, italic=True, size=SIZE) + ", căn giữa",
            actual=", ".join(faults),
            fix="Trình bày dòng địa danh, ngày tháng chữ thường, cỡ 14, in nghiêng, không đậm, căn giữa dưới "
                "tiêu đề",
        )
