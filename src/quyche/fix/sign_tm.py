"""TYP-SIGN-TM, the spelling only: the state prefix "TM." / "T.M." / "T/M." becomes "T/M".

Only when the rest of the line names the collective ("TM. CHI BỘ" → "T/M CHI BỘ"). "K/T", "KT.", "TL.",
or an authority line without a collective change who signs: left for a person (see TYP-NO-KT).
"""

from __future__ import annotations

import re

from quyche.engine import Finding
from quyche.fix.base import Change, FixContext, fixer
from quyche.fix.ooxml import replace, text_of
from quyche.rules.typ.sign_tm import _RIGHT
from quyche.text import fold

_PREFIX = re.compile(r"^\s*(T\s*[./]\s*M\s*\.?|TM\s*\.?) *(?=\S)", re.IGNORECASE)


@fixer("TYP-SIGN-TM", order=80)
def fix(ctx: FixContext, findings: list[Finding]) -> list[Change]:
    auth = ctx.doc.zones.authority
    if auth is None:
        return []
    el, start, end = ctx.piece(auth)
    text = text_of(el)[start:end]
    m = _PREFIX.match(text)
    if m is None or not _RIGHT.match(fold("T/M " + text[m.end():])):
        ctx.left("TYP-SIGN-TM", f"dòng quyền hạn ký “{auth.plain}”: cần người xem lại, không chỉ là cách viết “T/M”")
        return []
    replace(ctx.element(auth), start + m.start(1), start + m.end(), "T/M ")
    ctx.touch()
    after = "T/M " + " ".join(text[m.end():].split())
    return [Change("TYP-SIGN-TM", auth.loc.describe(), f"“{auth.plain}”", f"“{after}”")]
