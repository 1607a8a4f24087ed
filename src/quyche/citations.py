"""Citations of higher-level documents in running text (rules.md §4; references.md §1).

Recognised spellings: "Quy định số 24-QĐ/TW ngày 30/7/2021", "Quy định 294", "Quy định số 294",
"số 24 - QĐ/TW", "24-QĐ/TW", "24–QĐ/TW" (any dash), "QĐ 294", "HD 06", "Hướng dẫn số 06-HD/TW",
"Chỉ thị 50", with or without "số", with non-breaking spaces; dates "ngày 30/7/2021", "30-7-2021",
"ngày 30 tháng 7 năm 2021", or "năm 2021"; state numbers ("30/2020/NĐ-CP", "Số: 12/QĐ-UBND") flagged
``state``; and the phrase "Điều lệ Đảng".

Spans are offsets into ``nfc(text)`` (the text itself when it is already NFC, as readers give it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from quyche.references import Reference, ReferenceCatalogue, symbol_key
from quyche.text import fold, nfc

# One-for-one character map, so offsets in the matching copy equal offsets in the text.
_SAME_LENGTH = str.maketrans(
    {
        **{c: " " for c in "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000"},
        **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"},
    }
)

# Type words: canonical spelling → Party type code (None: state documents).
FULL_TYPES: dict[str, str | None] = {
    "Quy định": "QĐ",
    "Qui định": "QĐ",
    "Quyết định": "QĐ",
    "Hướng dẫn": "HD",
    "Chỉ thị": "CT",
    "Kết luận": "KL",
    "Nghị quyết": "NQ",
    "Công văn": "CV",
    "Quy chế": "QC",
    "Kế hoạch": "KH",
    "Thông báo": "TB",
    "Thông tri": "TT",
    "Nghị định": None,
    "Thông tư": None,
    "Luật": None,
}
# Type words that may precede a bare number ("Quy định 294"): the document types the brief lists.
_BARE_OK = {"QĐ", "HD", "CT", "KL", "NQ", "CV"}
ABBREVIATIONS = ("QĐi", "QĐ", "HD", "CT", "KL", "NQ", "CV")
PARTY_CODES = (
    "QĐi",
    "QĐ",
    "HD",
    "CTr",
    "CT",
    "KL",
    "NQ",
    "CV",
    "QC",
    "KH",
    "TB",
    "TTr",
    "TT",
    "BC",
    "ĐA",
    "TC",
    "BS",
)

_SP = r"[ \t]"


def _words(w: str) -> str:
    return rf"{_SP}+".join(re.escape(x) for x in w.split())


_FULL = "|".join(_words(w) for w in sorted(FULL_TYPES, key=len, reverse=True))
_TYPE = rf"(?P<type>(?i:{_FULL})|{'|'.join(ABBREVIATIONS)})"
_UNIT_AFTER = (
    rf"(?!{_SP}+(?i:năm(?!{_SP}+\d{{4}})|tháng(?!{_SP}+\d)|ngày(?!{_SP}+\d)|lần|người|đồng{_SP}+chí|"
    rf"đảng{_SP}+viên|phút|giờ|tiếng|trang|%))"
)


def _so(p: str) -> str:
    return rf"(?P<{p}so>(?i:số){_SP}*:?{_SP}*)"


def _party(p: str) -> str:
    """Party number-symbol: "24-QĐ/TW", "24 - QĐ/TW", "5053-CV/VPTW/nb" (dashes made ASCII)."""
    return (
        rf"(?<![\d/-])(?P<{p}num>\d{{1,5}}){_SP}*-{_SP}*(?P<{p}code>{'|'.join(PARTY_CODES)}){_SP}*/{_SP}*"
        rf"(?P<{p}org>[A-ZĐ]+)(?:/(?P<{p}suffix>[a-z]{{1,4}}))?(?![\w])"
    )


def _state(p: str) -> str:
    """State number: "30/2020/NĐ-CP", "12/QĐ-UBND", "45/2013/QH13"."""
    return (
        rf"(?<![\d/-])(?P<{p}snum>\d{{1,5}})/(?:(?P<{p}syear>(?:19|20)\d{{2}})/)?"
        rf"(?P<{p}scode>[A-ZĐ][A-Za-zĐđ]*\d*)"
        rf"(?:-(?P<{p}sorg>[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*))?"
        r"(?![\w/])"
    )


_BARE = rf"(?P<t_bnum>\d{{1,5}})(?![\d/.,]?\d)(?![/\w%]){_UNIT_AFTER}"
_DIEU_LE = rf"(?P<dieule>(?i:điều{_SP}+lệ{_SP}+đảng)(?:{_SP}+(?i:cộng{_SP}+sản{_SP}+việt{_SP}+nam))?)(?![\w])"

# Every alternative opens at a word start with "đ" (điều lệ), a type word's first letter, "s" (số) or a digit: the
# shared look-behind and that look-ahead, tested once, turn most positions away before the alternatives are tried.
_MASTER = re.compile(
    rf"(?<![\w])(?=(?i:[đqhcknlts])|\d)(?:{_DIEU_LE}"
    rf"|{_TYPE}(?![\w]){_SP}+{_so('t_')}?(?:{_party('t_')}|{_state('t_')}|{_BARE})"
    rf"|{_so('p_')}?{_party('p_')}"
    rf"|{_so('s_')}?{_state('s_')})"
)


# Group name of _MASTER → its name without the alternative prefix ("t_num" → "num").
_SHORT = {k: k.split("_", 1)[1] if "_" in k else k for k in _MASTER.groupindex}


# Short name of each group of _MASTER in group order (m.groups() order); one alternative matches, so no two
# groups of one short name are set in a match.
_SHORT_NAMES = tuple(_SHORT[k] for k, _ in sorted(_MASTER.groupindex.items(), key=lambda kv: kv[1]))
# Group numbers of each short name, in the order _gstart tries the prefixes ("t_", "p_", "s_").
_NUMBERS_OF = {
    short: tuple(_MASTER.groupindex[p + short] for p in ("t_", "p_", "s_") if p + short in _MASTER.groupindex)
    for short in set(_SHORT.values())
}


def _groups(m: re.Match[str]) -> dict[str, str]:
    """Matched groups without their alternative prefix ("t_num" → "num")."""
    return {k: v for k, v in zip(_SHORT_NAMES, m.groups(), strict=True) if v is not None}


def _gstart(m: re.Match[str], name: str) -> int:
    for n in _NUMBERS_OF[name]:
        if m.group(n) is not None:
            return m.start(n)
    return m.start()


_DATE_NUMERIC = re.compile(
    rf"{_SP}*,?{_SP}*(?:(?i:ban{_SP}+hành){_SP}+)?(?P<dt>(?:(?i:ngày){_SP}*)?"
    rf"(?P<d>\d{{1,2}}){_SP}*(?P<sep>[/.-]){_SP}*(?P<m>\d{{1,2}}){_SP}*(?P=sep){_SP}*(?P<y>\d{{4}}))(?!\d)"
)
_DATE_WORDS = re.compile(
    rf"{_SP}*,?{_SP}*(?:(?i:ban{_SP}+hành){_SP}+)?(?P<dt>(?i:ngày){_SP}+(?P<d>\d{{1,2}}){_SP}+(?i:tháng){_SP}+"
    rf"(?P<m>\d{{1,2}}){_SP}+(?i:năm){_SP}+(?P<y>\d{{4}}))(?!\d)"
)
_YEAR = re.compile(rf"{_SP}*,?{_SP}*(?P<dt>(?i:năm){_SP}+(?P<y>(?:19|20)\d{{2}}))(?!\d)")
_STOP = re.compile(r"[;\n\r]")
_SIBLING_GAP = re.compile(r"^[\s,]*(?:(?:va|hoac|cung|cung voi)\s*)?$")


@dataclass(frozen=True, slots=True)
class Citation:
    """One cited document. ``number_symbol`` is normalised (ASCII dash, no spaces): "24-QĐ/TW"."""

    raw: str
    span: tuple[int, int]  # the whole citation, type word through the date when present
    number_symbol: str  # "24-QĐ/TW", "30/2020/NĐ-CP", "Điều lệ Đảng"; "294-QĐ/TW" when inferred
    number: str | None = None  # as printed ("06")
    symbol: str | None = None  # "QĐ/TW", "HD/BTCTW", "CV/VPTW/nb"; state: "NĐ-CP"
    type_word: str | None = None  # "Quy định", "Hướng dẫn", "HD", "QĐ"…
    date: date | None = None
    date_text: str | None = None  # as printed, also when the date is impossible (date stays None)
    year: int | None = None  # the year of ``date``, or of "năm 2021" after the symbol
    inferred_symbol: bool = False  # "Quy định 294" → "294-QĐ/TW", issuer /TW assumed
    state: bool = False
    is_dieu_le: bool = False
    symbol_span: tuple[int, int] | None = None
    title_span: tuple[int, int] | None = None  # after the citation up to ";" (or the line end)
    in_title: bool = False  # inside the title of an earlier citation on the same line

    @property
    def type_code(self) -> str | None:
        """Party type code of the number-symbol ("QĐ", "HD"…), None for state documents and the Điều lệ."""
        if self.state or self.symbol is None:
            return None
        return self.symbol.split("/")[0]

    @property
    def key(self) -> str:
        """Matching key (:func:`quyche.references.symbol_key`)."""
        return symbol_key(self.number_symbol)


_CANONICAL: dict[str, str] = {}  # folded type word → its first spelling in FULL_TYPES ("qui dinh" → "Qui định")
for _w in FULL_TYPES:
    _CANONICAL.setdefault(fold(_w), _w)


def _canonical_type(word: str) -> str:
    return _CANONICAL.get(fold(word), word)


def find_citations(text: str) -> list[Citation]:
    """Every citation in ``text``, in order of appearance."""
    t = nfc(text)
    s = _SAME_CHARS.sub(_same_char, t) if _SAME_CHARS.search(t) else t
    found: list[dict[str, Any]] = []
    for m in _MASTER.finditer(s):
        c = _citation(t, s, m)
        if c is not None:
            found.append(c)
    return _titles(t, found)


# The characters _SAME_LENGTH maps: most texts hold none, and a search is far cheaper than str.translate().
_SAME_CHARS = re.compile("[" + re.escape("".join(chr(k) for k in _SAME_LENGTH)) + "]")


def _same_char(m: re.Match[str]) -> str:
    return m.group(0).translate(_SAME_LENGTH)


# A citation is built once, from a dict of its fields: Citation is a frozen dataclass, slow to copy.
def _citation(t: str, s: str, m: re.Match[str]) -> dict[str, Any] | None:
    g = _groups(m)
    start, end = m.start(), m.end()
    if "dieule" in g:
        return {
            "raw": t[start:end],
            "span": (start, end),
            "number_symbol": "Điều lệ Đảng",
            "type_word": "Điều lệ",
            "is_dieu_le": True,
            "symbol_span": (start, end),
        }
    type_word = g.get("type")
    canonical = _canonical_type(type_word) if type_word else None
    year: int | None = None
    if "num" in g:
        number = g["num"]
        symbol = f"{g['code']}/{g['org']}" + (f"/{g['suffix']}" if "suffix" in g else "")
        ns, inferred, state = f"{number}-{symbol}", False, False
        sym_start = _gstart(m, "num")
    elif "snum" in g:
        number = g["snum"]
        if "syear" not in g and "sorg" not in g:
            return None  # "3/Q" is not a state number
        symbol = g["scode"] + (f"-{g['sorg']}" if "sorg" in g else "")
        ns = "/".join(x for x in (number, g.get("syear"), symbol) if x)
        inferred, state = False, True
        year = int(g["syear"]) if "syear" in g else None
        sym_start = _gstart(m, "snum")
    else:
        number = g["bnum"]
        sym_start = _gstart(m, "bnum")
        if type_word is None or (type_word[0].islower() and "so" not in g):
            return None  # "quy định 5 năm": the verb, not a document
        code = FULL_TYPES.get(canonical or "", type_word if type_word in ABBREVIATIONS else None)
        if code is None:  # "Nghị định 30": a state document without its symbol
            return _with_date(t, s, {
                "raw": "",
                "span": (start, end),
                "number_symbol": number,
                "number": number,
                "type_word": canonical,
                "state": True,
                "symbol_span": (sym_start, end),
            })
        code = "QĐ" if code == "QĐi" else code
        if code not in _BARE_OK:
            return None
        symbol = f"{code}/TW"
        ns, inferred, state = f"{number}-{symbol}", True, False
    return _with_date(t, s, {
        "raw": "",
        "span": (start, end),
        "number_symbol": ns,
        "number": number,
        "symbol": symbol,
        "type_word": canonical,
        "year": year,
        "inferred_symbol": inferred,
        "state": state,
        "symbol_span": (sym_start, end),
    })


def _with_date(t: str, s: str, c: dict[str, Any]) -> dict[str, Any]:
    start, end = c["span"]
    for rx in (_DATE_WORDS, _DATE_NUMERIC):
        dm = rx.match(s, end)
        if dm:
            d, mo, y = int(dm.group("d")), int(dm.group("m")), int(dm.group("y"))
            try:
                when: date | None = date(y, mo, d)
            except ValueError:
                when = None  # an impossible date stays visible in date_text
            c["span"] = (start, dm.end())
            c["raw"] = t[start : dm.end()]
            c["date"] = when
            c["date_text"] = t[dm.start("dt") : dm.end()]
            c["year"] = c.get("year") if c.get("state") and c.get("year") else y
            return c
    ym = _YEAR.match(s, end)
    if ym and not c.get("state"):
        c["span"] = (start, ym.end())
        c["raw"] = t[start : ym.end()]
        c["year"] = int(ym.group("y"))
        c["date_text"] = t[ym.start("dt") : ym.end()]
        return c
    c["raw"] = t[start:end]
    return c


def _titles(t: str, cites: list[dict[str, Any]]) -> list[Citation]:
    """Attach ``title_span`` (text after each citation up to ";" or the line end) and ``in_title``."""
    for i, c in enumerate(cites):
        end = c["span"][1]
        stop = len(t)
        sm = _STOP.search(t, end)
        if sm:
            stop = sm.start()
        nxt = cites[i + 1] if i + 1 < len(cites) else None
        if nxt is not None and nxt["span"][0] < stop and _SIBLING_GAP.match(fold(t[end : nxt["span"][0]])):
            stop = end  # "24-QĐ/TW và 232-QĐ/TW …": a sibling citation, not a title
        a, b = end, stop
        while a < b and (t[a].isspace() or t[a] in ",:"):
            a += 1
        while b > a and (t[b - 1].isspace() or t[b - 1] in ".,"):
            b -= 1
        c["title_span"] = (a, b) if b > a else None
    cover: tuple[int, int] | None = None  # title span of the latest citation not itself inside a title
    for c in cites:
        span = c["span"]
        inside = cover is not None and cover[0] <= span[0] and span[1] <= cover[1]
        if inside:
            c["in_title"] = True
        else:
            cover = c["title_span"]
    return [Citation(**c) for c in cites]


# -------------------------------------------------------------------------------------------------- resolving
def resolve_all(citation: Citation, catalogue: ReferenceCatalogue, doc_date: date | None = None) -> list[Reference]:
    """Catalogue entries the citation may denote (see :meth:`ReferenceCatalogue.find`)."""
    if citation.is_dieu_le:
        return catalogue.find("Điều lệ Đảng", doc_date=doc_date)
    cands = catalogue.find(citation.number_symbol, citation.date, doc_date=doc_date, year=citation.year)
    if cands or not citation.inferred_symbol or citation.number is None or citation.type_code is None:
        return cands
    # "Hướng dẫn 36" → any issuer: 36-HD/VPTW; "Quy định 7" → also QĐi
    codes = [citation.type_code] + (["QĐi"] if citation.type_code == "QĐ" else [])
    pool = [r for code in codes for r in catalogue.find_number(code, citation.number)]
    return catalogue.select(pool, citation.date, doc_date=doc_date, year=citation.year)


def resolve(citation: Citation, catalogue: ReferenceCatalogue, doc_date: date | None = None) -> Reference | None:
    """The catalogue entry a citation denotes, or None (REF-UNKNOWN-CITATION).

    Several candidates (same number-symbol in different Central Committee terms, no date to tell
    them apart): the latest dated on or before ``doc_date``, else the latest."""
    cands = resolve_all(citation, catalogue, doc_date)
    if not cands:
        return None
    if doc_date is not None:
        before = [r for r in cands if r.date <= doc_date]
        if before:
            return max(before, key=lambda r: (r.date, r.key))
    return max(cands, key=lambda r: (r.date, r.key))


def outside_titles(text: str) -> list[tuple[int, int]]:
    """Spans of ``nfc(text)`` that are not inside the title of a cited document (REF-DISTRICT-LEVEL)."""
    t = nfc(text)
    spans = sorted(c.title_span for c in find_citations(t) if c.title_span is not None)
    out: list[tuple[int, int]] = []
    pos = 0
    for a, b in spans:
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < len(t):
        out.append((pos, len(t)))
    return out
