"""The organisation tree and profiles as a spreadsheet (``quyche import`` / ``quyche export``, .xlsx or .csv).

One row per organisation, the columns a board's list of Party organisations usually has. Headers are matched
without regard to case, diacritics or punctuation, so "Tên tổ chức", "TÊN TỔ CHỨC", "ten_to_chuc" and the
ASCII alias "name" are the same column; unknown columns are ignored (and reported). See :data:`COLUMNS`.

- "Loại" and "Loại hình" take the Vietnamese labels ("Chi bộ cơ sở", "Trường học", "UBND xã"…) or the codes of
  contract.md §1 (``chi_bo_co_so``, ``truong_hoc``…).
- "Trực thuộc" names the direct superior: a "Mã" of the sheet, a name in the sheet, or the name of an
  organisation already in the database; empty for the top of the tree.
- The profile columns (Cấp trên … Hồ sơ bổ sung) make the organisation's profile; leave all of them empty for an
  organisation without one (a profile already stored is then kept). Names in the committee columns are separated
  by ";". "Phân công nhiệm vụ" has one line per person: ``Họ tên: nhiệm vụ; nhiệm vụ``.
- Every row is validated with :mod:`quyche.profile` before anything is written, with messages naming the row and
  the column ("Dòng 7, cột “Loại”: …"). The import is all or nothing unless ``skip_invalid`` is given.
- An organisation is matched by its name under the same superior: a new one is created, an existing one gets a
  new profile version when its profile differs (which may open review tasks, as any profile change does).

The export writes the same columns, so export → import into an empty database gives back the tree and profiles.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from quyche.profile import KINDS as PROFILE_KINDS
from quyche.profile import SCHEMA, ProfileError, profile_from_dict
from quyche.text import fold, nfc, squash
from quyche.web.audit import services as audit
from quyche.web.audit.models import Action
from quyche.web.organizations.models import Kind, Organization, OrgType
from quyche.web.organizations.services import add_profile_version, create_organization

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
HEADER_SEARCH_ROWS = 10  # a title line or two above the header is common in a board's sheet
SHEET_TITLE = "Tổ chức"
HELP_TITLE = "Hướng dẫn"


class SheetError(ValueError):
    """The file cannot be read as an organisation sheet; the message says why (Vietnamese)."""


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str  # as exported
    aliases: tuple[str, ...]
    help: str


COLUMNS: tuple[Column, ...] = (
    Column("code", "Mã", ("ma", "ma to chuc", "ma so", "code", "id"),
           "Mã của dòng trong bảng (tùy chọn), để cột “Trực thuộc” trỏ tới"),
    Column("name", "Tên tổ chức", ("ten to chuc", "ten to chuc dang", "ten", "to chuc", "name"),
           "Tên đầy đủ, đúng như dòng tên cơ quan ban hành (bắt buộc)"),
    Column("parent", "Trực thuộc", ("truc thuoc", "to chuc cap tren truc tiep", "cap tren truc tiep", "parent"),
           "Mã hoặc tên tổ chức cấp trên trực tiếp; để trống với tổ chức cao nhất"),
    Column("kind", "Loại", ("loai", "loai to chuc", "cap to chuc", "kind"),
           "Đảng bộ tỉnh, Đảng ủy cấp trên cơ sở, Đảng ủy cơ sở, Chi bộ cơ sở, Chi bộ trực thuộc (bắt buộc)"),
    Column("type", "Loại hình", ("loai hinh", "loai hinh to chuc", "type"),
           "Xã, Phường, Đặc khu, Cơ quan Đảng, UBND xã, Trường học, Bệnh viện, Công an, Thôn, tổ dân phố…"),
    Column("superior", "Cấp trên", ("cap tren", "ten cap tren", "superior"),
           "Đảng bộ cấp trên như dòng đầu của tiêu đề, ví dụ “Đảng bộ xã Tân Phú” (trống: suy ra từ “Trực thuộc”)"),
    Column("place", "Địa danh", ("dia danh", "place"), "Địa danh ghi ở dòng ngày tháng, ví dụ “Tân Phú”"),
    Column("term", "Nhiệm kỳ", ("nhiem ky", "term"), "Ví dụ 2025-2030"),
    Column("khoa", "Khóa", ("khoa", "khoa thu")," Khóa của cấp ủy (đảng ủy), ví dụ I hoặc XII"),
    Column("members", "Số đảng viên chính thức", ("so dang vien chinh thuc", "so dang vien", "dang vien chinh thuc",
                                                   "members"), "Số nguyên"),
    Column("bi_thu", "Bí thư", ("bi thu", "secretary"), "Họ tên bí thư"),
    Column("pho_bi_thu_thuong_truc", "Phó bí thư thường trực", ("pho bi thu thuong truc", "standing deputy"),
           "Họ tên (đảng ủy xã, phường, đặc khu)"),
    Column("pho_bi_thu", "Phó bí thư", ("pho bi thu", "deputy", "deputies"), "Họ tên, cách nhau bằng dấu “;”"),
    Column("uy_vien_btv", "Ủy viên Ban Thường vụ", ("uy vien ban thuong vu", "uy vien btv", "btv", "standing"),
           "Ủy viên Ban Thường vụ khác (ngoài bí thư, phó bí thư), cách nhau bằng dấu “;”"),
    Column("uy_vien", "Cấp ủy viên", ("cap uy vien", "uy vien", "dang uy vien", "chi uy vien", "committee"),
           "Các cấp ủy viên, chi ủy viên còn lại, cách nhau bằng dấu “;”"),
    Column("duties", "Phân công nhiệm vụ", ("phan cong nhiem vu", "phan cong", "nhiem vu", "duties"),
           "Mỗi người một dòng: “Họ tên: nhiệm vụ; nhiệm vụ”"),
    Column("subordinates", "Đơn vị trực thuộc", ("don vi truc thuoc", "to chuc truc thuoc", "subordinates"),
           "Tên các tổ chức trực thuộc, cách nhau bằng dấu “;”"),
    Column("extra", "Hồ sơ bổ sung (JSON)", ("ho so bo sung", "ho so bo sung json", "extra"),
           "Các trường khác của hồ sơ, dạng JSON (thường để trống)"),
)
BY_KEY = {c.key: c for c in COLUMNS}
PROFILE_COLUMNS = ("superior", "place", "term", "khoa", "members", "bi_thu", "pho_bi_thu_thuong_truc", "pho_bi_thu",
                   "uy_vien_btv", "uy_vien", "duties", "subordinates", "extra")
ROLE_COLUMNS = ("bi_thu", "pho_bi_thu_thuong_truc", "pho_bi_thu", "uy_vien_btv", "uy_vien")  # column = role
ROLE_ORDER = {role: i for i, role in enumerate(ROLE_COLUMNS)}
PROFILE_KEYS = frozenset(("schema", "name", "kind", "type", "superior", "place", "term", "members", "committee",
                          "subordinates"))
MULTILINE = frozenset(("duties",))


def norm(text: Any) -> str:
    """Header / label key: folded (no case, no diacritics), punctuation and "_" as single spaces."""
    return re.sub(r"[\W_]+", " ", fold(str(text))).strip()


_HEADERS: dict[str, str] = {}
for _col in COLUMNS:
    for _label in (_col.header, _col.key, *_col.aliases):
        _HEADERS.setdefault(norm(_label), _col.key)

KIND_ALIASES: dict[str, tuple[str, ...]] = {
    Kind.TINH: ("Đảng bộ tỉnh", "Đảng bộ thành phố", "Đảng bộ tỉnh, thành phố", "Tỉnh ủy", "Thành ủy"),
    Kind.DANG_UY_CAP_TREN_CO_SO: ("Đảng ủy cấp trên cơ sở", "Đảng bộ cấp trên cơ sở", "Cấp trên cơ sở",
                                  "Đảng ủy cấp trên trực tiếp của tổ chức cơ sở đảng"),
    Kind.DANG_UY_CO_SO: ("Đảng ủy cơ sở", "Đảng bộ cơ sở", "Đảng bộ cơ sở (đảng ủy)"),
    Kind.CHI_BO_CO_SO: ("Chi bộ cơ sở",),
    Kind.CHI_BO_TRUC_THUOC: ("Chi bộ trực thuộc", "Chi bộ trực thuộc đảng ủy cơ sở", "Chi bộ trực thuộc đảng bộ"),
}
TYPE_ALIASES: dict[str, tuple[str, ...]] = {
    OrgType.XA: ("Xã",),
    OrgType.PHUONG: ("Phường",),
    OrgType.DAC_KHU: ("Đặc khu",),
    OrgType.CO_QUAN_DANG_XA: ("Cơ quan Đảng", "Các cơ quan Đảng", "Cơ quan Đảng xã", "Cơ quan Đảng phường",
                              "Cơ quan đảng, HĐND, MTTQ"),
    OrgType.UBND_XA: ("UBND", "UBND xã", "UBND phường", "UBND đặc khu", "Ủy ban nhân dân", "Ủy ban nhân dân xã",
                      "Ủy ban nhân dân phường"),
    OrgType.DON_VI_SU_NGHIEP: ("Đơn vị sự nghiệp", "Đơn vị sự nghiệp công lập"),
    OrgType.DOANH_NGHIEP_NHA_NUOC: ("Doanh nghiệp nhà nước", "DNNN"),
    OrgType.DOANH_NGHIEP_NGOAI_NHA_NUOC: ("Doanh nghiệp ngoài nhà nước", "Doanh nghiệp tư nhân",
                                          "Doanh nghiệp ngoài khu vực nhà nước"),
    OrgType.CO_QUAN_HANH_CHINH: ("Cơ quan hành chính", "Cơ quan hành chính nhà nước", "Cơ quan nhà nước"),
    OrgType.THON_TO_DAN_PHO: ("Thôn", "Tổ dân phố", "Thôn, tổ dân phố", "Thôn/tổ dân phố", "Ấp", "Bản", "Khu phố",
                              "Khóm", "Thôn, bản"),
    OrgType.TRUONG_HOC: ("Trường học", "Trường", "Giáo dục"),
    OrgType.BENH_VIEN: ("Bệnh viện", "Cơ sở y tế", "Y tế"),
    OrgType.QUAN_DOI: ("Quân đội", "Quân sự"),
    OrgType.CONG_AN: ("Công an",),
    OrgType.KHAC: ("Khác",),
}


def _labels(choices: Any, aliases: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for value, label in choices.choices:
        for text in (value, label, *aliases.get(value, ())):
            out.setdefault(norm(text), str(value))
    return out


KIND_LABELS = _labels(Kind, KIND_ALIASES)
TYPE_LABELS = _labels(OrgType, TYPE_ALIASES)
KIND_DISPLAY = {str(v): (KIND_ALIASES.get(v) or (str(label),))[0] for v, label in Kind.choices}
TYPE_DISPLAY = {str(v): (TYPE_ALIASES.get(v) or (str(label),))[0] for v, label in OrgType.choices}
TYPE_DISPLAY[OrgType.THON_TO_DAN_PHO] = "Thôn, tổ dân phố"


# ============================================================================================ reading
def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = nfc(str(value)).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(squash(line) for line in text.split("\n")).strip()


def _xlsx_rows(data: bytes) -> Iterator[list[str]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise SheetError(f"không đọc được tệp Excel (.xlsx): {exc}") from None
    except Exception as exc:  # zipfile.BadZipFile and the parser's errors: a damaged or fake file
        raise SheetError(f"tệp .xlsx hỏng hoặc không phải tệp Excel ({type(exc).__name__})") from None
    try:
        sheet = wb[SHEET_TITLE] if SHEET_TITLE in wb.sheetnames else wb.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield [_cell_text(v) for v in row]
    finally:
        wb.close()


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SheetError("tệp CSV phải lưu bằng mã UTF-8 (trong Excel: Lưu thành → “CSV UTF-8”)") from None
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        yield [_cell_text(v) for v in row]


def read_rows(path: Path) -> list[list[str]]:
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise SheetError(f"chỉ nhận tệp .xlsx hoặc .csv (tệp đã cho: “{path.name}”)")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SheetError(f"tệp quá lớn ({size / 1e6:.1f} MB; giới hạn {MAX_BYTES / 1e6:.0f} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise SheetError(f"không đọc được {path}: {exc.strerror or exc}") from None
    rows: list[list[str]] = []
    for row in (_xlsx_rows(data) if suffix == ".xlsx" else _csv_rows(data)):
        rows.append(row)
        if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
            raise SheetError(f"bảng có quá nhiều dòng (giới hạn {MAX_ROWS})")
    return rows


# ============================================================================================ parsing
@dataclass(slots=True)
class Row:
    line: int  # as the spreadsheet numbers it (the header is line 1 when it is the first row)
    cells: dict[str, str]
    headers: dict[str, str]  # column key → header as written in the file
    code: str = ""
    name: str = ""
    parent_ref: str = ""
    kind: str = ""
    type: str = ""
    profile: dict[str, Any] | None = None
    member_columns: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    parent_row: Row | None = None
    parent_org: Organization | None = None

    def col(self, key: str) -> str:
        return self.headers.get(key) or BY_KEY[key].header

    def fail(self, key: str | None, message: str) -> None:
        where = f"Dòng {self.line}, cột “{self.col(key)}”" if key else f"Dòng {self.line}"
        self.errors.append(f"{where}: {message}")

    @property
    def label(self) -> str:
        return self.name or f"dòng {self.line}"


def find_header(rows: list[list[str]]) -> tuple[int, dict[int, str], dict[str, str], list[str]]:
    """(index of the header row, cell index → column key, column key → header text, unknown headers)."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = {i: _HEADERS.get(norm(cell)) for i, cell in enumerate(row) if cell}
        found = {i: k for i, k in keys.items() if k}
        if "name" in found.values() and len(found) >= 2:
            seen: dict[str, int] = {}
            for i, key in found.items():
                if key in seen:
                    raise SheetError(f"dòng {index + 1}: cột “{row[i]}” trùng với cột “{row[seen[key]]}”")
                seen[key] = i
            if "kind" not in seen:
                raise SheetError(f"dòng tiêu đề (dòng {index + 1}) thiếu cột “{BY_KEY['kind'].header}”")
            unknown = [row[i] for i, k in keys.items() if k is None]
            return index, found, {k: row[i] for i, k in found.items()}, unknown
    raise SheetError("không tìm thấy dòng tiêu đề có cột “Tên tổ chức” và “Loại” trong 10 dòng đầu")


