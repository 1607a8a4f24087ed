"""FMT-BODY-PART-CHAPTER — "Chương I", "Mục 1" alone on a centred bold line; the name below in hoa, bold."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document, Paragraph
from quyche.rules.base import FORMATTING, Context, Hit, rule
from quyche.rules.common import quote, shown_upper
from quyche.zones import Node

_PART_CHAPTER = re.compile(r"^(Phần|Chương) ([IVXLC]+|thứ \S+)$")
_SECTION = re.compile(r"^Mục \d+$")
_END_PUNCT = re.compile(r"[.:\-–]$")
_ROMAN = re.compile(r"[IVXLC]+")
_KIND_VI = {"phan": "Phần", "chuong": "Chương", "muc": "Mục"}

# fault key → (description, expected, fix)
_FAULTS: dict[str, tuple[str, str, str]] = {
    "same_line": ("Tên {k} viết cùng dòng với số {k}", "«Chương I» / «TÊN CHƯƠNG» hai dòng",
                  "Tách tên ra dòng riêng ngay dưới dòng “Chương …”, in hoa, đậm"),
    "keyword_case": ("Chữ “{K}” viết in hoa", "«Chương I» in thường",
                     "Viết “Chương”, “Phần”, “Mục” in thường"),
    "arabic": ("{k} đánh số Ả Rập thay cho số La Mã", "«Chương II» hoặc «Chương thứ hai»",
               "Đánh số chương, phần bằng số La Mã (I, II, III …) hoặc bằng chữ (thứ nhất, thứ hai …)"),
    "roman_section": ("Mục đánh số La Mã thay cho số Ả Rập", "«Mục 1»",
                      "Đánh số mục bằng số Ả Rập (Mục 1, Mục 2 …)"),
    "punct": ("Dòng {k} có dấu câu thừa sau số", "«Chương I»",
              "Bỏ dấu chấm, hai chấm sau số chương, phần, mục"),
    "not_bold": ("Dòng {k} chưa in đậm", "đậm", "In đậm dòng “Chương …”, “Phần …”, “Mục …”"),
    "italic": ("Dòng {k} in nghiêng", "đứng", "Bỏ in nghiêng tiêu đề chương, phần, mục"),
    "not_centred": ("Dòng {k} chưa căn giữa", "căn giữa", "Căn giữa dòng số và tên chương, phần, mục"),
    "name_case": ("Tên {k} chưa viết in hoa", "TÊN CHƯƠNG in hoa, đậm",
                  "Viết tên chương, phần, mục in hoa, đậm"),
    "name_not_bold": ("Tên {k} chưa in đậm", "đậm", "In đậm tên chương, phần, mục"),
}


def _heading_faults(node: Node, layout_known: bool) -> list[tuple[str, Paragraph]]:
    p = node.para
    t = p.plain
    out: list[tuple[str, Paragraph]] = []
    if node.title:
        out.append(("same_line", p))
    words = t.split(None, 1)
    head = words[0] if words else ""
    if head.isupper() or (p.attr("caps") is True):
        out.append(("keyword_case", p))
    if node.kind == "muc":
        if not node.title and _ROMAN.fullmatch(node.number):
            out.append(("roman_section", p))
        elif not node.title and not _SECTION.match(t) and _END_PUNCT.search(t):
            out.append(("punct", p))
    else:
        if node.number.isdigit():
            out.append(("arabic", p))
        elif not node.title and not _PART_CHAPTER.match(t) and _END_PUNCT.search(t):
            out.append(("punct", p))
    if p.attr("bold") is False:
        out.append(("not_bold", p))
    if p.attr_any("italic") is True:
        out.append(("italic", p))
    if layout_known and p.align in ("left", "right", "both"):
        out.append(("not_centred", p))
    name = node.name_para
    if name is None and not node.title and node.content:
        cand = node.content[0]
        if len(cand.plain) <= 150 and not cand.plain.endswith((".", ";", ":")):
            out.append(("name_case", cand))  # a name line in lower case is not taken as the name
    elif name is not None:
        if not shown_upper(name):
            out.append(("name_case", name))
        if name.attr("bold") is False:
            out.append(("name_not_bold", name))
    return out


@rule("FMT-BODY-PART-CHAPTER", needs=[FORMATTING])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    found: dict[str, list[tuple[Node, Paragraph]]] = {}
    for node in [n for n in z.all_nodes if n.kind in ("phan", "chuong", "muc")]:
        for key, p in _heading_faults(node, z.layout_known):
            found.setdefault(key, []).append((node, p))
    for key, items in found.items():
        node, p = items[0]
        desc, expected, fix = _FAULTS[key]
        kind = _KIND_VI[node.kind].lower()
        more = f" (và {len(items) - 1} tiêu đề khác)" if len(items) > 1 else ""
        text = desc.format(k=kind, K=_KIND_VI[node.kind])
        yield Hit(
            f"{text[0].upper()}{text[1:]}: {quote(p)}{more}",
            paragraph=p, zone="body", expected=expected, actual=p.plain[:60], fix=fix,
        )
