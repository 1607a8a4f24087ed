"""FMT-NUMBER-TYPE-MATCH — the type abbreviation in "Số …" matches the type title (rules.md §10.1).

QUY CHẾ ↔ QC, NGHỊ QUYẾT ↔ NQ, QUY ĐỊNH ↔ QĐ or QĐi … Types without an abbreviation in the table,
type names the table does not know and numbers whose type group cannot be read are not judged.
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.catalogue import doc_types
from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import parse_number, quote, type_key


@rule("FMT-NUMBER-TYPE-MATCH")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    if z.number is None or z.title_type is None:
        return
    dt = doc_types().get(type_key(z.title_type))
    if dt is None or not dt.abbreviations:
        return
    ns = parse_number(z.number.plain)
    if not ns.type_abbr:
        return  # unreadable number: FMT-NUMBER-PATTERN reports it
    allowed = [a.strip() for a in dt.abbreviations if a.strip()]
    if ns.type_abbr.upper() in {a.upper() for a in allowed}:
        return
    want = " hoặc ".join(allowed)
    yield Hit(
        f"Ký hiệu tên loại “{ns.type_abbr}” trong {quote(z.number)} không khớp tên loại "
        f"{quote(z.title_type)} "
        f"(phải là “{want}”)",
        paragraph=z.number, zone="header.left", expected=want, actual=ns.type_abbr,
        fix=f"Sửa ký hiệu tên loại trong số văn bản thành “{allowed[0]}” (ví dụ “Số 01-{allowed[0]}/…”), "
            "hoặc sửa tên loại cho đúng văn bản",
    )