def _names(text: str) -> list[str]:
    return [squash(p) for p in re.split(r"[;\n]", text) if squash(p)]


def _int(text: str) -> int | None:
    cleaned = text.replace(".", "").replace(",", "").replace(" ", "")
    return int(cleaned) if re.fullmatch(r"\d{1,7}", cleaned) else None


_TERM = re.compile(r"^\s*(\d{4})\s*[-–—/]\s*(\d{4})\s*$")
_PROFILE_FIELD = re.compile(r"trường “([^”]+)”: (.*)$")


def parse_row(row: Row, derived_superior: str | None = None) -> None:
    """Fill ``row`` from its cells (names, kind, type, profile); problems go to ``row.errors``."""
    c = row.cells
    row.code = c.get("code", "")
    row.name = squash(c.get("name", ""))
    row.parent_ref = squash(c.get("parent", ""))
    if not row.name:
        row.fail("name", "bắt buộc, chưa điền")
    elif len(row.name) > 200:
        row.fail("name", "tên quá dài (tối đa 200 ký tự)")
    raw_kind = c.get("kind", "")
    row.kind = KIND_LABELS.get(norm(raw_kind), "")
    if not raw_kind:
        row.fail("kind", "bắt buộc, chưa điền")
    elif not row.kind:
        row.fail("kind", f"“{raw_kind}” không phải loại tổ chức; dùng một trong: {', '.join(KIND_DISPLAY.values())}")
    raw_type = c.get("type", "")
    row.type = TYPE_LABELS.get(norm(raw_type), "") if raw_type else ""
    if raw_type and not row.type:
        row.fail("type", f"“{raw_type}” không phải loại hình; dùng một trong: {', '.join(TYPE_DISPLAY.values())}")
    if not any(c.get(k) for k in PROFILE_COLUMNS):
        return
    if row.kind and row.kind not in PROFILE_KINDS:
        row.fail("kind", f"tổ chức loại “{KIND_DISPLAY[row.kind]}” không có hồ sơ quy chế; để trống các cột hồ sơ "
                         f"(từ “{row.col('superior')}” trở đi)")
        return
    _parse_profile(row, derived_superior)


