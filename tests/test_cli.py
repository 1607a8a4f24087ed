"""The command line as contract.md §2–3 fixes it: options, JSON shape, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factory import L, PartyDoc
from quyche.cli import app

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(*args: str) -> tuple[int, str]:
    res = runner.invoke(app, list(args))
    return res.exit_code, res.output


@pytest.fixture()
def clean(tmp_path: Path) -> Path:
    p = tmp_path / "sach.docx"
    p.write_bytes(PartyDoc().to_bytes())
    return p


@pytest.fixture()
def faulty(tmp_path: Path) -> Path:
    left = [L("ĐẢNG BỘ TỈNH TÂY NINH"), L("ĐẢNG ỦY XÃ AN HÒA", b=True), L("Số 01-QC/ĐU")]  # no "*"
    p = tmp_path / "loi.docx"
    p.write_bytes(PartyDoc(left=left).to_bytes())
    return p


def test_clean_document_exits_0(clean: Path) -> None:
    code, output = run("check", str(clean), "--as-of", "2026-03-01", "--select", "TYP,FMT,STR")
    assert code == 0, output
    assert "không phát hiện sai sót" in output


def test_error_finding_exits_1_and_text_report_is_vietnamese(faulty: Path) -> None:
    code, output = run("check", str(faulty), "--as-of", "2026-03-01")
    assert code == 1
    assert "FMT-HEADER-STAR" in output and "LỖI" in output and "Cách sửa" in output


def test_json_output_follows_the_contract(faulty: Path) -> None:
    code, output = run("check", str(faulty), "--format", "json", "--as-of", "2026-03-01")
    assert code == 1
    data = json.loads(output)
    assert data["schema"] == "quyche/check/v1"
    assert data["ruleset"].startswith("quyche-rules@")
    assert data["as_of"] == "2026-03-01"
    (res,) = data["results"]
    assert res["error"] is None
    assert res["document"] == {
        "type": "QUY CHẾ", "number": "01-QC/ĐU", "date": "2025-10-15", "issuer": "ĐẢNG ỦY XÃ AN HÒA",
        "superior": "ĐẢNG BỘ TỈNH TÂY NINH", "term": "2025 - 2030", "articles": 6,
    }
    star = next(f for f in res["findings"] if f["rule"] == "FMT-HEADER-STAR")
    assert star["severity"] == "error" and star["confidence"] == "H"
    assert star["location"]["zone"] == "header" and star["location"]["paragraph"] == 2
    assert star["expected"] == "*" and star["actual"] is None
    assert set(star) >= {"rule", "severity", "confidence", "message", "location", "expected", "actual",
                         "citation", "fix"}


def test_unreadable_file_exits_2_and_does_not_stop_the_others(tmp_path: Path, clean: Path) -> None:
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    code, output = run("check", str(bad), str(clean), "--format", "json", "--as-of", "2026-03-01")
    assert code == 2
    data = json.loads(output[output.index("{"):])
    by_file = {Path(r["file"]).name: r for r in data["results"]}
    assert by_file["hong.docx"]["error"]["code"] == "corrupt" and by_file["hong.docx"]["findings"] == []
    assert by_file["sach.docx"]["error"] is None


@pytest.mark.parametrize("args", [
    ("--as-of", "26/11/2026"), ("--format", "xml"), ("--select", "NOPE-RULE"), ("--ignore", "XYZ"),
])
def test_wrong_command_line_exits_2(clean: Path, args: tuple[str, str]) -> None:
    code, output = run("check", str(clean), *args)
    assert code == 2
    assert "Lỗi" in output


def test_missing_path_exits_2(tmp_path: Path) -> None:
    code, _ = run("check", str(tmp_path / "khong-co.docx"))
    assert code == 2


def test_select_and_ignore_by_prefix(faulty: Path) -> None:
    code, output = run("check", str(faulty), "--ignore", "FMT-HEADER", "--as-of", "2026-03-01", "--format", "json")
    rules = {f["rule"] for f in json.loads(output)["results"][0]["findings"]}
    assert "FMT-HEADER-STAR" not in rules
    code, output = run("check", str(faulty), "--select", "FMT-HEADER-STAR", "--format", "json")
    rules = {f["rule"] for f in json.loads(output)["results"][0]["findings"]}
    assert rules == {"FMT-HEADER-STAR"} and code == 1


def test_alias_ids_are_accepted(faulty: Path) -> None:
    _code, output = run("check", str(faulty), "--select", "FMT-HEADER-ORG-STAR", "--format", "json")
    assert {f["rule"] for f in json.loads(output)["results"][0]["findings"]} == {"FMT-HEADER-STAR"}


def test_severity_override_may_lower_but_not_raise_past_the_ceiling(tmp_path: Path, faulty: Path) -> None:
    cfg = tmp_path / "cfg.yaml"
    cfg.write_text("severity:\n  FMT-HEADER-STAR: info\n", encoding="utf-8")
    code, output = run("check", str(faulty), "--config", str(cfg), "--select", "FMT-HEADER-STAR", "--format", "json")
    assert code == 0
    assert json.loads(output)["results"][0]["findings"][0]["severity"] == "info"


def test_folder_is_searched_and_profile_beside_wins(tmp_path: Path, clean: Path, faulty: Path) -> None:
    sub = tmp_path / "thu-muc"
    sub.mkdir()
    shutil.copy(EXAMPLES / "quy-che-dang-uy-xa-an-hoa.docx", sub / "a.docx")
    shutil.copy(EXAMPLES / "quy-che-dang-uy-xa-an-hoa.profile.yaml", sub / "a.profile.yaml")
    (sub / "ghi-chu.odt").write_bytes(b"ignored")
    _code, output = run("check", str(sub), "--format", "json", "--as-of", "2026-03-01")
    data = json.loads(output)
    assert [Path(r["file"]).name for r in data["results"]] == ["a.docx"]


def test_jobs_give_the_same_results(tmp_path: Path, clean: Path, faulty: Path) -> None:
    _, one = run("check", str(clean), str(faulty), "--format", "json", "--as-of", "2026-03-01")
    _, two = run("check", str(clean), str(faulty), "--format", "json", "--as-of", "2026-03-01", "--jobs", "2")
    assert json.loads(one) == json.loads(two)


def test_broken_profile_is_a_command_line_error(tmp_path: Path, clean: Path) -> None:
    prof = tmp_path / "p.yaml"
    prof.write_text("schema: quyche/profile/v1\nname: Chi bộ A\nkind: chi_bo_co_so\n", encoding="utf-8")
    code, output = run("check", str(clean), "--profile", str(prof))
    assert code == 2 and "trường" in output


def test_rules_lists_the_catalogue_and_explains_one() -> None:
    code, output = run("rules")
    assert code == 0 and "FMT-HEADER-STAR" in output and "90 quy tắc" in output
    code, output = run("rules", "FMT-HEADER-STAR")
    assert code == 0
    for heading in ("Yêu cầu", "Vì sao", "Ví dụ sai", "Ví dụ đúng", "Cách sửa", "Căn cứ"):
        assert heading in output
    code, _ = run("rules", "KHONG-CO")
    assert code == 2


def test_installed_entry_point_runs() -> None:
    exe = Path(sys.executable).with_name("quyche")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "quyche.cli"]
    res = subprocess.run([*cmd, "--version"], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0 and "quyche" in res.stdout


BAD_INPUTS = {
    "rong.docx": b"",
    "ngau-nhien.docx": bytes(range(256)) * 40,
    "word-cu.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000,
    "cat-doi.docx": PartyDoc().to_bytes()[:5000],
    "gia.pdf": b"%PDF-1.7\n this is not a pdf body",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_exit_2_and_one_line_without_traceback(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name])
    exe = Path(sys.executable).with_name("quyche")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "quyche.cli"]
    res = subprocess.run([*cmd, "check", str(path)], capture_output=True, text=True, timeout=30)
    assert res.returncode == 2
    assert "Traceback" not in res.stdout + res.stderr
    lines = [ln for ln in res.stdout.splitlines() if name in ln]
    assert len(lines) == 1 and "không đọc được" in lines[0]


def test_catalogue_overlay_is_validated_and_used(tmp_path: Path, clean: Path) -> None:
    broken = tmp_path / "hong.yaml"
    broken.write_text("records:\n  - key: X\n    superseded_by: KHONG-CO\n", encoding="utf-8")
    code, output = run("check", str(clean), "--catalogue", str(broken))
    assert code == 2 and "Lỗi" in output
