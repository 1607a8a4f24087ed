"""TYP-NO-KT — no "K/T" in the signature of a cấp ủy, ban thường vụ or chi bộ document."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import issuer_kind, quote

# "K/T BÍ THƯ", "KT. BÍ THƯ", "KT BÍ THƯ", "K.T", "KÝ THAY" — not "kt" inside a word or a name.
_KT = re.compile(r"(?<![\w/.])(K\s*/\s*T|K\.T|KT)\.?(?=\s|$)|(?<!\w)KÝ\s+THAY\b(?!\s+MẶT)", re.IGNORECASE)


@rule("TYP-NO-KT")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    kind = issuer_kind(z)
    if kind == "staff":
        return  # a staff body's deputy head does sign "K/T"
    collective = "T/M CHI BỘ" if kind == "chi_bo" else "T/M ĐẢNG ỦY"
    # A "K/T." line the zone finder did not take for an authority line may have landed among the recipients.
    lines = [*z.signature, *(p for p in z.recipients if _KT.match(p.plain))]
    for p in lines:
        m = _KT.search(p.plain)
        if m is None:
            continue
        yield Hit(
            f"Văn bản của cấp ủy, chi bộ không ký thay: dòng ký {quote(p)} có “{m.group(0).strip()}”",
            paragraph=p,
            zone="signature",
            expected=collective,
            actual=p.plain,
            fix=f"Ký thay mặt tập thể: dòng đầu “{collective}”, dòng dưới là chức vụ người ký "
            "(“BÍ THƯ” hoặc “PHÓ BÍ THƯ”)",
        )
        return
