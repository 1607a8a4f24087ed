"""Profiles and documents the ORG rule tests share (not a test module).

``party_doc`` builds a real DOCX of a working regulation for any organisation (issuer line, superior line,
trích yếu author, "T/M …" line, articles) through tests/factory.py; ``org_profile`` builds a profile through
the real loader (``profile_from_dict``), and ``unchecked`` changes a valid one past the loader's checks (a
profile built in code that the loader would have rejected).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from factory import L, PartyDoc
from quyche.model import Document
from quyche.profile import Profile, profile_from_dict

LAYOUTS = ["table", "tabs", "textbox", "paragraphs"]
FORMATTING = ["direct", "styles"]

XA = "Đảng ủy xã An Hòa"
SCHOOL_DU = "Đảng ủy Trường Trung học phổ thông Hòa Bình"
SCHOOL_CB = "Chi bộ Trường Trung học phổ thông Hòa Bình"
THON_CB = "Chi bộ thôn Phú Lộc"


def committee(n: int, *, deputies: int = 1, btv: int = 0, names: tuple[str, ...] = ()) -> list[dict[str, str]]:
    roles = ["bi_thu"] + ["pho_bi_thu"] * deputies + ["uy_vien_btv"] * btv
    roles += ["uy_vien"] * (n - len(roles))
    out = []
    for i, role in enumerate(roles[:n]):
        name = names[i] if i < len(names) else f"Đồng chí Số {i + 1}"
        out.append({"name": name, "role": role})
    return out


def org_profile(kind: str = "dang_uy_co_so", name: str = XA, **kw: Any) -> Profile:
    """A valid profile; defaults: Đảng ủy xã An Hòa (Đảng bộ tỉnh Tây Ninh), term 2025–2030, khóa I."""
    is_chi_bo = kind.startswith("chi_bo")
    data: dict[str, Any] = {
        "schema": "quyche/profile/v1", "name": name, "kind": kind,
        "type": "thon_to_dan_pho" if is_chi_bo else "xa",
        "superior": "Đảng bộ xã An Hòa" if is_chi_bo else "Đảng bộ tỉnh Tây Ninh",
        "place": "An Hòa", "term": {"from": 2025, "to": 2030, **({} if is_chi_bo else {"khoa": "I"})},
        "members": 6 if is_chi_bo else 300,
        "committee": committee(2) if is_chi_bo else committee(15, deputies=2, btv=6),
    }
    data.update(kw)
    return profile_from_dict(data)


def unchecked(profile: Profile, **changes: Any) -> Profile:
    """``profile`` with fields changed after validation (what a profile built in code may hold)."""
    if "committee" in changes:
        from quyche.profile import Member

        changes["committee"] = tuple(Member(m["name"], m["role"]) for m in changes["committee"])
    return replace(profile, **changes)


def articles(*items: tuple[str, list[str]]) -> list[L]:
    """A body of one chapter with "Điều n. title" and its clauses."""
    out = [L("Chương I", b=True), L("NHỮNG QUY ĐỊNH CHUNG", b=True)]
    for n, (title, clauses) in enumerate(items, 1):
        out.append(L(f"Điều {n}. {title}", b=True, align="both"))
        out += [L(c, align="both") for c in clauses]
    return out


def party_doc(
    issuer: str = XA,
    superior: str = "Đảng bộ tỉnh Tây Ninh",
    *,
    author: str | None = None,
    authority: str | None = None,
    title: str = "BÍ THƯ",
    signer: str = "Nguyễn Văn An",
    body: list[L] | None = None,
    summary: str | None = None,
    date_line: str = "An Hòa, ngày 15 tháng 10 năm 2025",
    **overrides: Any,
) -> Document:
    """A working regulation of ``issuer``: header lines in upper case, trích yếu "làm việc của <author>, nhiệm
    kỳ 2025 - 2030" (author: "Ban Chấp hành Đảng bộ …" for a đảng ủy, the chi bộ itself otherwise), signed
    "T/M ĐẢNG ỦY" / "T/M CHI BỘ"."""
    is_chi_bo = issuer.lower().startswith("chi bộ")
    if author is None:
        author = issuer if is_chi_bo else "Ban Chấp hành Đảng bộ " + issuer.split(" ", 2)[2]
    if authority is None:
        authority = "T/M CHI BỘ" if is_chi_bo else "T/M ĐẢNG ỦY"
    abbr = "CB" if is_chi_bo else "ĐU"
    spec = PartyDoc(
        left=[L(superior.upper()), L(issuer.upper(), b=True), L("*"), L(f"Số 01-QC/{abbr}")],
        right=[L("ĐẢNG CỘNG SẢN VIỆT NAM", b=True, size=15, border_bottom="single"), L(date_line, i=True)],
        summary=[L(summary if summary is not None else f"làm việc của {author}, nhiệm kỳ 2025 - 2030", b=True)],
        signature=[L(authority, b=True), L(title, b=True), L(""), L(""), L(signer, b=True)],
        **({"body": body} if body is not None else {}),
        **overrides,
    )
    return spec.read()
