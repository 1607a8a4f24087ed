"""TYP-SIGN-TM — the authority line is "T/M " + the collective (ĐẢNG ỦY, BAN THƯỜNG VỤ, CHI BỘ, UBKT)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quyche.model import Document
from quyche.rules.base import Context, Hit, rule
from quyche.rules.common import issuer_kind, quote
from quyche.text import fold

# On folded text: "ĐẢNG ỦY" / "ĐẢNG UỶ" both fold to "dang uy". The grassroots collectives of rules.md,
# and the committees above them ("T/M TỈNH ỦY", "T/M ĐẢNG ĐOÀN" …), which also sign for the collective.
_RIGHT = re.compile(
    r"^t/m\s+(dang uy|ban thuong vu|chi bo|uy ban kiem tra|tinh uy|thanh uy|huyen uy|quan uy|thi uy|"
    r"dang doan|ban can su dang|ban chap hanh trung uong|bo chinh tri|ban bi thu)\b"
)
_STATE_DOT = re.compile(r"^(TM|KT|TL|Q)\s*\.", re.IGNORECASE)
_KT = re.compile(r"^(K\s*/\s*T|K\.T|KT|KÝ THAY)\b", re.IGNORECASE)
_OTHER_TM = re.compile(r"^(T\s*/\s*M|T\.M|TM|THAY MẶT)\b", re.IGNORECASE)
_EXPECTED = {"chi_bo": "T/M CHI BỘ", "ban_thuong_vu": "T/M BAN THƯỜNG VỤ", "ubkt": "T/M ỦY BAN KIỂM TRA"}
_TL = re.compile(r"^(T\s*/\s*L|TL|Q\s*/)\b", re.IGNORECASE)


@rule("TYP-SIGN-TM")
def check(doc: Document, ctx: Context) -> Iterator[Hit]:
    z = doc.zones
    auth = z.authority
    kind = issuer_kind(z)
    if auth is None or kind == "staff":
        return  # no signature (STR-ZONES-PRESENT) or a staff body, which signs K/T or T/L
    text = auth.plain
    if _RIGHT.match(fold(text)):
        return
    expected = _EXPECTED.get(kind or "", "T/M ĐẢNG ỦY")
    if _STATE_DOT.match(text):
        why = f"dùng tiền tố kiểu văn bản nhà nước {quote(auth)}"
    elif _KT.match(text):
        why = f"ghi “ký thay” {quote(auth)} thay cho “T/M” (thay mặt tập thể)"
    elif _TL.match(text):
        why = f"ghi “thừa lệnh/quyền” {quote(auth)} thay cho “T/M” (thay mặt tập thể)"
    elif _OTHER_TM.match(text):
        why = (
            f"dòng {quote(auth)} không phải “T/M” và tên một tập thể "
            "(ĐẢNG ỦY, BAN THƯỜNG VỤ, CHI BỘ, ỦY BAN KIỂM TRA)"
        )
    else:
        why = f"thiếu dòng “T/M …”: chữ ký bắt đầu bằng {quote(auth)}"
    yield Hit(
        f"Quyền hạn ký của văn bản cấp ủy, chi bộ phải là “T/M” + tên tập thể; ở đây {why}",
        paragraph=auth,
        zone="signature",
        expected=expected,
        actual=text,
        fix=f"Viết dòng quyền hạn ký là “{expected}” (chữ in hoa, “T/M” có gạch chéo, không dấu chấm)",
    )
