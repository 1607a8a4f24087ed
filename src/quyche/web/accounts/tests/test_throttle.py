"""Login rate limiting: the sixth wrong password in the window is refused, even with the right one."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from quyche.web.accounts.models import User


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    cache.clear()


@pytest.mark.django_db
def test_too_many_failures_lock_the_login_for_a_while(settings) -> None:  # type: ignore[no-untyped-def]
    settings.QUYCHE_LOGIN_MAX_FAILURES = 3
    User.objects.create_user(username="quantri", password="Mat-khau-dung-1", role="administrator")
    client = Client()
    for _ in range(3):
        res = client.post("/dang-nhap/", {"username": "quantri", "password": "sai"})
        assert res.status_code == 200 and "_auth_user_id" not in client.session
    res = client.post("/dang-nhap/", {"username": "quantri", "password": "Mat-khau-dung-1"})
    assert "_auth_user_id" not in client.session
    assert "quá nhiều lần" in res.content.decode()
    cache.clear()  # the window has passed
    client.post("/dang-nhap/", {"username": "quantri", "password": "Mat-khau-dung-1"})
    assert "_auth_user_id" in client.session


@pytest.mark.django_db
def test_a_success_resets_the_count(settings) -> None:  # type: ignore[no-untyped-def]
    settings.QUYCHE_LOGIN_MAX_FAILURES = 3
    User.objects.create_user(username="kiemtra", password="Mat-khau-dung-2", role="administrator")
    client = Client()
    for _ in range(2):
        client.post("/dang-nhap/", {"username": "kiemtra", "password": "sai"})
    client.post("/dang-nhap/", {"username": "kiemtra", "password": "Mat-khau-dung-2"})
    assert "_auth_user_id" in client.session
    client.logout()
    for _ in range(2):
        client.post("/dang-nhap/", {"username": "kiemtra", "password": "sai"})
    client.post("/dang-nhap/", {"username": "kiemtra", "password": "Mat-khau-dung-2"})
    assert "_auth_user_id" in client.session
