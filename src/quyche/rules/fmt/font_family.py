"""FMT-FONT-FAMILY — Unicode fonts (TCVN 6909:2001); Times New Roman as in the official samples.

One finding per font, at the first paragraph that uses it, with how many runs and paragraphs do:
legacy 8-bit Vietnamese fonts (TCVN3 ".VnTime", VNI "VNI-Times"…) are part ``legacy``; any other font
than Times New Roman is part ``not_tnr``. Runs with no letter or digit (spaces, punctuation, symbol
bullets) are not counted. Only the main story is read (body, tables, text boxes), not headers/footers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from quyche.model import Document, Paragraph
from quyche.rules.base import FORMATTING, Context, Hit, rule
from quyche.rules.fmt._header_kit import zone_of
from quyche.text import fold

TNR = "Times New Roman"
# Folded prefixes of legacy (non-Unicode) Vietnamese font families: TCVN3/ABC (".VnTime", ".VnTimeH",
# ".VnArial"), VNI ("VNI-Times", "VNI-Helve"), VN3 ("VNtimes new roman"), VPS ("VPS Times").
_LEGACY_PREFIXES = (".vn", "vni-", "vni ", "vntimes", "vps ")


_SUBSET = re.compile(r"^[A-Z]{6}\+")  # PDF subset prefix "ABCDEF+"
_PS_SUFFIX = re.compile(r"(PSMT|PS|MT)$")


def family(name: str) -> str:
    """Font family as shown to people. PDF (PostScript) names lose the subset prefix and the style
    suffix: "ABCDEF+TimesNewRomanPS-BoldMT" → "TimesNewRoman", "DejaVuSerif-Bold" → "DejaVuSerif".
    Names with spaces (DOCX) and legacy names ("VNI-Times") are kept."""
    base = _SUBSET.sub("", name.strip())
    if " " in base or is_legacy(base):
        return base
    head = re.split(r"[-,]", base, maxsplit=1)[0]
    return _PS_SUFFIX.sub("", head) or base


def font_key(name: str) -> str:
    return fold(family(name)).replace(" ", "").replace("-", "")


def is_tnr(name: str) -> bool:
    key = font_key(name)
    return key.startswith("timesnewroman") or key == "times"  # "Times-Roman": the PDF base-14 Times


def is_legacy(name: str) -> bool:
    return fold(name).startswith(_LEGACY_PREFIXES)


def _has_text(s: str) -> bool:
    return any(ch.isalnum() for ch in s)


@dataclass
class _Use:
    font: str
    first: Paragraph
    runs: int = 0
    paragraphs: set[int] = field(default_factory=set)


@rule("FMT-FONT-FAMILY", needs=[FORMATTING])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    tnr: dict[str, bool] = {}  # font name → is_tnr, for this document's few names
    for font in {r.fmt.font for p in doc.paragraphs for r in p.runs}:
        if font:
            tnr[font] = is_tnr(font)
    if all(tnr.values()):
        return  # every run is in Times New Roman (or has no known font)
    uses: dict[str, _Use] = {}
    for p in doc.paragraphs:
        for r in p.runs:
            font = r.fmt.font
            if not font:
                continue
            if tnr[font] or not _has_text(r.text):
                continue
            use = uses.setdefault(font_key(font), _Use(family(font), p))
            use.runs += 1
            use.paragraphs.add(p.loc.paragraph)
    for use in sorted(uses.values(), key=lambda u: u.first.loc.paragraph):
        count = f"{len(use.paragraphs)} đoạn văn ({use.runs} run)"
        if is_legacy(use.font):
            yield Hit(
                f"Phông “{use.font}” là phông cũ không theo Unicode (TCVN 6909:2001), dùng ở {count}",
                paragraph=use.first, zone=zone_of(doc, use.first), part="legacy", expected=TNR,
                actual=use.font,
                fix=f"Chuyển mã văn bản từ “{use.font}” sang Unicode (ví dụ bằng Unikey Toolkit) rồi đặt "
                    "phông "
                    f"{TNR}",
            )
        else:
            yield Hit(
                f"Phông “{use.font}” thay cho {TNR}, dùng ở {count}",
                paragraph=use.first, zone=zone_of(doc, use.first), part="not_tnr", expected=TNR,
                actual=use.font,
                fix=f"Chọn toàn bộ văn bản và đặt phông {TNR}",
            )
