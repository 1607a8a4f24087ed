"""The web commands of the command line: createuser, backup / restore, and ``quyche serve`` in a real process."""

from __future__ import annotations

import http.cookiejar
import importlib.util
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from typer.testing import CliRunner

from quyche.cli import app
from quyche.web.accounts.models import Role, User
from quyche.web.meetings.models import Meeting
from quyche.web.meetings.services import record_meeting
from quyche.web.organizations.models import Organization
from quyche.web.organizations.services import add_profile_version, create_organization
from quyche.web.regulations.models import RegulationVersion
from quyche.web.regulations.services import create_regulation, issue_version, upload_version

runner = CliRunner()
PASSWORD = "mat-khau-rat-dai-2026"


def invoke(*args: str, stdin: str | None = None) -> Any:
    return runner.invoke(app, list(args), input=stdin)


def test_check_never_loads_django() -> None:
    example = Path(__file__).resolve().parents[4] / "examples" / "quy-che-dang-uy-xa-an-hoa.docx"
    code = ("import sys; from typer.testing import CliRunner; from quyche.cli import app; "
            f"r = CliRunner().invoke(app, ['check', {str(example)!r}, '--as-of', '2026-03-01']); "
            "print(r.exit_code, sorted(m for m in sys.modules if m.split('.')[0] == 'django'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.split() == ["0", "[]"], done.stdout + done.stderr


# ------------------------------------------------------------------------------------------- createuser
@pytest.mark.django_db
def test_createuser_administrator_argon2(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    res = invoke("createuser", "--username", "quantri", "--role", "administrator", "--password-stdin",
                 "--full-name", "Nguyễn Văn Quản", stdin=PASSWORD + "\n")
    assert res.exit_code == 0, res.output
    assert "Đã tạo người dùng “quantri” (Quản trị viên)" in res.stdout
    user = User.objects.get(username="quantri")
    assert user.role == Role.ADMINISTRATOR and user.is_superuser and user.is_staff and user.organization is None
    assert user.password.startswith("argon2") and user.check_password(PASSWORD)
    assert user.full_name == "Nguyễn Văn Quản"


@pytest.mark.django_db
def test_createuser_with_organization(tree: dict[str, Any]) -> None:
    res = invoke("createuser", "--username", "kiemtra", "--role", "inspector", "--organization",
                 "đảng ủy xã an hòa", "--password-stdin", stdin=PASSWORD + "\n")
    assert res.exit_code == 0, res.output
    assert User.objects.get(username="kiemtra").organization == tree["an_hoa"]
    # a staff member by the organisation's id, the password typed twice at the prompt
    res = invoke("createuser", "--username", "vanphong", "--role", "staff", "--organization",
                 str(tree["phu_loc"].pk), stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert res.exit_code == 0, res.output
    staff = User.objects.get(username="vanphong")
    assert staff.organization == tree["phu_loc"] and staff.check_password(PASSWORD) and not staff.is_staff


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["--role", "staff"], PASSWORD, "cần --organization"),
        (["--role", "boss"], PASSWORD, "--role chỉ nhận administrator, inspector, staff"),
        (["--role", "staff", "--organization", "Chi bộ không có"], PASSWORD, "không tìm thấy tổ chức"),
        (["--role", "staff", "--organization", "99999"], PASSWORD, "không có tổ chức mã số 99999"),
        (["--role", "staff", "--organization", "Chi bộ thôn Trùng"], PASSWORD, "có 2 tổ chức tên"),
        (["--role", "administrator", "--organization", "Đảng ủy xã An Hòa"], PASSWORD, "bỏ --organization"),
        (["--role", "administrator"], "12345", "mật khẩu chưa đạt"),
        (["--role", "administrator"], "", "không đọc được mật khẩu"),
    ],
    ids=["staff-without-org", "bad-role", "unknown-org", "unknown-id", "ambiguous-name", "admin-with-org",
         "weak-password", "no-password"],
)
def test_createuser_refuses(tree: dict[str, Any], args: list[str], stdin: str, message: str) -> None:
    create_organization("Chi bộ thôn Trùng", "chi_bo_truc_thuoc", "thon_to_dan_pho", tree["an_hoa"])
    create_organization("Chi bộ thôn Trùng", "chi_bo_truc_thuoc", "thon_to_dan_pho", tree["binh_minh"])
    res = invoke("createuser", "--username", "nguoimoi", *args, "--password-stdin", stdin=stdin + "\n")
    assert res.exit_code == 2, res.output
    assert message in " ".join(res.stderr.split()), res.stderr
    assert not User.objects.filter(username="nguoimoi").exists()


