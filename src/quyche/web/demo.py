"""The demo province of ``quyche serve --demo``: a fictional Đảng bộ tỉnh with its communes, grassroots
organisations and chi bộ, their profiles, working regulations with realistic defects, review tasks, a waiver,
meetings and five accounts.

Every regulation is drafted by :mod:`quyche.draft` from the organisation's profile, then (for some) spoiled the
way real regulations are spoiled — a superseded basis (24-QĐ/TW), a district committee that no longer exists,
a "K/T" signature, 13 pt body text, the missing "*", a chi bộ meeting every two months — and uploaded through
:func:`quyche.web.regulations.services.upload_version`, so the findings the pages show are the checker's own.
Afterwards the board confirms a supersession link (294-QĐ/TW → 20-QĐ/TW) and a chi bộ changes its bí thư: both
open review tasks, as in real use.

The build is deterministic for a seed (names, meeting figures) and a ``today`` (the months of the meetings);
only the passwords are random. It takes a few seconds.
"""

from __future__ import annotations

import io
import random
import re
import secrets
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from quyche.draft import Draft, compose, render
from quyche.draft.model import Line
from quyche.profile import Profile, profile_from_dict
from quyche.text import fold
from quyche.web.accounts.models import Role, User
from quyche.web.meetings.models import MeetingKind
from quyche.web.meetings.services import compliance, record_meeting
from quyche.web.organizations.models import Kind, Organization, OrgType
from quyche.web.organizations.services import add_profile_version, create_organization
from quyche.web.references.models import Reference
from quyche.web.references.services import as_catalogue, load_packaged_references, save_reference
from quyche.web.regulations.models import Regulation, RegulationVersion, Waiver
from quyche.web.regulations.services import create_regulation, grant_waiver, issue_version, upload_version
from quyche.web.reviews.models import ReviewTask, TaskStatus

DEMO_VERSION = 1  # bump when the demo changes: `quyche serve --demo` then rebuilds an older demo database
DEFAULT_SEED = 2025
PROVINCE = "Đảng bộ tỉnh Bình Nguyên"  # fictional
FORMER_DISTRICT = "Huyện ủy Nam Bình"  # the (fictional) district committee abolished on 01/7/2025
TERM = (2025, 2030)
CONFIRMED_LINK = "QD-294-TW-2025"  # 294-QĐ/TW → 20-QĐ/TW, packaged with link confidence L


class DemoError(RuntimeError):
    """The demo could not be built (a template or the catalogue changed under it)."""


# ============================================================================================ the tree
@dataclass(frozen=True, slots=True)
class RegSpec:
    """One uploaded version of an organisation's working regulation."""

    on: date  # date printed on the document; the version is checked as of that day
    number: int | None = 1  # None: a "Dự thảo" without number or signer
    defects: tuple[str, ...] = ()
    issue: bool = False
    after_events: bool = False  # uploaded (and issued) after the supersession event
    note: str = ""


@dataclass(frozen=True, slots=True)
class OrgSpec:
    key: str
    name: str
    kind: str
    type: str = ""
    parent: str | None = None
    place: str = ""
    members: int = 0
    committee: int = 0  # cấp ủy / chi ủy size (a chi bộ under 9 members: bí thư + phó bí thư only)
    deputies: int = 1
    standing: int = 0  # ủy viên Ban Thường vụ besides the bí thư and phó bí thư
    khoa: str | None = None
    versions: tuple[RegSpec, ...] = ()


