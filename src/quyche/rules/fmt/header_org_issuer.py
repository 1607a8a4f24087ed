"""FMT-HEADER-ORG-ISSUER — line 2 top left: the issuing body's full name, in hoa, 14 pt, đứng, đậm.

Part ``main`` (error): the name is not a Party organisation's ("ĐẢNG ỦY …", "CHI BỘ …", "ĐẢNG BỘ …"),
is the ban thường vụ's ("BAN THƯỜNG VỤ …": its documents carry the cấp ủy's name), uses
abbreviations ("THPT", "UBND", "TP."), or is not in hoa / not bold / italic. The size (14 pt) is not
judged: the catalogue gives this rule one error-severity part, and long names are often set smaller to
fit the column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import quote
from quyche.rules.fmt._header_kit import party_header
from quyche.text import fold, is_upper

_PARTY_BODY = re.compile(
    r"^(dang uy|chi bo|dang bo|dang doan|ban can su dang|uy ban kiem tra|van phong|ban to chuc|"
    r"ban tuyen giao|ban dan van|ban xay dung dang|ban noi chinh|ban kinh te|ban chap hanh trung uong|"
    r"ban bi thu|bo chinh tri|"
    r"(tinh|thanh|huyen|quan|thi) uy|dai hoi)\b"
)
_KNOWN_ABBR = {"UBND", "ĐU", "UBKT", "UBMTTQ", "ĐTN", "ĐHĐCĐ"}
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_TOKEN = re.compile(r"[^\W\d_]+\.?")


def abbreviations(name: str) -> list[str]:
    """Tokens of an upper-case name that are abbreviations, not Vietnamese words: no vowel ("THPT",
    "CB"), a trailing dot ("TP."), or a known short form ("UBND")."""
    out: list[str] = []
    for tok in _TOKEN.findall(name):
        word = tok.rstrip(".")
        if _ROMAN.match(word):
            continue
        no_vowel = len(word) >= 2 and not any(fold(ch) in "aeiouy" for ch in word)
        if word.upper() in _KNOWN_ABBR or no_vowel or (tok.endswith(".") and len(word) <= 3):
            out.append(tok)
    return out


@rule("FMT-HEADER-ORG-ISSUER")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    line = doc.zones.issuer
    if line is None or not party_header(doc.zones):
        return
    key = line.key
    if key.startswith("ban thuong vu"):
        yield Hit(
            f"Tên cơ quan ban hành ghi {quote(line)}; văn bản của ban thường vụ ghi tên cấp ủy (“ĐẢNG ỦY …”)",
            paragraph=line, zone="header.left", expected="ĐẢNG ỦY …", actual=line.plain,
            fix="Ghi tên cấp ủy, ví dụ “ĐẢNG ỦY XÃ AN HÒA”, không ghi “BAN THƯỜNG VỤ …”",
        )
    elif not _PARTY_BODY.match(key):
        yield Hit(
            f"Tên cơ quan ban hành {quote(line)} không phải tên một tổ chức đảng (“ĐẢNG ỦY …”, “CHI BỘ …”)",
            paragraph=line, zone="header.left", expected="ĐẢNG ỦY … / CHI BỘ … / ĐẢNG BỘ …",
            actual=line.plain,
            fix="Ghi đúng tên đầy đủ của tổ chức đảng ban hành theo quyết định thành lập",
        )
    short = abbreviations(line.plain)
    if short:
        yield Hit(
            f"Tên cơ quan ban hành {quote(line)} viết tắt: {', '.join(short)}",
            paragraph=line, zone="header.left", expected="tên đầy đủ, không viết tắt",
            actual=", ".join(short),
            fix="Viết đầy đủ tên cơ quan ban hành (ví dụ “TRUNG HỌC PHỔ THÔNG” thay cho “THPT”)",
        )
    faults = []
    if not is_upper(line.plain) and line.attr("caps") is not True:
        faults.append("không viết in hoa")
    if line.attr("bold") is False:
        faults.append("không in đậm")
    if line.attr_any("italic") is True:
        faults.append("in nghiêng")
    if faults:
        yield Hit(
            f"Tên cơ quan ban hành {quote(line)}: {', '.join(faults)}",
            paragraph=line, zone="header.left", expected="in hoa, đứng, đậm", actual=", ".join(faults),
            fix="Viết tên cơ quan ban hành in hoa, chữ đứng, in đậm",
        )
