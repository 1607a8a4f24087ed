"""The catalogue of higher-level documents (references.md): load, validate, merge board overlays, query.

The catalogue is data (``quyche/data/references.yaml``); the supervising board extends it with overlay
files of the same schema (:func:`load_catalogue`). Every query that depends on time takes its date.

Time model
    A document is *in force* on a date when the date is on or after its ``in_force_from`` (its signing
    date when that is unknown), it has not been superseded on or before that date (``superseded_on``),
    and it is not marked ``historical``. Supersession links carry their own confidence
    (``link_confidence``); a link to an UNCONFIRMED entry, or one marked ``link_status: UNCONFIRMED``,
    counts as L whatever is written (:class:`Hop`), so it can never raise an error (references.md §0).
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn, Protocol

import yaml

from quyche.errors import QuycheError
from quyche.text import fold, nfc
from quyche.yamlio import load_yaml

DATA_FILE = "references.yaml"
MAX_OVERLAY_BYTES = 2_000_000

CONFIDENCES = ("H", "M", "L")
KINDS = (
    "dieu_le",
    "thi_hanh",
    "huong_dan_thi_hanh",
    "type_authority",
    "format",
    "functions",
    "model",
    "sinh_hoat",
    "congress",
    "reorganisation",
    "plan",
    "state_reference",
    "other",
)
STATUSES = ("in_force", "superseded", "obsolete_for_some", "UNCONFIRMED", "historical", "review")
LINK_TYPES = ("replaced", "repealed", "followed_by")
LINK_STATUSES = ("UNCONFIRMED", "confirmed")
PRECISIONS = ("day", "month", "year")

# applies_to vocabulary (references.md §2; contract.md §1)
ORG_KINDS = ("dang_uy_co_so", "chi_bo_co_so", "chi_bo_truc_thuoc", "dang_uy_cap_tren_co_so")
ORG_TYPES = (
    "xa",
    "phuong",
    "dac_khu",
    "co_quan_dang_xa",
    "ubnd_xa",
    "don_vi_su_nghiep",
    "doanh_nghiep_nha_nuoc",
    "doanh_nghiep_ngoai_nha_nuoc",
    "co_quan_hanh_chinh",
    "thon_to_dan_pho",
    "truong_hoc",
    "benh_vien",
    "quan_doi",
    "cong_an",
    "khac",
)
PREDICATES = ("is_dang_uy_xa", "is_dn_cap_tren")
SPECIAL_VALUES = ("all", "chi_bo", "cap_tinh")  # cap_tinh: provincial level — never a grassroots profile
APPLIES_VALUES = frozenset((*ORG_KINDS, *ORG_TYPES, *PREDICATES, *SPECIAL_VALUES))
_DATED = re.compile(r"^([a-z_]+)\s*(<|>=)\s*(\d{4}-\d{2}-\d{2})$")

_RANK = {"H": 3, "M": 2, "L": 1}
_SEVERITY_CAP = {"H": "error", "M": "warning", "L": "info"}

_REQUIRED = ("key", "number_symbol", "date", "title_short", "kind", "applies_to", "confidence", "status")
_FIELDS = frozenset(
    (
        *_REQUIRED,
        "doc_type",
        "date_precision",
        "date_confidence",
        "issuer",
        "issuer_confidence",
        "in_force_from",
        "in_force_from_precision",
        "in_force_from_confidence",
        "superseded_by",
        "superseded_on",
        "superseded_on_precision",
        "link_confidence",
        "link_status",
        "link_type",
        "amends",
        "obsolete_for",
        "status_confidence",
        "content_confidence",
        "subject",
        "scope",
        "default_for",
        "default_for_confidence",
        "see_also",
        "review_after",
        "deadline",
        "basis",
        "note",
        "source",
    )
)
_CHANGE_META = frozenset(("changed_by", "changed_on", "change_note"))
_LINK_FIELDS = frozenset(("superseded_by", "superseded_on", "link_confidence", "link_status", "link_type"))


Day = date  # alias: inside Reference the field ``date`` hides the type


class CatalogueError(QuycheError):
    """The reference catalogue (or a board overlay) is malformed; the message names the key and the field."""

    code = "catalogue"


# ---------------------------------------------------------------------------------------------------- records
@dataclass(frozen=True, slots=True)
class Change:
    """One board change (a record added, or fields of one changed), kept for review and reversal."""

    key: str
    action: str  # "add" | "change"
    fields: tuple[str, ...]
    changed_by: str
    changed_on: date
    source: tuple[str, ...]
    origin: str
    note: str | None = None

    @property
    def is_link_event(self) -> bool:
        """Adding or confirming a supersession link opens reviews (references.md §0, domain.md §5)."""
        return bool(_LINK_FIELDS.intersection(self.fields)) or "status" in self.fields


@dataclass(frozen=True, slots=True)
class Obsolescence:
    """The entry stops applying to these organisations from ``start`` without a formal successor."""

    applies_to: tuple[str, ...]
    start: date
    confidence: str = "M"
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Reference:
    """One higher-level document (references.md §1)."""

    key: str
    number_symbol: str
    date: Day
    issuer: str | None
    title_short: str
    kind: str
    applies_to: tuple[str, ...]
    confidence: str
    status: str
    doc_type: str | None = None
    date_precision: str = "day"
    date_confidence: str | None = None
    issuer_confidence: str | None = None
    in_force_from: Day | None = None
    in_force_from_precision: str = "day"
    in_force_from_confidence: str | None = None
    superseded_by: str | None = None
    superseded_on: Day | None = None
    superseded_on_precision: str = "day"
    link_confidence: str | None = None
    link_status: str | None = None
    link_type: str = "replaced"
    amends: str | None = None
    obsolete_for: tuple[Obsolescence, ...] = ()
    status_confidence: str | None = None
    content_confidence: str | None = None
    subject: str | None = None
    scope: tuple[str, ...] = ()
    default_for: tuple[str, ...] = ()
    default_for_confidence: str | None = None
    see_also: tuple[str, ...] = ()
    review_after: str | None = None
    deadline: Day | None = None
    basis: bool = False
    note: str | None = None
    source: tuple[str, ...] = ()
    origin: str = "packaged"
    history: tuple[Change, ...] = field(default=(), compare=False)
    # Set only on copies returned by expected_bases(): reached through an L / UNCONFIRMED link.
    needs_confirmation: bool = field(default=False, compare=False)

    @property
    def effective_from(self) -> Day:
        """The date the entry takes effect: ``in_force_from``, else (not found) its signing date."""
        return self.in_force_from or self.date

    @property
    def is_unconfirmed(self) -> bool:
        return self.status == "UNCONFIRMED"

    @property
    def symbol_key(self) -> str:
        return symbol_key(self.number_symbol)

    @property
    def date_text(self) -> str:
        """Vietnamese date as Party documents print it ("26/5/2025", "20/01/2025"), or "năm 2021"."""
        return f"năm {self.date.year}" if self.date_precision == "year" else vn_date(self.date)

    @property
    def label(self) -> str:
        """Short human label: "Quy định 294-QĐ/TW (26/5/2025)"."""
        head = f"{self.doc_type} {self.number_symbol}" if self.doc_type else self.number_symbol
        return f"{head} ({self.date_text})"


def vn_date(d: date) -> str:
    """d/m/yyyy with the 36-HD/VPTW zero padding (day < 10, months 1 and 2)."""
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"{day}/{month}/{d.year}"


@dataclass(frozen=True, slots=True)
class Hop:
    """One supersession link followed: ``source`` replaced by ``target`` from ``on``."""

    source: Reference
    target: Reference
    on: date
    declared_confidence: str
    link_type: str

    @property
    def unconfirmed(self) -> bool:
        return self.source.link_status == "UNCONFIRMED" or self.target.is_unconfirmed

    @property
    def confidence(self) -> str:
        """Effective confidence of the link: an UNCONFIRMED link or target counts as L."""
        return "L" if self.unconfirmed else self.declared_confidence

    @property
    def needs_confirmation(self) -> bool:
        return self.confidence == "L"

    @property
    def max_severity(self) -> str:
        """Highest severity a finding based on this link may have (REF-SUPERSEDED; README severity rule)."""
        return _SEVERITY_CAP[self.confidence]


@dataclass(frozen=True, slots=True)
class Resolution:
    """Where a document's supersession chain stands on a date: ``reference`` and the ``hops`` to it."""

    start: Reference
    reference: Reference
    hops: tuple[Hop, ...]
    on: date

    @property
    def superseded(self) -> bool:
        return bool(self.hops)

    @property
    def link_confidence(self) -> str:
        """Weakest hop ("H" when nothing was followed)."""
        return min((h.confidence for h in self.hops), key=_RANK.__getitem__, default="H")

    @property
    def needs_confirmation(self) -> bool:
        return any(h.needs_confirmation for h in self.hops)

    @property
    def max_severity(self) -> str:
        return _SEVERITY_CAP[self.link_confidence]

    def settled(self, min_confidence: str = "M") -> Reference:
        """The furthest entry reached through links of at least ``min_confidence`` only."""
        current = self.start
        for hop in self.hops:
            if _RANK[hop.confidence] < _RANK[min_confidence]:
                break
            current = hop.target
        return current


