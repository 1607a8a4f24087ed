"""Compliance of recorded meetings with the chi bộ meeting regime, month by month.

The regime (domain.md §4): a chi bộ meets every month (thường kỳ, Điều lệ Điều 24 k2, H); holds a
chuyên đề meeting at least once a quarter (12-HD/BTCTW, M); from 28/10/2025 every meeting lasts at least
90 minutes, 120 when the thường kỳ meeting is combined with a chuyên đề (42-HD/BTCTW, H); attendance
above 85 % is the quality benchmark (12-HD/BTCTW, H in 2018, L that it still applies).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction

from quyche.web.audit import services as audit
from quyche.web.audit.models import Action
from quyche.web.meetings.models import Meeting, MeetingKind
from quyche.web.organizations.models import Organization

DURATION_FROM = date(2025, 10, 28)  # 42-HD/BTCTW
MIN_MINUTES = 90
MIN_MINUTES_COMBINED = 120
ATTENDANCE_BENCHMARK = 0.85


@dataclass(frozen=True, slots=True)
class Issue:
    code: str
    severity: str  # error | warning | info
    message: str
    meeting_id: int | None = None
    citation: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "message": self.message,
                "meeting": self.meeting_id, "citation": self.citation}


@dataclass(slots=True)
class MonthCompliance:
    organization_id: int
    year: int
    month: int
    applicable: bool
    meetings: list[Meeting] = field(default_factory=list)
    regular_count: int = 0
    thematic_in_quarter: int = 0
    quarter_complete: bool = False
    issues: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.applicable and not any(i.severity in ("error", "warning") for i in self.issues)

    @property
    def quarter(self) -> int:
        return (self.month - 1) // 3 + 1

    def to_json(self) -> dict[str, Any]:
        return {
            "organization": self.organization_id,
            "year": self.year,
            "month": self.month,
            "applicable": self.applicable,
            "ok": self.ok,
            "meetings": [m.pk for m in self.meetings],
            "regular_count": self.regular_count,
            "thematic_in_quarter": self.thematic_in_quarter,
            "quarter_complete": self.quarter_complete,
            "issues": [i.to_json() for i in self.issues],
        }


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def compliance(org: Organization, year: int, month: int, *, today: date | None = None) -> MonthCompliance:
    """How the meetings of ``org`` in a month meet the chi bộ regime, with Vietnamese messages.

    The chuyên đề requirement is judged on the quarter up to this month: missing in the quarter's last
    month is a warning; earlier in the quarter an info note. A month not yet over (``today``) is not
    judged for a missing thường kỳ meeting."""
    if not 1 <= month <= 12:
        raise ValueError("tháng phải từ 1 đến 12")
    result = MonthCompliance(org.pk, year, month, applicable=org.is_chi_bo)
    if not org.is_chi_bo:
        result.issues.append(Issue(
            "not_chi_bo", "info", "Chế độ sinh hoạt hằng tháng chỉ áp dụng cho chi bộ; tổ chức này không phải chi bộ."
        ))
        return result
    first, last = _month_range(year, month)
    q_first = date(year, 3 * ((month - 1) // 3) + 1, 1)
    meetings = list(Meeting.objects.filter(organization=org, date__range=(first, last)).order_by("date", "id"))
    result.meetings = meetings
    label = f"tháng {month}/{year}"
    result.regular_count = sum(1 for m in meetings if m.counts_as_regular)
    month_over = today is None or today > last
    if result.regular_count == 0 and month_over:
        result.issues.append(Issue(
            "regular_missing", "error",
            f"Chi bộ không sinh hoạt thường kỳ trong {label} (phải sinh hoạt mỗi tháng một lần).",
            citation="Điều lệ Đảng, Điều 24 khoản 2",
        ))
    quarter_meetings = Meeting.objects.filter(organization=org, date__range=(q_first, last))
    result.thematic_in_quarter = sum(1 for m in quarter_meetings if m.counts_as_thematic)
    result.quarter_complete = month % 3 == 0
    quarter = f"quý {result.quarter}/{year}"
    if result.thematic_in_quarter == 0:
        if result.quarter_complete and month_over:
            result.issues.append(Issue("thematic_missing", "warning",
                                       f"Chi bộ chưa sinh hoạt chuyên đề trong {quarter} (ít nhất mỗi quý một lần).",
                                       citation="Hướng dẫn 12-HD/BTCTW"))
        else:
            result.issues.append(Issue("thematic_pending", "info",
                                       f"Chưa có buổi sinh hoạt chuyên đề nào trong {quarter} tính đến hết {label}."))
    for m in meetings:
        when = f"{m.date:%d/%m/%Y}"
        if m.date >= DURATION_FROM:
            minimum = MIN_MINUTES_COMBINED if m.combined else MIN_MINUTES
            if m.duration_minutes < minimum:
                what = "kết hợp thường kỳ và chuyên đề" if m.combined else m.get_kind_display().lower()
                result.issues.append(Issue("duration_short", "error",
                                           f"Buổi sinh hoạt {what} ngày {when} kéo dài {m.duration_minutes} phút, "
                                           f"dưới mức tối thiểu {minimum} phút.",
                                           m.pk, "Hướng dẫn 42-HD/BTCTW"))
        if m.total and m.present / m.total <= ATTENDANCE_BENCHMARK:
            share = round(100 * m.present / m.total)
            result.issues.append(Issue(
                "attendance_low", "warning",
                f"Buổi sinh hoạt ngày {when}: {m.present}/{m.total} đảng viên có mặt ({share} %), chưa đạt trên 85 %.",
                m.pk, "Hướng dẫn 12-HD/BTCTW",
            ))
    return result


def compliance_year(org: Organization, year: int, *, today: date | None = None) -> list[MonthCompliance]:
    last = 12 if today is None or today.year > year else today.month
    return [compliance(org, year, m, today=today) for m in range(1, last + 1)]


@transaction.atomic
def record_meeting(org: Organization, *, actor: Any = None, **fields: Any) -> Meeting:
    if fields.get("kind") not in MeetingKind.values:
        raise ValueError("loại sinh hoạt không hợp lệ")
    meeting = Meeting(organization=org, created_by=actor if getattr(actor, "pk", None) else None, **fields)
    meeting.full_clean()
    meeting.save()
    audit.record(actor, Action.CREATE, meeting, changes=audit.diff(None, audit.snapshot(meeting)))
    return meeting
