"""Accounts: API tokens (hashed) and what each role may see and manage."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from quyche.web.accounts.models import ApiToken, Role, User
from quyche.web.audit.models import Action
from quyche.web.audit.services import record
from quyche.web.organizations.models import Organization

TOKEN_PREFIX = "qct_"
LAST_USED_RESOLUTION = timedelta(minutes=1)  # do not write last_used_at on every request


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def create_token(user: User, name: str, *, expires_at: datetime | None = None) -> tuple[ApiToken, str]:
    """Make a token for ``user``; returns the row and the token itself, which is never stored or shown again."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip() or "API", key_hash=hash_token(raw), prefix=raw[:12], expires_at=expires_at
    )
    record(user, Action.TOKEN, token, changes={"name": {"old": None, "new": token.name}}, note="tạo khóa")
    return token, raw


def authenticate_token(raw: str, *, now: datetime | None = None) -> User | None:
    """The active user a token belongs to, or None (unknown, expired, or the user is inactive)."""
    if not raw or not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        return None
    now = now or timezone.now()
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_token(raw)).first()
    if token is None or token.is_expired(now) or not token.user.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token.user


@transaction.atomic
def revoke_token(token: ApiToken, actor: User | None = None) -> None:
    record(actor or token.user, Action.TOKEN, token, changes={"name": {"old": token.name, "new": None}},
           note="thu hồi khóa")
    token.delete()


# ------------------------------------------------------------------------------------------------- visibility
def visible_organizations(user: User) -> QuerySet[Organization]:
    """Administrator: all; inspector: its organisation's subtree; staff: its own organisation."""
    qs = Organization.objects.all()
    if not user.is_active:
        return qs.none()
    if user.role == Role.ADMINISTRATOR or user.is_superuser:
        return qs
    org = user.organization
    if org is None:
        return qs.none()
    if user.role == Role.INSPECTOR:
        return qs.subtree_of(org)
    return qs.filter(pk=org.pk)


def can_view(user: User, organization: Organization) -> bool:
    if not user.is_active:
        return False
    if user.role == Role.ADMINISTRATOR or user.is_superuser:
        return True
    own = user.organization
    if own is None:
        return False
    if user.role == Role.INSPECTOR:
        return organization.is_within(own)
    return organization.pk == own.pk


def can_approve_waivers(user: User, organization: Organization) -> bool:
    """Waivers are granted by the supervising side: administrators, or inspectors over that organisation."""
    if user.role == Role.STAFF and not user.is_superuser:
        return False
    return can_view(user, organization)
