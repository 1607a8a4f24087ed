"""FMT-TITLE-TYPE — type name centred under the header, in hoa, đứng, đậm, 15–16 pt, the largest text."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document, Paragraph
from quyche.rules.base import FORMATTING, Context, Hit, rule
from quyche.rules.common import half_pt, off_sizes, pt, pt_range, quote, shown_upper

LOW, HIGH = 15.0, 16.0


@rule("FMT-TITLE-TYPE", needs=[FORMATTING])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    p = z.title_type
    if p is None:
        return  # no type line: STR-ZONES-PRESENT reports it
    faults: list[str] = []
    actual: list[str] = []
    if not shown_upper(p):
        faults.append("chưa viết in hoa")
        actual.append("chữ thường")
    if p.attr("bold") is False:
        faults.append("chưa in đậm")
        actual.append("không đậm")
    if p.attr_any("italic") is True:
        faults.append("đang in nghiêng")
        actual.append("nghiêng")
    if z.layout_known and p.align in ("left", "right", "both"):
        faults.append("chưa căn giữa")
        actual.append(f"căn {_ALIGN_VI.get(p.align, p.align)}")
    if faults:
        yield Hit(
            f"Tên loại văn bản {quote(p)} {', '.join(faults)} (phải in hoa, đứng, đậm, căn giữa)",
            paragraph=p, zone="title.type", part="style",
            expected="IN HOA, đứng, đậm, căn giữa", actual=", ".join(actual),
            fix=f"Trình bày tên loại “{p.plain.upper()}” in hoa, đứng, đậm, căn giữa dưới phần tiêu đề",
        )
    wrong = off_sizes(p, LOW, HIGH)
    if wrong:
        yield Hit(
            f"Tên loại văn bản {quote(p)} cỡ chữ {', '.join(pt(s) for s in wrong)} (phải 15–16 pt)",
            paragraph=p, zone="title.type", part="size", expected=pt_range(LOW, HIGH),
            actual=", ".join(pt(s) for s in wrong), fix="Đặt cỡ chữ tên loại văn bản 16 pt (hoặc 15 pt)",
        )
        return
    # The type name is the largest text of the document.
    own = max((half_pt(s) for s in p.sizes()), default=None)
    if own is None:
        return
    bigger = _larger_text(doc, p, own)
    if bigger is not None:
        q, size = bigger
        yield Hit(
            f"Tên loại văn bản {quote(p)} ({pt(own)}) không phải chữ lớn nhất văn bản: "
            f"{quote(q)} cỡ {pt(size)}",
            paragraph=q, zone="title.type", part="size", expected=f"≤ {pt(own)}", actual=pt(size),
            fix=f"Giảm cỡ chữ của {quote(q)} xuống không quá cỡ chữ tên loại văn bản",
        )


_ALIGN_VI = {"left": "trái", "right": "phải", "both": "đều hai bên"}


def _larger_text(doc: Document, title: Paragraph, own: float) -> tuple[Paragraph, float] | None:
    z = doc.zones
    # Every zone paragraph is a main-story paragraph or a piece of one with the same runs, so when no
    # visible run of the document is larger than ``own`` no zone paragraph is either.
    if half_pt(_largest_size(doc)) <= own:
        return None
    for q in [*z.header, *z.title_summary, *z.preamble, *z.body, *z.signature, *z.recipients]:
        if q is title:
            continue
        sizes = [half_pt(s) for s in q.sizes()]
        if sizes and max(sizes) > own:
            return q, max(sizes)
    return None


def _largest_size(doc: Document) -> float:
    """The largest known size (pt) of a visible run in the main story, 0 if none; once per document."""
    memo = doc.zones.memo
    found = memo.get("largest_size")
    if found is None:
        sizes = {r.fmt.size for p in doc.paragraphs for r in p.runs}
        sizes.discard(None)
        # The largest size of any run; an invisible run (spaces only) does not count, so when the
        # largest belongs to one, look again at the visible runs only.
        found = max(sizes, default=0.0)  # type: ignore[type-var]
        if found and not any(r.fmt.size == found and r.text.strip() for p in doc.paragraphs for r in p.runs):
            found = max(
                (r.fmt.size for p in doc.paragraphs for r in p.runs if r.fmt.size is not None and r.text.strip()),
                default=0.0,
            )
        memo["largest_size"] = found
    return found  # type: ignore[return-value]
