"""Bodies of the web commands of the command line: ``quyche serve``, ``createuser``, ``import``, ``export``,
``backup``, ``restore``. :mod:`quyche.cli` registers them and imports this module only when one of them runs, so
``quyche check`` never loads Django.

Each function sets Django up on the database the environment names (``DATABASE_URL``, else SQLite in the data
folder; :mod:`quyche.web.config`), prints Vietnamese messages and returns the exit status: 0 done, 1 the input
had problems (rows of a sheet), 2 the command could not run (bad option, unreadable file, database refused).

``quyche serve`` runs the site with waitress, a pure-Python production WSGI server that also runs on Windows
(where boards' machines mostly are), and serves the static files with WhiteNoise (collected into the data folder
at start), so pages look right without DEBUG and without a separate web server. ``--demo`` uses a database of
its own, ``demo.sqlite3`` in the data folder, with its files in ``demo-files/`` and the demo accounts in
``demo-accounts.json``: the user's real database is never opened.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape

from quyche.web import config

if TYPE_CHECKING:
    from quyche.web.organizations.models import Organization

EXIT_OK, EXIT_PROBLEMS, EXIT_FAIL = 0, 1, 2
DEMO_DB = "demo.sqlite3"
DEMO_FILES = "demo-files"
DEMO_ACCOUNTS = "demo-accounts.json"
ROLES = ("administrator", "inspector", "staff")


class CommandError(Exception):
    """The command cannot go on; the message (Vietnamese) is printed as is."""


# ============================================================================================ set-up
def demo_paths(folder: Path) -> tuple[Path, Path, Path]:
    return folder / DEMO_DB, folder / DEMO_FILES, folder / DEMO_ACCOUNTS


def setup(*, demo: bool = False) -> Path:
    """Set Django up on the user's database (or the demo one); the data folder. Idempotent."""
    from django.conf import settings

    try:
        folder = config.ensure_dir(config.data_dir())
    except OSError as exc:
        raise CommandError(f"không tạo được thư mục dữ liệu {config.data_dir()}: {exc.strerror or exc}") from None
    demo_db, demo_files, _ = demo_paths(folder)
    if settings.configured:  # already set up in this process (tests, or a second command)
        if demo and Path(str(settings.DATABASES["default"]["NAME"])) != demo_db:
            raise CommandError("--demo cần một tiến trình mới (Django đã được cấu hình với CSDL khác)")
        return folder
    os.environ["DJANGO_SETTINGS_MODULE"] = "quyche.web.settings"
    if demo:
        os.environ["DATABASE_URL"] = f"sqlite:///{demo_db}"
        os.environ.setdefault("QUYCHE_SECURE_COOKIES", "0")  # the demo runs over plain http on this machine
    import django

    try:
        django.setup()
    except config.ConfigError as exc:
        raise CommandError(str(exc)) from None
    if demo:
        settings.MEDIA_ROOT = str(demo_files)  # before any storage is opened: demo files stay apart
    return folder


def describe_database() -> str:
    from django.conf import settings

    db = settings.DATABASES["default"]
    if str(db["ENGINE"]).endswith("sqlite3"):
        return f"SQLite {db['NAME']}"
    host = db.get("HOST") or "localhost"
    return f"PostgreSQL “{db['NAME']}” tại {host}:{db.get('PORT') or 5432}"


def pending_migrations() -> list[str]:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{m.app_label}.{m.name}" for m, _ in plan]


def migrate(out: Console | None = None) -> int:
    """Apply the migrations the database lacks; how many."""
    from django.core.management import call_command

    pending = pending_migrations()
    if pending:
        call_command("migrate", interactive=False, verbosity=0)
        if out is not None:
            out.print(f"Đã cập nhật cấu trúc cơ sở dữ liệu ({len(pending)} bước).")
    return len(pending)


