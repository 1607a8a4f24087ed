"""Project level: configuration from the environment, settings, /healthz, the admin."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from quyche.web import config


def test_healthz_without_login(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert response["X-Frame-Options"] == "DENY" and response["X-Content-Type-Options"] == "nosniff"
    assert client.post("/healthz").status_code == 405


def test_admin_needs_login(client: Client) -> None:
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_settings() -> None:
    from quyche.web import settings as s

    assert s.LANGUAGE_CODE == "vi" and s.TIME_ZONE == "Asia/Ho_Chi_Minh" and s.USE_TZ
    assert s.AUTH_USER_MODEL == "accounts.User"
    assert s.X_FRAME_OPTIONS == "DENY" and s.SECURE_CONTENT_TYPE_NOSNIFF
    assert s.SESSION_COOKIE_HTTPONLY and s.SESSION_COOKIE_SAMESITE == "Lax" and s.CSRF_COOKIE_SAMESITE == "Lax"
    assert (not s.DEBUG) == s.SESSION_COOKIE_SECURE
    assert s.QUYCHE_MAX_UPLOAD_BYTES == 20 * 1024 * 1024
    assert Path(s.MEDIA_ROOT).parent == s.DATA_DIR
    assert Path(os.environ["QUYCHE_DATA_DIR"]) == s.DATA_DIR  # tests never touch the real data folder


def test_data_dir() -> None:
    assert config.data_dir({"QUYCHE_DATA_DIR": "/srv/q"}) == Path("/srv/q")
    assert config.data_dir({"XDG_DATA_HOME": "/x/data"}) == Path("/x/data/quyche")
    assert config.data_dir({}) == Path.home() / ".local" / "share" / "quyche"
    assert config.data_dir({"XDG_DATA_HOME": "relative"}) == Path.home() / ".local" / "share" / "quyche"


def test_secret_key_is_generated_once_and_private(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    key = config.secret_key(folder, {})
    assert len(key) >= 50 and config.secret_key(folder, {}) == key
    assert (folder / "secret_key").stat().st_mode & 0o777 == 0o600
    assert config.secret_key(folder, {"QUYCHE_SECRET_KEY": "given"}) == "given"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgres://postgres@127.0.0.1:5432/quyche",
         {"ENGINE": "django.db.backends.postgresql", "NAME": "quyche", "USER": "postgres", "HOST": "127.0.0.1",
          "PORT": "5432", "PASSWORD": ""}),
        ("postgresql://u%40x:p%2Fw@db.example.vn/q?sslmode=require",
         {"NAME": "q", "USER": "u@x", "PASSWORD": "p/w", "HOST": "db.example.vn", "PORT": "",
          "OPTIONS": {"sslmode": "require"}}),
        ("sqlite:////var/lib/quyche/db.sqlite3", {"ENGINE": "django.db.backends.sqlite3",
                                                 "NAME": "/var/lib/quyche/db.sqlite3"}),
        ("sqlite:///relative.sqlite3", {"NAME": "relative.sqlite3"}),
        ("sqlite:///:memory:", {"NAME": ":memory:"}),
    ],
)
def test_database_url(url: str, expected: dict[str, Any]) -> None:
    db = config.parse_database_url(url)
    for key, value in expected.items():
        assert db[key] == value


@pytest.mark.parametrize("url", ["mysql://x/y", "postgres://host/", "sqlite://", "postgres://h:port/x"])
def test_bad_database_url(url: str) -> None:
    with pytest.raises(config.ConfigError, match="DATABASE_URL"):
        config.parse_database_url(url)


def test_database_default_is_sqlite_in_the_data_folder(tmp_path: Path) -> None:
    db = config.database(tmp_path, {})
    assert db["ENGINE"] == "django.db.backends.sqlite3" and db["NAME"] == str(tmp_path / "quyche.sqlite3")
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]
    pg = config.database(tmp_path, {"DATABASE_URL": "postgres://a@b/c"})
    assert pg["CONN_MAX_AGE"] == 60 and pg["CONN_HEALTH_CHECKS"] is True


def test_env_helpers() -> None:
    assert config.env_bool("X", environ={"X": "1"}) and not config.env_bool("X", True, {"X": "off"})
    assert config.env_bool("X", True, {}) is True
    with pytest.raises(config.ConfigError, match="X"):
        config.env_bool("X", environ={"X": "maybe"})
    assert config.env_int("N", 5, {"N": "20_000"}) == 20000
    assert config.env_list("H", ["a"], {"H": "x.vn, y.vn;z"}) == ["x.vn", "y.vn", "z"]


def test_every_admin_page_renders(users: dict[str, Any], tree: dict[str, Any], profiles: dict[str, Any],
                                  docx: Any, upload: Any) -> None:
    """Changelists, add forms and change forms of every registered model (with one row each where cheap)."""
    from django.contrib import admin

    from quyche.web.meetings.services import record_meeting
    from quyche.web.organizations.services import add_profile_version
    from quyche.web.references.services import load_packaged_references
    from quyche.web.regulations.services import create_regulation, upload_version

    load_packaged_references()
    add_profile_version(tree["an_hoa"], profiles["xa"](), users["admin"])
    version = upload_version(create_regulation(tree["an_hoa"], 2025, 2030), upload(docx()), users["staff"])
    record_meeting(tree["phu_loc"], date=version.as_of, kind="thuong_ky", duration_minutes=90, present=5, total=5)
    admin_user = users["admin"]
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    client = Client()
    client.force_login(admin_user)
    for model in admin.site._registry:
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        assert client.get(base).status_code == 200, base
        add = client.get(base + "add/")
        assert add.status_code in (200, 403), base
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            assert client.get(f"{base}{first.pk}/change/").status_code == 200, base
    assert client.get("/admin/").status_code == 200
