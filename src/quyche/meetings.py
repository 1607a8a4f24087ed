"""Read the meeting regime out of a working regulation (MEET family, rules.md §6).

The meeting clauses are the articles whose title names a meeting ("Chế độ họp", "Chế độ sinh hoạt",
"Sinh hoạt …", "Hội nghị …", "Chế độ làm việc"), with their khoản and điểm. From them — and, more
strictly, from any other body paragraph that says "<body> họp / sinh hoạt … <frequency>" — this module
extracts:

- :class:`MeetingStatement` — who meets (``bodies``: keys of :data:`BODY_NAMES`), what kind of meeting
  (``regular`` thường kỳ / thường lệ / định kỳ, ``thematic`` chuyên đề, ``extraordinary`` bất thường,
  ``review`` sơ kết / tổng kết, or ``unspecified``) and how often (``interval`` in months: "hằng tháng" = 1,
  "ba tháng một lần" = 3, "mỗi năm 2 lần" = 6, "hằng tuần" = 0.25 …);
- :class:`Duration` — minimum length of a meeting ("ít nhất 90 phút", "2 giờ", "1,5 giờ");
- :class:`Threshold` — quorums ("ít nhất 2/3 số ủy viên được triệu tập có mặt") and voting thresholds
  ("quá nửa tổng số ủy viên tán thành", "quá nửa số ủy viên có mặt tán thành").

Matching is done on a folded copy of each paragraph that keeps character positions (case, diacritics and
tone placement ignored), so every phrase is reported exactly as written. The frequency vocabulary is data
(``quyche/data/meeting_phrases.yaml``, exported as :data:`interval_phrases`).

Use :func:`meeting_clauses` (cached per document zones) from the rules.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from importlib import resources
from typing import Any

import yaml

from quyche.keyscan import holding, joined_keys
from quyche.model import Paragraph
from quyche.text import CharTable, fold
from quyche.zones import Node, Zones

# ====================================================================================== vocabulary
MEETING_TITLE_KEYS = ("che do hop", "che do sinh hoat", "sinh hoat", "hoi nghi", "che do lam viec", "lich hop")

BODY_NAMES: dict[str, str] = {
    "bch": "Ban Chấp hành (Đảng ủy)",
    "btv": "Ban Thường vụ",
    "thuong_truc": "Thường trực",
    "chi_bo": "Chi bộ",
    "chi_uy": "Chi ủy",
    "chi_bo_sub": "các chi bộ trực thuộc",
    "dang_bo": "hội nghị đảng viên toàn đảng bộ",
    "to_dang": "tổ đảng",
    "ubkt": "Ủy ban Kiểm tra",
    "superior": "cấp ủy cấp trên",
    "cap_uy": "cấp ủy",
}
# Mentions that are people or offices, not meeting bodies ("đảng ủy viên", "Phó Bí thư thường trực").
NOT_BODIES = frozenset({"member", "person", "staff"})

# Folded patterns, longest first: the first alternative that matches at a position wins.
_BODY_PATTERNS: tuple[tuple[str, str], ...] = (
    ("member", r"(?:dang uy|chi uy|cap uy|thuong vu) vien"),
    ("staff", r"van phong (?:dang uy|cap uy|chi uy)"),
    ("person", r"(?:pho )?bi thu(?: thuong truc)?"),
    ("thuong_truc", r"thuong truc(?: (?:dang uy|cap uy|chi uy))?"),
    ("btv", r"ban thuong vu(?: (?:dang uy|cap uy))?"),
    ("bch", r"ban chap hanh(?: dang bo| chi bo)?"),
    ("ubkt", r"uy ban kiem tra(?: dang uy)?"),
    ("dang_bo", r"hoi nghi (?:toan the )?dang vien(?: (?:trong |cua )?toan dang bo)?"
                r"|dang vien (?:trong |cua )?toan dang bo|(?:sinh hoat|hop|hoi nghi) toan dang bo"
                r"|toan the dang vien|dang bo (?:hop |sinh hoat )?toan the|hoi nghi toan the"),
    ("chi_uy", r"chi uy"),
    ("chi_bo_sub", r"cac chi bo(?: truc thuoc)?|chi bo truc thuoc"),
    ("chi_bo", r"chi bo"),
    ("to_dang", r"(?:cac )?to dang"),
    ("superior", r"cap uy cap tren|(?:tinh|huyen|quan|thi|thanh) uy"),
    ("bch", r"dang uy"),
    ("cap_uy", r"cap uy"),
)
_BODY_RES = tuple((k, re.compile(rf"(?<![a-z0-9]){p}(?![a-z0-9])")) for k, p in _BODY_PATTERNS)
# For each of _BODY_PATTERNS, words one of which every match contains: a pattern whose words are all absent
# from the text cannot match and is not run.
_BODY_NEEDS: tuple[tuple[str, ...], ...] = (
    ("uy vien", "vu vien"),
    ("van phong",),
    ("bi thu",),
    ("thuong truc",),
    ("ban thuong vu",),
    ("ban chap hanh",),
    ("uy ban kiem tra",),
    ("dang vien", "toan dang bo", "toan the"),
    ("chi uy",),
    ("chi bo",),
    ("chi bo",),
    ("to dang",),
    ("cap tren", "tinh uy", "huyen uy", "quan uy", "thi uy", "thanh uy"),
    ("dang uy",),
    ("cap uy",),
)
_BODY_SCAN = tuple((order, name, rx, needs)
                   for order, ((name, rx), needs) in enumerate(zip(_BODY_RES, _BODY_NEEDS, strict=True)))

_KIND_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("regular", re.compile(r"(?<![a-z])(?:thuong ky|thuong le|dinh ky)(?![a-z])")),
    ("thematic", re.compile(r"(?<![a-z])chuyen de(?![a-z])")),
    ("extraordinary", re.compile(r"(?<![a-z])(?:bat thuong|dot xuat)(?![a-z])")),
    ("review", re.compile(r"(?<![a-z])(?:so ket|tong ket|kiem diem)(?![a-z])")),
)
# Verbs of meeting, on the lower-cased (not folded) text: folded "hop" would also match "hợp" (hợp lệ).
_VERB_RE = re.compile(r"(?<!\w)(?:họp|sinh hoạt|giao ban|hội nghị)(?!\w)")
_SUBJECT_TAIL = re.compile(r"^(?:\s+[^\s,.;:()]+){0,6}?\s+(?:họp|sinh hoạt|giao ban|tổ chức hội nghị|hội nghị)(?!\w)")
_COORD = re.compile(r"^\s*(?:,|và|hoặc|,\s*và|cùng)\s*$")
_STRONG_KIND = re.compile(r"(?<![a-z])(?:thuong ky|thuong le|chuyen de|bat thuong)(?![a-z])")
_OTHER_ACTS = re.compile(r"(?<![a-z])(?:bao cao|gui|thong bao|kiem diem|danh gia|tong hop|kiem tra|giam sat)(?![a-z])")
_REPLACE_RE = re.compile(r"(?<![a-z])(?:thay cho|thay the|thay vi|khong sinh hoat thuong ky)(?![a-z])")
_SEGMENT_END = re.compile(r"[.;:!?](?=\s|$)")
_ANCHOR_BEFORE = re.compile(r"(?:^|\s)vao(?:\s+\S+){0,4}\s*$")
# Words one of which every match of a pattern holds (gates, see _holds_match): a pattern led by a look-behind is
# tried at every position, a word is looked for far faster.
_VERB_WORDS = ("họp", "sinh hoạt", "giao ban", "hội nghị")
_STRONG_WORDS = ("thuong ky", "thuong le", "chuyen de", "bat thuong")
_REPLACE_WORDS = ("thay ", "khong sinh hoat thuong ky")
_KIND_WORDS: tuple[tuple[str, ...], ...] = (  # in _KIND_RES order
    ("thuong ky", "thuong le", "dinh ky"),
    ("chuyen de",),
    ("bat thuong", "dot xuat"),
    ("so ket", "tong ket", "kiem diem"),
)
_KIND_SCAN = tuple((name, rx, words) for (name, rx), words in zip(_KIND_RES, _KIND_WORDS, strict=True))


def _holds_match(rx: re.Pattern[str], words: tuple[str, ...], text: str, start: int = 0, end: int | None = None
                 ) -> bool:
    """``rx.search(text, start, end)`` found something, where every match of ``rx`` holds one of ``words``: the
    words are looked for first (a match inside ``start:end`` holds its word inside it too)."""
    stop = len(text) if end is None else end
    for word in words:
        if text.find(word, start, stop) >= 0:
            return rx.search(text, start, stop) is not None
    return False


# ====================================================================================== phrase data
@cache
def _phrase_data() -> dict[str, Any]:
    text = resources.files("quyche.data").joinpath("meeting_phrases.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _load_interval_phrases() -> dict[str, float]:
    return {str(k): float(v) for k, v in _phrase_data()["interval_phrases"].items()}


interval_phrases: dict[str, float] = _load_interval_phrases()
"""Frequency phrases as regulations write them → interval in months (``meeting_phrases.yaml``)."""

_UNITS: dict[str, float] = {fold(str(k)): float(v) for k, v in _phrase_data()["units"].items()}
_NUMBERS: dict[str, float] = {fold(str(k)): float(v) for k, v in _phrase_data()["numbers"].items()}

_NUM = r"(?:\d+(?:[.,]\d+)?|" + "|".join(sorted(map(re.escape, _NUMBERS), key=len, reverse=True)) + ")"
_UNIT = "(?:" + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True)) + ")"
_LEAST = r"(?:(?:it nhat|toi thieu) )?"
_ONCE = r"(?:mot|1|01) lan"


def _w(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z0-9]){pattern}(?![a-z0-9])")


# (name, regex, how the interval follows from n and unit); first listed wins on equal start and length.
_INTERVAL_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "mỗi năm 2 lần", "mỗi tháng ít nhất một lần", "một năm hai lần", "1 tháng 1 lần"
    ("unit_per_n", _w(rf"{_LEAST}(?:moi|hang|mot|1|01|trong (?:mot|1|01)) (?P<u>{_UNIT}),? {_LEAST}(?P<n>{_NUM}) lan")),
    # "1 lần/tháng", "hai lần mỗi năm", "ít nhất 01 lần/quý", "một lần trong một quý"
    ("unit_per_n", _w(rf"{_LEAST}(?P<n>{_NUM}) lan ?(?:/ ?|tren |moi |hang |trong (?:mot |1 |01 )?|mot |1 |01 )"
                      rf"(?P<u>{_UNIT})")),
    # "3 tháng một lần", "ba tháng một lần", "nửa tháng một lần", "6 tháng/lần"
    ("n_units", _w(rf"{_LEAST}(?P<n>{_NUM}) (?P<u>{_UNIT}) ?(?:{_ONCE}|/ ?lan)")),
    # "mỗi 3 tháng", "cứ 3 tháng", "định kỳ 6 tháng"
    ("n_units", _w(rf"(?:moi|cu|dinh ky) (?P<n>{_NUM}) (?P<u>{_UNIT})")),
    # "hằng tháng", "hàng quý", "mỗi tháng một lần", "ít nhất mỗi quý một lần"
    ("unit", _w(rf"{_LEAST}(?:moi|hang) (?P<u>{_UNIT})(?: {_ONCE})?")),
    # "vào dịp sơ kết 6 tháng và tổng kết năm": twice a year (a schedule, see MeetingStatement.anchored)
    ("reviews", _w(r"(?:vao )?(?:dip )?so ket (?:6|06|sau) thang va tong ket(?: cuoi)? nam")),
)


def _number(text: str) -> float:
    t = text.strip()
    if t in _NUMBERS:
        return _NUMBERS[t]
    return float(t.replace(",", "."))


# ====================================================================================== folded text
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    if ch in "\u2010\u2011\u2012\u2013\u2014\u2212":
        return "-"
    base = unicodedata.normalize("NFD", ch)[:1] or ch
    low = base.lower()
    return low if len(low) == 1 else base


def _lower_char(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


_FOLD_TABLE = CharTable(_fold_char)
_LOWER_TABLE = CharTable(_lower_char)

# str.translate is about three times faster with a plain, complete dict than with a CharTable (a dict
# subclass filling itself): the characters of Vietnamese text (Latin, its extensions, the combining marks,
# general punctuation) get a plain table built once, other text keeps the self-filling one.
_FAST_RANGES = ((0x0000, 0x0250), (0x0300, 0x0370), (0x1E00, 0x1F00), (0x2000, 0x2070))
_FAST_FOLD = {c: _fold_char(chr(c)) for lo, hi in _FAST_RANGES for c in range(lo, hi)}
_SLOW_CHAR = re.compile("[^" + "".join(f"{chr(lo)}-{chr(hi - 1)}" for lo, hi in _FAST_RANGES) + "]")


@lru_cache(maxsize=8192)
def fold_keep(text: str) -> str:
    """:func:`quyche.text.fold` that keeps every character position (one folded character per character),
    so that a match in the folded text slices the original: ``text[m.start():m.end()]``."""
    if _SLOW_CHAR.search(text) is None:
        return text.translate(_FAST_FOLD)
    return text.translate(_FOLD_TABLE)


def _same_fold(ch: str, fold_one: Callable[[str], str]) -> bool:
    """``ch`` folds to the same single character in :func:`fold_keep` and :func:`quyche.text.fold`."""
    if ch.isspace():
        return ch == " "
    folded = fold_one(ch)
    return len(folded) == 1 and not folded.isspace() and folded == _fold_char(ch)


_fold_one: Callable[[str], str] = getattr(fold, "__wrapped__", fold)  # uncached: a one-off table
# A text made of these characters only folds character by character alike in both foldings.
_KEY_SAFE = "".join(ch for lo, hi in _FAST_RANGES for c in range(lo, hi) if _same_fold(ch := chr(c), _fold_one))
_KEY_UNSAFE = re.compile("[^" + re.escape(_KEY_SAFE) + "]")


def paragraph_fold(p: Paragraph) -> str:
    """``fold_keep(p.plain)``, read off the paragraph's shared :attr:`Paragraph.key` when they are the same
    text: ``plain`` has single spaces and no white space at its ends, so where each of its characters folds to
    one and the same character in both foldings, ``fold(text)`` keeps every position of ``plain``."""
    text = p.plain
    if _KEY_UNSAFE.search(text) is None:
        key = p.key
        if len(key) == len(text):
            return key
    return fold_keep(text)


def _fold_of(p: Paragraph | None, text: str) -> str:
    """``fold_keep(text)``; from the paragraph's key (:func:`paragraph_fold`) when ``text`` is its plain text."""
    return paragraph_fold(p) if p is not None and text == p.plain else fold_keep(text)


