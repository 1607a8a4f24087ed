"""TPL-FOREIGN-ORG-NAME — no other Party organisation's name is left in the text.

Every name "Đảng ủy …", "Chi bộ …", "Đảng bộ …", "Ban Chấp hành Đảng bộ …" in the trích yếu, the preamble,
the body and the recipients must be the organisation's own (Đảng ủy X ≡ Đảng bộ X ≡ Ban Chấp hành Đảng bộ X
≡ Chi bộ X), its superior's (and the superior's committees), a listed subordinate or a listed partner
(optional profile field ``partners``). Exempt: căn cứ lines (they cite other bodies' documents) and generic
phrases ("các chi bộ trực thuộc", "đảng ủy cấp trên", "Chi bộ họp …"): a name starts with a capitalised
word, or with a level word ("xã", "thôn", "tổ"…) followed by one. Names are compared folded, with common
abbreviations spelt out ("THPT", "UBND"). Below the commune level the profile does not name the province, so a
provincial name ("Đảng bộ tỉnh …") is taken as the superior's superior; for an organisation whose superior is the
province it must be that province. The header lines are ORG-ISSUER-NAME's and ORG-SUPERIOR-LINE's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate

from quyche.model import Document, Paragraph
from quyche.profile import Profile
from quyche.rules.base import PROFILE, Context, Hit, rule
from quyche.rules.common import org_key
from quyche.text import fold, nfc
from quyche.zones import Zones

_PREFIX = re.compile(r"(?<!\w)(?:Ban\s+Chấp\s+hành\s+Đảng\s+bộ|Đảng\s+(?:ủy|uỷ)|Chi\s+bộ|Đảng\s+bộ)(?!\w)",
                     re.IGNORECASE)
_CANCU = re.compile(r"^[-–+•]?\s*căn\s+cứ\b", re.IGNORECASE)
_TOKEN = re.compile(r"\s*([^\s,;:.()\[\]“”\"'!?]+)")
# Level words that may open a name in lower case ("xã An Hòa", "thôn Đông Sơn", "tổ Toán - Tin").
_LEVELS = ("to dan pho", "khu pho", "thi tran", "thi xa", "thanh pho", "dac khu", "co quan", "cong ty", "benh vien",
           "xa", "phuong", "tinh", "huyen", "quan", "thon", "ban", "ap", "lang", "xom", "buon", "khoi", "khu", "to",
           "truong", "cum")
# Lower-case words that end a name ("… xã An Hòa của …", "… lần thứ II", "… ban hành …").
_STOP = frozenset({
    "cua", "va", "voi", "trong", "ve", "theo", "tai", "la", "do", "duoc", "co", "da", "se", "cho", "de", "khi",
    "tu", "den", "thi", "ma", "nhung", "hoac", "hay", "cac", "lan", "khoa", "nhiem", "ky", "nam", "hanh", "dao",
    "hien", "dinh", "thuoc", "chiu", "hop", "giao", "xet", "gom", "qua", "nay", "ngay", "thang", "sau", "truoc",
    "tren", "duoi", "nhu", "neu", "vien",
})
_LEVEL_WORDS = tuple(lv.split() for lv in _LEVELS)  # in _LEVELS order: the longest level that fits wins
_LEVEL_FIRST = frozenset(lw[0] for lw in _LEVEL_WORDS)
_PROVINCE = ("tinh ", "thanh pho ")
_MAX_LOWER_RUN = 4  # "Ủy ban nhân dân xã Thanh Lâm": lower-case words inside a name before the next capital
# Cheap necessary condition for a _PREFIX match, looked for in the folded keys (Paragraph.key) of the pieces joined
# with NUL: every prefix folds to "dang uy", "dang bo" or "chi bo" ("chı bo": IGNORECASE lets "i" match "ı").
_KEY_MARKS = (re.compile(r"dang (?:uy|bo)"), re.compile(r"chi bo"), re.compile(r"chı bo"))


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _name_after(text: str, start: int) -> tuple[str, int] | None:
    """The organisation name starting at ``text[start:]`` (after a prefix) and its end, or None when the
    prefix is used generically (no capitalised word opens the name)."""
    toks: list[tuple[str, int, int]] = []
    pos = start
    while len(toks) < 24:
        m = _TOKEN.match(text, pos)
        if m is None:
            break  # the group is never empty: a match is a token
        a, pos = m.span(1)
        toks.append((text[a:pos], a, pos))
    if not toks:
        return None
    i = 0
    # A leading level word in lower case ("xã", "tổ dân phố").
    if not _is_cap(toks[0][0]):
        first = fold(toks[0][0])
        if first not in _LEVEL_FIRST:
            return None
        words = [first, *(fold(t[0]) for t in toks[1:3])]
        i = next((len(lw) for lw in _LEVEL_WORDS if words[: len(lw)] == lw), 0)
        if not i:
            return None
        if i >= len(toks) or not _is_cap(toks[i][0]):
            return None
    elif fold(toks[0][0]) in _STOP:
        return None
    end = toks[i][2]
    j = i
    n = len(toks)
    while j < n:
        word = toks[j][0]
        if j > i and _PREFIX.match(text, toks[j][1]):
            break  # the next organisation's name begins
        if _is_cap(word):
            end = toks[j][2]
            j += 1
            continue
        if word in ("-", "–"):
            j += 1
            continue
        if fold(word) in _STOP:
            break
        # Lower-case words belong to the name only when a capitalised word follows soon ("Mầm non Hoa Sen").
        k = j
        while k < n and k - j < _MAX_LOWER_RUN and not _is_cap(toks[k][0]) and fold(toks[k][0]) not in _STOP:
            k += 1
        if k < n and k - j < _MAX_LOWER_RUN and _is_cap(toks[k][0]) and not _PREFIX.match(text, toks[k][1]):
            j = k
            continue
        break
    return text[start:end].strip(), end


def _unit(name: str) -> str:
    """The unit part of an organisation name: "Đảng ủy xã An Hòa" → key of "xã An Hòa"."""
    text = nfc(name).strip()
    m = _PREFIX.match(text)
    return org_key(text[m.end():] if m else text)


def _known_units(p: Profile) -> list[tuple[str, str]]:
    """(unit key, what it is) of the names the text may use."""
    out: list[tuple[str, str]] = [(_unit(p.name), "own"), (_unit(p.superior), "superior")]
    out += [(_unit(n), "superior") for n in p.superior_committees if _PREFIX.match(n)]
    out += [(_unit(n), "subordinate") for n in p.subordinates]
    partners = p.extra.get("partners") or []
    if isinstance(partners, list):
        out += [(_unit(str(n)), "partner") for n in partners]
    return [(u, w) for u, w in out if u]


def _scan(z: Zones) -> Iterator[tuple[str, Paragraph]]:
    yield from (("title.summary", p) for p in z.title_summary)
    yield from (("preamble", p) for p in z.preamble if not _CANCU.match(p.plain))
    yield from (("body", p) for p in z.body)
    yield from (("recipients", p) for p in z.recipients)


def _candidates(z: Zones) -> list[tuple[str, Paragraph]]:
    """The pieces of _scan() that may name an organisation (a superset: the caller runs _PREFIX on each)."""
    scan = list(_scan(z))
    keys = [p.key for _, p in scan]
    joined = "\x00".join(keys)
    hits = [m.start() for rx in _KEY_MARKS for m in rx.finditer(joined)]
    if not hits:
        return []
    starts = list(accumulate((len(k) + 1 for k in keys), initial=0))
    return [scan[i] for i in sorted({bisect_right(starts, at) - 1 for at in hits})]


def _tail_known(text: str, start: int, units: list[str], longest: int) -> bool:
    """The name at ``text[start:]`` is one of ``units``: its key equals a unit or starts with one and a space.

    Only the head of the text is keyed when that settles it: the key of a cut text, without its last (perhaps
    cut) word, is a word-prefix of the whole text's key."""
    cut = start + longest + 32
    if cut < len(text):
        head = org_key(text[start:cut]).rpartition(" ")[0]
        if len(head) > longest:
            return any(head.startswith(u + " ") for u in units)
    tail = org_key(text[start:])
    return any(tail == u or tail.startswith(u + " ") for u in units)


