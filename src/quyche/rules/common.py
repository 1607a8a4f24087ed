"""Helpers several rules share: number-symbol parsing, tolerant measurements, quoting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quyche.model import TWIPS_PER_MM, Paragraph
from quyche.text import fold
from quyche.zones import Zones
from quyche.zones import piece_indices as piece_indices  # re-exported: it lives with the zones

# "Số 01-QC/ĐU", "Số: 01/QC-ĐU" (state order), "Số   -QC/ĐU" (blank, drafts)
_PARTY_NUMBER = re.compile(r"^Số(?P<colon>\s*:)?\s*(?P<num>\d+|[\s.…]*)\s*(?P<dash>[-‐‑‒–—−])\s*"
                           r"(?P<type>[A-Za-zĐđ]+)\s*/\s*(?P<org>[A-ZĐ][A-Za-zĐđ-]*)\s*$")
_STATE_NUMBER = re.compile(r"^Số(?P<colon>\s*:)?\s*(?P<num>\d+)\s*/\s*(?P<type>[A-Za-zĐđ]+)\s*[-–]\s*"
                           r"(?P<org>[A-ZĐ][A-Za-zĐđ-]*)\s*$")


@dataclass(frozen=True, slots=True)
class NumberSymbol:
    raw: str
    order: str  # "party" (01-QC/ĐU), "state" (01/QC-ĐU) or "unknown"
    number: str  # digits, or "" when blank
    type_abbr: str | None
    org_abbr: str | None
    colon: bool
    ascii_dash: bool

    @property
    def padded(self) -> bool:
        return not self.number or len(self.number) >= 2


def parse_number(text: str) -> NumberSymbol:
    t = text.strip()
    m = _PARTY_NUMBER.match(t)
    if m:
        return NumberSymbol(t, "party", m.group("num").strip(" .…"), m.group("type"), m.group("org"),
                            bool(m.group("colon")), m.group("dash") == "-")
    m = _STATE_NUMBER.match(t)
    if m:
        return NumberSymbol(t, "state", m.group("num"), m.group("type"), m.group("org"), bool(m.group("colon")), True)
    return NumberSymbol(t, "unknown", "", None, None, ":" in t[:5], "-" in t)


def mm(twips: int | None) -> str:
    """Twips as millimetres for messages: 850 → "15,0 mm"."""
    if twips is None:
        return "?"
    return f"{twips / TWIPS_PER_MM:.1f}".replace(".", ",") + " mm"


def near(value: int | None, target: int, tolerance: int) -> bool:
    """Measurements are compared with a tolerance: Word stores 1.5 cm as 850 twips (14.99 mm)."""
    return value is not None and abs(value - target) <= tolerance


def pt(size: float | None) -> str:
    if size is None:
        return "?"
    return (f"{size:g}").replace(".", ",") + " pt"


def sizes_text(p: Paragraph) -> str:
    return ", ".join(pt(s) for s in sorted(p.sizes())) or "?"


def quote(p: Paragraph | None, limit: int = 80) -> str:
    if p is None:
        return ""
    t = p.plain
    return f"“{t[:limit]}…”" if len(t) > limit else f"“{t}”"


def starts_with_folded(text: str, *prefixes: str) -> bool:
    key = fold(text)
    return any(key.startswith(fold(pfx)) for pfx in prefixes)


def half_pt(size: float) -> float:
    """Font sizes have half-point granularity: 13.98 → 14.0, 14.4 → 14.5."""
    return round(size * 2) / 2


def size_in(size: float, low: float, high: float) -> bool:
    """``size`` (pt) within [low, high] after rounding to the half point."""
    return low <= half_pt(size) <= high


def off_sizes(p: Paragraph, low: float, high: float) -> list[float]:
    """Distinct sizes (half points) of ``p``'s visible runs outside [low, high]; unknown sizes are ignored."""
    return sorted({half_pt(s) for s in p.sizes() if not size_in(s, low, high)})


def shown_upper(p: Paragraph) -> bool:
    """"In hoa": the text equals its upper case, or every visible run has all-caps set."""
    from quyche.text import is_upper

    return is_upper(p.plain) or p.attr("caps") is True


def pt_range(low: float, high: float) -> str:
    """"14 pt" or "14–15 pt" for ``expected``."""
    return pt(low) if low == high else f"{low:g}–{pt(high)}".replace(".", ",")


# ----------------------------------------------------------------- issuing body (TYP family)
_STAFF_BODY = re.compile(
    r"^(van phong|ban to chuc|ban tuyen giao|ban dan van|ban xay dung dang|ban kinh te|ban noi chinh|"
    r"ban doi ngoai|ban chinh sach|ban bao ve|co quan)\b"
)


