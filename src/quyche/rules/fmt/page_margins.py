"""FMT-PAGE-MARGINS — top 20 mm, bottom 20 mm, left 30 mm, right 15 mm (± 1 mm)."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import PAGE, Context, Hit, rule
from quyche.rules.common import mm, near

EXPECTED = (("margin_top", "trên", 1134), ("margin_bottom", "dưới", 1134), ("margin_left", "trái", 1701),
            ("margin_right", "phải", 850))
EXPECTED_TEXT = "trên 20 mm, dưới 20 mm, trái 30 mm, phải 15 mm"


@rule("FMT-PAGE-MARGINS", needs=[PAGE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    tol = ctx.settings.margin_tolerance_twips
    seen: set[tuple[int | None, ...]] = set()
    for number, sec in enumerate(doc.sections, 1):
        values = tuple(getattr(sec, attr) for attr, _, _ in EXPECTED)
        wrong = [
            f"{label} {mm(v)}" for (_, label, target), v in zip(EXPECTED, values, strict=True)
            if v is not None and not near(v, target, tol)
        ]
        if not wrong or values in seen:
            continue
        seen.add(values)
        where = f" (phần {number})" if len(doc.sections) > 1 else ""
        actual = ", ".join(f"{label} {mm(v)}" for (_, label, _), v in zip(EXPECTED, values, strict=True))
        yield Hit(
            f"Lề trang chưa đúng{where}: {', '.join(wrong)}",
            zone="page", expected=EXPECTED_TEXT, actual=actual,
            fix="Đặt lề trang: trên 20 mm, dưới 20 mm, trái 30 mm, phải 15 mm (Layout → Margins → Custom)",
        )