@rule("TPL-FOREIGN-ORG-NAME", needs=[PROFILE])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    prof = ctx.profile
    if not isinstance(prof, Profile):
        return
    scan = _candidates(doc.zones)
    if not scan:
        return
    units = [u for u, _ in _known_units(prof)]
    longest = max((len(u) for u in units), default=0)
    below_province = not fold(prof.superior).startswith(tuple(f"dang bo {p}" for p in _PROVINCE))
    for zone, p in scan:
        text = nfc(p.plain)
        seen: set[str] = set()
        for m in _PREFIX.finditer(text):
            found = _name_after(text, m.end())
            if found is None:
                continue
            if _tail_known(text, m.end(), units, longest):
                continue
            if below_province and fold(found[0]).startswith(_PROVINCE):
                continue  # the province above the commune: not in the profile, and no sibling's name
            name = f"{m.group(0)} {found[0]}"
            k = org_key(name)
            if k in seen:
                continue
            seen.add(k)
            yield Hit(
                f"Còn tên tổ chức khác “{name}”: không phải tên của tổ chức (“{prof.name}”), của cấp trên "
                f"(“{prof.superior}”) hay của tổ chức trực thuộc đã khai báo — có thể sót lại khi sao chép văn "
                "bản khác",
                paragraph=p, zone=zone, expected=prof.name, actual=name,
                fix=f"Thay “{name}” bằng tên của tổ chức (“{prof.name}”) nếu đó là chỗ sao chép; nếu là tổ chức "
                "trực thuộc hoặc đối tác thật, khai báo trong hồ sơ (subordinates / partners)",
            )