def org_kind_of(text: str) -> str | None:
    """Kind of Party body named by an issuer or authority text: "dang_uy", "chi_bo", "ban_thuong_vu",
    "ubkt", "staff" (a staff body such as the văn phòng) or None when it cannot tell."""
    key = re.sub(r"^(t/m|t\.m|tm\.?|k/t|kt\.?|t/l|tl\.?|thay mat)\s+", "", fold(text))
    if key.startswith("ban thuong vu"):
        return "ban_thuong_vu"
    if key.startswith("chi bo"):
        return "chi_bo"
    if key.startswith("dang uy"):
        return "dang_uy"
    if key.startswith("uy ban kiem tra"):
        return "ubkt"
    if _STAFF_BODY.match(key):
        return "staff"
    return None


def issuer_kind(zones: Zones) -> str | None:
    """The collective a document belongs to, from the issuer line ("CHI BỘ …" → "chi_bo",
    "ĐẢNG ỦY …" → "dang_uy", "VĂN PHÒNG …" → "staff"), else from the authority line or the number
    ("…/CB", "…/ĐU"). "ban_thuong_vu" only when the issuer line itself names it."""
    if zones.issuer is not None:
        kind = org_kind_of(zones.issuer.plain)
        if kind is not None:
            return kind
    auth = zones.authority
    if auth is not None:
        kind = org_kind_of(auth.plain)
        if kind in ("chi_bo", "dang_uy", "ubkt"):
            return kind
        if kind == "ban_thuong_vu":
            return "dang_uy"
    if zones.number is not None:
        org = fold(parse_number(zones.number.plain).org_abbr or "")
        if org == "cb":
            return "chi_bo"
        if org == "du":
            return "dang_uy"
    return None


def signs_for_btv(zones: Zones) -> bool:
    """The authority line is "T/M BAN THƯỜNG VỤ"."""
    auth = zones.authority
    return auth is not None and bool(re.match(r"^t/m\s+ban thuong vu\b", fold(auth.plain)))


def type_key(p: Paragraph | None) -> str:
    """Folded key of a type title line ("QUY CHẾ" → "quy che"); "" when there is none."""
    return fold(p.plain).strip(" .:") if p is not None else ""


AUTHORITY_RE = re.compile(
    r"^(T/M|T\.M|TM\.?|K/T|KT\.?|T/L|TL\.?|Q\.|Q/|THAY MẶT|KÝ THAY)(\s|$)", re.IGNORECASE
)
_TITLE_WORDS = ("bi thu", "pho bi thu", "chu nhiem", "pho chu nhiem", "truong ban", "pho truong ban",
                "chanh van phong", "pho chanh van phong", "uy vien")


SignatureLines = tuple[Paragraph | None, Paragraph | None, Paragraph | None]


def signature_lines(signature: list[Paragraph]) -> SignatureLines:
    """(authority line "T/M …", title line "BÍ THƯ", signer's name) of a signature block; None when absent.

    Lines in brackets ("(Đã ký)", "(ký, đóng dấu)") are skipped. With one line after the authority,
    it is the title if it names a title ("BÍ THƯ", "PHÓ BÍ THƯ" …), else the name.
    """
    lines = [q for p in signature for q in split_lines(p) if not q.plain.startswith(("(", "["))]
    at = next((i for i, p in enumerate(lines) if AUTHORITY_RE.match(p.plain)), None)
    auth = lines[at] if at is not None else None
    rest = lines[at + 1:] if at is not None else lines
    if not rest:
        return auth, None, None
    if len(rest) >= 2:
        return auth, rest[0], rest[-1]
    only = rest[0]
    if fold(only.plain).startswith(_TITLE_WORDS):
        return auth, only, None
    return auth, None, only


def split_lines(p: Paragraph) -> list[Paragraph]:
    """Split a paragraph at manual line breaks ("T/M ĐẢNG ỦY<br/>BÍ THƯ") into one piece per line."""
    from dataclasses import replace

    from quyche.model import Run

    if "\n" not in p.text.strip():
        return [p]
    pieces: list[list[Run]] = [[]]
    for run in p.runs:
        for i, chunk in enumerate(run.text.split("\n")):
            if i:
                pieces.append([])
            if chunk:
                pieces[-1].append(Run(chunk, run.fmt))
    out = [replace(p, text="".join(r.text for r in rs), runs=rs) for rs in pieces]
    return [q for q in out if q.plain] or [p]


# ----------------------------------------------------------------- drafts, working regulations, template kind
# (TPL and CNT families)
_DRAFT_MARK = re.compile(r"^dự\s+thảo(\s+lần\s+\S+)?\s*$", re.IGNORECASE)


