"""Templates and static files: nothing is loaded from a remote address, the vendored htmx is the one recorded,
every template compiles, pages are Vietnamese and their form fields are labelled."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from django.template.loader import get_template
from django.test import Client

WEB = Path(__file__).resolve().parents[1]
TEMPLATE_DIRS = [WEB / "templates", *sorted(WEB.glob("*/templates"))]
TEMPLATES = sorted(p for d in TEMPLATE_DIRS for p in d.rglob("*.html"))
STATIC = WEB / "static"
REMOTE = re.compile(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}|https?:|\burl\(\s*['\"]?(?:https?:)?//", re.IGNORECASE)


def test_there_are_templates() -> None:
    names = {p.relative_to(d).as_posix() for d in TEMPLATE_DIRS for p in d.rglob("*.html")}
    assert {"base.html", "accounts/login.html", "accounts/dashboard.html", "organizations/tree.html",
            "organizations/detail.html", "regulations/version.html", "regulations/rule.html", "reviews/tasks.html",
            "references/list.html", "references/detail.html", "404.html", "403.html", "403_csrf.html"} <= names


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.relative_to(WEB).as_posix())
def test_template_has_no_remote_url(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    found = REMOTE.search(source)
    assert found is None, f"{path.name}: remote address {found.group(0)!r}" if found else ""
    for tag in re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", source, re.IGNORECASE):
        for url in re.findall(r'(?:src|href)="([^"]*)"', tag):
            assert url.startswith("{% static ") or url.startswith("{% url "), f"{path.name}: {tag}"


def test_stylesheet_has_no_remote_url() -> None:
    for css in STATIC.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert REMOTE.search(text) is None and "@import" not in text, css.name


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.relative_to(WEB).as_posix())
def test_template_compiles(path: Path) -> None:
    for folder in TEMPLATE_DIRS:
        if path.is_relative_to(folder):
            get_template(path.relative_to(folder).as_posix())
            return
    raise AssertionError(path)


def test_vendored_htmx_matches_the_record() -> None:
    readme = (STATIC / "vendor" / "README.md").read_text(encoding="utf-8")
    row = re.search(r"`(htmx-(2\.\d+\.\d+)\.min\.js)`.*?\| (2\.\d+\.\d+) \|.*?`([0-9a-f]{64})`", readme)
    assert row, "static/vendor/README.md records the htmx file, its version and its SHA-256"
    name, in_name, version, digest = row.groups()
    assert in_name == version
    data = (STATIC / "vendor" / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == digest
    assert f'version:"{version}"'.encode() in data  # the file is the release it claims to be
    base = (WEB / "templates" / "base.html").read_text(encoding="utf-8")
    assert f"{{% static 'vendor/{name}' %}}" in base


def test_pages_load_only_local_assets(db: None, users: dict[str, Any]) -> None:
    client = Client()
    client.force_login(users["staff"])
    html = client.get("/").content.decode()
    assets = re.findall(r'<(?:script|link)\b[^>]*(?:src|href)="([^"]+)"', html)
    assert assets and all(a.startswith("/static/") for a in assets), assets
    assert '<html lang="vi">' in html


LABELLED = ["/to-chuc/{org}/ho-so/", "/to-chuc/{org}/sinh-hoat/", "/to-chuc/{org}/quy-che/moi/", "/dang-nhap/"]


@pytest.mark.parametrize("url", LABELLED)
def test_form_fields_have_labels(db: None, users: dict[str, Any], url: str) -> None:
    client = Client()
    if url != "/dang-nhap/":
        client.force_login(users["staff"])
    html = client.get(url.format(org=users["staff"].organization_id)).content.decode()
    fields = re.findall(r'<(?:input|select|textarea)\b(?![^>]*type="(?:hidden|submit)")[^>]*\bid="([^"]+)"', html)
    assert fields, url
    for field_id in fields:
        assert f'<label for="{field_id}"' in html, f"{url}: #{field_id} has no label"
