"""``quyche import`` / ``quyche export``: the board's spreadsheet of organisations and profiles."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from quyche.cli import app
from quyche.web import demo
from quyche.web.imports import COLUMNS, canonical, export_file, import_file
from quyche.web.organizations.models import Organization, ProfileVersion
from quyche.web.reviews.models import ReviewTask

runner = CliRunner()

HEADER = ["Mã", "Tên tổ chức", "Trực thuộc", "Loại", "Loại hình", "Cấp trên", "Địa danh", "Nhiệm kỳ", "Khóa",
          "Số đảng viên chính thức", "Bí thư", "Phó bí thư", "Cấp ủy viên", "Phân công nhiệm vụ", "Đơn vị trực thuộc"]
GOOD = [
    ["T", "Đảng bộ tỉnh Sông Lam", "", "Đảng bộ tỉnh", "", "", "", "", "", "", "", "", "", "", ""],
    ["X1", "Đảng ủy xã Hòa Tiến", "T", "Đảng ủy cấp trên cơ sở", "Xã", "Đảng bộ tỉnh Sông Lam", "Hòa Tiến",
     "2025-2030", "I", "310", "Nguyễn Văn An", "Trần Thị Bình; Lê Văn Cường", "Phạm Văn Dũng; Võ Thị Em",
     "Nguyễn Văn An: Phụ trách chung\nPhạm Văn Dũng: Phụ trách công tác kiểm tra, giám sát",
     "Chi bộ thôn Hòa Lạc; Đảng bộ Trường THCS Hòa Tiến"],
    ["X1.1", "Chi bộ thôn Hòa Lạc", "X1", "chi bộ cơ sở", "thôn", "", "Hòa Tiến", "2025 - 2030", "", "8",
     "Đỗ Văn Giang", "Hồ Thị Hạnh", "", "", ""],
    ["X1.2", "Đảng bộ Trường THCS Hòa Tiến", "Đảng ủy xã Hòa Tiến", "Đảng ủy cơ sở", "Trường học",
     "Đảng bộ xã Hòa Tiến", "Hòa Tiến", "2025–2030", "V", "36", "Ngô Văn Khánh", "Dương Thị Lan",
     "Lý Văn Long; Trương Thị Mai; Đinh Văn Nam", "", ""],
    ["X1.2.1", "Chi bộ Tổ Toán", "X1.2", "chi_bo_truc_thuoc", "truong_hoc", "", "Hòa Tiến", "2025-2030", "",
     "12", "Lương Văn Phong", "Cao Thị Quyên", "Mai Văn Sơn", "", ""],
]


def write_csv(path: Path, header: list[str], rows: list[list[str]], *, title: str | None = None) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        if title:
            writer.writerow([title])
            writer.writerow([])
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, header: list[str], rows: list[list[Any]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def tree_and_profiles() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for org in Organization.objects.all():
        path = " / ".join([*(a.name for a in org.ancestors()), org.name])
        version = org.current_profile_version
        out[path] = (org.kind, org.type, canonical(version.data) if version else None)
    return out


@pytest.mark.django_db
def test_import_csv_with_labels_codes_and_names(tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "to-chuc.csv", HEADER, GOOD, title="DANH SÁCH TỔ CHỨC ĐẢNG TRỰC THUỘC")
    report = import_file(sheet)
    assert report.errors == [] and report.applied
    assert len(report.created) == 5 and report.profile_versions == 4 and not report.updated
    xa = Organization.objects.get(name="Đảng ủy xã Hòa Tiến")
    assert xa.kind == "dang_uy_cap_tren_co_so" and xa.type == "xa" and xa.parent.name == "Đảng bộ tỉnh Sông Lam"  # type: ignore[union-attr]
    profile = xa.profile()
    assert profile is not None and profile.term.khoa == "I" and profile.members == 310
    assert [m.role for m in profile.committee] == ["bi_thu", "pho_bi_thu", "pho_bi_thu", "uy_vien", "uy_vien"]
    assert profile.committee[0].duties == ("Phụ trách chung",)
    assert profile.subordinates == ("Chi bộ thôn Hòa Lạc", "Đảng bộ Trường THCS Hòa Tiến")
    lac = Organization.objects.get(name="Chi bộ thôn Hòa Lạc")
    assert lac.kind == "chi_bo_co_so" and lac.type == "thon_to_dan_pho"
    assert lac.profile().superior == "Đảng bộ xã Hòa Tiến"  # type: ignore[union-attr]  # derived from "Trực thuộc"
    toan = Organization.objects.get(name="Chi bộ Tổ Toán")
    assert toan.parent.name == "Đảng bộ Trường THCS Hòa Tiến" and toan.depth == 3  # type: ignore[union-attr]
    assert Organization.objects.get(name="Đảng bộ tỉnh Sông Lam").current_profile_version is None

    again = import_file(sheet)  # the same sheet again changes nothing
    assert again.applied and not again.created and not again.updated and len(again.unchanged) == 5
    changed = [row[:] for row in GOOD]
    changed[2][10] = "Bùi Văn Tâm"  # a new bí thư
    report = import_file(write_csv(tmp_path / "moi.csv", HEADER, changed))
    assert report.updated == ["Chi bộ thôn Hòa Lạc"] and report.profile_versions == 1
    assert lac.profile_versions.count() == 2
    assert ReviewTask.objects.filter(organization=lac).exists()  # a new bí thư opens a review


@pytest.mark.django_db
def test_import_xlsx_ascii_headers_and_existing_parent(tmp_path: Path) -> None:
    Organization.objects.create(name="Đảng bộ tỉnh Sông Lam", kind="dang_bo_tinh")
    header = ["code", "name", "parent", "kind", "type", "superior", "place", "term", "khoa", "members", "secretary",
              "deputies", "committee"]
    rows: list[list[Any]] = [
        [1, "Đảng ủy phường Đông Hà", "Đảng bộ tỉnh Sông Lam", "dang_uy_cap_tren_co_so", "phuong",
         "Đảng bộ tỉnh Sông Lam", "Đông Hà", "2025-2030", 1, 250.0, "Hà Văn Tùng", "Tạ Thị Yến", None],
        [2, "Chi bộ Tổ dân phố 4", 1, "Chi bộ cơ sở", "Tổ dân phố", None, "Đông Hà", "2025-2030", None, 5,
         "Lâm Văn Vinh", None, None],
    ]
    report = import_file(write_xlsx(tmp_path / "to-chuc.xlsx", header, rows))
    assert report.errors == [] and report.created == ["Đảng ủy phường Đông Hà", "Chi bộ Tổ dân phố 4"]
    ward = Organization.objects.get(name="Đảng ủy phường Đông Hà")
    assert ward.parent is not None and ward.parent.name == "Đảng bộ tỉnh Sông Lam"
    assert ward.profile().term.khoa == "1" and ward.profile().members == 250  # type: ignore[union-attr]


@pytest.mark.django_db
def test_invalid_rows_are_reported_and_nothing_is_imported(tmp_path: Path) -> None:
    rows = [row[:] for row in GOOD]
    rows[1][3] = "Ban Thường vụ"  # line 3: not a kind
    rows[2][9] = "2"  # line 4: a chi bộ needs 3 full members
    rows[2][11] = "Hồ Thị Hạnh; Tạ Văn Ích"  # … and at most one phó bí thư (reported after the count)
    rows[3][7] = "2025"  # line 5: not a term
    rows[4][2] = "X9"  # line 6: unknown superior
    bad = [*rows, ["", "", "", "Chi bộ cơ sở", "", "", "", "", "", "", "", "", "", "", ""]]  # line 7: no name
    sheet = write_csv(tmp_path / "loi.csv", HEADER, bad)
    report = import_file(sheet)
    assert not report.applied and not report.created
    assert Organization.objects.count() == 0 and ProfileVersion.objects.count() == 0
    text = "\n".join(report.errors)
    assert "Dòng 3, cột “Loại”: “Ban Thường vụ” không phải loại tổ chức" in text
    assert "Dòng 4, cột “Số đảng viên chính thức”: chi bộ phải có ít nhất 3 đảng viên chính thức" in text
    assert "Dòng 5, cột “Nhiệm kỳ”: “2025” không đúng dạng" in text
    assert "Dòng 6, cột “Trực thuộc”: không tìm thấy tổ chức cấp trên “X9”" in text
    assert "Dòng 7, cột “Tên tổ chức”: bắt buộc" in text
    assert all(e.startswith("Dòng ") for e in report.errors)

    two = [row[:] for row in GOOD]
    two[2][11] = "Hồ Thị Hạnh; Tạ Văn Ích"
    report = import_file(write_csv(tmp_path / "hai-pho.csv", HEADER, two))
    assert report.errors and "Dòng 4, cột “Phó bí thư”: chi bộ chỉ có tối đa 01 phó bí thư" in report.errors[0]

    # --skip-invalid: the good rows go in, a bad row and the rows under it stay out
    skipped = import_file(sheet, skip_invalid=True)
    assert skipped.applied
    assert sorted(skipped.created) == ["Đảng bộ tỉnh Sông Lam"]  # line 3 (the xã) is bad: everything under it too
    assert skipped.skipped == [3, 4, 5, 6, 7]


@pytest.mark.django_db
def test_dry_run_and_cli(tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "to-chuc.csv", HEADER, GOOD)
    res = runner.invoke(app, ["import", str(sheet), "--dry-run"])
    assert res.exit_code == 0, res.output
    assert "chưa lưu gì" in res.stdout and "5 tổ chức mới" in res.stdout
    assert Organization.objects.count() == 0
    res = runner.invoke(app, ["import", str(sheet)])
    assert res.exit_code == 0 and "Đã nhập to-chuc.csv: 5 tổ chức mới" in res.stdout
    assert Organization.objects.count() == 5
    bad = write_csv(tmp_path / "loi.csv", HEADER, [["A", "Chi bộ X", "", "Chi bộ", "", "", "", "", "", "", "", "",
                                                    "", "", ""]])
    res = runner.invoke(app, ["import", str(bad)])
    assert res.exit_code == 1 and "Dòng 2, cột “Loại”" in res.stderr and "Không nhập gì" in res.stderr
    res = runner.invoke(app, ["import", str(tmp_path / "khong-co.xlsx")])
    assert res.exit_code == 2
    (tmp_path / "x.txt").write_text("a", encoding="utf-8")
    assert runner.invoke(app, ["import", str(tmp_path / "x.txt")]).exit_code == 2
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    res = runner.invoke(app, ["import", str(broken)])
    assert res.exit_code == 2 and "hong.xlsx" in res.stderr
    out = tmp_path / "xuat.xlsx"
    res = runner.invoke(app, ["export", str(out)])
    assert res.exit_code == 0 and "Đã xuất 5 tổ chức" in res.stdout
    wb = load_workbook(out)
    assert wb.sheetnames == ["Tổ chức", "Hướng dẫn"]
    header = [c.value for c in next(wb["Tổ chức"].iter_rows(max_row=1))]
    assert header == [c.header for c in COLUMNS]


@pytest.mark.django_db(transaction=True)
def test_round_trip_export_import(tmp_path: Path) -> None:
    demo.build_demo(seed=3, today=date(2026, 11, 26), passwords={})
    before = tree_and_profiles()
    assert sum(1 for _, _, p in before.values() if p) == len(demo.TREE) - 1
    files = [tmp_path / "cay.xlsx", tmp_path / "cay.csv"]
    for path in files:
        assert export_file(path) == len(demo.TREE)
    text = files[1].read_text(encoding="utf-8-sig")
    assert next(csv.reader(io.StringIO(text)))[:4] == ["Mã", "Tên tổ chức", "Trực thuộc", "Loại"]
    for path in files:
        call_command("flush", interactive=False, verbosity=0)
        report = import_file(path)
        assert report.errors == [] and len(report.created) == len(demo.TREE)
        assert tree_and_profiles() == before, path.suffix
