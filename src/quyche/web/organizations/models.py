"""The tree of Party organisations the superior committee guides, and their profile versions.

The tree has any depth (tỉnh → xã / phường / đặc khu → đảng bộ / chi bộ cơ sở → chi bộ trực thuộc). Each
row keeps its materialised path ("/1/5/23/": the ids from the root down to itself), so a subtree is one
indexed ``path LIKE '/1/5/%'`` query on SQLite and PostgreSQL alike (Django adds a ``varchar_pattern_ops``
index for it on PostgreSQL).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.utils import timezone

from quyche.profile import KINDS as PROFILE_KINDS
from quyche.profile import Profile, profile_from_dict
from quyche.web.immutable import ImmutableModel

MAX_PATH = 255
CYCLE_MESSAGE = "Không thể đặt một tổ chức dưới chính nó hoặc tổ chức cấp dưới của nó."


class Kind(models.TextChoices):
    TINH = "dang_bo_tinh", "Đảng bộ tỉnh, thành phố"
    DANG_UY_CAP_TREN_CO_SO = "dang_uy_cap_tren_co_so", "Đảng ủy cấp trên cơ sở"
    DANG_UY_CO_SO = "dang_uy_co_so", "Đảng bộ cơ sở (đảng ủy)"
    CHI_BO_CO_SO = "chi_bo_co_so", "Chi bộ cơ sở"
    CHI_BO_TRUC_THUOC = "chi_bo_truc_thuoc", "Chi bộ trực thuộc"


assert set(PROFILE_KINDS) <= set(Kind.values), "profile kinds (contract.md §1) must all be organisation kinds"

CHI_BO_KINDS = (Kind.CHI_BO_CO_SO, Kind.CHI_BO_TRUC_THUOC)


class OrgType(models.TextChoices):
    XA = "xa", "Xã"
    PHUONG = "phuong", "Phường"
    DAC_KHU = "dac_khu", "Đặc khu"
    CO_QUAN_DANG_XA = "co_quan_dang_xa", "Cơ quan đảng, HĐND, MTTQ cấp xã"
    UBND_XA = "ubnd_xa", "Ủy ban nhân dân cấp xã"
    DON_VI_SU_NGHIEP = "don_vi_su_nghiep", "Đơn vị sự nghiệp công lập"
    DOANH_NGHIEP_NHA_NUOC = "doanh_nghiep_nha_nuoc", "Doanh nghiệp nhà nước"
    DOANH_NGHIEP_NGOAI_NHA_NUOC = "doanh_nghiep_ngoai_nha_nuoc", "Doanh nghiệp ngoài nhà nước"
    CO_QUAN_HANH_CHINH = "co_quan_hanh_chinh", "Cơ quan hành chính nhà nước"
    THON_TO_DAN_PHO = "thon_to_dan_pho", "Thôn, tổ dân phố"
    TRUONG_HOC = "truong_hoc", "Trường học"
    BENH_VIEN = "benh_vien", "Bệnh viện"
    QUAN_DOI = "quan_doi", "Quân đội"
    CONG_AN = "cong_an", "Công an"
    KHAC = "khac", "Khác"


class OrganizationQuerySet(models.QuerySet["Organization"]):
    def subtree_of(self, org: Organization, *, include_self: bool = True) -> OrganizationQuerySet:
        qs = self.filter(path__startswith=org.path)
        return qs if include_self else qs.exclude(pk=org.pk)

    def active(self) -> OrganizationQuerySet:
        return self.filter(merged_into__isnull=True, dissolved_on__isnull=True)


class Organization(models.Model):
    name = models.CharField("tên tổ chức", max_length=200)
    kind = models.CharField("cấp tổ chức", max_length=30, choices=Kind.choices)
    type = models.CharField("loại hình", max_length=40, choices=OrgType.choices, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name="tổ chức cấp trên trực tiếp",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField("đường dẫn trong cây", max_length=MAX_PATH, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField("cấp trong cây", default=0, editable=False)
    merged_into = models.ForeignKey(
        "self",
        verbose_name="đã hợp nhất vào",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_from",
    )
    dissolved_on = models.DateField("ngày giải thể / hợp nhất", null=True, blank=True)
    created_at = models.DateTimeField("ngày tạo", default=timezone.now, editable=False)
    updated_at = models.DateTimeField("ngày sửa", auto_now=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = "tổ chức đảng"
        verbose_name_plural = "tổ chức đảng"
        ordering = ("path",)
        constraints = (
            models.UniqueConstraint(fields=("parent", "name"), name="organizations_unique_name_in_parent"),
        )

    def __str__(self) -> str:
        return self.name

    # ------------------------------------------------------------------------------------ tree
    def clean(self) -> None:
        if self.parent_id is not None and self.pk is not None:
            parent = self.parent
            assert parent is not None
            if parent.pk == self.pk or (self.path and parent.path.startswith(self.path)):
                raise ValidationError({"parent": CYCLE_MESSAGE})

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Save, then keep the materialised path of this row and of its whole subtree right."""
        with transaction.atomic():
            old_path = ""
            if self.pk is not None:
                old_path = type(self).objects.filter(pk=self.pk).values_list("path", flat=True).first() or ""
            parent_path = "/"
            if self.parent_id is not None:
                parent = type(self).objects.only("path").get(pk=self.parent_id)
                if old_path and parent.path.startswith(old_path):
                    raise ValidationError({"parent": CYCLE_MESSAGE})
                parent_path = parent.path
            super().save(*args, **kwargs)
            new_path = f"{parent_path}{self.pk}/"
            if len(new_path) > MAX_PATH:
                raise ValidationError({"parent": "Cây tổ chức quá sâu."})
            if new_path != old_path:
                depth = new_path.count("/") - 2
                old_depth = old_path.count("/") - 2 if old_path else depth
                type(self).objects.filter(pk=self.pk).update(path=new_path, depth=depth)
                if old_path:
                    type(self).objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                        path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
                        depth=F("depth") + (depth - old_depth),
                    )
                self.path, self.depth = new_path, depth

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(x) for x in self.path.strip("/").split("/")[:-1] if x]

    def ancestors(self) -> OrganizationQuerySet:
        """From the root down to the parent."""
        return type(self).objects.filter(pk__in=self.ancestor_ids).order_by("depth")

    def descendants(self) -> OrganizationQuerySet:
        return type(self).objects.subtree_of(self, include_self=False)

    def subtree(self) -> OrganizationQuerySet:
        return type(self).objects.subtree_of(self)

    def is_within(self, other: Organization) -> bool:
        """True when this organisation is ``other`` or below it."""
        return bool(other.path) and self.path.startswith(other.path)

    @property
    def is_chi_bo(self) -> bool:
        return self.kind in CHI_BO_KINDS

    @property
    def is_active(self) -> bool:
        return self.merged_into_id is None and self.dissolved_on is None

    # ------------------------------------------------------------------------------------ profile
    @property
    def current_profile_version(self) -> ProfileVersion | None:
        return self.profile_versions.order_by("-number").first()

    def profile(self) -> Profile | None:
        """The current profile as a quyche :class:`~quyche.profile.Profile`, or None when there is none yet."""
        version = self.current_profile_version
        return version.profile(ancestors=[a.name for a in self.ancestors()]) if version is not None else None


