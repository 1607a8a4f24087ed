"""Organisations: create, move, merge; profile versions (validated by quyche, then stored immutably)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

import yaml
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from quyche.profile import MAX_PROFILE_BYTES, Profile, ProfileError, profile_from_dict
from quyche.web.audit import services as audit
from quyche.web.audit.models import Action
from quyche.web.organizations.models import Organization, ProfileVersion


def create_organization(
    name: str, kind: str, type: str = "", parent: Organization | None = None, *, actor: Any = None
) -> Organization:
    org = Organization(name=name.strip(), kind=kind, type=type, parent=parent)
    org.full_clean(exclude=["path", "depth"])
    with transaction.atomic():
        org.save()
        audit.record(actor, Action.CREATE, org, changes=audit.diff(None, audit.snapshot(org)))
    return org


def move_organization(org: Organization, new_parent: Organization | None, *, actor: Any = None) -> Organization:
    """Put ``org`` (with its subtree) under ``new_parent``; refuses to move it below itself."""
    before = audit.snapshot(org, ["parent", "path", "depth"])
    with transaction.atomic():
        org.parent = new_parent
        org.save()
        audit.record(actor, Action.UPDATE, org, changes=audit.diff(before, audit.snapshot(org, before)))
    return org


def parse_profile_text(text: str) -> dict[str, Any]:
    """A profile written as YAML or JSON (JSON is read as YAML) → mapping; :class:`ProfileError` if unreadable."""
    if len(text.encode("utf-8")) > MAX_PROFILE_BYTES:
        raise ProfileError("hồ sơ quá lớn")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (dòng {mark.line + 1})" if mark is not None else ""
        raise ProfileError(f"YAML/JSON không hợp lệ{where}") from exc
    if not isinstance(data, dict):
        raise ProfileError("hồ sơ phải là một bảng khóa: giá trị (YAML mapping hoặc JSON object)")
    return data


def _jsonable(data: Mapping[str, Any]) -> dict[str, Any]:
    """YAML may give dates; the stored JSON keeps ISO strings."""
    return dict(json.loads(json.dumps(data, ensure_ascii=False, default=str)))


def add_profile_version(
    org: Organization, profile: Mapping[str, Any] | str, author: Any = None, *, note: str = ""
) -> ProfileVersion:
    """Validate ``profile`` (a mapping, or YAML/JSON text) with quyche and store it as the next version.

    Raises :class:`quyche.profile.ProfileError` (message names the field and the rule) and stores nothing
    when the profile is invalid. Opens review tasks when the change matters to the working regulation
    (term, bí thư, BTV / chi ủy thresholds: :func:`quyche.web.reviews.services.profile_changed`)."""
    from quyche.web.reviews import services as reviews

    text = profile if isinstance(profile, str) else ""
    data = parse_profile_text(profile) if isinstance(profile, str) else dict(profile)
    data = _jsonable(data)
    new_profile = profile_from_dict(data)  # raises ProfileError
    with transaction.atomic():
        list(Organization.objects.select_for_update().filter(pk=org.pk).values_list("pk", flat=True))  # lock
        previous = org.current_profile_version
        number = (org.profile_versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = ProfileVersion.objects.create(
            organization=org, number=number, data=data, source_text=text, author=author, note=note
        )
        if org.kind != new_profile.kind or org.type != new_profile.type:
            before = audit.snapshot(org, ["kind", "type"])
            org.kind, org.type = new_profile.kind, new_profile.type
            org.save()
            audit.record(author, Action.UPDATE, org, changes=audit.diff(before, audit.snapshot(org, before)),
                         note="theo hồ sơ mới")
        audit.record(author, Action.CREATE, version, changes=audit.diff(None, {"number": number, "data": data}))
        old_profile: Profile | None = previous.profile() if previous is not None else None
        reviews.profile_changed(org, old_profile, new_profile, version=version, actor=author)
    return version


def merge_organizations(source: Organization, target: Organization, *, actor: Any = None, on: date | None = None
                        ) -> Organization:
    """Merge ``source`` into ``target``: its subordinates move to ``target``, it is marked merged, its
    regulations are superseded, and ``target`` gets a review task (domain.md §5, reorganisation)."""
    from quyche.web.regulations.models import Regulation, RegulationStatus
    from quyche.web.reviews import services as reviews

    if source.pk == target.pk or target.is_within(source):
        raise ValueError("không thể hợp nhất một tổ chức vào chính nó hoặc tổ chức cấp dưới của nó")
    day = on or timezone.localdate()
    with transaction.atomic():
        for child in list(source.children.all()):
            move_organization(child, target, actor=actor)
        before = audit.snapshot(source, ["merged_into", "dissolved_on"])
        source.merged_into = target
        source.dissolved_on = day
        source.save()
        for reg in Regulation.objects.filter(organization=source).exclude(status=RegulationStatus.SUPERSEDED):
            reg.status = RegulationStatus.SUPERSEDED
            reg.save(update_fields=["status", "updated_at"])
        audit.record(actor, Action.MERGE, source, changes=audit.diff(before, audit.snapshot(source, before)),
                     note=f"hợp nhất vào {target.name}")
        reviews.organization_merged(source, target, actor=actor)
    return target
