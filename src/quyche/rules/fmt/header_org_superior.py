"""FMT-HEADER-ORG-SUPERIOR — line 1 top left: the superior đảng bộ, in hoa, 14 pt, đứng, not bold.

Reports the style (case, bold, italic, size) and the wording: a committee ("HUYỆN ỦY …", "ĐẢNG ỦY …")
named instead of the superior đảng bộ ("ĐẢNG BỘ …"). Lines in reverse order are left to
FMT-HEADER-ORG-POS.
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote
from quyche.rules.fmt._header_kit import expected_style, looks_swapped, party_header, style_faults
from quyche.text import is_upper

SIZE = 14.0


@rule("FMT-HEADER-ORG-SUPERIOR")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    line = z.superior
    if line is None or looks_swapped(z) or not party_header(z):
        return
    faults = style_faults(line, bold=False, italic=False, size=SIZE)
    if not is_upper(line.plain) and line.attr("caps") is not True:
        faults.insert(0, "không viết in hoa")
    if faults:
        yield Hit(
            f"Dòng tên tổ chức đảng cấp trên {quote(line)}: {', '.join(faults)}",
            paragraph=line, zone="header.left",
            expected="in hoa, " + expected_style(bold=False, italic=False, size=SIZE),
            actual=", ".join(faults),
            fix="Viết in hoa, cỡ 14, chữ đứng, không in đậm",
        )
    if not line.key.startswith("dang bo "):
        yield Hit(
            f"Dòng 1 {quote(line)} ghi tên một cấp ủy; dòng này ghi tên đảng bộ cấp trên trực tiếp "
            "(“ĐẢNG BỘ …”)",
            paragraph=line, zone="header.left", expected="ĐẢNG BỘ …", actual=line.plain,
            fix="Ghi tên đảng bộ cấp trên trực tiếp, ví dụ “ĐẢNG BỘ XÃ AN HÒA”, không ghi “… ỦY …”",
        )