@dataclass(frozen=True, slots=True)
class OrgFacts:
    """The profile facts ``applies_to`` reads (rules.md §0.3). Build with :meth:`from_profile` or directly."""

    kind: str
    type: str
    sector: str | None = None
    is_chi_bo: bool | None = None
    is_dang_uy_xa: bool | None = None
    is_dn_cap_tren: bool | None = None
    name: str = ""
    superior: str = ""
    term: str = ""
    tree: tuple[str, ...] = ()  # further names of the organisation tree (province…), for scoped entries

    def __post_init__(self) -> None:
        dang_uy = self.kind in ("dang_uy_co_so", "dang_uy_cap_tren_co_so")
        if self.sector is None:
            object.__setattr__(
                self, "sector", "don_vi_su_nghiep" if self.type in ("truong_hoc", "benh_vien") else self.type
            )
        if self.is_chi_bo is None:
            object.__setattr__(self, "is_chi_bo", not dang_uy)
        if self.is_dang_uy_xa is None:
            object.__setattr__(self, "is_dang_uy_xa", dang_uy and self.type in ("xa", "phuong", "dac_khu"))
        if self.is_dn_cap_tren is None:
            object.__setattr__(
                self,
                "is_dn_cap_tren",
                self.kind == "dang_uy_cap_tren_co_so" and self.type == "doanh_nghiep_nha_nuoc",
            )

    @classmethod
    def from_profile(cls, profile: ProfileLike) -> OrgFacts:
        extra = getattr(profile, "extra", None) or {}
        tree: list[str] = []
        for k in ("province", "tinh", "ancestors", "tree"):
            v = extra.get(k)
            if isinstance(v, str):
                tree.append(v)
            elif isinstance(v, list):
                tree.extend(str(x) for x in v)
        term = getattr(profile, "term", None)
        term_text = f"{term.start} - {term.end}" if term is not None and hasattr(term, "start") else ""
        return cls(
            kind=profile.kind,
            type=profile.type,
            sector=profile.sector,
            is_chi_bo=profile.is_chi_bo,
            is_dang_uy_xa=profile.is_dang_uy_xa,
            is_dn_cap_tren=profile.kind == "dang_uy_cap_tren_co_so"
            and profile.type == "doanh_nghiep_nha_nuoc",
            name=profile.name,
            superior=profile.superior,
            term=term_text,
            tree=tuple(tree),
        )

    @property
    def body(self) -> str:
        """The đảng bộ / chi bộ whose congress elected the committee ("Đảng ủy xã A" → "Đảng bộ xã A")."""
        return re.sub(r"^\s*đảng\s+(?:ủy|uỷ)\b", "Đảng bộ", nfc(self.name), count=1, flags=re.IGNORECASE)


class ProfileLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def sector(self) -> str: ...
    @property
    def is_chi_bo(self) -> bool: ...
    @property
    def is_dang_uy_xa(self) -> bool: ...
    @property
    def name(self) -> str: ...
    @property
    def superior(self) -> str: ...


def _facts(profile: ProfileLike | OrgFacts) -> OrgFacts:
    return profile if isinstance(profile, OrgFacts) else OrgFacts.from_profile(profile)


@dataclass(frozen=True, slots=True)
class Basis:
    """One line of the proposed căn cứ block (references.md §4)."""

    role: str  # "ref" | "functions" | "board" | "local"
    text: str
    reference: Reference | None = None
    resolution: Resolution | None = None
    local: str | None = None  # "superior_regulation" | "congress_resolution" for local lines
    optional: bool = False
    confidence: str = "M"
    needs_confirmation: bool = False
    slot: str | None = None  # "functions": the functions-and-tasks regulation (REF-FUNCTIONS-MISSING)


@dataclass(frozen=True, slots=True)
class _BasisItem:
    ref: str | None
    slot: str | None
    board: bool
    local: str | None
    text: str | None
    optional: bool
    confidence: str | None


