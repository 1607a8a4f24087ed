"""Who may see and do what: the one scoping policy of the web service (the REST API now, the pages later).

Two questions, always in this order:

1. **Is the object visible?** Every object belongs to an organisation, and a user sees the organisations of
   :func:`quyche.web.accounts.services.visible_organizations` — an administrator all of them, an inspector
   the subtree of its organisation, a staff member its own organisation only. Objects are fetched *through*
   the scoped querysets below (:func:`organizations`, :func:`regulations`, …), never fetched and then
   checked, so an object outside the scope does not exist for the user (the API answers 404, never 403).
2. **May the user do this to a visible object?** The ``can_*`` predicates; a refusal is a 403.

========================================  ============  ==========================  ======================
action                                    administrator inspector                   staff
========================================  ============  ==========================  ======================
read organisations, profiles,             all           its organisation's subtree  its own organisation
regulations, versions (findings, original
file), waivers, tasks, meetings
read the reference catalogue (global)     yes           yes                         yes
create an organisation under P            any P         P within its subtree        —
move O under P                            any           O strictly below its own    —
                                                        organisation, P in subtree
add a profile version                     any           within its subtree          its own organisation
create a regulation, upload a version     any           within its subtree          its own organisation
issue / delete a draft version            any           within its subtree          —
grant / revoke a waiver                   any           within its subtree          —
close a review task                       any           within its subtree          —
record a meeting                          any           within its subtree          its own organisation
edit the catalogue (create, update,       yes           board inspectors only: its  —
supersede references)                                   organisation is a root of
                                                        the tree (the superior
                                                        committee running quyche)
========================================  ============  ==========================  ======================

An inactive user sees nothing and may do nothing. A superuser counts as an administrator whatever its role.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet

from quyche.web.accounts import services as accounts
from quyche.web.accounts.models import Role, User
from quyche.web.meetings.models import Meeting
from quyche.web.organizations.models import Organization, ProfileVersion
from quyche.web.references.models import Reference, ReferenceChange
from quyche.web.regulations.models import Regulation, RegulationVersion, Waiver
from quyche.web.reviews.models import ReviewTask

M = TypeVar("M", bound=Model)

NOTHING = Q(pk__in=[])


# ------------------------------------------------------------------------------------------- who
def is_administrator(user: User) -> bool:
    return bool(user.is_active and (user.role == Role.ADMINISTRATOR or user.is_superuser))


def is_inspector(user: User) -> bool:
    return bool(user.is_active and user.role == Role.INSPECTOR and not is_administrator(user)
                and user.organization_id is not None)


def is_staff_member(user: User) -> bool:
    return bool(user.is_active and user.role == Role.STAFF and not is_administrator(user)
                and user.organization_id is not None)


def role_label(user: User) -> str:
    if is_administrator(user):
        return "administrator"
    return str(user.role)


# ------------------------------------------------------------------------------------------- scoping
def organization_filter(user: User, field: str = "organization") -> Q | None:
    """The filter that keeps the objects whose ``field`` (an organisation foreign key, or ``""`` for the
    organisations themselves) the user may see; None means no restriction (administrators)."""
    prefix = f"{field}__" if field else ""
    if is_administrator(user):
        return None
    own = user.organization if user.is_active else None
    if own is None:
        return NOTHING
    if is_inspector(user):
        return Q(**{f"{prefix}path__startswith": own.path})
    if is_staff_member(user):
        return Q(**{field or "pk": own.pk})
    return NOTHING


def scoped(qs: QuerySet[M], user: User, field: str = "organization") -> QuerySet[M]:
    """``qs`` restricted to what ``user`` may see, by the organisation reached through ``field``."""
    cond = organization_filter(user, field)
    return qs if cond is None else qs.filter(cond)


def organizations(user: User) -> QuerySet[Organization]:
    return scoped(Organization.objects.all(), user, "")


def profile_versions(user: User) -> QuerySet[ProfileVersion]:
    return scoped(ProfileVersion.objects.select_related("organization", "author"), user)


def regulations(user: User) -> QuerySet[Regulation]:
    return scoped(Regulation.objects.select_related("organization"), user)


def versions(user: User) -> QuerySet[RegulationVersion]:
    return scoped(
        RegulationVersion.objects.select_related("regulation", "regulation__organization", "uploaded_by",
                                                 "issued_by", "profile_version"),
        user, "regulation__organization",
    )


def waivers(user: User) -> QuerySet[Waiver]:
    return scoped(Waiver.objects.select_related("organization", "approver"), user)


def tasks(user: User) -> QuerySet[ReviewTask]:
    return scoped(ReviewTask.objects.select_related("organization", "closed_by"), user)


def meetings(user: User) -> QuerySet[Meeting]:
    return scoped(Meeting.objects.select_related("organization", "created_by"), user)


def references(user: User) -> QuerySet[Reference]:
    """The catalogue of higher-level documents is the same for everyone signed in (it holds no data of an
    organisation); what cites it is scoped (:func:`visible_organization_ids` for the impact)."""
    return Reference.objects.all() if user.is_active else Reference.objects.none()


def reference_changes(user: User) -> QuerySet[ReferenceChange]:
    return ReferenceChange.objects.select_related("user") if user.is_active else ReferenceChange.objects.none()


def visible_organization_ids(user: User) -> set[int] | None:
    """Ids of the organisations the user sees; None for all of them (administrators)."""
    if is_administrator(user):
        return None
    return set(organizations(user).values_list("pk", flat=True))


# ------------------------------------------------------------------------------------------- actions
def can_view(user: User, org: Organization) -> bool:
    return accounts.can_view(user, org)


def supervises(user: User, org: Organization) -> bool:
    """The supervising side of ``org``: an administrator, or an inspector whose subtree holds it."""
    if is_administrator(user):
        return True
    own = user.organization
    return is_inspector(user) and own is not None and org.is_within(own)


def works_for(user: User, org: Organization) -> bool:
    """Supervises ``org`` or is a staff member of exactly that organisation."""
    if supervises(user, org):
        return True
    return is_staff_member(user) and user.organization_id == org.pk


def can_create_organization(user: User, parent: Organization | None) -> bool:
    """Only administrators make roots; inspectors make organisations below any of their subtree."""
    if parent is None:
        return is_administrator(user)
    return supervises(user, parent)


def can_move_organization(user: User, org: Organization) -> bool:
    """An inspector moves what lies strictly below its own organisation (moving its own organisation would
    take it out of the subtree it is responsible for); where to is :func:`can_create_organization`."""
    if is_administrator(user):
        return True
    return supervises(user, org) and org.pk != user.organization_id


def can_add_profile(user: User, org: Organization) -> bool:
    return works_for(user, org)


def can_create_regulation(user: User, org: Organization) -> bool:
    """Staff may open the regulation of a term: uploading its versions needs one."""
    return works_for(user, org)


def can_upload(user: User, regulation: Regulation) -> bool:
    return works_for(user, regulation.organization)


def can_issue(user: User, version: RegulationVersion) -> bool:
    """Confirming that a draft was issued is for the supervising side."""
    return supervises(user, version.regulation.organization)


def can_delete_version(user: User, version: RegulationVersion) -> bool:
    return supervises(user, version.regulation.organization)


def can_view_original(user: User, version: RegulationVersion) -> bool:
    return can_view(user, version.regulation.organization)


def can_manage_waivers(user: User, org: Organization) -> bool:
    return is_administrator(user) or (is_inspector(user) and accounts.can_approve_waivers(user, org))


def can_close_task(user: User, task: ReviewTask) -> bool:
    return supervises(user, task.organization)


def can_record_meeting(user: User, org: Organization) -> bool:
    return works_for(user, org)


def can_edit_references(user: User) -> bool:
    """Administrators, and inspectors of the board: the committee at a root of the tree. The catalogue is
    shared by every organisation, so an inspector of a lower committee may read it but not change it."""
    if is_administrator(user):
        return True
    own = user.organization
    return is_inspector(user) and own is not None and own.parent_id is None


# ------------------------------------------------------------------------------------------- helpers
def require(allowed: bool, message: str = "Bạn không có quyền thực hiện thao tác này.") -> None:
    """Raise :class:`~django.core.exceptions.PermissionDenied` (403) unless ``allowed``."""
    if not allowed:
        raise PermissionDenied(message)


def user_label(user: Any) -> str | None:
    """How a user is shown in API answers (full name, else user name); None for no user."""
    if user is None:
        return None
    return str(user)