TREE: tuple[OrgSpec, ...] = (
    OrgSpec("tinh", PROVINCE, Kind.TINH),
    # ---- xã Tân Phú: its committee and five grassroots organisations
    OrgSpec("tan_phu", "Đảng ủy xã Tân Phú", Kind.DANG_UY_CAP_TREN_CO_SO, OrgType.XA, "tinh", "Tân Phú",
            members=412, committee=15, deputies=2, standing=6, khoa="I",
            versions=(RegSpec(date(2025, 10, 6), issue=True),)),
    OrgSpec("phu_loc", "Chi bộ thôn Phú Lộc", Kind.CHI_BO_CO_SO, OrgType.THON_TO_DAN_PHO, "tan_phu", "Tân Phú",
            members=7, versions=(RegSpec(date(2025, 10, 20), defects=("bimonthly_meeting", "district_committee"),
                                         issue=True, note="Chi bộ chép lại từ quy chế nhiệm kỳ trước"),)),
    OrgSpec("phu_hoa", "Chi bộ thôn Phú Hòa", Kind.CHI_BO_CO_SO, OrgType.THON_TO_DAN_PHO, "tan_phu", "Tân Phú",
            members=5, versions=(RegSpec(date(2025, 10, 22), issue=True),)),
    OrgSpec("thpt", "Đảng ủy Trường Trung học phổ thông Tân Phú", Kind.DANG_UY_CO_SO, OrgType.TRUONG_HOC,
            "tan_phu", "Tân Phú", members=46, committee=7, khoa="XII",
            versions=(RegSpec(date(2025, 10, 10), issue=True),)),
    OrgSpec("khtn", "Chi bộ Tổ Khoa học tự nhiên", Kind.CHI_BO_TRUC_THUOC, OrgType.TRUONG_HOC, "thpt", "Tân Phú",
            members=11, committee=3,
            versions=(RegSpec(date(2025, 11, 12), defects=("kt_signature", "body_13pt"),
                              note="Gửi Đảng ủy nhà trường xem xét trước khi ban hành"),)),
    OrgSpec("khxh", "Chi bộ Tổ Khoa học xã hội", Kind.CHI_BO_TRUC_THUOC, OrgType.TRUONG_HOC, "thpt", "Tân Phú",
            members=8),
    OrgSpec("cong_an", "Chi bộ Công an xã Tân Phú", Kind.CHI_BO_CO_SO, OrgType.CONG_AN, "tan_phu", "Tân Phú",
            members=9, committee=3,
            versions=(RegSpec(date(2025, 10, 15), defects=("old_basis_24",), note="Bản trình lần 1"),
                      RegSpec(date(2025, 11, 3), issue=True, note="Bản đã sửa căn cứ theo góp ý của Đảng ủy xã"))),
    OrgSpec("ubnd", "Chi bộ Ủy ban nhân dân xã Tân Phú", Kind.CHI_BO_CO_SO, OrgType.UBND_XA, "tan_phu", "Tân Phú",
            members=14, committee=5,
            versions=(RegSpec(date(2025, 9, 25), issue=True),
                      RegSpec(date(2026, 5, 15), number=2, issue=True, after_events=True,
                              note="Ban hành lại theo Quy định 20-QĐ/TW"))),
    # ---- phường Bắc Hà
    OrgSpec("bac_ha", "Đảng ủy phường Bắc Hà", Kind.DANG_UY_CAP_TREN_CO_SO, OrgType.PHUONG, "tinh", "Bắc Hà",
            members=538, committee=17, deputies=2, standing=7, khoa="I",
            versions=(RegSpec(date(2025, 10, 8), defects=("missing_star",), issue=True),)),
    OrgSpec("hoa_binh", "Chi bộ Tổ dân phố Hòa Bình", Kind.CHI_BO_CO_SO, OrgType.THON_TO_DAN_PHO, "bac_ha", "Bắc Hà",
            members=6, versions=(RegSpec(date(2025, 12, 2), number=None, note="Dự thảo xin ý kiến đảng viên"),)),
    OrgSpec("co_quan", "Chi bộ Cơ quan Đảng phường Bắc Hà", Kind.CHI_BO_CO_SO, OrgType.CO_QUAN_DANG_XA, "bac_ha",
            "Bắc Hà", members=12, committee=3,
            versions=(RegSpec(date(2025, 9, 26), defects=("district_committee",), issue=True),)),
    OrgSpec("benh_vien", "Đảng ủy Bệnh viện Đa khoa khu vực Bắc Hà", Kind.DANG_UY_CO_SO, OrgType.BENH_VIEN,
            "bac_ha", "Bắc Hà", members=63, committee=7, khoa="VIII",
            versions=(RegSpec(date(2025, 10, 16), issue=True),)),
    OrgSpec("khoa_noi", "Chi bộ Khoa Nội", Kind.CHI_BO_TRUC_THUOC, OrgType.BENH_VIEN, "benh_vien", "Bắc Hà",
            members=10, committee=3),
)

