"""FMT-HEADER-ORG-POS — top left of page 1: superior Party organisation, issuing body, "*", "Số …".

Reports a header without any organisation line, a grassroots issuer without the superior line above
it, the two lines in reverse order, organisation lines in the right column, and a "*" or "Số" placed
above the issuer. A missing "*" is FMT-HEADER-STAR's; "Số" in the wrong column is FMT-NUMBER-POS's.
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote
from quyche.rules.fmt._header_kit import header_pos, looks_swapped, org_kind_abbr, party_header

EXPECTED = "dòng 1: tổ chức đảng cấp trên trực tiếp; dòng 2: cơ quan ban hành; rồi “*”; rồi “Số …”"


@rule("FMT-HEADER-ORG-POS")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    if not party_header(z):
        return
    if z.issuer is None and z.superior is None:
        anchor = z.number or z.star or z.party_title
        if anchor is not None:
            yield Hit(
                "Không thấy tên cơ quan ban hành ở góc trên bên trái trang đầu",
                paragraph=anchor, zone="header.left", expected=EXPECTED, actual=None,
                fix="Ghi tên tổ chức đảng cấp trên (dòng 1) và tên cơ quan ban hành (dòng 2, in đậm) ở góc "
                    "trên "
                    "bên trái, ngang với tiêu đề",
            )
        return
    if z.issuer is None and z.superior is not None:
        yield Hit(
            f"Chỉ có một dòng {quote(z.superior)} ở góc trên bên trái; thiếu tên cơ quan ban hành",
            paragraph=z.superior, zone="header.left", expected=EXPECTED, actual=z.superior.plain,
            fix="Thêm tên cơ quan ban hành (in hoa, đậm) ngay dưới tên tổ chức đảng cấp trên",
        )
        return
    issuer = z.issuer
    assert issuer is not None
    if looks_swapped(z):
        assert z.superior is not None
        yield Hit(
            f"Hai dòng tên tổ chức bị đảo: {quote(z.superior)} đứng trên {quote(issuer)}",
            paragraph=z.superior, zone="header.left", expected=EXPECTED,
            actual=f"{z.superior.plain} / {issuer.plain}",
            fix="Đặt tên tổ chức đảng cấp trên ở dòng 1 và tên cơ quan ban hành ở dòng 2",
        )
    elif z.superior is None and (org_kind_abbr(issuer.plain) or issuer.key.startswith("dang bo ")):
        yield Hit(
            f"Thiếu tên tổ chức đảng cấp trên trực tiếp phía trên {quote(issuer)}",
            paragraph=issuer, zone="header.left", expected=EXPECTED, actual=issuer.plain,
            fix="Thêm dòng tên đảng bộ cấp trên trực tiếp (ví dụ “ĐẢNG BỘ XÃ …”, in hoa, không đậm) phía "
                "trên tên "
                "cơ quan ban hành",
        )
    for line in (z.superior, issuer):
        if line is not None and z.side_of(line) == "right":
            yield Hit(
                f"Tên tổ chức {quote(line)} đặt ở bên phải; phải ở góc trên bên trái",
                paragraph=line, zone="header.left", expected="góc trên bên trái", actual="bên phải",
                fix="Đặt tên tổ chức ở cột trái của phần đầu văn bản, ngang với tiêu đề",
            )
            break
    at = header_pos(z, issuer)
    for item, label in ((z.star, "Dấu “*”"), (z.number, "Dòng “Số …”")):
        pos = header_pos(z, item)
        if item is not None and at is not None and pos is not None and pos < at:
            yield Hit(
                f"{label} đặt trên tên cơ quan ban hành {quote(issuer)}",
                paragraph=item, zone="header.left", expected=EXPECTED, actual=item.plain,
                fix="Sắp lại góc trên bên trái: tổ chức cấp trên, cơ quan ban hành, “*”, “Số …”",
            )
            break
