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
        p, f = self.profile, self.flag
        unit = unit_of(p.name)
        body = f"Đảng bộ {unit}" if p.is_dang_uy else p.name
        sup_unit = unit_of(p.superior)
        sup_level = level_of(sup_unit) if fold(p.superior).startswith("dang bo ") else ""
        committee = p.superior_committee
        btv = f"Ban Thường vụ {committee}" if sup_level else None
        commune = unit if p.is_dang_uy_xa else (sup_unit if f("commune_superior") else "")
        sup_start, sup_end = term_cycle(p.term.start)
        extra = p.extra
        sup_term = str(extra.get("superior_term") or f"{sup_start} - {sup_end}")
        sup_khoa = extra.get("superior_khoa")
        khoa = p.term.khoa or ""
        deputies = p.deputies
        v: dict[str, str] = {
            "org": p.name,
            "ORG": p.name.upper(),
            "org_short": "Đảng ủy" if p.is_dang_uy else "Chi bộ",
            "body": body,
            "BODY": body.upper(),
            "bch": f"Ban Chấp hành {body}" if p.is_dang_uy else p.name,
            "congress_body": body,
            "unit": unit,
            "commune": commune,
            "commune_or_unit": commune or unit,
            "local_government": f"Ủy ban nhân dân {commune}" if commune else "chính quyền địa phương",
            "place": p.place,
            "term": f"{p.term.start} - {p.term.end}",
            "khoa": khoa,
            "khoa_phrase": f" khóa {khoa}" if khoa else "",
            "congress_no": f" lần thứ {khoa}" if khoa else "",
            "superior": p.superior,
            "superior_bch": f"Ban Chấp hành {p.superior}",
            "superior_committee": committee,
            "superior_recipient": btv or committee,
            "superior_lead": f"Ban Chấp hành {p.superior}, thường xuyên là {btv}" if btv else committee,
            "superior_lead_short": f"cấp ủy cấp trên, trực tiếp là {committee}",
            "superior_term": sup_term,
            "superior_khoa_phrase": f" khóa {sup_khoa}" if sup_khoa else "",
            "committee_size": str(p.committee_size),
            "members": str(p.members),
            "meeting_day": str(extra.get("meeting_day") or "05"),
            "collective_subject": "Ban Chấp hành" if p.is_dang_uy else "Chi bộ",
            "collective_unity": "Ban Chấp hành và toàn Đảng bộ" if p.is_dang_uy else "Chi bộ",
            "deputies_all": "các đồng chí Phó Bí thư" if len(deputies) > 1 else "đồng chí Phó Bí thư",
            "and_deputies": (", các đồng chí Phó Bí thư" if len(deputies) > 1
                             else ", đồng chí Phó Bí thư" if deputies else ""),
            "topic_proposer": "Chi ủy" if p.has_chi_uy else "đồng chí Bí thư",
            "to_dang_report": "Chi ủy" if p.has_chi_uy else "đồng chí Bí thư",
            "reports_to": "Ban Thường vụ" if p.has_btv else "Ban Chấp hành",
            "ubkt_reports_to": "Ban Chấp hành, Ban Thường vụ" if p.has_btv else "Ban Chấp hành",
            "quorum_bodies": "Ban Chấp hành, Ban Thường vụ" if p.has_btv else "Ban Chấp hành",
            "btv_vote": ("; nghị quyết, quyết định của Ban Thường vụ được thông qua khi có quá nửa tổng số ủy viên "
                         "Ban Thường vụ tán thành") if p.has_btv else "",
            "btv_reports": " (giữa hai kỳ hội nghị do Ban Thường vụ thực hiện)" if p.has_btv else "",
            "plenary_cluster": (" Đảng bộ có đông đảng viên, địa bàn rộng có thể tổ chức hội nghị theo cụm chi bộ."
                                if f("big") else ""),
            "subordinates_list": join_vi(list(p.subordinates)),
            "regulation_of": (f"Ban Chấp hành {body}{' khóa ' + khoa if khoa else ''}, nhiệm kỳ "
                              f"{p.term.start} - {p.term.end}" if p.is_dang_uy
                              else f"{p.name}, nhiệm kỳ {p.term.start} - {p.term.end}"),
        }
        v["village_head"] = self._village_head(unit)
        v["collective"] = self._word("collective", v)
        v["collective_full"] = self._word("collective_full", v)
        v["office"] = self._word("office", v)
        v["members_word"] = self._word("members_word", v)
        for key in ("mission", "people", "work", "front", "head"):
            v[key] = ph.fill(self.pick(ph.get(f"units.{key}")), v)
        v.update(self._lists(v))
        return v

    def _word(self, name: str, v: dict[str, str]) -> str:
        return ph.fill(self.pick(ph.get(f"words.{name}")), v)

    def _village_head(self, unit: str) -> str:
        heads: dict[str, str] = ph.get("units.village_heads")
        key = fold(unit)
        for word, title in sorted(heads.items(), key=lambda kv: -len(kv[0])):
            if word != "default" and (key == fold(word) or key.startswith(fold(word) + " ")):
                return title
        return heads["default"]

    def _lists(self, v: dict[str, str]) -> dict[str, str]:
        """Enumerations that depend on which bodies exist."""
        p, f = self.profile, self.flag
        deputies = "các Phó Bí thư" if f("many_deputies") else "Phó Bí thư" if f("has_pho_bi_thu") else ""
        if p.is_dang_uy:
            subjects = ["Ban Thường vụ Đảng ủy" if f("has_btv") else "", "Thường trực Đảng ủy" if f(
                "has_thuong_truc") else "", "Bí thư", deputies,
                        "các đồng chí Ủy viên Ban Thường vụ" if f("has_btv_members") else "",
                        "các đồng chí đảng ủy viên" if f("has_uy_vien") else ""]
            elected = ["Ban Thường vụ" if f("has_btv") else "", "Bí thư", "Phó Bí thư" if f("has_pho_bi_thu") else "",
                       "Ủy ban Kiểm tra, Chủ nhiệm Ủy ban Kiểm tra" if f("has_ubkt") else ""]
            chaired = ["các hội nghị Ban Chấp hành", "Ban Thường vụ" if f("has_btv") else "",
                       "các cuộc họp Thường trực Đảng ủy" if f("has_thuong_truc") else ""]
            implementers = ["các cơ quan tham mưu, giúp việc của Đảng ủy" if f("is_dang_uy_xa") else "",
                            "các tổ chức đảng trực thuộc" if f("subordinates") else "", "đảng viên trong Đảng bộ"]
            leaders = ("các đồng chí Ủy viên Ban Thường vụ, ủy viên Ban Chấp hành" if f("has_btv")
                       else "các đồng chí ủy viên Ban Chấp hành")
            informed = join_vi(["các tổ chức đảng trực thuộc" if f("subordinates") else "", "đảng viên trong Đảng bộ"])
        else:
            subjects = ["Chi ủy" if f("has_chi_uy") else "", "Bí thư", deputies,
                        "các đồng chí chi ủy viên" if f("has_uy_vien") else "",
                        "các tổ đảng" if f("has_to_dang") else "", "đảng viên trong Chi bộ"]
            elected = []
            chaired = ["các kỳ sinh hoạt Chi bộ", "các cuộc họp Chi ủy" if f("has_chi_uy") else ""]
            implementers = ["đồng chí Phó Bí thư" if f("has_pho_bi_thu") else "",
                            "các đồng chí chi ủy viên" if f("has_uy_vien") else "",
                            "các tổ đảng" if f("has_to_dang") else "", "đảng viên trong Chi bộ"]
            leaders = ("đồng chí Bí thư và các đồng chí chi ủy viên" if f("has_chi_uy")
                       else "đồng chí Bí thư, Phó Bí thư" if f("has_pho_bi_thu") else "đồng chí Bí thư")
            informed = "đảng viên trong Chi bộ"
        standin = ("đồng chí Phó Bí thư Thường trực" if f("has_standing_deputy")
                   else "một đồng chí Phó Bí thư" if f("many_deputies") else "đồng chí Phó Bí thư")
        staff = ["Văn phòng Đảng ủy", "Ban Xây dựng Đảng",
                 "Cơ quan Ủy ban Kiểm tra Đảng ủy" if f("has_ubkt") else ""]
        return {
            "scope_subjects": join_vi(subjects),
            "elected": join_vi(elected),
            "chaired": join_vi(chaired),
            "implementers": join_vi(implementers),
            "leaders": leaders,
            "informed": informed,
            "disseminate_to": informed if p.is_dang_uy else "toàn thể đảng viên trong Chi bộ",
            "chair_standin": (f"khi đồng chí Bí thư vắng mặt, {standin} được ủy quyền chủ trì hội nghị."
                              if f("has_pho_bi_thu") else "đồng chí Bí thư trực tiếp chủ trì các hội nghị."),
            "staff_bodies": join_vi(staff),
        }

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

    def named(self, m: Member, assigner: str) -> str:
        duties = self.duties(m)
        values = {**self.vars, "name": m.name, "role": self.role_title(m), "duties": duties, "assigner": assigner}
        return ph.fill(ph.get("named.with_duties" if duties else "named.without_duties"), values)

    def deputies_ordered(self) -> list[Member]:
        """Phó Bí thư thường trực first, then the others in profile order."""
        deps = [m for m in self.profile.committee if m.role in DEPUTY_ROLES]
        return sorted(deps, key=lambda m: m.role != "pho_bi_thu_thuong_truc")
