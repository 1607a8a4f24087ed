"""Login rate limiting: after too many failed sign-ins for one user name from one address, refuse for a while.

Implemented as an authentication backend, so the web sign-in page, the admin and any other password login
are covered alike. Counts live in Django's cache (per process for the default local-memory cache, which
fits `quyche serve`: one waitress process with threads).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from quyche.text import fold


def limit() -> int:
    return int(getattr(settings, "QUYCHE_LOGIN_MAX_FAILURES", 5))


def window_seconds() -> int:
    return int(getattr(settings, "QUYCHE_LOGIN_LOCKOUT_SECONDS", 15 * 60))


def _key(request: HttpRequest | None, username: str | None) -> str:
    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    return f"quyche:login-failures:{address}:{fold(username or '')}"


def is_locked(request: HttpRequest | None, username: str | None) -> bool:
    return int(cache.get(_key(request, username), 0)) >= limit()


class ThrottledModelBackend(ModelBackend):
    """Django's model backend, refusing a name/address pair after ``limit()`` failures in the window."""

    def authenticate(self, request: HttpRequest | None, username: str | None = None, password: str | None = None,
                     **kwargs: Any) -> Any:
        key = _key(request, username)
        if is_locked(request, username):
            raise PermissionDenied("login throttled")  # stops authenticate(): no further backend is tried
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            if cache.add(key, 1, window_seconds()) is False:
                try:
                    cache.incr(key)
                except ValueError:  # expired between add() and incr()
                    cache.set(key, 1, window_seconds())
        else:
            cache.delete(key)
        return user
