"""REF-DISTRICT-LEVEL — a document dated on or after 2025-07-01 does not treat a district-level body as living.

Looks in the left header column (superior line), the căn cứ block, the body and the recipients for "huyện
ủy", "quận ủy", "thị ủy", "cấp huyện", "đảng bộ huyện / quận / thị xã". Mentions inside the title of a cited
document ("Quyết định số 12-QĐ/HU … của Ban Thường vụ Huyện ủy … về việc thành lập Chi bộ …") are exempt.
"Thành ủy" is not matched: it also names provincial-level committees. Matching is on the NFC text with its
diacritics ("cơ quan ủy ban" is not "quận ủy"), case-insensitive, "ủy" and "uỷ" alike.
An undated draft is judged as of the check date.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from datetime import date
from itertools import accumulate

from quyche.citations import outside_titles
from quyche.keyscan import holding, joined_keys_of
from quyche.model import Document, Paragraph
from quyche.references import vn_date
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote
from quyche.rules.ref._cites import effective_date

NO_DISTRICT_FROM = date(2025, 7, 1)
_UY = r"(?:ủy|uỷ)"
DISTRICT_RE = re.compile(
    rf"(?<!\w)(?:huyện\s+{_UY}|quận\s+{_UY}|thị\s+{_UY}|cấp\s+huyện|đảng\s+bộ\s+(?:huyện|quận|thị\s+xã))(?!\w)",
    re.IGNORECASE,
)


# Cheap necessary condition for a DISTRICT_RE match, looked for in the folded keys (Paragraph.key) joined with NUL:
# every name folds to a text holding one of these ("đảng bộ quận" → "dang bo quan"; "thị ủy" → "thi uy"). A dotless
# "ı" never matches: no letter of the names is an "i".
_KEY_WORDS = ("huyen", "quan u", "bo quan", "thi u", "thi xa")


def _candidates(keys: list[str]) -> list[int]:
    """Indices of the keys whose texts may name a district-level body (a superset: district_mentions decides)."""
    return holding(joined_keys_of(keys), _KEY_WORDS)


def district_mentions(text: str, *, exempt_titles: bool = True) -> list[str]:
    """District-level names in ``text`` (NFC), outside the titles of cited documents."""
    low = text.lower()
    if "huyện" not in low and "quận" not in low and "thị" not in low:
        return []  # fast path: no district word at all
    found = list(DISTRICT_RE.finditer(text))
    if not found:
        return []
    if not exempt_titles:
        return [m.group(0) for m in found]
    spans = outside_titles(text)
    return [m.group(0) for m in found if any(a <= m.start() and m.end() <= b for a, b in spans)]


@rule("REF-DISTRICT-LEVEL")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    on = effective_date(ctx)
    if on < NO_DISTRICT_FROM:
        return
    z = doc.zones
    areas: list[tuple[str, list[Paragraph], bool]] = [
        ("header.left", z.left, False),
        ("preamble", z.preamble, True),
        ("body", z.body, True),
        ("recipients", z.recipients, True),
    ]
    paras = [p for _, ps, _ in areas for p in ps]
    ends = list(accumulate(len(ps) for _, ps, _ in areas))
    for i in _candidates([p.key for p in paras]):
        p = paras[i]
        if any(q is p for q in paras[:i]):
            continue  # a paragraph in two areas is read once, in the first
        zone, _, titles = areas[bisect_right(ends, i)]
        names = district_mentions(p.plain, exempt_titles=titles)
        if not names:
            continue
        shown = ", ".join(f"“{n}”" for n in dict.fromkeys(names))
        role = {"header.left": "cấp trên", "recipients": "nơi nhận"}.get(zone, "cấp trên hoặc bên trong mối quan "
                                                                           "hệ công tác")
        yield Hit(
            f"Văn bản ngày {vn_date(on)} còn nhắc {shown} như một tổ chức đang hoạt động "
            f"({role}): {quote(p, 90)}. Từ 01/7/2025 Đảng tổ chức ở cấp Trung ương, tỉnh và xã; không còn "
            "cấp huyện",
            paragraph=p,
            zone=zone,
            expected="cấp ủy cấp trên hiện nay (cấp tỉnh hoặc đảng ủy xã, phường, đặc khu)",
            actual=", ".join(dict.fromkeys(names)),
            fix="Thay tên cấp huyện bằng cấp ủy cấp trên hiện nay theo hồ sơ tổ chức (thường là đảng ủy xã, "
            "phường, đặc khu hoặc tỉnh ủy)",
        )
