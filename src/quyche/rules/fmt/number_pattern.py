"""FMT-NUMBER-PATTERN — "Số <nn>-<type>/<org>": hyphen, then slash; 01–09 padded; ASCII hyphen.

Parts: ``state_order`` (error) the state order "Số: 01/QC-ĐU"; ``padding`` (warning) "Số 1-QC/ĐU", an
en/em dash, a blank number outside a draft, anything else the pattern does not recognise; ``colon``
(info, needs confirmation) "Số:".
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import parse_number, quote
from quyche.rules.fmt._header_kit import is_draft

PATTERN = "Số 01-QC/ĐU"


@rule("FMT-NUMBER-PATTERN")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    p = doc.zones.number
    if p is None:
        return
    ns = parse_number(p.plain)
    if ns.order == "state":
        good = f"Số {ns.number.zfill(2)}-{ns.type_abbr}/{ns.org_abbr}"
        yield Hit(
            f"Số, ký hiệu {quote(p)} viết theo kiểu văn bản nhà nước; văn bản của Đảng viết “{good}”",
            paragraph=p, zone="header.left", part="state_order", expected=good, actual=p.plain,
            fix=f"Viết “{good}”: gạch nối giữa số và tên loại, gạch chéo giữa tên loại và cơ quan, "
                "không có dấu “:”",
        )
        return
    if ns.order != "party":
        yield Hit(
            f"Số, ký hiệu {quote(p)} không đúng mẫu “Số <số>-<tên loại>/<cơ quan>” (ví dụ “{PATTERN}”)",
            paragraph=p, zone="header.left", part="padding", expected=PATTERN, actual=p.plain,
            fix=f"Viết số và ký hiệu theo mẫu “{PATTERN}”",
        )
        return
    good = f"Số {ns.number.zfill(2) if ns.number else '…'}-{ns.type_abbr}/{ns.org_abbr}"
    if not ns.number:
        if not is_draft(doc, ctx):
            yield Hit(
                f"Chưa ghi số văn bản {quote(p)}; chỉ dự thảo mới để trống số",
                paragraph=p, zone="header.left", part="padding", expected=PATTERN, actual=p.plain,
                fix="Ghi số văn bản theo sổ đăng ký (bắt đầu từ 01 trong nhiệm kỳ), hoặc đánh dấu “Dự thảo”",
            )
    elif not ns.padded:
        yield Hit(
            f"Số văn bản {quote(p)} chưa viết đủ hai chữ số; phải là “{good}”",
            paragraph=p, zone="header.left", part="padding", expected=good, actual=p.plain,
            fix=f"Viết số từ 01 đến 09 có số 0 đứng trước: “{good}”",
        )
    if not ns.ascii_dash:
        yield Hit(
            f"Số, ký hiệu {quote(p)} dùng gạch dài (–, —) thay cho gạch nối “-”",
            paragraph=p, zone="header.left", part="padding", expected=good, actual=p.plain,
            fix="Thay gạch dài bằng dấu gạch nối thường “-”",
        )
    if ns.colon:
        yield Hit(
            f"Sau chữ “Số” có dấu hai chấm {quote(p)}; các mẫu chính thức viết “Số 01-…” không có dấu “:”",
            paragraph=p, zone="header.left", part="colon", expected=good, actual=p.plain,
            fix="Bỏ dấu hai chấm sau chữ “Số”",
        )
