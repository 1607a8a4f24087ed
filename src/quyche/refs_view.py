"""``quyche refs``: list and search the reference catalogue, and show a document's chain to the current one.

Every date-dependent answer is given as of a check date (``--as-of``). For each entry the view shows its
status on that date and the supersession chain with each link's date and confidence; links of confidence L
or to UNCONFIRMED entries are marked "[Cần xác nhận]" and never presented as settled (references.md §0).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from quyche.references import (
    Hop,
    Reference,
    ReferenceCatalogue,
    packaged_catalogue,
    split_party_key,
    symbol_key,
    vn_date,
)
from quyche.text import nfc

SCHEMA = "quyche/refs/v1"
EXIT_OK, EXIT_USAGE = 0, 2
MAX_DETAILS = 5

KIND_VI = {
    "dieu_le": "Điều lệ Đảng",
    "thi_hanh": "Thi hành Điều lệ",
    "huong_dan_thi_hanh": "Hướng dẫn thi hành Điều lệ",
    "type_authority": "Thể loại, thẩm quyền, thể thức",
    "format": "Thể thức, kỹ thuật trình bày",
    "functions": "Chức năng, nhiệm vụ",
    "model": "Quy chế làm việc mẫu",
    "sinh_hoat": "Sinh hoạt chi bộ",
    "congress": "Đại hội",
    "reorganisation": "Sắp xếp tổ chức",
    "plan": "Kế hoạch",
    "state_reference": "Văn bản nhà nước (tham khảo)",
    "other": "Khác",
}
LINK_VI = {"replaced": "thay thế", "repealed": "bãi bỏ", "followed_by": "tiếp nối"}


@dataclass(frozen=True, slots=True)
class EntryView:
    """An entry as of a date: its status, the chain forward, the entry reached through settled links."""

    ref: Reference
    on: date
    status: str  # in_force | superseded | maybe_superseded | not_yet | historical | unconfirmed
    status_text: str
    hops: tuple[Hop, ...]  # every link of the chain forward, effective or not on ``on``
    current: Reference  # the chain's entry in force on ``on`` (following every link, L included)
    settled: Reference  # the furthest entry reached through H/M links effective on ``on``
    predecessors: tuple[Reference, ...]

    @property
    def needs_confirmation(self) -> bool:
        return any(h.needs_confirmation for h in self.hops if h.on <= self.on) or self.ref.is_unconfirmed


def view(cat: ReferenceCatalogue, ref: Reference, on: date) -> EntryView:
    res = cat.resolve(ref, on)
    settled = res.settled("M")
    current = cat.current(ref, on)
    if ref.is_unconfirmed:
        status, text = "unconfirmed", "CHƯA XÁC NHẬN (không dùng để báo lỗi)"
    elif ref.status == "historical":
        status, text = "historical", "văn bản lịch sử, không còn áp dụng"
    elif on < ref.effective_from:
        status, text = "not_yet", f"chưa có hiệu lực (từ {vn_date(ref.effective_from)})"
    elif res.superseded and settled.key != ref.key:
        first = res.hops[0]
        status = "superseded"
        text = f"đã được {LINK_VI.get(first.link_type, 'thay thế')} từ {vn_date(first.on)}"
    elif res.superseded:
        first = res.hops[0]
        status = "maybe_superseded"
        text = (f"có thể đã được {LINK_VI.get(first.link_type, 'thay thế')} từ {vn_date(first.on)} "
                f"(liên kết độ tin cậy {first.confidence}, cần xác nhận)")
    else:
        status, text = "in_force", "đang có hiệu lực"
    return EntryView(ref, on, status, text, cat.hops(ref), current, settled, tuple(cat.predecessors(ref)))


def matches(cat: ReferenceCatalogue, query: str) -> tuple[list[Reference], list[Reference]]:
    """(entries shown in detail, other related entries) for a query."""
    found = cat.search(query)
    if not found:
        return [], []
    q = nfc(query).strip()
    key = symbol_key(q)
    exact = [r for r in found if r.symbol_key == key or r.symbol_key.split("/")[0] == key]
    if not exact and q.isdigit():
        exact = [r for r in found if (parts := split_party_key(r.symbol_key)) and parts[0] == int(q)]
    if not exact:
        exact = found[:MAX_DETAILS]
    rest = [r for r in found if r not in exact]
    return exact, rest


# -------------------------------------------------------------------------------------------------- JSON
def _brief(ref: Reference) -> dict[str, Any]:
    return {"key": ref.key, "number_symbol": ref.number_symbol, "date": ref.date.isoformat()}


def entry_json(v: EntryView) -> dict[str, Any]:
    r = v.ref
    return {
        "key": r.key,
        "number_symbol": r.number_symbol,
        "doc_type": r.doc_type,
        "date": r.date.isoformat(),
        "date_precision": r.date_precision,
        "issuer": r.issuer,
        "title_short": r.title_short,
        "kind": r.kind,
        "applies_to": list(r.applies_to),
        "confidence": r.confidence,
        "catalogue_status": r.status,
        "status": v.status,
        "status_text": v.status_text,
        "current": _brief(v.current),
        "settled": _brief(v.settled),
        "needs_confirmation": v.needs_confirmation,
        "predecessors": [_brief(p) for p in v.predecessors],
        "chain": [
            {
                "from": h.source.key,
                "to": h.target.key,
                "to_number_symbol": h.target.number_symbol,
                "on": h.on.isoformat(),
                "confidence": h.confidence,
                "declared_confidence": h.declared_confidence,
                "unconfirmed": h.unconfirmed,
                "link_type": h.link_type,
                "effective": h.on <= v.on,
            }
            for h in v.hops
        ],
        "source": list(r.source),
    }


# -------------------------------------------------------------------------------------------------- text
def _date_text(ref: Reference) -> str:
    return f"năm {ref.date.year}" if ref.date_precision == "year" else vn_date(ref.date)


def _print_entry(out: Console, v: EntryView) -> None:
    r = v.ref
    head = f"{r.doc_type} {r.number_symbol}" if r.doc_type else r.number_symbol
    meta = ", ".join(x for x in (_date_text(r), r.issuer or "", KIND_VI.get(r.kind, r.kind)) if x)
    out.print(f"[bold]{escape(head)}[/] — {escape(meta)} (độ tin cậy {r.confidence})")
    out.print(f"  {escape(r.title_short)}")
    out.print(f"  Tình trạng ngày {vn_date(v.on)}: [bold]{escape(v.status_text)}[/]")
    if v.predecessors:
        out.print("  Thay thế cho: " + ", ".join(escape(p.number_symbol) for p in v.predecessors))
    if not v.hops:
        out.print(f"  Chuỗi: {escape(r.number_symbol)} là văn bản cuối của chuỗi thay thế.")
        return
    out.print(f"  Chuỗi đến văn bản hiện hành (tính đến {vn_date(v.on)}):")
    out.print(f"    {escape(r.number_symbol)} ({escape(_date_text(r))})")
    for h in v.hops:
        marks = []
        if h.needs_confirmation:
            marks.append("\\[Cần xác nhận]")
        if h.on > v.on:
            marks.append("(sau ngày đối chiếu)")
        if h.target.key == v.current.key and h.on <= v.on:
            marks.append("← hiện hành")
        line = (f"    → {escape(h.target.number_symbol)}  {LINK_VI.get(h.link_type, h.link_type)} từ {vn_date(h.on)}, "
                f"độ tin cậy {h.confidence}")
        if h.unconfirmed:
            line += " (CHƯA XÁC NHẬN)"
        text = line + (" " + " ".join(marks) if marks else "")
        out.print(f"[dim]{text}[/]" if h.on > v.on else text)
    if v.settled.key != v.current.key:
        out.print(f"  Văn bản đã xác lập (liên kết H/M): [bold]{escape(v.settled.number_symbol)}[/]; "
                  f"văn bản mới nhất {escape(v.current.number_symbol)} \\[Cần xác nhận]")
    elif v.current.key != r.key:
        out.print(f"  Văn bản hiện hành: [bold]{escape(v.current.number_symbol)}[/] "
                  f"({escape(_date_text(v.current))})")


def short_title(ref: Reference, limit: int = 60) -> str:
    t = ref.title_short
    for m in re.finditer(r" — |; |: ", t):  # the first clause, never cut inside brackets
        head = t[: m.start()]
        if head.count("(") == head.count(")"):
            t = head
            break
    t = t.strip()
    return t if len(t) <= limit else t[: limit - 1].rstrip() + "…"


def status_line(v: EntryView) -> str:
    """Status with where the chain leads: "đã được thay thế từ 20/01/2025 → 294-QĐ/TW; …"."""
    text = v.status_text
    if v.status == "superseded":
        text += f" → {v.settled.number_symbol}"
        if v.current.key != v.settled.key:
            text += f"; có thể đã thay thế tiếp bởi {v.current.number_symbol} [Cần xác nhận]"
    elif v.status == "maybe_superseded":
        text += f" → {v.current.number_symbol}"
    return text


def _print_table(out: Console, views: list[EntryView], title: str) -> None:
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("Số hiệu", no_wrap=True)
    table.add_column("Ngày", no_wrap=True)
    table.add_column("Tên (tóm tắt)")
    table.add_column("Tình trạng")
    kind = None
    for v in views:
        r = v.ref
        if r.kind != kind and len(views) > 8:
            kind = r.kind
            table.add_section()
            table.add_row("", "", f"[bold]{escape(KIND_VI.get(r.kind, r.kind))}[/]", "")
        table.add_row(escape(r.number_symbol), _date_text(r), escape(short_title(r)), escape(status_line(v)))
    out.print(table)


# -------------------------------------------------------------------------------------------------- command
def parse_day(value: str | None) -> date:
    if value is None:
        return date.today()
    return date.fromisoformat(value.strip())


def run(
    query: str | None,
    as_of: str | None,
    as_json: bool,
    out: Console,
    err: Console,
    catalogue: ReferenceCatalogue | None = None,
) -> int:
    """Render the catalogue (no query) or the entries matching ``query``; returns the exit status."""
    try:
        on = parse_day(as_of)
    except ValueError:
        err.print(f"[bold red]Lỗi:[/] --as-of cần ngày dạng YYYY-MM-DD, nhận được “{escape(str(as_of))}”")
        return EXIT_USAGE
    cat = catalogue or packaged_catalogue()
    order = {k: i for i, k in enumerate(KIND_VI)}
    if query is None or not query.strip():
        views = [view(cat, r, on) for r in sorted(cat, key=lambda r: (order.get(r.kind, 99), r.date, r.key))]
        if as_json:
            _write_json(out, _payload(cat, on, None, views, []))
            return EXIT_OK
        _print_table(out, views, f"Danh mục văn bản căn cứ (phiên bản {cat.version}) — {len(views)} văn bản, "
                                 f"tình trạng ngày {vn_date(on)}")
        return EXIT_OK
    shown, rest = matches(cat, query)
    views = [view(cat, r, on) for r in shown]
    others = [view(cat, r, on) for r in rest]
    if as_json:
        _write_json(out, _payload(cat, on, query, views, others))
        return EXIT_OK
    if not views:
        out.print(f"Không tìm thấy văn bản nào khớp “{escape(query)}” trong danh mục (phiên bản {cat.version}).")
        return EXIT_OK
    for i, v in enumerate(views):
        if i:
            out.print()
        _print_entry(out, v)
    if others:
        out.print()
        _print_table(out, others, "Văn bản khác có liên quan")
    return EXIT_OK


def _payload(
    cat: ReferenceCatalogue, on: date, query: str | None, views: list[EntryView], others: list[EntryView]
) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "catalogue_version": cat.version,
        "as_of": on.isoformat(),
        "query": query,
        "count": len(views),
        "results": [entry_json(v) for v in views],
        "related": [entry_json(v) for v in others],
    }



def _write_json(out: Console, payload: dict[str, Any]) -> None:
    """JSON goes to the console's file as is (no markup, no highlighting), as ``quyche check --format json``."""
    out.file.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
