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
from quyche.rules.common import org_key, piece_indices
from quyche.text import fold, nfc
from quyche.zones import Zones

# Case-insensitive "Ban Chấp hành Đảng bộ", "Đảng ủy" / "Đảng uỷ", "Chi bộ", "Đảng bộ" at a word start. Written
# led by a case-sensitive class of their first letters (nothing else matches "b", "đ" or "c" case-insensitively),
# each alternative checking the letter it follows: a pattern led by a class is scanned fast.
_PREFIX = re.compile(
    r"[bBđĐcC](?<!\w[bBđĐcC])"
    r"(?i:(?<=b)an\s+chấp\s+hành\s+đảng\s+bộ|(?<=đ)ảng\s+(?:ủy|uỷ)|(?<=c)hi\s+bộ|(?<=đ)ảng\s+bộ)(?!\w)"
)
_CANCU = re.compile(r"^[-–+•]?\s*căn\s+cứ\b", re.IGNORECASE)
_TOKEN = re.compile(r"\s*([^\s,;:.()\[\]“”\"'!?]+)")  # one word and the space before it
_RUN = re.compile(r"(?:\s*[^\s,;:.()\[\]“”\"'!?]+)*")  # words matched by _TOKEN one after another
_WORD = re.compile(r"[^\s,;:.()\[\]“”\"'!?]+")  # the words inside a run
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


def _may_open(text: str, start: int) -> bool:
    """False when the first word after a prefix already tells _name_after() there is no name (most prefixes are
    generic: "các chi bộ trực thuộc", "Đảng ủy, Thường trực …")."""
    lead = _TOKEN.match(text, start)
    if lead is None:
        return False
    if not _is_cap(lead.group(1)):
        return fold(lead.group(1)) in _LEVEL_FIRST
    return fold(lead.group(1)) not in _STOP


def _name_after(text: str, start: int) -> tuple[str, int] | None:
    """The organisation name starting at ``text[start:]`` (after a prefix) and its end, or None when the
    prefix is used generically (no capitalised word opens the name)."""
    if not _may_open(text, start):
        return None
    # The tokens are the words of the run _TOKEN matches one after another from ``start`` (at most 24), read
    # only as far as the name needs them: most names end after a few words.
    words = _WORD.finditer(text, start, _RUN.match(text, start).end())  # type: ignore[union-attr]
    toks: list[tuple[str, int, int]] = []

    def has(k: int) -> bool:
        while len(toks) <= k:
            m = next(words, None) if len(toks) < 24 else None
            if m is None:
                return False
            toks.append((m.group(), *m.span()))
        return True

    if not has(0):
        return None
    i = 0
    # A leading level word in lower case ("xã", "tổ dân phố").
    if not _is_cap(toks[0][0]):
        first = fold(toks[0][0])
        if first not in _LEVEL_FIRST:
            return None
        has(2)
        level = [first, *(fold(t[0]) for t in toks[1:3])]
        i = next((len(lw) for lw in _LEVEL_WORDS if level[: len(lw)] == lw), 0)
        if not i:
            return None
        if not has(i) or not _is_cap(toks[i][0]):
            return None
    elif fold(toks[0][0]) in _STOP:
        return None
    end = toks[i][2]
    j = i
    while has(j):
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
        while has(k) and k - j < _MAX_LOWER_RUN and not _is_cap(toks[k][0]) and fold(toks[k][0]) not in _STOP:
            k += 1
        if has(k) and k - j < _MAX_LOWER_RUN and _is_cap(toks[k][0]) and not _PREFIX.match(text, toks[k][1]):
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


_ZONES = ("title.summary", "preamble", "body", "recipients")


def _candidates(z: Zones) -> list[tuple[str, Paragraph]]:
    """The pieces of _scan() that may name an organisation (a superset: the caller runs _PREFIX on each)."""
    paras = [*z.title_summary, *z.preamble, *z.body, *z.recipients]  # _scan() order, căn cứ lines still in
    keys = [p.key for p in paras]
    joined = "\x00".join(keys)
    hits = [m.start() for rx in _KEY_MARKS for m in rx.finditer(joined)]
    if not hits:
        return []
    ends = list(accumulate((len(z.title_summary), len(z.preamble), len(z.body), len(z.recipients))))
    out: list[tuple[str, Paragraph]] = []
    for i in piece_indices(joined, hits):
        zone = _ZONES[bisect_right(ends, i)]
        if zone == "preamble" and _CANCU.match(paras[i].plain):
            continue  # a căn cứ line: _scan() leaves it out
        out.append((zone, paras[i]))
    return out


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
            # _name_after() is None or the name is known: either way no finding; the cheap tests first.
            if not _may_open(text, m.end()) or _tail_known(text, m.end(), units, longest):
                continue
            found = _name_after(text, m.end())
            if found is None:
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
