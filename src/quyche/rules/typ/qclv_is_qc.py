"""TYP-QCLV-IS-QC — a working regulation is issued as type "QUY CHẾ" (code QC)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote, type_key
from quyche.text import fold

# The operative sentence naming the document itself: "… ban hành Quy chế làm việc …"
_SELF = re.compile(r"\bban hanh (ban )?quy che lam viec\b")


@rule("TYP-QCLV-IS-QC")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    title = z.title_type
    if title is None:
        return
    key = type_key(title)
    if key == "quy che":
        return
    summary = fold(z.summary_text)
    if key == "quyet dinh" and summary.startswith("ban hanh"):
        return  # a QUYẾT ĐỊNH "ban hành Quy chế làm việc …": the attached pattern (FMT-TITLE-QC-ATTACHED)
    why = None
    if summary.startswith("lam viec") or "quy che lam viec" in summary:
        why = f"trích yếu “{z.summary_text[:80]}”"
    else:
        for p in z.preamble:
            if all(p is not c for c in z.cancu) and _SELF.search(p.key):
                why = f"câu {quote(p)}"
                break
    if why is None:
        return
    yield Hit(
        f"Quy chế làm việc phải ban hành theo thể loại “QUY CHẾ”, không phải {quote(title)} ({why})",
        paragraph=title,
        zone="title.type",
        expected="QUY CHẾ",
        actual=title.plain,
        fix="Đổi tên loại thành “QUY CHẾ” và ký hiệu thành “-QC/…”",
    )
