"""Pages of the regulations: a version with its findings (grouped by zone, waived ones apart), upload of a
new version, waivers, issuing a draft, the original file, and the explanation of each rule."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from quyche.catalogue import catalogue as rule_catalogue
from quyche.engine import load_rules
from quyche.errors import ReadError
from quyche.web import permissions
from quyche.web.accounts.models import User
from quyche.web.organizations.models import Organization
from quyche.web.references.models import Reference
from quyche.web.regulations.forms import IssueForm, RegulationForm, UploadForm, WaiverForm
from quyche.web.regulations.models import Regulation, RegulationVersion, WaiverScope
from quyche.web.regulations.services import (
    create_regulation,
    grant_waiver,
    issue_version,
    upload_version,
    visible_findings,
    waivers_for,
)
from quyche.web.views import NOT_FOUND, SEVERITY_LABEL, SEVERITY_ORDER, ZONE_LABEL, login_required, page, visible_or_404

DOC_HEADINGS = (("yeu_cau", "Yêu cầu"), ("vi_sao", "Vì sao"), ("vi_du_sai", "Ví dụ sai"),
                ("vi_du_dung", "Ví dụ đúng"), ("cach_sua", "Cách sửa"), ("can_cu", "Căn cứ"))
CONFIDENCE_VI = {"H": "cao", "M": "trung bình", "L": "thấp"}
_MIME = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "pdf": "application/pdf", "text": "text/plain; charset=utf-8"}


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _vn_date(iso: Any) -> str:
    try:
        return date.fromisoformat(str(iso)).strftime("%d/%m/%Y")
    except ValueError:
        return ""


# ------------------------------------------------------------------------------------------- findings
def finding_item(f: dict[str, Any]) -> dict[str, Any]:
    """A stored finding (contract.md §3) as the template shows it."""
    cat = rule_catalogue()
    loc = f.get("location") or {}
    meta = cat.rules.get(str(f.get("rule")))
    sev = str(f.get("severity", "info"))
    return {
        "rule": f.get("rule"),
        "rule_name": meta.name if meta else "",
        "severity": sev,
        "severity_label": SEVERITY_LABEL.get(sev, sev),
        "confidence": f.get("confidence"),
        "confidence_label": CONFIDENCE_VI.get(str(f.get("confidence")), ""),
        "message": f.get("message", ""),
        "where": loc.get("where") or "",
        "show_paragraph": bool(loc.get("paragraph")) and "đoạn" not in str(loc.get("where") or ""),
        "text": loc.get("text") or "",
        "paragraph": loc.get("paragraph"),
        "zone": loc.get("zone") or "document",
        "expected": f.get("expected"),
        "actual": f.get("actual"),
        "fix": f.get("fix") or "",
        "citation": f.get("citation") or "",
        "needs_confirmation": bool(f.get("needs_confirmation")),
    }


def _sort_key(item: dict[str, Any]) -> tuple[int, int, str]:
    sev = SEVERITY_ORDER.index(item["severity"]) if item["severity"] in SEVERITY_ORDER else 9
    return sev, item["paragraph"] if isinstance(item["paragraph"], int) else 10**9, str(item["rule"])


def group_by_zone(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Zones in the order of the report (header, title, preamble, body, …), each with its findings by severity."""
    order = list(ZONE_LABEL)
    zones: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        zones.setdefault(item["zone"], []).append(item)
    out = []
    for zone in sorted(zones, key=lambda z: (order.index(z) if z in order else len(order), z)):
        found = sorted(zones[zone], key=_sort_key)
        out.append({"zone": zone, "label": ZONE_LABEL.get(zone, zone), "findings": found,
                    "errors": sum(1 for x in found if x["severity"] == "error")})
    return out


def waivable_rules(version: RegulationVersion, day: date) -> list[str]:
    """The rules of the version's findings: those still shown first (the usual choice), then the waived ones."""
    view = visible_findings(version, day)
    shown = sorted({str(f.get("rule")) for f in view.visible})
    return shown + sorted({str(f.get("rule")) for f, _ in view.waived} - set(shown))