def _parse_profile(row: Row, derived_superior: str | None) -> None:
    c = row.cells
    before = len(row.errors)
    data: dict[str, Any] = {"schema": SCHEMA, "name": row.name, "kind": row.kind, "type": row.type,
                            "superior": squash(c.get("superior", "")) or derived_superior or "",
                            "place": squash(c.get("place", ""))}
    term_text = c.get("term", "")
    term: dict[str, Any] = {}
    match = _TERM.match(term_text)
    if not term_text:
        row.fail("term", "bắt buộc khi có hồ sơ, ví dụ 2025-2030")
    elif not match:
        row.fail("term", f"“{term_text}” không đúng dạng năm-năm, ví dụ 2025-2030")
    else:
        term = {"from": int(match.group(1)), "to": int(match.group(2))}
    if c.get("khoa"):
        term["khoa"] = squash(c["khoa"])
    data["term"] = term
    members = _int(c.get("members", ""))
    if not c.get("members"):
        row.fail("members", "bắt buộc khi có hồ sơ (số đảng viên chính thức)")
    elif members is None:
        row.fail("members", f"“{c['members']}” không phải số nguyên")
    data["members"] = members if members is not None else 0
    committee: list[dict[str, Any]] = []
    for key in ROLE_COLUMNS:
        for name in _names(c.get(key, "")):
            committee.append({"name": name, "role": key})
            row.member_columns.append(key)
    duties = _parse_duties(row, committee)
    for member in committee:
        if duties.get(member["name"]):
            member["duties"] = duties[member["name"]]
    data["committee"] = committee
    subs = _names(c.get("subordinates", ""))
    if subs:
        data["subordinates"] = subs
    if c.get("extra"):
        try:
            extra = json.loads(c["extra"])
        except ValueError:
            row.fail("extra", "không phải JSON hợp lệ (dạng {\"khóa\": giá trị})")
            extra = {}
        if not isinstance(extra, dict):
            row.fail("extra", "phải là một đối tượng JSON {…}")
        else:
            clash = sorted(set(extra) & PROFILE_KEYS)
            if clash:
                row.fail("extra", f"trường “{clash[0]}” đã có cột riêng; ghi ở cột đó")
            else:
                data.update(extra)
    if len(row.errors) > before:
        return
    try:
        profile_from_dict(data)
    except ProfileError as exc:
        _profile_error(row, exc.message)
        return
    row.profile = data


