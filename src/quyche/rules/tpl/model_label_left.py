"""TPL-MODEL-LABEL-LEFT — the model's own labels ("Mẫu 1-QCLV", "Quy chế làm việc mẫu", "kèm theo Công văn
7619-CV/BTCTW", "khóa..., nhiệm kỳ..." left unfilled…) are removed from the issued regulation.

The labels are data (``skeletons.yaml`` → ``labels``); a căn cứ line may cite the models by name and is never
searched. One finding per paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote
from quyche.rules.tpl._kit import pieces
from quyche.skeleton import skeleton
from quyche.text import nfc


@rule("TPL-MODEL-LABEL-LEFT")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    sk = skeleton()
    for zone, p in pieces(doc.zones):
        labels = sk.label_hits(p.plain)
        if not labels:
            continue
        text = nfc(p.plain)
        found = []
        for lb in labels:
            span = lb.search(text) if lb.kind == "regex" else None
            if span is not None:
                found.append(text[span[0]: span[1]])
        if not found:  # literal labels only: quote them as written when they are, else the label itself
            for lb in labels:
                at = text.lower().find(lb.text.lower())
                found.append(text[at: at + len(lb.text)] if at >= 0 else lb.text)
        names = "; ".join(f"“{t}”" for t in dict.fromkeys(found))
        yield Hit(
            f"Còn nhãn của văn bản mẫu {names} trong {quote(p)}",
            paragraph=p, zone=zone, expected="không còn nhãn của mẫu", actual=", ".join(dict.fromkeys(found)),
            fix="Xóa nhãn của mẫu (dòng “Mẫu 1-QCLV”, dòng kèm theo Công văn 7619-CV/BTCTW, chỉ dẫn trong ngoặc) "
            "và điền đủ tên, khóa, nhiệm kỳ của tổ chức",
        )
