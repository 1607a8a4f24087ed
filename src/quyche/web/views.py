"""Project-level views, and what the pages of every app share.

The pages (Vietnamese, Django templates + htmx) live in each app's ``views.py``; this module holds
``/healthz`` and the helpers they use:

- every object is fetched through a scoped queryset of :mod:`quyche.web.permissions`
  (:func:`visible_or_404`), so an object outside the user's scope answers 404 — page or htmx fragment alike;
- :func:`page` renders a full page, or only its fragment template when htmx asks (``HX-Request``);
- :func:`org_status` gives each organisation's badges (regulation status, errors of the current version
  after waivers, open and overdue review tasks) in a handful of queries whatever the number of organisations.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db.models import Count, Model, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render, resolve_url
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from quyche.report import SEVERITY_VI, ZONE_NAMES

M = TypeVar("M", bound=Model)
V = TypeVar("V", bound=Callable[..., HttpResponseBase])

NOT_FOUND = "Không tìm thấy trang hoặc bạn không có quyền xem."

ROLE_VI = {
    "bi_thu": "Bí thư",
    "pho_bi_thu": "Phó Bí thư",
    "pho_bi_thu_thuong_truc": "Phó Bí thư Thường trực",
    "uy_vien_btv": "Ủy viên Ban Thường vụ",
    "uy_vien": "Ủy viên",
}
SEVERITY_ORDER = ("error", "warning", "info")
SEVERITY_LABEL = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Ghi chú"}
assert set(SEVERITY_LABEL) == set(SEVERITY_VI)
ZONE_LABEL: Mapping[str, str] = ZONE_NAMES


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness probe (contract.md §4): 200 {"status": "ok"} without login."""
    return JsonResponse({"status": "ok"})


# ------------------------------------------------------------------------------------------- requests
def is_htmx(request: HttpRequest) -> bool:
    """A request htmx made (it sends ``HX-Request: true``); history restores want the whole page."""
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-History-Restore-Request") != "true"


def login_required(view: V) -> V:
    """Like Django's ``login_required``, but an htmx request of a signed-out user (the session expired while a
    page was open) gets ``HX-Redirect`` to the sign-in page, which then comes back to the page itself — not the
    sign-in page swapped into a fragment's place."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if is_htmx(request):
            current = urlsplit(request.headers.get("HX-Current-URL", ""))
            back = (current.path + (f"?{current.query}" if current.query else "")) if current.path else "/"
            target = redirect_to_login(back, resolve_url(settings.LOGIN_URL))["Location"]
            response = HttpResponse(status=204)
            response["HX-Redirect"] = target
            return response
        return redirect_to_login(request.get_full_path(), resolve_url(settings.LOGIN_URL))

    return wrapped  # type: ignore[return-value]


def visible_or_404(qs: QuerySet[M], **lookup: Any) -> M:
    """The one object of an already scoped queryset, else 404 (never says whether it exists elsewhere)."""
    obj = qs.filter(**lookup).first()
    if obj is None:
        raise Http404(NOT_FOUND)
    return obj


def page(request: HttpRequest, template: str, context: dict[str, Any], *, fragment: str | None = None,
         status: int = 200) -> HttpResponse:
    """Render ``template``; when htmx asks and a ``fragment`` template is given, only that fragment.

    Responses vary on ``HX-Request`` (a cache never serves a fragment for a page or the reverse) and are not
    stored by the browser (board machines are often shared)."""
    name = fragment if fragment is not None and is_htmx(request) else template
    response = render(request, name, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    patch_cache_control(response, private=True, no_store=True)  # organisations' data: never kept in a cache
    return response


def parse_month(raw: str | None, today: date) -> tuple[int, int]:
    """``2025-11`` → (2025, 11); anything else → the month of ``today``."""
    try:
        year, month = (int(x) for x in (raw or "").split("-", 1))
        if 2000 <= year <= 2100 and 1 <= month <= 12:
            return year, month
    except ValueError:
        pass
    return today.year, today.month


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


# ------------------------------------------------------------------------------------------- badges
@dataclass(slots=True)
class OrgStatus:
    """What the tree and the dashboard show beside an organisation."""

    regulation_status: str = ""  # "" when it has no regulation in use
    regulation_label: str = "Chưa có quy chế"
    version_id: int | None = None
    version_number: int | None = None
    version_issued: bool = False
    errors: int = 0
    warnings: int = 0
    open_tasks: int = 0
    overdue_tasks: int = 0


def count_visible(findings: Iterable[dict[str, Any]], waivers: Iterable[Any], version: Any, day: date
                  ) -> dict[str, int]:
    """Findings per severity once the waivers active on ``day`` are applied (as regulations.services does)."""
    active = [w for w in waivers if w.is_active(day)]
    out = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        if any(w.covers(version, f) for w in active):
            continue
        sev = f.get("severity", "info")
        out[sev] = out.get(sev, 0) + 1
    return out


def org_status(orgs: list[Any], today: date) -> dict[int, OrgStatus]:
    """Organisation id → :class:`OrgStatus`, for the organisations given (already scoped by the caller)."""
    from quyche.web.regulations.models import Regulation, RegulationStatus, Waiver
    from quyche.web.regulations.services import current_versions
    from quyche.web.reviews.models import ReviewTask, TaskStatus

    ids = [o.pk for o in orgs]
    out: dict[int, OrgStatus] = {pk: OrgStatus() for pk in ids}
    if not ids:
        return out
    labels = dict(RegulationStatus.choices)
    seen: set[int] = set()
    for org_id, status in (
        Regulation.objects.filter(organization_id__in=ids)
        .exclude(status=RegulationStatus.SUPERSEDED)
        .order_by("organization_id", "-term_start", "-id")
        .values_list("organization_id", "status")
    ):
        if org_id not in seen:
            seen.add(org_id)
            out[org_id].regulation_status = status
            out[org_id].regulation_label = labels.get(status, status)
    versions = current_versions(orgs)
    waivers: dict[int, list[Waiver]] = {}
    for w in Waiver.objects.filter(organization_id__in=list(versions)):
        waivers.setdefault(w.organization_id, []).append(w)
    for org_id, version in versions.items():
        counts = count_visible(version.findings, waivers.get(org_id, []), version, today)
        st = out[org_id]
        st.version_id, st.version_number, st.version_issued = version.pk, version.number, version.is_issued
        st.errors, st.warnings = counts["error"], counts["warning"]
    for row in (
        ReviewTask.objects.filter(organization_id__in=ids, status=TaskStatus.OPEN)
        .values("organization_id")
        .annotate(n=Count("id"), late=Count("id", filter=Q(due_date__lt=today)))
    ):
        out[row["organization_id"]].open_tasks = row["n"]
        out[row["organization_id"]].overdue_tasks = row["late"]
    return out
