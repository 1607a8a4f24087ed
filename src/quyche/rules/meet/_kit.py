"""Shared bits of the MEET rules: the organisation kind and quoting meeting statements."""

from __future__ import annotations

from datetime import date

from quyche.meetings import MeetingClauses, MeetingStatement, fmt_months
from quyche.model import Document, Paragraph
from quyche.rules.base import Context
from quyche.rules.common import collective_kind, is_working_regulation

HD42_DATE = date(2025, 10, 28)  # Hướng dẫn 42-HD/BTCTW (duration and preparation of chi bộ meetings)
EPS = 1e-9


def org_kind(doc: Document, ctx: Context) -> str | None:
    """"dang_uy" / "chi_bo" from the profile, else from the issuer line (rules.md §6: MEET applies per kind)."""
    return collective_kind(doc.zones, ctx.profile)


def say(text: str, limit: int = 140) -> str:
    t = " ".join(text.split())
    return f"“{t[:limit]}…”" if len(t) > limit else f"“{t}”"


def interval_text(s: MeetingStatement) -> str:
    return f"“{s.phrase}” (= {fmt_months(s.interval or 0.0)})"


def judgeable(doc: Document) -> bool:
    """A working regulation whose articles were found: an absent clause can be judged absent."""
    z = doc.zones
    return bool(z.articles) and is_working_regulation(z)


def anchor(mc: MeetingClauses, doc: Document) -> Paragraph | None:
    """Where to point a finding about something missing: the meeting article, else the first article."""
    if mc.articles:
        return mc.articles[0].para
    arts = doc.zones.articles
    return arts[0].para if arts else None


def reference_date(ctx: Context) -> date:
    """The document's date; a draft without one is judged as of the check date."""
    return ctx.doc_date or ctx.as_of