class ProfileVersion(ImmutableModel):
    """One immutable version of an organisation's profile (contract.md §1). The latest is the current one."""

    immutable_reason = "phiên bản hồ sơ đã lưu không được sửa hay xóa; hãy lưu một phiên bản mới"

    organization = models.ForeignKey(
        Organization, verbose_name="tổ chức đảng", on_delete=models.PROTECT, related_name="profile_versions"
    )
    number = models.PositiveIntegerField("phiên bản số")
    data = models.JSONField("hồ sơ (đã kiểm tra)")
    source_text = models.TextField("văn bản hồ sơ gốc (YAML/JSON)", blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người lập",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("thời điểm lưu", default=timezone.now)
    note = models.CharField("ghi chú", max_length=500, blank=True)

    class Meta:
        verbose_name = "phiên bản hồ sơ tổ chức"
        verbose_name_plural = "phiên bản hồ sơ tổ chức"
        ordering = ("organization", "-number")
        constraints = (
            models.UniqueConstraint(fields=("organization", "number"), name="organizations_profile_version_unique"),
        )

    def __str__(self) -> str:
        return f"{self.organization} — hồ sơ phiên bản {self.number}"

    def profile(self, ancestors: list[str] | None = None) -> Profile:
        """The stored profile as a quyche Profile. ``ancestors`` (names from the root) lets catalogue entries
        restricted to part of the tree (references.md §0, ``scope``) recognise the organisation."""
        data = dict(self.data)
        if ancestors and not any(k in data for k in ("ancestors", "tree")):
            data["ancestors"] = list(ancestors)
        return profile_from_dict(data)
