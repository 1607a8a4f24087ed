"""Meetings of an organisation: record one, and the monthly compliance with the chi bộ regime (htmx fragment)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from quyche.web import permissions
from quyche.web.accounts.models import User
from quyche.web.meetings.forms import MeetingForm
from quyche.web.meetings.services import compliance, record_meeting
from quyche.web.organizations.models import Organization
from quyche.web.views import login_required, page, parse_month, shift_month, visible_or_404

HISTORY_MONTHS = 6


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def compliance_context(org: Organization, year: int, month: int, today: date) -> dict[str, Any]:
    """What the compliance fragment shows: the month judged, links to the months around it, and a short
    history of the months before (each judged as ``compliance`` judges it)."""
    current = (today.year, today.month)
    prev_y, prev_m = shift_month(year, month, -1)
    next_y, next_m = shift_month(year, month, 1)
    history = []
    if org.is_chi_bo:
        for delta in range(HISTORY_MONTHS - 1, -1, -1):
            y, m = shift_month(*current, -delta)
            history.append(compliance(org, y, m, today=today))
    return {
        "org": org,
        "result": compliance(org, year, month, today=today),
        "month_label": f"tháng {month}/{year}",
        "prev_month": f"{prev_y:04d}-{prev_m:02d}",
        "prev_label": f"tháng {prev_m}/{prev_y}",
        "next_month": f"{next_y:04d}-{next_m:02d}" if (next_y, next_m) <= current else None,
        "next_label": f"tháng {next_m}/{next_y}",
        "history": history,
    }


@require_safe
@login_required
def compliance_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Tuân thủ chế độ sinh hoạt of one month (``?thang=2025-11``): a fragment for htmx, else a page."""
    user = _user(request)
    org = visible_or_404(permissions.organizations(user), pk=pk)
    today = timezone.localdate()
    year, month = parse_month(request.GET.get("thang"), today)
    context = compliance_context(org, year, month, today)
    context["nav"] = "tree"
    return page(request, "meetings/compliance.html", context, fragment="meetings/_compliance.html")


def initial_meeting(org: Organization) -> dict[str, Any]:
    profile = None
    try:
        profile = org.profile()
    except Exception:  # a profile stored under older rules: no defaults, nothing else lost
        profile = None
    initial: dict[str, Any] = {"date": timezone.localdate(), "duration_minutes": 90}
    if profile is not None and profile.members:
        initial["total"] = profile.members
    return initial


@require_http_methods(["GET", "POST"])
@login_required
def record(request: HttpRequest, pk: int) -> HttpResponse:
    """Ghi nhận buổi sinh hoạt: the form page (GET); POST records it and goes back to the organisation."""
    user = _user(request)
    org = visible_or_404(permissions.organizations(user), pk=pk)
    permissions.require(permissions.can_record_meeting(user, org),
                        "Bạn không có quyền ghi buổi sinh hoạt của tổ chức này.")
    status = 200
    if request.method == "POST":
        form = MeetingForm(request.POST)
        if form.is_valid():
            try:
                meeting = record_meeting(org, actor=user, **form.cleaned_data)
            except (ValidationError, ValueError) as exc:
                form.add_error(None, "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))
            else:
                messages.success(request, f"Đã ghi buổi sinh hoạt ngày {meeting.date:%d/%m/%Y}.")
                url = reverse("organizations:detail", args=[org.pk])
                return redirect(f"{url}?thang={meeting.date:%Y-%m}#sinh-hoat")
        status = 400
    else:
        form = MeetingForm(initial=initial_meeting(org))
    recent = org.meetings.filter(date__gte=timezone.localdate() - timedelta(days=120)).order_by("-date")[:6]
    return page(request, "meetings/record.html", {"org": org, "form": form, "recent": recent, "nav": "tree"},
                status=status)
