"""FMT-PAGE-MARGINS: top 20, bottom 20, left 30, right 15 mm (1134/1134/1701/850 twips) in every section.

Header and footer distances and the gutter are kept; a negative top or bottom margin (text may not push
it) keeps its sign.
"""

from __future__ import annotations

from quyche.engine import Finding
from quyche.fix.base import Change, FixContext, fixer
from quyche.readers.docx.ooxml import W, to_int
from quyche.rules.base import Settings
from quyche.rules.common import mm, near
from quyche.rules.fmt.page_margins import EXPECTED, EXPECTED_TEXT

_ATTR = {"margin_top": "top", "margin_bottom": "bottom", "margin_left": "left", "margin_right": "right"}


@fixer("FMT-PAGE-MARGINS", order=10)
def fix(ctx: FixContext, findings: list[Finding]) -> list[Change]:
    changes: list[Change] = []
    tol = Settings().margin_tolerance_twips
    for number, sect in enumerate(ctx.sections, 1):
        mar = sect.find(W + "pgMar")
        if mar is None:
            continue
        wrong: list[str] = []
        before: list[str] = []
        for key, label, target in EXPECTED:
            attr = W + _ATTR[key]
            value = to_int(mar.get(attr))
            if value is None:
                continue
            before.append(f"{label} {mm(abs(value))}")
            if not near(abs(value) if key in ("margin_top", "margin_bottom") else value, target, tol):
                wrong.append(key)
                mar.set(attr, str(-target if value < 0 and key in ("margin_top", "margin_bottom") else target))
        if not wrong:
            continue
        ctx.touch()
        where = f"lề trang (phần {number})" if len(ctx.sections) > 1 else "lề trang"
        changes.append(Change("FMT-PAGE-MARGINS", where, ", ".join(before), EXPECTED_TEXT))
    return changes