def _parse_duties(row: Row, committee: list[dict[str, Any]]) -> dict[str, list[str]]:
    text = row.cells.get("duties", "")
    out: dict[str, list[str]] = {}
    known = {fold(m["name"]): m["name"] for m in committee}
    for line in (ln.strip() for ln in text.split("\n")):
        if not line:
            continue
        name, sep, rest = line.partition(":")
        if not sep:
            row.fail("duties", f"“{line}” cần dạng “Họ tên: nhiệm vụ; nhiệm vụ”")
            continue
        who = known.get(fold(name))
        if who is None:
            row.fail("duties", f"“{squash(name)}” không có trong các cột bí thư, phó bí thư, cấp ủy viên")
            continue
        out[who] = [squash(d) for d in rest.split(";") if squash(d)]
    return out


def _profile_error(row: Row, message: str) -> None:
    """Map quyche's "trường “members”: …" to the sheet's column."""
    m = _PROFILE_FIELD.search(message)
    if not m:
        row.fail(None, message)
        return
    field_name, why = m.group(1), m.group(2)
    member = re.match(r"committee\[(\d+)\]", field_name)
    if member and 0 < int(member.group(1)) <= len(row.member_columns):
        row.fail(row.member_columns[int(member.group(1)) - 1], why)
        return
    if field_name == "committee":
        low = fold(why)
        key = ("pho_bi_thu" if "pho bi thu" in low else "uy_vien" if "chi uy" in low or "uy vien" in low
               else "bi_thu")
        row.fail(key, why)
        return
    direct = {"name": "name", "kind": "kind", "type": "type", "superior": "superior", "place": "place",
              "term": "term", "members": "members", "subordinates": "subordinates"}
    row.fail(direct.get(field_name, "extra"), why)


