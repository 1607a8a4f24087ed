"""pytest set-up for the web tests (pytest-django): settings, a private data folder, shared fixtures.

The data folder is a temporary one, so tests never touch the user's real ~/.local/share/quyche; the
database is SQLite unless DATABASE_URL is set (scripts/test.sh runs the web tests a second time on
PostgreSQL: pytest-django creates test_<NAME> there).
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

# One temporary data folder per run: xdist workers inherit the controller's (they may load the settings
# before this file runs), and only the process that made it removes it.
_DATA = os.environ.get("QUYCHE_WEB_TEST_DATA_DIR", "")
if not _DATA or not Path(_DATA).is_dir():
    _DATA = tempfile.mkdtemp(prefix="quyche-web-test-")
    os.environ["QUYCHE_WEB_TEST_DATA_DIR"] = _DATA
    atexit.register(shutil.rmtree, _DATA, ignore_errors=True)
os.environ["QUYCHE_DATA_DIR"] = _DATA
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quyche.web.settings")

import django.conf  # noqa: E402

django.conf.settings.DEBUG  # noqa: B018  (load the settings now: pytest-django then sets Django up)

_TESTS = Path(__file__).resolve().parents[3] / "tests"  # the repository's tests/ (factory.py)
if _TESTS.is_dir() and str(_TESTS) not in sys.path:
    sys.path.insert(0, str(_TESTS))


@pytest.fixture(autouse=True)
def _media_root(settings: Any, tmp_path: Path) -> Path:
    """Each test stores files in its own folder."""
    root = tmp_path / "files"
    settings.MEDIA_ROOT = str(root)
    return root


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    """Argon2 is slow on purpose; tests that are not about hashing use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# ------------------------------------------------------------------------------------------- people, tree
@pytest.fixture
def tree(db: None) -> dict[str, Any]:
    """tỉnh Tây Ninh → xã An Hòa (đảng ủy) → chi bộ thôn Phú Lộc, chi bộ trường học; xã Bình Minh → chi bộ."""
    from quyche.web.organizations.services import create_organization

    tinh = create_organization("Đảng bộ tỉnh Tây Ninh", "dang_bo_tinh")
    an_hoa = create_organization("Đảng ủy xã An Hòa", "dang_uy_co_so", "xa", tinh)
    phu_loc = create_organization("Chi bộ thôn Phú Lộc", "chi_bo_truc_thuoc", "thon_to_dan_pho", an_hoa)
    truong = create_organization("Chi bộ Trường Tiểu học An Hòa", "chi_bo_truc_thuoc", "truong_hoc", an_hoa)
    binh_minh = create_organization("Đảng ủy xã Bình Minh", "dang_uy_co_so", "xa", tinh)
    tan_lap = create_organization("Chi bộ thôn Tân Lập", "chi_bo_truc_thuoc", "thon_to_dan_pho", binh_minh)
    return {"tinh": tinh, "an_hoa": an_hoa, "phu_loc": phu_loc, "truong": truong, "binh_minh": binh_minh,
            "tan_lap": tan_lap}


@pytest.fixture
def users(tree: dict[str, Any]) -> dict[str, Any]:
    from quyche.web.accounts.models import Role, User

    admin = User.objects.create_user("quantri", password="mat-khau-dai-1", role=Role.ADMINISTRATOR)
    inspector = User.objects.create_user("kiemtra", password="mat-khau-dai-2", role=Role.INSPECTOR,
                                         organization=tree["an_hoa"], full_name="Trần Thị Bình")
    staff = User.objects.create_user("vanphong", password="mat-khau-dai-3", role=Role.STAFF,
                                     organization=tree["phu_loc"])
    return {"admin": admin, "inspector": inspector, "staff": staff}


# ------------------------------------------------------------------------------------------- profiles
def committee(n: int, *, btv: bool = False, secretary: str = "Nguyễn Văn An") -> list[dict[str, Any]]:
    people = [{"name": secretary, "role": "bi_thu"}, {"name": "Lê Văn Cường", "role": "pho_bi_thu"}]
    for i in range(n - 2):
        people.append({"name": f"Ủy viên số {i + 1}", "role": "uy_vien_btv" if btv and i < 3 else "uy_vien"})
    return people[:n]


def xa_profile(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema": "quyche/profile/v1",
        "name": "Đảng ủy xã An Hòa",
        "kind": "dang_uy_co_so",
        "type": "xa",
        "superior": "Đảng bộ tỉnh Tây Ninh",
        "place": "An Hòa",
        "term": {"from": 2025, "to": 2030, "khoa": "I"},
        "members": 320,
        "committee": committee(7),
    }
    data.update(over)
    return data


def chi_bo_profile(**over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema": "quyche/profile/v1",
        "name": "Chi bộ thôn Phú Lộc",
        "kind": "chi_bo_truc_thuoc",
        "type": "thon_to_dan_pho",
        "superior": "Đảng bộ xã An Hòa",
        "place": "An Hòa",
        "term": {"from": 2025, "to": 2030},
        "members": 7,
        "committee": [{"name": "Phạm Văn Dũng", "role": "bi_thu"}, {"name": "Võ Thị Em", "role": "pho_bi_thu"}],
    }
    data.update(over)
    return data


@pytest.fixture
def profiles() -> dict[str, Callable[..., Any]]:
    return {"xa": xa_profile, "chi_bo": chi_bo_profile, "committee": committee}


# ------------------------------------------------------------------------------------------- documents
def regulation_docx(*, issuer: str = "ĐẢNG ỦY XÃ AN HÒA", extra_articles: list[tuple[str, list[str]]] | None = None,
                    cancu: list[str] | None = None) -> bytes:
    """A working regulation as DOCX bytes (tests/factory.py PartyDoc), optionally with more articles."""
    from factory import L, PartyDoc, _art, _default_body, _default_cancu, _default_left

    left = [line.with_(text=issuer) if line.text == "ĐẢNG ỦY XÃ AN HÒA" else line for line in _default_left()]
    body = _default_body()
    if extra_articles:
        tail = body[-2:]  # "Điều 6. Hiệu lực thi hành" and its text stay last
        body = body[:-2]
        n = 6
        for title, clauses in extra_articles:
            body += _art(n, title, *clauses)
            n += 1
        body += [L(tail[0].text.replace("Điều 6.", f"Điều {n}."), b=True, align="both"), tail[1]]
    lines = _default_cancu()
    if cancu is not None:
        lines = [L(t, align="both") for t in cancu] + lines[-1:]
    data: bytes = PartyDoc(left=left, body=body, cancu=lines).to_bytes()
    return data


@pytest.fixture
def docx() -> Callable[..., bytes]:
    return regulation_docx


@pytest.fixture
def upload() -> Callable[[bytes, str], Any]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    def make(data: bytes, name: str = "quy-che.docx") -> Any:
        return SimpleUploadedFile(name, data)

    return make


@pytest.fixture
def as_of() -> date:
    return date(2025, 11, 20)
