"""REF-UNKNOWN-CITATION — a cited Party number-symbol that is not in the catalogue is reported (info), so the
supervising board can add it; no judgement on its validity.

One finding per distinct number-symbol, at its first occurrence. A number-symbol the text only implies
("Quy định 294" → 294-QĐ/TW) is reported only on a căn cứ line, where it is meant as a citation. State
documents ("Nghị định số 30/2020/NĐ-CP") cited on a căn cứ line are reported too: a state document is never
a basis of a Party document (references.md §3.7).
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.ref._cites import resolved
from quyche.zones import Zones


def _own_number(z: Zones) -> str | None:
    """The document's own number-symbol ("01-QC/ĐU"), which it may repeat without citing anything."""
    text = z.number_text
    return text.replace(" ", "") if text else None


@rule("REF-UNKNOWN-CITATION")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    own = _own_number(doc.zones)
    seen: set[str] = set()
    for cited, ref in resolved(doc, ctx):
        c = cited.citation
        if c.is_dieu_le:
            continue
        if c.state:
            if not cited.basis or c.key in seen:
                continue
            seen.add(c.key)
            yield Hit(
                f"Căn cứ “{c.raw}” là văn bản của Nhà nước; văn bản của Đảng không lấy văn bản nhà nước làm căn cứ",
                paragraph=cited.paragraph,
                zone=cited.zone,
                expected="văn bản của Đảng",
                actual=c.number_symbol,
                fix="Bỏ căn cứ văn bản nhà nước; nếu cần, dẫn văn bản của Đảng tương ứng",
            )
            continue
        if ref is not None or c.key in seen or (c.inferred_symbol and not cited.basis):
            continue
        if own is not None and c.number_symbol == own:
            continue
        seen.add(c.key)
        inferred = f" (ký hiệu suy ra từ “{c.raw}”)" if c.inferred_symbol else ""
        yield Hit(
            f"Văn bản “{c.number_symbol}”{inferred} chưa có trong danh mục văn bản căn cứ; không kiểm tra được "
            "hiệu lực của văn bản này",
            paragraph=cited.paragraph,
            zone=cited.zone,
            expected="văn bản có trong danh mục",
            actual=c.raw or c.number_symbol,
            fix=f"Kiểm tra lại số, ký hiệu, ngày của “{c.number_symbol}”; nếu đúng, đề nghị bổ sung vào danh mục",
        )