@lru_cache(maxsize=8192)
def lower_keep(text: str) -> str:
    """Lower case, one character per character (keeps diacritics: "họp" ≠ "hợp")."""
    low = text.lower()
    # str.lower maps character by character except where a character lowers to several ("İ") and for a
    # word-final capital sigma ("ς"); lower case never shortens a text, so the same length rules out the first.
    if len(low) == len(text) and "\u03a3" not in text:
        return low
    return text.translate(_LOWER_TABLE)


# ====================================================================================== results
@dataclass(frozen=True, slots=True)
class Interval:
    months: float
    start: int
    end: int
    phrase: str  # as written
    at_least: bool = False  # "ít nhất …"
    schedule: bool = False  # "vào ngày 05 hằng tháng", "vào dịp sơ kết 6 tháng và tổng kết năm"


@dataclass(frozen=True, slots=True)
class MeetingStatement:
    paragraph: Paragraph | None
    text: str  # the sentence part (segment) as written
    bodies: tuple[str, ...]  # keys of BODY_NAMES; () when the text names none
    kind: str  # regular | thematic | extraordinary | review | unspecified
    interval: float | None  # months
    phrase: str  # the frequency phrase as written
    at_least: bool = False
    anchored: bool = False  # a schedule ("vào ngày 05 hằng tháng") rather than a stated frequency
    replaces_regular: bool = False  # "sinh hoạt chuyên đề thay cho sinh hoạt thường kỳ"
    in_article: bool = True  # found in a meeting article (else in another body paragraph)
    explicit_bodies: bool = True  # bodies named in the sentence (else inherited from the khoản / title)

    def is_of(self, body: str, *, implicit: bool = False) -> bool:
        """The statement is about ``body`` (or names no body and ``implicit`` says that means ``body``)."""
        return body in self.bodies or (implicit and not [b for b in self.bodies if b not in NOT_BODIES])


