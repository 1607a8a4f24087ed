"""Django settings of the quyche web service. Everything deployment-specific comes from the environment.

========================  ==========================================================================
QUYCHE_DATA_DIR           data folder (default $XDG_DATA_HOME/quyche or ~/.local/share/quyche):
                          SQLite database, secret key, stored original files
QUYCHE_SECRET_KEY         secret key; when unset one is generated once and kept in the data folder
QUYCHE_DEBUG              1 for development (never in production)
QUYCHE_ALLOWED_HOSTS      comma-separated host names (default: localhost, 127.0.0.1, ::1)
QUYCHE_CSRF_TRUSTED_ORIGINS  comma-separated origins (https://quyche.example.vn) behind a proxy
QUYCHE_SECURE_COOKIES     secure session/CSRF cookies (default: on unless QUYCHE_DEBUG)
QUYCHE_PROXY_SSL_HEADER   1 when a TLS proxy sets X-Forwarded-Proto
QUYCHE_HSTS_SECONDS       Strict-Transport-Security max-age (default 0: off)
QUYCHE_MAX_UPLOAD_BYTES   largest regulation file accepted (default 20 MB)
QUYCHE_REVIEW_DUE_DAYS    days given to review a regulation after an event (default 30)
DATABASE_URL              postgres://user:pw@host:5432/name or sqlite:///path; unset: SQLite in the data folder
========================  ==========================================================================
"""

from __future__ import annotations

from pathlib import Path

import django_stubs_ext

from quyche.web import config

django_stubs_ext.monkeypatch()  # lets ModelAdmin[Model] and friends be subscripted at run time, as the stubs type them

DATA_DIR: Path = config.ensure_dir(config.data_dir())
SECRET_KEY = config.secret_key(DATA_DIR)
DEBUG = config.env_bool("QUYCHE_DEBUG", False)
ALLOWED_HOSTS = config.env_list("QUYCHE_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = config.env_list("QUYCHE_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",  # serves the bundled Swagger UI for /api/docs (no CDN)
    "quyche.web.accounts",
    "quyche.web.organizations",
    "quyche.web.references",
    "quyche.web.regulations",
    "quyche.web.reviews",
    "quyche.web.meetings",
    "quyche.web.audit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "quyche.web.urls"
WSGI_APPLICATION = "quyche.web.wsgi.application"
ASGI_APPLICATION = "quyche.web.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).resolve().parent / "templates"],  # the pages (base layout, error pages)
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# ------------------------------------------------------------------------------------------- database
DATABASES = {"default": config.database(DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ------------------------------------------------------------------------------------------- accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["quyche.web.accounts.throttle.ThrottledModelBackend"]
QUYCHE_LOGIN_MAX_FAILURES = config.env_int("QUYCHE_LOGIN_MAX_FAILURES", 5)
QUYCHE_LOGIN_LOCKOUT_SECONDS = config.env_int("QUYCHE_LOGIN_LOCKOUT_SECONDS", 900)

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# ------------------------------------------------------------------------------------------- language, time
LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# ------------------------------------------------------------------------------------------- security
_SECURE_COOKIES = config.env_bool("QUYCHE_SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = _SECURE_COOKIES
CSRF_COOKIE_SECURE = _SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # pages put the token in the form; no script needs to read the cookie
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = config.env_int("QUYCHE_SESSION_SECONDS", 12 * 3600)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_HSTS_SECONDS = config.env_int("QUYCHE_HSTS_SECONDS", 0)
if config.env_bool("QUYCHE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# ------------------------------------------------------------------------------------------- files
# Original regulation files are confidential: MEDIA_ROOT is never served as static files; views that
# check permissions stream them (later slices).
MEDIA_ROOT = DATA_DIR / "files"
MEDIA_URL = "/media/"
STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [Path(__file__).resolve().parent / "static"]  # CSS, vendored htmx (static/vendor/README.md)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
QUYCHE_MAX_UPLOAD_BYTES = config.env_int("QUYCHE_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger uploads go to a temporary file, not memory
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # request bodies other than files (JSON profiles, forms)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
DATA_UPLOAD_MAX_NUMBER_FILES = 20
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750

# ------------------------------------------------------------------------------------------- quyche
QUYCHE_REVIEW_DUE_DAYS = config.env_int("QUYCHE_REVIEW_DUE_DAYS", 30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"quyche": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