def draft_mark(zones: Zones) -> Paragraph | None:
    """The "Dự thảo" / "Dự thảo lần n" mark at the top of page 1 (a mark line, or a header piece when the
    mark sits inside the header table), or None."""
    for p in [*zones.marks, *zones.header]:
        if _DRAFT_MARK.match(p.plain):
            return p
    return None


def qclv_with_articles(zones: Zones) -> bool:
    """A quy chế làm việc with articles to judge (TPL-MODEL-VERBATIM, CNT): the trích yếu says "làm việc …";
    without a trích yếu, a type line "QUY CHẾ" (or none at all) over a body of articles. A "QUY CHẾ" about
    something else (chi tiêu nội bộ…) is not one."""
    if not zones.articles or type_key(zones.title_type) not in ("quy che", ""):
        return False  # e.g. a QUYẾT ĐỊNH ban hành Quy chế làm việc: the decision itself is not the regulation
    summary = fold(zones.summary_text)
    return "lam viec" in summary if summary else True


def template_kind_for(zones: Zones, profile: object | None) -> str:
    """Model skeleton kind (rules.md §0.3): the profile's ``template_kind``; without a profile, from the
    issuer ("ĐẢNG ỦY …" → 7619-mau1, "CHI BỘ …" → 7619-chibo), else from the trích yếu."""
    kind = getattr(profile, "template_kind", None) if profile is not None else None
    if isinstance(kind, str):
        return kind
    issuer = issuer_kind(zones)
    if issuer == "chi_bo":
        return "7619-chibo"
    if issuer in ("dang_uy", "ban_thuong_vu"):
        return "7619-mau1"
    return "7619-chibo" if fold(zones.summary_text).startswith("lam viec cua chi bo") else "7619-mau1"


# Abbreviations expanded before organisation names are compared ("Trường THPT X" = "Trường Trung học phổ
# thông X"); folded tokens.
_ORG_ABBREVIATIONS = {
    "thpt": "trung hoc pho thong", "thcs": "trung hoc co so", "ptth": "pho thong trung hoc",
    "ptcs": "pho thong co so", "mn": "mam non", "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc", "btv": "ban thuong vu", "bch": "ban chap hanh", "ubkt": "uy ban kiem tra",
    "tp": "thanh pho", "tw": "trung uong", "dcs": "dang cong san",
}
_NON_WORD = re.compile(r"[^\w\s]+")


def org_key(text: str) -> str:
    """Comparison key of an organisation name: folded (case, diacritics, "uỷ"/"ủy"), punctuation as space,
    common abbreviations spelt out ("THPT", "UBND", "BTV"…)."""
    words = _NON_WORD.sub(" ", fold(text)).split()
    if _ABBREVIATION_KEYS.isdisjoint(words):  # the usual case: nothing to spell out
        return " ".join(words)
    return " ".join(_ORG_ABBREVIATIONS.get(w, w) for w in words)


_ABBREVIATION_KEYS = frozenset(_ORG_ABBREVIATIONS)


@lru_cache(maxsize=1024)
def _whole_words(phrase_key: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(phrase_key) + r"(?!\w)")


def key_has(text_key: str, phrase_key: str) -> bool:
    """``phrase_key`` occurs in ``text_key`` as whole words (both already keys)."""
    if not phrase_key or phrase_key not in text_key:  # a plain substring test settles most calls
        return False
    return _whole_words(phrase_key).search(text_key) is not None


# ----------------------------------------------------------------- the collective (MEET / TERM families)
def is_working_regulation(zones: Zones) -> bool:
    """The document is a working regulation: trích yếu "làm việc …", or type "QUY CHẾ" naming "làm việc"."""
    summary = fold(zones.summary_text)
    return summary.startswith("lam viec") or (type_key(zones.title_type) == "quy che" and "lam viec" in summary)


def collective_kind(zones: Zones, profile: object | None = None) -> str | None:
    """"dang_uy" or "chi_bo": the organisation kind from the profile when one is given, else from the
    issuer line ("ĐẢNG ỦY …" / "CHI BỘ …"), the authority line or the number, else from the trích yếu
    ("… của Chi bộ …" / "… của Ban Chấp hành Đảng bộ …"); None when nothing tells."""
    if profile is not None:
        return "dang_uy" if getattr(profile, "is_dang_uy", False) else "chi_bo"
    kind = issuer_kind(zones)
    if kind in ("dang_uy", "ban_thuong_vu"):
        return "dang_uy"
    if kind == "chi_bo":
        return "chi_bo"
    summary = fold(zones.summary_text)
    if re.search(r"\bcua chi bo\b", summary):
        return "chi_bo"
    if re.search(r"\b(ban chap hanh dang bo|dang uy)\b", summary):
        return "dang_uy"
    return None
