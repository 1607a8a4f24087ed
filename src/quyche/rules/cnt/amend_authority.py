"""CNT-AMEND-AUTHORITY — the regulation says who may amend it: only the issuing collective (Ban Chấp hành /
chi bộ), by collective decision.

Sentences about "sửa đổi, bổ sung" the regulation (naming "Quy chế", or in the closing articles) are read for the
body that decides ("do … quyết định", "… xem xét, quyết định", "thuộc thẩm quyền của …", "giao …"). Power given
to the Ban Thường vụ, the Thường trực, the bí thư or the chi ủy with no collective decision is flagged; so is a
regulation that never says who amends it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document, Paragraph
from quyche.rules.base import Context, Hit, rule
from quyche.rules.cnt._kit import outline
from quyche.rules.common import key_has, org_key
from quyche.zones import Node

_BODY = (r"(?:tap the ban chap hanh|tap the chi bo|tap the dang uy|ban chap hanh|tap the|hoi nghi|ban thuong vu|"
         r"thuong truc|pho bi thu|bi thu|chi uy|chi bo|dang uy)(?! vien)")
_NOT_AFTER = r"(?<!ban thuong vu )(?<!thuong truc )(?<!pho bi thu )(?<!bi thu )(?<!uy vien )(?<!cac )"
_DECIDERS = (
    re.compile(rf"\bdo (?:dong chi )?(?P<b>{_BODY})"),
    re.compile(rf"{_NOT_AFTER}\b(?P<b>{_BODY})(?: (?:dang uy|chi bo))? "
               r"(?:xem xet|quyet dinh|co quyen|duoc quyen|duoc uy quyen|sua doi)"),
    re.compile(rf"\btham quyen (?:cua )?(?:dong chi )?(?P<b>{_BODY})"),
    re.compile(rf"\bgiao (?:cho )?(?:dong chi )?(?P<b>{_BODY})"),
)
_COLLECTIVE = ("ban chap hanh", "tap the", "hoi nghi", "chi bo", "dang uy")
_NAMES = {"ban thuong vu": "Ban Thường vụ", "thuong truc": "Thường trực", "pho bi thu": "Phó Bí thư",
          "bi thu": "Bí thư", "chi uy": "Chi ủy"}
_SENTENCES = re.compile(r"(?<=[.;])\s+")


def _paragraphs(node: Node) -> list[Paragraph]:
    out = [node.para, *node.content]
    for child in node.walk()[1:]:
        out += [child.para, *child.content]
    return out


@rule("CNT-AMEND-AUTHORITY")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    o = outline(doc, ctx)
    if o is None:
        return
    closing = {id(n) for n in o.final_articles()} | {id(n) for n in o.mapping.found("amendment")}
    about: list[tuple[Paragraph, str, list[str]]] = []  # (paragraph, sentence, deciders)
    for art in o.zones.articles:
        for p in _paragraphs(art):
            pk = p.key
            if "sua" not in pk or "doi" not in pk:
                continue  # no sentence of it says "sửa đổi" (org_key's words are folded words of the text)
            for sentence in _SENTENCES.split(p.plain):
                k = org_key(sentence)
                if not key_has(k, "sua doi") or not (key_has(k, "quy che") or id(art) in closing):
                    continue
                deciders = [m.group("b") for rx in _DECIDERS for m in rx.finditer(k)]
                about.append((p, sentence, deciders))
    if not about:
        yield Hit(
            "Quy chế không nêu ai có thẩm quyền sửa đổi, bổ sung quy chế",
            paragraph=o.anchor("final"), zone="body",
            expected="Việc sửa đổi, bổ sung Quy chế do Ban Chấp hành (Chi bộ) xem xét, quyết định", actual=None,
        )
        return
    flagged = False
    for p, sentence, deciders in about:
        alone = [d for d in deciders if not d.startswith(_COLLECTIVE)]
        if alone and len(alone) == len(deciders):
            flagged = True
            who = _NAMES.get(alone[0], alone[0])
            yield Hit(
                f"Quyền sửa đổi, bổ sung quy chế được giao cho {who}, không phải tập thể đã ban hành quy chế: "
                f"“{sentence.strip()}”",
                paragraph=p, zone="body", expected="do Ban Chấp hành (Chi bộ) xem xét, quyết định", actual=who,
            )
    if flagged or any(ds for _, _, ds in about):
        return
    p, sentence, _ = about[0]
    yield Hit(
        f"Quy chế nói đến việc sửa đổi, bổ sung nhưng không nêu ai quyết định: “{sentence.strip()}”",
        paragraph=p, zone="body", expected="do Ban Chấp hành (Chi bộ) xem xét, quyết định", actual=None,
    )
