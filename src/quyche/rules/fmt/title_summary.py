"""FMT-TITLE-SUMMARY — trích yếu under the type name: centred, in thường, đứng, đậm, 14–15 pt."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import FORMATTING, Context, Hit, rule
from quyche.rules.common import off_sizes, pt, quote
from quyche.text import is_upper, starts_lower

LOW, HIGH = 14.0, 15.0


@rule("FMT-TITLE-SUMMARY", needs=[FORMATTING])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    # A reference line "Ban hành kèm theo Quyết định …" is FMT-TITLE-QC-ATTACHED's business.
    lines = [p for p in z.title_summary if p.plain and "kem theo quyet dinh" not in p.key]
    if not lines:
        return  # no trích yếu: STR-ZONES-PRESENT reports it
    first = lines[0]
    faults: list[str] = []
    actual: list[str] = []
    fixes: list[str] = []
    text = " ".join(p.plain for p in lines)
    if is_upper(text) or any(p.attr("caps") is True for p in lines):
        faults.append("viết in hoa")
        actual.append("in hoa")
        fixes.append("viết in thường")
    elif not starts_lower(text):
        faults.append("bắt đầu bằng chữ hoa")
        actual.append("chữ đầu viết hoa")
        fixes.append("viết thường chữ đầu (“làm việc của …”)")
    if any(p.attr("bold") is False for p in lines):
        faults.append("chưa in đậm")
        actual.append("không đậm")
        fixes.append("in đậm")
    if any(p.attr_any("italic") is True for p in lines):
        faults.append("in nghiêng")
        actual.append("nghiêng")
        fixes.append("bỏ in nghiêng")
    wrong = sorted({s for p in lines for s in off_sizes(p, LOW, HIGH)})
    if wrong:
        faults.append(f"cỡ chữ {', '.join(pt(s) for s in wrong)}")
        actual.append(", ".join(pt(s) for s in wrong))
        fixes.append("đặt cỡ chữ 14 pt")
    if z.layout_known and any(p.align in ("left", "right") for p in lines):
        faults.append("chưa căn giữa")
        actual.append("không căn giữa")
        fixes.append("căn giữa")
    if not faults:
        return
    yield Hit(
        f"Trích yếu {quote(first)} {'; '.join(faults)} (phải in thường, đứng, đậm, 14–15 pt, căn giữa)",
        paragraph=first, zone="title.summary",
        expected="in thường, đứng, đậm, 14–15 pt", actual=", ".join(actual),
        fix="Trích yếu: " + ", ".join(fixes),
    )
