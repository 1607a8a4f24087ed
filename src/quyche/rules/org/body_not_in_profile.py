"""ORG-BODY-NOT-IN-PROFILE — the regulation describes only bodies the organisation has.

"Thường trực Đảng ủy", "tổ đảng" and "Ủy ban Kiểm tra" presented as bodies of this organisation (a heading or
a meeting clause, :func:`quyche.skeleton.bodies_described`) where the profile says it has none
(``has_thuong_truc``, ``has_to_dang``, ``has_ubkt`` false). A field the profile does not give skips its body.
Ban Thường vụ and chi ủy are ORG-BTV-THRESHOLD's and ORG-CHIUY-THRESHOLD's.
"""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import PROFILE, Context, Hit, rule
from quyche.rules.common import quote
from quyche.rules.org._kit import outermost
from quyche.skeleton import bodies_described, facts

# body key of bodies_described → (profile field, name in messages)
_BODIES = {
    "thuong_truc": ("has_thuong_truc", "Thường trực"),
    "to_dang": ("has_to_dang", "tổ đảng"),
    "uy_ban_kiem_tra": ("has_ubkt", "Ủy ban Kiểm tra"),
}


@rule("ORG-BODY-NOT-IN-PROFILE", needs=[PROFILE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    p = ctx.profile
    if p is None:
        return
    known = facts(p)
    absent = [key for key, (field, _) in _BODIES.items() if known.get(field) is False]
    if not absent:
        return
    described = bodies_described(doc.zones, p)
    for key in absent:
        field, name = _BODIES[key]
        for node in outermost(described.get(key, [])):
            yield Hit(
                f"Hồ sơ tổ chức ghi không có {name} ({field}: false), nhưng quy chế quy định cho {name}: "
                f"{quote(node.para)}",
                paragraph=node.para, zone="body", expected=f"không có {name}", actual=f"có quy định về {name}",
                fix=f"Bỏ các điều, khoản về {name}; nếu thực tế có {name}, sửa hồ sơ tổ chức ({field}: true)",
            )
