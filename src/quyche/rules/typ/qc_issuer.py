"""TYP-QC-ISSUER — a working regulation is the collective's (Ban Chấp hành / chi bộ), not the BTV's."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import issuer_kind, quote, signs_for_btv, type_key
from quyche.text import fold
from quyche.zones import Zones

# Folded trích yếu: "làm việc của Ban Thường vụ …", "làm việc của (đồng chí) Bí thư …"
_WRONG_OWNER = re.compile(r"^lam viec cua\s+(ban thuong vu|(dong chi\s+)?(pho\s+)?bi thu)\b")


def _is_working_regulation(z: Zones) -> bool:
    summary = fold(z.summary_text)
    return summary.startswith("lam viec") or (type_key(z.title_type) == "quy che" and "lam viec" in summary)


@rule("TYP-QC-ISSUER")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    if not z.title_summary or not _is_working_regulation(z):
        return
    summary = fold(z.summary_text)
    kind = issuer_kind(z)
    if kind not in ("dang_uy", "chi_bo", "ban_thuong_vu"):
        kind = "chi_bo" if "chi bo" in summary else "dang_uy"
    part = "chi_bo" if kind == "chi_bo" else "dang_uy"
    owner = "Chi bộ" if part == "chi_bo" else "Ban Chấp hành Đảng bộ"
    collective = "T/M CHI BỘ" if part == "chi_bo" else "T/M ĐẢNG ỦY"
    m = _WRONG_OWNER.match(summary)
    if m:
        who = "Ban Thường vụ" if m.group(1).startswith("ban") else "Bí thư"
        yield Hit(
            f"Quy chế làm việc là văn bản của {owner}, không phải của {who}: trích yếu "
            f"{quote(z.title_summary[0])}",
            paragraph=z.title_summary[0],
            zone="title.summary",
            part=part,
            expected=f"làm việc của {owner} …",
            actual=z.summary_text,
            fix=f"Viết trích yếu “làm việc của {owner} …, nhiệm kỳ …”; trách nhiệm của {who} là một điều "
            "trong quy chế",
        )
    auth = z.authority
    if auth is not None and signs_for_btv(z):
        yield Hit(
            f"Quy chế làm việc của {owner} lại ký {quote(auth)}: Ban Thường vụ không ban hành quy chế "
            f"làm việc của {owner}",
            paragraph=auth,
            zone="signature",
            part=part,
            expected=collective,
            actual=auth.plain,
            fix=f"Ký “{collective}” (thay mặt tập thể ban hành), dòng dưới là chức vụ người ký",
        )
