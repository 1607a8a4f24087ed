"""FMT-BODY-TEXT: running text of the căn cứ, the operative sentence and the body in 14 pt.

Every run of those paragraphs (not tables) whose size is outside 14–15 pt gets 14 pt; footnote marks and
other raised or lowered runs keep their size.
"""

from __future__ import annotations

from quyche.engine import Finding
from quyche.fix.base import Change, FixContext, fixer, runs_of
from quyche.fix.ooxml import set_size
from quyche.readers.docx.ooxml import W
from quyche.rules.common import half_pt, pt, size_in
from quyche.rules.fmt.body_text import HIGH, LOW

TARGET = 14.0


@fixer("FMT-BODY-TEXT", order=20)
def fix(ctx: FixContext, findings: list[Finding]) -> list[Change]:
    z = ctx.doc.zones
    by_size: dict[float, set[int]] = {}
    for zp in [*z.preamble, *z.body]:
        if not zp.plain or zp.loc.container == "table":
            continue
        para = ctx.model(zp)
        offset = 1 if para.label else 0
        elements = runs_of(ctx.element(zp))
        for j, run in enumerate(para.runs):
            size = run.fmt.size
            if size is None or not run.text.strip() or size_in(size, LOW, HIGH):
                continue
            k = max(j - offset, 0)  # a numbering label takes the first run's formatting
            if k >= len(elements):
                continue
            el = elements[k]
            rpr = el.find(W + "rPr")
            if rpr is not None and rpr.find(W + "vertAlign") is not None:
                continue
            set_size(el, TARGET)
            by_size.setdefault(half_pt(size), set()).add(para.loc.paragraph)
    if not by_size:
        return []
    ctx.touch()
    return [
        Change("FMT-BODY-TEXT", f"phần nội dung ({len(paras)} đoạn, đầu tiên: đoạn {min(paras)})", pt(size),
               pt(TARGET))
        for size, paras in sorted(by_size.items())
    ]
