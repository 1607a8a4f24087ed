"""Command line: ``quyche check``, ``quyche rules`` (contract.md §2); the web commands (§4) in quyche.web.commands."""

from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
import yaml
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from quyche import __version__
from quyche.catalogue import catalogue
from quyche.checking import Job, expand, profile_beside, reference_catalogue, run_job
from quyche.engine import Result, load_rules, parse_ids
from quyche.errors import QuycheError, UsageError
from quyche.profile import load_profile
from quyche.report import SEVERITY_VI, print_text, to_json
from quyche.yamlio import load_yaml

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="quyche — kiểm tra, soạn và cập nhật quy chế làm việc của tổ chức đảng.",
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def _date(value: str | None, option: str) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"{option} cần ngày dạng YYYY-MM-DD, nhận được “{value}”") from exc


def _overrides(config: Path | None) -> tuple[tuple[str, str], ...]:
    if config is None:
        return ()
    try:
        data = load_yaml(config.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise UsageError(f"không đọc được tệp cấu hình {config}: {exc}") from exc
    severity = data.get("severity") or {}
    if not isinstance(severity, dict):
        raise UsageError(f"{config}: “severity” phải là bảng MÃ_QUY_TẮC: mức")
    return tuple(sorted((str(k), str(v)) for k, v in severity.items()))


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Tệp .docx, .pdf, .txt, .md hoặc thư mục", show_default=False)],
    profile: Annotated[Path | None, typer.Option("--profile", help="Hồ sơ tổ chức (YAML)")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Ngày đối chiếu YYYY-MM-DD (mặc định: hôm nay)")] = None,
    fmt: Annotated[str, typer.Option("--format", help="text hoặc json")] = "text",
    select: Annotated[str | None, typer.Option("--select", help="Chỉ chạy các quy tắc/tiền tố này (dấu phẩy)")] = None,
    ignore: Annotated[str | None, typer.Option("--ignore", help="Bỏ qua các quy tắc/tiền tố này")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Số tiến trình song song (0 = theo số nhân CPU)")] = 1,
    config: Annotated[Path | None, typer.Option("--config", help="Tệp cấu hình: ghi đè mức nghiêm trọng")] = None,
    catalogue_files: Annotated[list[Path] | None, typer.Option(
        "--catalogue", help="Tệp bổ sung danh mục văn bản căn cứ của cấp ủy cấp trên (YAML; dùng nhiều lần)")] = None,
) -> None:
    """Kiểm tra thể loại, thể thức, cấu trúc, căn cứ và nội dung của văn bản."""
    try:
        if fmt not in ("text", "json"):
            raise UsageError(f"--format chỉ nhận text hoặc json, nhận được “{fmt}”")
        day = _date(as_of, "--as-of")
        cat = catalogue()
        sel, ign = parse_ids(select, cat), parse_ids(ignore, cat)
        overrides = _overrides(config)
        if profile is not None:
            load_profile(profile)  # a broken profile is a command-line error: say so before reading files
        overlays = tuple(str(p) for p in catalogue_files or ())
        if overlays:
            reference_catalogue(overlays)  # likewise a broken overlay
        files = list(expand(paths))
        if not files:
            raise UsageError("không tìm thấy tệp .docx, .pdf, .txt hoặc .md nào")
    except QuycheError as exc:
        err.print(f"[bold red]Lỗi:[/] {escape(exc.message)}")
        raise typer.Exit(EXIT_INPUT) from None
    job_list = [
        Job(f, profile_beside(f) or (str(profile) if profile else None), day, sel, ign, overrides,
            catalogues=overlays)
        for f in files
    ]
    results = _run(job_list, jobs)
    if fmt == "json":
        sys.stdout.write(to_json(results, day) + "\n")
    else:
        print_text(results, out, day)
    if any(r.error for r in results):
        for r in results:
            if r.error and fmt == "json":
                err.print(f"{escape(r.file)}: {escape(r.error.message)}")
        raise typer.Exit(EXIT_INPUT)
    raise typer.Exit(EXIT_FINDINGS if any(r.worst == "error" for r in results) else EXIT_OK)


def _run(job_list: list[Job], jobs: int) -> list[Result]:
    workers = (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)
    show = len(job_list) > 1 and err.is_terminal
    results: list[Result] = []
    with Progress(TextColumn("Đang kiểm tra"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, transient=True, disable=not show) as progress:
        task = progress.add_task("check", total=len(job_list))
        if workers == 1 or len(job_list) == 1:
            for job in job_list:
                results.append(run_job(job))
                progress.advance(task)
        else:
            with ProcessPoolExecutor(max_workers=min(workers, len(job_list))) as pool:
                for res in pool.map(run_job, job_list, chunksize=4):
                    results.append(res)
                    progress.advance(task)
    return results


@app.command()
def rules(
    rule_id: Annotated[str | None, typer.Argument(help="Mã quy tắc, ví dụ FMT-HEADER-STAR")] = None,
) -> None:
    """Liệt kê danh mục quy tắc, hoặc giải thích một quy tắc."""
    cat = catalogue()
    implemented = load_rules()
    if rule_id is None:
        out.print(f"Danh mục quy tắc {cat.ruleset} — {len(cat.rules)} quy tắc "
                  f"({sum(1 for r in cat.rules if r in implemented)} đang kiểm tra)")
        family = None
        for meta in cat.rules.values():
            if meta.family != family:
                family = meta.family
                out.print(f"\n[bold]{family}[/]")
            sev = "/".join(dict.fromkeys(SEVERITY_VI[p.severity] for p in meta.parts.values()))
            mark = "" if meta.id in implemented else " [dim](chưa kiểm tra)[/]"
            out.print(f"  {meta.id:<26} {sev:<18} {escape(meta.name)}{mark}")
        return
    rid = cat.resolve(rule_id)
    found = cat.rules.get(rid)
    if found is None:
        err.print(f"[bold red]Lỗi:[/] không có quy tắc “{escape(rule_id)}” (xem: quyche rules)")
        raise typer.Exit(EXIT_INPUT)
    meta = found
    out.print(f"[bold]{meta.id}[/] — {escape(meta.name)}")
    for part in meta.parts.values():
        label = "" if part.name == "main" else f" ({part.name})"
        flag = " ⚑ cần xác nhận" if part.flag else ""
        out.print(f"Mức: {SEVERITY_VI[part.severity]}{label}, độ tin cậy {part.confidence}{flag}")
    headings = (("yeu_cau", "Yêu cầu"), ("vi_sao", "Vì sao"), ("vi_du_sai", "Ví dụ sai"),
                ("vi_du_dung", "Ví dụ đúng"), ("cach_sua", "Cách sửa"), ("can_cu", "Căn cứ"))
    for key, title in headings:
        if meta.doc.get(key):
            out.print(f"\n[bold]{title}[/]\n{escape(meta.doc[key])}")
    if meta.sources:
        out.print("\n[dim]Nguồn: " + " ; ".join(meta.sources) + "[/]")
    if meta.id not in implemented:
        out.print("\n[dim]Quy tắc này chưa được kiểm tra tự động trong phiên bản này.[/]")


@app.command("refs")
def refs(
    query: Annotated[str | None, typer.Argument(help="Số hiệu (294-QĐ/TW, 294), khóa hoặc từ khóa")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Ngày đối chiếu YYYY-MM-DD (mặc định: hôm nay)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON")] = False,
) -> None:
    """Tra cứu danh mục văn bản căn cứ và chuỗi thay thế đến văn bản hiện hành."""
    from quyche.refs_view import run as refs_run

    raise typer.Exit(refs_run(query, as_of, as_json, out, err))


@app.command("draft")
def draft(
    profile: Annotated[Path, typer.Argument(help="Hồ sơ tổ chức (YAML)", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Tệp kết quả (.docx, hoặc .md với --format md)")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="Ngày xét căn cứ hiện hành (mặc định: --date)")] = None,
    on: Annotated[str | None, typer.Option("--date", help="Ngày ghi trên văn bản (mặc định: --as-of)")] = None,
    number: Annotated[int | None, typer.Option("--number", help="Số văn bản; không ghi: bản “Dự thảo”")] = None,
    kind: Annotated[str, typer.Option("--kind", help="quy-che, quyet-dinh hoặc phan-cong")] = "quy-che",
    fmt: Annotated[str | None, typer.Option("--format", help="docx hoặc md (mặc định: theo đuôi tệp)")] = None,
    catalogue_files: Annotated[list[Path] | None, typer.Option(
        "--catalogue", help="Tệp bổ sung danh mục văn bản căn cứ (YAML; dùng nhiều lần)")] = None,
) -> None:
    """Soạn dự thảo quy chế làm việc (hoặc quyết định ban hành, quyết định phân công) theo hồ sơ tổ chức."""
    from quyche.draft.command import run as draft_run

    raise typer.Exit(draft_run(profile, output, as_of, on, number, kind, fmt, catalogue_files or [], out, err))


@app.command("fix")
def fix(
    path: Annotated[Path, typer.Argument(help="Tệp .docx cần sửa thể thức", show_default=False)],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Tệp kết quả .docx")] = None,
    profile: Annotated[Path | None, typer.Option("--profile", help="Hồ sơ tổ chức (YAML)")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Ngày đối chiếu YYYY-MM-DD (mặc định: hôm nay)")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Chỉ liệt kê những gì sẽ sửa, không ghi tệp")] = False,
    in_place: Annotated[bool, typer.Option("--in-place", help="Cho phép ghi đè tệp gốc (khi -o là tệp gốc)")] = False,
) -> None:
    """Sửa tự động các lỗi thể thức an toàn (không đụng đến nội dung); liệt kê các lỗi cần người sửa."""
    from quyche.fix.command import run as fix_run

    raise typer.Exit(fix_run(path, output, profile, as_of, dry_run, in_place, out, err))


# ------------------------------------------------------------------------------------------- web (contract.md §4)
# The bodies live in quyche.web.commands, imported inside each command: `quyche check` never loads Django.
@app.command("serve")
def serve(
    demo: Annotated[bool, typer.Option("--demo", help="Chạy với tỉnh mẫu (CSDL riêng demo.sqlite3, tài khoản dùng thử)")
                    ] = False,
    host: Annotated[str, typer.Option("--host", help="Địa chỉ nghe (0.0.0.0: mọi địa chỉ)")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Cổng")] = 8000,
    reset_demo: Annotated[bool, typer.Option("--reset-demo", help="Xóa và dựng lại dữ liệu mẫu (cùng --demo)")
                          ] = False,
) -> None:
    """Chạy trang web quản lý quy chế (cập nhật CSDL, nạp danh mục văn bản căn cứ, rồi phục vụ)."""
    from quyche.web import commands

    raise typer.Exit(commands.serve(host, port, demo=demo, reset_demo=reset_demo, out=out, err=err))


@app.command("createuser")
def createuser(
    username: Annotated[str, typer.Option("--username", help="Tên đăng nhập", show_default=False)],
    role: Annotated[str, typer.Option("--role", help="administrator, inspector hoặc staff", show_default=False)],
    organization: Annotated[str | None, typer.Option(
        "--organization", help="Mã số hoặc tên tổ chức (bắt buộc với inspector, staff)")] = None,
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Đọc mật khẩu từ dòng đầu của stdin")
                              ] = False,
    full_name: Annotated[str, typer.Option("--full-name", help="Họ và tên")] = "",
) -> None:
    """Tạo tài khoản đăng nhập trang web (mật khẩu băm Argon2)."""
    from quyche.web import commands

    raise typer.Exit(commands.createuser(username, role, organization, password_stdin=password_stdin,
                                         full_name=full_name, out=out, err=err))


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="Bảng tính .xlsx hoặc .csv", show_default=False)],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Chỉ kiểm tra, không lưu")] = False,
    skip_invalid: Annotated[bool, typer.Option("--skip-invalid", help="Nhập các dòng hợp lệ, bỏ qua dòng lỗi")
                            ] = False,
) -> None:
    """Nhập cây tổ chức và hồ sơ tổ chức từ bảng tính (cột: quyche export, hoặc xem README)."""
    from quyche.web import commands

    raise typer.Exit(commands.import_sheet(file, dry_run=dry_run, skip_invalid=skip_invalid, out=out, err=err))


@app.command("export")
def export(
    file: Annotated[Path, typer.Argument(help="Tệp kết quả .xlsx hoặc .csv", show_default=False)],
) -> None:
    """Xuất cây tổ chức và hồ sơ tổ chức ra bảng tính (cùng định dạng với quyche import)."""
    from quyche.web import commands

    raise typer.Exit(commands.export_sheet(file, out=out, err=err))


@app.command("backup")
def backup(
    file: Annotated[Path, typer.Argument(help="Tệp sao lưu .zip", show_default=False)],
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có")] = False,
) -> None:
    """Sao lưu toàn bộ dữ liệu và tệp quy chế đã tải lên vào một tệp ZIP."""
    from quyche.web import commands

    raise typer.Exit(commands.backup(file, force=force, out=out, err=err))


@app.command("restore")
def restore(
    file: Annotated[Path, typer.Argument(help="Tệp sao lưu .zip (quyche backup)", show_default=False)],
) -> None:
    """Khôi phục bản sao lưu vào một cơ sở dữ liệu trống."""
    from quyche.web import commands

    raise typer.Exit(commands.restore(file, out=out, err=err))


@app.callback(invoke_without_command=True)
def _main(
    version: Annotated[bool, typer.Option("--version", help="In phiên bản rồi thoát")] = False,
) -> None:
    if version:
        out.print(f"quyche {__version__} ({catalogue().ruleset})")
        raise typer.Exit()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("Đã dừng.")
        sys.exit(130)


if __name__ == "__main__":
    main()
