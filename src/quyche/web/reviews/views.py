"""Nhiệm vụ rà soát: the list of review tasks of the user's scope (filters by status and reason; htmx swaps
the table) and closing a task (htmx swaps the row)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from quyche.web import permissions
from quyche.web.accounts.models import User
from quyche.web.reviews.forms import CloseTaskForm, TaskFilterForm
from quyche.web.reviews.models import Reason, ReviewTask, TaskStatus
from quyche.web.reviews.services import close_task
from quyche.web.views import is_htmx, login_required, page, visible_or_404

PER_PAGE = 50


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def task_item(user: User, task: ReviewTask, today: Any) -> dict[str, Any]:
    overdue = task.status == TaskStatus.OPEN and task.due_date < today
    details = task.details or {}
    changes = [c.get("message") for c in details.get("changes") or [] if isinstance(c, dict) and c.get("message")]
    articles = [a.get("label") for a in details.get("articles") or [] if isinstance(a, dict) and a.get("label")]
    return {
        "task": task,
        "overdue": overdue,
        "late_days": (today - task.due_date).days if overdue else 0,
        "changes": changes,
        "articles": articles,
        "later_events": len(details.get("later_events") or []),
        "can_close": task.status == TaskStatus.OPEN and permissions.can_close_task(user, task),
    }


@require_safe
@login_required
def task_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    today = timezone.localdate()
    form = TaskFilterForm(request.GET if request.GET else None, initial={"status": TaskStatus.OPEN})
    data: dict[str, Any] = {"status": TaskStatus.OPEN.value, "reason": "", "overdue": False, "q": ""}
    if form.is_bound and form.is_valid():
        data.update({k: v for k, v in form.cleaned_data.items() if v not in (None, "")})
    qs = permissions.tasks(user).select_related("organization", "closed_by", "version", "reference", "regulation")
    if data["status"] in (TaskStatus.OPEN, TaskStatus.CLOSED):
        qs = qs.filter(status=data["status"])
    if data["reason"] in Reason.values:
        qs = qs.filter(reason=data["reason"])
    if data["overdue"]:
        qs = qs.filter(status=TaskStatus.OPEN, due_date__lt=today)
    if data["q"]:
        qs = qs.filter(Q(organization__name__icontains=data["q"]) | Q(summary__icontains=data["q"]))
    qs = qs.order_by("status", "due_date", "id")
    paginator = Paginator(qs, PER_PAGE)
    current = paginator.get_page(request.GET.get("trang"))
    query = {k: v for k, v in request.GET.items() if k != "trang"}
    scope = permissions.tasks(user).filter(status=TaskStatus.OPEN)
    context = {
        "nav": "tasks",
        "form": form,
        "filters": data,
        "page_obj": current,
        "items": [task_item(user, t, today) for t in current.object_list],
        "query": urlencode(query),
        "open_count": scope.count(),
        "overdue_count": scope.filter(due_date__lt=today).count(),
        "today": today,
        "close_form": CloseTaskForm(),
    }
    return page(request, "reviews/tasks.html", context, fragment="reviews/_task_table.html")


@require_POST
@login_required
def close(request: HttpRequest, pk: int) -> HttpResponse:
    """Đóng nhiệm vụ (the supervising side): htmx gets the updated row, a plain form goes back to the list."""
    user = _user(request)
    task = visible_or_404(permissions.tasks(user).select_related("organization"), pk=pk)
    permissions.require(permissions.can_close_task(user, task),
                        "Chỉ cán bộ kiểm tra của cấp ủy cấp trên hoặc quản trị viên mới đóng nhiệm vụ rà soát.")
    form = CloseTaskForm(request.POST)
    resolution = form.cleaned_data["resolution"].strip() if form.is_valid() else ""
    if task.status == TaskStatus.OPEN:
        close_task(task, user, resolution=resolution or "Đã rà soát")
    today = timezone.localdate()
    if is_htmx(request):
        return page(request, "reviews/_task_row.html", {"item": task_item(user, task, today), "today": today,
                                                         "close_form": CloseTaskForm(), "just_closed": True})
    messages.success(request, f"Đã đóng nhiệm vụ rà soát của {task.organization.name}.")
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = reverse("reviews:tasks")
    return redirect(target)
