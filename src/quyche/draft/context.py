"""Everything the composer needs to know about one organisation on one date: flags and names.

Flags (``facts``) choose phrases; names (``vars``) fill their placeholders. All are derived from the profile
(contract.md §1, rules.md §0.3) — nothing is asked of the user that the profile already says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from quyche.draft import phrases as ph
from quyche.profile import DEPUTY_ROLES, Member, Profile
from quyche.text import fold, nfc

HD42_DATE = date(2025, 10, 28)  # 42-HD/BTCTW: meeting duration and preparation rules from this date
_PREFIX = re.compile(r"^\s*(?:đảng\s+(?:ủy|uỷ)|đảng\s+bộ|chi\s+bộ)\s+", re.IGNORECASE)
_COMMUNE_LEVELS = ("xa", "phuong", "dac khu")
_PROVINCE_LEVELS = ("tinh", "thanh pho")
BIG_DANG_BO = 200  # members from which a plenary meeting may be held by cluster


class DraftError(ValueError):
    """The profile cannot give a complete regulation (the message names the field and the rule)."""


def unit_of(name: str) -> str:
    """The unit an organisation belongs to: "Đảng ủy xã An Hòa" → "xã An Hòa", "Chi bộ thôn Đông" → "thôn Đông"."""
    return _PREFIX.sub("", nfc(name), count=1).strip() or nfc(name)


def level_of(unit: str) -> str:
    """Folded level word of a unit name ("tỉnh", "thành phố", "xã", …) or ""."""
    key = fold(unit)
    for level in (*_COMMUNE_LEVELS, *_PROVINCE_LEVELS):
        if key == level or key.startswith(level + " "):
            return level
    return ""


def join_vi(items: Sequence[str]) -> str:
    """"a, b và c"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " và " + items[-1]


