"""The REST API (django-ninja) under ``/api/``: authentication, error answers, and the routers of each app.

Authentication: ``Authorization: Bearer <khóa>`` with an API token (:func:`accounts.services.authenticate_token`),
or the browser's session (then unsafe methods need the CSRF token). Without credentials every operation
answers 401 ``{"detail": "…"}``. Objects outside the user's scope answer 404, forbidden actions on visible
objects 403 (:mod:`quyche.web.permissions`). The schema is at ``/api/openapi.json`` (public: it describes
the interface, holds no data); the interactive documentation at ``/api/docs`` needs a signed-in session.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from types import MappingProxyType
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.views import openapi_json
from ninja.renderers import JSONRenderer
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

import quyche
from quyche.errors import ReadError
from quyche.profile import ProfileError
from quyche.references import CatalogueError
from quyche.web.accounts.api import router as accounts_router
from quyche.web.accounts.models import User
from quyche.web.accounts.services import authenticate_token
from quyche.web.api_support import NOT_FOUND
from quyche.web.immutable import ImmutableError
from quyche.web.meetings.api import router as meetings_router
from quyche.web.organizations.api import router as organizations_router
from quyche.web.references.api import router as references_router
from quyche.web.references.services import ReferenceEditError
from quyche.web.regulations.api import regulations_router, versions_router, waivers_router
from quyche.web.reviews.api import router as tasks_router

log = logging.getLogger(__name__)

UNAUTHENTICATED = "Chưa xác thực: hãy đăng nhập, hoặc gửi khóa truy cập trong tiêu đề “Authorization: Bearer <khóa>”."
BAD_TOKEN = "Khóa truy cập không hợp lệ, đã hết hạn hoặc đã bị thu hồi."
CSRF_FAILED = "Yêu cầu từ trình duyệt thiếu hoặc sai mã chống giả mạo (CSRF)."
FORBIDDEN = "Bạn không có quyền thực hiện thao tác này."
READ_ERROR_STATUS = {"too_large": 413, "zip_bomb": 413, "unsupported": 415}


# ------------------------------------------------------------------------------------------- authentication
class BearerToken(HttpBearer):
    """``Authorization: Bearer qct_…``: an API token. A token that is sent but not valid is refused outright
    (401), without falling back to the session."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = authenticate_token(token.strip())
        if user is None:
            raise AuthenticationError(401, BAD_TOKEN)
        return user


class SessionCookie(APIKeyCookie):
    """The browser session (Django login). Unsafe methods must carry the CSRF token, as forms do."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        return request.COOKIES.get(self.param_name)  # the CSRF check comes once the user is known

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        user = getattr(request, "user", None)
        if not isinstance(user, User) or not user.is_authenticated or not user.is_active:
            return None
        if self.csrf and not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request) is not None:
            raise HttpError(403, CSRF_FAILED)
        return user


class Utf8JSON(JSONRenderer):
    """JSON with Vietnamese letters as they are (UTF-8), not as \\u escapes."""

    json_dumps_params = MappingProxyType({"ensure_ascii": False})


def _docs_guard(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The schema (JSON) is public; the interactive page asks for a signed-in session."""
    if getattr(view, "func", None) is openapi_json:
        return view

    @functools.wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return guarded


api = NinjaAPI(
    title="quyche API",
    version=quyche.__version__,
    description=(
        "Giám sát quy chế làm việc của các tổ chức đảng: cây tổ chức, hồ sơ, quy chế và các phiên bản "
        "(tải lên → kiểm tra → kết quả), miễn áp dụng quy tắc, nhiệm vụ rà soát, danh mục văn bản cấp trên, "
        "sinh hoạt chi bộ.\n\nXác thực: `Authorization: Bearer <khóa>` hoặc phiên đăng nhập (kèm mã CSRF với "
        "POST/PATCH/DELETE). Phân trang: `?limit=&offset=` → `{items, count}`. Đối tượng ngoài phạm vi của "
        "người dùng trả về 404; thao tác không được phép trên đối tượng nhìn thấy được trả về 403."
    ),
    auth=[BearerToken(), SessionCookie()],
    urls_namespace="api",
    docs_decorator=_docs_guard,
    renderer=Utf8JSON(),
)


