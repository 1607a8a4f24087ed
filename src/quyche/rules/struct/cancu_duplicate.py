"""STR-CANCU-DUPLICATE — no document is cited twice in the căn cứ block."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document, Paragraph
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote
from quyche.text import fold

# Type words that open a citation, folded, with the type code their number-symbol carries.
_TYPES = {
    "quy dinh": ("qd", "Quy định"),
    "quyet dinh": ("qd", "Quyết định"),
    "huong dan": ("hd", "Hướng dẫn"),
    "nghi quyet": ("nq", "Nghị quyết"),
    "chi thi": ("ct", "Chỉ thị"),
    "ket luan": ("kl", "Kết luận"),
    "quy che": ("qc", "Quy chế"),
    "thong tri": ("tt", "Thông tri"),
    "thong bao": ("tb", "Thông báo"),
    "cong van": ("cv", "Công văn"),
    "ke hoach": ("kh", "Kế hoạch"),
    "chuong trinh": ("ctr", "Chương trình"),
    "de an": ("da", "Đề án"),
    "luat": ("luat", "Luật"),
    "nghi dinh": ("nd", "Nghị định"),
    "thong tu": ("tt", "Thông tư"),
}
_DIEU_LE = "dieu le dang"
_START = re.compile(r"(?:^|[;,]\s*|\bva\s+|\bcan cu\s+)(" + "|".join([_DIEU_LE, *_TYPES]) + r")\b")
# _START in three parts that each open with a literal or a character set, which the regex engine scans
# for quickly (one pattern whose first branch is "^" is tried at every position): see _starts.
_WORDS = "(" + "|".join([_DIEU_LE, *_TYPES]) + r")\b"
_START_AT_0 = re.compile(_WORDS)
_START_PUNCT = re.compile(r"[;,]\s*" + _WORDS)
_START_WORD = re.compile(r"(?:va|can cu)\s+" + _WORDS)  # "\b" before it is checked in _starts
# "294-QĐ/TW", "294 - QĐ/TW", "07-QĐi/TW", "42-HD/BTCTW" (folded: "294-qd/tw")
_SYMBOL = re.compile(r"\b(\d{1,5})\s*-\s*([a-z]{1,5})\s*/\s*([a-z]+(?:-[a-z]+)*)")
# "Quy định 294", "Quy định số 294" with no symbol after the number
_BARE = re.compile(r"^(?:so\s+)?(\d{1,5})\b(?!\s*-\s*[a-z])")
_LEAD = re.compile(r"^[-–+•\s]*can cu\s+")
_RAW_LEAD = re.compile(r"^[-–+•\s]*căn cứ\s+", re.IGNORECASE)
_NOT_WORD = re.compile(r"[^\w ]")
_RAW_SYMBOL = re.compile(r"(\d{1,5})\s*[-‐‑‒–—−]\s*([A-Za-zĐđ]{1,5})\s*/\s*([A-Za-zĐđ]+(?:-[A-Za-zĐđ]+)*)")


def _code(type_code: str) -> str:
    return "qd" if type_code == "qdi" else type_code  # Quy định numbered "QĐi" and "QĐ" alike


def _starts(key: str) -> list[tuple[int, int, str]]:
    """(match start, type word start, type word) of each ``_START.finditer(key)`` match, found faster."""
    found: list[tuple[int, int, str]] = []
    m = _START_AT_0.match(key)
    if m is not None:
        found.append((0, 0, m.group(1)))
    found.extend((m.start(), m.start(1), m.group(1)) for m in _START_PUNCT.finditer(key))
    for m in _START_WORD.finditer(key):
        at = m.start()
        if at == 0 or not (key[at - 1].isalnum() or key[at - 1] == "_"):  # "\b": no word character before
            found.append((at, m.start(1), m.group(1)))
    if len(found) > 1:
        found.sort()
    # finditer's matches never overlap: a match starts at or after the end of the previous one.
    out: list[tuple[int, int, str]] = []
    end = 0
    for at, word_at, word in found:
        if at >= end:
            out.append((at, word_at, word))
            end = word_at + len(word)
    return out


def citations(text: str, folded: str | None = None) -> list[tuple[str, str]]:
    """(key, shown) of each document a căn cứ line cites; ``folded`` is ``fold(text)`` when known.

    Keys: "294-qd/tw" for a full number-symbol, "294-qd" for "Quy định 294", "dieu le dang", else the
    folded text of an unnumbered citation ("nghi quyet dai hoi dang bo xa an hoa lan thu i")."""
    key = _LEAD.sub("can cu ", fold(text) if folded is None else folded).strip(" .;,")
    out: list[tuple[str, str]] = []
    starts = _starts(key)
    for i, (_, word_at, word) in enumerate(starts):
        segment = key[word_at : starts[i + 1][0] if i + 1 < len(starts) else len(key)].strip(" .;,")
        if word == _DIEU_LE:
            out.append((_DIEU_LE, "Điều lệ Đảng"))
            continue
        after = segment[len(word) :].strip()
        head = after[:40]
        sym = _SYMBOL.search(head)
        if sym and sym.start() <= 8:
            n, t, org = int(sym.group(1)), _code(sym.group(2)), sym.group(3)
            # The first raw number-symbol with that number, as written (usually the first one of the line).
            first_raw = _RAW_SYMBOL.search(text)
            if first_raw is not None and int(first_raw.group(1)) == n:
                raw = first_raw.group(0)
            else:
                raw = next((r.group(0) for r in _RAW_SYMBOL.finditer(text) if int(r.group(1)) == n), sym.group(0))
            out.append((f"{n}-{t}/{org}", f"{_TYPES[word][1]} {raw}"))
            continue
        bare = _BARE.match(after)
        if bare:
            out.append((f"{int(bare.group(1))}-{_TYPES[word][0]}", f"{_TYPES[word][1]} {bare.group(1)}"))
            continue
        if i == 0:  # an unnumbered citation ("Nghị quyết Đại hội …"): the whole text is its key
            text_key = _NOT_WORD.sub(" ", segment)
            shown = _RAW_LEAD.sub("", text.strip()).rstrip(" ;,.")
            out.append((" ".join(text_key.split()), shown[:60] + ("…" if len(shown) > 60 else "")))
    return out


def _same(a: str, b: str) -> bool:
    """Full keys equal, or a bare "294-qd" matches a full "294-qd/tw"."""
    if a == b:
        return True
    short, full = (a, b) if "/" not in a else (b, a)
    return "/" not in short and "/" in full and full.split("/")[0] == short


@rule("STR-CANCU-DUPLICATE")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    # The keys cited so far, each with its first (position, line); a key with "/" also under its part
    # before "/". The first earlier key that is _same as a key is then one of at most two look-ups.
    exact: dict[str, tuple[int, Paragraph]] = {}
    by_short: dict[str, tuple[int, Paragraph]] = {}
    n = 0
    for p in doc.zones.cancu:
        reported: set[str] = set()
        for key, shown in citations(p.plain, p.key):  # fold(p.text) == fold(p.plain)
            short = key.split("/")[0]
            found = [x for x in (exact.get(key), exact.get(short) if short != key else by_short.get(key)) if x]
            first = min(found, key=lambda x: x[0])[1] if found else None
            if first is not None and key not in reported:
                reported.add(key)
                again = "cùng dòng" if first is p else f"đã có ở {first.loc.describe()}: {quote(first, 60)}"
                yield Hit(
                    f"Căn cứ trùng lặp: {quote(p, 70)} dẫn lại văn bản đã dẫn ({again})",
                    paragraph=p,
                    zone="preamble.cancu",
                    expected="mỗi văn bản dẫn một lần",
                    actual=f"“{shown}” dẫn hai lần",
                    fix="Bỏ dòng căn cứ trùng lặp, giữ một lần dẫn văn bản",
                )
            exact.setdefault(key, (n, p))
            if short != key:
                by_short.setdefault(short, (n, p))
            n += 1