def ensure_references(out: Console | None = None) -> int:
    """Load quyche's packaged catalogue of higher-level documents when the table is empty; how many."""
    from quyche.web.references.models import Reference
    from quyche.web.references.services import load_packaged_references

    if Reference.objects.exists():
        return 0
    result = load_packaged_references()
    if out is not None:
        out.print(f"Đã nạp danh mục văn bản căn cứ {result.version} ({len(result.created)} văn bản).")
    return len(result.created)


def _run(body: Any, err: Console) -> int:
    """Run a command body; database and configuration failures become one Vietnamese line."""
    from django.core.exceptions import ImproperlyConfigured
    from django.db import DatabaseError

    try:
        return int(body())
    except CommandError as exc:
        err.print(f"[bold red]Lỗi:[/] {escape(str(exc))}")
    except (config.ConfigError, ImproperlyConfigured) as exc:
        err.print(f"[bold red]Lỗi cấu hình:[/] {escape(str(exc))}")
    except DatabaseError as exc:
        text = " ".join(str(exc).split())[:300]
        err.print(f"[bold red]Lỗi cơ sở dữ liệu:[/] {escape(text)} ({escape(_where())})")
    return EXIT_FAIL


def _where() -> str:
    try:
        return describe_database()
    except Exception:  # settings unusable: the error above says why
        return "chưa cấu hình"


def _start(demo: bool = False) -> Path:
    """setup() with the database-independent failures turned into CommandError."""
    try:
        return setup(demo=demo)
    except config.ConfigError as exc:
        raise CommandError(str(exc)) from None


