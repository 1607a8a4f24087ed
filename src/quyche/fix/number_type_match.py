"""FMT-NUMBER-TYPE-MATCH: the type code of "Số 01-QĐ/CB" under "QUY CHẾ" becomes "QC" (rules.md §10.1).

Only the type code is rewritten, to the abbreviation the type table gives for the type name; the number
and the body abbreviation stay as written. A type with no abbreviation, or several where the written one is
none of them and no single one is certain, is left for a person.
"""

from __future__ import annotations

from quyche.catalogue import doc_types
from quyche.engine import Finding
from quyche.fix.base import Change, FixContext, fixer
from quyche.fix.ooxml import rewrite, text_of
from quyche.rules.common import parse_number
from quyche.text import fold


@fixer("FMT-NUMBER-TYPE-MATCH", order=81)  # after FMT-NUMBER-PATTERN has put the line in Party order
def fix(ctx: FixContext, findings: list[Finding]) -> list[Change]:
    z = ctx.doc.zones
    p, title = z.number, z.title_type
    if p is None or title is None:
        return []
    dtype = doc_types().get(fold(title.plain).strip(" .:"))
    if dtype is None or not dtype.abbreviations:
        ctx.left("FMT-NUMBER-TYPE-MATCH", f"không biết ký hiệu của tên loại “{title.plain}”")
        return []
    el, start, end = ctx.piece(p)
    current = text_of(el)[start:end]
    ns = parse_number(current)
    if ns.order != "party" or not ns.type_abbr or ns.type_abbr in dtype.abbreviations:
        return []
    code = dtype.abbreviations[0]
    good = current.replace(f"-{ns.type_abbr}/", f"-{code}/", 1)
    if good == current:
        return []
    rewrite(el, start, end, good)
    ctx.touch()
    return [Change("FMT-NUMBER-TYPE-MATCH", p.loc.describe(), f"“{current.strip()}”", f"“{good.strip()}”")]
