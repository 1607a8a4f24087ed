"""Citations of one document, extracted once and shared by every REF rule.

:func:`document_citations` runs :func:`quyche.citations.find_citations` over the căn cứ block
(``preamble``), the ``body`` and the ``recipients`` once per document and memoises the result on the
document's identity (a small LRU holding the last few documents: the engine runs every rule on one
document before the next, and a document cannot be weakly referenced). :func:`resolved` adds the
catalogue entry each citation denotes, memoised per (document date, catalogue version).

The reference catalogue is :func:`quyche.references.packaged_catalogue`, unless the deployment puts a
board-extended one (:func:`quyche.references.load_catalogue`) in ``ctx.settings.extra["reference_catalogue"]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from quyche.citations import Citation, find_citations, resolve
from quyche.keyscan import joined_keys_of, word_positions
from quyche.model import Document, Paragraph
from quyche.references import Basis, Hop, OrgFacts, Reference, ReferenceCatalogue, packaged_catalogue, vn_date
from quyche.rules.base import Context
from quyche.rules.common import piece_indices
from quyche.text import fold
from quyche.zones import Zones

CATALOGUE_SETTING = "reference_catalogue"

_CANCU = re.compile(r"^[-–+•]?\s*căn cứ\b", re.IGNORECASE)
_BULLET = re.compile(r"^[-–+•]\s*\S")
_LEAD = re.compile(r"^[-–+•\s]*(?:căn cứ\b\s*:?\s*)?", re.IGNORECASE)
# Cheap necessary condition for a citation, so find_citations() runs on few paragraphs: the Điều lệ, a
# Party number-symbol "24-QĐ/TW", a state number "30/2020/…", or a type word before a number ("Quy định 294").
_DIEU_LE = re.compile(r"điều\s+lệ", re.IGNORECASE)
_SYMBOL = re.compile(r"\d\s*[-‐‑‒–—−]\s*[A-ZĐ][A-Za-zĐđ]{0,3}\s*/|\d/")
_SPACE_DIGIT = re.compile(r"[ \t\u00a0:]\d")
_SO_TAIL = re.compile(r"\s*số\s*:?\s*$", re.IGNORECASE)
_TYPE_TAILS = frozenset(
    ("định", "dẫn", "thị", "luận", "quyết", "văn", "chế", "hoạch", "báo", "tri", "tư", "luật",
     "qđi", "qđ", "hd", "ct", "kl", "nq", "cv")
)


# The same necessary conditions, looked for once in the folded keys (Paragraph.key) of all the paragraphs joined
# with NUL (no pattern below matches across it), so may_cite() runs on the few paragraphs that pass: a "/"; "dieu
# le" ("điều lệ" folded; IGNORECASE lets "i" match a dotless "ı", which fold keeps); a number after a space (or a
# colon after "số") with a folded type tail word just before it ("quy dinh so 294", "qd 294"). The last is looked
# for in the reversed text as ASCII bytes, digits made "#" and other characters "?" (\d matches other scripts'
# digits too): a pattern led by a rare literal is scanned fast, one led by a class or an alternation is tried at
# every position.
_KEY_WORDS = ("/", "dieu le", "d\u0131eu le")
_DIGITS_TO_HASH = bytes.maketrans(b"0123456789", b"#" * 10)
_REV_TAILS = "|".join(sorted({fold(t)[::-1] for t in _TYPE_TAILS}, key=len, reverse=True))
_KEY_TAIL_REV = (
    re.compile(f"#(?=[ :])(?: ?:? ?os)? ?(?:{_REV_TAILS})".encode()),
    re.compile(f"\\?(?=[ :])(?: ?:? ?os)? ?(?:{_REV_TAILS})".encode()),  # only when some key is not ASCII
)


def _may_cite_indices(keys: list[str]) -> list[int]:
    """Indices of the keys whose paragraphs may hold a citation (a superset: may_cite() decides)."""
    joined = joined_keys_of(keys)
    hits = word_positions(joined, _KEY_WORDS)
    back = joined.encode("ascii", "replace").translate(_DIGITS_TO_HASH)[::-1]  # one byte per character
    last = len(back) - 1
    for rx in _KEY_TAIL_REV[: 1 if joined.isascii() else 2]:
        hits.extend(last - m.start() for m in rx.finditer(back))
    return piece_indices(joined, hits)


def may_cite(text: str) -> bool:
    """False only when ``text`` surely holds no citation (a fast pre-filter for find_citations)."""
    if ("lệ" in text or "LỆ" in text or "Lệ" in text) and _DIEU_LE.search(text):
        return True
    if "/" in text and _SYMBOL.search(text):  # both kinds of number hold a "/" (a cheap test first)
        return True
    for m in _SPACE_DIGIT.finditer(text):
        words = _SO_TAIL.sub("", text[max(0, m.start() - 24) : m.start() + 1]).split()
        if words and words[-1].lower() in _TYPE_TAILS:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Cited:
    """One citation found in the document, with where it is."""

    citation: Citation
    paragraph: Paragraph
    zone: str  # "preamble.cancu" | "preamble" | "body" | "recipients"
    basis: bool  # on a line of the căn cứ block

    @property
    def in_title(self) -> bool:
        """Mentioned inside the title of another cited document ("… về thi hành Điều lệ Đảng")."""
        return self.citation.in_title


@dataclass(slots=True)
class DocCitations:
    items: list[Cited]
    basis_lines: list[Paragraph]
    _resolved: dict[tuple[date | None, str, int], list[tuple[Cited, Reference | None]]] = field(
        default_factory=dict
    )

    @property
    def basis(self) -> list[Cited]:
        return [c for c in self.items if c.basis]


def catalogue_for(ctx: Context) -> ReferenceCatalogue:
    """The catalogue the REF rules read: a board-extended one from the settings, else the packaged one."""
    cat = ctx.settings.extra.get(CATALOGUE_SETTING)
    return cat if isinstance(cat, ReferenceCatalogue) else packaged_catalogue()


def basis_lines(z: Zones) -> list[Paragraph]:
    """Lines of the căn cứ block: "- Căn cứ …" lines and the bullet lines under a "Căn cứ:" line."""
    cancu = {id(p) for p in z.cancu}
    out: list[Paragraph] = []
    for p in z.preamble:
        if id(p) in cancu or _CANCU.match(p.plain) or (out and _BULLET.match(p.plain)):
            out.append(p)
    return out


def basis_text(p: Paragraph) -> str:
    """A căn cứ line without its bullet and "Căn cứ" ("- Căn cứ Điều lệ Đảng;" → "Điều lệ Đảng;")."""
    return _LEAD.sub("", p.plain, count=1)


def document_citations(doc: Document) -> DocCitations:
    """Every citation of ``doc`` (căn cứ block, other preamble lines, body, recipients), memoised."""
    z = doc.zones
    hit = z.memo.get("citations")
    if isinstance(hit, DocCitations):
        return hit
    lines = basis_lines(z)
    on_basis = {id(p) for p in lines}
    items: list[Cited] = []
    scan = [*z.preamble, *z.body, *z.recipients]
    body_at = len(z.preamble)
    recipients_at = body_at + len(z.body)
    for i in _may_cite_indices([p.key for p in scan]):
        p = scan[i]
        zone = "preamble" if i < body_at else "body" if i < recipients_at else "recipients"
        text = p.plain
        if not may_cite(text):
            continue  # every citation has a number, or is the Điều lệ
        basis = id(p) in on_basis
        where = "preamble.cancu" if basis else zone
        items.extend(Cited(c, p, where, basis) for c in find_citations(text))
    result = DocCitations(items, lines)
    z.memo["citations"] = result
    return result


def resolved(doc: Document, ctx: Context) -> list[tuple[Cited, Reference | None]]:
    """Each citation with the catalogue entry it denotes (None: not in the catalogue)."""
    cites = document_citations(doc)
    cat = catalogue_for(ctx)
    key = (ctx.doc_date, cat.version, id(cat))
    found = cites._resolved.get(key)
    if found is None:
        # The same document cited again (the Điều lệ in every other article) resolves alike: once each. resolve()
        # reads only these fields of a citation.
        seen: dict[tuple[object, ...], Reference | None] = {}
        found = []
        for c in cites.items:
            cit = c.citation
            what = (cit.is_dieu_le, cit.number_symbol, cit.date, cit.year, cit.inferred_symbol, cit.number,
                    cit.type_code)
            if what not in seen:
                seen[what] = resolve(cit, cat, ctx.doc_date)
            found.append((c, seen[what]))
        cites._resolved[key] = found
    return found


def cited_refs(doc: Document, ctx: Context, *, basis_only: bool = False) -> Iterator[tuple[Cited, Reference]]:
    """Catalogue entries the document cites in its own right (not inside another citation's title),
    first occurrence of each entry only."""
    seen: set[str] = set()
    for c, ref in resolved(doc, ctx):
        if ref is None or c.in_title or c.citation.state or (basis_only and not c.basis):
            continue
        if ref.key in seen:
            continue
        seen.add(ref.key)
        yield c, ref


def org_facts(ctx: Context) -> OrgFacts:
    """The profile facts ``applies_to`` reads; only for rules that declare needs=[PROFILE]."""
    if ctx.profile is None:
        raise ValueError("REF rule needs an organisation profile")
    return OrgFacts.from_profile(ctx.profile)


def effective_date(ctx: Context) -> date:
    """The document's date, or the check date for an undated draft."""
    return ctx.doc_date or ctx.as_of


# ------------------------------------------------------------------------------------------ wording
def short_title(ref: Reference, limit: int = 90) -> str:
    """The first clause of the catalogue's short title ("Thi hành Điều lệ Đảng")."""
    t = ref.title_short
    for m in re.finditer(r" — |; |: ", t):  # the first clause, never cut inside brackets
        head = t[: m.start()]
        if head.count("(") == head.count(")"):
            t = head
            break
    t = t.strip()
    return t if len(t) <= limit else t[: limit - 1].rstrip() + "…"


def name(ref: Reference) -> str:
    """ "Quy định 294-QĐ/TW ngày 26/5/2025" (the date as the catalogue knows it)."""
    head = f"{ref.doc_type} {ref.number_symbol}" if ref.doc_type else ref.number_symbol
    if ref.date_precision == "year":
        return f"{head} (năm {ref.date.year})"
    when = vn_date(ref.date)
    if ref.date_confidence == "L":
        when = f"có lẽ {when}"
    return f"{head} ngày {when}"


def full_name(ref: Reference) -> str:
    """ "Quy định 294-QĐ/TW ngày 26/5/2025 (Thi hành Điều lệ Đảng)"."""
    return f"{name(ref)} ({short_title(ref)})"


LINK_VERB = {"replaced": "được thay thế bởi", "repealed": "bị bãi bỏ bởi", "followed_by": "được tiếp nối bởi"}


def hop_text(hop: Hop) -> str:
    """ "232-QĐ/TW (từ 20/01/2025, liên kết H)"; unconfirmed links and entries say so."""
    target = hop.target
    bits = [f"từ {vn_date(hop.on)}", f"liên kết {hop.confidence}"]
    if hop.unconfirmed:
        bits.append("CHƯA XÁC NHẬN")
    return f"{target.number_symbol} ({', '.join(bits)})"


def chain_text(start: Reference, hops: tuple[Hop, ...] | list[Hop]) -> str:
    return " → ".join([start.number_symbol, *(hop_text(h) for h in hops)])


# ------------------------------------------------------------------------------------------ organisations
ORG_WORDS = {
    "xa": "đảng bộ, chi bộ xã",
    "phuong": "đảng bộ, chi bộ phường",
    "dac_khu": "đảng bộ đặc khu",
    "co_quan_dang_xa": "đảng bộ, chi bộ các cơ quan đảng cấp xã",
    "ubnd_xa": "đảng bộ, chi bộ Ủy ban nhân dân cấp xã",
    "don_vi_su_nghiep": "đảng bộ, chi bộ trong đơn vị sự nghiệp công lập",
    "doanh_nghiep_nha_nuoc": "đảng bộ, chi bộ trong doanh nghiệp nhà nước",
    "doanh_nghiep_ngoai_nha_nuoc": "đảng bộ, chi bộ trong doanh nghiệp ngoài khu vực nhà nước",
    "co_quan_hanh_chinh": "đảng bộ, chi bộ trong cơ quan hành chính nhà nước",
    "thon_to_dan_pho": "chi bộ thôn, tổ dân phố",
    "truong_hoc": "đảng bộ, chi bộ trường học",
    "benh_vien": "đảng bộ, chi bộ bệnh viện",
    "quan_doi": "tổ chức đảng trong Quân đội",
    "cong_an": "tổ chức đảng trong Công an",
    "khac": "tổ chức đảng",
}


def organisation_words(facts: OrgFacts) -> str:
    if facts.is_dang_uy_xa:
        return "đảng ủy xã, phường, đặc khu"
    return ORG_WORDS.get(facts.sector or facts.type, "tổ chức đảng")


def functions_for(cat: ReferenceCatalogue, facts: OrgFacts, on: date, doc: Document | None = None) -> list[Reference]:
    """Functions-and-tasks regulations in force on ``on`` for the organisation itself (not its staff bodies);
    with ``doc``, computed once per document (do not mutate the list)."""
    if doc is None:
        return [r for r in cat.for_profile(facts, on, kind="functions") if r.subject is None]
    key = ("ref.functions_for", cat, facts, on)
    found = doc.zones.memo.get(key)
    if found is None:
        found = doc.zones.memo[key] = functions_for(cat, facts, on)
    return found  # type: ignore[return-value]


def expected_basis_items(doc: Document, cat: ReferenceCatalogue, facts: OrgFacts, on: date) -> list[Basis]:
    """:meth:`ReferenceCatalogue.expected_basis_items`, computed once per document (do not mutate the list)."""
    key = ("ref.expected_basis_items", cat, facts, on)
    found = doc.zones.memo.get(key)
    if found is None:
        found = doc.zones.memo[key] = cat.expected_basis_items(facts, on)
    return found  # type: ignore[return-value]
