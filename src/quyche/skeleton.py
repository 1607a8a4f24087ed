"""Model skeletons of a working regulation, and mapping a document's articles onto them.

The skeleton (``quyche/data/skeletons.yaml``, from model-skeleton.md) is an *inferred outline*: the
chapters and blocks (one article per block, mostly) a regulation of each template kind is expected to
have, the profile facts each conditional block depends on, the model labels and the generator's
formatting defaults. It is versioned data; every CNT/TPL finding records :attr:`Skeleton.version`.

- :func:`template_kind` — which model an organisation follows (rules.md §0.3).
- :meth:`Skeleton.blocks` / :meth:`Skeleton.required_blocks` — the outline, and the blocks a profile needs
  (conditions over derived facts; a block resting on an optional fact the profile does not give is
  "unknown", neither required nor excluded).
- :func:`map_articles` — assigns each article to zero or more blocks, first by its title (folded keywords,
  exact then fuzzy), then, for blocks no title names, by keywords in the article text.
- :func:`bodies_described` — which bodies (Ban Thường vụ, Thường trực, chi ủy, tổ đảng, Ủy ban Kiểm tra) the
  text presents as bodies *of this organisation* (ORG-BTV-THRESHOLD, ORG-CHIUY-THRESHOLD,
  ORG-BODY-NOT-IN-PROFILE), as opposed to the superior's bodies it names.
- :func:`similarity` — normalised token similarity for TPL-MODEL-VERBATIM.
"""

from __future__ import annotations

import re
import re._parser as sre_parse
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from importlib import resources
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from quyche.profile import Profile
from quyche.text import fold, nfc
from quyche.yamlio import load_yaml
from quyche.zones import Node, Zones

TEMPLATE_KINDS = ("7619-mau1", "7619-chibo", "363", "302", "147")
CHAPTER_KEYS = ("general", "responsibilities", "regime", "relations", "final")
BODY_KEYS = ("ban_thuong_vu", "thuong_truc", "chi_uy", "to_dang", "uy_ban_kiem_tra")

# Matching thresholds (rapidfuzz scores, 0–100) — see map_articles.
HEADING_PARTIAL_MIN = 92.0  # fuzz.partial_ratio(keyword, title): one typo in a keyword of ≥ 13 letters
HEADING_TOKEN_SET_MIN = 95.0  # fuzz.token_set_ratio(keyword, title): same words in another order
FUZZY_MIN_CHARS = 10  # shorter keywords ("bí thư", "phạm vi") must match exactly
TOKEN_SET_MIN_TOKENS = 3  # token-set matching only for keywords of 3+ words
VERBATIM_THRESHOLD = 0.95  # TPL-MODEL-VERBATIM default (rules.md §10.4: a parameter)

FACT_NAMES = (
    "is_dang_uy", "is_chi_bo", "has_btv", "has_chi_uy", "is_dang_uy_xa", "is_dn_cap_tren", "subordinates",
    "has_pho_bi_thu", "has_cap_uy", "has_thuong_truc", "has_to_dang", "has_ubkt",
)
OPTIONAL_FACTS = ("has_thuong_truc", "has_to_dang", "has_ubkt")


class SkeletonError(ValueError):
    """The skeleton data is malformed (a unknown fact, template kind or chapter)."""


# ====================================================================================== text keys
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=16384)
def key(text: str) -> str:
    """Matching key: :func:`quyche.text.fold` (case, diacritics, tone placement), punctuation as spaces — the
    words of the folded text joined by single spaces (:func:`_words_key`)."""
    return _words_key(fold(text))


def _has(text_key: str, phrase_key: str) -> bool:
    # Keys are words joined by single spaces (see ``key``), so padding with spaces gives word bounds.
    return bool(phrase_key) and f" {phrase_key} " in f" {text_key} "


def _strip(text_key: str, phrase_keys: Sequence[str]) -> str:
    padded = f" {text_key} "
    for ph in phrase_keys:
        if ph:
            needle = f" {ph} "
            while needle in padded:
                padded = padded.replace(needle, " ")
    return _SPACES.sub(" ", padded).strip()


# ====================================================================================== data model
@dataclass(frozen=True, slots=True)
class ContentPoint:
    text: str
    confidence: str | None = None
    condition: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Block:
    """One expected block (usually one article) of the outline, resolved for one template kind."""

    key: str
    chapter: str
    template_kind: str
    heading: str | None
    heading_keywords: tuple[str, ...] = ()
    heading_excludes: tuple[str, ...] = ()
    heading_requires: tuple[str, ...] = ()
    text_keywords: tuple[str, ...] = ()
    text_min_hits: int = 1
    content: tuple[ContentPoint, ...] = ()
    adapt: bool = False
    condition: tuple[str, ...] = ()
    condition_confidence: str | None = None
    confidence: str = "L"
    checked_by: tuple[str, ...] = ()
    model_text: str | None = None
    model_text_source: str | None = None
    standalone: bool = True
    heading_options: tuple[str, ...] = ()
    note: str | None = None

    @property
    def body(self) -> str | None:
        """The body or role of a responsibilities block ("ban_thuong_vu" for ``resp.ban_thuong_vu``)."""
        return self.key.split(".", 1)[1] if self.key.startswith("resp.") else None

    # Folded forms, computed once per block.
    @property
    def _heading_keys(self) -> tuple[str, ...]:
        return _keys(self.heading_keywords)

    @property
    def _exclude_keys(self) -> tuple[str, ...]:
        return tuple(sorted(_keys(self.heading_excludes), key=len, reverse=True))

    @property
    def _require_keys(self) -> tuple[str, ...]:
        return _keys(self.heading_requires)

    @property
    def _text_keys(self) -> tuple[str, ...]:
        return _keys(self.text_keywords)


