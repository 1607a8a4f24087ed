"""Quick forms of :class:`~quyche.model.Paragraph`'s formatting helpers for the body format rules.

Not a rule module: it registers nothing. Each function gives exactly what the ``Paragraph`` method of
the same name gives; most paragraphs are a single run (or start with a run that covers the whole
prefix), and those are answered without building lists; anything else goes to the method.
"""

from __future__ import annotations

from quyche.model import Paragraph
from quyche.zones import is_upper

__all__ = ["attr", "attr_any", "is_upper", "prefix_attr", "shown_upper"]


def shown_upper(p: Paragraph) -> bool:
    """:func:`quyche.rules.common.shown_upper`: the text is in upper case, or every visible run has all-caps."""
    return is_upper(p.plain) or attr(p, "caps") is True


def attr(p: Paragraph, name: str) -> bool | None:
    """:meth:`Paragraph.attr`: True if every visible run has the toggle, False if any lacks it, None if unknown."""
    runs = p.runs
    if len(runs) == 1:
        r = runs[0]
        if not r.text.strip():
            return None
        value = getattr(r.fmt, name)
        return None if value is None else bool(value)
    return p.attr(name)


def attr_any(p: Paragraph, name: str) -> bool | None:
    """:meth:`Paragraph.attr_any` (for one run "any" and "all" agree)."""
    runs = p.runs
    if len(runs) == 1:
        return attr(p, name)
    return p.attr_any(name)


def prefix_attr(p: Paragraph, prefix_len: int, name: str) -> bool | None:
    """:meth:`Paragraph.prefix_attr`: the toggle over the first ``prefix_len`` characters."""
    runs = p.runs
    if prefix_len > 0 and runs:
        first = runs[0]
        if len(first.text) >= prefix_len and first.text.strip():  # the prefix lies in the first run
            value = getattr(first.fmt, name)
            return None if value is None else bool(value)
    return p.prefix_attr(prefix_len, name)
