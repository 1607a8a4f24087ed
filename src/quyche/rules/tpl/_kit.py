"""Helpers the TPL rules share: the document's text pieces by zone, and template placeholders.

Not a rule module: it registers nothing. TPL-PLACEHOLDER reports the placeholders; TPL-DRAFT-MARK uses
the same finder to tell that a document left unfinished is not marked "Dự thảo".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quyche.keyscan import holding, joined_keys_of
from quyche.model import Paragraph
from quyche.text import fold
from quyche.zones import Zones

# Runs of three or more dots (". . ." too) or an ellipsis; "xxx"; a bracketed slot "[tên]", "<tên đơn vị>".
_DOTS = r"[.…](?:\s?[.…])+|…"
_SLOT = re.compile(rf"(?P<dots>{_DOTS})|(?<!\w)[xX]{{3,}}(?!\w)|\[[^\]\n]*\]|<[^\s<>][^<>\n]*(?<!\s)>")
_DOTS_ONLY = re.compile(r"^[\s.…_·]+$")
# "v.v…", "v.v..." (và vân vân) ends an enumeration; it is no slot.
_VV = re.compile(r"\bv\.\s?v[.…\s]*", re.IGNORECASE)
# A footnote or reference mark "[1]" is no slot either.
_FOOTNOTE = re.compile(r"^\[\s*\d{1,3}\s*\]$")
# A date line whose day or month is blank: "ngày    tháng    năm 2025" (dots are caught by _SLOT).
_BLANK_DATE = re.compile(r"ngày[\s._…]*tháng[\s._…]*năm\b", re.IGNORECASE)
_NEU_CO = re.compile(r"\(\s*nếu\s+có\s*\)", re.IGNORECASE)
# Cheap necessary conditions for find_placeholder() to find anything, looked for once in the joined pieces (NUL
# between pieces: no pattern matches across it): every slot holds "…", "[", "<", two dots or "xxx" (any case);
# the other placeholders are a "(nếu có)" note or a blank date on the date line. Literal-led patterns only: a
# search led by a character class or IGNORECASE is ten times slower.
_MARK_CHARS = ("…", "[", "<")
_MARK_RES = (
    re.compile(r"\.\s?[.…]"),
    re.compile(r"\((?i:\s*nếu\s+có\s*\))"),
    re.compile(r"x(?=[xX]{2})"),
    re.compile(r"X(?=[xX]{2})"),
)
# Words a blank usually follows ("khóa …", "nhiệm kỳ...", "đồng chí …", "xã …"): dots after them are a slot even
# when they end a list.
_SLOT_WORDS = frozenset({
    "khoa", "ky", "so", "ngay", "thang", "nam", "xa", "phuong", "bo", "uy", "tinh", "huyen", "thon", "to", "chi",
    "ong", "ba", "ten", "truong", "cua", "tai", "la", "lan", "thu", "gom", "dong", "vien", "hieu", "quyet", "dinh",
})
_PREV_WORD = re.compile(r"(\w+)\W*$")


def _ends_a_list(text: str, start: int, end: int) -> bool:
    """An ellipsis closing an enumeration ("kinh tế, văn hóa, xã hội…"): attached to the last item, a comma
    earlier in the same sentence, and nothing but punctuation or the sentence going on after it."""
    if start == 0 or not text[start - 1].isalnum():
        return False
    word = _PREV_WORD.search(text[:start])
    if word is None or fold(word.group(1)) in _SLOT_WORDS:
        return False
    clause = re.split(r"[.;:]\s", text[max(0, start - 80): start])[-1]
    if "," not in clause:
        return False
    after = text[end: end + 1]
    return not after or after in " .;,:)"


@dataclass(frozen=True, slots=True)
class Placeholder:
    paragraph: Paragraph
    zone: str  # zone name for Hit.zone ("header", "title.summary", "body", …)
    text: str  # the placeholder as written
    context: str  # a few words around it
    kind: str  # "slot" (a blank to fill) or "neu_co" (the model's "(nếu có)" note)


def same_piece(a: Paragraph | None, b: Paragraph | None) -> bool:
    """The same source paragraph, or the same tab piece of it (zones hand out split or merged copies)."""
    if a is None or b is None:
        return False
    return a is b or (a.loc == b.loc and a.plain == b.plain)


def pieces(z: Zones) -> list[tuple[str, Paragraph]]:
    """Every text piece the zones found, with its zone name, in document order (listed once per document:
    TPL-PLACEHOLDER and TPL-MODEL-LABEL-LEFT both read it; do not mutate the list)."""
    found = z.memo.get("tpl.pieces")
    if found is None:
        found = z.memo["tpl.pieces"] = _pieces(z)
    return found  # type: ignore[return-value]


def _pieces(z: Zones) -> list[tuple[str, Paragraph]]:
    out: list[tuple[str, Paragraph]] = [("marks", p) for p in z.marks]
    out += [("header", p) for p in z.header]
    if z.title_type is not None:
        out.append(("title.type", z.title_type))
    out += [("title.summary", p) for p in z.title_summary]
    if z.attached_ref is not None:
        out.append(("title", z.attached_ref))
    out += [("preamble", p) for p in z.preamble]
    out += [("body", p) for p in z.body]
    out += [("signature", p) for p in z.signature]
    out += [("recipients", p) for p in z.recipients]
    return out


def _context(text: str, start: int, end: int, width: int = 30) -> str:
    """``text[start:end]`` with about ``width`` characters either side, cut at word boundaries."""
    a, b = max(0, start - width), min(len(text), end + width)
    if a > 0:
        space = text.find(" ", a, start)
        a = space + 1 if space >= 0 else a
    if b < len(text):
        space = text.rfind(" ", end, b)
        b = space if space >= 0 else b
    return ("…" if a > 0 else "") + text[a:b].strip() + ("…" if b < len(text) else "")


def _blank_out(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def find_placeholder(zone: str, p: Paragraph, z: Zones) -> Placeholder | None:
    """The placeholder left in one piece (the first slot, else a "(nếu có)" note), or None.

    Exempt: the "Số …" line (a blank number is TPL-DRAFT-MARK's and FMT-NUMBER-PATTERN's business), the
    signing space (a signature line of dots only) and a header line of dots only (a rule line drawn with dots
    under the title or the issuer)."""
    text = p.plain
    if not text or same_piece(p, z.number):
        return None
    if zone in ("signature", "header") and _DOTS_ONLY.match(text):
        return None  # the signing space; a line of dots drawn under a header line
    scan = _VV.sub(_blank_out, text)
    for m in _SLOT.finditer(scan):
        if _FOOTNOTE.match(m.group(0)):
            continue
        if m.group("dots") and _ends_a_list(text, m.start(), m.end()):
            continue
        return Placeholder(p, zone, m.group(0).strip(), _context(text, m.start(), m.end()), "slot")
    if same_piece(p, z.date_line):
        bd = _BLANK_DATE.search(text)
        if bd is not None:
            return Placeholder(p, zone, bd.group(0), _context(text, bd.start(), bd.end()), "slot")
    nc = _NEU_CO.search(text)
    if nc is not None:
        return Placeholder(p, zone, nc.group(0), _context(text, nc.start(), nc.end()), "neu_co")
    return None


def _candidates(texts: list[str], date_text: str | None) -> list[int]:
    """Indices of the texts that may hold a placeholder (a superset: find_placeholder() decides)."""
    found = set(holding(joined_keys_of(texts), _MARK_CHARS, _MARK_RES))
    if date_text is not None:  # a blank date is looked for on the date line only (same_piece: same text)
        found.update(i for i, t in enumerate(texts) if t == date_text)
    return sorted(found)


def placeholders(z: Zones) -> list[Placeholder]:
    """At most one placeholder per piece, in document order (computed once per document: TPL-PLACEHOLDER and
    TPL-DRAFT-MARK both read it; do not mutate the list)."""
    found = z.memo.get("tpl.placeholders")
    if found is not None:
        return found  # type: ignore[return-value]
    pcs = pieces(z)
    out: list[Placeholder] = []
    date_text = z.date_line.plain if z.date_line is not None else None
    for i in _candidates([p.plain for _, p in pcs], date_text):
        zone, p = pcs[i]
        ph = find_placeholder(zone, p, z)
        if ph is not None:
            out.append(ph)
    z.memo["tpl.placeholders"] = out
    return out
