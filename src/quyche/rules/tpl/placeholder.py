"""TPL-PLACEHOLDER — no placeholder of the model is left in a document that is not a draft.

Placeholders: runs of dots or an ellipsis ("…", "...."), "xxx", bracketed slots ("[tên]", "<tên đơn vị>"), a
date line with the day or month left blank, and the model's "(nếu có)" notes (part ``neu_co``: they can be
legitimate). The signing space and the "Số …" line are exempt (a blank number is TPL-DRAFT-MARK's
business); the separator "-----" and "*" are no placeholders. In a draft (``ctx.is_draft`` or a "Dự thảo"
mark) every placeholder is only information (part ``draft``). One finding per paragraph at most.
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import draft_mark
from quyche.rules.tpl._kit import placeholders


@rule("TPL-PLACEHOLDER")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    draft = ctx.is_draft or draft_mark(z) is not None
    for ph in placeholders(z):
        if draft:
            yield Hit(
                f"Dự thảo còn chỗ trống của mẫu “{ph.text}” trong “{ph.context}”: điền trước khi ban hành",
                paragraph=ph.paragraph, zone=ph.zone, part="draft", expected="nội dung cụ thể", actual=ph.text,
                fix="Điền nội dung cụ thể của tổ chức vào chỗ trống trước khi trình ký",
            )
        elif ph.kind == "neu_co":
            yield Hit(
                f"Còn ghi chú “{ph.text}” của văn bản mẫu trong “{ph.context}”",
                paragraph=ph.paragraph, zone=ph.zone, part="neu_co", expected="không còn ghi chú của mẫu",
                actual=ph.text,
                fix="Quyết định giữ hay bỏ nội dung đi kèm, rồi xóa ghi chú “(nếu có)”",
            )
        else:
            yield Hit(
                f"Văn bản chính thức còn chỗ trống của mẫu “{ph.text}” trong “{ph.context}”",
                paragraph=ph.paragraph, zone=ph.zone, part="final", expected="nội dung cụ thể", actual=ph.text,
                fix=f"Thay “{ph.text}” bằng nội dung cụ thể của tổ chức (tên, số, ngày tháng)",
            )
