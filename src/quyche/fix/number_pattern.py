"""FMT-NUMBER-PATTERN: "Số 01-QC/ĐU" — order, padding, ASCII hyphen, no colon.

"Số: 1/QC-ĐU" (state order), "Số 1-QC/ĐU", "Số 01–QC/ĐU", "Số: 01-QC/ĐU" all become "Số 01-QC/ĐU": the
number, the type and the body abbreviation are kept as written. A blank number (a draft) keeps its blank;
a line the pattern does not recognise is left for a person.
"""

from __future__ import annotations

import re

from quyche.engine import Finding
from quyche.fix.base import Change, FixContext, fixer
from quyche.fix.ooxml import rewrite
from quyche.rules.common import parse_number

_BLANK_HEAD = re.compile(r"^Số\s*:?\s*")
_DASHES = re.compile(r"[‐‑‒–—−]")


def target(text: str) -> str | None:
    """The corrected number line, or None when the line is not a number the pattern can read."""
    ns = parse_number(text)
    if ns.order not in ("state", "party") or ns.type_abbr is None or ns.org_abbr is None:
        return None
    if ns.number:
        return f"Số {ns.number.zfill(2)}-{ns.type_abbr}/{ns.org_abbr}"
    # A blank draft number: keep the blank as typed, fix only the colon and the dash.
    head = _BLANK_HEAD.sub("Số ", text.strip(), count=1)
    return _DASHES.sub("-", head)


@fixer("FMT-NUMBER-PATTERN", order=80)
def fix(ctx: FixContext, findings: list[Finding]) -> list[Change]:
    p = ctx.doc.zones.number
    if p is None:
        return []
    good = target(p.plain)
    if good is None:
        ctx.left("FMT-NUMBER-PATTERN", f"không đọc được số, ký hiệu “{p.plain}”")
        return []
    if good == p.plain:
        return []
    el, start, end = ctx.piece(p)
    rewrite(el, start, end, good)
    ctx.touch()
    return [Change("FMT-NUMBER-PATTERN", p.loc.describe(), f"“{p.plain}”", f"“{good}”")]
