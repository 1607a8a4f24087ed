"""REF-DIEULE-MISSING — the căn cứ block cites the Điều lệ Đảng, as its first basis.

"Điều lệ Đảng" inside the title of another basis ("Quy định … về thi hành Điều lệ Đảng") does not count.
A QUY CHẾ with no căn cứ block at all lacks it too (unless it is attached to a QUYẾT ĐỊNH ban hành, which
carries the căn cứ); other documents without a căn cứ block are not judged.
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote, type_key
from quyche.rules.ref._cites import basis_text, document_citations
from quyche.text import fold

_LINE = "- Căn cứ Điều lệ Đảng;"


@rule("REF-DIEULE-MISSING")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    cites = document_citations(doc)
    lines = [p for p in cites.basis_lines if basis_text(p).strip(" :;,.")]
    if not lines:
        if type_key(z.title_type) == "quy che" and z.attached_ref is None and (z.body or z.preamble):
            yield Hit(
                "Văn bản không có phần căn cứ; căn cứ đầu tiên phải là Điều lệ Đảng",
                paragraph=z.preamble[0] if z.preamble else (z.body[0] if z.body else None),
                zone="preamble",
                part="missing",
                expected=_LINE,
                actual="không có phần căn cứ",
                fix=f"Thêm phần căn cứ trước Chương I, dòng đầu tiên “{_LINE}”",
            )
        return
    dieu_le = [c for c in cites.basis if c.citation.is_dieu_le and not c.in_title]
    if not dieu_le:
        yield Hit(
            f"Phần căn cứ không nêu Điều lệ Đảng (căn cứ đầu tiên là {quote(lines[0], 70)})",
            paragraph=lines[0],
            zone="preamble.cancu",
            part="missing",
            expected=_LINE,
            actual="không có",
            fix=f"Thêm “{_LINE}” vào đầu phần căn cứ",
        )
        return
    if not fold(basis_text(lines[0])).startswith("dieu le dang"):
        where = dieu_le[0].paragraph
        yield Hit(
            f"Điều lệ Đảng chưa là căn cứ đầu tiên: căn cứ đầu tiên là {quote(lines[0], 70)}, Điều lệ Đảng ở "
            f"{quote(where, 50)}",
            paragraph=where,
            zone="preamble.cancu",
            part="not_first",
            expected="Điều lệ Đảng là căn cứ đầu tiên",
            actual=f"căn cứ đầu tiên: {basis_text(lines[0])[:60]}",
            fix="Chuyển dòng “- Căn cứ Điều lệ Đảng …;” lên đầu phần căn cứ",
        )
