"""REF-LOCAL-BASES-MISSING — recommended local bases are cited: the superior cấp ủy's working regulation and the
resolution of the congress that elected this committee.

Which local bases are expected comes from the organisation's basis set (references.md §4) when a profile is
given (a đảng ủy xã under the province is not expected to cite a superior's regulation), else both. A
"Quy chế làm việc mẫu" (302-QĐ/TW, 363-QĐ/TW, 7619-CV/BTCTW) is a model, not the superior's regulation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document
from quyche.references import OrgFacts
from quyche.rules.base import Context, Hit, rule
from quyche.rules.ref._cites import (
    basis_text,
    catalogue_for,
    document_citations,
    effective_date,
    expected_basis_items,
)
from quyche.text import fold_many

_START = r"(?:^|[;,]\s*|\bva\s+|\bcan cu\s+)"
_PATTERNS = {
    "superior_regulation": re.compile(_START + r"quy che (?:so \S+ )?(?:\S+ )?lam viec(?! mau)"),
    "congress_resolution": re.compile(_START + r"nghi quyet (?:so \S+ )?(?:cua )?dai hoi"),
}
_WHAT = {
    "superior_regulation": ("quy chế làm việc của cấp ủy cấp trên", "Quy chế làm việc của Ban Chấp hành Đảng bộ …"),
    "congress_resolution": (
        "nghị quyết đại hội đã bầu ra cấp ủy (chi bộ) này",
        "Nghị quyết Đại hội … nhiệm kỳ 2025 - 2030",
    ),
}


@rule("REF-LOCAL-BASES-MISSING")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    lines = document_citations(doc).basis_lines
    if not lines:
        return  # no căn cứ block at all: REF-DIEULE-MISSING reports it
    wanted: dict[str, str] = {k: v[1] for k, v in _WHAT.items()}
    if ctx.profile is not None:
        items = expected_basis_items(doc, catalogue_for(ctx), OrgFacts.from_profile(ctx.profile), effective_date(ctx))
        if items:
            wanted = {b.local: b.text for b in items if b.role == "local" and b.local in _WHAT}
    texts = fold_many([basis_text(p) for p in lines])  # fold() of each, in one batch
    for local, suggestion in wanted.items():
        if any(_PATTERNS[local].search(t) for t in texts):
            continue
        what = _WHAT[local][0]
        yield Hit(
            f"Phần căn cứ chưa nêu {what} (khuyến nghị)",
            paragraph=lines[-1],
            zone="preamble.cancu",
            expected=suggestion,
            actual="không có",
            fix=f"Nên thêm “- Căn cứ {suggestion};”",
        )