# Defects injected into drafted regulations, with the rule that must find each one.
DEFECTS: dict[str, tuple[str, str]] = {
    "old_basis_24": ("REF-SUPERSEDED", "căn cứ Quy định 24-QĐ/TW đã bị thay thế"),
    "district_committee": ("REF-DISTRICT-LEVEL", "còn nhắc “Huyện ủy” sau khi bỏ cấp huyện"),
    "kt_signature": ("TYP-NO-KT", "ký “K/T BÍ THƯ” thay cho “T/M CHI BỘ”"),
    "body_13pt": ("FMT-BODY-TEXT", "chữ phần nội dung cỡ 13"),
    "missing_star": ("FMT-HEADER-STAR", "thiếu dấu “*” dưới tên cơ quan ban hành"),
    "bimonthly_meeting": ("MEET-CB-MONTHLY", "chi bộ sinh hoạt hai tháng một lần"),
}

# Accounts: (username, role, organisation key, what the account shows)
ACCOUNTS: tuple[tuple[str, str, str | None, str], ...] = (
    ("quantri", Role.ADMINISTRATOR, None, "Quản trị viên (toàn bộ dữ liệu, trang quản trị)"),
    ("kiemtra.tinh", Role.INSPECTOR, "tinh", "Cán bộ kiểm tra của Tỉnh ủy (cả tỉnh)"),
    ("kiemtra.tanphu", Role.INSPECTOR, "tan_phu", "Cán bộ Ban xây dựng Đảng, Đảng ủy xã Tân Phú (các tổ chức của xã)"),
    ("vanphong.phuloc", Role.STAFF, "phu_loc", "Cán bộ Chi bộ thôn Phú Lộc"),
    ("vanphong.khtn", Role.STAFF, "khtn", "Cán bộ Chi bộ Tổ Khoa học tự nhiên (trường THPT)"),
)

# ============================================================================================ names
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Trương", "Đinh", "Lương", "Cao", "Mai", "Hà", "Lâm", "Tạ")
MIDDLES = ("Văn", "Thị", "Đức", "Minh", "Hữu", "Thanh", "Ngọc", "Quốc", "Thị Thu", "Thị Kim", "Xuân", "Công", "Hồng",
           "Trọng", "Thị Mỹ", "Đình", "Bá", "Quang")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Hương", "Khánh", "Lan", "Liên", "Long",
         "Mai", "Minh", "Nam", "Nga", "Phong", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tuấn",
         "Vinh", "Yến", "Lực", "Nhàn", "Tùng", "Giang", "Khoa", "Duyên", "Thịnh")
SECRETARY_DUTIES = ("Phụ trách chung", "Trực tiếp phụ trách công tác tổ chức, cán bộ")
DEPUTY_DUTIES = (("Phụ trách công tác xây dựng Đảng", "Thường trực công việc hằng ngày"),
                 ("Phụ trách công tác chính quyền",))
MEMBER_DUTIES = ("Phụ trách công tác kiểm tra, giám sát", "Phụ trách công tác tuyên giáo, dân vận",
                 "Theo dõi công tác phát triển đảng viên", "Phụ trách công tác Mặt trận và các đoàn thể",
                 "Phụ trách công tác quốc phòng, an ninh", "Theo dõi công tác văn phòng, tài chính đảng",
                 "Theo dõi hồ sơ đảng viên, thu nộp đảng phí", "Phụ trách công tác chuyên môn",
                 "Theo dõi công tác thi đua, khen thưởng")