@dataclass(frozen=True, slots=True)
class BasisSet:
    id: str
    label: str
    when: tuple[Any, ...]
    confidence: str
    items: tuple[_BasisItem, ...]


# ---------------------------------------------------------------------------------------------------- keys
_SYMBOL_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"})
_SO_PREFIX = re.compile(r"^so\s*:?\s*(?=\d)")
_PARTY_KEY = re.compile(r"^(\d+)-([a-z]+)/([a-z/-]+)$")
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")


def symbol_key(text: str) -> str:
    """Matching key of a number-symbol: NFC, no "Số", case and diacritics folded, no spaces, ASCII dashes,
    no leading zeros ("Số 06 – HD/TW" → "6-hd/tw"). "QĐ" and "QĐi" stay distinct ("qd" / "qdi")."""
    t = fold(nfc(text).replace("\u00a0", " ").translate(_SYMBOL_DASHES))
    t = _SO_PREFIX.sub("", t).replace(" ", "")  # fold() leaves single spaces as its only white space
    return _LEADING_ZEROS.sub("", t)


def _base_key(key: str) -> str:
    """Drop a trailing lower-case suffix after the issuer ("5053-cv/vptw/nb" → "5053-cv/vptw")."""
    m = _PARTY_KEY.match(key)
    if m and m.group(3).count("/") >= 1:
        return f"{m.group(1)}-{m.group(2)}/{m.group(3).split('/')[0]}"
    return key


def split_party_key(key: str) -> tuple[int, str, str] | None:
    """(number, type code, issuer) of a Party symbol key ("294-qd/tw" → (294, "qd", "tw"))."""
    m = _PARTY_KEY.match(key)
    if not m:
        return None
    return int(m.group(1)), m.group(2), m.group(3).split("/")[0]


