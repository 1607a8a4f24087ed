"""FMT-BODY-CANCU — căn cứ lines start "Căn cứ" (after "- "), end ";" (the last "," or "."), upright."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document, Paragraph
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote

_START = re.compile(r"^(?:[-–]\s*)?Căn cứ\b")
# "Xét đề nghị …;" may follow the last căn cứ, which then ends with ";" too.
_MORE_BASES = ("xet ", "theo de nghi", "- xet ", "- theo de nghi")

# fault key → (description, expected, fix)
_FAULTS: dict[str, tuple[str, str, str]] = {
    "start": ("Dòng căn cứ không bắt đầu bằng “Căn cứ”", "«- Căn cứ …»",
              "Bắt đầu mỗi dòng căn cứ bằng “Căn cứ” (có thể có “- ” phía trước)"),
    "no_end": ("Dòng căn cứ không có dấu câu cuối dòng", "kết thúc bằng “;”",
               "Kết thúc mỗi dòng căn cứ bằng dấu “;”, dòng cuối bằng dấu “,” hoặc “.”"),
    "middle_end": ("Dòng căn cứ ở giữa không kết thúc bằng dấu “;”", "kết thúc bằng “;”",
                   "Kết thúc các dòng căn cứ (trừ dòng cuối) bằng dấu “;”"),
    "last_end": ("Dòng căn cứ cuối cùng kết thúc bằng dấu “;”", "kết thúc bằng “,” hoặc “.”",
                 "Kết thúc dòng căn cứ cuối cùng bằng dấu “,” (hoặc “.”) trước câu ban hành"),
    "italic": ("Dòng căn cứ in nghiêng", "đứng", "Trình bày các dòng căn cứ chữ đứng, không in nghiêng"),
}


@rule("FMT-BODY-CANCU")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    lines = [p for p in z.cancu if p.plain]
    if not lines:
        return
    after = _after_last(z.preamble, lines[-1])
    continuation = after is not None and after.key.startswith(_MORE_BASES)
    found: dict[str, list[Paragraph]] = {}
    for i, p in enumerate(lines):
        t = p.plain
        last = i == len(lines) - 1
        keys: list[str] = []
        if not _START.match(t):
            keys.append("start")
        end = t[-1]
        if end not in ";,.":
            keys.append("no_end")
        elif not last and end != ";":
            keys.append("middle_end")
        elif last and end == ";" and not continuation:
            keys.append("last_end")
        if p.attr("italic") is True:
            keys.append("italic")
        for k in keys:
            found.setdefault(k, []).append(p)
    for key, paras in found.items():
        first = paras[0]
        desc, expected, fix = _FAULTS[key]
        more = f" (và {len(paras) - 1} dòng khác)" if len(paras) > 1 else ""
        yield Hit(
            f"{desc}: {quote(first)}{more}",
            paragraph=first, zone="preamble", expected=expected, actual=first.plain[-30:], fix=fix,
        )


def _after_last(preamble: list[Paragraph], last: Paragraph) -> Paragraph | None:
    for i, p in enumerate(preamble):
        if p is last:
            rest = [q for q in preamble[i + 1:] if q.plain]
            return rest[0] if rest else None
    return None