def term_cycle(start: int) -> tuple[int, int]:
    """The 5-year congress cycle containing ``start`` (2025 - 2030, 2030 - 2035…)."""
    base = 2025 + 5 * ((start - 2025) // 5)
    return base, base + 5


def date_parts(d: date) -> tuple[str, str, str]:
    """Day and month as 36-HD/VPTW prints them: days 01–09 padded, months 01 and 02 padded, others not."""
    return f"{d.day:02d}", (f"{d.month:02d}" if d.month < 3 else str(d.month)), str(d.year)


@dataclass
class DraftContext:
    profile: Profile
    doc_date: date
    facts: ph.Facts = field(init=False)
    vars: dict[str, str] = field(init=False)
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        p = self.profile
        if p.is_dang_uy and not p.term.khoa:
            raise DraftError("trường “term.khoa”: trích yếu quy chế của đảng ủy phải ghi khóa (TERM-KHOA-FILLED)")
        if self.signer is None:
            raise DraftError("trường “committee”: cần có bí thư hoặc phó bí thư để ký văn bản (ORG-SIGNER-ROLE)")
        self.facts = self._facts()
        self.vars = self._vars()

    # ------------------------------------------------------------------ members
    @property
    def signer(self) -> Member | None:
        return self.profile.secretary or next(iter(self.profile.deputies), None)

    @property
    def btv_members(self) -> list[Member]:
        return [m for m in self.profile.committee if m.role == "uy_vien_btv"] if self.profile.is_dang_uy else []

    @property
    def uy_vien(self) -> list[Member]:
        p = self.profile
        if p.is_chi_bo and not p.has_chi_uy:
            return []
        return [m for m in p.committee if m.role == "uy_vien"]

    # ------------------------------------------------------------------ flags
    def _optional(self, name: str) -> bool | None:
        v = self.profile.extra.get(name)
        return v if isinstance(v, bool) else None

    def _facts(self) -> ph.Facts:
        p = self.profile
        tk = p.template_kind
        dang_uy = p.is_dang_uy
        sup_level = level_of(unit_of(p.superior)) if fold(p.superior).startswith("dang bo ") else ""
        tt_opt, ubkt_opt, td_opt = self._optional("has_thuong_truc"), self._optional("has_ubkt"), self._optional(
            "has_to_dang")
        has_tt = dang_uy and p.has_btv and (tt_opt is True or (tt_opt is None and tk in ("302", "147")))
        if tt_opt and not has_tt:
            self.notes.append("Hồ sơ ghi có Thường trực Đảng ủy nhưng Đảng ủy không có Ban Thường vụ: "
                              "bản dự thảo không viết về Thường trực.")
        has_ubkt = dang_uy and (ubkt_opt is True or (ubkt_opt is None and tk in ("302", "147")))
        if p.is_chi_bo and not p.has_chi_uy and any(m.role == "uy_vien" for m in p.committee):
            self.notes.append("Chi bộ dưới 9 đảng viên chính thức không có chi ủy: các đồng chí ghi vai trò "
                              "“uy_vien” trong hồ sơ không được ghi là chi ủy viên (ORG-CHIUY-THRESHOLD).")
        if not fold(p.superior).startswith("dang bo "):
            self.notes.append(f"Cấp trên “{p.superior}” không phải tên một đảng bộ: dòng đầu của phần tên cơ quan "
                              "ban hành ghi đảng bộ cấp trên trực tiếp (“ĐẢNG BỘ …”, FMT-HEADER-ORG-SUPERIOR).")
        if p.has_chi_uy and p.committee_size < 3:
            self.notes.append(f"Chi bộ có {p.members} đảng viên chính thức nên có chi ủy, nhưng hồ sơ chỉ liệt kê "
                              f"{p.committee_size} đồng chí: bổ sung các chi ủy viên vào hồ sơ.")
        flags = {
            "dang_uy": dang_uy,
            "chi_bo": p.is_chi_bo,
            "has_btv": p.has_btv,
            "has_chi_uy": p.has_chi_uy,
            "has_thuong_truc": has_tt,
            "has_to_dang": p.is_chi_bo and td_opt is True,
            "has_ubkt": has_ubkt,
            "has_pho_bi_thu": p.deputy_count > 0,
            "many_deputies": p.deputy_count > 1,
            "has_standing_deputy": any(m.role == "pho_bi_thu_thuong_truc" for m in p.committee),
            "has_uy_vien": bool(self.uy_vien),
            "has_btv_members": bool(self.btv_members),
            "subordinates": dang_uy and bool(p.subordinates),
            "is_dang_uy_xa": p.is_dang_uy_xa,
            "is_dn_cap_tren": p.is_dn_cap_tren,
            "plenary": p.kind == "dang_uy_co_so",
            "has_commune": p.is_dang_uy_xa or sup_level in _COMMUNE_LEVELS,
            "commune_superior": sup_level in _COMMUNE_LEVELS,
            "province_superior": sup_level in _PROVINCE_LEVELS,
            "big": p.members >= BIG_DANG_BO or p.is_dang_uy_xa,
            "signer_deputy": p.secretary is None,
            "dated_hd42": self.doc_date >= HD42_DATE,
            "has_khoa": bool(p.term.khoa),
            "superior_has_btv": bool(sup_level),
            "has_superior_khoa": bool(p.extra.get("superior_khoa")),
        }
        return ph.Facts(flags, tk, p.type, p.kind)

    def flag(self, name: str) -> bool:
        return self.facts.flags[name]

    def pick(self, value: Any) -> Any:
        return ph.pick(value, self.facts)

    def text(self, value: Any) -> str:
        """Pick and fill a phrase value ("" when no selector holds)."""
        chosen = self.pick(value)
        return ph.fill(chosen, self.vars) if isinstance(chosen, str) else ""

    # ------------------------------------------------------------------ names
    def _vars(self) -> dict[str, str]:
        """Names from the profile, then the phrase data's ``vars`` (in order) and ``lists``."""
        p = self.profile
        unit = unit_of(p.name)
        sup_start, sup_end = term_cycle(p.term.start)
        extra = p.extra
        body = f"Đảng bộ {unit}" if p.is_dang_uy else p.name  # the đảng bộ whose congress elected the đảng ủy
        v: dict[str, str] = {
            "org": p.name,
            "ORG": p.name.upper(),
            "unit": unit,
            "body": body,
            "BODY": body.upper(),
            "commune": unit if p.is_dang_uy_xa else (unit_of(p.superior) if self.flag("commune_superior") else ""),
            "place": p.place,
            "term": f"{p.term.start} - {p.term.end}",
            "khoa": p.term.khoa or "",
            "superior": p.superior,
            "superior_committee": p.superior_committee,
            "superior_term": str(extra.get("superior_term") or f"{sup_start} - {sup_end}"),
            "superior_khoa": str(extra.get("superior_khoa") or ""),
            "committee_size": str(p.committee_size),
            "members": str(p.members),
            "meeting_day": str(extra.get("meeting_day") or "05"),
            "subordinates_list": join_vi(list(p.subordinates)),
            "village_head": self._village_head(unit),
        }
        for name, value in ph.get("vars").items():
            chosen = self.pick(value)
            v[name] = ph.fill(chosen, v) if isinstance(chosen, str) else ""
        for name, items in ph.get("lists").items():
            v[name] = join_vi([ph.fill(t, v) for t in self.items(items)])
        return v

    def items(self, raw: Any) -> list[str]:
        """Strings of a list entry: plain strings, and {text, when} mappings whose ``when`` holds."""
        out: list[str] = []
        for item in self.pick(raw) or ():
            value = self.pick(item)
            if isinstance(value, dict):
                if not all(self.facts.holds(w) for w in value.get("when") or ()):
                    continue
                value = self.pick(value.get("text"))
            if isinstance(value, str) and value:
                out.append(value)
        return out

    def _village_head(self, unit: str) -> str:
        heads: dict[str, str] = ph.get("village_heads")
        key = fold(unit)
        for word, title in sorted(heads.items(), key=lambda kv: -len(kv[0])):
            if word != "default" and (key == fold(word) or key.startswith(fold(word) + " ")):
                return title
        return heads["default"]

    # ------------------------------------------------------------------ people
    def role_title(self, m: Member) -> str:
        roles: dict[str, Any] = ph.get("roles")
        return str(self.pick(roles[m.role]))

    def duties(self, m: Member) -> str:
        proper: list[str] = ph.get("duty_proper_starts")
        out = []
        for d in m.duties:
            d = d.strip().rstrip(".;, ")
            if not d:
                continue
            first = d.split()[0]
            keep = any(d.startswith(s) for s in proper) or (len(first) > 1 and first.isupper())
            out.append(d if keep else d[:1].lower() + d[1:])
        return "; ".join(out)

    def named(self, m: Member, assigner: str, idle: str = "without_duties") -> str:
        """"Đồng chí <name>, <role>, được phân công: <duties>"; ``idle`` names the phrase for no duties."""
        duties = self.duties(m)
        values = {**self.vars, "name": m.name, "role": self.role_title(m), "duties": duties, "assigner": assigner}
        return ph.fill(ph.get(f"named.{'with_duties' if duties else idle}"), values)

    def named_all(self, members: Sequence[Member], assigner: str) -> list[str]:
        """One line per member with duties; those without duties together in one last line."""
        out = [self.named(m, assigner) for m in members if self.duties(m)]
        idle = [m for m in members if not self.duties(m)]
        if len(idle) == 1:
            out.append(self.named(idle[0], assigner))
        elif idle:
            values = {**self.vars, "names": join_vi([m.name for m in idle]), "assigner": assigner}
            out.append(ph.fill(ph.get("named.group_without_duties"), values))
        return out

    def deputies_ordered(self) -> list[Member]:
        """Phó Bí thư thường trực first, then the others in profile order."""
        deps = [m for m in self.profile.committee if m.role in DEPUTY_ROLES]
        return sorted(deps, key=lambda m: m.role != "pho_bi_thu_thuong_truc")