# -------------------------------------------------------------------------------------------------- catalogue
class ReferenceCatalogue:
    """Validated, immutable catalogue with time-aware queries."""

    def __init__(
        self,
        version: str,
        references: Iterable[Reference],
        bases: Mapping[str, Any],
        sets: Sequence[BasisSet],
        changes: Sequence[Change] = (),
    ) -> None:
        self.version = version
        self._refs: dict[str, Reference] = {r.key: r for r in references}
        self._bases = dict(bases)
        self._sets = tuple(sets)
        self.changes: tuple[Change, ...] = tuple(changes)
        self._by_symbol: dict[str, list[Reference]] = {}
        self._by_base: dict[str, list[Reference]] = {}
        self._preds: dict[str, list[Reference]] = {}
        self._by_kind: dict[str, list[Reference]] = {}  # for_profile(kind=…) reads only these
        self._basis_refs = [r for r in self._refs.values() if r.basis]  # the board's own căn cứ entries
        for r in self._refs.values():
            self._by_kind.setdefault(r.kind, []).append(r)
            k = r.symbol_key
            self._by_symbol.setdefault(k, []).append(r)
            if _base_key(k) != k:
                self._by_base.setdefault(_base_key(k), []).append(r)
            if r.superseded_by:
                self._preds.setdefault(r.superseded_by, []).append(r)
        for lst in (*self._by_symbol.values(), *self._by_base.values(), *self._preds.values()):
            lst.sort(key=lambda x: (x.date, x.key))

    # ------------------------------------------------------------------ basic access
    def __len__(self) -> int:
        return len(self._refs)

    def __iter__(self) -> Iterator[Reference]:
        return iter(self._refs.values())

    def __contains__(self, key: object) -> bool:
        return key in self._refs

    def __getitem__(self, key: str) -> Reference:
        try:
            return self._refs[key]
        except KeyError:
            raise CatalogueError(f"Danh mục văn bản không có khóa “{key}”") from None

    def get(self, key: str) -> Reference | None:
        return self._refs.get(key)

    def of_kind(self, kind: str) -> tuple[Reference, ...]:
        """The entries of ``kind``, in catalogue order: ``tuple(r for r in self if r.kind == kind)``, from an
        index."""
        return tuple(self._by_kind.get(kind, ()))

    @property
    def references(self) -> tuple[Reference, ...]:
        return tuple(self._refs.values())

    @property
    def basis_sets(self) -> tuple[BasisSet, ...]:
        return self._sets

    def _ref(self, key: str | Reference) -> Reference:
        return key if isinstance(key, Reference) else self[key]

    # ------------------------------------------------------------------ citations → entries
    def find(
        self,
        number_symbol: str,
        date: date | None = None,
        *,
        doc_date: date | None = None,
        year: int | None = None,
    ) -> list[Reference]:
        """Entries a cited number-symbol may denote.

        Numbers restart with each Central Committee term, so several entries may share a number-symbol
        (01-HD/TW of 2016 and 2026). With the cited ``date`` (or ``year``) the entry of that date;
        otherwise the latest entry dated on or before ``doc_date``; else every candidate, oldest first."""
        key = symbol_key(number_symbol)
        cands = list(
            self._by_symbol.get(key) or self._by_base.get(key) or self._by_symbol.get(_base_key(key), [])
        )
        return self.select(cands, date, doc_date=doc_date, year=year)

    @staticmethod
    def select(
        candidates: Iterable[Reference],
        date: date | None = None,
        *,
        doc_date: date | None = None,
        year: int | None = None,
    ) -> list[Reference]:
        """Narrow candidates by the cited date (exact, else same year), else by the document date."""
        cands = sorted(candidates, key=lambda c: (c.date, c.key))
        if not cands:
            return []
        if date is not None:
            exact = [c for c in cands if c.date == date]
            if exact:
                return exact
            year = date.year if year is None else year
        if year is not None:
            same_year = [c for c in cands if c.date.year == year]
            if same_year:
                return same_year
        if doc_date is not None:
            before = [c for c in cands if c.date <= doc_date]
            if before:
                return [max(before, key=lambda c: (c.date, c.key))]
        return cands

    def find_number(self, type_code: str, number: int | str) -> list[Reference]:
        """Party entries with this type code and number, any issuer ("HD", 36 → 36-HD/VPTW)."""
        code = symbol_key(type_code)
        n = int(number)
        out = []
        for r in self._refs.values():
            parts = split_party_key(r.symbol_key)
            if parts and parts[0] == n and parts[1] == code:
                out.append(r)
        return sorted(out, key=lambda x: (x.date, x.key))

    def search(self, query: str) -> list[Reference]:
        """Fold-insensitive search on number-symbol, key, title, issuer and note; best matches first."""
        q = fold(nfc(query)).strip()
        if not q:
            return []
        qs = symbol_key(query)
        words = q.split()
        scored: list[tuple[int, Reference]] = []
        for r in self._refs.values():
            parts = split_party_key(r.symbol_key)
            if qs == r.symbol_key or qs == _base_key(r.symbol_key):
                score = 0
            elif qs.isdigit() and (
                (parts is not None and parts[0] == int(qs)) or r.symbol_key.split("/")[0] == qs
            ):
                score = 1
            elif q in fold(r.number_symbol) or q in fold(r.key) or qs in r.symbol_key:
                score = 2
            else:
                hay = fold(
                    " ".join(x for x in (r.title_short, r.issuer or "", r.note or "", r.doc_type or "") if x)
                )
                if not all(w in hay for w in words):
                    continue
                score = 3
            scored.append((score, r))
        scored.sort(key=lambda sr: (sr[0], -sr[1].date.toordinal(), sr[1].key))
        return [r for _, r in scored]

    # ------------------------------------------------------------------ time
    def in_force(self, key: str | Reference, on: date) -> bool:
        r = self._ref(key)
        if r.status == "historical" or on < r.effective_from:
            return False
        return not (r.superseded_by and r.superseded_on is not None and r.superseded_on <= on)

    def predecessors(self, key: str | Reference) -> list[Reference]:
        """Entries whose supersession link points at this one, oldest first."""
        return list(self._preds.get(self._ref(key).key, ()))

    def ancestors(self, key: str | Reference) -> list[Reference]:
        """Every entry that leads to this one through supersession links, oldest first."""
        seen: dict[str, Reference] = {}
        stack = [self._ref(key).key]
        while stack:
            for p in self._preds.get(stack.pop(), ()):
                if p.key not in seen:
                    seen[p.key] = p
                    stack.append(p.key)
        return sorted(seen.values(), key=lambda x: (x.date, x.key))

    def hops(self, key: str | Reference, on: date | None = None) -> tuple[Hop, ...]:
        """Links followed from this entry: all of them, or those effective on or before ``on``."""
        out: list[Hop] = []
        r = self._ref(key)
        while r.superseded_by and r.superseded_on is not None and (on is None or r.superseded_on <= on):
            target = self[r.superseded_by]
            out.append(Hop(r, target, r.superseded_on, r.link_confidence or r.confidence, r.link_type))
            r = target
        return tuple(out)

    def link_confidence(self, key: str | Reference) -> str | None:
        """Confidence of the entry's own supersession link: ``hops(key)[0].confidence`` without following the
        chain; None when the entry has no link."""
        r = self._ref(key)
        if r.superseded_by and r.superseded_on is not None:
            return r.link_confidence or r.confidence
        return None

    def resolve(self, key: str | Reference, on: date) -> Resolution:
        """Follow the supersession chain forward as of ``on``; exposes every hop and its confidence."""
        start = self._ref(key)
        hs = self.hops(start, on)
        return Resolution(start, hs[-1].target if hs else start, hs, on)

    def successor_at(self, key: str | Reference, on: date) -> Reference | None:
        """The entry that replaced this one as of ``on`` (following the chain); None if not superseded."""
        res = self.resolve(key, on)
        return res.reference if res.superseded else None

    def chain(self, key: str | Reference) -> list[Reference]:
        """The lineage: every predecessor (oldest first; chains may merge), the entry, then its successors."""
        r = self._ref(key)
        return [*self.ancestors(r), r, *(h.target for h in self.hops(r))]

    def current(self, key: str | Reference, on: date) -> Reference:
        """The member of this entry's chain in force on ``on``.

        Follows the links effective on or before ``on`` (:meth:`resolve`). When the entry reached is not
        yet in force on that date, the newest predecessor in force then (same kind and main line
        preferred) is returned. When no member is in force (a date before the chain begins, a historical
        entry) the entry reached is returned."""
        r = self.resolve(key, on).reference
        if self.in_force(r, on):
            return r
        if on < r.effective_from:
            earlier = [a for a in self.ancestors(r) if self.in_force(a, on)]
            if earlier:
                return max(
                    earlier, key=lambda a: (a.kind == r.kind, a.amends is None, a.effective_from, a.key)
                )
        return r

    # ------------------------------------------------------------------ organisations
    def applies(self, ref: str | Reference, profile: ProfileLike | OrgFacts, on: date) -> bool:
        """Whether ``applies_to`` (with dated forms, ``obsolete_for`` and ``scope``) matches the
        organisation on ``on``. Does not look at whether the entry is in force."""
        r = self._ref(ref)
        facts = _facts(profile)
        if r.scope and not _in_scope(r.scope, facts):
            return False
        if not any(value_matches(v, facts, on) for v in r.applies_to):
            return False
        return not any(
            on >= o.start and any(value_matches(v, facts, on) for v in o.applies_to) for o in r.obsolete_for
        )

    def for_profile(
        self,
        profile: ProfileLike | OrgFacts,
        on: date,
        kind: str | Iterable[str] | None = None,
        *,
        include_defaults: bool = False,
    ) -> list[Reference]:
        """Entries in force on ``on`` that apply to the organisation (optionally of given kinds), by date.
        ``include_defaults`` also counts ``default_for`` values (L)."""
        facts = _facts(profile)
        if kind is None:
            pool: Iterable[Reference] = self._refs.values()
        else:
            kinds = {kind} if isinstance(kind, str) else set(kind)
            pool = [r for k in kinds for r in self._by_kind.get(k, ())]
        return self._applying(pool, facts, on, include_defaults=include_defaults)

    def _applying(
        self, pool: Iterable[Reference], facts: OrgFacts, on: date, *, include_defaults: bool = False
    ) -> list[Reference]:
        """The entries of ``pool`` in force on ``on`` that apply to the organisation, by date (for_profile)."""
        out = []
        for r in pool:
            if not self.in_force(r, on):
                continue
            if self.applies(r, facts, on) or (
                include_defaults and any(value_matches(v, facts, on) for v in r.default_for)
            ):
                out.append(r)
        return sorted(out, key=lambda x: (x.date, x.key))

    # ------------------------------------------------------------------ căn cứ (references.md §4)
    def basis_set(self, profile: ProfileLike | OrgFacts) -> BasisSet | None:
        facts = _facts(profile)
        for s in self._sets:
            if all(_condition(c, facts) for c in s.when):
                return s
        return None

    def expected_basis_items(self, profile: ProfileLike | OrgFacts, doc_date: date) -> list[Basis]:
        """The proposed căn cứ block, in order, with local lines and confidence marks (references.md §4).

        Each catalogue item is resolved along its chain as of ``doc_date``. Before
        ``bases.follow_low_links_from`` (2026-04-08) links of confidence L are not followed (294-QĐ/TW and
        06-HD/TW stay); from then on the chain's current entry is proposed and marked
        ``needs_confirmation`` when an L / UNCONFIRMED link led to it."""
        facts = _facts(profile)
        bset = self.basis_set(facts)
        if bset is None:
            return []
        low_from = _as_date(self._bases.get("follow_low_links_from") or date.max)
        out: list[Basis] = []
        seen: set[str] = set()

        def add(b: Basis) -> None:
            if b.reference is not None:
                if b.reference.key in seen:
                    return
                seen.add(b.reference.key)
            out.append(b)

        for item in bset.items:
            conf = item.confidence or bset.confidence
            if item.ref is not None:
                res = self._resolve_for_bases(item.ref, doc_date, follow_low=doc_date >= low_from)
                if res is not None:
                    ref = res.reference
                    flag = res.needs_confirmation or ref.is_unconfirmed or item.confidence == "L"
                    add(
                        Basis(
                            "ref",
                            ref.label,
                            ref,
                            res,
                            optional=item.optional,
                            confidence=conf,
                            needs_confirmation=flag,
                            slot=item.slot,
                        )
                    )
                    continue
                if item.slot != "functions":
                    continue
            if item.slot == "functions":
                for ref in self._functions_for(facts, doc_date):
                    add(
                        Basis(
                            "functions",
                            ref.label,
                            ref,
                            None,
                            optional=item.optional,
                            confidence=conf,
                            needs_confirmation=ref.confidence == "L" or item.confidence == "L",
                            slot="functions",
                        )
                    )
            elif item.board:
                for ref in self._applying(self._basis_refs, facts, doc_date):  # for_profile(), basis entries
                    if ref.basis:
                        add(
                            Basis(
                                "board",
                                ref.label,
                                ref,
                                None,
                                optional=item.optional,
                                confidence=ref.confidence,
                                needs_confirmation=ref.confidence == "L",
                            )
                        )
            elif item.local is not None:
                add(
                    Basis(
                        "local",
                        _fill(item.text or "", facts),
                        None,
                        None,
                        local=item.local,
                        optional=item.optional,
                        confidence=conf,
                    )
                )
        return out

    def expected_bases(
        self, profile: ProfileLike | OrgFacts, doc_date: date, *, include_optional: bool = False
    ) -> list[Reference]:
        """Catalogue entries the căn cứ block should cite on ``doc_date`` (REF-THIHANH-MISSING,
        REF-FUNCTIONS-MISSING, drafter). Entries reached through an L link come back with
        ``needs_confirmation=True`` (equal to the catalogue entry otherwise)."""
        out = []
        for b in self.expected_basis_items(profile, doc_date):
            if b.reference is None or (b.optional and not include_optional):
                continue
            out.append(replace(b.reference, needs_confirmation=True) if b.needs_confirmation else b.reference)
        return out

    def _resolve_for_bases(self, key: str, on: date, *, follow_low: bool) -> Resolution | None:
        """Like :meth:`resolve`, but L links are not followed unless ``follow_low``; an entry not yet in force
        gives way to the predecessor in force then; None when no member of the chain is in force."""
        start = self[key]
        hops: list[Hop] = []
        stopped = False
        for h in self.hops(start, on):
            if h.confidence == "L" and not follow_low:
                stopped = True
                break
            hops.append(h)
        r = hops[-1].target if hops else start
        if self.in_force(r, on) or stopped:
            return Resolution(start, r, tuple(hops), on)
        if on < r.effective_from:
            earlier = self.current(r, on)
            if self.in_force(earlier, on):
                return Resolution(start, earlier, (), on)
        return None

    def _functions_for(self, facts: OrgFacts, on: date) -> list[Reference]:
        return [r for r in self.for_profile(facts, on, kind="functions") if r.subject is None]

    # ------------------------------------------------------------------ board changes
    def link_events(self) -> list[tuple[Reference, Change]]:
        """(older document, change) for each board change that added, changed or confirmed a link —
        every regulation citing the older document needs a review (references.md §0)."""
        out: list[tuple[Reference, Change]] = []
        for ch in self.changes:
            r = self._refs.get(ch.key)
            if r is None:
                continue
            if (ch.action == "add" and r.superseded_by) or (
                ch.action == "change" and _LINK_FIELDS & set(ch.fields)
            ):
                out.append((r, ch))
            if ch.action == "change" and "status" in ch.fields:
                out.extend((p, ch) for p in self._preds.get(r.key, ()))
        return out