_COMMITTEE = {"dang uy": "Đảng bộ", "tinh uy": "Đảng bộ tỉnh", "thanh uy": "Đảng bộ thành phố"}


def party_unit(name: str) -> str:
    """Superior line text from the superior's name: "Đảng ủy xã Tân Phú" → "Đảng bộ xã Tân Phú",
    "Tỉnh ủy Bình Nguyên" → "Đảng bộ tỉnh Bình Nguyên"; other names as they are."""
    words = name.split()
    head = fold(" ".join(words[:2]))
    return " ".join([_COMMITTEE[head], *words[2:]]) if head in _COMMITTEE and len(words) > 2 else name


# ============================================================================================ import
@dataclass(slots=True)
class ImportReport:
    file: str
    rows: int = 0
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    profile_versions: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # lines left out with skip_invalid
    dry_run: bool = False
    applied: bool = False


class _Rollback(Exception):
    pass


def _same(a: str, b: str) -> bool:
    return nfc(a).casefold() == nfc(b).casefold()


def _resolve(rows: list[Row]) -> None:
    """Parents: a code of the sheet, else a name of the sheet, else an organisation of the database."""
    by_code: dict[str, Row] = {}
    for row in rows:
        if not row.code:
            continue
        if row.code in by_code:
            row.fail("code", f"mã “{row.code}” đã dùng ở dòng {by_code[row.code].line}")
        else:
            by_code[row.code] = row
    db_orgs = list(Organization.objects.all())
    for row in rows:
        ref = row.parent_ref
        if not ref:
            continue
        if ref in by_code:
            row.parent_row = by_code[ref]
            continue
        named = [r for r in rows if r is not row and r.name and _same(r.name, ref)]
        if len(named) == 1:
            row.parent_row = named[0]
            continue
        if len(named) > 1:
            lines = ", ".join(str(r.line) for r in named)
            row.fail("parent", f"có nhiều tổ chức tên “{ref}” (dòng {lines}); hãy ghi mã ở cột “{row.col('code')}”")
            continue
        found = [o for o in db_orgs if _same(o.name, ref)]
        if len(found) == 1:
            row.parent_org = found[0]
        elif found:
            row.fail("parent", f"có {len(found)} tổ chức tên “{ref}” trong cơ sở dữ liệu; hãy đưa tổ chức cấp trên "
                               "vào bảng và ghi mã của nó")
        else:
            row.fail("parent", f"không tìm thấy tổ chức cấp trên “{ref}” trong bảng hay trong cơ sở dữ liệu")
    for row in rows:  # cycles in the sheet
        seen: set[int] = set()
        node: Row | None = row
        while node is not None and node.parent_row is not None:
            if id(node) in seen:
                row.fail("parent", "vòng lặp: tổ chức nằm dưới chính nó")
                break
            seen.add(id(node))
            node = node.parent_row
    groups: dict[tuple[str, str], Row] = {}
    for row in rows:
        parent = (f"r{row.parent_row.line}" if row.parent_row else
                  f"o{row.parent_org.pk}" if row.parent_org else "-")
        key = (parent, nfc(row.name).casefold())
        if row.name and key in groups:
            row.fail("name", f"trùng với dòng {groups[key].line} (cùng tên, cùng cấp trên)")
        else:
            groups[key] = row


