"""FMT-BODY-ARTICLE: each article starts "Điều n." (a dot, not ":" or "-"), and the heading is bold.

Typed headings: the separator after the number becomes ". ", "ĐIỀU" becomes "Điều", and the heading
line (up to 200 characters; else just "Điều n.") is set bold and upright. Automatically numbered
headings: the numbering level's text ("Điều %1:") becomes "Điều %1." and the level is set bold. An article
with no title is left for a person (the title is content).
"""

from __future__ import annotations

import re

from lxml import etree

from quyche.engine import Finding
from quyche.fix.base import Change, FixContext, fixer, runs_of
from quyche.fix.ooxml import normalise, replace, runs_in, set_toggle, text_of
from quyche.model import Paragraph
from quyche.readers.docx.ooxml import W
from quyche.rules.fmt.body_article import _faults

_HEAD = re.compile(r"^(\s*)(Điều)(\s+\d+)([ \t]*[.:\-–]?[ \t]*)", re.IGNORECASE)
_HEADING_MAX = 200


@fixer("FMT-BODY-ARTICLE", order=80)
def fix(ctx: FixContext, findings: list[Finding]) -> list[Change]:
    changes: list[Change] = []
    no_title = 0
    for node in ctx.doc.zones.articles:
        para = node.para
        faults = set(_faults(para))
        if "no_title" in faults:
            no_title += 1
        faults.discard("no_title")
        if not faults:
            continue
        el = ctx.element(para)
        done = _labelled(ctx, para, el, faults) if para.label else _typed(para, el, faults)
        if done:
            after = text_of(el) if not para.label else para.plain
            changes.append(Change("FMT-BODY-ARTICLE", para.loc.describe(), f"“{_cut(para.plain)}”",
                                  f"“{_cut(after)}” ({', '.join(done)})"))
    if no_title:
        ctx.left("FMT-BODY-ARTICLE", f"{no_title} điều chưa có tên điều: cần người viết")
    if changes:
        ctx.touch()
    return changes


def _typed(para: Paragraph, el: etree._Element, faults: set[str]) -> list[str]:
    normalise(el)
    text = text_of(el)
    m = _HEAD.match(text)
    if m is None:
        return []
    done: list[str] = []
    if "separator" in faults:
        rest = text[m.end():]
        replace(el, m.start(4), m.end(4), ". " if rest.strip() else ".")
        done.append("dấu chấm sau số điều")
    if "keyword_case" in faults and para.attr("caps") is not True and m.group(2) != "Điều":
        replace(el, m.start(2), m.end(2), "Điều")
        done.append("“Điều” viết thường")
    elif "keyword_case" in faults:
        for r in runs_of(el):
            set_toggle(r, "caps", False)
        done.append("bỏ chữ in hoa")
    if faults & {"not_bold", "italic"}:
        text = text_of(el)
        head = _HEAD.match(text)
        end = len(text) if len(text) <= _HEADING_MAX or head is None else head.end(3) + 1
        for r in runs_in(el, 0, end):
            if "not_bold" in faults:
                set_toggle(r, "b", True)
            if "italic" in faults:
                set_toggle(r, "i", False)
        done += [label for key, label in (("not_bold", "đậm"), ("italic", "đứng")) if key in faults]
    return done


def _labelled(ctx: FixContext, para: Paragraph, el: etree._Element, faults: set[str]) -> list[str]:
    level = _level(ctx, el)
    done: list[str] = []
    if level is None:
        ctx.left("FMT-BODY-ARTICLE", "số điều đánh tự động theo kiểu đoạn: sửa mẫu đánh số trong Word")
        return done
    lvl_text = level.find(W + "lvlText")
    if "separator" in faults and lvl_text is not None:
        value = lvl_text.get(W + "val") or ""
        fixed = re.sub(r"^(\s*Điều\s*%\d)\s*[:\-–]?\s*$", r"\1.", value, flags=re.IGNORECASE)
        if fixed != value:
            lvl_text.set(W + "val", fixed)
            done.append("mẫu đánh số “Điều %1.”")
    if faults & {"not_bold", "italic"}:
        rpr = level.find(W + "rPr")
        if rpr is None:
            rpr = etree.SubElement(level, W + "rPr")  # the last child of a w:lvl
        runs = runs_of(el)
        for key, toggle, on, label in (("not_bold", "b", True, "đậm"), ("italic", "i", False, "đứng")):
            if key in faults:
                set_toggle(rpr, toggle, on)
                for r in runs[:1]:
                    set_toggle(r, toggle, on)
                done.append(label)
    if done:
        numbering = ctx.pkg.related("numbering")
        if numbering:
            ctx.pkg.touch(numbering)
    return done


def _level(ctx: FixContext, el: etree._Element) -> etree._Element | None:
    """The numbering level (w:lvl) that numbers paragraph ``el`` (from its own w:numPr)."""
    numpr = el.find(f"{W}pPr/{W}numPr")
    part = ctx.pkg.related("numbering")
    if numpr is None or part is None:
        return None
    num_el, ilvl_el = numpr.find(W + "numId"), numpr.find(W + "ilvl")
    num_id = num_el.get(W + "val") if num_el is not None else None
    ilvl = (ilvl_el.get(W + "val") if ilvl_el is not None else None) or "0"
    root = ctx.pkg.xml(part)
    for num in root.iterfind(W + "num"):
        if num.get(W + "numId") != num_id:
            continue
        for override in num.iterfind(W + "lvlOverride"):
            if override.get(W + "ilvl") == ilvl and override.find(W + "lvl") is not None:
                return override.find(W + "lvl")
        abstract = num.find(W + "abstractNumId")
        aid = abstract.get(W + "val") if abstract is not None else None
        for an in root.iterfind(W + "abstractNum"):
            if an.get(W + "abstractNumId") == aid:
                for lvl in an.iterfind(W + "lvl"):
                    if lvl.get(W + "ilvl") == ilvl:
                        return lvl
    return None


def _cut(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
