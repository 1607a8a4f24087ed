"""FMT-SIGN-TITLE — the title line is exactly "BÍ THƯ" or "PHÓ BÍ THƯ" (in hoa, đứng, 14 pt)."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import off_sizes, pt, quote, shown_upper
from quyche.rules.fmt._header_kit import sign_lines
from quyche.text import fold, nfc, squash

TITLES = ("BÍ THƯ", "PHÓ BÍ THƯ")
_KEYS = {fold(t): t for t in TITLES}
SIZE = 14.0


def _canonical(text: str) -> str:
    """NFC upper case with the ỦY/UỶ, hóa/hoá spelling variants unified (rules.md §0.4)."""
    t = nfc(squash(text)).upper()
    variants = (("UỶ", "ỦY"), ("OÁ", "ÓA"), ("OÀ", "ÒA"), ("OẢ", "ỎA"), ("OÃ", "ÕA"), ("OẠ", "ỌA"))
    for variant, usual in variants:
        t = t.replace(variant, usual)
    return t


@rule("FMT-SIGN-TITLE")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    auth, title, name = sign_lines(z)
    if title is None:
        if auth is not None and name is not None:
            yield Hit(
                f"Thiếu dòng chức vụ người ký giữa {quote(auth)} và {quote(name)}",
                paragraph=name, zone="signature", expected="BÍ THƯ / PHÓ BÍ THƯ", actual=None,
                fix="Thêm dòng “BÍ THƯ” (hoặc “PHÓ BÍ THƯ”) ngay dưới dòng thẩm quyền ký",
            )
        return
    text = squash(title.plain)
    key = fold(text)
    if key in _KEYS:
        expected = _KEYS[key]
        if _canonical(text) != expected:  # wrong letters, e.g. "BI THU"
            yield Hit(
                f"Chức vụ người ký {quote(title)} viết sai; phải là “{expected}”",
                paragraph=title, zone="signature", expected=expected, actual=text,
                fix=f"Sửa thành “{expected}”",
            )
        elif not shown_upper(title):
            yield Hit(
                f"Chức vụ người ký {quote(title)} chưa viết in hoa",
                paragraph=title, zone="signature", expected=expected, actual=text,
                fix=f"Viết in hoa “{expected}”",
            )
    else:
        longest_first = sorted(_KEYS.items(), key=lambda kv: -len(kv[0]))
        base = next((t for k, t in longest_first if key.startswith(k + " ")), None)
        if base is not None:
            extra = " ".join(text.split()[len(base.split()):])
            yield Hit(
                f"Chức vụ người ký {quote(title)} ghi thêm “{extra}”; chỉ ghi “{base}”",
                paragraph=title, zone="signature", expected=base, actual=text,
                fix=f"Chỉ ghi “{base}” (tên tập thể đã có ở dòng “T/M …”)",
            )
        else:
            yield Hit(
                f"Chức vụ người ký {quote(title)} không phải “BÍ THƯ” hoặc “PHÓ BÍ THƯ”",
                paragraph=title, zone="signature", expected="BÍ THƯ / PHÓ BÍ THƯ", actual=text,
                fix="Ghi chức vụ “BÍ THƯ” hoặc “PHÓ BÍ THƯ” của người ký thay mặt tập thể",
            )
        return
    faults: list[str] = []
    if title.attr_any("italic") is True:
        faults.append("in nghiêng")
    wrong = off_sizes(title, SIZE, SIZE)
    if wrong:
        faults.append("cỡ chữ " + ", ".join(pt(s) for s in wrong))
    if faults:
        yield Hit(
            f"Chức vụ người ký {quote(title)} {', '.join(faults)} (phải in hoa, đứng, 14 pt)",
            paragraph=title, zone="signature", expected="in hoa, đứng, 14 pt", actual=", ".join(faults),
            fix="Trình bày chức vụ người ký in hoa, chữ đứng, cỡ 14 pt",
        )
