"""Render check results: JSON (contract.md §3) and a Vietnamese text report for people."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from rich.console import Console
from rich.markup import escape

from quyche.catalogue import catalogue
from quyche.engine import Finding, Result, authority_regulation
from quyche.model import Document

SCHEMA = "quyche/check/v1"
ZONE_NAMES = {
    "header": "Phần đầu văn bản (tiêu đề, tên cơ quan, số, ngày tháng)",
    "title": "Tên loại và trích yếu",
    "preamble": "Căn cứ ban hành",
    "body": "Nội dung (Chương, Điều, khoản, điểm)",
    "signature": "Thể thức ký",
    "recipients": "Nơi nhận",
    "page": "Trang giấy, lề, phông chữ, số trang",
    "marks": "Dấu chỉ mức độ, dự thảo",
    "document": "Toàn văn bản",
    "profile": "Hồ sơ tổ chức",
}
SEVERITY_VI = {"error": "LỖI", "warning": "CẢNH BÁO", "info": "GHI CHÚ"}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def document_summary(doc: Document) -> dict[str, Any]:
    z = doc.zones
    d = z.doc_date
    return {
        "type": z.title_type.plain.upper() if z.title_type else None,
        "number": z.number_text,
        "date": d.isoformat() if d else None,
        "issuer": z.issuer.plain if z.issuer else None,
        "superior": z.superior.plain if z.superior else None,
        "term": z.term,
        "articles": len(z.articles),
    }


def result_json(r: Result, as_of: date) -> dict[str, Any]:
    if r.error is not None:
        return {"file": r.file, "error": {"code": r.error.code, "message": r.error.message}, "document": None,
                "findings": []}
    assert r.document is not None
    summary = document_summary(r.document)
    doc_date = r.document.zones.doc_date
    return {
        "file": r.file,
        "error": None,
        "document": summary,
        "findings": [f.to_json() for f in r.findings],
        "context": {
            "format_profile": catalogue().format_profile(doc_date),
            "authority_regulation": authority_regulation(doc_date),
            "as_of": as_of.isoformat(),
            "document_date": summary["date"],
            "source_format": r.document.format,
        },
        "not_applicable": r.not_applicable,
    }


def to_json(results: Sequence[Result], as_of: date) -> str:
    payload = {
        "schema": SCHEMA,
        "ruleset": catalogue().ruleset,
        "as_of": as_of.isoformat(),
        "results": [result_json(r, as_of) for r in results],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def print_text(results: Sequence[Result], console: Console, as_of: date) -> None:
    for r in results:
        _print_one(r, console)
    _print_totals(results, console, as_of)


def _print_one(r: Result, console: Console) -> None:
    if r.error is not None:
        console.print(f"[bold red]✗ {escape(r.file)}[/]: không đọc được — {escape(r.error.message)}")
        return
    assert r.document is not None
    if not r.findings:
        console.print(f"[bold green]✓ {escape(r.file)}[/]: không phát hiện sai sót")
        _print_na(r, console)
        return
    counts = _counts(r.findings)
    console.print(f"[bold]{escape(r.file)}[/] — {_counts_text(counts)}")
    by_zone: dict[str, list[Finding]] = {}
    for f in r.findings:
        by_zone.setdefault(f.zone, []).append(f)
    order = list(ZONE_NAMES)
    for zone in sorted(by_zone, key=lambda z: order.index(z) if z in order else 99):
        console.print(f"  [underline]{escape(ZONE_NAMES.get(zone, zone))}[/]")
        for f in by_zone[zone]:
            sev = SEVERITY_VI[f.severity]
            console.print(f"    [{SEVERITY_STYLE[f.severity]}]{sev}[/] [dim]{f.rule}[/] {escape(f.message)}")
            if f.where:
                console.print(f"      Vị trí: {escape(f.where)}" + (f" — “{escape(f.text or '')}”" if f.text else ""))
            if f.expected is not None or f.actual is not None:
                console.print(f"      Cần: {escape(str(f.expected or '—'))}   Hiện có: {escape(str(f.actual or '—'))}")
            if f.fix:
                console.print(f"      Cách sửa: {escape(f.fix)}")
            if f.citation:
                console.print(f"      [dim]Căn cứ: {escape(f.citation)}[/]")
    _print_na(r, console)


def _print_na(r: Result, console: Console) -> None:
    if r.not_applicable and r.document is not None and r.document.format != "docx":
        console.print(
            f"  [dim]{len(r.not_applicable)} quy tắc không áp dụng được cho tệp {r.document.format.upper()} "
            "(cần định dạng hoặc hồ sơ tổ chức)[/]"
        )


def _counts(findings: Sequence[Finding]) -> dict[str, int]:
    out = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        out[f.severity] += 1
    return out


def _counts_text(c: dict[str, int]) -> str:
    return f"{c['error']} lỗi, {c['warning']} cảnh báo, {c['info']} ghi chú"


def _print_totals(results: Sequence[Result], console: Console, as_of: date) -> None:
    if len(results) < 2:
        return
    total = _counts([f for r in results for f in r.findings])
    unreadable = sum(1 for r in results if r.error is not None)
    console.print(
        f"\n[bold]Tổng cộng {len(results)} tệp[/] (ngày đối chiếu {as_of.strftime('%d/%m/%Y')}): "
        f"{_counts_text(total)}" + (f"; {unreadable} tệp không đọc được" if unreadable else "")
    )
