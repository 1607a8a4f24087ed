"""MEET-CB-CHUYENDE — a thematic meeting at least once a quarter, besides (not instead of) the monthly one."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.meetings import meeting_clauses
from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.meet._kit import EPS, anchor, interval_text, judgeable, org_kind, say


@rule("MEET-CB-CHUYENDE")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    if org_kind(doc, ctx) != "chi_bo":
        return
    mc = meeting_clauses(doc.zones)
    thematic = [s for s in mc.of("chi_bo", implicit=True) if s.kind == "thematic"]
    for s in thematic:
        if s.replaces_regular:
            yield Hit(
                f"Sinh hoạt chuyên đề được ghi là thay cho sinh hoạt thường kỳ: {say(s.text)}; sinh hoạt chuyên "
                "đề là thêm vào, không thay sinh hoạt thường kỳ hằng tháng",
                paragraph=s.paragraph, zone="body", expected="chuyên đề ngoài sinh hoạt thường kỳ",
                actual=s.text[:80],
                fix="Bỏ ý “thay cho sinh hoạt thường kỳ”; có thể kết hợp trong cùng buổi nhưng vẫn đủ nội dung "
                "thường kỳ",
            )
        elif s.interval is not None and s.interval > 3 + EPS:
            yield Hit(
                f"Chi bộ sinh hoạt chuyên đề {interval_text(s)}, thưa hơn mức ít nhất mỗi quý một lần: "
                f"{say(s.text)}",
                paragraph=s.paragraph, zone="body", expected="ít nhất mỗi quý một lần", actual=s.phrase,
            )
    if not thematic and judgeable(doc):
        yield Hit(
            "Quy chế không quy định chi bộ sinh hoạt chuyên đề (ít nhất mỗi quý một lần)",
            paragraph=anchor(mc, doc), zone="body", expected="ít nhất mỗi quý một lần", actual=None,
        )
