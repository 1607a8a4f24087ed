"""STR-EMPTY-CHAPTER — every Chương (and Mục) contains an Điều; every Điều has text after its title."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote
from quyche.zones import Node


def _heading(node: Node) -> str:
    name = f" – {node.full_title}" if node.full_title else ""
    return f"“{node.para.plain}{name}”"


def _inline_text(node: Node) -> bool:
    """ "Điều 6. Quy chế này có hiệu lực kể từ ngày ký." — the article's text on its heading line."""
    title = node.title.strip()
    return len(title.split()) >= 8 and title.endswith((".", ";", ":"))


@rule("STR-EMPTY-CHAPTER")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    has_articles = bool(z.articles)
    for node in z.all_nodes:
        if node.kind in ("chuong", "muc"):
            if any(c.kind == "dieu" for c in node.children) or any(c.kind == "dieu" for c in node.walk()):
                continue
            if node.content and not has_articles:
                continue  # a document written without articles: its chapters hold plain text
            name = "Chương" if node.kind == "chuong" else "Mục"
            yield Hit(
                f"{name} {_heading(node)} không có Điều nào",
                paragraph=node.para,
                zone="body",
                expected="ít nhất một Điều",
                actual="không có Điều",
                fix=f"Bổ sung các Điều của {name.lower()} này hoặc bỏ {name.lower()} trống và đánh lại số",
            )
        elif node.kind == "dieu" and not node.children and not node.content and not _inline_text(node):
            yield Hit(
                f"Điều {node.number} {quote(node.para, 60)} chỉ có tên điều, không có nội dung",
                paragraph=node.para,
                zone="body",
                expected="nội dung sau tên Điều",
                actual="không có nội dung",
                fix="Viết nội dung cho Điều này hoặc bỏ Điều và đánh lại số các Điều sau",
            )