@dataclass(frozen=True, slots=True)
class Duration:
    paragraph: Paragraph | None
    text: str  # the sentence part as written
    minutes: float
    phrase: str
    minimum: bool  # "ít nhất", "không ít hơn" or a bare figure; False for "không quá", "tối đa"
    combined: bool  # the segment is about a monthly and thematic meeting held together
    bodies: tuple[str, ...] = ()  # bodies the sentence part names


@dataclass(frozen=True, slots=True)
class Threshold:
    paragraph: Paragraph | None
    text: str  # the sentence part as written
    kind: str  # quorum | vote
    value: float  # fraction of the base: 2/3 → 0.667, "quá nửa" → 0.5
    strict: bool  # "quá", "trên", "hơn": more than value
    phrase: str
    base: str | None  # total ("tổng số") | present ("có mặt", "dự họp") | summoned ("được triệu tập") | None
    bodies: tuple[str, ...] = ()

    @property
    def reaches_two_thirds(self) -> bool:
        return self.value >= 2 / 3 - 1e-9


@dataclass(slots=True)
class MeetingClauses:
    articles: list[Node] = field(default_factory=list)  # the meeting articles
    paragraphs: list[Paragraph] = field(default_factory=list)  # their paragraphs, heading included
    statements: list[MeetingStatement] = field(default_factory=list)
    durations: list[Duration] = field(default_factory=list)
    thresholds: list[Threshold] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Folded text of the meeting clauses (keyword searches): ``fold(" ".join(p.plain for p in …))``, joined
        from the paragraphs' keys. fold() maps each character on its own (white space to white space) and then
        collapses white space, so the fold of texts joined with spaces is their folds joined with spaces (an
        empty fold adding nothing); and a paragraph's key, the fold of its text, is the fold of its plain text,
        which differs from it only in white space."""
        return " ".join([k for k in (p.key for p in self.paragraphs) if k])

    def of(self, body: str, *, implicit: bool = False) -> list[MeetingStatement]:
        return [s for s in self.statements if s.is_of(body, implicit=implicit)]

    def judged(self, body: str, kinds: Sequence[str] = ("regular",), *, implicit: bool = False,
               unspecified: bool = True) -> list[MeetingStatement]:
        """Statements that set ``body``'s meeting interval for ``kinds``: every explicit one
        ("thường kỳ", "chuyên đề" …); failing those and if ``unspecified``, the shortest-interval statement
        that names no kind ("Ban Thường vụ họp 2 tháng một lần") — a kind-less "hằng năm … hội nghị" next to
        a stated regular meeting is then not taken for the regular meeting."""
        mine = [s for s in self.of(body, implicit=implicit) if s.interval is not None]
        explicit = [s for s in mine if s.kind in kinds]
        if explicit or not unspecified:
            return explicit
        loose = [s for s in mine if s.kind == "unspecified"]
        return [min(loose, key=lambda s: s.interval or 0.0)] if loose else []

    @property
    def quorums(self) -> list[Threshold]:
        return [t for t in self.thresholds if t.kind == "quorum"]

    @property
    def votes(self) -> list[Threshold]:
        return [t for t in self.thresholds if t.kind == "vote"]


# ====================================================================================== parsing
def _segments(key: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SEGMENT_END.finditer(key):
        if key[start:m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if key[start:].strip():
        out.append((start, len(key)))
    return out


# For each pattern of _INTERVAL_RES, words one of which its every match holds: a pattern whose words are all
# absent from the text is not run.
_INTERVAL_GATES: tuple[tuple[str, ...], ...] = (
    (" lan",),
    (" lan",),
    (" lan", "/lan"),
    ("moi ", "cu ", "dinh ky "),
    ("moi ", "hang "),
    ("so ket",),
)
_INTERVAL_WORDS = tuple(dict.fromkeys(word for gate in _INTERVAL_GATES for word in gate))
_INTERVAL_SCAN = tuple((order, how, rx, gate)
                       for order, ((how, rx), gate) in enumerate(zip(_INTERVAL_RES, _INTERVAL_GATES, strict=True)))


def _gated_matches(
    scan: Sequence[tuple[int, str, re.Pattern[str], tuple[str, ...]]], key: str,
) -> Iterator[tuple[int, str, re.Match[str]]]:
    """(order, tag, match) of every match in ``key`` of the patterns of ``scan`` whose gate words (at least one
    of which every match holds) occur in ``key``: a pattern led by a look-behind is tried at every position, so
    it runs only where it can match."""
    for order, tag, rx, gate in scan:
        for need in gate:
            if need in key:
                break
        else:
            continue
        for m in rx.finditer(key):
            yield order, tag, m


def find_intervals(text: str) -> list[Interval]:
    """Every frequency phrase in ``text`` (non-overlapping, leftmost-longest), with its interval in months."""
    return _intervals(text, fold_keep(text))


def _intervals(text: str, key: str) -> list[Interval]:
    """:func:`find_intervals` with ``key`` = ``fold_keep(text)``."""
    cands = [(m.start(), -(m.end() - m.start()), order, m, how)
             for order, how, m in _gated_matches(_INTERVAL_SCAN, key)]
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    out: list[Interval] = []
    pos = -1
    for start, _neg, _order, m, how in cands:
        if start < pos:
            continue
        months = _months(m, how)
        if months is None or months <= 0:
            continue
        phrase = text[m.start():m.end()]
        least = "it nhat" in m.group(0) or "toi thieu" in m.group(0)
        before = key[max(0, start - 40):start]
        anchored = how == "reviews" or bool(_ANCHOR_BEFORE.search(before.split(";")[-1].split(",")[-1]))
        out.append(Interval(months, m.start(), m.end(), phrase, least, anchored))
        pos = m.end()
    return out


def _months(m: re.Match[str], how: str) -> float | None:
    if how == "reviews":
        return 6.0
    unit = _UNITS.get(m.group("u"))
    if unit is None:
        return None
    if how == "unit":
        return unit
    try:
        n = _number(m.group("n"))
    except ValueError:
        return None
    if n <= 0:
        return None
    return unit / n if how == "unit_per_n" else unit * n


def parse_interval(phrase: str) -> float | None:
    """Interval in months of the first frequency phrase in ``phrase`` ("ba tháng một lần" → 3.0)."""
    found = find_intervals(phrase)
    return found[0].months if found else None


@dataclass(frozen=True, slots=True)
class Mention:
    """A body (or person / office) named at ``start:end`` of a text; ``key`` in :data:`BODY_NAMES`."""

    key: str
    start: int
    end: int


def body_mentions(text: str) -> tuple[Mention, ...]:
    """Cached: the same clause text is read by several rules and passes."""
    return _body_mentions(text)


def _body_mentions(text: str) -> tuple[Mention, ...]:
    """Meeting bodies (and people / offices, keys in :data:`NOT_BODIES`) named in ``text``, in order."""
    return _key_mentions(fold_keep(text))


@lru_cache(maxsize=16384)
def _key_mentions(key: str) -> tuple[Mention, ...]:
    """:func:`_body_mentions` of the text whose ``fold_keep`` is ``key``."""
    cands = [(m.start(), -(m.end() - m.start()), order, name) for order, name, m in _gated_matches(_BODY_SCAN, key)]
    cands.sort()
    out: list[Mention] = []
    pos = -1
    for start, neg, _order, name in cands:
        if start < pos:
            continue
        out.append(Mention(name, start, start - neg))
        pos = start - neg
    return tuple(out)


def bodies_in(text: str) -> tuple[str, ...]:
    """Distinct meeting bodies named in ``text`` (people and offices left out), in order."""
    return _key_bodies(fold_keep(text))


def _key_bodies(key: str) -> tuple[str, ...]:
    """:func:`bodies_in` of the text whose ``fold_keep`` is ``key``."""
    return tuple(dict.fromkeys(m.key for m in _key_mentions(key) if m.key not in NOT_BODIES))


def _subject_group(mentions: list[Mention], low: str) -> tuple[str, ...]:
    """The bodies a stretch of text is about: the last mention followed by a meeting verb ("Chi ủy họp"),
    with the mentions coordinated with it ("Ban Chấp hành và Ban Thường vụ họp"); else the first group (the
    sentence subject: "Ban Thường vụ thay mặt Ban Chấp hành …, họp …")."""
    real = [m for m in mentions if m.key not in NOT_BODIES]
    if not real:
        return tuple(dict.fromkeys(m.key for m in mentions))
    # a subject: followed by a meeting verb ("Chi ủy họp"), or a meeting itself ("Hội nghị đảng viên …")
    subjects = [m for m in real if _VERB_RE.search(low, m.start, m.end) or _SUBJECT_TAIL.match(low[m.end:])]
    if subjects:
        group = [subjects[-1]]
        i = real.index(subjects[-1])
        while i > 0 and _COORD.match(low[real[i - 1].end:real[i].start]):
            i -= 1
            group.insert(0, real[i])
    else:  # no body right before a verb: the sentence subject comes first
        group = [real[0]]
        i = 0
        while i + 1 < len(real) and _COORD.match(low[real[i].end:real[i + 1].start]):
            i += 1
            group.append(real[i])
    return tuple(dict.fromkeys(m.key for m in group))


def _kind_at(key: str, start: int, end: int, *, last: bool) -> str | None:
    found: list[tuple[int, str]] = []
    for name, rx in _KIND_RES:
        found += [(m.start(), name) for m in rx.finditer(key, start, end)]
    if not found:
        return None
    found.sort()
    return found[-1][1] if last else found[0][1]


def _kinds_in(key: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every kind word in ``key[start:end]``, in order of start (each pattern run only where
    one of its words is)."""
    found = [(m.start(), m.end(), name) for name, rx, words in _KIND_SCAN
             if any(key.find(w, start, end) >= 0 for w in words) for m in rx.finditer(key, start, end)]
    found.sort()
    return found


