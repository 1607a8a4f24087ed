"""``quyche refs``: list and search the reference catalogue, chains as of a date, JSON, errors."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from quyche.cli import app
from quyche.references import packaged_catalogue

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    res = runner.invoke(app, ["refs", *args])
    return res.exit_code, res.output


def run_json(*args: str) -> dict[str, Any]:
    code, output = run(*args, "--json")
    assert code == 0, output
    data: dict[str, Any] = json.loads(output)
    assert data["schema"] == "quyche/refs/v1" and data["catalogue_version"] == packaged_catalogue().version
    return data


def test_list_the_whole_catalogue() -> None:
    code, output = run("--as-of", "2026-03-01")
    assert code == 0, output
    assert "Danh mục văn bản căn cứ" in output and "01/3/2026" in output
    for symbol in ("294-QĐ/TW", "208-QĐ/TW", "36-HD/VPTW", "125-QĐ/TW"):
        assert symbol in output
    data = run_json("--as-of", "2026-03-01")
    assert data["query"] is None and data["count"] == len(packaged_catalogue())
    status = {r["key"]: r["status"] for r in data["results"]}
    assert status["QD-294-TW-2025"] == "in_force" and status["QD-24-TW-2021"] == "superseded"
    assert status["QD-208-TW-2026"] == "not_yet" and status["HD-05-VPTW-2026"] == "unconfirmed"


def test_search_294() -> None:
    code, output = run("294", "--as-of", "2026-03-01")
    assert code == 0, output
    assert "Quy định 294-QĐ/TW" in output and "Tình trạng ngày 01/3/2026: đang có hiệu lực" in output
    data = run_json("294", "--as-of", "2026-11-26")
    assert [r["number_symbol"] for r in data["results"]] == ["294-QĐ/TW"]
    (r,) = data["results"]
    assert r["status"] == "maybe_superseded" and r["needs_confirmation"] is True
    assert r["settled"]["number_symbol"] == "294-QĐ/TW" and r["current"]["number_symbol"] == "208-QĐ/TW"
    assert [(h["to_number_symbol"], h["confidence"]) for h in r["chain"]] == [("20-QĐ/TW", "L"), ("208-QĐ/TW", "L")]


def test_chain_of_24_as_of_2022_it_is_in_force() -> None:
    code, output = run("24-QĐ/TW", "--as-of", "2022-01-01")
    assert code == 0, output
    assert "Tình trạng ngày 01/01/2022: đang có hiệu lực" in output
    assert "(sau ngày đối chiếu)" in output and "← hiện hành" not in output
    (r,) = run_json("24-QĐ/TW", "--as-of", "2022-01-01")["results"]
    assert r["status"] == "in_force" and r["current"]["key"] == "QD-24-TW-2021"
    assert not any(h["effective"] for h in r["chain"])


def test_chain_of_24_as_of_late_2026_reaches_294_then_unconfirmed_links() -> None:
    code, output = run("24-QĐ/TW", "--as-of", "2026-11-26")
    assert code == 0, output
    assert "Tình trạng ngày 26/11/2026: đã được thay thế từ 20/01/2025" in output
    assert "→ 232-QĐ/TW  thay thế từ 20/01/2025, độ tin cậy H" in output
    assert "→ 294-QĐ/TW  thay thế từ 01/7/2025, độ tin cậy H" in output
    assert "→ 20-QĐ/TW  thay thế từ 08/4/2026, độ tin cậy L [Cần xác nhận]" in output
    assert "Văn bản đã xác lập (liên kết H/M): 294-QĐ/TW" in output
    (r,) = run_json("24-QĐ/TW", "--as-of", "2026-11-26")["results"]
    assert [h["confidence"] for h in r["chain"]] == ["H", "H", "L", "L"] and all(h["effective"] for h in r["chain"])
    assert r["settled"]["key"] == "QD-294-TW-2025" and r["current"]["key"] == "QD-208-TW-2026"


def test_number_reused_across_terms_shows_both_entries() -> None:
    data = run_json("01-HD/TW", "--as-of", "2026-11-26")
    assert sorted(r["key"] for r in data["results"]) == ["HD-01-TW-2016", "HD-01-TW-2026"]


def test_keyword_search_in_titles() -> None:
    data = run_json("sinh hoạt chi bộ", "--as-of", "2026-03-01")
    assert "HD-42-BTCTW-2025" in {r["key"] for r in data["results"]}


def test_unknown_query_exits_0_with_a_message() -> None:
    code, output = run("9999-QĐ/TW", "--as-of", "2026-03-01")
    assert code == 0 and "không tìm thấy" in output.lower() and "9999-QĐ/TW" in output
    assert run_json("xyzzy", "--as-of", "2026-03-01")["count"] == 0


def test_bad_as_of_exits_2() -> None:
    code, output = run("294", "--as-of", "2026-13-01")
    assert code == 2 and "--as-of" in output and "YYYY-MM-DD" in output
    assert run("--as-of", "hôm qua")[0] == 2
