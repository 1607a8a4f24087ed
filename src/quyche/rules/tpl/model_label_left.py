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
from quyche.skeleton import label_needles, skeleton
from quyche.text import nfc


def _holds(folded: str, groups: tuple[tuple[str, ...], ...]) -> bool:
    return all(any(n in folded for n in g) for g in groups)


@rule("TPL-MODEL-LABEL-LEFT")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    sk = skeleton()
    found_pieces = pieces(doc.zones)
    # sk.label_hits(p.plain) for each piece, trying only the labels whose needles its folded text holds — and
    # first, once, those whose needles the whole document holds (a piece's needle is the document's too).
    everything = "\n".join(p.key for _, p in found_pieces)
    needles = [(lb, groups) for lb in sk.labels if _holds(everything, groups := label_needles(lb))]
    if not needles:
        return
    for zone, p in found_pieces:
        pk = p.key
        possible = [lb for lb, groups in needles if _holds(pk, groups)]
        if not possible:
            continue
        if sk.label_exempt is not None and sk.label_exempt.search(nfc(p.plain)):
            continue
        labels = [lb for lb in possible if lb.matches(p.plain)]
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