def _kind_in(kinds: list[tuple[int, int, str]], start: int, end: int, *, last: bool) -> str | None:
    """:func:`_kind_at` over ``start:end`` of a segment whose kind words are ``kinds`` (:func:`_kinds_in`): the
    range ends at the segment end or at a frequency phrase, which no kind word runs into, and kind words of one
    kind never overlap, so the words found in the segment and lying in the range are those found in the range."""
    inside = [k for s, e, k in kinds if start <= s and e <= end]
    if not inside:
        return None
    return inside[-1] if last else inside[0]


def _may_state_outside(low: str, s0: int, s1: int, mentions: Callable[[], list[Mention]]) -> bool:
    """Outside a meeting article a sentence ``low[s0:s1]`` states a meeting only with a meeting verb and a body
    it names as a subject (the test on ``ok`` in :func:`_statements`, there on the mentions before an interval,
    some of ``mentions()``): a sentence failing it is not parsed. The mentions are read only after a verb."""
    return _holds_match(_VERB_RE, _VERB_WORDS, low, s0, s1) and any(
        m.key not in NOT_BODIES and _SUBJECT_TAIL.match(low[m.end:]) for m in mentions())


def statements_in(p: Paragraph | None, text: str, context: tuple[str, ...] = (), *, in_article: bool = True
                  ) -> list[MeetingStatement]:
    """Meeting statements of one paragraph. ``context`` = bodies the surrounding khoản / article title names
    (used when the sentence names none). Outside meeting articles (``in_article=False``) a statement needs a
    body named as the subject of a meeting verb ("Ban Chấp hành họp thường lệ …")."""
    return _statements(p, text, lambda: context, in_article)


