"""Open review tasks on lifecycle events (domain.md §5) and close them when a new version is issued.

Events and who gets a task:

- a supersession link added or confirmed (:func:`reference_superseded`): exactly the organisations whose
  *current* regulation version cites the older document (the citations stored at upload), one task each,
  listing the articles that cite it (:func:`impact`);
- a profile change that matters to the regulation (:func:`profile_changed`): new term, another bí thư,
  the committee of a đảng ủy crossing 9 members (Ban Thường vụ), a chi bộ crossing 9 full members (chi ủy),
  another kind / type, name or superior;
- a merger (:func:`organization_merged`);
- a model regulation changed or added (:func:`model_changed`): every organisation it applies to.

An open task of the same organisation, reason and document absorbs a repeated event instead of a duplicate.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from quyche.profile import Profile, ProfileError, profile_from_dict
from quyche.references import vn_date
from quyche.web.audit import services as audit
from quyche.web.audit.models import Action
from quyche.web.organizations.models import Organization, ProfileVersion
from quyche.web.references.models import Reference, ReferenceChange
from quyche.web.regulations.models import Regulation, RegulationStatus, RegulationVersion, VersionCitation
from quyche.web.regulations.services import current_regulation, current_versions
from quyche.web.reviews.models import Reason, ReviewTask, TaskStatus

BTV_THRESHOLD = 9  # đảng ủy with ≥ 9 members elects a Ban Thường vụ (Điều lệ Điều 22 k5)
CHI_UY_THRESHOLD = 9  # chi bộ with ≥ 9 full members elects a chi ủy (294-QĐ/TW)


def default_due(today: date | None = None) -> date:
    return (today or timezone.localdate()) + timedelta(days=int(settings.QUYCHE_REVIEW_DUE_DAYS))


# ------------------------------------------------------------------------------------------- impact
@dataclass(slots=True)
class ImpactItem:
    organization: Organization
    regulation: Regulation
    version: RegulationVersion
    articles: list[dict[str, Any]] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        return [a["label"] for a in self.articles]


@dataclass(slots=True)
class Impact:
    reference: Reference
    items: list[ImpactItem]

    @property
    def organizations(self) -> list[Organization]:
        return [i.organization for i in self.items]

    @property
    def regulations(self) -> list[Regulation]:
        return [i.regulation for i in self.items]

    @property
    def versions(self) -> list[RegulationVersion]:
        return [i.version for i in self.items]


def impact(reference: Reference) -> Impact:
    """Organisations, regulations, current versions and articles that cite ``reference``.

    A citation counts when it was resolved to this entry at upload, or (unresolved then) has its
    number-symbol. Only each organisation's current version is looked at."""
    current = {v.pk: v for v in current_versions().values()}
    rows = (
        VersionCitation.objects.filter(version_id__in=list(current))
        .filter(Q(reference_key=reference.key) | Q(reference_key="", symbol_key=reference.symbol_key))
        .order_by("version_id", "paragraph", "id")
    )
    items: dict[int, ImpactItem] = {}
    for row in rows:
        version = current[row.version_id]
        item = items.get(version.pk)
        if item is None:
            reg = version.regulation
            item = items[version.pk] = ImpactItem(reg.organization, reg, version)
        label = row.where
        existing = next((a for a in item.articles if a["article"] == row.article), None)
        if existing is None:
            item.articles.append(
                {"article": row.article, "label": label, "title": row.article_title, "citations": [row.raw],
                 "paragraphs": [row.paragraph]}
            )
        else:
            existing["citations"].append(row.raw)
            existing["paragraphs"].append(row.paragraph)
    ordered = sorted(items.values(), key=lambda i: i.organization.path)
    return Impact(reference, ordered)


# ------------------------------------------------------------------------------------------- tasks
def open_task(
    organization: Organization,
    reason: str,
    summary: str,
    details: Mapping[str, Any],
    *,
    regulation: Regulation | None = None,
    version: RegulationVersion | None = None,
    reference: Reference | None = None,
    due_date: date | None = None,
    actor: Any = None,
) -> tuple[ReviewTask, bool]:
    """Open a task, or add the event to the open task of the same organisation, reason and document.
    Returns (task, created). The regulation is marked as needing review."""
    plain = audit.jsonable(dict(details))
    existing = ReviewTask.objects.filter(
        organization=organization, reason=reason, status=TaskStatus.OPEN, reference=reference
    ).first()
    if existing is not None:
        existing.details.setdefault("later_events", []).append(plain)
        existing.save(update_fields=["details"])
        return existing, False
    task = ReviewTask.objects.create(
        organization=organization,
        regulation=regulation,
        version=version,
        reason=reason,
        reference=reference,
        summary=summary[:500],
        details=plain,
        due_date=due_date or default_due(),
        created_by=actor if getattr(actor, "pk", None) is not None else None,
    )
    if regulation is not None and regulation.status == RegulationStatus.ISSUED:
        regulation.status = RegulationStatus.NEEDS_REVIEW
        regulation.save(update_fields=["status", "updated_at"])
    audit.record(actor, Action.OPEN, task, changes={"reason": {"old": None, "new": reason}}, note=summary[:500])
    return task, True


