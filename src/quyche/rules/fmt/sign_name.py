"""FMT-SIGN-NAME — signer's name with each word capitalised, bold, 14 pt, without academic titles."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote
from quyche.rules.fmt._header_kit import bold_upright_faults, sign_lines
from quyche.text import squash

_PREFIX = re.compile(
    r"^(?:(?:GS|PGS|TS|TSKH|ThS|Th\.S|BS|BSCKII|BSCKI|KS|CN|NGƯT|NGND|LS)\s*\.\s*|(?:GS|PGS|TS|TSKH|ThS)\s+)+",
    re.IGNORECASE,
)
SIZE = 14.0


def _title_case(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return not letters or (letters[0].isupper() and all(ch.islower() for ch in letters[1:]))


@rule("FMT-SIGN-NAME")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    _, _, p = sign_lines(doc.zones)
    if p is None:
        return
    text = squash(p.plain)
    m = _PREFIX.match(text)
    if m and m.group(0).strip() and len(text) > m.end():
        prefix = m.group(0).strip()
        yield Hit(
            f"Họ tên người ký {quote(p)} có học hàm, học vị “{prefix}”",
            paragraph=p, zone="signature", expected=text[m.end():].strip(), actual=text,
            fix=f"Bỏ “{prefix}” trước họ tên người ký",
        )
        text = text[m.end():].strip()
    words = text.split()
    faults: list[str] = []
    actual: list[str] = []
    if words and (p.attr("caps") is True or all(w.isupper() for w in words if any(c.isalpha() for c in w))):
        if sum(ch.isalpha() for ch in text) > len(words):  # not just initials
            faults.append("viết in hoa toàn bộ")
            actual.append("IN HOA")
    elif not all(_title_case(w) for w in words):
        faults.append("chưa viết hoa chữ đầu mỗi tiếng")
        actual.append("sai chữ hoa")
    bold_upright_faults(p, SIZE, faults, actual)
    if faults:
        proper = " ".join(w[:1].upper() + w[1:].lower() for w in words)
        yield Hit(
            f"Họ tên người ký {quote(p)} {', '.join(faults)} "
            "(phải viết hoa chữ đầu mỗi tiếng, đậm, 14 pt)",
            paragraph=p, zone="signature", expected=f"{proper} (đậm, 14 pt)", actual=", ".join(actual),
            fix=f"Trình bày họ tên “{proper}” chữ đứng, đậm, cỡ 14 pt",
        )
