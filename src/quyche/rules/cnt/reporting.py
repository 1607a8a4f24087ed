"""CNT-REPORTING — an information-and-reporting article (to the superior and to members; periodic, ad hoc).

Found through the model skeleton (block ``reporting``: a title "Chế độ thông tin, báo cáo" and the like, or an
article whose text says "báo cáo định kỳ", "báo cáo đột xuất", "thông báo kịp thời" …). Periods are parameters.
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.cnt._kit import outline


@rule("CNT-REPORTING")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    o = outline(doc, ctx)
    if o is None or o.mapping.found("reporting"):
        return
    yield Hit(
        "Không có điều về chế độ thông tin, báo cáo (báo cáo cấp ủy cấp trên, thông tin tới đảng viên; định kỳ "
        f"và đột xuất) (mô hình khung {o.version})",
        paragraph=o.anchor("regime"), zone="body", expected="Điều … Chế độ thông tin, báo cáo", actual=None,
    )
