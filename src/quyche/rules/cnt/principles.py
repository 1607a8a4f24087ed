"""CNT-PRINCIPLES — a principles article: tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách…

The article is found through the model skeleton (block ``principles``: a title "Nguyên tắc …", or an article
whose text carries at least two of the principles). Found, it must state the core principles: "tập trung
dân chủ", "tập thể lãnh đạo" and "cá nhân phụ trách".
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.cnt._kit import art_label, outline
from quyche.rules.common import key_has, org_key
from quyche.skeleton import document_article_key

CORE = ("tập trung dân chủ", "tập thể lãnh đạo", "cá nhân phụ trách")


@rule("CNT-PRINCIPLES")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    o = outline(doc, ctx)
    if o is None:
        return
    found = o.mapping.found("principles")
    if not found:
        yield Hit(
            "Không có điều về nguyên tắc làm việc (tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách, quyết "
            f"định theo đa số, thiểu số phục tùng đa số) (mô hình khung {o.version})",
            paragraph=o.anchor("general"), zone="body", expected="Điều … Nguyên tắc làm việc", actual=None,
        )
        return
    text = org_key(" ".join(document_article_key(o.zones, n) for n in found))  # = org_key of their article_text
    missing = [c for c in CORE if not key_has(text, org_key(c))]
    if missing:
        node = found[0]
        listed = ", ".join(f"“{c}”" for c in missing)
        yield Hit(
            f"Điều về nguyên tắc làm việc “{art_label(node)}” không nêu {listed}",
            paragraph=node.para, zone="body",
            expected="tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách, quyết định theo đa số",
            actual="thiếu " + ", ".join(missing),
            fix=f"Bổ sung vào {art_label(node)}: bảo đảm nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân "
            "phụ trách, quyết định theo đa số; thiểu số phục tùng đa số",
        )