@lru_cache(maxsize=1024)
def _keys(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(k for k in (key(p) for p in phrases) if k)


@dataclass(frozen=True, slots=True)
class Chapter:
    key: str
    number: str
    heading: str
    heading_keywords: tuple[str, ...]
    confidence: str = "L"


@dataclass(frozen=True, slots=True)
class Template:
    """Per-template-kind facts of model-skeleton.md §4 (raw values keep their confidence marks)."""

    kind: str
    title: str
    chapter_headings: dict[str, str]
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Label:
    """A model label (TPL-MODEL-LABEL-LEFT): a literal compared folded, or a case-insensitive regex on NFC."""

    id: str
    kind: str  # "literal" | "regex"
    text: str
    confidence: str = "H"
    note: str | None = None
    match: str = "anywhere"  # "anywhere" | "line_start" (the label opens the paragraph, as a title line does)

    @property
    def _regex(self) -> re.Pattern[str]:
        return _label_re(self.text)

    def search(self, text: str) -> tuple[int, int] | None:
        """Span of a regex label in ``text``, (0, len) for a literal found in it; None when absent.
        (Use :meth:`Skeleton.label_hits`, which also skips the exempt căn cứ lines.)"""
        if self.kind == "regex":
            m = self._regex.search(nfc(text))
            if m is None or (self.match == "line_start" and text[: m.start()].strip(_OPENERS)):
                return None
            return m.span()
        text_key, label_key = key(text), key(self.text)
        if self.match == "line_start":
            return (0, len(text)) if text_key.startswith(label_key) else None
        return (0, len(text)) if _has(text_key, label_key) else None

    def matches(self, text: str) -> bool:
        return self.search(text) is not None


_OPENERS = " \t([{\"'“‘«-–—•*"


# ------------------------------------------------------------------ label needles (a cheap necessary test)
@cache
def label_needles(label: Label) -> tuple[tuple[str, ...], ...]:
    """Folded strings a text must hold for ``label`` to match it (label data: computed once): each group is
    a tuple of alternatives, one of which must be a substring of :func:`quyche.text.fold` of the text. No
    group: no test (always try the label).

    A literal label needs each word of its key. A regex label needs each literal run of its pattern that every
    match goes through (top-level literals, alternatives of a top-level branch, ``x{n,}`` with n ≥ 1). Under
    IGNORECASE a literal character matches its case variants, which fold alike — except "i", which also
    matches the dotless "ı" (folded "ı"): runs are cut there."""
    if label.kind != "regex":
        return tuple((w,) for w in key(label.text).split())
    try:
        parsed = sre_parse.parse(nfc(label.text), re.IGNORECASE)
    except re.error:
        return ()
    return tuple(g for g in _needle_groups(parsed, sre_parse) if all(g))


def _needle_groups(items: Any, sp: Any) -> list[tuple[str, ...]]:
    groups: list[tuple[str, ...]] = []
    run: list[str] = []

    def flush() -> None:
        groups.extend((seg,) for seg in _safe_segments(run))
        run.clear()

    for op, av in items:
        if op is sp.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is sp.SUBPATTERN:
            groups.extend(_needle_groups(av[3], sp))
        elif op is sp.BRANCH:
            alternatives = []
            for alt in av[1]:
                singles = [g[0] for g in _needle_groups(alt, sp) if len(g) == 1]
                if not singles:
                    break
                alternatives.append(max(singles, key=len))
            else:
                groups.append(tuple(dict.fromkeys(alternatives)))
        elif op in (sp.MAX_REPEAT, sp.MIN_REPEAT):
            low, _, item = av
            if low >= 1 and len(item) == 1 and item[0][0] is sp.LITERAL:
                groups.extend((seg,) for seg in _safe_segments([chr(item[0][1])] * low))
    flush()
    return groups


def _safe_segments(chars: Sequence[str]) -> list[str]:
    """Folded runs of ``chars``, cut at the characters whose case variants may not all fold alike (checked for
    the Latin letters over the whole of Unicode: only the i family; other scripts are left out)."""
    out: list[str] = []
    seg = ""
    for ch in chars:
        folded = fold(ch)
        latin = ord(ch) < 0x250 or 0x1E00 <= ord(ch) < 0x1F00 or ch.lower() == ch.upper() == ch
        if not latin or not folded or folded != "".join(folded.split()) or folded in ("i", "ı"):
            if seg:
                out.append(seg)
            seg = ""
            continue
        seg += folded
    if seg:
        out.append(seg)
    return out


@lru_cache(maxsize=256)
def _label_re(pattern: str) -> re.Pattern[str]:
    return re.compile(nfc(pattern), re.IGNORECASE)


# ====================================================================================== profile facts
def template_kind(profile: Profile) -> str:
    """rules.md §0.3 (302 / 363 / 147 / 7619-mau1 / 7619-chibo); the profile derives it."""
    return profile.template_kind


def is_dn_cap_tren(profile: Profile) -> bool:
    return profile.is_dn_cap_tren


def _optional_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    return None


def facts(profile: Profile) -> dict[str, bool | None]:
    """The facts block conditions read; None = unknown (an optional field the profile does not give)."""
    out: dict[str, bool | None] = {
        "is_dang_uy": profile.is_dang_uy,
        "is_chi_bo": profile.is_chi_bo,
        "has_btv": profile.has_btv,
        "has_chi_uy": profile.has_chi_uy,
        "is_dang_uy_xa": profile.is_dang_uy_xa,
        "is_dn_cap_tren": is_dn_cap_tren(profile),
        "subordinates": bool(profile.subordinates),
        "has_pho_bi_thu": (profile.deputy_count > 0) if profile.committee else None,
        "has_cap_uy": profile.is_dang_uy or profile.has_chi_uy,  # cấp ủy viên / chi ủy viên exist
    }
    for name in OPTIONAL_FACTS:
        out[name] = _optional_bool(profile.extra.get(name))
    return out


def evaluate(condition: Sequence[str], profile: Profile, known: dict[str, bool | None] | None = None) -> bool | None:
    """All items must hold ("not x" negates; "kind:v", "type:v" compare fields). False wins over unknown.
    ``known``: ``facts(profile)`` when the caller has it already."""
    if known is None:
        known = facts(profile)
    result: bool | None = True
    for item in condition:
        negate, name = _parse_fact(item)
        value: bool | None
        if name.startswith("kind:"):
            value = profile.kind == name[5:]
        elif name.startswith("type:"):
            value = profile.type == name[5:]
        else:
            value = known[name]
        if value is None:
            result = None
            continue
        if value == negate:
            return False
    return result


def _parse_fact(item: str) -> tuple[bool, str]:
    item = item.strip()
    if item.startswith("not "):
        return True, item[4:].strip()
    return False, item


def _check_condition(condition: Sequence[str], where: str) -> None:
    for item in condition:
        _, name = _parse_fact(item)
        if name.startswith(("kind:", "type:")):
            continue
        if name not in FACT_NAMES:
            raise SkeletonError(f"{where}: unknown fact “{name}” in condition")


# ====================================================================================== the skeleton
@dataclass(frozen=True)
class Skeleton:
    version: str
    status: str
    chapters: tuple[Chapter, ...]
    templates: dict[str, Template]
    labels: tuple[Label, ...]
    formatting: dict[str, Any]
    by_kind: dict[str, tuple[Block, ...]]
    label_exempt: re.Pattern[str] | None = None

    def blocks(self, template_kind: str) -> list[Block]:
        """The outline of one template kind, in document order (conditional blocks included)."""
        try:
            return list(self.by_kind[template_kind])
        except KeyError:
            raise SkeletonError(f"unknown template kind “{template_kind}”") from None

    def block(self, block_key: str, template_kind: str) -> Block | None:
        return next((b for b in self.blocks(template_kind) if b.key == block_key), None)

    def chapter(self, chapter_key: str) -> Chapter:
        for c in self.chapters:
            if c.key == chapter_key:
                return c
        raise SkeletonError(f"unknown chapter “{chapter_key}”")

    def chapter_heading(self, chapter_key: str, template_kind: str) -> str:
        """Generator default for a chapter name (template override, else the common heading)."""
        override = self.templates[template_kind].chapter_headings.get(chapter_key)
        return override or self.chapter(chapter_key).heading

    def status_of(self, profile: Profile) -> dict[str, bool | None]:
        """Block key → True (required), False (excluded) or None (unknown) for the profile's template kind."""
        return {b.key: evaluate(b.condition, profile) for b in self.blocks(template_kind(profile))}

    def required_blocks(self, profile: Profile) -> list[Block]:
        """Blocks whose condition holds for the profile (unknown ones left out: :meth:`unknown_blocks`)."""
        known = facts(profile)
        return [b for b in self.blocks(template_kind(profile)) if evaluate(b.condition, profile, known) is True]

    def unknown_blocks(self, profile: Profile) -> list[Block]:
        """Blocks resting on an optional fact the profile does not give (e.g. ``has_thuong_truc``)."""
        known = facts(profile)
        return [b for b in self.blocks(template_kind(profile)) if evaluate(b.condition, profile, known) is None]

    def content_points(self, block: Block, profile: Profile) -> list[ContentPoint]:
        """A block's content points that apply to the profile (unknown conditions kept)."""
        return [p for p in block.content if evaluate(p.condition, profile) is not False]

    def label_hits(self, text: str) -> list[Label]:
        """Model labels in one paragraph (nothing on an exempt line: a căn cứ may cite the models by name)."""
        if self.label_exempt is not None and self.label_exempt.search(nfc(text)):
            return []
        return [lb for lb in self.labels if lb.matches(text)]


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (nfc(value),)
    return tuple(nfc(str(v)) for v in value)


def _content(value: Any) -> tuple[ContentPoint, ...]:
    out: list[ContentPoint] = []
    for item in value or ():
        if isinstance(item, dict):
            cond = _tuple(item.get("condition"))
            out.append(ContentPoint(nfc(str(item["text"])), item.get("confidence"), cond))
        else:
            out.append(ContentPoint(nfc(str(item))))
    return tuple(out)


def _text(value: Any) -> str | None:
    return None if value is None else nfc(" ".join(str(value).split()))


def _block(raw: dict[str, Any], kind: str) -> Block:
    data = dict(raw)
    data.update((raw.get("variants") or {}).get(kind) or {})
    where = f"block {raw.get('key')} ({kind})"
    if data.get("chapter") not in CHAPTER_KEYS:
        raise SkeletonError(f"{where}: unknown chapter “{data.get('chapter')}”")
    block = Block(
        key=str(data["key"]),
        chapter=str(data["chapter"]),
        template_kind=kind,
        heading=_text(data.get("heading")),
        heading_keywords=_tuple(data.get("heading_keywords")),
        heading_excludes=_tuple(data.get("heading_excludes")),
        heading_requires=_tuple(data.get("heading_requires")),
        text_keywords=_tuple(data.get("text_keywords")),
        text_min_hits=int(data.get("text_min_hits", 1)),
        content=_content(data.get("content")),
        adapt=bool(data.get("adapt", False)),
        condition=_tuple(data.get("condition")),
        condition_confidence=data.get("condition_confidence"),
        confidence=str(data.get("confidence", "L")),
        checked_by=_tuple(data.get("checked_by")),
        model_text=_text(data.get("model_text")),
        model_text_source=data.get("model_text_source"),
        standalone=bool(data.get("standalone", True)),
        heading_options=_tuple(data.get("heading_options")),
        note=_text(data.get("note")),
    )
    _check_condition(block.condition, where)
    for p in block.content:
        _check_condition(p.condition, where)
    if block.adapt and not block.model_text:
        raise SkeletonError(f"{where}: an adapt block needs a model_text")
    return block


def _value(v: Any) -> str:
    if isinstance(v, dict):
        v = v.get("value")
    return nfc(str(v)) if v is not None else ""


def load_skeleton(data: dict[str, Any]) -> Skeleton:
    """Build a :class:`Skeleton` from the parsed YAML (see the field reference at the top of the file)."""
    chapters = tuple(
        Chapter(str(c["key"]), str(c["number"]), nfc(c["heading"]), _tuple(c.get("heading_keywords")),
                str(c.get("confidence", "L")))
        for c in data["chapters"]
    )
    templates: dict[str, Template] = {}
    for kind, t in (data.get("templates") or {}).items():
        kind = str(kind)
        if kind not in TEMPLATE_KINDS:
            raise SkeletonError(f"unknown template kind “{kind}”")
        headings = {str(k): _value(v) for k, v in (t.get("chapter_headings") or {}).items()}
        templates[kind] = Template(kind, nfc(str(t.get("title", kind))), headings, dict(t))
    by_kind: dict[str, tuple[Block, ...]] = {}
    for kind in TEMPLATE_KINDS:
        by_kind[kind] = tuple(
            _block(b, kind) for b in data["blocks"] if kind in {str(x) for x in b.get("templates") or ()}
        )
    labels = tuple(
        Label(str(lb["id"]), str(lb["kind"]), nfc(str(lb.get("text") or lb.get("pattern"))),
              str(lb.get("confidence", "H")), lb.get("note"), str(lb.get("match", "anywhere")))
        for lb in data.get("labels") or ()
    )
    for lb in labels:
        if lb.kind not in ("literal", "regex"):
            raise SkeletonError(f"label {lb.id}: kind must be literal or regex")
        if lb.match not in ("anywhere", "line_start"):
            raise SkeletonError(f"label {lb.id}: match must be anywhere or line_start")
        if lb.kind == "regex":
            _label_re(lb.text)  # compile now: a bad pattern fails at load time
    return Skeleton(
        version=str(data["version"]),
        status=str(data.get("status", "")),
        chapters=chapters,
        templates=templates,
        labels=labels,
        formatting=dict(data.get("formatting") or {}),
        by_kind=by_kind,
        label_exempt=_label_re(str(data["label_exempt"])) if data.get("label_exempt") else None,
    )


@cache
def skeleton() -> Skeleton:
    """The packaged skeleton (``quyche/data/skeletons.yaml``)."""
    text = resources.files("quyche.data").joinpath("skeletons.yaml").read_text(encoding="utf-8")
    return load_skeleton(load_yaml(text))


_packaged_skeleton = skeleton  # map_articles' parameter of the same name shadows the function


# ====================================================================================== mapping
@dataclass(frozen=True, slots=True)
class Match:
    block: str
    node: Node
    score: float  # 0–100
    method: str  # "heading" (exact keyword), "heading-fuzzy", "text"
    keyword: str  # the keyword(s) that decided


@dataclass(slots=True)
class Mapping:
    """Articles assigned to skeleton blocks (an article may serve several blocks)."""

    template_kind: str
    version: str
    articles: list[Node]
    matches: list[Match]
    chapters: dict[str, list[Node]]  # chapter key → "Chương" nodes whose name matches it
    block_chapter: dict[str, str]

    def matches_for(self, block_key: str) -> list[Match]:
        return [m for m in self.matches if m.block == block_key]

    def found(self, block_key: str) -> list[Node]:
        """Articles of a block, in document order. For a chapter key ("relations"…): the articles of its
        blocks, or — when none — the matching "Chương" nodes ("MỐI QUAN HỆ CÔNG TÁC" with unrecognised
        articles)."""
        if block_key in CHAPTER_KEYS:
            keys = {k for k, c in self.block_chapter.items() if c == block_key}
            nodes = self._ordered(m.node for m in self.matches if m.block in keys)
            return nodes or list(self.chapters.get(block_key, []))
        return self._ordered(m.node for m in self.matches if m.block == block_key)

    def blocks_of(self, node: Node) -> list[str]:
        return [m.block for m in self.matches if m.node is node]

    def missing(self, required: Iterable[Block]) -> list[Block]:
        return [b for b in required if not self.found(b.key)]

    @property
    def unmapped(self) -> list[Node]:
        mapped = {id(m.node) for m in self.matches}
        return [a for a in self.articles if id(a) not in mapped]

    def _ordered(self, nodes: Iterable[Node]) -> list[Node]:
        ids = {id(n) for n in nodes}
        return [a for a in self.articles if id(a) in ids] + [
            n for n in self._chapter_nodes() if id(n) in ids
        ]

    def _chapter_nodes(self) -> list[Node]:
        return [n for ns in self.chapters.values() for n in ns]

    def table(self) -> str:
        """Human-readable listing (debugging, reports)."""
        lines = []
        for a in self.articles:
            ms = [m for m in self.matches if m.node is a]
            what = ", ".join(f"{m.block} [{m.method} {m.score:.0f}]" for m in ms) or "—"
            lines.append(f"Điều {a.number}. {a.full_title}  →  {what}")
        return "\n".join(lines)


def article_text(node: Node, *, title: bool = True) -> str:
    """Every paragraph under an article (khoản, điểm, loose paragraphs), joined by new lines; its title first
    unless ``title=False`` (the text TPL-MODEL-VERBATIM compares with a block's ``model_text``)."""
    parts = [node.full_title] if node.full_title and title else []
    parts.extend(p.plain for p in node.content)
    for child in node.walk()[1:]:
        parts.append(child.para.plain)
        parts.extend(p.plain for p in child.content)
    return "\n".join(t for t in parts if t)


def _heading_hit(keywords: Sequence[str], title_key: str) -> tuple[float, str, str] | None:
    """(score, method, keyword) of the best keyword found in a (folded) title: the definition that
    :class:`_Headings` computes fast (tests/test_skeleton.py holds them equal)."""
    best: tuple[float, str, str] | None = None
    for k in keywords:
        if _has(title_key, k):
            return 100.0, "heading", k
        if len(k) < FUZZY_MIN_CHARS or not title_key:
            continue
        score = fuzz.partial_ratio(k, title_key) if len(k) <= len(title_key) else 0.0
        if score < HEADING_PARTIAL_MIN and len(k.split()) >= TOKEN_SET_MIN_TOKENS:
            ts = fuzz.token_set_ratio(k, title_key)
            score = ts if ts >= HEADING_TOKEN_SET_MIN else score
        if score >= HEADING_PARTIAL_MIN and (best is None or score > best[0]):
            best = (float(score), "heading-fuzzy", k)
    return best


# ====================================================================================== precompiled heading matching
# ``_heading_hit`` tries every keyword on every title, fuzzily (rapidfuzz) for the long ones: thousands of calls per
# document, nearly all hopeless. ``_Headings`` precompiles a keyword list (skeleton data: built once, kept) into
# indexes that name, for one title, the keywords found exactly and the few whose fuzzy score *could* reach a
# threshold; every other keyword provably scores below both thresholds, so skipping it changes nothing. The
# candidates are then scored exactly as ``_heading_hit`` does.
_GRAM = 4
# Thresholds of the filters, a hair below the real ones (float rounding can only make a filter more lenient).
_PARTIAL_FRAC = 1.0 - (HEADING_PARTIAL_MIN - 0.01) / 100.0
_TS_FRAC = (HEADING_TOKEN_SET_MIN - 0.01) / 100.0
_TS_SHARE = _TS_FRAC / (2.0 - _TS_FRAC)  # 2s/(s+a) ≥ T  ⟺  s ≥ a·T/(2−T)
_NO_KEYS: frozenset[str] = frozenset()


def _joined_len(words: Iterable[str]) -> int:
    ws = list(words)
    return sum(map(len, ws)) + len(ws) - 1 if ws else 0


class _Headings:
    """Groups of heading keys (the keywords of one block or chapter, in order), indexed for fast matching.

    Soundness of the fuzzy filters (``k`` a keyword, ``t`` a title, both keys):

    - ``fuzz.partial_ratio(k, t) ≥ P`` with ``len(k) < len(t)`` and ``len(k) ≤ 64`` means some substring ``w``
      of ``t`` (``len(w) ≤ len(k)``) is within Indel distance ``d ≤ (1 − P)(len k + len w) ≤ 2(1 − P)·len k`` of
      ``k``. Cut ``k`` into ``d + 1`` pieces: an edit touches at most one piece, so one piece occurs intact in
      ``t``, and so does every 4-gram of it — the index holds one 4-gram per piece. Moreover an edit destroys
      at most 4 of the 4-gram occurrences of ``k`` and the others occur in ``w``: at least ``G − 4d`` of the
      ``G`` distinct 4-grams of ``k`` are 4-grams of ``t``. (Equal lengths: rapidfuzz also tries ``t`` as the
      needle; such keywords are always candidates.)
    - ``fuzz.token_set_ratio(k, t) ≥ T`` (token sets A, B; joined lengths a, b; shared part s) is 100 when one
      set holds the other, else the best of ``2s/(s+a)``, ``2s/(s+b)`` and ``1 − dist/(a+b)`` where ``dist``
      is the Indel distance of the joined words of A − B and B − A: at least ``|a − b|``, and at least the
      number of letters found in only one of A and B. So either ``s ≥ a·T/(2−T)`` — every word of A longer
      than the slack ``a − 1 − a·T/(2−T)`` is in B —, or the same with A and B swapped, or both
      ``|a − b| ≤ (1 − T)(a + b)`` and ``|letters(A) △ letters(B)| ≤ (1 − T)(a + b)``.

    A key found exactly decides every group holding it (:meth:`hits` returns a group's first exact key): the
    fuzzy candidates are scored for the other groups only.
    """

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        self.groups: list[tuple[str, ...]] = [tuple(g) for g in groups]
        keys = list(dict.fromkeys(k for g in self.groups for k in g))
        groups_of: dict[str, list[int]] = {}
        for i, g in enumerate(self.groups):
            for k in dict.fromkeys(g):
                groups_of.setdefault(k, []).append(i)
        self.groups_of = {k: tuple(v) for k, v in groups_of.items()}
        # key → (group, the key's first place in it) for each group holding it
        self.slots = {k: tuple((g, self.groups[g].index(k)) for g in gs) for k, gs in self.groups_of.items()}
        # Exact: a key found is made of words of the title; index it under its longest word.
        self.by_word: dict[str, list[tuple[str, str]]] = {}
        for k in keys:
            self.by_word.setdefault(max(k.split(), key=len), []).append((k, f" {k} "))
        fuzzy = [k for k in keys if len(k) >= FUZZY_MIN_CHARS]
        # Partial: one 4-gram per piece, the rarest among the keys'.
        counts: dict[str, int] = {}
        for k in keys:
            for i in range(len(k) - _GRAM + 1):
                counts[k[i: i + _GRAM]] = counts.get(k[i: i + _GRAM], 0) + 1
        self.grams: dict[str, set[str]] = {}
        self.always: set[str] = set()  # no partial filter: scored whenever the title is long enough
        self.by_len: dict[int, set[str]] = {}
        self.gram_need: dict[str, tuple[frozenset[str], int, int]] = {}  # key → (its 4-grams, how many t must hold, 4d)
        for k in fuzzy:
            self.by_len.setdefault(len(k), set()).add(k)
            d = int(2.0 * _PARTIAL_FRAC * len(k))
            cuts = [round(j * len(k) / (d + 1)) for j in range(d + 2)]
            pieces = [k[cuts[j]: cuts[j + 1]] for j in range(d + 1)]
            if len(k) > 64 or min(map(len, pieces)) < _GRAM:
                self.always.add(k)
                continue
            kg = frozenset(k[i: i + _GRAM] for i in range(len(k) - _GRAM + 1))
            self.gram_need[k] = (kg, len(kg) - _GRAM * d, _GRAM * d)
            for p in pieces:
                gram = min((p[i: i + _GRAM] for i in range(len(p) - _GRAM + 1)), key=lambda g: counts[g])
                self.grams.setdefault(gram, set()).add(k)
        # Token set.
        ts = [k for k in fuzzy if len(k.split()) >= TOKEN_SET_MIN_TOKENS]
        self.ts_all = set(ts)
        self.ts_always: set[str] = set()
        self.ts_required: dict[str, frozenset[str]] = {}
        self.ts_anchor: dict[str, list[str]] = {}
        containing: dict[str, set[str]] = {}
        self.ts_lengths: list[tuple[int, str]] = []
        for k in ts:
            words = set(k.split())
            a = _joined_len(words)
            slack = a - 1 - a * _TS_SHARE
            required = frozenset(w for w in words if len(w) > slack)
            if required:
                self.ts_required[k] = required
                self.ts_anchor.setdefault(max(required, key=len), []).append(k)
            else:
                self.ts_always.add(k)
            for w in words:
                containing.setdefault(w, set()).add(k)
            self.ts_lengths.append((a, k))
        self.ts_lengths.sort()
        self.ts_containing = {w: frozenset(v) for w, v in containing.items()}
        alphabet = sorted({c for k in ts for c in k if c != " "})
        self.letter_bits = {c: 1 << i for i, c in enumerate(alphabet)}
        self.ts_mask = {k: sum(self.letter_bits[c] for c in set(k) if c != " ") for k in ts}
        self.gram_set = frozenset(self.grams)
        self.ts_len_keys = [a for a, _ in self.ts_lengths]

    def hits(self, title: str, allow: Callable[[int], bool] | None = None) -> dict[int, tuple[float, str, str]]:
        """``{group: _heading_hit(self.groups[group], title)}`` for the groups with a hit. Exact keys first: a
        group holding a key found exactly is decided (its first such key), so fuzzy scores are computed only for
        the other groups' candidate keys, and a group ``allow`` refuses is not scored fuzzily (it is left out:
        the caller drops it anyway)."""
        out: dict[int, tuple[float, str, str]] = {}
        if not title:
            return out
        groups_of = self.groups_of
        groups = self.groups
        words = set(title.split())
        padded = f" {title} "
        by_word = self.by_word
        exact = {k for w in words if w in by_word for k, pk in by_word[w] if pk in padded}
        for k in exact:
            for g in groups_of[k]:
                if g not in out:
                    for e in groups[g]:
                        if e in exact:
                            out[g] = (100.0, "heading", e)
                            break
        lt = len(title)
        partial: set[str] = set()
        for k in self.always:
            if len(k) <= lt:
                partial.add(k)
        title_grams = {title[i: i + _GRAM] for i in range(lt - _GRAM + 1)}
        need = self.gram_need
        # Same length: either string may be the needle, so either one's 4-grams bound the distance.
        for k in self.by_len.get(lt, ()):
            if k not in need:
                partial.add(k)
                continue
            kg, n, lost = need[k]
            if len(kg & title_grams) >= min(n, len(title_grams) - lost):
                partial.add(k)
        grams = self.grams
        seen: set[str] = set()
        for gram in title_grams & self.gram_set:
            for k in grams[gram]:
                if k in seen or len(k) >= lt:
                    continue
                seen.add(k)
                kg, n, _ = need[k]
                if len(kg & title_grams) >= n:
                    partial.add(k)
        token_set: set[str] = set()
        if self.ts_all:
            token_set.update(self.ts_always)
            ts_required = self.ts_required
            for w in words:
                for k in self.ts_anchor.get(w, ()):
                    if ts_required[k] <= words:
                        token_set.add(k)
            b = sum(map(len, words)) + len(words) - 1
            slack = b - 1 - b * _TS_SHARE
            required = [w for w in words if len(w) > slack]
            if not required:
                token_set |= self.ts_all
            else:
                inter = self.ts_containing.get(required[0], _NO_KEYS)
                for w in required[1:]:
                    if not inter:
                        break
                    inter = inter & self.ts_containing.get(w, _NO_KEYS)
                token_set |= inter
            # |a − b| ≤ (1 − T)(a + b)  ⟺  b·T/(2−T) ≤ a ≤ b·(2−T)/T; and few letters in only one of them
            lengths = self.ts_lengths
            lo = bisect_left(self.ts_len_keys, b * _TS_SHARE)
            hi = bisect_right(self.ts_len_keys, b / _TS_SHARE)
            if lo < hi:
                # |letters(k) △ letters(t)|: the letters as bits; a title letter no key has is one more each.
                bits = self.letter_bits
                mask = extra = 0
                for c in set(title):
                    bit = bits.get(c)
                    if bit is None:
                        extra += c != " "
                    else:
                        mask |= bit
                ts_mask = self.ts_mask
                bound = 1.0 - _TS_FRAC
                for j in range(lo, hi):
                    a, k = lengths[j]
                    if (ts_mask[k] ^ mask).bit_count() + extra <= bound * (a + b):
                        token_set.add(k)
        if not partial and not token_set:
            return out
        # Each candidate is scored once, for the groups it may decide; a group's best is its first key (in the
        # group's order) of the highest score, as ``_heading_hit`` finds it.
        allowed: dict[int, bool] = {}
        best: dict[int, tuple[float, int, str]] = {}
        for k in partial | token_set if token_set else partial:
            score = None
            for g, place in self.slots[k]:
                if g in out:
                    continue
                ok = allowed.get(g)
                if ok is None:
                    ok = allowed[g] = allow is None or allow(g)
                if not ok:
                    continue
                if score is None:
                    # Below the threshold the score is never used: the cutoff lets rapidfuzz stop early.
                    score = fuzz.partial_ratio(k, title, score_cutoff=HEADING_PARTIAL_MIN) if k in partial else 0.0
                    if score < HEADING_PARTIAL_MIN and k in token_set:  # token_set: keys of 3+ words only
                        ts = fuzz.token_set_ratio(k, title)
                        score = ts if ts >= HEADING_TOKEN_SET_MIN else score
                if score >= HEADING_PARTIAL_MIN:
                    held = best.get(g)
                    if held is None or score > held[0] or (score == held[0] and place < held[1]):
                        best[g] = (score, place, k)
        for g, (score, _, k) in best.items():
            out[g] = (float(score), "heading-fuzzy", k)
        return out


def map_articles(zones: Zones, skeleton: Skeleton | None, template_kind: str) -> Mapping:
    """Assign each article of ``zones`` to the blocks of ``template_kind`` (``skeleton`` None: packaged).

    1. Heading pass: a block matches an article whose title (with the block's ``heading_excludes`` removed)
       contains one of its ``heading_keywords`` — exactly (folded, word-bounded: score 100), or fuzzily for
       keywords of ≥ ``FUZZY_MIN_CHARS`` letters (partial_ratio ≥ ``HEADING_PARTIAL_MIN``, or
       token_set_ratio ≥ ``HEADING_TOKEN_SET_MIN`` for keywords of ≥ 3 words). A block with
       ``heading_requires`` (responsibility / relation words) also needs one of them in the title, unless the
       article sits in a chapter of the block's own kind. Several blocks may match one article.
    2. Text pass, for blocks no title matched: the article (within the block's chapter when the document has
       that chapter, else anywhere; never one whose title made it a block of another chapter) whose text
       contains the most distinct ``text_keywords`` — at least ``text_min_hits`` of them; score = share of
       the keywords found × 100.
    """
    sk = skeleton or _packaged_skeleton()
    memo_key = ("map_articles", id(sk), template_kind)
    cached = zones.memo.get(memo_key)
    if isinstance(cached, Mapping):
        return cached
    result = _map_articles(zones, sk, template_kind)
    zones.memo[memo_key] = result
    return result


@dataclass(frozen=True, slots=True)
class _Outline:
    """One template kind's blocks and the chapters, precompiled for :func:`map_articles` (data: kept)."""

    blocks: tuple[Block, ...]
    headings: _Headings  # group i: the heading keys of blocks[i]
    chapters: _Headings  # group i: the heading keys of sk.chapters[i]
    requires: tuple[tuple[str, ...], ...]
    excludes: tuple[tuple[str, ...], ...]
    stripping: tuple[int, ...]  # blocks with heading keywords and excludes
    strip_by_word: dict[str, tuple[tuple[str, int], ...]]  # (" exclude ", block) of those, under its longest word
    text_keys: tuple[tuple[tuple[str, str], ...], ...]  # (key, " key ")


_OUTLINES: dict[tuple[int, str], tuple[Skeleton, _Outline]] = {}
_NO_CHAPTERS: frozenset[str] = frozenset()


def _outline(sk: Skeleton, template_kind: str) -> _Outline:
    entry = _OUTLINES.get((id(sk), template_kind))
    if entry is not None and entry[0] is sk:
        return entry[1]
    blocks = tuple(sk.blocks(template_kind))
    excludes = tuple(b._exclude_keys for b in blocks)
    stripping = tuple(i for i, b in enumerate(blocks) if b.heading_keywords and excludes[i])
    strip_by_word: dict[str, list[tuple[str, int]]] = {}
    for i in stripping:
        for e in excludes[i]:
            strip_by_word.setdefault(max(e.split(), key=len), []).append((f" {e} ", i))
    out = _Outline(
        blocks=blocks,
        headings=_Headings([b._heading_keys if b.heading_keywords else () for b in blocks]),
        chapters=_Headings([_keys(c.heading_keywords) for c in sk.chapters]),
        requires=tuple(b._require_keys for b in blocks),
        excludes=excludes,
        stripping=stripping,
        strip_by_word={w: tuple(v) for w, v in strip_by_word.items()},
        text_keys=tuple(tuple((k, f" {k} ") for k in b._text_keys) for b in blocks),
    )
    if len(_OUTLINES) >= 64:  # skeletons built by tests: keep the memo small
        _OUTLINES.clear()
    _OUTLINES[(id(sk), template_kind)] = (sk, out)
    return out


def _allowed(ol: _Outline, i: int, title_key: str, in_chapters: Set[str]) -> bool:
    """Block ``i`` may match the title: it needs no ``heading_requires``, or the article sits in a chapter of
    its own kind, or the title holds one of them."""
    b = ol.blocks[i]
    return not b.heading_requires or b.chapter in in_chapters or any(_has(title_key, r) for r in ol.requires[i])


def _scored(ol: _Outline, title_key: str, in_chapters: Set[str], stripped: Set[int], i: int) -> bool:
    return i not in stripped and _allowed(ol, i, title_key, in_chapters)


def _map_articles(zones: Zones, sk: Skeleton, template_kind: str) -> Mapping:
    ol = _outline(sk, template_kind)
    blocks = ol.blocks
    articles = zones.articles
    heads = ol.headings
    strip_by_word = ol.strip_by_word

    # Chapters and the chapter of each article.
    chapters: dict[str, list[Node]] = {}
    article_chapters = _article_chapters(zones, sk, ol.chapters, chapters)
    matches: list[Match] = []
    for art in articles:
        title_key = key(art.full_title)
        if not title_key:
            continue
        in_chapters = article_chapters.get(id(art), _NO_CHAPTERS)
        padded = f" {title_key} "
        # The blocks one of whose excludes the title holds (an exclude found is made of words of the title).
        stripped = {i for w in set(title_key.split()) if w in strip_by_word for e, i in strip_by_word[w] if e in padded}
        # Blocks whose title test is moot (``heading_requires`` unmet) or done on the stripped title: not scored.
        found = heads.hits(title_key, allow=partial(_scored, ol, title_key, in_chapters, stripped))
        for i in sorted(found.keys() | stripped):
            if not _allowed(ol, i, title_key, in_chapters):
                continue
            # One block on the stripped title: its few keys are scored directly (no index pays for itself).
            hit = _heading_hit(heads.groups[i], _strip(title_key, ol.excludes[i])) if i in stripped else found[i]
            if hit is not None:
                b = blocks[i]
                matches.append(Match(b.key, art, hit[0], hit[1], hit[2]))

    headed = {m.block for m in matches}
    chapter_of = {b.key: b.chapter for b in blocks}
    titled: dict[int, set[str]] = {}  # article → chapters of the blocks its title names
    for m in matches:
        titled.setdefault(id(m.node), set()).add(chapter_of[m.block])
    texts: dict[int, str] = {}
    for i, b in enumerate(blocks):
        if b.key in headed or not b.text_keywords:
            continue
        chapter = b.chapter
        if chapters.get(chapter):
            candidates = [a for a in articles if chapter in article_chapters.get(id(a), _NO_CHAPTERS)]
        else:
            candidates = articles
        # An article whose title makes it a block of another chapter is not searched (the principles article
        # mentions "cấp ủy cấp trên" but is no relations block).
        if titled:
            candidates = [a for a in candidates if chapter in titled.get(id(a), (chapter,))]
        text_keys = ol.text_keys[i]
        best: tuple[int, Node, list[str]] | None = None
        for art in candidates:
            body = texts.get(id(art))
            if body is None:
                body = texts[id(art)] = f" {document_article_key(zones, art)} "
            hits = [k for k, padded_k in text_keys if padded_k in body]
            if len(hits) >= max(b.text_min_hits, 1) and (best is None or len(hits) > best[0]):
                best = (len(hits), art, hits)
        if best is not None:
            score = round(100.0 * best[0] / len(text_keys), 1)
            matches.append(Match(b.key, best[1], score, "text", "; ".join(best[2])))

    return Mapping(
        template_kind=template_kind,
        version=sk.version,
        articles=articles,
        matches=matches,
        chapters=chapters,
        block_chapter=chapter_of,
    )


def article_key(art: Node) -> str:
    """``key(article_text(art))``, from the paragraphs' folded keys (:attr:`Paragraph.key`, shared).

    ``key`` keeps the maximal runs of word characters of the folded text, joined by single spaces; folding is per
    character (white space aside), so the folded paragraphs joined by spaces have the same runs."""
    title = art.full_title
    parts = [fold(title)] if title else []
    parts.extend(p.key for p in art.content)
    for child in art.walk()[1:]:
        parts.append(child.para.key)
        parts.extend(p.key for p in child.content)
    return _words_key(" ".join(t if t.isascii() else _NON_WORD.sub(" ", t) for t in parts))


def document_article_key(zones: Zones, art: Node) -> str:
    """:func:`article_key` of an article of ``zones``, computed once per document (``zones.memo``): the text
    pass of the mapping and the CNT rules read the same articles."""
    memo = zones.memo.get("article_key")
    if not isinstance(memo, dict):
        memo = zones.memo["article_key"] = {}
    found = memo.get(id(art))
    if found is None:
        found = memo[id(art)] = article_key(art)
    return found


# ASCII characters that are neither word characters nor white space (``_NON_WORD`` on ASCII text).
_ASCII_NON_WORD = {c: " " for c in range(128) if _NON_WORD.match(chr(c))}


def _words_key(folded: str) -> str:
    """``_SPACES.sub(" ", _NON_WORD.sub(" ", folded)).strip()``: the key of an already folded text. On ASCII text
    by one ``translate`` (``_ASCII_NON_WORD`` is ``_NON_WORD`` on ASCII) and ``split`` (which splits on exactly
    what ``\\s`` matches, dropping the ends)."""
    if folded.isascii():
        return " ".join(folded.translate(_ASCII_NON_WORD).split())
    return _SPACES.sub(" ", _NON_WORD.sub(" ", folded)).strip()


def _article_chapters(zones: Zones, sk: Skeleton, heads: _Headings,
                      chapters: dict[str, list[Node]]) -> dict[int, set[str]]:
    """Fill ``chapters`` (chapter key → "Chương" nodes whose name matches it) and return id(article) → the
    chapter keys of its innermost "Chương" (none outside chapters). A node's subtree is a run of
    :attr:`Zones.all_nodes` (pre-order) that ends at its last descendant: the articles are found by bisection."""
    out: dict[int, set[str]] = {}
    nodes = zones.nodes("chuong")
    if not nodes:
        return out
    articles = zones.articles
    position = {id(n): i for i, n in enumerate(zones.all_nodes)}
    starts = [position[id(a)] for a in articles]
    for node in nodes:
        title = key(node.full_title)
        current = {sk.chapters[i].key for i in heads.hits(title)}
        for c in current:
            chapters.setdefault(c, []).append(node)
        last = node
        while last.children:
            last = last.children[-1]
        # Chapters come in pre-order: an inner one, later, overrides the outer one for its articles.
        for art in articles[bisect_left(starts, position[id(node)]): bisect_right(starts, position[id(last)])]:
            out[id(art)] = current
    return out


# ====================================================================================== similarity
def tokens(text: str) -> list[str]:
    return key(text).split()


def similarity(a: str, b: str, cutoff: float = 0.0) -> float:
    """Normalised token similarity (0–1) of two texts on folded tokens, word order kept (rapidfuzz Indel
    over token sequences): 1.0 for the same wording whatever the case, diacritics, punctuation and
    khoản/điểm numbering. Below ``cutoff`` the result is 0.0 (and computed faster)."""
    # Indel similarity can't exceed 2·min/(len_a + len_b): pairs whose lengths already rule it out are skipped.
    return token_similarity(compare_tokens(a), compare_tokens(b), cutoff)


@lru_cache(maxsize=4096)
def compare_tokens(text: str) -> tuple[str, ...]:
    """The tokens :func:`similarity` compares: folded words, khoản/điểm numbering left out."""
    return tuple(tokens(_drop_numbering(text)))


_NUMBERING = re.compile(r"(?m)(?:^|(?<=[.;:]\s))\s*(?:\d{1,3}\s*[.)\-]|[a-zđ]\)|[-–+•])\s+")


def _drop_numbering(text: str) -> str:
    return _NUMBERING.sub("", nfc(text))


_BULLETS = "-–+•"  # ``_NUMBERING``'s marks that hold no word; its numbers and letters are one word of the key
# Where ``_NUMBERING`` can match past the start of a line: after ". ", "; ", ": ".
_MID_NUMBERING = re.compile(r"[.;:]\s+(?:\d|[a-zđ]\)|[-–+•])")


# A key's first word (a word: a maximal run of word characters) and what comes before it.
_FIRST_WORD = re.compile(r"\W*\w+")


def article_tokens(node: Node) -> tuple[str, ...] | None:
    """``compare_tokens(article_text(node, title=False))`` (None when that text is empty), line by line from
    the paragraphs' folded keys (:attr:`Paragraph.key`, shared) instead of folding the whole text again.

    ``_NUMBERING`` matches within one line (its trailing ``\\s+`` may take the line's new line), at the line's
    start or after ". " and the like; a match starts and ends at a word boundary and holds at most one word
    (the number or letter). A line matching only at its start loses its first words (those of the match); a
    line where ``_MID_NUMBERING`` says it may match further on is read the slow way."""
    paras = [p for p in node.content if p.plain]
    for child in node.walk()[1:]:
        if child.para.plain:
            paras.append(child.para)
        paras.extend(p for p in child.content if p.plain)
    if not paras:
        return None
    texts = [nfc(p.plain) for p in paras]
    # One search over the lines joined by NUL (no white space: a match stays within one line) tells whether any
    # line may need the slow way.
    mid = _MID_NUMBERING.search("\x00".join(texts)) is not None
    # The words of each line, as text (runs of word characters; other characters are cut again below): joined
    # by spaces, they are split once — no word runs across the space between two lines.
    chunks: list[str] = []
    last = len(paras) - 1
    for i, p in enumerate(paras):
        text = texts[i]
        line = text if i == last else text + "\n"
        if mid and _MID_NUMBERING.search(text):
            chunks.append(key(_NUMBERING.sub("", line)))
            continue
        m = _NUMBERING.match(line)
        if m is not None and m.group().lstrip()[0] not in _BULLETS:
            # the number or letter (a bullet is no word) is the first word: dropped
            k = p.key
            first = _FIRST_WORD.match(k)
            chunks.append(k[first.end():] if first is not None else k)
        else:
            chunks.append(p.key)
    joined = " ".join(chunks)
    return tuple((joined.translate(_ASCII_NON_WORD) if joined.isascii() else _NON_WORD.sub(" ", joined)).split())


def token_similarity(ta: Sequence[str], tb: Sequence[str], cutoff: float = 0.0) -> float:
    """:func:`similarity` of two texts given as their :func:`compare_tokens`."""
    if not ta and not tb:
        return 1.0
    if cutoff and 2 * min(len(ta), len(tb)) / (len(ta) + len(tb)) < cutoff:
        return 0.0
    return float(Indel.normalized_similarity(ta, tb, score_cutoff=cutoff or None))


# ====================================================================================== bodies described
_TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_PAIR_FIX = {
    unicodedata.normalize("NFC", first + second + tone): unicodedata.normalize("NFC", first + tone) + second
    for first, second in (("o", "a"), ("o", "e"), ("u", "y"))
    for tone in _TONES
}
_PAIR_RE = re.compile("|".join(re.escape(k) for k in _PAIR_FIX))


def soft(text: str) -> str:
    """Diacritic-keeping matching form: lower-case NFC with the old tone placement moved ("uỷ" → "ủy",
    "hoà" → "hòa"). Unlike :func:`key` it keeps diacritics (so "chi ủy" is not "chỉ ủy"), and it keeps the
    length of ``nfc(text)`` so offsets stay valid."""
    return _PAIR_RE.sub(lambda m: _PAIR_FIX[m.group(0)], nfc(text).lower())


def _sre(pattern: str) -> re.Pattern[str]:
    """Compile a pattern written in lower case, with the tone placement :func:`soft` uses."""
    return re.compile(_PAIR_RE.sub(lambda m: _PAIR_FIX[m.group(0)], nfc(pattern)))


_BODY_RE = {
    "ban_thuong_vu": _sre(r"\b(?:ban thường vụ|btv)\b"),
    "thuong_truc": _sre(r"(?<!phó bí thư )(?<!bí thư )(?<!ủy viên )\bthường trực\b"),
    "chi_uy": _sre(r"\bchi ủy\b"),
    "to_dang": _sre(r"\btổ đảng\b"),
    "uy_ban_kiem_tra": _sre(r"\b(?:ủy ban kiểm tra|ubkt)\b"),
}
_BODY_OF_DANG_UY = ("ban_thuong_vu", "thuong_truc", "uy_ban_kiem_tra")  # a chi bộ has none of these
_BODY_OF_CHI_BO = ("chi_uy", "to_dang")  # a đảng ủy has none of these (its chi bộ do)

_FOREIGN_AFTER = _sre(
    r"^\s*(?:của\s+)?(?:tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|trung ương|cấp ủy cấp trên|cấp trên|"
    r"đảng ủy cấp trên|đảng ủy khối|hội đồng nhân dân|hđnd|ủy ban nhân dân|ubnd|ủy ban mặt trận|mặt trận|"
    r"quốc hội|đảng bộ tỉnh|đảng bộ thành phố)\b"
)
_ORG_AFTER = _sre(r"^\s*(?:của\s+)?(?P<org>đảng ủy|chi bộ|đảng bộ)\b(?P<rest>[^.;:()\n]{0,100})")
_LEVEL = _sre(r"^\s*(?P<level>xã|phường|đặc khu|thị trấn|tỉnh|thành phố|huyện|quận|thị xã|khối)\b")
_FOREIGN_BEFORE = _sre(
    r"(?:thường xuyên là|trực tiếp là|cấp trên là|cấp ủy cấp trên|của cấp trên)\s*(?:\(|,)?\s*$"
)
_MEET_VERB = _sre(r"\s(?:họp|giao ban|sinh hoạt|hội ý)\b")
_MEET_PREFIX = _sre(r"^(?:hội nghị|cuộc họp|phiên họp|các cuộc họp|các hội nghị)\s+(?:của\s+)?")
_LEADING = re.compile(r"^\s*(?:\d{1,3}\s*[.)\-]|[a-zđ]\)|[-–+•])\s*", re.IGNORECASE)
_SENTENCES = re.compile(r"(?<=[.;:!?])\s+")


def bodies_described(zones: Zones, profile: Profile | None = None) -> dict[str, list[Node]]:
    """Bodies the text presents as bodies of this organisation → the nodes that present them.

    Keys (only those found): ``ban_thuong_vu``, ``thuong_truc``, ``chi_uy`` (also "chi ủy viên"), ``to_dang``,
    ``uy_ban_kiem_tra``. A body is presented when it is named in a heading (Phần/Chương/Mục/Điều title) or is
    the subject of a meeting clause ("Ban Thường vụ họp …", "Chi ủy họp …", "Hội nghị Ban Thường vụ …") — the
    node is the heading's node or the khoản/điểm/article holding the clause. A mention does not count when it
    names another organisation's body: a qualifier naming a superior or a state body ("Ban Thường vụ Tỉnh ủy",
    "Ban Thường vụ Đảng ủy xã X" where X is not this organisation, "Ủy ban Kiểm tra Trung ương",
    "Thường trực Hội đồng nhân dân"), or a lead-in such as "thường xuyên là …". With a ``profile``:
    a named organisation is own when it is the profile's name (or, without a level word such as "xã", is not
    the superior: abbreviations of the own name), and a chi bộ has no Ban Thường vụ,
    Thường trực or Ủy ban Kiểm tra of its own (a đảng ủy no chi ủy or tổ đảng) — such mentions are the
    superior's or a subordinate's. Without a profile a named organisation is taken as foreign and a bare one
    ("Ban Thường vụ Đảng ủy", "Chi ủy") as own.
    """
    out: dict[str, list[Node]] = {}

    def add(body: str, node: Node) -> None:
        nodes = out.setdefault(body, [])
        if not any(n is node for n in nodes):
            nodes.append(node)

    for top in zones.tree:
        for node in top.walk():
            if node.kind in ("phan", "chuong", "muc", "dieu"):
                title = node.full_title
                if node.kind == "chuong" and node.name_para is not None and node.title:
                    title = f"{node.title} {node.name_para.plain}"
                for body in _bodies_in(title, profile):
                    add(body, node)
            if node.kind == "dieu":
                for owner, text in _article_paragraphs(node):
                    for body in _meeting_subjects(text, profile):
                        add(body, owner)
    return out


def _article_paragraphs(art: Node) -> list[tuple[Node, str]]:
    out = [(art, p.plain) for p in art.content]
    for child in art.walk()[1:]:
        out.append((child, child.para.plain))
        out.extend((child, p.plain) for p in child.content)
    return out


def _bodies_in(text: str, profile: Profile | None) -> list[str]:
    orig = nfc(text)
    s = soft(orig)
    found: list[str] = []
    for body, rx in _BODY_RE.items():
        for m in rx.finditer(s):
            if _own(body, orig, s, m.start(), m.end(), profile):
                found.append(body)
                break
    return found


def _meeting_subjects(text: str, profile: Profile | None) -> list[str]:
    found: list[str] = []
    for sentence in _SENTENCES.split(_LEADING.sub("", nfc(text))):
        orig = sentence.strip()
        s = soft(orig)
        pm = _MEET_PREFIX.match(s)
        start = pm.end() if pm else 0
        for body, rx in _BODY_RE.items():
            m = rx.match(s, start)
            if m is None or m.start() != start:
                continue
            if pm is None:
                # The body must be the subject: a meeting verb within the next few words.
                window = s[m.end(): m.end() + 80]
                verb = _MEET_VERB.search(window)
                if verb is None or len(window[: verb.start()].split()) > 8:
                    continue
            if _own(body, orig, s, m.start(), m.end(), profile):
                found.append(body)
    return found


def _own(body: str, orig: str, s: str, start: int, end: int, profile: Profile | None) -> bool:
    """Is the mention s[start:end] of ``body`` a body of this organisation (see :func:`bodies_described`)?"""
    if profile is not None:
        if profile.is_chi_bo and body in _BODY_OF_DANG_UY:
            return False
        if profile.is_dang_uy and body in _BODY_OF_CHI_BO:
            return False
    if _FOREIGN_BEFORE.search(s[max(0, start - 40): start]):
        return False
    after = s[end:]
    if _FOREIGN_AFTER.match(after):
        return False
    m = _ORG_AFTER.match(after)
    if m is None:
        return True
    rest_s = m.group("rest")
    rest_o = orig[end + m.start("rest"): end + m.end("rest")] if len(orig) == len(s) else rest_s
    level = _LEVEL.match(rest_s)
    tail_o = rest_o[level.end():] if level else rest_o
    tail = tail_o.lstrip()
    named = bool(tail) and (tail[0].isupper() or tail[0].isdigit())
    if not level and not named:
        return True  # "Ban Thường vụ Đảng ủy", "Chi ủy Chi bộ" (bare, own)
    if profile is None:
        return False
    own = key(profile.name)
    if named:
        qualifier = key(m.group("org") + rest_s)
        if qualifier.startswith(own):
            return True
        # Another organisation with a level word ("Đảng ủy xã X") or the superior is foreign; a name without one
        # that is not ours ("Đảng ủy Trường THPT …" for "… Trung học phổ thông …") is taken as our own spelling.
        superior = key(re.sub(r"^(?i:đảng bộ)", "Đảng ủy", profile.superior))
        return level is None and not (superior and qualifier.startswith(superior))
    assert level is not None
    # "Đảng ủy xã" with no name: own only for a đảng ủy xã.
    return own.startswith(key(m.group("org") + level.group(0)))


__all__ = [
    "BODY_KEYS", "CHAPTER_KEYS", "FUZZY_MIN_CHARS", "HEADING_PARTIAL_MIN", "HEADING_TOKEN_SET_MIN",
    "TEMPLATE_KINDS", "VERBATIM_THRESHOLD", "Block", "Chapter", "ContentPoint", "Label", "Mapping", "Match",
    "Skeleton", "SkeletonError", "Template", "article_key", "article_text", "article_tokens", "bodies_described",
    "compare_tokens", "document_article_key", "evaluate", "facts", "is_dn_cap_tren", "key", "label_needles",
    "load_skeleton",
    "map_articles", "similarity", "skeleton", "soft", "template_kind", "token_similarity", "tokens",
]
