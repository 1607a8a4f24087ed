"""CNT-SCOPE — an article on scope and subjects (phạm vi điều chỉnh, đối tượng áp dụng), normally Điều 1.

Found through the model skeleton (block ``scope``): an article titled "Phạm vi …" / "… đối tượng áp dụng",
or, failing a title, an article saying "Quy chế này quy định …", "… chịu sự điều chỉnh …".
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.cnt._kit import art_label, outline


@rule("CNT-SCOPE")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    o = outline(doc, ctx)
    if o is None or o.mapping.found("scope"):
        return
    first = o.zones.articles[0]
    yield Hit(
        "Không có điều về phạm vi điều chỉnh và đối tượng áp dụng (thường là Điều 1 thuộc Chương I “Những quy "
        f"định chung”); điều đầu tiên là “{art_label(first)}” (mô hình khung {o.version})",
        paragraph=o.anchor("general") or first.para, zone="body",
        expected="Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng", actual=art_label(first),
    )
