"""Write the audit log. Services call :func:`record` explicitly (no signals): one entry per change."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from quyche.web.audit.models import Action, AuditLog


def jsonable(value: Any) -> Any:
    """A value as JSON would store it (dates → ISO strings, Decimals → strings, files → their names)."""
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False))


def snapshot(obj: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """Concrete field values of ``obj`` (foreign keys as their ids), JSON-ready."""
    wanted = set(fields) if fields is not None else None
    out: dict[str, Any] = {}
    for f in obj._meta.concrete_fields:
        if wanted is not None and f.name not in wanted:
            continue
        if f.name in ("password",):
            continue  # never log secrets, not even hashed
        value = getattr(obj, f.attname)
        out[f.name] = jsonable(value)
    return out


def diff(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> dict[str, dict[str, Any]]:
    """{field: {"old": …, "new": …}} for fields whose value differs (all fields on create / delete)."""
    old = dict(before or {})
    new = dict(after or {})
    out: dict[str, dict[str, Any]] = {}
    for name in sorted(set(old) | set(new)):
        a, b = old.get(name), new.get(name)
        if a != b or before is None or after is None:
            out[name] = {"old": a, "new": b}
    return out


def _organization_id(obj: models.Model | None) -> int | None:
    if obj is None:
        return None
    if obj._meta.label == "organizations.Organization":
        return obj.pk  # type: ignore[no-any-return]
    for attr in ("organization_id",):
        value = getattr(obj, attr, None)
        if isinstance(value, int):
            return value
    regulation = getattr(obj, "regulation", None)
    if regulation is not None:
        return getattr(regulation, "organization_id", None)
    return None


def record(
    actor: Any,
    action: str | Action,
    obj: models.Model | None = None,
    *,
    changes: Mapping[str, Any] | None = None,
    model: str | None = None,
    object_id: str | int | None = None,
    object_repr: str | None = None,
    organization_id: int | None = None,
    note: str = "",
) -> AuditLog:
    """Append one entry. ``actor`` is a user (or None for the system); ``changes`` is a :func:`diff`."""
    user = actor if getattr(actor, "pk", None) is not None else None
    name = ""
    if user is not None:
        name = (getattr(user, "get_username", lambda: "")() or str(user))[:150]
    entry = AuditLog(
        actor=user,
        actor_name=name,
        action=str(action),
        model=model or (obj._meta.label_lower if obj is not None else ""),
        object_id=str(object_id if object_id is not None else (obj.pk if obj is not None else "")),
        object_repr=(object_repr if object_repr is not None else (str(obj) if obj is not None else ""))[:300],
        organization_id=organization_id if organization_id is not None else _organization_id(obj),
        diff=jsonable(dict(changes or {})),
        note=note[:500],
    )
    entry.save()
    return entry


def history(obj: models.Model) -> models.QuerySet[AuditLog]:
    """Entries about one object, newest first."""
    return AuditLog.objects.filter(model=obj._meta.label_lower, object_id=str(obj.pk))