def version_context(request: HttpRequest, version: RegulationVersion, *, waiver_form: WaiverForm | None = None,
                    upload_form: UploadForm | None = None) -> dict[str, Any]:
    user = _user(request)
    reg = version.regulation
    org = reg.organization
    today = timezone.localdate()
    view = visible_findings(version, today)
    visible = [finding_item(f) for f in view.visible]
    counts = {s: sum(1 for x in visible if x["severity"] == s) for s in SEVERITY_ORDER}
    waived = [{"finding": finding_item(f), "waiver": w} for f, w in view.waived]
    expired = [w for w in waivers_for(version) if not w.is_active(today)
               and any(w.covers(version, f) for f in version.findings)]
    summary = dict(version.structure.get("document") or {})
    summary["date_text"] = _vn_date(summary.get("date"))
    basis_keys = list(version.structure.get("basis") or [])
    known = set(Reference.objects.filter(key__in=basis_keys).values_list("key", flat=True))
    can_waive = permissions.can_manage_waivers(user, org)
    rules = waivable_rules(version, today)
    return {
        "nav": "tree",
        "version": version,
        "regulation": reg,
        "org": org,
        "summary": summary,
        "chapters": version.structure.get("chapters") or [],
        "articles": version.structure.get("articles") or [],
        "basis": [{"label": k, "known": k in known} for k in basis_keys],
        "notes": version.structure.get("notes") or [],
        "zones": group_by_zone(visible),
        "counts": counts,
        "total_visible": len(visible),
        "waived": waived,
        "expired_waivers": expired,
        "siblings": list(reg.versions.select_related("uploaded_by").order_by("-number")),
        "today": today,
        "can_waive": can_waive and bool(rules),
        "can_upload": permissions.can_upload(user, reg),
        "can_issue": permissions.can_issue(user, version) and not version.is_issued,
        "can_download": permissions.can_view_original(user, version),
        "waiver_form": waiver_form or (WaiverForm(rules=rules) if can_waive and rules else None),
        "upload_form": upload_form or UploadForm(),
    }