# ------------------------------------------------------------------------------------------- errors
def _error(request: HttpRequest, status: int, detail: str, **more: Any) -> HttpResponse:
    return api.create_response(request, {"detail": detail, **more}, status=status)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    detail = exc.message if exc.message != "Unauthorized" else UNAUTHENTICATED
    response = _error(request, 401, detail)
    response["WWW-Authenticate"] = 'Bearer realm="quyche"'
    return response


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _error(request, exc.status_code, exc.message)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, NOT_FOUND)


@api.exception_handler(ObjectDoesNotExist)
def _does_not_exist(request: HttpRequest, exc: ObjectDoesNotExist) -> HttpResponse:
    return _error(request, 404, NOT_FOUND)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _error(request, 403, str(exc) or FORBIDDEN)


def _location(loc: Any) -> str:
    parts = [str(p) for p in (loc or ()) if p not in ("body", "query", "path", "form", "file", "payload")]
    return ".".join(parts)


@api.exception_handler(NinjaValidationError)
def _invalid_request(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    first = exc.errors[0] if exc.errors else {}
    where = _location(first.get("loc"))
    message = str(first.get("msg", "")).strip()
    detail = "Dữ liệu gửi lên không hợp lệ" + (f": {where}: {message}" if where else f": {message}" if message else "")
    errors = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors]
    return _error(request, 422, detail, errors=errors)


@api.exception_handler(DjangoValidationError)
def _invalid_object(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        errors: Any = {k: [str(m) for m in v] for k, v in exc.message_dict.items()}
        field, messages = next(iter(errors.items()))
        detail = messages[0] if field == "__all__" else f"{field}: {messages[0]}"
    else:
        errors = [str(m) for m in exc.messages]
        detail = errors[0] if errors else "Dữ liệu không hợp lệ."
    return _error(request, 422, detail, errors=errors)


@api.exception_handler(ProfileError)
def _invalid_profile(request: HttpRequest, exc: ProfileError) -> HttpResponse:
    return _error(request, 422, exc.message, code=exc.code)


@api.exception_handler(ReadError)
def _unreadable(request: HttpRequest, exc: ReadError) -> HttpResponse:
    return _error(request, READ_ERROR_STATUS.get(exc.code, 422), exc.message, code=exc.code)


@api.exception_handler(CatalogueError)
def _bad_catalogue(request: HttpRequest, exc: CatalogueError) -> HttpResponse:
    return _error(request, 422, exc.message, code=exc.code)


@api.exception_handler(ReferenceEditError)
def _bad_reference_edit(request: HttpRequest, exc: ReferenceEditError) -> HttpResponse:
    return _error(request, 422, str(exc), code="reference")


@api.exception_handler(ImmutableError)
def _immutable(request: HttpRequest, exc: ImmutableError) -> HttpResponse:
    return _error(request, 409, exc.message, code="immutable")


@api.exception_handler(ProtectedError)
def _in_use(request: HttpRequest, exc: ProtectedError) -> HttpResponse:
    return _error(request, 409, "Đối tượng đang được dữ liệu khác dẫn chiếu, không xóa được.", code="protected")


@api.exception_handler(IntegrityError)
def _conflict(request: HttpRequest, exc: IntegrityError) -> HttpResponse:
    log.warning("xung đột dữ liệu ở %s: %s", request.path, exc)
    return _error(request, 409, "Xung đột dữ liệu (có thể do một yêu cầu khác cùng lúc); hãy thử lại.",
                  code="conflict")


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    """Anything unexpected: logged with its traceback like Django does, answered in JSON."""
    logging.getLogger("django.request").error("Internal Server Error: %s", request.path, exc_info=exc,
                                              extra={"status_code": 500, "request": request})
    return _error(request, 500, "Lỗi máy chủ; sự cố đã được ghi lại.")


# ------------------------------------------------------------------------------------------- routers
api.add_router("/me", accounts_router, tags=["Tài khoản"])
api.add_router("/organizations", organizations_router, tags=["Tổ chức đảng và hồ sơ"])
api.add_router("/regulations", regulations_router, tags=["Quy chế làm việc"])
api.add_router("/versions", versions_router, tags=["Phiên bản quy chế"])
api.add_router("/waivers", waivers_router, tags=["Miễn áp dụng quy tắc"])
api.add_router("/tasks", tasks_router, tags=["Nhiệm vụ rà soát"])
api.add_router("/references", references_router, tags=["Danh mục văn bản cấp trên"])
api.add_router("/meetings", meetings_router, tags=["Sinh hoạt chi bộ"])