def value_matches(value: str, facts: OrgFacts, on: date) -> bool:
    """One ``applies_to`` value against an organisation on a date (references.md §2)."""
    m = _DATED.match(value)
    if m:
        base, op, d = m.group(1), m.group(2), date.fromisoformat(m.group(3))
        if (op == "<" and not on < d) or (op == ">=" and not on >= d):
            return False
        value = base
    if value == "all":
        return True
    if value == "chi_bo":
        return bool(facts.is_chi_bo)
    if value == "is_dang_uy_xa":
        return bool(facts.is_dang_uy_xa)
    if value == "is_dn_cap_tren":
        return bool(facts.is_dn_cap_tren)
    if value in ORG_KINDS:
        return facts.kind == value
    return value in (facts.type, facts.sector)


def _condition(cond: Any, facts: OrgFacts) -> bool:
    if isinstance(cond, str):
        return value_matches(cond, facts, date.max)
    ok = True
    if "kind" in cond:
        ok &= facts.kind in cond["kind"]
    if "type" in cond:
        ok &= facts.type in cond["type"]
    if "sector" in cond:
        ok &= facts.sector in cond["sector"]
    return ok


def _in_scope(scope: Sequence[str], facts: OrgFacts) -> bool:
    names = [fold(n) for n in (facts.name, facts.superior, *facts.tree) if n]
    return any(fold(s) in n for s in scope for n in names)


def _fill(text: str, facts: OrgFacts) -> str:
    return (
        text.replace("{superior}", facts.superior or "…")
        .replace("{body}", facts.body or "…")
        .replace("{term}", facts.term or "… - …")
    )


# ---------------------------------------------------------------------------------------------------- loading
def _as_date(v: Any) -> date:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    return date.fromisoformat(str(v).strip())