class Names:
    """Distinct Vietnamese names drawn from a seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def __call__(self) -> str:
        for _ in range(1000):
            name = f"{self.rng.choice(SURNAMES)} {self.rng.choice(MIDDLES)} {self.rng.choice(GIVEN)}"
            if name not in self.used:
                self.used.add(name)
                return name
        raise DemoError("hết tên để chọn")


# ============================================================================================ profiles
def by_key() -> dict[str, OrgSpec]:
    return {s.key: s for s in TREE}


def party_unit(name: str) -> str:
    """"Đảng ủy xã Tân Phú" → "Đảng bộ xã Tân Phú" (the superior line names the đảng bộ)."""
    return re.sub(r"^Đảng ủy\b", "Đảng bộ", name)


def _committee(spec: OrgSpec, names: Names) -> list[dict[str, Any]]:
    people: list[dict[str, Any]] = [{"name": names(), "role": "bi_thu", "duties": list(SECRETARY_DUTIES)}]
    roles = ["pho_bi_thu_thuong_truc", "pho_bi_thu"] if spec.deputies == 2 else ["pho_bi_thu"] * spec.deputies
    for i, role in enumerate(roles):
        people.append({"name": names(), "role": role, "duties": list(DEPUTY_DUTIES[min(i, 1)])})
    size = max(spec.committee, len(people))
    duties = list(MEMBER_DUTIES)
    for i in range(size - len(people)):
        role = "uy_vien_btv" if i < spec.standing else "uy_vien"
        people.append({"name": names(), "role": role, "duties": [duties[i % len(duties)]]})
    return people


def plan_profiles(seed: int = DEFAULT_SEED) -> dict[str, dict[str, Any]]:
    """Organisation key → profile (contract.md §1) for every organisation that has one. Pure."""
    rng = random.Random(seed)
    names = Names(rng)
    specs = by_key()
    out: dict[str, dict[str, Any]] = {}
    for spec in TREE:
        if spec.kind == Kind.TINH or spec.parent is None:
            continue
        parent = specs[spec.parent]
        children = [s.name for s in TREE if s.parent == spec.key]
        data: dict[str, Any] = {
            "schema": "quyche/profile/v1",
            "name": spec.name,
            "kind": str(spec.kind),
            "type": str(spec.type),
            "superior": party_unit(parent.name),
            "place": spec.place,
            "term": {"from": TERM[0], "to": TERM[1], **({"khoa": spec.khoa} if spec.khoa else {})},
            "members": spec.members,
            "committee": _committee(spec, names),
        }
        if children:
            data["subordinates"] = children
        profile_from_dict(data)  # a broken plan fails here, not half-way through the build
        out[spec.key] = data
    return out


def new_secretary(data: dict[str, Any], name: str) -> dict[str, Any]:
    """The same profile with another bí thư (the old one leaves the committee)."""
    committee = [dict(m) for m in data["committee"]]
    committee[0] = {"name": name, "role": "bi_thu", "duties": list(SECRETARY_DUTIES)}
    return {**data, "committee": committee}


# ============================================================================================ documents
def _rezip(data: bytes, change: Callable[[str, bytes], bytes]) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, change(info.filename, src.read(info.filename)))
    return buf.getvalue()


def _replace_once(lines: list[Line], old: str, new: str, what: str) -> list[Line]:
    for i, line in enumerate(lines):
        if old in line.text:
            return [*lines[:i], Line(line.role, line.text.replace(old, new, 1)), *lines[i + 1:]]
    raise DemoError(f"không chèn được lỗi mẫu “{what}”: không thấy “{old}”")


def _spoil_draft(draft: Draft, defects: Iterable[str], profile: Profile) -> None:
    page = draft.pages[0]
    for defect in defects:
        if defect == "old_basis_24":
            old = [b for b in page.bases if "294-QĐ/TW" in b]
            if not old:
                raise DemoError("không chèn được lỗi mẫu “24-QĐ/TW”: dự thảo không trích dẫn 294-QĐ/TW")
            page.bases = [re.sub(r"Quy định số 294-QĐ/TW ngày [\d/]+", "Quy định số 24-QĐ/TW ngày 30/7/2021", b)
                          for b in page.bases]
        elif defect == "district_committee":
            superior = profile.superior_committees[0]  # "Đảng ủy xã Tân Phú"
            page.body = _replace_once(page.body, f"báo cáo {superior}", f"báo cáo {FORMER_DISTRICT} và {superior}",
                                      "Huyện ủy")
        elif defect == "kt_signature":
            page.authority, page.sign_title = "K/T BÍ THƯ", "PHÓ BÍ THƯ"
            deputy = profile.deputies[0].name if profile.deputies else None
            page.signer = deputy if page.signer else None
        elif defect == "bimonthly_meeting":
            page.body = _replace_once(page.body, "sinh hoạt thường kỳ mỗi tháng một lần",
                                      "sinh hoạt thường kỳ hai tháng một lần", "sinh hoạt hai tháng một lần")


_BODY_STYLES = ("QCKhoan", "QCDiem", "QCGachDauDong", "QCVanBan", "QCDieu", "QCDieuNoiDung")
_STAR = b'<w:p><w:pPr><w:pStyle w:val="QCSao"/></w:pPr><w:r><w:t xml:space="preserve">*</w:t></w:r></w:p>'


def _spoil_docx(data: bytes, defects: Iterable[str]) -> bytes:
    wanted = set(defects)

    def change(name: str, raw: bytes) -> bytes:
        if name == "word/styles.xml" and "body_13pt" in wanted:
            text = raw.decode("utf-8")
            pattern = r'<w:style [^>]*w:styleId="(?:' + "|".join(_BODY_STYLES) + r')".*?</w:style>'
            spoiled = re.sub(pattern, lambda m: m.group(0).replace('w:val="28"', 'w:val="26"'), text, flags=re.S)
            if spoiled == text:
                raise DemoError("không chèn được lỗi mẫu “cỡ chữ 13”")
            return spoiled.encode("utf-8")
        if name == "word/document.xml" and "missing_star" in wanted:
            if _STAR not in raw:
                raise DemoError("không chèn được lỗi mẫu “thiếu dấu *”")
            return raw.replace(_STAR, b"", 1)
        return raw

    return _rezip(data, change) if wanted & {"body_13pt", "missing_star"} else data


def regulation_document(profile: Profile, spec: RegSpec, catalogue: Any = None) -> tuple[bytes, str]:
    """The regulation quyche drafts for ``profile`` on ``spec.on``, with ``spec.defects`` injected: its DOCX
    bytes and its trích yếu."""
    unknown = sorted(set(spec.defects) - set(DEFECTS))
    if unknown:
        raise DemoError(f"lỗi mẫu không biết: {', '.join(unknown)}")
    draft = compose(profile, spec.on, number=spec.number, catalogue=catalogue)
    _spoil_draft(draft, spec.defects, profile)
    return _spoil_docx(render(draft, "docx"), spec.defects), draft.pages[0].summary


def regulation_docx(profile: Profile, spec: RegSpec, catalogue: Any = None) -> bytes:
    return regulation_document(profile, spec, catalogue)[0]


def file_name(org_name: str, spec: RegSpec) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(org_name).lower()).strip("-")
    return f"quy-che-lam-viec-{slug}{'-du-thao' if spec.number is None else ''}.docx"


# ============================================================================================ build
@dataclass(slots=True)
class DemoAccount:
    username: str
    password: str
    role: str
    label: str
    organization: str

    def to_json(self) -> dict[str, str]:
        return {"username": self.username, "password": self.password, "role": self.role, "label": self.label,
                "organization": self.organization}


@dataclass(slots=True)
class DemoSummary:
    seed: int
    today: date
    accounts: list[DemoAccount]
    organizations: int = 0
    profiles: int = 0
    regulations: int = 0
    versions: int = 0
    issued: int = 0
    with_errors: int = 0
    clean: int = 0
    waivers: int = 0
    open_tasks: int = 0
    meetings: int = 0
    meeting_issues: int = 0
    seconds: float = 0.0
    findings: dict[str, list[str]] = field(default_factory=dict)  # "org name vN" → rules with severity error

    def lines(self) -> list[str]:
        return [
            f"{PROVINCE} (giả định): {self.organizations} tổ chức đảng, {self.profiles} hồ sơ, "
            f"{self.regulations} quy chế ({self.versions} phiên bản, {self.issued} đã ban hành; "
            f"{self.with_errors} có lỗi, {self.clean} không có lỗi)",
            f"{self.open_tasks} việc cần rà soát, {self.waivers} miễn áp dụng, {self.meetings} buổi sinh hoạt "
            f"({self.meeting_issues} tháng chưa đạt yêu cầu)",
        ]


def random_password() -> str:
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud and typed from a terminal
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3))


def _months_before(today: date, count: int) -> list[tuple[int, int]]:
    """The ``count`` months before ``today``'s month, oldest first, then this month once its 7th has passed."""
    year, month = today.year, today.month
    out: list[tuple[int, int]] = []
    for _ in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        out.append((year, month))
    out.reverse()
    if today.day > 7:
        out.append((today.year, today.month))
    return out


