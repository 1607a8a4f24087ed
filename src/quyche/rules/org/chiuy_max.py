"""ORG-CHIUY-MAX — a chi ủy has at most 7 members.

Read from the profile (derived ``chiuy_size`` of a chi bộ with a chi ủy) and from the text: "Chi ủy gồm 9
đồng chí", "Chi ủy có chín ủy viên", "bầu 09 chi ủy viên" (numerals, zero-padded or not, and number
words). A stated count is wrong whoever writes it, so the text check needs no profile.
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote
from quyche.rules.org._kit import count_re, stated_counts

MAX_CHI_UY = 7
_NEED = "chi uy"  # folded words every pattern of _STATED matches

_STATED = count_re(
    r"\bchi ủy\b(?:\s+chi bộ\b[^.;:]{0,80}?)?\s+(?:gồm|có)\s+(?:có\s+)?{N}\s*"
    r"(?:đồng chí|chi ủy viên|ủy viên|thành viên|người)\b",
    r"\bsố lượng chi ủy(?: viên)?\s*(?:là|:)?\s*{N}",
    r"{N}\s*(?:đồng chí\s+)?chi ủy viên\b",
)


@rule("ORG-CHIUY-MAX")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    p = ctx.profile
    if p is not None and p.has_chi_uy and p.chiuy_size > MAX_CHI_UY:
        yield Hit(
            f"Hồ sơ tổ chức ghi chi ủy {p.chiuy_size} đồng chí; chi ủy có tối đa {MAX_CHI_UY} chi ủy viên",
            zone="profile", expected=f"≤ {MAX_CHI_UY} chi ủy viên", actual=f"{p.chiuy_size} chi ủy viên",
            fix="Sửa danh sách chi ủy (committee) trong hồ sơ cho đúng kết quả bầu cử (không quá 7 đồng chí)",
        )
    z = doc.zones
    for c in stated_counts([*z.body, *z.preamble], _STATED, _NEED):
        if c.value > MAX_CHI_UY:
            yield Hit(
                f"Quy chế ghi “{c.text}” ({quote(c.paragraph, 60)}); chi ủy có tối đa {MAX_CHI_UY} chi ủy viên",
                paragraph=c.paragraph, expected=f"≤ {MAX_CHI_UY} chi ủy viên", actual=f"{c.value} chi ủy viên",
                fix=f"Sửa số chi ủy viên trong quy chế theo kết quả bầu cử (không quá {MAX_CHI_UY})",
            )