class _Builder:
    """Turns raw mappings into validated :class:`Reference` objects; errors name the key and the field."""

    def __init__(self, origin: str) -> None:
        self.origin = origin

    def fail(self, key: str, field_name: str, why: str) -> CatalogueError:
        return CatalogueError(
            f"Danh mục văn bản ({self.origin}): văn bản “{key}”, trường “{field_name}”: {why}"
        )

    def text(self, raw: Mapping[str, Any], key: str, name: str, *, required: bool = False) -> str | None:
        v = raw.get(name)
        if v is None or (isinstance(v, str) and not v.strip()):
            if required:
                raise self.fail(key, name, "bắt buộc, chưa điền")
            return None
        if not isinstance(v, str | int | float) or isinstance(v, bool):
            raise self.fail(key, name, "phải là chuỗi chữ")
        return nfc(" ".join(str(v).split()))

    def day(
        self, raw: Mapping[str, Any], key: str, name: str, *, required: bool = False, label: str | None = None
    ) -> date | None:
        v = raw.get(name)
        if v is None:
            if required:
                raise self.fail(key, label or name, "bắt buộc, chưa điền")
            return None
        try:
            return _as_date(v)
        except (TypeError, ValueError):
            raise self.fail(key, label or name, f"“{v}” không phải ngày dạng YYYY-MM-DD") from None

    def choice(
        self, raw: Mapping[str, Any], key: str, name: str, options: Sequence[str], default: str | None = None
    ) -> str | None:
        v = raw.get(name)
        if v is None:
            return default
        s = str(v).strip()
        if s not in options:
            raise self.fail(key, name, f"“{s}” không hợp lệ; chọn một trong: {', '.join(options)}")
        return s

    def strings(self, raw: Mapping[str, Any], key: str, name: str) -> tuple[str, ...]:
        v = raw.get(name)
        if v is None:
            return ()
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise self.fail(key, name, "phải là danh sách chuỗi chữ")
        return tuple(nfc(x.strip()) for x in v if x.strip())

    def applies(
        self, raw: Mapping[str, Any], key: str, name: str, *, required: bool = False, label: str | None = None
    ) -> tuple[str, ...]:
        if required and name not in raw:
            raise self.fail(
                key, label or name, "bắt buộc, chưa điền (dùng [] nếu không áp dụng cho tổ chức nào)"
            )
        values = self.strings(raw, key, name)
        name = label or name
        for v in values:
            m = _DATED.match(v)
            base = m.group(1) if m else v
            if m:
                try:
                    date.fromisoformat(m.group(3))
                except ValueError:
                    raise self.fail(key, name, f"ngày trong “{v}” không hợp lệ") from None
            if base not in APPLIES_VALUES:
                raise self.fail(
                    key,
                    name,
                    f"giá trị “{v}” không có trong danh sách kind/type/điều kiện của "
                    "references.md §2 (hoặc dạng có ngày như “xa<2025-07-01”)",
                )
        return values

    def build(self, raw: Mapping[str, Any], history: tuple[Change, ...] = ()) -> Reference:
        key = str(raw.get("key") or "").strip()
        if not key:
            raise CatalogueError(f"Danh mục văn bản ({self.origin}): có bản ghi thiếu trường “key”")
        unknown = sorted(set(raw) - _FIELDS - {"origin"})
        if unknown:
            raise self.fail(key, unknown[0], "trường không có trong lược đồ danh mục (references.md §1)")
        t = self.text
        raw_obsolete = raw.get("obsolete_for") or []
        if not isinstance(raw_obsolete, list):
            raise self.fail(key, "obsolete_for", "phải là danh sách")
        obsolete = []
        for i, o in enumerate(raw_obsolete, 1):
            name = f"obsolete_for[{i}]"
            if not isinstance(o, dict):
                raise self.fail(key, name, "cần dạng {applies_to: [...], from: YYYY-MM-DD}")
            obsolete.append(
                Obsolescence(
                    applies_to=self.applies(o, key, "applies_to", required=True, label=f"{name}.applies_to"),
                    start=self.day(o, key, "from", required=True, label=f"{name}.from") or date.min,
                    confidence=self.choice(o, key, "confidence", CONFIDENCES, "M") or "M",
                    note=t(o, key, "note"),
                )
            )
        basis = raw.get("basis", False)
        if not isinstance(basis, bool):
            raise self.fail(key, "basis", "phải là true hoặc false")
        ref = Reference(
            key=key,
            number_symbol=t(raw, key, "number_symbol", required=True) or "",
            date=self.day(raw, key, "date", required=True) or date.min,
            issuer=t(raw, key, "issuer"),
            title_short=t(raw, key, "title_short", required=True) or "",
            kind=self.choice(raw, key, "kind", KINDS) or _missing(self, key, "kind"),
            applies_to=self.applies(raw, key, "applies_to", required=True),
            confidence=self.choice(raw, key, "confidence", CONFIDENCES) or _missing(self, key, "confidence"),
            status=self.choice(raw, key, "status", STATUSES) or _missing(self, key, "status"),
            doc_type=t(raw, key, "doc_type"),
            date_precision=self.choice(raw, key, "date_precision", PRECISIONS, "day") or "day",
            date_confidence=self.choice(raw, key, "date_confidence", CONFIDENCES),
            issuer_confidence=self.choice(raw, key, "issuer_confidence", CONFIDENCES),
            in_force_from=self.day(raw, key, "in_force_from"),
            in_force_from_precision=self.choice(raw, key, "in_force_from_precision", PRECISIONS, "day")
            or "day",
            in_force_from_confidence=self.choice(raw, key, "in_force_from_confidence", CONFIDENCES),
            superseded_by=t(raw, key, "superseded_by"),
            superseded_on=self.day(raw, key, "superseded_on"),
            superseded_on_precision=self.choice(raw, key, "superseded_on_precision", PRECISIONS, "day")
            or "day",
            link_confidence=self.choice(raw, key, "link_confidence", CONFIDENCES),
            link_status=self.choice(raw, key, "link_status", LINK_STATUSES),
            link_type=self.choice(raw, key, "link_type", LINK_TYPES, "replaced") or "replaced",
            amends=t(raw, key, "amends"),
            obsolete_for=tuple(obsolete),
            status_confidence=self.choice(raw, key, "status_confidence", CONFIDENCES),
            content_confidence=self.choice(raw, key, "content_confidence", CONFIDENCES),
            subject=t(raw, key, "subject"),
            scope=self.strings(raw, key, "scope"),
            default_for=self.applies(raw, key, "default_for"),
            default_for_confidence=self.choice(raw, key, "default_for_confidence", CONFIDENCES),
            see_also=self.strings(raw, key, "see_also"),
            review_after=t(raw, key, "review_after"),
            deadline=self.day(raw, key, "deadline"),
            basis=basis,
            note=t(raw, key, "note"),
            source=self.strings(raw, key, "source"),
            origin=str(raw.get("origin") or self.origin),
            history=history,
        )
        if ref.superseded_by and ref.link_confidence is None:
            ref = replace(ref, link_confidence=ref.confidence)
        return ref


