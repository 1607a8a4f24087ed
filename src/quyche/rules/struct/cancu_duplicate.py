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
# "294-QĐ/TW", "294 - QĐ/TW", "07-QĐi/TW", "42-HD/BTCTW" (folded: "294-qd/tw")
_SYMBOL = re.compile(r"\b(\d{1,5})\s*-\s*([a-z]{1,5})\s*/\s*([a-z]+(?:-[a-z]+)*)")
# "Quy định 294", "Quy định số 294" with no symbol after the number
_BARE = re.compile(r"^(?:so\s+)?(\d{1,5})\b(?!\s*-\s*[a-z])")
_LEAD = re.compile(r"^[-–+•\s]*can cu\s+")
_RAW_LEAD = re.compile(r"^[-–+•\s]*căn cứ\s+", re.IGNORECASE)
_RAW_SYMBOL = re.compile(r"(\d{1,5})\s*[-‐‑‒–—−]\s*([A-Za-zĐđ]{1,5})\s*/\s*([A-Za-zĐđ]+(?:-[A-Za-zĐđ]+)*)")


def _code(type_code: str) -> str:
    return "qd" if type_code == "qdi" else type_code  # Quy định numbered "QĐi" and "QĐ" alike


def citations(text: str) -> list[tuple[str, str]]:
    """(key, shown) of each document a căn cứ line cites.

    Keys: "294-qd/tw" for a full number-symbol, "294-qd" for "Quy định 294", "dieu le dang", else the
    folded text of an unnumbered citation ("nghi quyet dai hoi dang bo xa an hoa lan thu i")."""
    key = _LEAD.sub("can cu ", fold(text)).strip(" .;,")
    out: list[tuple[str, str]] = []
    starts = [m for m in _START.finditer(key)]
    for i, m in enumerate(starts):
        segment = key[m.start(1) : starts[i + 1].start() if i + 1 < len(starts) else len(key)].strip(" .;,")
        word = m.group(1)
        if word == _DIEU_LE:
            out.append((_DIEU_LE, "Điều lệ Đảng"))
            continue
        after = segment[len(word) :].strip()
        head = after[:40]
        sym = _SYMBOL.search(head)
        if sym and sym.start() <= 8:
            n, t, org = int(sym.group(1)), _code(sym.group(2)), sym.group(3)
            raw = next((r.group(0) for r in _RAW_SYMBOL.finditer(text) if int(r.group(1)) == n), sym.group(0))
            out.append((f"{n}-{t}/{org}", f"{_TYPES[word][1]} {raw}"))
            continue
        bare = _BARE.match(after)
        if bare:
            out.append((f"{int(bare.group(1))}-{_TYPES[word][0]}", f"{_TYPES[word][1]} {bare.group(1)}"))
            continue
        if i == 0:  # an unnumbered citation ("Nghị quyết Đại hội …"): the whole text is its key
            text_key = re.sub(r"[^\w ]", " ", segment)
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
    seen: list[tuple[str, Paragraph]] = []
    for p in doc.zones.cancu:
        reported: set[str] = set()
        for key, shown in citations(p.plain):
            first = next((q for k, q in seen if _same(k, key)), None)
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
            seen.append((key, p))
