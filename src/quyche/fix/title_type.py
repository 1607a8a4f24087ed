"""FMT-TITLE-TYPE: the type name ("QUY CHẾ") in hoa, đứng, đậm, 16 pt, centred.

A type name typed in lower case is rewritten in upper case (the same words). The size part that points
at some other, larger text of the document is left for a person: which text to shrink is a choice.
"""

from __future__ import annotations

from quyche.engine import Finding
from quyche.fix.base import Change, FixContext, fixer, runs_of
from quyche.fix.ooxml import rewrite, set_align, set_size, set_toggle
from quyche.rules.common import off_sizes, shown_upper
from quyche.rules.fmt.title_type import HIGH, LOW

TARGET = 16.0


@fixer("FMT-TITLE-TYPE", order=40)
def fix(ctx: FixContext, findings: list[Finding]) -> list[Change]:
    z = ctx.doc.zones
    title = z.title_type
    if title is None:
        return []
    el, start, end = ctx.piece(title)
    done: list[str] = []
    parts = {f.part for f in findings if f.paragraph == title.loc.paragraph}
    if "style" in parts:
        if not shown_upper(title):
            rewrite(el, start, end, title.plain.upper())
            done.append("in hoa")
        if title.attr("bold") is False:
            for r in runs_of(el):
                set_toggle(r, "b", True)
            done.append("đậm")
        if title.attr_any("italic") is True:
            for r in runs_of(el):
                set_toggle(r, "i", False)
            done.append("đứng")
        if z.layout_known and title.align in ("left", "right", "both"):
            set_align(el, "center")
            done.append("căn giữa")
    if "size" in parts and off_sizes(title, LOW, HIGH):
        for r in runs_of(el):
            set_size(r, TARGET)
        done.append("16 pt")
    if any(f.paragraph != title.loc.paragraph for f in findings):
        ctx.left("FMT-TITLE-TYPE", "có chữ lớn hơn tên loại văn bản: chọn cỡ chữ cho đoạn đó")
    if not done:
        return []
    ctx.touch()
    after = title.plain.upper() if "in hoa" in done else title.plain
    return [Change("FMT-TITLE-TYPE", title.loc.describe(), f"“{title.plain}”", f"“{after}” ({', '.join(done)})")]
