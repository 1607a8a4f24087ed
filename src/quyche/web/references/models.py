"""The catalogue of higher-level documents (references.md) as database rows the board edits.

:class:`Reference` mirrors a record of ``quyche/data/references.yaml`` field for field (references.md §1);
:func:`quyche.web.references.services.as_catalogue` turns the rows back into a validated quyche
:class:`~quyche.references.ReferenceCatalogue`, so checks use the board's edits. Every change is kept
in :class:`ReferenceChange` (who, when, old and new values, source) and can be reverted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from quyche import references as core
from quyche.web.immutable import ImmutableModel

PACKAGED_ORIGIN = core.DATA_FILE
BOARD_ORIGIN = "board"


def _choices(values: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(v, v) for v in values]


CONFIDENCE_CHOICES = [("H", "H — cao"), ("M", "M — trung bình"), ("L", "L — thấp")]
PRECISION_CHOICES = [("day", "ngày"), ("month", "tháng"), ("year", "năm")]
KIND_CHOICES = [
    ("dieu_le", "Điều lệ Đảng"),
    ("thi_hanh", "Quy định thi hành Điều lệ"),
    ("huong_dan_thi_hanh", "Hướng dẫn thi hành Điều lệ"),
    ("type_authority", "Thể loại, thẩm quyền ban hành"),
    ("format", "Thể thức, kỹ thuật trình bày"),
    ("functions", "Chức năng, nhiệm vụ"),
    ("model", "Quy chế làm việc mẫu / khung"),
    ("sinh_hoat", "Sinh hoạt chi bộ"),
    ("congress", "Đại hội"),
    ("reorganisation", "Sắp xếp tổ chức"),
    ("plan", "Kế hoạch"),
    ("state_reference", "Văn bản nhà nước"),
    ("other", "Khác"),
]
STATUS_CHOICES = [
    ("in_force", "đang có hiệu lực"),
    ("superseded", "đã bị thay thế"),
    ("obsolete_for_some", "hết áp dụng với một số tổ chức"),
    ("UNCONFIRMED", "CHƯA XÁC NHẬN"),
    ("historical", "chỉ còn giá trị lịch sử"),
    ("review", "cần rà soát"),
]
LINK_STATUS_CHOICES = [("UNCONFIRMED", "chưa xác nhận"), ("confirmed", "đã xác nhận")]
LINK_TYPE_CHOICES = [("replaced", "thay thế"), ("repealed", "bãi bỏ"), ("followed_by", "văn bản kế tiếp")]

assert {k for k, _ in KIND_CHOICES} == set(core.KINDS)
assert {k for k, _ in STATUS_CHOICES} == set(core.STATUSES)
assert {k for k, _ in LINK_TYPE_CHOICES} == set(core.LINK_TYPES)


def _conf(label: str) -> models.CharField[str, str]:
    return models.CharField(label, max_length=1, choices=CONFIDENCE_CHOICES, blank=True)


def _precision(label: str) -> models.CharField[str, str]:
    return models.CharField(label, max_length=5, choices=PRECISION_CHOICES, default="day")


class Reference(models.Model):
    key = models.CharField("khóa", max_length=100, unique=True, help_text="Khóa ổn định, ví dụ QD-294-TW-2025.")
    number_symbol = models.CharField("số, ký hiệu", max_length=200)
    doc_type = models.CharField("thể loại", max_length=100, blank=True)
    date = models.DateField("ngày ký")
    date_precision = _precision("độ chính xác của ngày ký")
    date_confidence = _conf("độ tin cậy của ngày ký")
    issuer = models.CharField("cơ quan ban hành", max_length=300, blank=True)
    issuer_confidence = _conf("độ tin cậy của cơ quan ban hành")
    title_short = models.TextField("trích yếu (ngắn)")
    kind = models.CharField("nhóm văn bản", max_length=30, choices=KIND_CHOICES)
    applies_to = models.JSONField(
        "áp dụng cho", default=list, help_text="Danh sách kind/type/điều kiện (references.md §2)."
    )
    in_force_from = models.DateField("có hiệu lực từ", null=True, blank=True)
    in_force_from_precision = _precision("độ chính xác của ngày hiệu lực")
    in_force_from_confidence = _conf("độ tin cậy của ngày hiệu lực")
    superseded_by = models.ForeignKey(
        "self",
        verbose_name="bị thay thế bởi",
        to_field="key",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    superseded_on = models.DateField("ngày văn bản thay thế có hiệu lực", null=True, blank=True)
    superseded_on_precision = _precision("độ chính xác của ngày thay thế")
    link_confidence = _conf("độ tin cậy của liên kết thay thế")
    link_status = models.CharField("tình trạng liên kết", max_length=12, choices=LINK_STATUS_CHOICES, blank=True)
    link_type = models.CharField("kiểu liên kết", max_length=12, choices=LINK_TYPE_CHOICES, blank=True)
    amends = models.CharField("sửa đổi, bổ sung văn bản (khóa)", max_length=100, blank=True)
    obsolete_for = models.JSONField("hết áp dụng với", default=list, blank=True)
    confidence = models.CharField("độ tin cậy", max_length=1, choices=CONFIDENCE_CHOICES)
    status = models.CharField("tình trạng", max_length=20, choices=STATUS_CHOICES)
    status_confidence = _conf("độ tin cậy của tình trạng")
    content_confidence = _conf("độ tin cậy của nội dung")
    subject = models.CharField("đối tượng / chủ đề", max_length=200, blank=True)
    scope = models.JSONField("giới hạn trong cây tổ chức", default=list, blank=True)
    default_for = models.JSONField("mặc định cho", default=list, blank=True)
    default_for_confidence = _conf("độ tin cậy của mặc định")
    see_also = models.JSONField("xem thêm (khóa)", default=list, blank=True)
    review_after = models.CharField("rà soát lại sau văn bản (khóa)", max_length=100, blank=True)
    deadline = models.DateField("thời hạn thực hiện", null=True, blank=True)
    basis = models.BooleanField("đưa vào căn cứ", default=False)
    note = models.TextField("ghi chú", blank=True)
    source = models.JSONField("nguồn (đường dẫn)", default=list, blank=True)
    official_text = models.FileField("văn bản chính thức (tệp)", upload_to="references/", blank=True, max_length=200)
    origin = models.CharField("nguồn gốc bản ghi", max_length=100, default=BOARD_ORIGIN)
    updated_at = models.DateTimeField("ngày sửa", default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người sửa",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "văn bản cấp trên"
        verbose_name_plural = "danh mục văn bản cấp trên"
        ordering = ("date", "key")

    def __str__(self) -> str:
        return f"{self.number_symbol} ({self.key})"

    @property
    def symbol_key(self) -> str:
        return core.symbol_key(self.number_symbol)


class ChangeAction(models.TextChoices):
    LOAD = "load", "Nạp từ danh mục đóng gói"
    ADD = "add", "Thêm văn bản"
    CHANGE = "change", "Sửa"
    DELETE = "delete", "Xóa"
    REVERT = "revert", "Hoàn tác"


class ReferenceChange(ImmutableModel):
    """One change of the catalogue: who, when, which fields (old → new), the source and the confidence."""

    immutable_reason = "lịch sử danh mục chỉ được ghi thêm; hãy hoàn tác bằng một thay đổi mới"

    reference_key = models.CharField("khóa văn bản", max_length=100, db_index=True)
    action = models.CharField("thao tác", max_length=10, choices=ChangeAction.choices)
    fields = models.JSONField("các trường thay đổi", default=list)
    old = models.JSONField("giá trị cũ", default=dict, blank=True)
    new = models.JSONField("giá trị mới", default=dict, blank=True)
    source = models.TextField("nguồn của thay đổi", blank=True)
    confidence = models.CharField("độ tin cậy", max_length=1, choices=CONFIDENCE_CHOICES, blank=True)
    note = models.TextField("ghi chú", blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thay đổi",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("thời điểm", default=timezone.now, db_index=True)
    reverts = models.ForeignKey(
        "self", verbose_name="hoàn tác thay đổi", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "thay đổi danh mục"
        verbose_name_plural = "lịch sử danh mục văn bản"
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"{self.created_at:%d/%m/%Y %H:%M} {self.get_action_display()} {self.reference_key}"

    @property
    def is_link_event(self) -> bool:
        return bool(set(self.fields) & set(LINK_FIELDS)) or "status" in self.fields


LINK_FIELDS = ("superseded_by", "superseded_on", "link_confidence", "link_status", "link_type")
