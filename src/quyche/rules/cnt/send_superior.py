"""CNT-SEND-SUPERIOR — the regulation is reported to the superior cấp ủy: the recipients include the superior
committee, or the closing articles say so.

With a profile, a recipient item naming one of ``superior_committees`` (or the superior, or "cấp ủy cấp trên")
is enough, "(để báo cáo)" or not; without one, any item naming a committee ("Ban Thường vụ …", "Đảng ủy …",
"Tỉnh ủy …"). In the closing articles a sentence that "báo cáo" / "gửi" to "cấp ủy cấp trên" (or to the
superior committee by name) is enough too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.cnt._kit import art_label, outline
from quyche.rules.common import key_has, org_key
from quyche.skeleton import article_text

_COMMITTEE_ITEM = re.compile(
    r"^(?:cac dong chi )?(?:ban thuong vu|thuong truc|dang uy|tinh uy|thanh uy|huyen uy|quan uy|thi uy|"
    r"cap uy cap tren)\b"
)
_NAMED_COMMITTEE = re.compile(
    r"^(?:ban thuong vu |thuong truc )?(?:dang uy|tinh uy|thanh uy|huyen uy|quan uy|thi uy)\b"
)
_GENERIC = ("cap uy cap tren", "dang uy cap tren", "cap tren")
_SENTENCES = re.compile(r"(?<=[.;])\s+|\n")


@rule("CNT-SEND-SUPERIOR")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    o = outline(doc, ctx)
    if o is None:
        return
    z = o.zones
    names = [org_key(n) for n in (*o.profile.superior_committees, o.profile.superior)] if o.profile else []
    items = [p for p in z.recipients if not re.match(r"^nơi\s+nhận\b", p.plain, re.IGNORECASE)]
    for p in items:
        k = org_key(p.plain)
        core = org_key(re.sub(r"\(.*?\)", " ", p.plain))
        if o.profile is not None:
            if any(key_has(k, n) for n in (*names, "cap uy cap tren", "dang uy cap tren")):
                return
            if _NAMED_COMMITTEE.match(core) and any(n.startswith(core) for n in names):
                return  # "Ban Thường vụ Đảng ủy xã (để báo cáo)": the superior's committee without its name
        elif _COMMITTEE_ITEM.match(k):
            return
    for node in o.final_articles():
        for sentence in _SENTENCES.split(article_text(node)):
            k = org_key(sentence)
            if not (key_has(k, "bao cao") or key_has(k, "gui")):
                continue
            if any(key_has(k, g) for g in _GENERIC) or any(key_has(k, n) for n in names):
                return
    superior = f"Ban Thường vụ {o.profile.superior_committee}" if o.profile else "cấp ủy cấp trên"
    where = f"“Nơi nhận” chỉ có: {'; '.join(p.plain for p in items)}" if items else "không có “Nơi nhận”"
    last = z.articles[-1]
    yield Hit(
        f"Quy chế không được gửi báo cáo cấp ủy cấp trên: {where}, và điều khoản thi hành "
        f"(“{art_label(last)}”) không nói việc báo cáo",
        paragraph=items[0] if items else last.para, zone="recipients" if items else "body",
        expected=f"- {superior} (để báo cáo)", actual=None,
        fix=f"Thêm vào “Nơi nhận:” dòng “- {superior} (để báo cáo);”, hoặc ghi trong điều khoản thi hành việc báo "
        "cáo cấp ủy cấp trên và phổ biến tới đảng viên",
    )
