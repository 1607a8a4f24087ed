"""CNT-RESP-BODIES — a responsibilities-and-powers article (or clause) for each body and role that exists.

The bodies come from the profile through the model skeleton's conditional blocks (``resp.*``): the collective
(Ban Chấp hành or chi bộ); the Ban Thường vụ only with ``has_btv``; Thường trực when the profile says so; the
chi ủy only with ``has_chi_uy``; bí thư; phó bí thư (when the profile lists one); cấp ủy viên / chi ủy viên;
đảng viên (chi bộ); tổ đảng when the profile says so. A body resting on an optional fact the profile does not
give is not expected. One finding per missing body.
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.profile import Profile
from quyche.rules.base import PROFILE, Context, Hit, rule
from quyche.rules.cnt._kit import heading_of, outline
from quyche.skeleton import Block


def _why(block: Block, p: Profile) -> str:
    """The profile fact that makes the body exist, for the message."""
    body = block.body or ""
    if body == "ban_thuong_vu":
        return f"hồ sơ: Ban Chấp hành có {p.committee_size} ủy viên, có Ban Thường vụ"
    if body == "chi_uy":
        return f"hồ sơ: chi bộ có {p.members} đảng viên chính thức, có chi ủy"
    if body == "pho_bi_thu":
        return f"hồ sơ có {p.deputy_count} phó bí thư"
    if body == "thuong_truc":
        return "hồ sơ ghi có Thường trực"
    if body == "to_dang":
        return "hồ sơ ghi có tổ đảng"
    if body == "uy_vien":
        return "hồ sơ có cấp ủy viên" if p.is_dang_uy else "hồ sơ có chi ủy viên"
    return ""


@rule("CNT-RESP-BODIES", needs=[PROFILE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    o = outline(doc, ctx)
    if o is None or o.profile is None:
        return
    for block in o.mapping.missing(o.expected("CNT-RESP-BODIES")):
        heading = heading_of(block)
        what = heading[:1].lower() + heading[1:]
        why = _why(block, o.profile)
        yield Hit(
            f"Không có điều (hoặc khoản) về {what}" + (f" ({why})" if why else "") + f" (mô hình khung {o.version})",
            paragraph=o.anchor("responsibilities"), zone="body", expected=f"Điều … {heading}", actual=None,
            fix=f"Thêm “Điều … {heading}” trong chương về trách nhiệm, quyền hạn",
        )
