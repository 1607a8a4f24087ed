"""FMT-SIGN-BLOCK — signature bottom right, level with "Nơi nhận" on the left; "T/M …" in hoa, bold, 14 pt."""

from __future__ import annotations

from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import FORMATTING, Context, Hit, rule
from quyche.rules.common import AUTHORITY_RE, quote, shown_upper
from quyche.rules.fmt._header_kit import bold_upright_faults, sign_lines

SIZE = 14.0


@rule("FMT-SIGN-BLOCK", needs=[FORMATTING])
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    auth = z.authority
    if auth is None:
        return  # no signature block: STR-ZONES-PRESENT reports it
    # Position, only where the layout tells the column (a table, tab stops, text boxes, right alignment).
    sig_side = z.side_of(auth)
    label = z.recipients[0] if z.recipients else None
    rec_side = z.side_of(label) if label is not None else None
    if sig_side == "left" or rec_side == "right":
        yield Hit(
            f"Khối chữ ký {quote(auth)} {_vi(sig_side)}, “Nơi nhận” {_vi(rec_side)}; thể thức văn bản của "
            "Đảng đặt chữ ký bên phải, “Nơi nhận” bên trái, ngang nhau",
            paragraph=auth, zone="signature", expected="chữ ký bên phải, Nơi nhận bên trái",
            actual=f"chữ ký {_short(sig_side)}, Nơi nhận {_short(rec_side)}",
            fix="Đặt khối chữ ký ở cột phải và “Nơi nhận” ở cột trái của bảng không viền cuối văn bản",
        )
    auth, _, _ = sign_lines(z)  # the "T/M …" line itself, apart from a line break
    if auth is None or not AUTHORITY_RE.match(auth.plain):
        return  # no authority line to judge (TYP-SIGN-TM reports a missing "T/M …")
    faults: list[str] = []
    actual: list[str] = []
    if not shown_upper(auth):
        faults.append("chưa viết in hoa")
        actual.append("chữ thường")
    bold_upright_faults(auth, SIZE, faults, actual)
    if faults:
        yield Hit(
            f"Dòng thẩm quyền ký {quote(auth)} {', '.join(faults)} (phải in hoa, đứng, đậm, 14 pt)",
            paragraph=auth, zone="signature", expected="IN HOA, đứng, đậm, 14 pt", actual=", ".join(actual),
            fix=f"Trình bày “{auth.plain.upper()}” in hoa, đứng, đậm, cỡ 14 pt",
        )


def _vi(side: str | None) -> str:
    return {"left": "ở bên trái", "right": "ở bên phải"}.get(side or "", "ở vị trí không xác định được")


def _short(side: str | None) -> str:
    return {"left": "trái", "right": "phải"}.get(side or "", "?")