# ============================================================================================ serve
def _url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else "[::1]" if host == "::" else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def _read_demo_accounts(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_private(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def _remove_demo(folder: Path) -> None:
    demo_db, demo_files, accounts = demo_paths(folder)
    for path in (demo_db, demo_db.with_name(DEMO_DB + "-wal"), demo_db.with_name(DEMO_DB + "-shm"), accounts):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    shutil.rmtree(demo_files, ignore_errors=True)


def prepare_demo(out: Console, *, reset: bool = False, seed: int | None = None, today: date | None = None
                 ) -> dict[str, Any]:
    """Set Django up on the demo database, building the demo when it is absent, outdated or ``reset``.
    Returns the stored demo record (accounts and summary)."""
    folder = setup(demo=True)  # no connection is opened yet: the files may still be removed
    demo_db, _, accounts_path = demo_paths(folder)
    from quyche.web.accounts.models import User
    from quyche.web.demo import DEFAULT_SEED, DEMO_VERSION, build_demo

    stored = _read_demo_accounts(accounts_path)
    fresh = reset or stored is None or stored.get("version") != DEMO_VERSION or not demo_db.exists()
    if fresh:
        from django.db import connections

        connections.close_all()
        _remove_demo(folder)
    migrate()
    if not fresh and stored is not None and User.objects.exists():
        return stored

    out.print("Đang dựng dữ liệu mẫu…")
    summary = build_demo(seed=DEFAULT_SEED if seed is None else seed, today=today)
    record = {
        "version": DEMO_VERSION,
        "seed": summary.seed,
        "built": summary.today.isoformat(),
        "summary": summary.lines(),
        "accounts": [a.to_json() for a in summary.accounts],
    }
    _write_private(accounts_path, json.dumps(record, ensure_ascii=False, indent=1))
    out.print(f"Đã dựng dữ liệu mẫu trong {summary.seconds:.1f} giây.")
    return record


def print_demo(record: dict[str, Any], folder: Path, out: Console) -> None:
    out.print("\n[bold]Dữ liệu mẫu[/] (cơ sở dữ liệu riêng, không đụng đến dữ liệu thật): "
              f"{escape(str(folder / DEMO_DB))}")
    for line in record.get("summary") or []:
        out.print(f"  {escape(str(line))}")
    out.print("\n[bold]Tài khoản dùng thử[/] (mật khẩu tạo ngẫu nhiên khi dựng dữ liệu mẫu, lưu trong "
              f"{escape(str(folder / DEMO_ACCOUNTS))}):")
    accounts = record.get("accounts") or []
    width = max((len(str(a.get("username", ""))) for a in accounts), default=10)
    for a in accounts:
        out.print(f"  {escape(str(a['username'])).ljust(width)}  mật khẩu: {escape(str(a['password']))}  "
                  f"— {escape(str(a['label']))}")


def serve(host: str, port: int, *, demo: bool, reset_demo: bool, out: Console, err: Console) -> int:
    """Migrate, load the references, collect the static files, then serve until Ctrl+C."""
    if not 0 < port < 65536:
        err.print(f"[bold red]Lỗi:[/] cổng {port} không hợp lệ (1–65535)")
        return EXIT_FAIL
    if reset_demo and not demo:
        err.print("[bold red]Lỗi:[/] --reset-demo chỉ dùng cùng --demo")
        return EXIT_FAIL

    def body() -> int:
        if demo:
            record = prepare_demo(out, reset=reset_demo)
            folder = config.data_dir()
        else:
            folder = _start()
            migrate(out)
            ensure_references(out)
            record = None
        app = wsgi_application()
        server = _server(app, host, port)
        if record is not None:
            print_demo(record, folder, out)
        else:
            from quyche.web.accounts.models import User

            out.print(f"Cơ sở dữ liệu: {escape(describe_database())}")
            if not User.objects.exists():
                out.print("[yellow]Chưa có tài khoản nào.[/] Tạo tài khoản quản trị: "
                          "quyche createuser --username quantri --role administrator")
        if host in ("0.0.0.0", "::"):
            out.print("Đang nghe trên mọi địa chỉ của máy; để máy khác truy cập, đặt QUYCHE_ALLOWED_HOSTS "
                      "(tên máy, địa chỉ IP).")
        out.print(f"\n[bold green]quyche đang chạy tại {_url(host, port)}[/] — nhấn Ctrl+C để dừng.")
        sys.stdout.flush()
        server.run()
        return EXIT_OK

    return _run(body, err)


def wsgi_application() -> Any:
    """The site as a WSGI application, static files (collected now) served by WhiteNoise in front of Django."""
    from django.conf import settings
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from whitenoise import WhiteNoise

    call_command("collectstatic", interactive=False, verbosity=0)
    return WhiteNoise(get_wsgi_application(), root=str(settings.STATIC_ROOT), prefix=str(settings.STATIC_URL))


def _server(app: Any, host: str, port: int) -> Any:
    from django.conf import settings
    from waitress.server import create_server

    if host not in ("0.0.0.0", "::", "") and "*" not in settings.ALLOWED_HOSTS and host not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, host]
    try:
        return create_server(app, host=host, port=port, threads=8, ident="quyche", clear_untrusted_proxy_headers=True)
    except OSError as exc:
        raise CommandError(f"không mở được {host}:{port}: {exc.strerror or exc} "
                           "(cổng đang được dùng? chọn cổng khác bằng --port)") from None


# ============================================================================================ createuser
def find_organization(ref: str) -> Organization:
    """An organisation by id, else by its exact name (case ignored), else by its name without diacritics."""
    from quyche.text import fold
    from quyche.web.organizations.models import Organization

    text = " ".join(ref.split())
    if text.isdigit():
        org = Organization.objects.filter(pk=int(text)).first()
        if org is None:
            raise CommandError(f"không có tổ chức mã số {text}")
        return org
    everything = list(Organization.objects.all())
    found = [o for o in everything if o.name.casefold() == text.casefold()] or [
        o for o in everything if fold(o.name) == fold(text)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise CommandError(f"không tìm thấy tổ chức “{text}” (ghi đúng tên, hoặc mã số tổ chức)")
    listing = "; ".join(f"{o.pk}: {o.name}" + (f" (thuộc {o.parent.name})" if o.parent else "") for o in found[:10])
    raise CommandError(f"có {len(found)} tổ chức tên “{text}”; ghi mã số thay cho tên: {listing}")


def _read_password(password_stdin: bool) -> str:
    import typer

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise CommandError("không đọc được mật khẩu từ đầu vào chuẩn (stdin)")
        return password
    try:
        value = typer.prompt("Mật khẩu", hide_input=True, confirmation_prompt="Nhập lại mật khẩu")
    except typer.Abort:
        raise CommandError("đã hủy") from None
    return str(value)


def createuser(username: str, role: str, organization: str | None, *, password_stdin: bool, full_name: str,
               out: Console, err: Console) -> int:
    if role not in ROLES:
        err.print(f"[bold red]Lỗi:[/] --role chỉ nhận {', '.join(ROLES)}, nhận được “{escape(role)}”")
        return EXIT_FAIL

    def body() -> int:
        _start()
        migrate(out)
        return _createuser(username, role, organization, password_stdin=password_stdin, full_name=full_name, out=out)

    return _run(body, err)


def _createuser(username: str, role: str, organization: str | None, *, password_stdin: bool, full_name: str,
                out: Console) -> int:
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError
    from django.db import transaction
    from django.utils import translation

    from quyche.web.accounts.models import Role, User
    from quyche.web.audit import services as audit
    from quyche.web.audit.models import Action

    translation.activate("vi")
    username = username.strip()
    if User.objects.filter(username__iexact=username).exists():
        raise CommandError(f"đã có người dùng “{username}”")
    org = find_organization(organization) if organization else None
    if role != Role.ADMINISTRATOR and org is None:
        raise CommandError("cán bộ kiểm tra và cán bộ của tổ chức cần --organization (mã số hoặc tên tổ chức)")
    if role == Role.ADMINISTRATOR and org is not None:
        raise CommandError("quản trị viên không gắn với một tổ chức; bỏ --organization")
    admin = role == Role.ADMINISTRATOR
    user = User(username=username, role=role, organization=org, full_name=full_name.strip(), is_staff=admin,
                is_superuser=admin)
    try:
        user.full_clean(exclude=["password"])
    except ValidationError as exc:
        raise CommandError("; ".join(exc.messages)) from None
    password = _read_password(password_stdin)
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise CommandError("mật khẩu chưa đạt: " + " ".join(exc.messages)) from None
    user.set_password(password)  # Argon2 (settings.PASSWORD_HASHERS)
    with transaction.atomic():
        user.save()
        audit.record(None, Action.CREATE, user, changes=audit.diff(None, audit.snapshot(user)),
                     note="quyche createuser")
    where = f", {org.name}" if org else ""
    out.print(f"Đã tạo người dùng “{escape(username)}” ({escape(str(Role(role).label))}{escape(where)}).")
    return EXIT_OK


# ============================================================================================ import, export
def import_sheet(path: Path, *, dry_run: bool, skip_invalid: bool, out: Console, err: Console) -> int:
    def body() -> int:
        if not path.is_file():
            raise CommandError(f"không có tệp {path}")
        _start()
        from quyche.web.imports import SheetError, import_file

        migrate(out)
        try:
            report = import_file(path, dry_run=dry_run, skip_invalid=skip_invalid)
        except SheetError as exc:
            raise CommandError(f"{path.name}: {exc}") from None
        for warning in report.warnings:
            err.print(f"[yellow]Lưu ý:[/] {escape(warning)}")
        for problem in report.errors:
            err.print(f"[red]{escape(problem)}[/]")
        counts = (f"{len(report.created)} tổ chức mới, {len(report.updated)} cập nhật, "
                  f"{len(report.unchanged)} không đổi, {report.profile_versions} phiên bản hồ sơ mới")
        if report.errors and not skip_invalid:
            err.print(f"[bold red]Không nhập gì:[/] {len(report.errors)} lỗi trong {report.rows} dòng. "
                      "Sửa bảng rồi nhập lại (hoặc dùng --skip-invalid để bỏ qua các dòng lỗi).")
            return EXIT_PROBLEMS
        if dry_run:
            out.print(f"Kiểm tra xong {report.rows} dòng (--dry-run, chưa lưu gì): sẽ có {counts}.")
        else:
            out.print(f"Đã nhập {escape(path.name)}: {counts}.")
        if report.skipped:
            err.print(f"[yellow]Đã bỏ qua {len(report.skipped)} dòng lỗi:[/] "
                      + ", ".join(str(n) for n in report.skipped))
            return EXIT_PROBLEMS
        return EXIT_OK

    return _run(body, err)


def export_sheet(path: Path, *, out: Console, err: Console) -> int:
    def body() -> int:
        if path.suffix.lower() not in (".xlsx", ".csv"):
            raise CommandError(f"chỉ ghi được tệp .xlsx hoặc .csv (tệp đã cho: “{path.name}”)")
        _start()
        from quyche.web.imports import SheetError, export_file

        _require_current_schema()
        try:
            count = export_file(path)
        except SheetError as exc:
            raise CommandError(str(exc)) from None
        except OSError as exc:
            raise CommandError(f"không ghi được {path}: {exc.strerror or exc}") from None
        out.print(f"Đã xuất {count} tổ chức vào {escape(str(path))}.")
        return EXIT_OK

    return _run(body, err)


def _require_current_schema() -> None:
    pending = pending_migrations()
    if pending:
        raise CommandError(
            f"cơ sở dữ liệu ({_where()}) chưa được khởi tạo hoặc chưa cập nhật cho phiên bản quyche này "
            f"(còn {len(pending)} bước migrate); chạy “quyche serve” hoặc “python -m quyche.web.manage migrate” trước"
        )


# ============================================================================================ backup, restore
def backup(path: Path, *, force: bool, out: Console, err: Console) -> int:
    def body() -> int:
        if path.exists() and not force:
            raise CommandError(f"tệp {path} đã có; chọn tên khác hoặc thêm --force để ghi đè")
        _start()
        from quyche.web.backup import BackupError, create_backup

        _require_current_schema()
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        started = time.monotonic()
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # holds password hashes: private
            with os.fdopen(fd, "wb") as fh:
                summary = create_backup(fh)
            os.replace(tmp, path)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        except OSError as exc:
            raise CommandError(f"không ghi được {path}: {exc.strerror or exc}") from None
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        rows = sum(summary.rows.values())
        out.print(f"Đã sao lưu {escape(describe_database())} vào {escape(str(path))}: {rows} bản ghi, "
                  f"{summary.files} tệp ({time.monotonic() - started:.1f} giây).")
        return EXIT_OK

    return _run(body, err)


def restore(path: Path, *, out: Console, err: Console) -> int:
    def body() -> int:
        from zipfile import BadZipFile

        if not path.is_file():
            raise CommandError(f"không có tệp {path}")
        _start()
        from quyche.web.backup import BackupError, backup_models, restore_backup

        migrate(out)
        busy = [str(m._meta.verbose_name_plural) for m in backup_models() if m._default_manager.exists()]
        if busy:
            raise CommandError(
                f"cơ sở dữ liệu đích ({_where()}) đã có dữ liệu ({', '.join(busy[:4])}"
                f"{'…' if len(busy) > 4 else ''}). quyche chỉ khôi phục vào cơ sở dữ liệu trống, để không trộn lẫn "
                "hay ghi đè dữ liệu đang dùng: đặt DATABASE_URL tới một cơ sở dữ liệu mới (hoặc QUYCHE_DATA_DIR tới "
                "một thư mục trống) rồi chạy lại"
            )
        started = time.monotonic()
        try:
            summary = restore_backup(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        except (BadZipFile, OSError) as exc:
            raise CommandError(f"{path.name} không phải bản sao lưu đọc được ({exc})") from None
        rows = sum(summary.rows.values())
        made = summary.manifest.get("created", "?")
        out.print(f"Đã khôi phục bản sao lưu ngày {escape(str(made))} vào {escape(describe_database())}: "
                  f"{rows} bản ghi, {summary.files} tệp ({time.monotonic() - started:.1f} giây).")
        return EXIT_OK

    return _run(body, err)


__all__ = ["DEMO_ACCOUNTS", "DEMO_DB", "DEMO_FILES", "CommandError", "backup", "createuser", "describe_database",
           "ensure_references", "export_sheet", "find_organization", "import_sheet", "migrate", "prepare_demo",
           "restore", "serve", "setup"]

