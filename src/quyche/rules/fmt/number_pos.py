"""FMT-NUMBER-POS — "Số …" under the "*" in the left column, centred; in thường, 14 pt, đứng, not bold.

Part ``position`` (error): in the right column, or above the "*". Part ``style`` (warning): bold,
italic, size, "SỐ" in capitals, not centred in its cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote
from quyche.rules.fmt._header_kit import alignment_known, expected_style, misplaced, style_faults

SIZE = 14.0


@rule("FMT-NUMBER-POS")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    number = z.number
    if number is None:
        return
    where = misplaced(z, number, "right", z.star)
    if where == "side":
        yield Hit(
            f"Dòng {quote(number)} đặt ở cột phải; phải ở cột trái, dưới dấu “*”",
            paragraph=number, zone="header.left", part="position", expected="cột trái, dưới “*”",
            actual="cột phải",
            fix="Chuyển “Số …” sang cột trái, ngay dưới dấu “*”, căn giữa",
        )
    elif where == "above":
        yield Hit(
            f"Dòng {quote(number)} đặt trên dấu “*”; phải ở ngay dưới",
            paragraph=number, zone="header.left", part="position", expected="dưới “*”", actual="trên “*”",
            fix="Đặt “Số …” ngay dưới dấu “*”",
        )
    faults = style_faults(number, bold=False, italic=False, size=SIZE)
    if number.plain[:2] == "SỐ":
        faults.insert(0, "chữ “SỐ” viết in hoa")
    if alignment_known(number) and number.align not in ("center", None):
        faults.append("không căn giữa")
    if faults:
        yield Hit(
            f"Dòng {quote(number)}: {', '.join(faults)}",
            paragraph=number, zone="header.left", part="style",
            expected="“Số” in thường, " + expected_style(bold=False, italic=False, size=SIZE) + ", căn giữa",
            actual=", ".join(faults),
            fix="Trình bày “Số …” chữ thường, cỡ 14, đứng, không đậm, căn giữa dưới dấu “*”",
        )
