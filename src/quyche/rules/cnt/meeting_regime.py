"""CNT-MEETING-REGIME — a meeting-regime article ("Chế độ họp", "Chế độ sinh hoạt", "Chế độ làm việc").

Found through the model skeleton (block ``meetings``: a title naming meetings, or an article whose text states
at least two meeting facts: "họp thường lệ", "sinh hoạt thường kỳ", "hai phần ba"…). The figures are the MEET
family's business.
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.cnt._kit import outline
from quyche.rules.common import issuer_kind


@rule("CNT-MEETING-REGIME")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    o = outline(doc, ctx)
    if o is None or o.mapping.found("meetings"):
        return
    chi_bo = o.kind in ("7619-chibo", "363") and issuer_kind(o.zones) != "dang_uy"
    heading = "Chế độ sinh hoạt" if chi_bo else "Chế độ họp"
    yield Hit(
        "Không có điều về chế độ họp, sinh hoạt (tần suất họp của từng bộ phận, triệu tập và chủ trì, điều kiện "
        f"hợp lệ, tài liệu gửi trước, biểu quyết, biên bản) (mô hình khung {o.version})",
        paragraph=o.anchor("regime"), zone="body", expected=f"Điều … {heading}", actual=None,
        fix=f"Thêm “Điều … {heading}” trong chương về chế độ làm việc: bao lâu họp một lần, ai triệu tập, chủ trì, "
        "bao nhiêu người dự thì hợp lệ, gửi tài liệu trước bao lâu, biểu quyết thế nào, ai ghi biên bản",
    )