def _statements(p: Paragraph | None, text: str, context: Callable[[], tuple[str, ...]], in_article: bool
                ) -> list[MeetingStatement]:
    """:func:`statements_in` with the context worked out only when a sentence needs it."""
    key = _fold_of(p, text)
    # A text holding no gate word of _INTERVAL_GATES has no interval in any of its sentences; then only a
    # "thay cho …" sentence in a meeting article makes a statement (_REPLACE_RE, which matches inside a
    # sentence only where it matches the whole text: a sentence ends at punctuation, never a letter).
    gated = any(word in key for word in _INTERVAL_WORDS)
    if not gated and not (in_article and _holds_match(_REPLACE_RE, _REPLACE_WORDS, key)):
        return []
    segments = _segments(key)
    out: list[MeetingStatement] = []
    seg_mentions: dict[int, list[Mention]] = {}
    low = ""

    def mentions_of(i: int) -> list[Mention]:
        found = seg_mentions.get(i)
        if found is None:
            s0, s1 = segments[i]
            found = seg_mentions[i] = [Mention(m.key, m.start + s0, m.end + s0) for m in _key_mentions(key[s0:s1])]
        return found

    def carried(i: int) -> tuple[tuple[str, ...], bool]:
        """The bodies the sentences before segment ``i`` name last (else the context), and whether named."""
        for j in range(i - 1, -1, -1):
            mentions = mentions_of(j)
            if [m for m in mentions if m.key not in NOT_BODIES]:
                return _subject_group(mentions, low), True
        return context(), False

    for i, (s0, s1) in enumerate(segments):
        if not in_article:
            low = low or lower_keep(text)
            if not _may_state_outside(low, s0, s1, partial(mentions_of, i)):
                continue
        intervals = _intervals(text[s0:s1], key[s0:s1]) if gated else []
        if not intervals:
            if (in_article and _holds_match(_REPLACE_RE, _REPLACE_WORDS, key, s0, s1)
                    and _kind_at(key, s0, s1, last=False) == "thematic"):
                # "Sinh hoạt chuyên đề thay cho sinh hoạt thường kỳ của tháng đó" (no frequency)
                low = low or lower_keep(text)
                mentions = mentions_of(i)
                bodies = _subject_group(mentions, low) if mentions else carried(i)[0]
                out.append(MeetingStatement(p, text[s0:s1].strip(), bodies, "thematic", None, "",
                                            replaces_regular=True, in_article=in_article,
                                            explicit_bodies=bool(mentions)))
            continue
        low = low or lower_keep(text)
        seg_text = text[s0:s1].strip()
        mentions = mentions_of(i)
        if s0:
            intervals = [Interval(iv.months, iv.start + s0, iv.end + s0, iv.phrase, iv.at_least, iv.schedule)
                         for iv in intervals]
        has_verb = _holds_match(_VERB_RE, _VERB_WORDS, low, s0, s1)
        kinds = _kinds_in(key, s0, s1)
        seg_kind = kinds[0][2] if kinds else None
        # Inside a meeting article a sentence without a meeting verb still counts when it names the kind of
        # meeting ("a) Thường lệ mỗi tháng một lần"), but not "Định kỳ hằng quý báo cáo …".
        kind_only = _holds_match(_STRONG_KIND, _STRONG_WORDS, key, s0, s1) or (
            seg_kind is not None and not _OTHER_ACTS.search(key, s0, s1))
        replaces = _holds_match(_REPLACE_RE, _REPLACE_WORDS, key, s0, s1)
        prev_end = s0
        prev: MeetingStatement | None = None
        for n, iv in enumerate(intervals):
            nxt = intervals[n + 1].start if n + 1 < len(intervals) else s1
            before = [m for m in mentions if prev_end <= m.start and m.end <= iv.start]
            kind_before = _kind_in(kinds, prev_end, iv.start, last=True)
            if iv.schedule and prev is not None and not before and kind_before is None:
                prev_end = iv.end  # "… hai tháng một lần vào ngày 05 hằng tháng": a schedule detail
                continue
            explicit = True
            if before:
                bodies = _subject_group(before, low)
            elif prev is None and (after := [m for m in mentions if iv.end <= m.start and m.end <= nxt]):
                bodies = _subject_group(after, low)
            elif prev is not None:
                bodies, explicit = prev.bodies, prev.explicit_bodies
            else:
                bodies, explicit = carried(i)
            kind = kind_before or _kind_in(kinds, iv.end, nxt, last=False)
            if kind is None and prev is not None and not before:
                kind = prev.kind
            kind = kind or "unspecified"
            if in_article:
                ok = has_verb or kind_only
            else:
                ok = has_verb and bool(before) and any(
                    m.key not in NOT_BODIES and _SUBJECT_TAIL.match(low[m.end:]) for m in before)
            prev_end = iv.end
            if not ok:
                continue
            st = MeetingStatement(
                paragraph=p, text=seg_text, bodies=bodies, kind=kind, interval=iv.months, phrase=iv.phrase,
                at_least=iv.at_least, anchored=iv.schedule, replaces_regular=replaces and kind == "thematic",
                in_article=in_article, explicit_bodies=explicit,
            )
            out.append(st)
            prev = st
    return out


