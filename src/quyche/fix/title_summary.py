"""FMT-TITLE-SUMMARY: the trích yếu starts with a lower-case letter, is bold, upright, 14 pt, centred.

Only the first letter's case is changed ("Làm việc của …" → "làm việc của …"); a trích yếu typed all in
capitals is left for a person (restoring the capitals of proper names is not a format decision). All-caps
formatting, by contrast, is simply switched off.
"""

from __future__ import annotations

from quyche.engine import Finding
from quyche.fix.base import Change, FixContext, fixer, runs_of
from quyche.fix.ooxml import normalise, replace, set_align, set_size, set_toggle, text_of
from quyche.rules.common import off_sizes
from quyche.rules.fmt.title_summary import HIGH, LOW
from quyche.text import fold, is_upper, starts_lower

TARGET = 14.0


@fixer("FMT-TITLE-SUMMARY", order=40)
def fix(ctx: FixContext, findings: list[Finding]) -> list[Change]:
    z = ctx.doc.zones
    lines = [p for p in z.title_summary if p.plain and "kem theo quyet dinh" not in fold(p.plain)]
    if not lines:
        return []
    done: list[str] = []
    text = " ".join(p.plain for p in lines)
    first_el = ctx.element(lines[0])
    before = text
    if any(p.attr("caps") is True for p in lines):
        for p in lines:
            for r in runs_of(ctx.element(p)):
                set_toggle(r, "caps", False)
        done.append("bỏ chữ in hoa")
    if is_upper(text):
        ctx.left("FMT-TITLE-SUMMARY", "trích yếu gõ toàn chữ in hoa: cần viết lại chữ thường")
    elif not starts_lower(text):
        normalise(first_el)
        raw = text_of(first_el)
        at = next((i for i, ch in enumerate(raw) if ch.isalpha()), None)
        if at is not None and not ctx.model(lines[0]).label:
            replace(first_el, at, at + 1, raw[at].lower())
            done.append("chữ đầu viết thường")
            before_first = next(i for i, ch in enumerate(text) if ch.isalpha())
            text = text[:before_first] + text[before_first].lower() + text[before_first + 1:]
    if any(p.attr("bold") is False for p in lines):
        for p in lines:
            for r in runs_of(ctx.element(p)):
                set_toggle(r, "b", True)
        done.append("đậm")
    if any(p.attr_any("italic") is True for p in lines):
        for p in lines:
            for r in runs_of(ctx.element(p)):
                set_toggle(r, "i", False)
        done.append("đứng")
    if any(off_sizes(p, LOW, HIGH) for p in lines):
        for p in lines:
            if off_sizes(p, LOW, HIGH):
                for r in runs_of(ctx.element(p)):
                    set_size(r, TARGET)
        done.append("14 pt")
    if z.layout_known and any(p.align in ("left", "right") for p in lines):
        for p in lines:
            set_align(ctx.element(p), "center")
        done.append("căn giữa")
    if not done:
        return []
    ctx.touch()
    return [Change("FMT-TITLE-SUMMARY", lines[0].loc.describe(), f"“{_cut(before)}”",
                   f"“{_cut(text)}” ({', '.join(done)})")]


def _cut(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
