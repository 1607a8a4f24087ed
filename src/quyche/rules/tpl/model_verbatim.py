"""TPL-MODEL-VERBATIM — the articles the organisation must write for itself are not copied from the model.

Articles are mapped onto the model skeleton (template kind from the profile, else from the issuer line); for
each article serving a block marked ``adapt`` (responsibilities, meeting regime, relationships…), the text
of the article (title left out) is compared with the block's model text — of every template kind, since
copying another kind's model is copying too. At or above ``ctx.settings.verbatim_threshold`` (default 0.95,
normalised token similarity) the article is reported, with the share of such articles among the mapped
``adapt`` articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import qclv_with_articles, template_kind_for
from quyche.skeleton import TEMPLATE_KINDS, article_tokens, compare_tokens, map_articles, skeleton, token_similarity
from quyche.zones import Node

_CLAUSE_BREAK = re.compile(r"\s+(?=\d{1,3}\.\s)")


def _model_texts(block_key: str) -> list[tuple[str, str]]:
    """(template kind, model text) of a block in every template kind that has it, distinct texts only."""
    sk = skeleton()
    out: dict[str, str] = {}
    for kind in TEMPLATE_KINDS:
        b = sk.block(block_key, kind)
        if b is not None and b.adapt and b.model_text and b.model_text not in out:
            out[b.model_text] = kind
    # The YAML folds a model text onto one line; put each numbered clause back on its own line so that
    # ``similarity`` drops its number as it does for the document's clauses.
    return [(k, _CLAUSE_BREAK.sub("\n", t)) for t, k in out.items()]


@cache
def _model_tokens(block_key: str) -> tuple[tuple[str, ...], ...]:
    """The compared tokens of each model text of a block (skeleton data: computed once)."""
    return tuple(compare_tokens(model) for _, model in _model_texts(block_key))


@rule("TPL-MODEL-VERBATIM")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    if not qclv_with_articles(z):
        return
    sk = skeleton()
    kind = template_kind_for(z, ctx.profile)
    mapping = map_articles(z, sk, kind)
    adapt = {b.key for b in sk.blocks(kind) if b.adapt}
    threshold = ctx.settings.verbatim_threshold
    best: dict[int, tuple[float, str, Node]] = {}  # article → (similarity, block, node)
    compared: set[int] = set()
    tokens: dict[int, tuple[str, ...] | None] = {}
    for m in mapping.matches:
        if m.block not in adapt or m.node.kind != "dieu":
            continue
        compared.add(id(m.node))
        # similarity(article_text(m.node, title=False), model, cutoff=threshold), the article read once
        if id(m.node) not in tokens:
            tokens[id(m.node)] = article_tokens(m.node)
        text = tokens[id(m.node)]
        if text is None:
            continue  # no text under the title
        for model in _model_tokens(m.block):
            score = token_similarity(text, model, cutoff=threshold)
            if id(m.node) not in best or score > best[id(m.node)][0]:
                best[id(m.node)] = (score, m.block, m.node)
    copied = [(s, b, n) for s, b, n in best.values() if s >= threshold]
    if not copied:
        return
    share = f"{len(copied)}/{len(compared)} điều cần tự xây dựng ({round(100 * len(copied) / len(compared))} %)"
    order = {id(a): i for i, a in enumerate(z.articles)}
    for score, block, node in sorted(copied, key=lambda c: order.get(id(c[2]), 0)):
        pct = f"{score * 100:.0f} %".replace(".", ",")
        yield Hit(
            f"Điều {node.number}. {node.full_title} gần như chép nguyên văn quy chế mẫu (giống {pct}, ngưỡng "
            f"{threshold * 100:.0f} %; khối “{block}”, mô hình khung {sk.version}); tổng cộng {share} giống mẫu",
            paragraph=node.para, zone="body", expected=f"giống mẫu dưới {threshold * 100:.0f} %", actual=pct,
            fix=f"Viết lại Điều {node.number} theo nhiệm vụ, tổ chức và cách làm việc thực tế của đơn vị (nêu tên "
            "cụ thể, cách phân công, lịch họp, quan hệ công tác)",
        )
