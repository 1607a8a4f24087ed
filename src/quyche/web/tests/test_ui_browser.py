"""A real browser (Debian's chromium driven by Playwright) signs in and opens the organisation tree, whose second
level htmx loads on demand. Skipped where /usr/bin/chromium or the playwright package is missing (never run
``playwright install``: the system chromium is used)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed")


def test_login_and_open_the_tree(live_server: Any, users: dict[str, Any], settings: Any,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False  # the live server speaks plain HTTP
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "1")  # Playwright's sync API runs an event loop here
    base = live_server.url
    requested: list[str] = []
    problems: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            page = browser.new_page(locale="vi-VN")
            page.on("request", lambda r: requested.append(r.url))
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))

            page.goto(f"{base}/to-chuc/")  # not signed in: the sign-in page, then back here
            assert "/dang-nhap/" in page.url
            page.get_by_label("Tên đăng nhập").fill("quantri")
            page.get_by_label("Mật khẩu").fill("mat-khau-dai-1")
            page.get_by_role("button", name="Đăng nhập").click()
            page.wait_for_url(f"{base}/to-chuc/")
            sync_api.expect(page.get_by_role("heading", name="Cây tổ chức")).to_be_visible()
            sync_api.expect(page.get_by_role("link", name="Đảng ủy xã An Hòa")).to_be_visible()
            phu_loc = page.get_by_role("link", name="Chi bộ thôn Phú Lộc")
            assert phu_loc.count() == 0  # the second level is not there yet

            node = page.locator("summary", has=page.get_by_role("link", name="Đảng ủy xã An Hòa"))
            with page.expect_response(lambda r: "/truc-thuoc/" in r.url and r.status == 200):
                node.locator(".node-kind").click()  # opens the <details>: htmx fetches the children
            sync_api.expect(phu_loc).to_be_visible()
            sync_api.expect(page.get_by_role("link", name="Chi bộ Trường Tiểu học An Hòa")).to_be_visible()
            node.locator(".node-kind").click()  # closing and reopening does not fetch again
            node.locator(".node-kind").click()
            sync_api.expect(phu_loc).to_be_visible()

            phu_loc.click()
            page.wait_for_url(f"{base}/to-chuc/{users['staff'].organization_id}/")
            sync_api.expect(page.get_by_role("heading", name="Chi bộ thôn Phú Lộc", exact=True)).to_be_visible()

            page.get_by_role("button", name="Đăng xuất").click()
            page.wait_for_url(f"{base}/dang-nhap/")
        finally:
            browser.close()
    assert sum("/truc-thuoc/" in url for url in requested) == 1
    assert all(url.startswith(base) for url in requested), [u for u in requested if not u.startswith(base)]
    assert any("/static/vendor/htmx-2." in url for url in requested)
    assert not problems, problems
