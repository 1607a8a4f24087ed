"""FMT-FONT-FAMILY, part ``not_tnr``: Times New Roman instead of another Unicode font.

Every main-story run in a reported font that carries a letter or digit gets Times New Roman directly;
the document defaults, the styles and the numbering levels that name a reported font get it too, so
that text inheriting the font (new paragraphs, headers, numbering labels) changes with it and nothing
else does. Symbol fonts are left alone. Part ``legacy`` (".VnTime", "VNI-Times"…) is never touched:
that text is not Unicode and must be converted first, a person's job.
"""

from __future__ import annotations

from lxml import etree

from quyche.engine import Finding
from quyche.fix.base import Change, FixContext, fixer, runs_of
from quyche.fix.ooxml import set_font
from quyche.readers.docx.numbering import theme_fonts
from quyche.readers.docx.ooxml import W
from quyche.rules.fmt.font_family import TNR, family, font_key

_SYMBOL_FONTS = ("symbol", "wingdings", "webdings", "marlett", "mtextra", "zapfdingbats")


def _has_text(s: str) -> bool:
    return any(ch.isalnum() for ch in s)


@fixer("FMT-FONT-FAMILY", order=20, unsafe_parts=("legacy",))
def fix(ctx: FixContext, findings: list[Finding]) -> list[Change]:
    wanted = {font_key(f.actual): f.actual for f in findings if f.part == "not_tnr" and f.actual}
    for key, name in list(wanted.items()):
        if key.startswith(_SYMBOL_FONTS):
            ctx.left("FMT-FONT-FAMILY", f"phông ký hiệu “{name}”: không đổi tự động")
            del wanted[key]
    if not wanted:
        return []
    counts: dict[str, tuple[set[int], int]] = {k: (set(), 0) for k in wanted}
    for i, para in enumerate(ctx.doc.paragraphs):
        offset = 1 if para.label else 0
        elements = None
        for j, run in enumerate(para.runs):
            if not run.fmt.font or not _has_text(run.text):
                continue
            key = font_key(run.fmt.font)
            if key not in wanted:
                continue
            if elements is None:
                elements = runs_of(ctx.elements[i])
            k = max(j - offset, 0)  # a numbering label takes the first run's formatting
            if k < len(elements):
                set_font(elements[k], TNR)
                paras, n = counts[key]
                paras.add(i)
                counts[key] = (paras, n + 1)
    ctx.touch()
    _fix_definitions(ctx, set(wanted))
    changes = []
    for key, name in wanted.items():
        paras, n = counts[key]
        where = f"toàn văn bản ({len(paras)} đoạn, {n} run; kiểu chữ mặc định)"
        changes.append(Change("FMT-FONT-FAMILY", where, family(name), TNR))
    return changes


def _fix_definitions(ctx: FixContext, keys: set[str]) -> None:
    """docDefaults, styles and numbering levels whose fonts resolve to a reported font."""
    pkg = ctx.pkg
    theme: dict[str, str] = {}
    theme_part = pkg.related("theme")
    if theme_part:
        theme = theme_fonts(pkg.xml(theme_part))
    for rel in ("styles", "numbering"):
        part = pkg.related(rel)
        if part is None:
            continue
        changed = False
        for fonts in pkg.xml(part).iter(W + "rFonts"):
            if _names(fonts, theme) & keys:
                rpr = fonts.getparent()
                if rpr is not None:
                    set_font(rpr, TNR)
                    changed = True
        if changed:
            pkg.touch(part)


def _names(fonts: etree._Element, theme: dict[str, str]) -> set[str]:
    out = set()
    for slot in ("ascii", "hAnsi", "cs"):
        name = fonts.get(W + slot)
        if name:
            out.add(font_key(name))
    for slot in ("asciiTheme", "hAnsiTheme", "cstheme"):
        ref = fonts.get(W + slot)
        if ref and theme.get(ref):
            out.add(font_key(theme[ref]))
    return out
