"""``quyche fix IN.docx -o OUT.docx``: apply the safe format fixes, list what is left for a person.

Exit status: 0 when OUT was written (or, with ``--dry-run``, the plan was made), even if findings
remain; 2 on an unreadable input or bad options. IN is never overwritten unless ``-o`` names it and
``--in-place`` is given. OUT is written to a temporary file in its folder, re-checked, then renamed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from quyche.catalogue import catalogue
from quyche.checking import Job, profile_beside
from quyche.engine import Finding
from quyche.errors import QuycheError, UsageError
from quyche.fix.engine import Outcome, is_safe, load_fixers, plan, recheck
from quyche.profile import load_profile
from quyche.report import SEVERITY_VI

EXIT_OK, EXIT_INPUT = 0, 2


def run(
    src: Path, output: Path | None, profile: Path | None, as_of: str | None, dry_run: bool, in_place: bool,
    out: Console, err: Console,
) -> int:
    try:
        job, target = _options(src, output, profile, as_of, dry_run, in_place)
        outcome = plan(job)
        if dry_run:
            _recheck_in_temp(outcome, job)
        else:
            _write(outcome, job, target)
    except QuycheError as exc:
        err.print(f"[bold red]Lỗi:[/] {escape(exc.message)}")
        return EXIT_INPUT
    print_summary(outcome, out, target, dry_run)
    return EXIT_OK


def _options(
    src: Path, output: Path | None, profile: Path | None, as_of: str | None, dry_run: bool, in_place: bool,
) -> tuple[Job, Path | None]:
    try:
        day = date.fromisoformat(as_of) if as_of else date.today()
    except ValueError as exc:
        raise UsageError(f"--as-of cần ngày dạng YYYY-MM-DD, nhận được “{as_of}”") from exc
    if not src.is_file():
        raise UsageError(f"không tìm thấy tệp “{src}”")
    if src.suffix.lower() != ".docx":
        raise UsageError("chỉ sửa tự động được tệp Word .docx")
    if output is None and not dry_run:
        raise UsageError("cần chỉ ra tệp kết quả: -o KẾT_QUẢ.docx (hoặc --dry-run để chỉ xem trước)")
    if output is not None:
        if output.suffix.lower() != ".docx":
            raise UsageError(f"tệp kết quả phải có đuôi .docx: “{output}”")
        same = output.resolve() == src.resolve() or (output.exists() and os.path.samefile(output, src))
        if same and not in_place:
            raise UsageError("tệp kết quả trùng tệp gốc: thêm --in-place nếu thật sự muốn ghi đè tệp gốc")
        if in_place and not same:
            raise UsageError("--in-place chỉ dùng khi -o trùng với tệp gốc")
        if not output.parent.is_dir():
            raise UsageError(f"không có thư mục “{output.parent}” để ghi tệp kết quả")
    elif in_place:
        raise UsageError("--in-place cần -o trùng với tệp gốc")
    if profile is not None:
        load_profile(profile)  # a broken profile is an option error: say so before doing anything
    profile_path = str(profile) if profile else profile_beside(str(src))
    return Job(str(src), profile_path, day), output


def _write(outcome: Outcome, job: Job, target: Path | None) -> None:
    assert target is not None
    fd, tmp = tempfile.mkstemp(prefix=".quyche-fix-", suffix=".docx", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(outcome.data)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            shutil.copymode(job.path, tmp)
        recheck(outcome, tmp, job)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _recheck_in_temp(outcome: Outcome, job: Job) -> None:
    with tempfile.TemporaryDirectory(prefix="quyche-fix-") as folder:
        tmp = Path(folder) / Path(job.path).name
        tmp.write_bytes(outcome.data)
        recheck(outcome, str(tmp), job)


# ---------------------------------------------------------------------- report
def _why_left(f: Finding, outcome: Outcome) -> str:
    meta = catalogue().rules.get(f.rule)
    notes = [why for rule, why in outcome.notes if rule == f.rule]
    if notes:
        return "; ".join(dict.fromkeys(notes))
    if f.rule == "FMT-FONT-FAMILY" and f.part == "legacy":
        return "phông cũ không theo Unicode: phải chuyển mã văn bản trước khi đổi phông"
    if meta is None or not meta.fix_safe:
        return "không sửa tự động được mà không đụng đến nội dung hoặc bố cục"
    if f.rule not in load_fixers() or not is_safe(f):
        return "chưa có cách sửa tự động"
    return "chưa sửa tự động được"


def print_summary(outcome: Outcome, out: Console, target: Path | None, dry_run: bool) -> None:
    src = escape(outcome.source)
    if dry_run:
        out.print(f"[bold]Sửa thể thức (xem trước, không ghi tệp):[/] {src}")
    else:
        out.print(f"[bold]Sửa thể thức:[/] {src} → {escape(str(target))}")
    verb = "Sẽ sửa" if dry_run else "Đã sửa"
    if outcome.changes:
        out.print(f"\n[bold]{verb} ({len(outcome.changes)}):[/]")
        for c in outcome.changes:
            out.print(f"  {c.rule} — {escape(c.where)}: {escape(c.before)} → {escape(c.after)}")
    elif any(is_safe(f) for f in outcome.before):
        out.print("\nKhông sửa tự động được lỗi thể thức nào.")
    else:
        out.print("\nKhông có lỗi thể thức nào cần sửa tự động.")
    left = [f for f in outcome.after if f.severity in ("error", "warning")]
    infos = [f for f in outcome.after if f.severity == "info"]
    if left:
        out.print(f"\n[bold]Cần người sửa ({len(left)}):[/]")
        for f in left:
            where = f" — {escape(f.where)}" if f.where else ""
            out.print(f"  {escape('[' + SEVERITY_VI[f.severity] + ']')} {f.rule}{where}: {escape(f.message)}")
            out.print(f"      Lý do để lại: {escape(_why_left(f, outcome))}. Cách sửa: {escape(f.fix)}")
    if infos:
        out.print(f"\n[dim]Ghi chú còn lại (mức thông tin): {len(infos)} — xem bằng “quyche check”.[/]")
    new = outcome.new
    if new:
        out.print(f"\n[bold red]Phát sinh sau khi sửa ({len(new)}):[/]")
        for f in new:
            out.print(f"  {escape('[' + SEVERITY_VI[f.severity] + ']')} {f.rule}: {escape(f.message)}")
    fixed = [f for f in outcome.fixed if f.severity in ("error", "warning", "info")]
    errors = sum(1 for f in left if f.severity == "error")
    warnings = len(left) - errors
    out.print(
        f"\nTổng cộng: {verb.lower()} {len(fixed)} phát hiện ({len(outcome.changes)} thay đổi); "
        f"còn {len(left)} cần người sửa ({errors} lỗi, {warnings} cảnh báo), {len(infos)} ghi chú."
    )
    if not dry_run:
        out.print(f"Đã ghi: {escape(str(target))}")
