"""Pages of the organisations: the tree of the user's scope (children loaded by htmx), an organisation's page
(profile, regulations, tasks, meetings) and the form that adds a profile version."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from quyche.profile import Profile, ProfileError
from quyche.web import permissions
from quyche.web.accounts.models import User
from quyche.web.meetings.forms import MeetingForm
from quyche.web.meetings.views import compliance_context, initial_meeting
from quyche.web.organizations.forms import ProfileForm, profile_text
from quyche.web.organizations.models import Kind, Organization, OrgType
from quyche.web.organizations.services import add_profile_version
from quyche.web.regulations.forms import RegulationForm, UploadForm
from quyche.web.regulations.models import Regulation, RegulationStatus, Waiver
from quyche.web.reviews.models import TaskStatus
from quyche.web.views import (
    ROLE_VI,
    count_visible,
    is_htmx,
    login_required,
    org_status,
    page,
    parse_month,
    visible_or_404,
)

SEARCH_LIMIT = 100
KIND_VI = dict(Kind.choices)
TYPE_VI = dict(OrgType.choices)


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


# ------------------------------------------------------------------------------------------- tree
def tree_nodes(user: User, nodes: list[Organization]) -> list[dict[str, Any]]:
    """Each node with its badges and the number of its children the user may see."""
    today = timezone.localdate()
    statuses = org_status(nodes, today)
    counts = dict(
        permissions.organizations(user)
        .filter(parent_id__in=[n.pk for n in nodes])
        .order_by()
        .values("parent_id")
        .annotate(n=Count("id"))
        .values_list("parent_id", "n")
    )
    return [{"org": n, "status": statuses[n.pk], "children": counts.get(n.pk, 0)} for n in nodes]


def scope_roots(user: User) -> list[Organization]:
    """Where the user's tree starts: the roots for an administrator, else the user's own organisation."""
    visible = permissions.organizations(user)
    if permissions.is_administrator(user):
        return list(visible.filter(parent__isnull=True).order_by("name"))
    own = user.organization_id
    return list(visible.filter(pk=own)) if own is not None else []


@require_safe
@login_required
def tree(request: HttpRequest) -> HttpResponse:
    """Cây tổ chức: the roots of the scope with their children; deeper levels load on demand (htmx)."""
    user = _user(request)
    query = request.GET.get("q", "").strip()[:200]
    context: dict[str, Any] = {"nav": "tree", "q": query}
    if query:
        found = list(
            permissions.organizations(user).filter(name__icontains=query).order_by("path")[:SEARCH_LIMIT]
        )
        context["results"] = tree_nodes(user, found)
        return page(request, "organizations/tree.html", context, fragment="organizations/_tree.html")
    roots = tree_nodes(user, scope_roots(user))
    for node in roots:
        children = list(permissions.organizations(user).filter(parent=node["org"]).order_by("name"))
        node["loaded"] = tree_nodes(user, children)
    context["roots"] = roots
    return page(request, "organizations/tree.html", context, fragment="organizations/_tree.html")


@require_safe
@login_required
def children(request: HttpRequest, pk: int) -> HttpResponse:
    """The children of one node, as a fragment for htmx (without htmx: the organisation's page)."""
    user = _user(request)
    org = visible_or_404(permissions.organizations(user), pk=pk)
    if not is_htmx(request):
        return redirect("organizations:detail", pk=org.pk)
    nodes = list(permissions.organizations(user).filter(parent=org).order_by("name"))
    return page(request, "organizations/_tree_nodes.html", {"nodes": tree_nodes(user, nodes), "parent": org})


# ------------------------------------------------------------------------------------------- organisation
def profile_rows(profile: Profile) -> dict[str, Any]:
    term = f"{profile.term.start} - {profile.term.end}" + (f", khóa {profile.term.khoa}" if profile.term.khoa else "")
    if profile.is_dang_uy:
        leading = "Có Ban Thường vụ" if profile.has_btv else "Không có Ban Thường vụ (dưới 9 cấp ủy viên)"
    else:
        leading = "Có chi ủy" if profile.has_chi_uy else "Không bầu chi ủy (dưới 9 đảng viên chính thức)"
    return {
        "rows": [
            ("Tên tổ chức", profile.name),
            ("Cấp tổ chức", KIND_VI.get(profile.kind, profile.kind)),
            ("Loại hình", TYPE_VI.get(profile.type, profile.type)),
            ("Cấp trên trực tiếp", profile.superior),
            ("Địa danh", profile.place),
            ("Nhiệm kỳ", term),
            ("Số đảng viên chính thức", str(profile.members)),
            ("Số cấp ủy viên", str(profile.committee_size)),
            ("Cơ quan thường trực", leading),
        ],
        "committee": [
            {"name": m.name, "role": ROLE_VI.get(m.role, m.role), "duties": list(m.duties)} for m in profile.committee
        ],
        "subordinates": list(profile.subordinates),
    }


def regulation_rows(org: Organization) -> list[dict[str, Any]]:
    """Every regulation of the organisation, newest term first, with its versions and their counts (the
    findings still shown today, after the waivers)."""
    today = timezone.localdate()
    waivers = list(Waiver.objects.filter(organization=org))
    rows = []
    regs = Regulation.objects.filter(organization=org).prefetch_related("versions__uploaded_by").order_by(
        "-term_start", "-id"
    )
    for reg in regs:
        versions = []
        for v in sorted(reg.versions.all(), key=lambda v: -v.number):
            v.regulation = reg  # the waivers look at it
            versions.append({"version": v, "counts": count_visible(v.findings, waivers, v, today)})
        rows.append({"regulation": reg, "versions": versions})
    return rows


def detail_context(request: HttpRequest, org: Organization) -> dict[str, Any]:
    user = _user(request)
    today = timezone.localdate()
    ancestors = [a for a in org.ancestors() if permissions.can_view(user, a)]
    version = org.current_profile_version
    profile: dict[str, Any] | None = None
    profile_error = ""
    if version is not None:
        try:
            profile = profile_rows(version.profile())
        except ProfileError as exc:  # stored under older rules
            profile_error = exc.message
    kids = list(permissions.organizations(user).filter(parent=org).order_by("name"))
    year, month = parse_month(request.GET.get("thang"), today)
    current_regulation = (
        Regulation.objects.filter(organization=org).exclude(status=RegulationStatus.SUPERSEDED)
        .order_by("-term_start", "-id").first()
    )
    reg_initial: dict[str, Any] = {}
    if version is not None:
        reg_initial = {"term_start": version.data.get("term", {}).get("from"),
                       "term_end": version.data.get("term", {}).get("to"),
                       "khoa": version.data.get("term", {}).get("khoa") or ""}
    return {
        "nav": "tree",
        "org": org,
        "node_self": {"org": org, "status": org_status([org], today)[org.pk]},
        "ancestors": ancestors,
        "kind_label": KIND_VI.get(org.kind, org.kind),
        "type_label": TYPE_VI.get(org.type, org.type),
        "profile_version": version,
        "profile": profile,
        "profile_error": profile_error,
        "profile_history": list(org.profile_versions.select_related("author").order_by("-number")),
        "children": tree_nodes(user, kids),
        "regulations": regulation_rows(org),
        "current_regulation": current_regulation,
        "tasks": list(org.review_tasks.filter(status=TaskStatus.OPEN).order_by("due_date", "id")),
        "closed_tasks": org.review_tasks.filter(status=TaskStatus.CLOSED).count(),
        "meetings": list(org.meetings.select_related("created_by").order_by("-date", "-id")[:12]),
        "today": today,
        **compliance_context(org, year, month, today),
        "can_add_profile": permissions.can_add_profile(user, org),
        "can_create_regulation": permissions.can_create_regulation(user, org),
        "can_upload": permissions.works_for(user, org),
        "can_record_meeting": permissions.can_record_meeting(user, org),
        "meeting_form": MeetingForm(initial=initial_meeting(org)),
        "regulation_form": RegulationForm(initial=reg_initial),
        "upload_form": UploadForm(),
    }


@require_safe
@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Tổ chức: profile, version history, regulations and versions, open tasks, meetings and compliance."""
    org = visible_or_404(permissions.organizations(_user(request)), pk=pk)
    return page(request, "organizations/detail.html", detail_context(request, org))


@require_http_methods(["GET", "POST"])
@login_required
def profile(request: HttpRequest, pk: int) -> HttpResponse:
    """Cập nhật hồ sơ: a new profile version from YAML, validated by quyche (message next to the field)."""
    user = _user(request)
    org = visible_or_404(permissions.organizations(user), pk=pk)
    permissions.require(permissions.can_add_profile(user, org), "Bạn không có quyền cập nhật hồ sơ tổ chức này.")
    status = 200
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                version = add_profile_version(org, form.cleaned_data["text"], user, note=form.cleaned_data["note"])
            except ProfileError as exc:
                form.add_error("text", exc.message)
            else:
                messages.success(request, f"Đã lưu hồ sơ phiên bản {version.number}.")
                return redirect("organizations:detail", pk=org.pk)
        status = 400
    else:
        form = ProfileForm(initial={"text": profile_text(org)})
    history = list(org.profile_versions.select_related("author").order_by("-number")[:10])
    return page(request, "organizations/profile_form.html", {"org": org, "form": form, "history": history,
                                                             "nav": "tree"}, status=status)

