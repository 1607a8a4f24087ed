"""Pieces every router of the REST API shares: the signed-in user, pagination, error schemas, lookups.

Kept apart from :mod:`quyche.web.api` (which assembles the routers) so the app routers can import it
without importing each other.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

from quyche.web.accounts.models import User

M = TypeVar("M", bound=Model)

NOT_FOUND = "Không tìm thấy."
DEFAULT_LIMIT = 50
MAX_LIMIT = 500


class ErrorOut(Schema):
    detail: str = Field(description="Lý do, bằng tiếng Việt")


class ValidationErrorOut(ErrorOut):
    errors: Any = Field(None, description="Chi tiết từng trường không hợp lệ (nếu có)")


READ_ERRORS: dict[int, Any] = {401: ErrorOut, 404: ErrorOut}
WRITE_ERRORS: dict[int, Any] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut}


class Page(LimitOffsetPagination):
    """``?limit=&offset=`` → ``{"items": [...], "count": N}`` (``count``: all items matching the filters)."""

    class Input(Schema):
        limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Số mục tối đa trả về (1–{MAX_LIMIT})")
        offset: int = Field(0, ge=0, description="Số mục bỏ qua từ đầu danh sách")

    class Output(Schema):
        items: list[Any]
        count: int = Field(description="Tổng số mục khớp bộ lọc (mọi trang)")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_LIMIT, **kwargs)


class OrgRef(Schema):
    id: int
    name: str


def user_of(request: HttpRequest) -> User:
    """The user the request was authenticated as (bearer token or session)."""
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user


def visible_or_404(qs: QuerySet[M], **lookup: Any) -> M:
    """The one object of an already scoped queryset, else 404 (never says whether it exists elsewhere)."""
    obj = qs.filter(**lookup).first()
    if obj is None:
        raise Http404(NOT_FOUND)
    return obj


def org_ref(org: Any) -> dict[str, Any] | None:
    return None if org is None else {"id": org.pk, "name": org.name}


F = TypeVar("F", bound=Callable[..., Any])


def limit_request_body(setting: str, slack: int = 256 * 1024) -> Callable[[F], F]:
    """View decorator: refuse (413) a request whose declared body exceeds ``settings.<setting>`` plus some
    room for the multipart envelope, before anything reads it."""

    def decorator(view: F) -> F:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            limit = int(getattr(settings, setting))
            try:
                declared = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                declared = 0
            if declared > limit + slack:
                return JsonResponse(
                    {"detail": f"Tệp quá lớn (giới hạn {limit / 1e6:.0f} MB).", "code": "too_large"}, status=413
                )
            result: HttpResponse = view(request, *args, **kwargs)
            return result

        return wrapper  # type: ignore[return-value]

    return decorator
