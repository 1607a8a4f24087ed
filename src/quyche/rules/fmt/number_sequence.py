"""FMT-NUMBER-SEQUENCE — each type is numbered from 01 continuously within one term of the cấp ủy.

Needs the register of issued numbers (``ctx.register``), read duck-typed: any object with
``issued(org_abbr: str, type_abbr: str, term: str) -> list[int]`` giving the numbers already issued
for that body, type and term ("2025-2030"). Without a register the rule does not apply.

Part ``register`` (the rule only runs with a register): the number was already issued in the term (a
duplicate; "01" again usually means the run was restarted, e.g. at the new year), or it is not the next
free one. The catalogue's ``no_register`` part is not emitted: without a register nothing is known.
The checked document must not itself be in the register yet (check before registering it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from quyche.model import Document
from quyche.rules.base import REGISTER, Context, Hit, rule
from quyche.rules.common import parse_number, quote
from quyche.rules.fmt._header_kit import profile_attr

_YEARS = re.compile(r"(\d{4})\s*[-–—]\s*(\d{4})")


def term_key(ctx: Context, zones_term: str | None) -> str | None:
    """"2025-2030" from the profile's term, else from the trích yếu ("nhiệm kỳ 2025 - 2030")."""
    term: Any = profile_attr(ctx, "term")
    if term is not None:
        start = getattr(term, "start", None) or (term.get("from") if isinstance(term, dict) else None)
        end = getattr(term, "end", None) or (term.get("to") if isinstance(term, dict) else None)
        if start and end:
            return f"{int(start)}-{int(end)}"
    m = _YEARS.search(zones_term or "")
    return f"{m.group(1)}-{m.group(2)}" if m else None


@rule("FMT-NUMBER-SEQUENCE", needs=[REGISTER])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    if z.number is None or ctx.register is None:
        return
    ns = parse_number(z.number.plain)
    if not ns.number or not ns.type_abbr:
        return  # blank (draft) or unreadable number
    org = profile_attr(ctx, "org_abbr") or ns.org_abbr
    term = term_key(ctx, z.term)
    if not org or not term:
        return
    issued = sorted({int(n) for n in ctx.register.issued(str(org), ns.type_abbr, term)})
    n = int(ns.number)
    nxt = (issued[-1] + 1) if issued else 1
    shown = f"{nxt:02d}-{ns.type_abbr}/{org}"
    if n in issued:
        restart = ""
        if n == 1:
            restart = " — có vẻ đã đánh số lại từ đầu; số văn bản đánh liên tục trong cả nhiệm kỳ"
        yield Hit(
            f"Số {quote(z.number)} đã được cấp cho một văn bản {ns.type_abbr} khác trong nhiệm kỳ "
            f"{term}{restart}",
            paragraph=z.number, zone="header.left", part="register", expected=shown, actual=z.number.plain,
            fix=f"Lấy số tiếp theo trong sổ đăng ký văn bản của nhiệm kỳ: “Số {shown}”",
        )
    elif n != nxt:
        if issued:
            last = f"{issued[-1]:02d}"
            why = f"không phải số kế tiếp trong nhiệm kỳ {term} (số {ns.type_abbr} cấp gần nhất: {last})"
        else:
            why = f"không bắt đầu từ 01 dù nhiệm kỳ {term} chưa cấp số {ns.type_abbr} nào"
        yield Hit(
            f"Số {quote(z.number)} {why}",
            paragraph=z.number, zone="header.left", part="register", expected=shown, actual=z.number.plain,
            fix=f"Dùng số kế tiếp trong sổ đăng ký: “Số {shown}”",
        )
