"""FMT-PAGE-SIZE: A4 portrait (11906 × 16838 twips) in every section."""

from __future__ import annotations

from quyche.engine import Finding
from quyche.fix.base import Change, FixContext, fixer
from quyche.fix.ooxml import SECT_ORDER, child
from quyche.readers.docx.ooxml import W, to_int
from quyche.rules.base import Settings
from quyche.rules.common import mm, near
from quyche.rules.fmt.page_size import A4_H, A4_W

A4_PAPER_CODE = "9"  # the printer paper code Word writes for A4


@fixer("FMT-PAGE-SIZE", order=10)
def fix(ctx: FixContext, findings: list[Finding]) -> list[Change]:
    changes: list[Change] = []
    tol = Settings().size_tolerance_twips
    for number, sect in enumerate(ctx.sections, 1):
        pg = sect.find(W + "pgSz")
        if pg is None:
            continue
        w, h = to_int(pg.get(W + "w")), to_int(pg.get(W + "h"))
        if w is None or h is None:
            continue
        portrait = pg.get(W + "orient") != "landscape" and w <= h
        if near(w, A4_W, tol) and near(h, A4_H, tol) and portrait:
            continue
        pg = child(sect, "pgSz", SECT_ORDER)
        pg.set(W + "w", str(A4_W))
        pg.set(W + "h", str(A4_H))
        pg.attrib.pop(W + "orient", None)
        if pg.get(W + "code") is not None:
            pg.set(W + "code", A4_PAPER_CODE)
        ctx.touch()
        where = f"thiết lập trang (phần {number})" if len(ctx.sections) > 1 else "thiết lập trang"
        before = f"{mm(w)} × {mm(h)}" + (" (nằm ngang)" if not portrait else "")
        changes.append(Change("FMT-PAGE-SIZE", where, before, "A4 dọc, 210 × 297 mm"))
    return changes
