"""Configuration read from the environment: data folder, secret key, database URL.

Kept free of Django imports so the CLI (``quyche serve``) can use it before Django is set up.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

SECRET_KEY_FILE = "secret_key"
SQLITE_FILE = "quyche.sqlite3"

_TRUE = {"1", "true", "yes", "on", "có"}
_FALSE = {"0", "false", "no", "off", "", "không"}


class ConfigError(ValueError):
    """A setting in the environment is malformed; the message names the variable."""


def env_bool(name: str, default: bool = False, environ: Mapping[str, str] | None = None) -> bool:
    env = os.environ if environ is None else environ
    raw = env.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"{name}: “{raw}” không phải giá trị đúng/sai (dùng 1/0, true/false)")


def env_int(name: str, default: int, environ: Mapping[str, str] | None = None) -> int:
    env = os.environ if environ is None else environ
    raw = env.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw.strip().replace("_", ""))
    except ValueError:
        raise ConfigError(f"{name}: “{raw}” không phải số nguyên") from None


def env_list(name: str, default: list[str], environ: Mapping[str, str] | None = None) -> list[str]:
    env = os.environ if environ is None else environ
    raw = env.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.replace(";", ",").split(",") if item.strip()]


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """QUYCHE_DATA_DIR, else $XDG_DATA_HOME/quyche, else ~/.local/share/quyche (not created here)."""
    env = os.environ if environ is None else environ
    explicit = env.get("QUYCHE_DATA_DIR", "").strip()
    if explicit:
        return Path(explicit).expanduser()
    xdg = env.get("XDG_DATA_HOME", "").strip()
    base = Path(xdg).expanduser() if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / "quyche"


def ensure_dir(path: Path) -> Path:
    """Create a private folder (0700) if missing; return it."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def secret_key(folder: Path, environ: Mapping[str, str] | None = None) -> str:
    """QUYCHE_SECRET_KEY, else the key kept in ``folder/secret_key`` (made once, mode 0600)."""
    env = os.environ if environ is None else environ
    given = env.get("QUYCHE_SECRET_KEY", "").strip()
    if given:
        return given
    path = folder / SECRET_KEY_FILE
    try:
        key = path.read_text(encoding="ascii").strip()
        if key:
            return key
    except FileNotFoundError:
        pass
    ensure_dir(folder)
    key = secrets.token_urlsafe(50)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key + "\n")
    return key


# A 30-line parser instead of dj-database-url: we accept only the three schemes the contract names
# (postgres://, postgresql://, sqlite:///path), and one fewer dependency is one fewer thing to audit.
_POSTGRES_SCHEMES = ("postgres", "postgresql", "pgsql")


def parse_database_url(url: str) -> dict[str, Any]:
    """DATABASE_URL → Django DATABASES entry. Query parameters become OPTIONS (e.g. ``?sslmode=require``)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    options: dict[str, Any] = dict(parse_qsl(parts.query))
    if scheme in _POSTGRES_SCHEMES:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ConfigError("DATABASE_URL: thiếu tên cơ sở dữ liệu (…/TÊN ở cuối địa chỉ)")
        try:
            port = parts.port
        except ValueError:
            raise ConfigError("DATABASE_URL: cổng không hợp lệ") from None
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": unquote(parts.hostname or ""),
            "PORT": str(port or ""),
            "OPTIONS": options,
        }
    if scheme == "sqlite":
        # sqlite:///relative/path, sqlite:////absolute/path, sqlite:///:memory:
        path = unquote(parts.path[1:] if parts.path.startswith("/") else parts.path)
        if not path:
            raise ConfigError("DATABASE_URL: thiếu đường dẫn tệp SQLite (sqlite:///đường/dẫn.sqlite3)")
        return sqlite_database(Path(path) if path != ":memory:" else None, options)
    raise ConfigError(f"DATABASE_URL: kiểu “{scheme or url}” không được hỗ trợ (chỉ postgres:// hoặc sqlite:///)")


def sqlite_database(path: Path | None, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """SQLite tuned for a small web service: WAL journal, immediate write transactions, a busy timeout."""
    opts: dict[str, Any] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    opts.update(options or {})
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path) if path else ":memory:", "OPTIONS": opts}


def database(folder: Path, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """DATABASE_URL when set, else SQLite in the data folder."""
    env = os.environ if environ is None else environ
    url = env.get("DATABASE_URL", "").strip()
    db = parse_database_url(url) if url else sqlite_database(folder / SQLITE_FILE)
    if db["ENGINE"].endswith("postgresql"):
        db["CONN_MAX_AGE"] = env_int("QUYCHE_DB_CONN_MAX_AGE", 60, env)
        db["CONN_HEALTH_CHECKS"] = True
    return db