def _superior_name(row: Row) -> str | None:
    if row.parent_row is not None and row.parent_row.name:
        return party_unit(row.parent_row.name)
    if row.parent_org is not None:
        return party_unit(row.parent_org.name)
    return None


def parse(rows: list[list[str]]) -> tuple[list[Row], list[str]]:
    """Rows of the sheet → parsed rows (with their errors) and warnings."""
    start, columns, headers, unknown = find_header(rows)
    warnings = [f"Bỏ qua cột không dùng: {', '.join(f'“{u}”' for u in unknown)}"] if unknown else []
    parsed: list[Row] = []
    for index in range(start + 1, len(rows)):
        values = rows[index]
        cells = {key: values[i] for i, key in columns.items() if i < len(values) and values[i]}
        if not cells:
            continue
        parsed.append(Row(index + 1, cells, headers))
    if len(parsed) > MAX_ROWS:
        raise SheetError(f"bảng có quá nhiều dòng (giới hạn {MAX_ROWS})")
    for row in parsed:
        row.code = row.cells.get("code", "")
        row.name = squash(row.cells.get("name", ""))
        row.parent_ref = squash(row.cells.get("parent", ""))
    _resolve(parsed)
    for row in parsed:
        parse_row(row, _superior_name(row))
    return parsed, warnings


def _ordered(rows: list[Row]) -> list[Row]:
    """Parents before children."""
    out: list[Row] = []
    placed: set[int] = set()

    def place(row: Row, depth: int = 0) -> None:
        if id(row) in placed or depth > len(rows):
            return
        if row.parent_row is not None:
            place(row.parent_row, depth + 1)
        placed.add(id(row))
        out.append(row)

    for row in rows:
        place(row)
    return out