def _ref_info(ref: Reference | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {"key": ref.key, "number_symbol": ref.number_symbol, "date": ref.date.isoformat(),
            "title": ref.title_short}


@transaction.atomic
def reference_superseded(
    reference: Reference, *, event: str = "added", change: ReferenceChange | None = None, actor: Any = None
) -> list[ReviewTask]:
    """A supersession link of ``reference`` was added or confirmed: one task per organisation whose current
    regulation version cites it, listing the articles."""
    successor = reference.superseded_by
    if successor is None:
        return []
    link = reference.link_confidence or reference.confidence
    unconfirmed = reference.link_status == "UNCONFIRMED" or successor.status == "UNCONFIRMED" or link == "L"
    when = f" từ {vn_date(reference.superseded_on)}" if reference.superseded_on else ""
    tasks: list[ReviewTask] = []
    for item in impact(reference).items:
        where = ", ".join(item.labels)
        summary = (
            f"Quy chế trích dẫn {reference.number_symbol}, văn bản này đã được thay thế bởi "
            f"{successor.number_symbol}{when}"
            + (" (liên kết chưa được xác nhận)" if unconfirmed else "")
            + f": rà soát {where}"
        )
        details = {
            "event": event,
            "reference": _ref_info(reference),
            "successor": _ref_info(successor),
            "superseded_on": reference.superseded_on,
            "link_confidence": "L" if unconfirmed else link,
            "needs_confirmation": unconfirmed,
            "version": {"id": item.version.pk, "number": item.version.number, "issued": item.version.is_issued},
            "articles": item.articles,
            "change": change.pk if change is not None else None,
        }
        task, _ = open_task(
            item.organization, Reason.REFERENCE_SUPERSEDED, summary, details,
            regulation=item.regulation, version=item.version, reference=reference, actor=actor,
        )
        tasks.append(task)
    return tasks


def profile_differences(old: Profile, new: Profile) -> list[dict[str, Any]]:
    """What changed between two profiles that a working regulation embeds (domain.md §5)."""
    out: list[dict[str, Any]] = []

    def add(name: str, before: Any, after: Any, message: str) -> None:
        out.append({"field": name, "old": before, "new": after, "message": message})

    def term(p: Profile) -> str:
        return f"{p.term.start} - {p.term.end}" + (f", khóa {p.term.khoa}" if p.term.khoa else "")

    if (old.term.start, old.term.end, old.term.khoa) != (new.term.start, new.term.end, new.term.khoa):
        add("term", term(old), term(new), f"Nhiệm kỳ mới: {term(new)} (trước: {term(old)})")
    old_sec = old.secretary.name if old.secretary else None
    new_sec = new.secretary.name if new.secretary else None
    if old_sec != new_sec:
        add("secretary", old_sec, new_sec, f"Bí thư thay đổi: {old_sec or '(chưa có)'} → {new_sec or '(chưa có)'}")
    if (old.kind, old.type) != (new.kind, new.type):
        add("kind", f"{old.kind}/{old.type}", f"{new.kind}/{new.type}",
            f"Loại tổ chức thay đổi (quy chế mẫu {old.template_kind} → {new.template_kind})")
    if new.is_dang_uy and old.is_dang_uy:
        crossed = (old.committee_size >= BTV_THRESHOLD) != (new.committee_size >= BTV_THRESHOLD)
        if crossed or old.has_btv != new.has_btv:
            now = "nay có Ban Thường vụ" if new.has_btv else "nay không còn Ban Thường vụ"
            add("committee_size", old.committee_size, new.committee_size,
                f"Số cấp ủy viên từ {old.committee_size} thành {new.committee_size}: {now}")
    if new.is_chi_bo and old.is_chi_bo:
        crossed = (old.members >= CHI_UY_THRESHOLD) != (new.members >= CHI_UY_THRESHOLD)
        if crossed:
            now = "nay bầu chi ủy" if new.has_chi_uy else "nay không còn chi ủy"
            add("members", old.members, new.members,
                f"Số đảng viên chính thức từ {old.members} thành {new.members}: {now}")
    if old.name != new.name:
        add("name", old.name, new.name, f"Tên tổ chức thay đổi: {old.name} → {new.name}")
    if old.superior != new.superior:
        add("superior", old.superior, new.superior, f"Cấp ủy cấp trên thay đổi: {old.superior} → {new.superior}")
    return out


def profile_changed(
    org: Organization,
    old: Profile | None,
    new: Profile,
    *,
    version: ProfileVersion | None = None,
    actor: Any = None,
) -> list[ReviewTask]:
    """Open a review when the new profile changes what the regulation embeds (none for a first profile)."""
    if old is None:
        return []
    changes = profile_differences(old, new)
    if not changes:
        return []
    reason = Reason.NEW_TERM if any(c["field"] == "term" for c in changes) else Reason.PROFILE_CHANGED
    reg = current_regulation(org)
    summary = "; ".join(c["message"] for c in changes)
    details = {"changes": changes, "profile_version": version.number if version is not None else None}
    task, _ = open_task(org, reason, summary, details, regulation=reg,
                        version=reg.current_version() if reg else None, actor=actor)
    return [task]


def organization_merged(source: Organization, target: Organization, *, actor: Any = None) -> list[ReviewTask]:
    reg = current_regulation(target)
    message = f"{source.name} hợp nhất vào {target.name}: rà soát tên, cấp trên và phạm vi của quy chế"
    details = {"changes": [{"field": "merged", "old": source.name, "new": target.name, "message": message}],
               "merged_from": source.pk}
    task, _ = open_task(target, Reason.PROFILE_CHANGED, message, details, regulation=reg,
                        version=reg.current_version() if reg else None, actor=actor)
    return [task]


def _current_profiles(orgs: list[Organization]) -> dict[int, Profile]:
    out: dict[int, Profile] = {}
    latest: dict[int, ProfileVersion] = {}
    for pv in ProfileVersion.objects.filter(organization__in=orgs).order_by("organization_id", "-number"):
        latest.setdefault(pv.organization_id, pv)
    for org_id, pv in latest.items():
        try:
            out[org_id] = profile_from_dict(pv.data)
        except ProfileError:
            continue  # stored under older validation rules: reviewed when the profile is next saved
    return out


@transaction.atomic
def model_changed(
    reference: Reference, *, change: ReferenceChange | None = None, actor: Any = None, on: date | None = None
) -> list[ReviewTask]:
    """A model regulation (kind ``model``) was added or changed: a task for every organisation it applies to
    (by its current profile), due by the model's deadline when it has one."""
    from quyche.web.references.services import as_catalogue

    cat = as_catalogue()
    entry = cat.get(reference.key)
    if entry is None:
        return []
    day = on or timezone.localdate()
    orgs = list(Organization.objects.active())
    profiles = _current_profiles(orgs)
    due = reference.deadline if reference.deadline and reference.deadline >= day else None
    tasks: list[ReviewTask] = []
    for org in orgs:
        profile = profiles.get(org.pk)
        if profile is None or not cat.applies(entry, profile, max(day, entry.effective_from)):
            continue
        reg = current_regulation(org)
        summary = f"Quy chế mẫu {reference.number_symbol} ({reference.title_short}) thay đổi: rà soát quy chế"
        if due:
            summary += f", hạn {vn_date(due)}"
        details = {"reference": _ref_info(reference), "fields": change.fields if change else [],
                   "deadline": reference.deadline, "change": change.pk if change else None}
        task, _ = open_task(org, Reason.MODEL_CHANGED, summary, details, regulation=reg,
                            version=reg.current_version() if reg else None, reference=reference,
                            due_date=due, actor=actor)
        tasks.append(task)
    return tasks


# ------------------------------------------------------------------------------------------- closing
def close_task(task: ReviewTask, user: Any, *, resolution: str = "", version: RegulationVersion | None = None
               ) -> ReviewTask:
    if task.status == TaskStatus.CLOSED:
        return task
    task.status = TaskStatus.CLOSED
    task.closed_at = timezone.now()
    task.closed_by = user if getattr(user, "pk", None) is not None else None
    task.closed_by_version = version
    task.resolution = resolution
    task.save()
    audit.record(user, Action.CLOSE, task, changes={"status": {"old": "open", "new": "closed"}},
                 note=resolution[:500])
    return task


def close_tasks_for_version(version: RegulationVersion, user: Any) -> list[ReviewTask]:
    """A newly issued version closes every open task of its organisation."""
    org_id = version.regulation.organization_id
    tasks = list(ReviewTask.objects.filter(organization_id=org_id, status=TaskStatus.OPEN))
    for task in tasks:
        close_task(task, user, resolution=f"Đã ban hành {version}", version=version)
    return tasks
