"""Văn bản căn cứ: the board's catalogue of higher-level documents (list and search, htmx results), and one
document with its supersession chain and its impact — the organisations and articles of the user's scope
whose current regulation cites it."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from quyche import references as core
from quyche.references import vn_date
from quyche.refs_view import KIND_VI, LINK_VI, view
from quyche.web import permissions
from quyche.web.accounts.models import User
from quyche.web.references.forms import ReferenceSearchForm
from quyche.web.references.models import STATUS_CHOICES
from quyche.web.references.services import as_catalogue
from quyche.web.reviews.models import TaskStatus
from quyche.web.reviews.services import impact
from quyche.web.views import NOT_FOUND, login_required, page

STATUS_VI = dict(STATUS_CHOICES)
CONFIDENCE_VI = {"H": "cao", "M": "trung bình", "L": "thấp"}
STATUS_CLASS = {"in_force": "ok", "superseded": "error", "maybe_superseded": "warning", "not_yet": "muted",
                "historical": "muted", "unconfirmed": "warning"}
STATUS_SHORT = {"in_force": "Đang có hiệu lực", "superseded": "Đã bị thay thế",
                "maybe_superseded": "Có thể đã bị thay thế", "not_yet": "Chưa có hiệu lực",
                "historical": "Văn bản lịch sử", "unconfirmed": "Chưa xác nhận"}
HISTORY = 10


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def date_text(ref: core.Reference) -> str:
    if ref.date_precision == "year":
        return f"năm {ref.date.year}"
    if ref.date_precision == "month":
        return f"tháng {ref.date.month}/{ref.date.year}"
    return vn_date(ref.date)


def row(cat: core.ReferenceCatalogue, ref: core.Reference, on: Any) -> dict[str, Any]:
    v = view(cat, ref, on)
    return {
        "ref": ref,
        "date_text": date_text(ref),
        "kind_label": KIND_VI.get(ref.kind, ref.kind),
        "status": v.status,
        "status_text": v.status_text,
        "status_class": STATUS_CLASS.get(v.status, "muted"),
        "status_short": STATUS_SHORT.get(v.status, v.status_text),
        "needs_confirmation": v.needs_confirmation,
        "current": v.current if v.current.key != ref.key else None,
    }


@require_safe
@login_required
def reference_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    cat = as_catalogue()
    form = ReferenceSearchForm(request.GET)
    query, kind = "", ""
    if form.is_valid():
        query, kind = form.cleaned_data["q"].strip(), form.cleaned_data["kind"]
    refs = cat.search(query) if query else sorted(cat.references, key=lambda r: (r.date, r.key), reverse=True)
    if kind:
        refs = [r for r in refs if r.kind == kind]
    context = {
        "nav": "references",
        "form": form,
        "query": query,
        "rows": [row(cat, r, today) for r in refs],
        "total": len(cat.references),
        "catalogue_version": cat.version,
        "today": today,
    }
    return page(request, "references/list.html", context, fragment="references/_results.html")


@require_safe
@login_required
def reference_detail(request: HttpRequest, key: str) -> HttpResponse:
    user = _user(request)
    today = timezone.localdate()
    record = permissions.references(user).select_related("updated_by").filter(key=key).first()
    cat = as_catalogue()
    ref = cat.get(key)
    if ref is None:
        raise Http404(NOT_FOUND)
    v = view(cat, ref, today)
    hops = [
        {"hop": h, "on_text": vn_date(h.on), "link_label": LINK_VI.get(h.link_type, h.link_type),
         "confidence_label": CONFIDENCE_VI.get(h.confidence, h.confidence), "future": h.on > today,
         "is_current": h.target.key == v.current.key and h.on <= today}
        for h in v.hops
    ]
    visible_ids = permissions.visible_organization_ids(user)
    items = []
    if record is not None:
        items = [i for i in impact(record).items if visible_ids is None or i.organization.pk in visible_ids]
    tasks = list(permissions.tasks(user).filter(reference_id=key, status=TaskStatus.OPEN)
                 .select_related("organization").order_by("due_date"))
    fields = [
        ("Số, ký hiệu", ref.number_symbol),
        ("Thể loại", ref.doc_type or ""),
        ("Ngày ký", date_text(ref)),
        ("Cơ quan ban hành", ref.issuer or ""),
        ("Trích yếu", ref.title_short),
        ("Nhóm văn bản", KIND_VI.get(ref.kind, ref.kind)),
        ("Áp dụng cho", ", ".join(ref.applies_to)),
        ("Có hiệu lực từ", vn_date(ref.effective_from)),
        ("Tình trạng trong danh mục", STATUS_VI.get(ref.status, ref.status)),
        ("Độ tin cậy", f"{ref.confidence} ({CONFIDENCE_VI.get(ref.confidence, '')})"),
        ("Ghi chú", ref.note or ""),
    ]
    context = {
        "nav": "references",
        "ref": ref,
        "record": record,
        "row": row(cat, ref, today),
        "fields": [(k, val) for k, val in fields if val],
        "sources": list(ref.source),
        "hops": hops,
        "settled": v.settled if v.settled.key != v.current.key else None,
        "predecessors": [{"ref": p, "date_text": date_text(p)} for p in v.predecessors],
        "lineage": [{"ref": r, "date_text": date_text(r), "self": r.key == ref.key} for r in cat.chain(ref)],
        "impact": items,
        "tasks": tasks,
        "history": list(permissions.reference_changes(user).filter(reference_key=key)[:HISTORY]),
        "today": today,
        "catalogue_version": cat.version,
    }
    return page(request, "references/detail.html", context)