def _missing(b: _Builder, key: str, name: str) -> NoReturn:
    raise b.fail(key, name, "bắt buộc, chưa điền")


def _validate(refs: dict[str, Reference], origin: str) -> None:
    b = _Builder(origin)
    # 1. links point at existing entries
    for r in refs.values():
        if r.superseded_by == r.key:
            raise b.fail(r.key, "superseded_by", "văn bản không thể tự thay thế chính nó")
        if r.superseded_by and r.superseded_by not in refs:
            raise b.fail(
                r.key,
                "superseded_by",
                f"văn bản thay thế “{r.superseded_by}” không có trong danh mục "
                f"(liên kết “{r.key}” → “{r.superseded_by}”)",
            )
    # 2. no cycles
    for r in refs.values():
        path = [r.key]
        cur = r
        while cur.superseded_by:
            nxt = cur.superseded_by
            if nxt in path:
                loop = " → ".join([*path[path.index(nxt) :], nxt])
                raise b.fail(r.key, "superseded_by", f"chuỗi thay thế bị vòng lặp: {loop}")
            path.append(nxt)
            cur = refs[nxt]
    # 3. dates and confidence of each link; other key references
    for r in refs.values():
        if r.superseded_by:
            target = refs[r.superseded_by]
            if r.superseded_on is None:
                raise b.fail(r.key, "superseded_on", f"bắt buộc khi có superseded_by (“{r.superseded_by}”)")
            if r.superseded_on < r.date:
                raise b.fail(
                    r.key,
                    "superseded_on",
                    f"ngày thay thế {r.superseded_on.isoformat()} trước ngày ký {r.date.isoformat()} "
                    "của chính văn bản",
                )
            if target.effective_from < r.date:
                raise b.fail(
                    r.key,
                    "superseded_by",
                    f"văn bản thay thế “{target.key}” có hiệu lực từ {target.effective_from.isoformat()}, "
                    f"trước ngày ký {r.date.isoformat()} của văn bản bị thay thế",
                )
            unconfirmed = r.link_status == "UNCONFIRMED" or target.is_unconfirmed
            if unconfirmed and r.link_confidence == "H":
                raise b.fail(
                    r.key,
                    "link_confidence",
                    f"liên kết tới “{target.key}” CHƯA XÁC NHẬN không được ghi mức H "
                    "(văn bản chưa xác nhận không bao giờ dùng để báo lỗi)",
                )
        elif r.status == "superseded":
            raise b.fail(r.key, "status", "“superseded” cần trường superseded_by (hoặc dùng “historical”)")
        elif r.superseded_on is not None:
            raise b.fail(r.key, "superseded_on", "có ngày thay thế nhưng thiếu superseded_by")
        if r.in_force_from is not None and r.in_force_from < r.date:
            raise b.fail(
                r.key,
                "in_force_from",
                f"ngày có hiệu lực {r.in_force_from.isoformat()} trước ngày ký {r.date.isoformat()}",
            )
        for name, keys in (
            ("amends", (r.amends,)),
            ("review_after", (r.review_after,)),
            ("see_also", r.see_also),
        ):
            for k in keys:
                if k is not None and k not in refs:
                    raise b.fail(r.key, name, f"không có văn bản “{k}” trong danh mục")


def _parse_bases(
    raw: Any, refs: Mapping[str, Reference], origin: str
) -> tuple[dict[str, Any], list[BasisSet]]:
    if raw is None:
        return {}, []
    if not isinstance(raw, dict):
        raise CatalogueError(f"Danh mục văn bản ({origin}): mục “bases” phải là bảng khóa")
    sets: list[BasisSet] = []
    for i, s in enumerate(raw.get("sets") or [], 1):
        sid = str(s.get("id") or f"#{i}")

        def fail(name: str, why: str, sid: str = sid) -> CatalogueError:
            return CatalogueError(f"Danh mục văn bản ({origin}): bộ căn cứ “{sid}”, trường “{name}”: {why}")

        when = tuple(s.get("when") or ())
        for c in when:
            if isinstance(c, str):
                if c not in APPLIES_VALUES:
                    raise fail("when", f"giá trị “{c}” không hợp lệ")
            elif not isinstance(c, dict) or not set(c) <= {"kind", "type", "sector"}:
                raise fail("when", "mỗi điều kiện là một giá trị applies_to hoặc {kind/type/sector: [...]}")
        items = []
        for j, it in enumerate(s.get("items") or [], 1):
            if not isinstance(it, dict):
                raise fail(f"items[{j}]", "phải là bảng khóa")
            ref = it.get("ref")
            if ref is not None and ref not in refs:
                raise fail(f"items[{j}].ref", f"không có văn bản “{ref}” trong danh mục")
            slot = it.get("slot")
            if slot not in (None, "functions"):
                raise fail(f"items[{j}].slot", f"“{slot}” không hợp lệ (chỉ “functions”)")
            if ref is None and slot is None and not it.get("board") and not it.get("local"):
                raise fail(f"items[{j}]", "cần một trong ref, slot, board, local")
            conf = it.get("confidence")
            if conf is not None and conf not in CONFIDENCES:
                raise fail(f"items[{j}].confidence", f"“{conf}” không hợp lệ")
            items.append(
                _BasisItem(
                    ref,
                    slot,
                    bool(it.get("board")),
                    it.get("local"),
                    nfc(it["text"]) if it.get("text") else None,
                    bool(it.get("optional")),
                    conf,
                )
            )
        conf = str(s.get("confidence") or "M")
        if conf not in CONFIDENCES:
            raise fail("confidence", f"“{conf}” không hợp lệ")
        sets.append(BasisSet(sid, nfc(str(s.get("label") or sid)), when, conf, tuple(items)))
    settings = {k: v for k, v in raw.items() if k != "sets"}
    if "follow_low_links_from" in settings:
        try:
            settings["follow_low_links_from"] = _as_date(settings["follow_low_links_from"])
        except (TypeError, ValueError):
            raise CatalogueError(
                f"Danh mục văn bản ({origin}): “bases.follow_low_links_from” phải là ngày"
            ) from None
    return settings, sets


