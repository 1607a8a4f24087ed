"""FMT-BODY-CLAUSE — khoản "1.", "2." (or "1-", one style per document), not bold; điểm "a)", "b)"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document, Paragraph
from quyche.rules.base import FORMATTING, Context, Hit, rule
from quyche.rules.common import quote
from quyche.zones import CLAUSE_RE

_CLAUSE_PREFIX = re.compile(r"^\s*\d{1,3}\s*[.\-)]")
_BAD_POINT = re.compile(r"^([a-zđ])\s*([./-])\s+\S")
_POINT_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđ")  # what _BAD_POINT can start with
_STYLE_VI = {".": "“1.”", "-": "“1-”", ")": "“1)”"}


@rule("FMT-BODY-CLAUSE", needs=[FORMATTING])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    styles: dict[str, list[Paragraph]] = {}
    bold: list[Paragraph] = []
    clauses = z.nodes("khoan")
    # A bold number needs a bold run: with none in any khoản, no number is bold.
    any_bold = any({r.fmt.bold for node in clauses for r in node.para.runs})
    marks = z.memo.get("clause_marks")
    if isinstance(marks, list) and len(marks) == len(clauses):
        # Zoning recorded CLAUSE_RE's mark of each khoản (it made each one from that match).
        numbered = [node.para for node in clauses]
        if len(set(marks)) == 1:
            styles[marks[0]] = numbered
        else:
            for mark, p in zip(marks, numbered, strict=True):
                styles.setdefault(mark, []).append(p)
    else:
        numbered = []
        for node in clauses:
            m = CLAUSE_RE.match(node.para.plain)
            if m is not None:
                styles.setdefault(m.group(2), []).append(node.para)
                numbered.append(node.para)
    if any_bold:
        for p in numbered:
            pm = _CLAUSE_PREFIX.match(p.text)
            if pm is not None and p.prefix_attr(pm.end(), "bold") is True:
                bold.append(p)
    if len(styles) > 1:
        ranked = sorted(styles.items(), key=lambda kv: (-len(kv[1]), kv[1][0].loc.paragraph))
        main_style, _ = ranked[0]
        odd = [p for _, ps in ranked[1:] for p in ps]
        first = min(odd, key=lambda p: p.loc.paragraph)
        counts = ", ".join(f"{_STYLE_VI[s]} ({len(ps)} khoản)" for s, ps in ranked)
        yield Hit(
            f"Khoản đánh số lẫn nhiều kiểu trong một văn bản: {counts}; ví dụ {quote(first)}",
            paragraph=first, zone="body", expected=f"một kiểu {_STYLE_VI[main_style]}",
            actual=" và ".join(_STYLE_VI[s] for s, _ in ranked),
            fix="Thống nhất một kiểu đánh số khoản trong toàn văn bản, nên dùng “1.”, “2.”",
        )
    elif set(styles) == {")"}:
        first = styles[")"][0]
        yield Hit(
            f"Khoản đánh số kiểu “1)” (dành cho điểm a), b)): {quote(first)}",
            paragraph=first, zone="body", expected="“1.”", actual="“1)”",
            fix="Đánh số khoản “1.”, “2.”; dấu ngoặc đơn dùng cho điểm “a)”, “b)”",
        )
    if bold:
        more = f" (và {len(bold) - 1} khoản khác)" if len(bold) > 1 else ""
        yield Hit(
            f"Số khoản in đậm: {quote(bold[0])}{more}",
            paragraph=bold[0], zone="body", expected="không đậm", actual="đậm", fix="Bỏ in đậm số khoản",
        )
    points: list[tuple[Paragraph, str]] = []
    for node in [*z.nodes("dieu"), *z.nodes("khoan")]:
        for p in node.content:
            if p.plain[:1] not in _POINT_LETTERS:
                continue
            pm2 = _BAD_POINT.match(p.plain)
            if pm2 is not None:
                points.append((p, pm2.group(1) + pm2.group(2)))
    if points:
        p, mark = points[0]
        more = f" (và {len(points) - 1} điểm khác)" if len(points) > 1 else ""
        yield Hit(
            f"Điểm đánh số “{mark}” thay cho “{mark[0]})”: {quote(p)}{more}",
            paragraph=p, zone="body", expected=f"“{mark[0]})”", actual=f"“{mark}”",
            fix="Đánh số điểm bằng chữ cái thường và dấu ngoặc đơn: “a)”, “b)”, “c)” …",
        )