# chi bộ → how its meetings go wrong (the others meet as the regime asks)
MEETING_TROUBLE: dict[str, tuple[str, ...]] = {
    "phu_loc": ("skip_month", "short_meeting"),
    "khtn": ("low_attendance",),
    "hoa_binh": ("no_thematic",),
}


def _record_meetings(org: Organization, spec: OrgSpec, months: list[tuple[int, int]], rng: random.Random,
                     actor: Any) -> int:
    """Monthly thường kỳ meetings (the mid-quarter one combined with a chuyên đề), as ``MEETING_TROUBLE`` spoils."""
    trouble = MEETING_TROUBLE.get(spec.key, ())
    count = 0
    skipped = len(months) - 3 if "skip_month" in trouble else -1
    short = len(months) - 2 if "short_meeting" in trouble else -1
    low = len(months) - 2 if "low_attendance" in trouble else -1
    for i, (year, month) in enumerate(months):
        if i == skipped:
            continue
        day = date(year, month, 5 if TREE.index(spec) % 2 else 7)
        thematic = month % 3 == 2 and "no_thematic" not in trouble  # mid-quarter: thường kỳ + chuyên đề
        minutes = 120 + 15 * rng.randint(0, 3) if thematic else 90 + 15 * rng.randint(0, 3)
        if i == short:
            minutes = 70
        total = spec.members
        may_miss = (total - 1) / total > 0.85  # one absence keeps attendance above the 85 % benchmark
        present = total - 1 if may_miss and rng.random() < 0.4 else total
        if i == low:
            present = max(1, round(total * 0.64))
        record_meeting(org, actor=actor, date=day, kind=MeetingKind.REGULAR, combined=thematic,
                       duration_minutes=minutes, present=present, total=total,
                       notes="Sinh hoạt thường kỳ kết hợp chuyên đề" if thematic else "")
        count += 1
    return count


