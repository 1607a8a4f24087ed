"""Helpers the CNT rules share: the article mapping onto the model skeleton and the blocks a rule checks.

Not a rule module: it registers nothing. The CNT rules judge only a working regulation (quy chế làm việc)
that has articles; without a profile the template kind comes from the issuer line (đảng ủy → 7619-mau1,
chi bộ → 7619-chibo) and only the unconditional blocks are expected.
"""

from __future__ import annotations

from dataclasses import dataclass

from quyche.model import Document, Paragraph
from quyche.profile import Profile
from quyche.rules.base import Context
from quyche.rules.common import qclv_with_articles, template_kind_for
from quyche.skeleton import Block, Mapping, map_articles, skeleton
from quyche.zones import Node, Zones


@dataclass(frozen=True, slots=True)
class Outline:
    zones: Zones
    kind: str
    mapping: Mapping
    profile: Profile | None

    @property
    def version(self) -> str:
        return self.mapping.version

    def expected(self, rule_id: str) -> list[Block]:
        """Blocks ``rule_id`` checks that this organisation needs: with a profile, the required blocks (a block
        resting on an unknown optional fact is left out); without one, the unconditional blocks."""
        sk = skeleton()
        if self.profile is not None:
            blocks = sk.required_blocks(self.profile)
        else:
            blocks = [b for b in sk.blocks(self.kind) if not b.condition]
        return [b for b in blocks if rule_id in b.checked_by]

    def anchor(self, chapter: str) -> Paragraph | None:
        """Where a missing block of ``chapter`` belongs: the chapter heading when the document has it; else the
        last article for the closing chapters, the first article otherwise."""
        nodes = self.mapping.chapters.get(chapter)
        if nodes:
            return nodes[0].para
        arts = self.zones.articles
        if not arts:
            return None
        return arts[-1].para if chapter in ("relations", "final") else arts[0].para

    def final_articles(self) -> list[Node]:
        """Articles of the closing part: the final chapter's blocks and articles, and the last article."""
        out: list[Node] = list(self.mapping.found("final"))
        for ch in self.mapping.chapters.get("final", []):
            out += [n for n in ch.walk() if n.kind == "dieu"]
        if self.zones.articles:
            out.append(self.zones.articles[-1])
        seen: set[int] = set()
        uniq = []
        for n in out:
            if n.kind == "dieu" and id(n) not in seen:
                seen.add(id(n))
                uniq.append(n)
        return uniq


def outline(doc: Document, ctx: Context) -> Outline | None:
    """The mapped outline of a working regulation with articles, else None (nothing to judge)."""
    z = doc.zones
    if not qclv_with_articles(z):
        return None
    kind = template_kind_for(z, ctx.profile)
    return Outline(z, kind, map_articles(z, skeleton(), kind), ctx.profile)


def heading_of(block: Block) -> str:
    return block.heading or block.key


def art_label(node: Node) -> str:
    return f"Điều {node.number}. {node.full_title}".strip()