# ------------------------------------------------------------------------------------- durations
_DUR_QUAL = r"khong it hon|it nhat|toi thieu|khong duoi|tu|tren|hon|khong qua|toi da|duoi|it hon|chi"
_DURATION_RE = re.compile(
    rf"(?<![a-z0-9])(?:(?P<q>{_DUR_QUAL}) )?"
    rf"(?:(?P<h>{_NUM}) (?:gio|tieng)(?: (?:(?P<hm>{_NUM}) phut|(?P<half>ruoi)))?"
    rf"|(?P<m>{_NUM})(?: (?:den|-) {_NUM})? ?phut)(?![a-z0-9])"
)
_MAX_QUALS = ("khong qua", "toi da", "duoi", "it hon", "chi")
_LEAD_BEFORE = re.compile(r"(?:truoc|som|cham nhat|muon)(?: (?:it nhat|toi thieu|khoang))?\s*$")
_LEAD_AFTER = re.compile(r"^\s*(?:truoc|sau|som)(?![a-z])")


def find_durations(text: str, p: Paragraph | None = None) -> list[Duration]:
    """Meeting lengths stated in ``text`` ("ít nhất 90 phút", "2 giờ", "1,5 giờ", "1 giờ 30 phút")."""
    key = _fold_of(p, text)
    out: list[Duration] = []
    if "phut" not in key and "gio" not in key and "tieng" not in key:
        return out  # every length names its unit
    for s0, s1 in _segments(key):
        seg = key[s0:s1]
        if "phut" not in seg and "gio" not in seg and "tieng" not in seg:
            continue  # the sentence names no unit
        combined = "ket hop" in seg or ("thuong ky" in seg and "chuyen de" in seg) or "long ghep" in seg
        seg_bodies: tuple[str, ...] | None = None
        for m in _DURATION_RE.finditer(key, s0, s1):
            if _LEAD_BEFORE.search(key[max(s0, m.start() - 25):m.start()]) or _LEAD_AFTER.match(key[m.end():s1]):
                continue  # "gửi trước 30 phút", "có mặt trước 15 phút": lead time, not length
            try:
                if m.group("h"):
                    minutes = _number(m.group("h")) * 60
                    if m.group("hm"):
                        minutes += _number(m.group("hm"))
                    elif m.group("half"):
                        minutes += 30
                else:
                    minutes = _number(m.group("m"))
            except ValueError:
                continue
            qual = m.group("q") or ""
            if seg_bodies is None:
                seg_bodies = _key_bodies(seg)
            out.append(Duration(p, text[s0:s1].strip(), minutes, text[m.start():m.end()],
                                qual not in _MAX_QUALS, combined, seg_bodies))
    return out


# ------------------------------------------------------------------------------------- thresholds
_FRACTION_RE = re.compile(
    r"(?<![a-z0-9/])(?:(?P<q>it nhat|toi thieu|khong duoi|khong it hon|tu|tren|qua|hon|bang) )?"
    r"(?:(?P<a>\d+) ?/ ?(?P<b>\d+)(?![\d/])"
    r"|(?P<pct>\d+(?:[.,]\d+)?) ?%"
    r"|(?P<wa>mot|hai|ba|bon) phan (?P<wb>hai|ba|tu|nam)"
    r"|(?P<half>qua (?:mot )?nua|mot nua|da so|hon mot nua|hon nua))(?![a-z0-9])"
)
_WORD_NUM = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5}
_VOTE_WORDS = re.compile(r"(?<![a-z])(?:tan thanh|bieu quyet|dong y|nhat tri|bo phieu|thong qua)(?![a-z])")
_QUORUM_WORDS = re.compile(r"(?<![a-z])(?:co mat|tham du|du hop|du hoi nghi|hop le|tien hanh|hien dien)(?![a-z])")
_PRESENT_WORDS = re.compile(r"(?<![a-z])(?:co mat|du hop|tham du|du hoi nghi|hien dien|dai bieu)(?![a-z])")
_QUORUM_START = re.compile(r"(?<![a-z])(?:hop le|tien hanh)(?![a-z])")