@pytest.mark.django_db
def test_createuser_existing_username(users: dict[str, Any]) -> None:
    res = invoke("createuser", "--username", "QuanTri", "--role", "administrator", "--password-stdin",
                 stdin=PASSWORD + "\n")
    assert res.exit_code == 2 and "đã có người dùng" in res.stderr


# ------------------------------------------------------------------------------------------- backup, restore
def state() -> dict[str, Any]:
    return {
        "orgs": sorted((o.path.count("/"), o.name, o.kind) for o in Organization.objects.all()),
        "users": sorted((u.username, u.password, u.role) for u in User.objects.all()),
        "versions": sorted((v.sha256, v.number, v.is_issued, len(v.findings)) for v in RegulationVersion.objects.all()),
        "meetings": Meeting.objects.count(),
    }


@pytest.mark.django_db(transaction=True)
def test_backup_restore(tmp_path: Path, tree: dict[str, Any], users: dict[str, Any], profiles: dict[str, Any],
                        docx: Any, upload: Any) -> None:
    add_profile_version(tree["an_hoa"], profiles["xa"](), users["inspector"])
    reg = create_regulation(tree["an_hoa"], 2025, 2030, khoa="I")
    version = issue_version(upload_version(reg, upload(docx()), users["staff"], as_of=date(2025, 11, 20)),
                            users["inspector"])
    record_meeting(tree["phu_loc"], date=date(2025, 11, 5), kind="thuong_ky", duration_minutes=95, present=7,
                   total=7)
    before = state()
    archive = tmp_path / "sao-luu.zip"
    res = invoke("backup", str(archive))
    assert res.exit_code == 0, res.output
    assert "Đã sao lưu" in res.stdout and "1 tệp" in res.stdout
    assert archive.stat().st_mode & 0o777 == 0o600
    res = invoke("backup", str(archive))
    assert res.exit_code == 2 and "--force" in res.stderr
    assert invoke("backup", str(archive), "--force").exit_code == 0

    res = invoke("restore", str(archive))  # the database still has its data
    assert res.exit_code == 2
    assert "chỉ khôi phục vào cơ sở dữ liệu trống" in " ".join(res.stderr.split())

    call_command("flush", interactive=False, verbosity=0)
    default_storage.delete(version.file.name)
    assert not Organization.objects.exists()
    res = invoke("restore", str(archive))
    assert res.exit_code == 0, res.output
    assert "Đã khôi phục" in res.stdout
    assert state() == before
    restored = RegulationVersion.objects.get()
    assert default_storage.exists(restored.file.name)
    assert User.objects.get(username="quantri").check_password("mat-khau-dai-1")

    notzip = tmp_path / "khong-phai.zip"
    notzip.write_bytes(b"not a zip")
    call_command("flush", interactive=False, verbosity=0)
    res = invoke("restore", str(notzip))
    assert res.exit_code == 2 and "khong-phai.zip" in res.stderr
    assert invoke("restore", str(tmp_path / "khong-co.zip")).exit_code == 2


# ------------------------------------------------------------------------------------------- serve
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str, opener: urllib.request.OpenerDirector | None = None, data: bytes | None = None,
        headers: dict[str, str] | None = None) -> tuple[int, bytes, str]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with (opener or urllib.request.build_opener()).open(request, timeout=10) as response:
            return response.status, response.read(), response.geturl()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), url


