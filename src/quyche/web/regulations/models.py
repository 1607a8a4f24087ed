"""Working regulations (quy chế làm việc), their versions and the waivers of findings.

A :class:`RegulationVersion` is written once by :func:`quyche.web.regulations.services.upload_version`:
the original file (stored under its SHA-256, so the same bytes are kept once), the parsed structure,
the citations of each article (:class:`VersionCitation`) and the findings with the rule-set, catalogue and
skeleton versions and the ``as_of`` date they were computed with. Its content never changes; the only
change allowed is issuing a draft, and an issued version never changes nor goes away.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from quyche.web.immutable import ImmutableError, ImmutableModel
from quyche.web.organizations.models import Organization

ORIGINALS_DIR = "originals"


class RegulationStatus(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    ISSUED = "issued", "Đã ban hành"
    NEEDS_REVIEW = "needs_review", "Cần rà soát"
    SUPERSEDED = "superseded", "Đã được thay thế"


class Regulation(models.Model):
    organization = models.ForeignKey(
        Organization, verbose_name="tổ chức đảng", on_delete=models.PROTECT, related_name="regulations"
    )
    term_start = models.PositiveSmallIntegerField("nhiệm kỳ từ năm")
    term_end = models.PositiveSmallIntegerField("nhiệm kỳ đến năm")
    khoa = models.CharField("khóa", max_length=20, blank=True)
    title = models.CharField("trích yếu", max_length=500, blank=True)
    status = models.CharField("tình trạng", max_length=20, choices=RegulationStatus.choices,
                              default=RegulationStatus.DRAFT)
    created_at = models.DateTimeField("ngày tạo", default=timezone.now, editable=False)
    updated_at = models.DateTimeField("ngày sửa", auto_now=True)

    class Meta:
        verbose_name = "quy chế làm việc"
        verbose_name_plural = "quy chế làm việc"
        ordering = ("organization", "-term_start")
        constraints = (
            models.UniqueConstraint(fields=("organization", "term_start", "term_end"),
                                    name="regulations_one_per_term"),
            models.CheckConstraint(condition=Q(term_end__gt=models.F("term_start")),
                                   name="regulations_term_order",
                                   violation_error_message="Năm kết thúc nhiệm kỳ phải sau năm bắt đầu."),
        )

    def __str__(self) -> str:
        return f"Quy chế làm việc {self.organization}, nhiệm kỳ {self.term_start} - {self.term_end}"

    @property
    def term(self) -> str:
        return f"{self.term_start} - {self.term_end}"

    def latest_version(self) -> RegulationVersion | None:
        return self.versions.order_by("-number").first()

    def current_version(self) -> RegulationVersion | None:
        """The latest issued version, else the latest draft."""
        issued = self.versions.filter(issued_at__isnull=False).order_by("-number").first()
        return issued or self.latest_version()


def original_name(sha256: str, kind: str) -> str:
    """Storage name of an original file: by content hash, so identical uploads share one file."""
    suffix = {"docx": ".docx", "pdf": ".pdf", "text": ".txt"}.get(kind, "")
    return f"{ORIGINALS_DIR}/{sha256[:2]}/{sha256}{suffix}"


def _upload_to(instance: RegulationVersion, filename: str) -> str:
    return original_name(instance.sha256, instance.source_format)


class SourceFormat(models.TextChoices):
    DOCX = "docx", "DOCX"
    PDF = "pdf", "PDF"
    TEXT = "text", "Văn bản thuần (TXT, MD)"


class RegulationVersion(ImmutableModel):
    immutable_reason = "phiên bản quy chế đã lưu không được sửa; hãy tải lên một phiên bản mới"
    ISSUE_FIELDS = frozenset(("issued_at", "issued_by"))

    regulation = models.ForeignKey(
        Regulation, verbose_name="quy chế", on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField("phiên bản số")
    file = models.FileField("tệp gốc", upload_to=_upload_to, max_length=200)
    sha256 = models.CharField("mã băm SHA-256 của tệp", max_length=64, db_index=True)
    filename = models.CharField("tên tệp khi tải lên", max_length=255)
    size = models.PositiveIntegerField("dung lượng (byte)")
    source_format = models.CharField("định dạng", max_length=10, choices=SourceFormat.choices)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người tải lên", on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField("thời điểm tải lên", default=timezone.now)
    structure = models.JSONField("cấu trúc văn bản", default=dict)
    findings = models.JSONField("kết quả kiểm tra", default=list)
    not_applicable = models.JSONField("quy tắc không áp dụng được", default=list)
    ruleset = models.CharField("bộ quy tắc", max_length=60)
    catalogue_version = models.CharField("phiên bản danh mục văn bản", max_length=60)
    skeleton_version = models.CharField("phiên bản khung quy chế mẫu", max_length=60)
    as_of = models.DateField("ngày đối chiếu")
    profile_version = models.ForeignKey(
        "organizations.ProfileVersion",
        verbose_name="hồ sơ tổ chức đã dùng",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.CharField("ghi chú", max_length=500, blank=True)
    issued_at = models.DateTimeField("thời điểm ban hành", null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người xác nhận ban hành",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "phiên bản quy chế"
        verbose_name_plural = "phiên bản quy chế"
        ordering = ("regulation", "-number")
        constraints = (
            models.UniqueConstraint(fields=("regulation", "number"), name="regulations_version_unique"),
            models.CheckConstraint(
                condition=Q(issued_at__isnull=True, issued_by__isnull=True)
                | Q(issued_at__isnull=False, issued_by__isnull=False),
                name="regulations_version_issue_complete",
            ),
        )

    def __str__(self) -> str:
        return f"{self.regulation} — phiên bản {self.number}"

    @property
    def is_issued(self) -> bool:
        return self.issued_at is not None

    @property
    def findings_count(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.get("severity", "info")] = out.get(f.get("severity", "info"), 0) + 1
        return out

    def check_change(self) -> None:
        """A draft may be issued (issued_at / issued_by set once); nothing else ever changes."""
        row = type(self)._base_manager.filter(pk=self.pk).values().first()
        if row is None:
            raise ImmutableError(f"phiên bản quy chế #{self.pk} không còn trong cơ sở dữ liệu")
        stored: dict[str, Any] = dict(row)
        if stored["issued_at"] is not None:
            raise ImmutableError(f"{self}: đã ban hành, không được sửa")
        for f in self._meta.concrete_fields:
            if f.name in self.ISSUE_FIELDS:
                continue
            current: Any = getattr(self, f.attname)
            if isinstance(current, models.fields.files.FieldFile):
                current = current.name
            if current != stored[f.attname]:
                raise ImmutableError(f"{self}: {self.immutable_reason} (trường “{f.verbose_name}”)")

    def check_delete(self) -> None:
        stored = type(self)._base_manager.filter(pk=self.pk).values_list("issued_at", flat=True).first()
        if self.issued_at is not None or stored is not None:
            raise ImmutableError(f"{self}: đã ban hành, không được xóa")


class VersionCitation(ImmutableModel):
    """A higher-level document cited by a regulation version, in the căn cứ block or in an article."""

    immutable_reason = "trích dẫn của một phiên bản quy chế không được sửa"

    version = models.ForeignKey(
        RegulationVersion, verbose_name="phiên bản quy chế", on_delete=models.CASCADE, related_name="citations"
    )
    reference_key = models.CharField("văn bản trong danh mục (khóa)", max_length=100, blank=True, db_index=True)
    symbol_key = models.CharField("khóa so khớp số, ký hiệu", max_length=120, db_index=True)
    number_symbol = models.CharField("số, ký hiệu", max_length=120)
    raw = models.CharField("trích dẫn như trong văn bản", max_length=300)
    article = models.CharField("điều (trống: phần căn cứ)", max_length=20, blank=True)
    article_title = models.CharField("tên điều", max_length=300, blank=True)
    paragraph = models.PositiveIntegerField("đoạn số", null=True, blank=True)

    class Meta:
        verbose_name = "trích dẫn văn bản cấp trên"
        verbose_name_plural = "trích dẫn văn bản cấp trên"
        ordering = ("version", "paragraph", "id")

    def __str__(self) -> str:
        return f"{self.raw} ({self.where})"

    @property
    def where(self) -> str:
        return f"Điều {self.article}" if self.article else "phần căn cứ"


class WaiverScope(models.TextChoices):
    ORGANIZATION = "organization", "Cả tổ chức"
    REGULATION = "regulation", "Một quy chế"
    VERSION = "version", "Một phiên bản"


class Waiver(models.Model):
    """A decision that a finding of one rule need not be fixed here, for a reason, until ``expires``."""

    rule = models.CharField("mã quy tắc", max_length=60, db_index=True)
    scope = models.CharField("phạm vi", max_length=20, choices=WaiverScope.choices)
    organization = models.ForeignKey(
        Organization, verbose_name="tổ chức đảng", on_delete=models.PROTECT, related_name="waivers"
    )
    regulation = models.ForeignKey(
        Regulation, verbose_name="quy chế", null=True, blank=True, on_delete=models.PROTECT, related_name="waivers"
    )
    version = models.ForeignKey(
        RegulationVersion,
        verbose_name="phiên bản quy chế",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="waivers",
    )
    paragraph = models.PositiveIntegerField("chỉ đoạn số", null=True, blank=True)
    reason = models.TextField("lý do")
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người chấp thuận", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("ngày chấp thuận", default=timezone.now)
    expires = models.DateField("hết hiệu lực từ ngày")

    class Meta:
        verbose_name = "miễn áp dụng quy tắc"
        verbose_name_plural = "miễn áp dụng quy tắc"
        ordering = ("organization", "rule", "-created_at")
        constraints = (
            models.CheckConstraint(
                condition=Q(scope=WaiverScope.ORGANIZATION, regulation__isnull=True, version__isnull=True)
                | Q(scope=WaiverScope.REGULATION, regulation__isnull=False, version__isnull=True)
                | Q(scope=WaiverScope.VERSION, version__isnull=False),
                name="regulations_waiver_scope",
                violation_error_message="Phạm vi miễn trừ không khớp với quy chế / phiên bản đã chọn.",
            ),
        )

    def __str__(self) -> str:
        return f"{self.rule} — {self.organization} (đến {self.expires:%d/%m/%Y})"

    def is_active(self, on: Any) -> bool:
        """Hides its findings on dates before ``expires``; from that day on the finding shows again."""
        return bool(on < self.expires)

    def covers(self, version: RegulationVersion, finding: dict[str, Any]) -> bool:
        if finding.get("rule") != self.rule:
            return False
        if self.scope == WaiverScope.VERSION and self.version_id != version.pk:
            return False
        if self.scope == WaiverScope.REGULATION and self.regulation_id != version.regulation_id:
            return False
        if self.organization_id != version.regulation.organization_id:
            return False
        if self.paragraph is not None:
            return bool((finding.get("location") or {}).get("paragraph") == self.paragraph)
        return True