def find_thresholds(text: str, p: Paragraph | None = None) -> list[Threshold]:
    """Quorums and voting thresholds stated in ``text``."""
    key = _fold_of(p, text)
    out: list[Threshold] = []
    for s0, s1 in _segments(key):
        seg = key[s0:s1]
        # every match holds one of these (see _THRESHOLD_HINT): a sentence with none of them is not scanned
        if not ("/" in seg or "%" in seg or "nua" in seg or "da so" in seg or "phan " in seg):
            continue
        matches = list(_FRACTION_RE.finditer(key, s0, s1))
        if not matches:
            continue
        seg_bodies = _key_bodies(key[s0:s1])
        for i, m in enumerate(matches):
            value, strict = _fraction(m)
            if value is None or not (0 < value <= 1):
                continue
            if _PRINCIPLE_BEFORE.search(key, max(s0, m.start() - 24), m.start()) or (
                key.endswith("theo ", s0, m.start()) and _PRINCIPLE_AFTER.match(key, m.end(), s1)
            ):
                continue  # "thiểu số phục tùng đa số", "quyết định theo đa số.": the principle, not a threshold
            after = key[m.end():matches[i + 1].start() if i + 1 < len(matches) else s1]
            before = key[matches[i - 1].end() if i else s0:m.start()]
            vote_after = _VOTE_WORDS.search(after)
            if vote_after or (_VOTE_WORDS.search(before) and not _QUORUM_START.search(before)):
                kind = "vote"
                scope = after[:vote_after.start()] if vote_after else after
            elif _QUORUM_WORDS.search(after) or _QUORUM_START.search(before):
                kind = "quorum"
                scope = after
            else:
                continue
            if "tong so" in scope:
                base: str | None = "total"
            elif kind == "vote" and _PRESENT_WORDS.search(scope):
                base = "present"
            elif "trieu tap" in scope:
                base = "summoned"
            elif kind == "quorum" and _PRESENT_WORDS.search(scope):
                base = "present"
            else:
                base = None
            out.append(Threshold(p, text[s0:s1].strip(), kind, value, strict, text[m.start():m.end()], base,
                                 seg_bodies))
    return out


def _fraction(m: re.Match[str]) -> tuple[float | None, bool]:
    q = m.group("q") or ""
    strict = q in ("tren", "qua", "hon")
    if m.group("a"):
        a, b = int(m.group("a")), int(m.group("b"))
        return (a / b if b else None), strict
    if m.group("pct"):
        return float(m.group("pct").replace(",", ".")) / 100, strict
    if m.group("wa"):
        return _WORD_NUM[m.group("wa")] / _WORD_NUM[m.group("wb")], strict
    half = m.group("half")
    return 0.5, half != "mot nua"


# ====================================================================================== documents
def is_meeting_title(title: str) -> bool:
    key = fold(title)
    return any(k in key for k in MEETING_TITLE_KEYS)


def meeting_articles(zones: Zones) -> list[Node]:
    """Articles whose title names a meeting ("Chế độ họp", "Chế độ sinh hoạt", "Hội nghị …")."""
    return [a for a in zones.articles if _may_be_meeting_title(a.para.key) and is_meeting_title(a.full_title)]


def _may_be_meeting_title(heading_key: str) -> bool:
    """Cheap necessary condition for :func:`is_meeting_title` of an article's title, on the folded key of its
    heading paragraph ("Điều 4. Chế độ họp"): the title is the end of the heading, and no title key can begin
    in the folded "dieu 4." before it."""
    return any(k in heading_key for k in MEETING_TITLE_KEYS)


def _node_paragraphs(node: Node) -> list[Paragraph]:
    out: list[Paragraph] = []
    for n in node.walk():
        out.append(n.para)
        out.extend(n.content)
    return out


def lead_bodies(text: str) -> tuple[str, ...]:
    """Bodies a khoản's lead sentence is about ("2. Ban Thường vụ:" → ("btv",)); its điểm inherit them."""
    return _lead_bodies(text, fold_keep(text))


def _lead_bodies(text: str, key: str) -> tuple[str, ...]:
    """:func:`lead_bodies` with ``key`` = ``fold_keep(text)``."""
    low = lower_keep(text)
    for s0, s1 in _segments(key):
        mentions = [Mention(m.key, m.start + s0, m.end + s0) for m in _key_mentions(key[s0:s1])]
        if [m for m in mentions if m.key not in NOT_BODIES]:
            return _subject_group(mentions, low)
    return ()


class _Context:
    """The bodies a node's paragraphs inherit (its khoản lead sentence, else its article title, else the
    enclosing node's), worked out only when a paragraph under the node is read as a meeting statement."""

    __slots__ = ("node", "parent", "value")

    def __init__(self, parent: _Context | None, node: Node) -> None:
        self.parent = parent
        self.node = node
        self.value: tuple[str, ...] | None = None

    def bodies(self) -> tuple[str, ...]:
        if self.value is None:
            node = self.node
            own = (bodies_in(node.full_title) if node.kind == "dieu"
                   else _lead_bodies(node.para.plain, paragraph_fold(node.para)))
            self.value = own or (self.parent.bodies() if self.parent is not None else ())
        return self.value


