"""CNT-IMPLEMENTATION — an implementation article: who carries the regulation out and when it takes effect.

Found through the model skeleton (block ``implementation``: "Tổ chức thực hiện", "Điều khoản thi hành",
"Hiệu lực thi hành"…, or an article saying "… có hiệu lực …"). Found, the closing articles must say when the
regulation takes effect ("hiệu lực").
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.cnt._kit import art_label, outline
from quyche.rules.common import key_has, org_key
from quyche.skeleton import document_article_key


@rule("CNT-IMPLEMENTATION")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    o = outline(doc, ctx)
    if o is None:
        return
    found = o.mapping.found("implementation")
    if not found:
        yield Hit(
            "Không có điều khoản thi hành (ai tổ chức thực hiện, quy chế có hiệu lực từ khi nào); văn bản kết thúc "
            f"ở “{art_label(o.zones.articles[-1])}” (mô hình khung {o.version})",
            paragraph=o.anchor("final"), zone="body", expected="Điều … Điều khoản thi hành", actual=None,
        )
        return
    closing = found + [n for n in o.final_articles() if all(n is not f for f in found)]
    text = org_key(" ".join(document_article_key(o.zones, n) for n in closing))  # = org_key of their article_text
    if not key_has(text, "hieu luc"):
        node = found[-1]
        yield Hit(
            f"Điều khoản thi hành “{art_label(node)}” không nói quy chế có hiệu lực từ khi nào",
            paragraph=node.para, zone="body", expected="Quy chế này có hiệu lực từ ngày ký", actual=None,
            fix=f"Bổ sung vào {art_label(node)}: “Quy chế này có hiệu lực từ ngày ký.”",
        )