@require_safe
@login_required
def version_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Phiên bản quy chế: summary, findings by zone, waived findings, forms (waiver, upload, issue)."""
    version = visible_or_404(permissions.versions(_user(request)), pk=pk)
    return page(request, "regulations/version.html", version_context(request, version))


@require_safe
@login_required
def original(request: HttpRequest, pk: int) -> FileResponse:
    """The uploaded file itself (never served as a static file: only through this permission check)."""
    user = _user(request)
    version = visible_or_404(permissions.versions(user), pk=pk)
    permissions.require(permissions.can_view_original(user, version))
    if not version.file.name or not default_storage.exists(version.file.name):
        raise Http404(NOT_FOUND)
    response = FileResponse(default_storage.open(version.file.name, "rb"), as_attachment=True,
                            filename=version.filename,
                            content_type=_MIME.get(version.source_format, "application/octet-stream"))
    response["Cache-Control"] = "private, no-store"
    return response


# ------------------------------------------------------------------------------------------- writes
@require_http_methods(["GET", "POST"])
@login_required
def create(request: HttpRequest, pk: int) -> HttpResponse:
    """Mở quy chế của một nhiệm kỳ (needed before its versions can be uploaded)."""
    user = _user(request)
    org = visible_or_404(permissions.organizations(user), pk=pk)
    permissions.require(permissions.can_create_regulation(user, org), "Bạn không có quyền tạo quy chế cho tổ chức này.")
    status = 200
    if request.method == "POST":
        form = RegulationForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if Regulation.objects.filter(organization=org, term_start=data["term_start"],
                                         term_end=data["term_end"]).exists():
                form.add_error("term_start", "Tổ chức đã có quy chế của nhiệm kỳ này.")
            else:
                try:
                    reg = create_regulation(org, data["term_start"], data["term_end"], khoa=data["khoa"],
                                            title=data["title"], actor=user)
                except ValidationError as exc:
                    form.add_error(None, "; ".join(exc.messages))
                else:
                    messages.success(request, f"Đã tạo quy chế nhiệm kỳ {reg.term}. Hãy tải lên tệp quy chế.")
                    return redirect(f"{org_url(org)}#quy-che")
        status = 400
    else:
        form = RegulationForm()
    return page(request, "regulations/create.html", {"org": org, "form": form, "nav": "tree"}, status=status)


def org_url(org: Organization) -> str:
    return reverse("organizations:detail", args=[org.pk])


@require_http_methods(["GET", "POST"])
@login_required
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Tải lên phiên bản mới: quyche reads and checks the file; an unreadable file is refused with its reason
    and nothing is stored."""
    user = _user(request)
    reg = visible_or_404(permissions.regulations(user), pk=pk)
    permissions.require(permissions.can_upload(user, reg), "Bạn không có quyền tải lên quy chế của tổ chức này.")
    status = 200
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                version = upload_version(reg, form.cleaned_data["file"], user, note=form.cleaned_data["note"])
            except ReadError as exc:
                form.add_error("file", f"Không đọc được tệp: {exc.message}")
            else:
                counts = version.findings_count
                messages.success(request, f"Đã tải lên và kiểm tra phiên bản {version.number}: "
                                          f"{counts['error']} lỗi, {counts['warning']} cảnh báo, "
                                          f"{counts['info']} ghi chú.")
                return redirect("regulations:version", pk=version.pk)
        status = 400
    else:
        form = UploadForm()
    latest = reg.latest_version()
    return page(request, "regulations/upload.html", {"regulation": reg, "org": reg.organization, "form": form,
                                                     "latest": latest, "nav": "tree"}, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def waiver(request: HttpRequest, pk: int) -> HttpResponse:
    """Miễn áp dụng một quy tắc: only the supervising side (permissions.can_manage_waivers)."""
    user = _user(request)
    version = visible_or_404(permissions.versions(user), pk=pk)
    reg = version.regulation
    org = reg.organization
    permissions.require(permissions.can_manage_waivers(user, org),
                        "Chỉ cán bộ kiểm tra của cấp ủy cấp trên hoặc quản trị viên mới được miễn áp dụng quy tắc.")
    rules = waivable_rules(version, timezone.localdate())
    status = 200
    if request.method == "POST":
        form = WaiverForm(request.POST, rules=rules)
        if form.is_valid():
            data = form.cleaned_data
            scope = data["scope"]
            try:
                granted = grant_waiver(
                    rule=data["rule"], organization=org, approver=user, reason=data["reason"],
                    expires=data["expires"],
                    regulation=reg if scope == WaiverScope.REGULATION else None,
                    version=version if scope == WaiverScope.VERSION else None,
                    paragraph=data["paragraph"],
                )
            except (ValueError, ValidationError) as exc:
                form.add_error(None, "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))
            else:
                messages.success(request, f"Đã miễn áp dụng quy tắc {granted.rule} đến hết ngày "
                                          f"{granted.expires:%d/%m/%Y} (hết hiệu lực từ ngày đó).")
                return redirect("regulations:version", pk=version.pk)
        status = 400
    else:
        initial = {"rule": request.GET.get("rule", "")} if request.GET.get("rule") in rules else {}
        form = WaiverForm(rules=rules, initial=initial)
    return page(request, "regulations/waiver.html", {"version": version, "regulation": reg, "org": org,
                                                     "form": form, "nav": "tree"}, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def issue(request: HttpRequest, pk: int) -> HttpResponse:
    """Ghi nhận ban hành (after a confirmation): the draft becomes the issued version; open tasks close."""
    user = _user(request)
    version = visible_or_404(permissions.versions(user), pk=pk)
    permissions.require(permissions.can_issue(user, version),
                        "Chỉ cán bộ kiểm tra của cấp ủy cấp trên hoặc quản trị viên mới ghi nhận ban hành.")
    if version.is_issued:
        messages.info(request, "Phiên bản này đã được ghi nhận ban hành.")
        return redirect("regulations:version", pk=version.pk)
    status = 200
    if request.method == "POST":
        form = IssueForm(request.POST)
        if form.is_valid():
            issue_version(version, user)
            messages.success(request, f"Đã ghi nhận ban hành phiên bản {version.number}.")
            return redirect("regulations:version", pk=version.pk)
        status = 400
    else:
        form = IssueForm()
    counts = version.findings_count
    open_tasks = version.regulation.organization.review_tasks.filter(status="open").count()
    return page(request, "regulations/issue.html", {"version": version, "regulation": version.regulation,
                                                    "org": version.regulation.organization, "form": form,
                                                    "counts": counts, "open_tasks": open_tasks, "nav": "tree"},
                status=status)


# ------------------------------------------------------------------------------------------- rules
@require_safe
@login_required
def rules(request: HttpRequest) -> HttpResponse:
    """Danh mục quy tắc kiểm tra, by family."""
    cat = rule_catalogue()
    implemented = load_rules()
    families: dict[str, list[dict[str, Any]]] = {}
    for meta in cat.rules.values():
        severities = list(dict.fromkeys(SEVERITY_LABEL[p.severity] for p in meta.parts.values()))
        families.setdefault(meta.family, []).append(
            {"meta": meta, "severities": severities, "implemented": meta.id in implemented}
        )
    return page(request, "regulations/rules.html", {"families": families, "ruleset": cat.ruleset, "nav": "rules"})


@require_safe
@login_required
def rule(request: HttpRequest, rule_id: str) -> HttpResponse:
    """Giải thích một quy tắc: Yêu cầu / Vì sao / Ví dụ sai / Ví dụ đúng / Cách sửa / Căn cứ."""
    cat = rule_catalogue()
    rid = cat.resolve(rule_id)
    meta = cat.rules.get(rid)
    if meta is None:
        raise Http404(NOT_FOUND)
    if rid != rule_id:
        return redirect("regulations:rule", rule_id=rid)
    parts = [
        {"name": "" if p.name == "main" else p.name, "severity": p.severity,
         "severity_label": SEVERITY_LABEL[p.severity], "confidence": p.confidence,
         "confidence_label": CONFIDENCE_VI.get(p.confidence, ""), "flag": p.flag}
        for p in meta.parts.values()
    ]
    sections = [(title, meta.doc[key]) for key, title in DOC_HEADINGS if meta.doc.get(key)]
    return page(request, "regulations/rule.html", {
        "meta": meta, "parts": parts, "sections": sections, "implemented": meta.id in load_rules(),
        "ruleset": cat.ruleset, "nav": "rules",
    })