class _Scan:
    """One document's walk of the body tree. The paragraphs with a meeting verb are found up front; outside the
    meeting articles a subtree holding none of them (nor a meeting article) is not entered."""

    __slots__ = ("marks", "mc", "meeting", "seen", "start_of", "verbs")

    def __init__(self, mc: MeetingClauses, verbs: set[int], meeting: set[int],
                 start_of: dict[int, int] | None, marks: list[int]) -> None:
        self.mc = mc
        self.verbs = verbs  # ids of the paragraphs with a meeting verb ("họp", "sinh hoạt" …)
        self.meeting = meeting  # ids of the meeting articles
        self.seen: set[int] = set()  # ids of the paragraphs with a verb the tree walk has passed
        # Body index of each node's heading (None: not known, walk everything) and the sorted body indices of
        # the verb paragraphs and meeting-article headings: a node's subtree is the body from its heading to
        # the next heading of its rank or above.
        self.start_of = start_of
        self.marks = marks

    def walk_all(self, roots: list[Node], end: int) -> None:
        self._children(roots, end, None, False)

    def _children(self, nodes: list[Node], end: int, context: _Context | None, in_article: bool) -> None:
        start_of = self.start_of
        if start_of is None or in_article:
            for child in nodes:
                self.walk(child, end, context, in_article)
            return
        marks = self.marks
        last = len(nodes) - 1
        for i, child in enumerate(nodes):
            lo = start_of[id(child)]
            hi = start_of[id(nodes[i + 1])] if i < last else end
            j = bisect_left(marks, lo)
            if j < len(marks) and marks[j] < hi:
                self.walk(child, hi, context, in_article)

    def walk(self, node: Node, end: int, context: _Context | None, in_article: bool) -> None:
        verbs = self.verbs
        if id(node.para) in verbs:
            self.seen.add(id(node.para))
        kind = node.kind
        if kind == "dieu":
            in_article = in_article or id(node) in self.meeting
            context = _Context(context, node)
            paras = node.content
        elif kind == "khoan" or kind == "diem":
            context = _Context(context, node)
            paras = [node.para, *node.content]
        else:  # phần, chương, mục: their loose paragraphs
            paras = node.content
        for p in paras:
            if in_article or id(p) in verbs:  # elsewhere only "X họp …" sentences count
                self.seen.add(id(p))
                self.mc.statements += _statements(p, p.plain, context.bodies if context is not None else _no_bodies,
                                                  in_article)
        if node.children:
            self._children(node.children, end, context, in_article)


def _no_bodies() -> tuple[str, ...]:
    return ()


def _has_verb(low: str) -> bool:
    """:data:`_VERB_RE` in ``low`` (a lower-cased text), its words looked for first."""
    return ("họp" in low or "sinh hoạt" in low or "giao ban" in low or "hội nghị" in low) and bool(_VERB_RE.search(low))


# What the folded key of a paragraph holds when its text holds a meeting verb (_VERB_RE: "họp" folds to "hop"),
# and when it may hold a threshold (_THRESHOLD_HINT: a "/" or "%", "nua", "da so", or _PHAN_WORD).
_VERB_KEYS = ("hop", "sinh hoat", "giao ban", "hoi nghi")
_THRESHOLD_KEYS = ("/", "%", "nua", "da so")


def _heading_starts(body: list[Paragraph], nodes: list[Node]) -> list[int]:
    """Body index of each node's heading paragraph, the nodes matched in order (each after the previous);
    shorter than ``nodes`` when one is not found."""
    starts: list[int] = []
    if not nodes:
        return starts
    node_count = len(nodes)
    heading = nodes[0].para
    for i, p in enumerate(body):
        if p is heading:
            starts.append(i)
            if len(starts) == node_count:
                break
            heading = nodes[len(starts)].para
    return starts


def parse_meetings(zones: Zones) -> MeetingClauses:
    """The meeting clauses of a document and everything :mod:`quyche.meetings` reads from them."""
    mc = MeetingClauses()
    mc.articles = meeting_articles(zones)
    for a in mc.articles:
        mc.paragraphs.extend(_node_paragraphs(a))
    body = zones.body
    nodes = zones.all_nodes
    node_count = len(nodes)
    starts = _heading_starts(body, nodes)
    # Cheap tests on the folded keys first (necessary conditions, one search of the joined keys for each word),
    # the exact ones on the survivors: a meeting verb (_VERB_RE on the lower-cased text), a threshold hint
    # (_THRESHOLD_HINT on fold_keep).
    joined = joined_keys(body)
    maybe_verb = holding(joined, _VERB_KEYS)
    maybe_threshold = [body[i] for i in holding(joined, _THRESHOLD_KEYS, (_PHAN_WORD,))]
    verb_at = [i for i in maybe_verb if _has_verb(lower_keep(body[i].plain))]
    verbs = {id(body[i]) for i in verb_at}
    meeting = {id(a) for a in mc.articles}
    start_of: dict[int, int] | None = None
    marks = verb_at
    if len(starts) == node_count:  # every heading found in body order (else walk the whole tree)
        start_of = {id(n): i for n, i in zip(nodes, starts, strict=True)}
        if meeting:
            marks = sorted(verb_at + [start_of[a] for a in meeting])
    scan = _Scan(mc, verbs, meeting, start_of, marks)
    scan.walk_all(zones.tree, len(body))
    if verbs:
        for p in body:
            if id(p) in verbs and id(p) not in scan.seen:
                mc.statements += statements_in(p, p.plain, (), in_article=False)
    meeting_ids = {id(p) for p in mc.paragraphs}
    if meeting_ids or verbs:
        for p in body:
            if id(p) in meeting_ids or id(p) in verbs:
                mc.durations += find_durations(p.plain, p)
    for p in maybe_threshold:
        if _THRESHOLD_HINT.search(paragraph_fold(p)):
            mc.thresholds += find_thresholds(p.plain, p)
    return mc


_PRINCIPLE_BEFORE = re.compile(r"phuc tung $")
_PRINCIPLE_AFTER = re.compile(r"\s*(?:[,.;:)]|$)")

# Cheap test before the full threshold parse: a fraction, a percentage or a "nửa / đa số / phần" word.
_THRESHOLD_HINT = re.compile(r"\d ?/ ?\d|%|nua|da so|phan (?:hai|ba|tu|nam)")
_PHAN_WORD = re.compile(r"phan (?:hai|ba|tu|nam)")


def meeting_clauses(zones: Zones) -> MeetingClauses:
    """:func:`parse_meetings`, kept with the document's zones (the rules of one check share one parse)."""
    hit = zones.memo.get("meetings")
    if isinstance(hit, MeetingClauses):
        return hit
    mc = parse_meetings(zones)
    zones.memo["meetings"] = mc
    return mc


def fmt_months(months: float) -> str:
    """Vietnamese wording of an interval: 1 → "1 tháng", 0.25 → "1 tuần", 0.5 → "2 tuần", 12 → "1 năm"."""
    if months < 1:
        weeks = round(months * 4, 2)
        return f"{weeks:g} tuần".replace(".", ",")
    if months >= 12 and months % 12 == 0:
        return f"{months / 12:g} năm"
    return f"{months:g} tháng".replace(".", ",")


def describe_bodies(bodies: Iterable[str]) -> str:
    return ", ".join(BODY_NAMES.get(b, b) for b in bodies)