def _records(data: Any, origin: str) -> list[dict[str, Any]]:
    if not isinstance(data, dict):
        raise CatalogueError(f"Danh mục văn bản ({origin}): tệp phải là bảng khóa YAML có mục “references”")
    recs = data.get("references", data.get("records"))
    if recs is None:
        recs = []
    if not isinstance(recs, list) or not all(isinstance(r, dict) for r in recs):
        raise CatalogueError(f"Danh mục văn bản ({origin}): “references” phải là danh sách bản ghi")
    return recs


def catalogue_from_data(
    data: Any, origin: str = DATA_FILE, overlays: Sequence[tuple[Any, str]] = ()
) -> ReferenceCatalogue:
    """Build and validate a catalogue from parsed YAML (the packaged file, then overlays in order)."""
    base_records = _records(data, origin)
    merged: dict[str, dict[str, Any]] = {}
    history: dict[str, list[Change]] = {}
    for rec in base_records:
        key = str(rec.get("key") or "").strip()
        if not key:
            raise CatalogueError(f"Danh mục văn bản ({origin}): có bản ghi thiếu trường “key”")
        if key in merged:
            raise CatalogueError(f"Danh mục văn bản ({origin}): văn bản “{key}”, trường “key”: khóa bị trùng")
        merged[key] = {**rec, "origin": origin}
    version = str(data.get("version") or "0")
    changes: list[Change] = []
    overlay_versions: list[str] = []
    for odata, oorigin in overlays:
        recs = _records(odata, oorigin)
        overlay_versions.append(
            str(
                odata.get("version")
                or hashlib.sha256(
                    yaml.safe_dump(odata, allow_unicode=True, sort_keys=True).encode()
                ).hexdigest()[:8]
            )
        )
        seen_here: set[str] = set()
        for rec in recs:
            ch = _apply_overlay_record(merged, rec, oorigin, seen_here)
            changes.append(ch)
            history.setdefault(ch.key, []).append(ch)
    refs: dict[str, Reference] = {}
    for key, raw in merged.items():
        builder = _Builder(str(raw.get("origin") or origin))
        refs[key] = builder.build(raw, tuple(history.get(key, ())))
    _validate(refs, ", ".join([origin, *(o for _, o in overlays)]))
    settings, sets = _parse_bases(data.get("bases"), refs, origin)
    if overlay_versions:
        version = "+".join([version, *overlay_versions])
    return ReferenceCatalogue(version, refs.values(), settings, sets, changes)


def _apply_overlay_record(
    merged: dict[str, dict[str, Any]], rec: dict[str, Any], origin: str, seen_here: set[str]
) -> Change:
    b = _Builder(origin)
    key = str(rec.get("key") or "").strip()
    if not key:
        raise CatalogueError(f"Danh mục bổ sung ({origin}): có bản ghi thiếu trường “key”")
    if key in seen_here:
        raise b.fail(key, "key", "khóa lặp lại trong cùng một tệp bổ sung")
    seen_here.add(key)
    unknown = sorted(set(rec) - _FIELDS - _CHANGE_META)
    if unknown:
        raise b.fail(key, unknown[0], "trường không có trong lược đồ danh mục (references.md §1)")
    who = b.text(rec, key, "changed_by", required=True) or ""
    when = b.day(rec, key, "changed_on", required=True) or date.min
    if "source" not in rec or not b.strings(rec, key, "source"):
        raise b.fail(
            key, "source", "bắt buộc với mỗi thay đổi của cơ quan giám sát (đường dẫn hoặc mô tả nguồn)"
        )
    sources = b.strings(rec, key, "source")
    note = b.text(rec, key, "change_note")
    body = {k: v for k, v in rec.items() if k not in _CHANGE_META}
    if key in merged:
        fields = tuple(sorted(k for k in body if k not in ("key", "source")))
        if not fields and not sources:
            raise b.fail(key, "key", "bản ghi sửa đổi không thay đổi trường nào")
        target = merged[key]
        for k in fields:
            if body[k] is None:
                target.pop(k, None)
            else:
                target[k] = copy.deepcopy(body[k])
        old = target.get("source") or []
        old = [old] if isinstance(old, str) else list(old)
        target["source"] = old + [s for s in sources if s not in old]
        return Change(key, "change", fields, who, when, sources, origin, note)
    merged[key] = {**body, "origin": origin}
    return Change(key, "add", tuple(sorted(k for k in body if k != "key")), who, when, sources, origin, note)


def _read_yaml(path: Path) -> Any:
    try:
        if path.stat().st_size > MAX_OVERLAY_BYTES:
            raise CatalogueError(f"{path.name}: tệp danh mục bổ sung quá lớn")
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogueError(f"{path.name}: tệp danh mục bổ sung phải là văn bản UTF-8") from exc
    except OSError as exc:
        raise CatalogueError(
            f"{path.name}: không đọc được tệp danh mục bổ sung ({exc.strerror or exc})"
        ) from exc
    try:
        return load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (dòng {mark.line + 1})" if mark is not None else ""
        raise CatalogueError(f"{path.name}: YAML không hợp lệ{where}") from exc


@cache
def _packaged_data() -> Any:
    text = resources.files("quyche.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return load_yaml(text)


@cache
def packaged_catalogue() -> ReferenceCatalogue:
    """The catalogue shipped with quyche (cached)."""
    return catalogue_from_data(_packaged_data(), DATA_FILE)


def load_catalogue(*overlay_paths: str | Path, base: str | Path | None = None) -> ReferenceCatalogue:
    """The packaged catalogue merged with the board's overlay files, in order, then validated as a whole.

    An overlay has the packaged schema: a record with a new key adds a document; a record repeating an
    existing key changes only the fields it gives (``null`` removes one). Every overlay record carries
    ``changed_by``, ``changed_on`` and ``source``; changes are kept in :attr:`ReferenceCatalogue.changes`
    and on each entry. ``base`` replaces the packaged file (tests, staging a new release)."""
    if not overlay_paths and base is None:
        return packaged_catalogue()
    overlays = [(_read_yaml(Path(p)), Path(p).name) for p in overlay_paths]
    if base is None:
        return catalogue_from_data(copy.deepcopy(_packaged_data()), DATA_FILE, overlays)
    return catalogue_from_data(_read_yaml(Path(base)), Path(base).name, overlays)


def expected_bases(
    profile: ProfileLike | OrgFacts,
    doc_date: date,
    catalogue: ReferenceCatalogue | None = None,
    *,
    include_optional: bool = False,
) -> list[Reference]:
    """Module-level shortcut for :meth:`ReferenceCatalogue.expected_bases` (packaged catalogue by default)."""
    return (catalogue or packaged_catalogue()).expected_bases(
        profile, doc_date, include_optional=include_optional
    )
