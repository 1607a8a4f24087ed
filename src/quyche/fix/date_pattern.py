"""FMT-DATE-PATTERN: "<Địa danh>, ngày DD tháng M năm YYYY".

A numeric date ("Thanh Lâm, ngày 12/9/2025") is written out ("Thanh Lâm, ngày 12 tháng 9 năm 2025");
padding is corrected (day 01–09, months 01 and 02 padded, 3–12 not); a missing comma after the place
name is added. Left for a person: a blank day or month, a missing place, a year that is not four
digits, a date that does not exist.
"""

from __future__ import annotations

from datetime import date

from quyche.engine import Finding
from quyche.fix.base import Change, FixContext, fixer
from quyche.fix.ooxml import rewrite, text_of
from quyche.rules.fmt.date_pattern import _NUMERIC, _WORDS, month_text


def _valid(d: int, m: int, y: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def target(text: str) -> str | None:
    """The corrected date line, or None when only a person can correct it."""
    m = _WORDS.match(text)
    if m is None:
        n = _NUMERIC.search(text)
        if n is None or len(n.group(4)) != 4 or text[n.end():].strip() not in ("", "."):
            return None
        place = text[: n.start()].rstrip(" ,").removesuffix("ngày").rstrip(" ,")
        d, mo, y = int(n.group(1)), int(n.group(3)), int(n.group(4))
        if not place.strip() or not _valid(d, mo, y):
            return None
        return f"{place}, ngày {d:02d} tháng {month_text(mo)} năm {y}" + text[n.end():].strip()
    d_raw, m_raw, y_raw = m.group("d"), m.group("m"), m.group("y")
    if not (d_raw.isdigit() and m_raw.isdigit() and y_raw.isdigit()) or not _valid(int(d_raw), int(m_raw), int(y_raw)):
        return None
    edits = [(m.span("d"), f"{int(d_raw):02d}"), (m.span("m"), month_text(int(m_raw)))]
    if m.group("place").strip() and not m.group("comma"):
        end = m.start("place") + len(m.group("place").rstrip())
        edits.append(((end, end), ","))
    out = text
    for (a, b), new in sorted(edits, reverse=True):
        out = out[:a] + new + out[b:]
    return out


@fixer("FMT-DATE-PATTERN", order=80)
def fix(ctx: FixContext, findings: list[Finding]) -> list[Change]:
    p = ctx.doc.zones.date_line
    if p is None:
        return []
    el, start, end = ctx.piece(p)
    raw = text_of(el)[start:end]
    good = target(raw)
    if good is None:
        ctx.left("FMT-DATE-PATTERN", f"dòng ngày tháng “{p.plain}” cần người sửa")
        return []
    if good == raw:
        return []
    rewrite(el, start, end, good)
    ctx.touch()
    return [Change("FMT-DATE-PATTERN", p.loc.describe(), f"“{p.plain}”", f"“{' '.join(good.split())}”")]
