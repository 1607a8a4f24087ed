"""Helpers the ORG rules share: counts written in the text, organisation names and kinds.

Not a rule module: it registers nothing.

- :func:`stated_counts` finds counts such as "Chi bộ có 02 Phó Bí thư", "Chi ủy gồm chín đồng chí",
  "hai mươi mốt đồng chí" (numerals, zero-padded or not, and Vietnamese number words 0–99).
- :func:`name_key` / :func:`split_kind` compare organisation names: folded (case, diacritics, "UỶ"/"ỦY",
  "hoà"/"hòa"), abbreviations spelt out, and "Đảng bộ X" taken as the same organisation as "Đảng ủy X".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from quyche.model import Paragraph
from quyche.rules.common import org_key
from quyche.skeleton import soft
from quyche.zones import Node, Zones

# ------------------------------------------------------------------------------------------ patterns
_TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_PAIR_FIX = {
    unicodedata.normalize("NFC", a + b + t): unicodedata.normalize("NFC", a + t) + b
    for a, b in (("o", "a"), ("o", "e"), ("u", "y"))
    for t in _TONES
}
_PAIR_RE = re.compile("|".join(re.escape(k) for k in _PAIR_FIX))


def sre(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a pattern written in lower case for text in the :func:`quyche.skeleton.soft` form: its
    literals get the same tone placement ("đoàn" is matched as soft() writes it, "đòan")."""
    return re.compile(_PAIR_RE.sub(lambda m: _PAIR_FIX[m.group(0)], unicodedata.normalize("NFC", pattern)), flags)


# ------------------------------------------------------------------------------------------ numbers
_UNITS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
          "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
_U = r"(?:một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín)"
_U_AFTER = r"(?:mốt|một|hai|ba|bốn|tư|lăm|năm|sáu|bảy|bẩy|tám|chín)"
# Written in the lower-case, new-tone-placement form :func:`quyche.skeleton.soft` produces.
NUMBER = (rf"(?:\d{{1,3}}|{_U}\s+mươi(?:\s+{_U_AFTER})?|mười(?:\s+{_U_AFTER})?|không|một|hai|ba|bốn|tư|năm|"
          r"sáu|bảy|bẩy|tám|chín)")
# "02 (hai)", "hai (02)": a numeral and its spelling in brackets count once.
_GLOSS = r"(?:\s*\(\s*[^()]{1,20}\))?"
# Words before a number that make it something else: "Điều 2 …", "khoản 3", "ngày 05".
_NOT_A_COUNT = sre(r"(?:điều|khoản|điểm|chương|mục|phần|ngày|tháng|năm|số|lần|thứ|kỳ|khóa|khoá)\s*$")


def parse_number(text: str) -> int | None:
    """"02" → 2, "chín" → 9, "mười một" → 11, "hai mươi mốt" → 21; None when it is no number."""
    t = soft(text).strip()
    if t.isdigit():
        return int(t)
    words = t.split()
    if not words:
        return None
    if "mươi" in words:
        i = words.index("mươi")
        if i != 1 or words[0] not in _UNITS or len(words) > 3:
            return None
        tail = _UNITS.get(words[2], -1) if len(words) == 3 else 0
        return None if tail < 0 else _UNITS[words[0]] * 10 + tail
    if words[0] == "mười":
        if len(words) == 1:
            return 10
        tail = _UNITS.get(words[1], -1) if len(words) == 2 else -1
        return None if tail < 0 else 10 + tail
    return _UNITS.get(words[0]) if len(words) == 1 else None


@dataclass(frozen=True, slots=True)
class Count:
    paragraph: Paragraph
    value: int
    text: str  # the phrase as written ("02 đồng chí Phó Bí thư")


def stated_counts(paragraphs: list[Paragraph], patterns: tuple[re.Pattern[str], ...], need: str = ""
                  ) -> Iterator[Count]:
    """Counts stated in ``paragraphs``: each pattern (compiled over the :func:`soft` form by :func:`count_re`)
    has a group ``n`` holding a :data:`NUMBER`. Numbers led by "Điều", "khoản", "ngày"… are skipped; a
    number two patterns find counts once. ``need``: words (folded, :attr:`Paragraph.key`) every pattern's
    match holds — paragraphs without them are not read."""
    for p in paragraphs:
        if need not in p.key:
            continue
        orig = p.plain
        s = soft(orig)
        seen: set[int] = set()
        for pattern in patterns:
            for m in pattern.finditer(s):
                if m.start("n") in seen or _NOT_A_COUNT.search(s[max(0, m.start("n") - 12): m.start("n")]):
                    continue
                value = parse_number(m.group("n"))
                if value is not None:
                    seen.add(m.start("n"))
                    phrase = orig[m.start(): m.end()] if len(orig) == len(s) else m.group(0)
                    yield Count(p, value, phrase.strip())