def canonical(data: Mapping[str, Any]) -> dict[str, Any]:
    """A profile in the order the sheet writes it (committee by role), empty optional fields dropped."""
    out = json.loads(json.dumps(dict(data), ensure_ascii=False, default=str))
    out.setdefault("schema", SCHEMA)
    people = list(enumerate(out.get("committee") or []))
    people.sort(key=lambda im: (ROLE_ORDER.get(str(im[1].get("role")), len(ROLE_ORDER)), im[0]))
    out["committee"] = [{"name": m.get("name"), "role": m.get("role"),
                         **({"duties": list(m["duties"])} if m.get("duties") else {})} for _, m in people]
    if not out.get("subordinates"):
        out.pop("subordinates", None)
    term = dict(out.get("term") or {})
    if term.get("khoa") in (None, ""):
        term.pop("khoa", None)
    else:
        term["khoa"] = str(term["khoa"])
    for key in ("from", "to"):
        if key in term:
            term[key] = int(term[key])
    out["term"] = term
    return dict(out)


def _apply(row: Row, parent: Organization | None, report: ImportReport, note: str) -> Organization:
    org = Organization.objects.filter(parent=parent, name=row.name).first()
    created = changed = False
    if org is None:
        org = create_organization(row.name, row.kind, row.type, parent)
        report.created.append(row.name)
        created = True
    elif (org.kind, org.type) != (row.kind, row.type or org.type) and row.profile is None:
        before = audit.snapshot(org, ["kind", "type"])
        org.kind, org.type = row.kind, row.type or org.type
        org.full_clean(exclude=["path", "depth", "parent", "merged_into"])
        org.save()
        audit.record(None, Action.UPDATE, org, changes=audit.diff(before, audit.snapshot(org, before)), note=note)
        changed = True
    if row.profile is not None:
        current = org.current_profile_version
        if current is None or canonical(current.data) != canonical(row.profile):
            add_profile_version(org, canonical(row.profile), None, note=note)
            report.profile_versions += 1
            changed = True
    if not created:
        (report.updated if changed else report.unchanged).append(row.name)
    return org


def _dependents(rows: list[Row], bad: set[int]) -> set[int]:
    """Lines of the rows whose superior (in the sheet) is a bad row, transitively."""
    out = set(bad)
    grew = True
    while grew:
        grew = False
        for row in rows:
            if row.line not in out and row.parent_row is not None and row.parent_row.line in out:
                out.add(row.line)
                grew = True
    return out


def import_file(path: str | Path, *, dry_run: bool = False, skip_invalid: bool = False) -> ImportReport:
    """Read, validate and (unless ``dry_run``) store the sheet. All or nothing unless ``skip_invalid``."""
    p = Path(path)
    report = ImportReport(str(p), dry_run=dry_run)
    rows, report.warnings = parse(read_rows(p))
    report.rows = len(rows)
    for row in rows:
        report.errors.extend(row.errors)
    bad = {row.line for row in rows if row.errors}
    if bad and not skip_invalid:
        return report
    skip = _dependents(rows, bad)
    for row in rows:
        if row.line in skip - bad:
            report.errors.append(f"Dòng {row.line}: bỏ qua vì tổ chức cấp trên ở dòng "
                                 f"{row.parent_row.line if row.parent_row else '?'} không nhập được")
    report.skipped = sorted(skip)
    note = f"Nhập từ bảng tính {p.name}"
    made: dict[int, Organization] = {}
    try:
        with transaction.atomic():
            for row in _ordered(rows):
                if row.line in skip:
                    continue
                parent = made[row.parent_row.line] if row.parent_row is not None else row.parent_org
                try:
                    with transaction.atomic():
                        made[row.line] = _apply(row, parent, report, note)
                except (ValidationError, ProfileError, DatabaseError) as exc:
                    message = exc.message if isinstance(exc, ProfileError) else _validation_text(exc)
                    report.errors.append(f"Dòng {row.line}: không lưu được “{row.label}”: {message}")
                    if not skip_invalid:
                        raise _Rollback from None
                    skip |= _dependents(rows, {row.line})
                    report.skipped = sorted(skip)
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    if report.errors and not skip_invalid:  # all or nothing: nothing was imported
        report.created.clear()
        report.updated.clear()
        report.unchanged.clear()
        report.profile_versions = 0
        return report
    report.applied = not dry_run
    return report


