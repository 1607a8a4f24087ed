"""Signing in and out, and the dashboard (Tổng quan) of the signed-in user's scope."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from quyche.web import permissions
from quyche.web.accounts import throttle
from quyche.web.accounts.models import User
from quyche.web.audit import services as audit
from quyche.web.audit.models import Action
from quyche.web.meetings.services import compliance
from quyche.web.regulations.models import RegulationStatus
from quyche.web.reviews.models import TaskStatus
from quyche.web.views import login_required, org_status, page

DASHBOARD_TASKS = 10


class LoginForm(AuthenticationForm):
    """Django's sign-in form with Vietnamese labels and messages."""

    def __init__(self, request: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        self.error_messages = {
            **self.error_messages,
            "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: mật khẩu phân biệt chữ hoa, chữ thường.",
            "inactive": "Tài khoản này đã bị khóa.",
        }
        self.fields["username"].label = "Tên đăng nhập"
        self.fields["password"].label = "Mật khẩu"
        self.fields["username"].error_messages["required"] = "Chưa nhập tên đăng nhập."
        self.fields["password"].error_messages["required"] = "Chưa nhập mật khẩu."

    def clean(self) -> dict[str, Any]:
        if throttle.is_locked(self.request, self.data.get("username")):
            minutes = max(1, throttle.window_seconds() // 60)
            raise ValidationError(
                f"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút.", code="throttled")
        return super().clean()


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        audit.record(form.get_user(), Action.LOGIN, form.get_user(), note="đăng nhập trang web")
        return response


class LogoutView(auth_views.LogoutView):
    """POST only (Django's LogoutView refuses GET): a link cannot sign someone out."""


def scope_label(user: User) -> str:
    if permissions.is_administrator(user):
        return "Toàn bộ các tổ chức"
    org = user.organization
    if org is None:
        return "Chưa được gán tổ chức"
    if permissions.is_inspector(user):
        return f"{org.name} và các tổ chức trực thuộc"
    return org.name


@require_safe
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Tổng quan: organisations, regulations by status, versions with errors, open review tasks, meetings."""
    user = request.user
    assert isinstance(user, User)
    today = timezone.localdate()
    orgs = list(permissions.organizations(user).order_by("path"))
    active = [o for o in orgs if o.is_active]
    statuses = org_status(active, today)

    reg_counts = dict(
        permissions.regulations(user).order_by().values("status").annotate(n=Count("id")).values_list("status", "n")
    )
    regulation_rows = [
        {"status": value, "label": label, "count": reg_counts.get(value, 0)}
        for value, label in RegulationStatus.choices
    ]
    without = sum(1 for o in active if not statuses[o.pk].regulation_status)

    with_errors = sorted(
        ((o, statuses[o.pk]) for o in active if statuses[o.pk].errors),
        key=lambda item: (-item[1].errors, item[0].path),
    )

    open_tasks = permissions.tasks(user).filter(status=TaskStatus.OPEN)
    task_count = open_tasks.count()
    overdue_count = open_tasks.filter(due_date__lt=today).count()
    next_tasks = list(open_tasks.order_by("due_date", "id")[:DASHBOARD_TASKS])

    chi_bo = [o for o in active if o.is_chi_bo]
    months = [compliance(o, today.year, today.month, today=today) for o in chi_bo]
    met = sum(1 for m in months if m.regular_count)
    problems = [
        (o, [i for i in m.issues if i.severity in ("error", "warning")])
        for o, m in zip(chi_bo, months, strict=True)
        if any(i.severity in ("error", "warning") for i in m.issues)
    ]
    context = {
        "today": today,
        "scope": scope_label(user),
        "org_count": len(orgs),
        "active_count": len(active),
        "inactive_count": len(orgs) - len(active),
        "chi_bo_count": len(chi_bo),
        "regulation_rows": regulation_rows,
        "without_regulation": without,
        "with_errors": with_errors,
        "task_count": task_count,
        "overdue_count": overdue_count,
        "next_tasks": next_tasks,
        "meetings_met": met,
        "meetings_missing": [o for o, m in zip(chi_bo, months, strict=True) if not m.regular_count],
        "meeting_problems": problems,
        "nav": "dashboard",
    }
    return page(request, "accounts/dashboard.html", context)