def count_re(*bodies: str) -> tuple[re.Pattern[str], ...]:
    """Each body with ``{N}`` where the number goes (lower case, new tone placement), compiled."""
    number = rf"(?<!\w)(?P<n>{NUMBER})(?!\w){_GLOSS}"
    return tuple(sre(b.replace("{N}", number)) for b in bodies)


# ------------------------------------------------------------------------------------------ names and kinds
_KIND_PREFIX = re.compile(r"^(?:ban chap hanh\s+)?(?P<prefix>chi bo|dang uy|dang bo)\b\s*(?P<rest>.*)$")
_BTV_PREFIX = re.compile(r"^ban thuong vu\s+")


def split_kind(name: str) -> tuple[str | None, str]:
    """("chi_bo" | "dang_uy" | None, the rest of the name as a key): "Ban Chấp hành Đảng bộ xã An Hòa" and
    "ĐẢNG UỶ XÃ AN HOÀ" both → ("dang_uy", "xa an hoa"); "Chi bộ Trường THPT X" → ("chi_bo",
    "truong trung hoc pho thong x")."""
    key = _BTV_PREFIX.sub("", org_key(name))
    m = _KIND_PREFIX.match(key)
    if m is None:
        return None, key
    return ("chi_bo" if m.group("prefix") == "chi bo" else "dang_uy"), m.group("rest").strip()


def name_key(name: str) -> str:
    """Comparison key of an organisation's name: "Đảng bộ X", "Ban Chấp hành Đảng bộ X", "ĐẢNG UỶ X" all
    give the key of "Đảng ủy X"."""
    kind, rest = split_kind(name)
    if kind is None:
        return rest
    return f"{'chi bo' if kind == 'chi_bo' else 'dang uy'} {rest}".strip()


def profile_kind(kind: str) -> str:
    """Profile ``kind`` → "chi_bo" or "dang_uy"."""
    return "chi_bo" if kind.startswith("chi_bo") else "dang_uy"


KIND_VI = {"chi_bo": "chi bộ", "dang_uy": "đảng ủy (ban chấp hành đảng bộ)"}
KIND_SHORT = {"chi_bo": "chi bộ", "dang_uy": "đảng ủy"}

# "làm việc của [Ban Chấp hành] Đảng bộ X khóa I, nhiệm kỳ …" → the author named in the trích yếu.
_SUMMARY_AUTHOR = re.compile(
    r"làm\s+việc\s+của\s+(?P<name>.+?)\s*(?=$|[,;:(]|\s+[-–]\s+(?:nhiệm\s+kỳ|khóa|khoá|\d)|\s+nhiệm\s+kỳ\b|\s+lần\s+thứ\b|"
    r"(?-i:\s+(?:kh(?:óa|oá)|KH(?:ÓA|OÁ))\b|\s+trong\b|\s+giai\s+đoạn\b))",
    re.IGNORECASE,
)


def summary_author(z: Zones) -> str | None:
    """The organisation the trích yếu names ("làm việc của Chi bộ Trường Mầm non Hoa Sen, nhiệm kỳ …" →
    "Chi bộ Trường Mầm non Hoa Sen"), as written; None when there is no "làm việc của …"."""
    m = _SUMMARY_AUTHOR.search(z.summary_text)
    return m.group("name").strip() if m else None


def summary_paragraph(z: Zones) -> Paragraph | None:
    for p in z.title_summary:
        if "của" in p.plain:
            return p
    return z.title_summary[0] if z.title_summary else None


def outermost(nodes: list[Node]) -> list[Node]:
    """``nodes`` without those inside another one of them: a meeting clause of an article whose heading is
    already reported is not reported again."""
    inner = {id(d) for n in nodes for d in n.walk()[1:]}
    return [n for n in nodes if id(n) not in inner]
