"""Organisation profile (contract.md §1): load, validate field by field, derive the facts rules use."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from quyche.errors import QuycheError
from quyche.text import fold, nfc
from quyche.yamlio import load_yaml

SCHEMA = "quyche/profile/v1"
KINDS = ("dang_uy_co_so", "chi_bo_co_so", "chi_bo_truc_thuoc", "dang_uy_cap_tren_co_so")
TYPES = ("xa", "phuong", "dac_khu", "co_quan_dang_xa", "ubnd_xa", "don_vi_su_nghiep", "doanh_nghiep_nha_nuoc",
         "doanh_nghiep_ngoai_nha_nuoc", "co_quan_hanh_chinh", "thon_to_dan_pho", "truong_hoc", "benh_vien",
         "quan_doi", "cong_an", "khac")
ROLES = ("bi_thu", "pho_bi_thu", "pho_bi_thu_thuong_truc", "uy_vien_btv", "uy_vien")
DEPUTY_ROLES = ("pho_bi_thu", "pho_bi_thu_thuong_truc")
BTV_ROLES = ("bi_thu", "pho_bi_thu", "pho_bi_thu_thuong_truc", "uy_vien_btv")
MAX_PROFILE_BYTES = 1_000_000


class ProfileError(QuycheError):
    code = "profile"


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    role: str
    duties: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Term:
    start: int
    end: int
    khoa: str | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    kind: str
    type: str
    superior: str
    place: str
    term: Term
    members: int
    committee: tuple[Member, ...]
    subordinates: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)  # optional fields (rules.md §0.3) and overrides
    source: str | None = None

    # ---------------------------------------------------------------- derived facts (rules.md §0.3)
    @property
    def is_dang_uy(self) -> bool:
        return self.kind in ("dang_uy_co_so", "dang_uy_cap_tren_co_so")

    @property
    def is_chi_bo(self) -> bool:
        return not self.is_dang_uy

    @property
    def committee_size(self) -> int:
        return len(self.committee)

    @property
    def has_btv(self) -> bool:
        return self.is_dang_uy and (self.committee_size >= 9 or any(m.role == "uy_vien_btv" for m in self.committee))

    @property
    def btv_size(self) -> int:
        return sum(1 for m in self.committee if m.role in BTV_ROLES)

    @property
    def has_chi_uy(self) -> bool:
        return self.is_chi_bo and self.members >= 9

    @property
    def chiuy_size(self) -> int:
        return self.committee_size if self.has_chi_uy else 0

    @property
    def secretary(self) -> Member | None:
        return next((m for m in self.committee if m.role == "bi_thu"), None)

    @property
    def deputies(self) -> tuple[Member, ...]:
        return tuple(m for m in self.committee if m.role in DEPUTY_ROLES)

    @property
    def deputy_count(self) -> int:
        return len(self.deputies)

    @property
    def org_abbr(self) -> str:
        return "ĐU" if self.is_dang_uy else "CB"

    @property
    def is_dang_uy_xa(self) -> bool:
        return self.is_dang_uy and self.type in ("xa", "phuong", "dac_khu")

    @property
    def is_dn_cap_tren(self) -> bool:
        return self.kind == "dang_uy_cap_tren_co_so" and self.type == "doanh_nghiep_nha_nuoc"

    @property
    def template_kind(self) -> str:
        """Model the regulation follows (rules.md §0.3): 302, 363, 147, 7619-mau1 or 7619-chibo."""
        if self.is_dang_uy_xa:
            return "302"
        if self.type in ("co_quan_dang_xa", "ubnd_xa"):
            return "363"
        if self.is_dn_cap_tren:
            return "147"
        return "7619-mau1" if self.is_dang_uy else "7619-chibo"

    @property
    def superior_committees(self) -> tuple[str, ...]:
        """Names the superior's committee goes by: "Đảng bộ xã An Hòa" → "Đảng ủy xã An Hòa",
        "Ban Thường vụ Đảng ủy xã An Hòa"; "Đảng bộ tỉnh Nghệ An" → "Tỉnh ủy Nghệ An"…"""
        sup = self.superior.strip()
        key = fold(sup)
        rest = sup.split(None, 2)[2] if key.startswith("dang bo ") and len(sup.split(None, 2)) == 3 else ""
        names: list[str] = []
        if rest:
            unit = rest.split(None, 1)
            if fold(unit[0]) == "tinh" and len(unit) == 2:
                names.append(f"Tỉnh ủy {unit[1]}")
            elif fold(" ".join(unit[:1])) == "thanh" and len(unit) == 2 and fold(unit[1]).startswith("pho "):
                names.append(f"Thành ủy {unit[1].split(None, 1)[1]}")
            names.append(f"Đảng ủy {rest}")
        else:
            names.append(sup)
        names += [f"Ban Thường vụ {n}" for n in list(names)]
        return tuple(dict.fromkeys(names))

    @property
    def superior_committee(self) -> str:
        return self.superior_committees[0]

    @property
    def sector(self) -> str:
        return "don_vi_su_nghiep" if self.type in ("truong_hoc", "benh_vien") and not self.extra.get(
            "non_public") else self.type

    @property
    def rule_overrides(self) -> dict[str, str]:
        raw = self.extra.get("rule_overrides") or {}
        return {str(k): str(v) for k, v in raw.items()}

    def name_key(self) -> str:
        return fold(self.name)


def load_profile(path: str | Path) -> Profile:
    p = Path(path)
    try:
        if p.stat().st_size > MAX_PROFILE_BYTES:
            raise ProfileError(f"{p.name}: tệp hồ sơ quá lớn")
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProfileError(f"{p.name}: hồ sơ phải là văn bản UTF-8") from exc
    except OSError as exc:
        raise ProfileError(f"{p.name}: không đọc được tệp hồ sơ ({exc.strerror or exc})") from exc
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (dòng {mark.line + 1})" if mark is not None else ""
        raise ProfileError(f"{p.name}: YAML không hợp lệ{where}") from exc
    return profile_from_dict(data, source=str(p))


def profile_from_dict(data: Any, source: str | None = None) -> Profile:
    where = f"{Path(source).name}: " if source else ""

    def fail(field_name: str, why: str) -> ProfileError:
        return ProfileError(f"{where}trường “{field_name}”: {why}")

    if not isinstance(data, dict):
        raise ProfileError(f"{where}hồ sơ phải là một bảng khóa: giá trị (YAML mapping)")
    schema = data.get("schema", SCHEMA)
    if schema != SCHEMA:
        raise fail("schema", f"phải là “{SCHEMA}”, đang là “{schema}”")

    def text(key: str, required: bool = True) -> str:
        v = data.get(key)
        if v is None or (isinstance(v, str) and not v.strip()):
            if required:
                raise fail(key, "bắt buộc, chưa điền")
            return ""
        if not isinstance(v, str):
            raise fail(key, "phải là chuỗi chữ")
        return nfc(v.strip())

    def choice(key: str, options: tuple[str, ...]) -> str:
        v = text(key)
        if v not in options:
            raise fail(key, f"“{v}” không hợp lệ; chọn một trong: {', '.join(options)}")
        return v

    term_raw = data.get("term")
    if not isinstance(term_raw, dict):
        raise fail("term", "cần dạng {from: 2025, to: 2030, khoa: \"I\"}")
    try:
        term = Term(int(term_raw["from"]), int(term_raw["to"]),
                    nfc(str(term_raw["khoa"])) if term_raw.get("khoa") is not None else None)
    except (KeyError, TypeError, ValueError) as exc:
        raise fail("term", "cần hai năm “from” và “to” là số") from exc
    if term.end <= term.start:
        raise fail("term", f"năm kết thúc ({term.end}) phải sau năm bắt đầu ({term.start})")
    members = data.get("members")
    if not isinstance(members, int) or isinstance(members, bool) or members < 0:
        raise fail("members", "phải là số nguyên không âm (số đảng viên chính thức)")
    committee: list[Member] = []
    raw_committee = data.get("committee") or []
    if not isinstance(raw_committee, list):
        raise fail("committee", "phải là danh sách các đồng chí")
    for i, m in enumerate(raw_committee, 1):
        if not isinstance(m, dict) or not isinstance(m.get("name"), str) or not m["name"].strip():
            raise fail(f"committee[{i}].name", "bắt buộc, chưa điền")
        role = m.get("role")
        if role not in ROLES:
            raise fail(f"committee[{i}].role", f"“{role}” không hợp lệ; chọn một trong: {', '.join(ROLES)}")
        duties = m.get("duties") or []
        if not isinstance(duties, list) or not all(isinstance(d, str) for d in duties):
            raise fail(f"committee[{i}].duties", "phải là danh sách nhiệm vụ (chuỗi chữ)")
        committee.append(Member(nfc(m["name"].strip()), str(role), tuple(nfc(d) for d in duties)))
    subs = data.get("subordinates") or []
    if not isinstance(subs, list) or not all(isinstance(s, str) for s in subs):
        raise fail("subordinates", "phải là danh sách tên tổ chức")
    known = {"schema", "name", "kind", "type", "superior", "place", "term", "members", "committee", "subordinates"}
    profile = Profile(
        name=text("name"),
        kind=choice("kind", KINDS),
        type=choice("type", TYPES),
        superior=text("superior"),
        place=text("place"),
        term=term,
        members=members,
        committee=tuple(committee),
        subordinates=tuple(nfc(s) for s in subs),
        extra={k: v for k, v in data.items() if k not in known},
        source=source,
    )
    _check_organisation(profile, fail)
    return profile


def _check_organisation(p: Profile, fail: Any) -> None:
    """Organisational rules that make a profile impossible (ORG-PROFILE-COUNTS (a), ORG-PBT-MAX, ORG-CHIUY-MAX)."""
    if p.is_chi_bo and p.members < 3:
        raise fail("members", f"chi bộ phải có ít nhất 3 đảng viên chính thức, hồ sơ ghi {p.members} "
                              "(ORG-PROFILE-COUNTS, Điều lệ Đảng Điều 21)")
    if p.is_chi_bo and p.deputy_count > 1:
        raise fail("committee", f"chi bộ chỉ có tối đa 01 phó bí thư, hồ sơ có {p.deputy_count} (ORG-PBT-MAX)")
    if p.has_chi_uy and p.chiuy_size > 7:
        raise fail("committee", f"chi ủy có tối đa 7 thành viên, hồ sơ có {p.chiuy_size} (ORG-CHIUY-MAX)")
    if sum(1 for m in p.committee if m.role == "bi_thu") > 1:
        raise fail("committee", "chỉ có một bí thư")