def _validation_text(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(str(m) for m in exc.messages)
    return " ".join(str(exc).split())[:300]


# ============================================================================================ export
def _member_names(profile: Mapping[str, Any], role: str) -> str:
    return "; ".join(str(m["name"]) for m in profile.get("committee") or [] if m.get("role") == role)


def export_rows(orgs: Iterable[Organization] | None = None) -> list[dict[str, str]]:
    """One row per active organisation, parents first; "Mã" numbers the tree (1, 1.1, 1.1.2…)."""
    chosen = list(orgs if orgs is not None else Organization.objects.active().order_by("path"))
    ids = {o.pk for o in chosen}
    children: dict[int | None, list[Organization]] = {}
    for org in sorted(chosen, key=lambda o: o.pk):
        parent = org.parent_id if org.parent_id in ids else None
        children.setdefault(parent, []).append(org)
    by_id = {o.pk: o for o in Organization.objects.filter(pk__in={o.parent_id for o in chosen if o.parent_id})}
    out: list[dict[str, str]] = []
    # iterative depth-first walk (a tree may be deeper than Python's recursion allows)
    stack: list[tuple[Organization, str, str]] = []
    for i, org in reversed(list(enumerate(children.get(None, []), 1))):
        outside = by_id[org.parent_id].name if org.parent_id is not None else ""  # superior not exported: by name
        stack.append((org, str(i), outside))
    while stack:
        org, code, parent_ref = stack.pop()
        out.append(_export_row(org, code, parent_ref))
        for i, child in reversed(list(enumerate(children.get(org.pk, []), 1))):
            stack.append((child, f"{code}.{i}", code))
    return out


def _export_row(org: Organization, code: str, parent_ref: str) -> dict[str, str]:
    row = {c.key: "" for c in COLUMNS}
    row.update(code=code, name=org.name, parent=parent_ref, kind=KIND_DISPLAY.get(org.kind, org.kind),
               type=TYPE_DISPLAY.get(org.type, org.type) if org.type else "")
    version = org.current_profile_version
    if version is None:
        return row
    p = canonical(version.data)
    term = p.get("term") or {}
    row.update(superior=str(p.get("superior", "")), place=str(p.get("place", "")),
               term=f"{term.get('from', '')}-{term.get('to', '')}", khoa=str(term.get("khoa", "")),
               members=str(p.get("members", "")),
               subordinates="; ".join(str(s) for s in p.get("subordinates") or []))
    for role in ROLE_COLUMNS:
        row[role] = _member_names(p, role)
    row["duties"] = "\n".join(f"{m['name']}: {'; '.join(m['duties'])}" for m in p["committee"] if m.get("duties"))
    extra = {k: v for k, v in p.items() if k not in PROFILE_KEYS}
    row["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else ""
    if p.get("name") and p["name"] != org.name:
        row["name"] = org.name  # the sheet has one name; the organisation's wins
    return row


def write_file(path: str | Path, rows: list[dict[str, str]]) -> None:
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".csv":
        with p.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([c.header for c in COLUMNS])
            for row in rows:
                writer.writerow([row.get(c.key, "") for c in COLUMNS])
    elif suffix == ".xlsx":
        p.write_bytes(xlsx_bytes(rows))
    else:
        raise SheetError(f"chỉ ghi được tệp .xlsx hoặc .csv (tệp đã cho: “{p.name}”)")


def xlsx_bytes(rows: list[dict[str, str]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET_TITLE
    ws.append([c.header for c in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, 2):
        for i, column in enumerate(COLUMNS, 1):
            value = row.get(column.key, "")
            cell = ws.cell(row=r, column=i, value=value or None)
            if value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            if column.key in MULTILINE or "\n" in value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = {"code": 8, "name": 42, "parent": 10, "kind": 18, "type": 16, "superior": 30, "place": 14, "term": 11,
              "khoa": 7, "members": 10, "duties": 50, "extra": 20}
    for i, column in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(column.key, 28)
    ws.freeze_panes = "C2"
    guide = wb.create_sheet(HELP_TITLE)
    guide.append(["Cột", "Tên khác được nhận", "Cách ghi"])
    for column in COLUMNS:
        guide.append([column.header, ", ".join(column.aliases), column.help.strip()])
    guide.append([])
    guide.append(["Loại", ", ".join(KIND_DISPLAY.values()), "hoặc mã: " + ", ".join(KIND_DISPLAY)])
    guide.append(["Loại hình", ", ".join(TYPE_DISPLAY.values()), "hoặc mã: " + ", ".join(TYPE_DISPLAY)])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for letter, width in (("A", 26), ("B", 50), ("C", 90)):
        guide.column_dimensions[letter].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export_file(path: str | Path) -> int:
    """Write every active organisation (with its current profile) to ``path``; the number of rows."""
    rows = export_rows()
    write_file(path, rows)
    return len(rows)
