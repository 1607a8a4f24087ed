"""TPL-MODEL-LABEL-LEFT — the model's own labels ("Mẫu 1-QCLV", "Quy chế làm việc mẫu", "kèm theo Công văn
7619-CV/BTCTW", "khóa..., nhiệm kỳ..." left unfilled…) are removed from the issued regulation.

The labels are data (``skeletons.yaml`` → ``labels``); a căn cứ line may cite the models by name and is never
searched. One finding per paragraph.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote
from quyche.rules.tpl._kit import pieces
from quyche.skeleton import Label, label_needles, skeleton
from quyche.text import nfc


def _holds(folded: str, groups: tuple[tuple[str, ...], ...]) -> bool:
    return all(any(n in folded for n in g) for g in groups)


def _rarest(everything: str, groups: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    """The group of needles found least often in the document's joined keys."""
    return min(groups, key=lambda g: sum(everything.count(n) for n in g))


@rule("TPL-MODEL-LABEL-LEFT")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    sk = skeleton()
    found_pieces = pieces(doc.zones)
    # sk.label_hits(p.plain) for each piece, trying only the labels whose needles its folded text holds — and
    # first, once, those whose needles the whole document holds (a piece's needle is the document's too).
    keys = [p.key for _, p in found_pieces]
    everything = "\n".join(keys)
    # Labels share needles ("qclv", "..", "theo"…): each is looked for once in the (long) joined keys.
    present: dict[str, bool] = {}

    def held(n: str) -> bool:
        h = present.get(n)
        if h is None:
            h = present[n] = n in everything
        return h

    needles = []
    for lb in sk.labels:
        groups = label_needles(lb)
        if all(any(held(n) for n in g) for g in groups):
            needles.append((lb, groups))
    if not needles:
        return
    # The pieces that may hold a label: those holding an occurrence (in the joined keys) of its rarest group of
    # needles — a needle holds no new line, so an occurrence lies within one piece. A label with no needles
    # may match any piece.
    starts = [0]
    for k in keys:
        starts.append(starts[-1] + len(k) + 1)
    candidates: dict[int, list[tuple[Label, tuple[tuple[str, ...], ...]]]] = {}
    for lb, groups in needles:
        if not groups:
            holding: set[int] = set(range(len(keys)))
        else:
            holding = set()
            for n in _rarest(everything, groups):
                i = everything.find(n)
                while i >= 0:
                    j = bisect_right(starts, i) - 1
                    holding.add(j)
                    i = everything.find(n, starts[j + 1])
        for j in holding:
            candidates.setdefault(j, []).append((lb, groups))
    for j in sorted(candidates):
        zone, p = found_pieces[j]
        pk = keys[j]
        possible = [lb for lb, groups in candidates[j] if _holds(pk, groups)]  # in the labels' order
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