def _supersession_target() -> Reference | None:
    ref = Reference.objects.filter(key=CONFIRMED_LINK).select_related("superseded_by").first()
    if ref is None or ref.superseded_by is None or (ref.link_confidence or ref.confidence) == "H":
        return None
    return ref


@transaction.atomic
def build_demo(*, seed: int = DEFAULT_SEED, today: date | None = None, passwords: dict[str, str] | None = None
               ) -> DemoSummary:
    """Fill an empty, migrated database with the demo province. Returns what was made and the accounts."""
    started = time.monotonic()
    if Organization.objects.exists() or User.objects.exists():
        raise DemoError("cơ sở dữ liệu đã có dữ liệu; dữ liệu mẫu chỉ dựng trên cơ sở dữ liệu trống")
    day = today or timezone.localdate()
    profiles = plan_profiles(seed)
    load_packaged_references()
    catalogue = as_catalogue()

    # ---- the administrator first (every change is done by someone), then the tree, then the other accounts
    given = passwords or {}
    pw = {username: given.get(username) or random_password() for username, *_ in ACCOUNTS}
    admin = User.objects.create_user("quantri", password=pw["quantri"], role=Role.ADMINISTRATOR,
                                     full_name="Quản trị hệ thống", is_staff=True, is_superuser=True)
    users: dict[str, User] = {"quantri": admin}
    orgs: dict[str, Organization] = {}
    for spec in TREE:
        parent = orgs[spec.parent] if spec.parent else None
        orgs[spec.key] = create_organization(spec.name, str(spec.kind), str(spec.type), parent, actor=admin)
        if spec.key in profiles:
            add_profile_version(orgs[spec.key], profiles[spec.key], admin,
                                note="Hồ sơ sau đại hội nhiệm kỳ 2025 - 2030")
    names = Names(random.Random(seed + 1))
    for data in profiles.values():
        names.used.update(m["name"] for m in data["committee"])
    accounts: list[DemoAccount] = []
    for username, role, org_key, label in ACCOUNTS:
        if username not in users:
            users[username] = User.objects.create_user(username, password=pw[username], role=role, full_name=names(),
                                                       organization=orgs[org_key] if org_key else None)
        accounts.append(DemoAccount(username, pw[username], str(role), label,
                                    orgs[org_key].name if org_key else "toàn bộ"))
    inspector_xa = users["kiemtra.tanphu"]
    staff_of = {"phu_loc": users["vanphong.phuloc"], "khtn": users["vanphong.khtn"]}

    # ---- regulations, drafted then spoiled, uploaded and checked
    summary = DemoSummary(seed, day, accounts)
    regulations: dict[str, Regulation] = {}
    later: list[tuple[OrgSpec, RegSpec]] = []

    def upload(spec: OrgSpec, reg_spec: RegSpec) -> RegulationVersion:
        org = orgs[spec.key]
        profile = org.profile()
        assert profile is not None
        data, title = regulation_document(profile, reg_spec, catalogue)
        reg = regulations.get(spec.key)
        if reg is None:
            reg = regulations[spec.key] = create_regulation(org, *TERM, khoa=spec.khoa or "", title=title,
                                                            actor=admin)
        uploader = staff_of.get(spec.key, admin)
        version = upload_version(reg, ContentFile(data, name=file_name(spec.name, reg_spec)), uploader,
                                 as_of=reg_spec.on, note=reg_spec.note)
        if reg_spec.issue:
            issuer = inspector_xa if org.is_within(orgs["tan_phu"]) else admin
            issue_version(version, issuer)
        errors = sorted({f["rule"] for f in version.findings if f.get("severity") == "error"})
        summary.findings[f"{spec.name} v{version.number}"] = errors
        return version

    for spec in TREE:
        for reg_spec in spec.versions:
            if reg_spec.after_events:
                later.append((spec, reg_spec))
            else:
                upload(spec, reg_spec)

    # ---- a waiver in force and one that has expired (its finding shows again)
    grant_waiver(rule="FMT-BODY-TEXT", organization=orgs["khtn"], approver=inspector_xa,
                 regulation=regulations["khtn"], expires=day + timedelta(days=90),
                 reason="Bản đã in và gửi đảng viên; Chi bộ sửa cỡ chữ khi trình ban hành chính thức.")
    grant_waiver(rule="FMT-HEADER-STAR", organization=orgs["bac_ha"], approver=admin,
                 regulation=regulations["bac_ha"], expires=day - timedelta(days=20),
                 reason="Tạm chấp nhận đến khi Văn phòng Đảng ủy phường in lại bản chính.")

    # ---- events that open review tasks: a new bí thư, a confirmed supersession link
    new_name = names()
    add_profile_version(orgs["phu_hoa"], new_secretary(profiles["phu_hoa"], new_name), inspector_xa,
                        note=f"Đồng chí {new_name} được chỉ định làm Bí thư Chi bộ")
    ref = _supersession_target()
    if ref is not None:
        assert ref.superseded_by is not None
        ref.link_confidence = "H"
        save_reference(ref, admin, source=f"Văn bản {ref.superseded_by.number_symbol} do Văn phòng Tỉnh ủy sao gửi",
                       note="Đã đối chiếu bản chính: xác nhận văn bản thay thế")
    for spec, reg_spec in later:
        upload(spec, reg_spec)  # re-issued after the event: closes that organisation's tasks

    # ---- meetings of every chi bộ over the last months
    months = _months_before(day, 4)
    meeting_rng = random.Random(seed * 31 + 7)
    for spec in TREE:
        if spec.kind in (Kind.CHI_BO_CO_SO, Kind.CHI_BO_TRUC_THUOC):
            org = orgs[spec.key]
            summary.meetings += _record_meetings(org, spec, months, meeting_rng, staff_of.get(spec.key, admin))
            for year, month in months:
                result = compliance(org, year, month, today=day)
                summary.meeting_issues += any(i.severity in ("error", "warning") for i in result.issues)

    summary.organizations = len(orgs)
    summary.profiles = len(profiles)
    summary.regulations = len(regulations)
    summary.versions = RegulationVersion.objects.count()
    summary.issued = RegulationVersion.objects.filter(issued_at__isnull=False).count()
    summary.with_errors = sum(1 for rules in summary.findings.values() if rules)
    summary.clean = len(summary.findings) - summary.with_errors
    summary.waivers = Waiver.objects.count()
    summary.open_tasks = ReviewTask.objects.filter(status=TaskStatus.OPEN).count()
    summary.seconds = time.monotonic() - started
    return summary



def expected_errors() -> dict[str, set[str]]:
    """Organisation name → the rules its first spoiled version must break (for tests and the report)."""
    out: dict[str, set[str]] = {}
    for spec in TREE:
        for reg_spec in spec.versions:
            if reg_spec.defects:
                out.setdefault(spec.name, set()).update(DEFECTS[d][0] for d in reg_spec.defects)
    return out


__all__ = ["ACCOUNTS", "DEFAULT_SEED", "DEFECTS", "DEMO_VERSION", "PROVINCE", "TREE", "DemoAccount", "DemoError",
           "DemoSummary", "OrgSpec", "RegSpec", "build_demo", "expected_errors", "plan_profiles", "random_password",
           "regulation_docx"]