class Server:
    """`quyche serve …` in a child process, its output in a file."""

    def __init__(self, tmp_path: Path, env: dict[str, str], *args: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tmp_path / f"serve-{self.port}.log"
        self.fh = self.log.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from quyche.cli import main; main()", "serve", "--port", str(self.port), *args],
            stdout=self.fh, stderr=subprocess.STDOUT, env=env,
        )

    @property
    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"quyche serve stopped ({self.proc.returncode}):\n{self.output}")
            try:
                status, body, _ = get(self.base + "/healthz")
                if status == 200:
                    assert json.loads(body) == {"status": "ok"}
                    return
            except OSError:
                pass
            time.sleep(0.25)
        pytest.fail(f"no answer from /healthz within {timeout} s:\n{self.output}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.fh.close()


@pytest.fixture
def serve_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QUYCHE_", "DJANGO_"))}
    env.update(QUYCHE_DATA_DIR=str(tmp_path / "data"), PYTHONUNBUFFERED="1")
    env.pop("DATABASE_URL", None)
    yield env


def login(base: str, username: str, password: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    status, body, _ = get(base + "/admin/login/", opener)
    assert status == 200
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    assert token is not None
    form = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1).decode(), "username": username,
                                   "password": password, "next": "/admin/"}).encode()
    status, _, final = get(base + "/admin/login/", opener, form, {"Referer": base + "/admin/login/"})
    return final


def database_url() -> str | None:
    """The test database as a URL, for a child process (PostgreSQL only: SQLite tests run in memory)."""
    db = connection.settings_dict
    if connection.vendor != "postgresql":
        return None
    auth = urllib.parse.quote(db["USER"] or "") + (f":{urllib.parse.quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_serve_demo_and_plain(tmp_path: Path, serve_env: dict[str, str]) -> None:
    data = Path(serve_env["QUYCHE_DATA_DIR"])
    # --demo never opens the real database: a DATABASE_URL that cannot be reached is simply not used
    demo_env = {**serve_env, "DATABASE_URL": "postgres://nobody@127.0.0.1:9/khong_dung"}
    server = Server(tmp_path, demo_env, "--demo")
    try:
        server.wait_healthy()
        output = server.output
        accounts = json.loads((data / "demo-accounts.json").read_text(encoding="utf-8"))["accounts"]
        assert [a["username"] for a in accounts] == ["quantri", "kiemtra.tinh", "kiemtra.tanphu", "vanphong.phuloc",
                                                     "vanphong.khtn"]
        for account in accounts:
            assert account["username"] in output and account["password"] in output
        assert "Tài khoản dùng thử" in output and f"http://127.0.0.1:{server.port}/" in output
        assert (data / "demo.sqlite3").is_file() and not (data / "quyche.sqlite3").exists()
        status, body, _ = get(server.base + "/static/admin/css/base.css")  # static files without DEBUG
        assert status == 200 and b"body" in body
        if importlib.util.find_spec("quyche.web.api") is not None:
            status, body, _ = get(server.base + "/api/openapi.json")
            assert status in (200, 401)
            if status == 200:
                assert "openapi" in json.loads(body)
        assert login(server.base, "quantri", accounts[0]["password"]).endswith("/admin/")
    finally:
        server.stop()

    again = Server(tmp_path, demo_env, "--demo")  # a second start keeps the demo and prints the same accounts
    try:
        again.wait_healthy()
        assert "Đang dựng dữ liệu mẫu" not in again.output
        assert all(a["password"] in again.output for a in accounts)
    finally:
        again.stop()

    plain_env = dict(serve_env)
    url = database_url()
    if url:
        plain_env["DATABASE_URL"] = url  # PostgreSQL run: the test database (flushed after this test)
    plain = Server(tmp_path, plain_env)
    try:
        plain.wait_healthy()
        assert "Chưa có tài khoản nào" in plain.output and "quyche createuser" in plain.output
        assert "Đã nạp danh mục văn bản căn cứ" in plain.output
        assert (data / "quyche.sqlite3").exists() == (url is None)
        assert get(plain.base + "/static/admin/css/base.css")[0] == 200
    finally:
        plain.stop()
