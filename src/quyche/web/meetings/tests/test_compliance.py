"""Meeting compliance per month against the chi bộ regime."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from quyche.web.meetings.services import compliance, compliance_year, record_meeting


def meet(org: Any, day: date, kind: str = "thuong_ky", minutes: int = 120, present: int = 10, total: int = 10,
         combined: bool = False) -> Any:
    return record_meeting(org, date=day, kind=kind, duration_minutes=minutes, present=present, total=total,
                          combined=combined)


def codes(result: Any) -> list[str]:
    return [i.code for i in result.issues]


def test_a_good_month(tree: dict[str, Any]) -> None:
    org = tree["phu_loc"]
    meet(org, date(2025, 11, 5))
    meet(org, date(2025, 11, 20), kind="chuyen_de", minutes=95)
    r = compliance(org, 2025, 11)
    assert r.applicable and r.ok and r.regular_count == 1 and r.thematic_in_quarter == 1
    assert codes(r) == []
    assert r.to_json()["ok"] is True


def test_missing_regular_meeting_is_an_error(tree: dict[str, Any]) -> None:
    org = tree["phu_loc"]
    meet(org, date(2025, 10, 3), kind="chuyen_de")
    r = compliance(org, 2025, 11)
    assert not r.ok and codes(r) == ["regular_missing"]
    assert r.issues[0].severity == "error" and "tháng 11/2025" in r.issues[0].message
    # a month still running is not judged for it
    assert "regular_missing" not in codes(compliance(org, 2025, 11, today=date(2025, 11, 15)))


def test_thematic_quarterly(tree: dict[str, Any]) -> None:
    org = tree["phu_loc"]
    for m in (7, 8, 9):
        meet(org, date(2025, m, 10))
    july = compliance(org, 2025, 7)
    assert codes(july) == ["thematic_pending"] and july.ok  # only a note inside the quarter
    september = compliance(org, 2025, 9)
    assert codes(september) == ["thematic_missing"] and not september.ok
    assert "quý 3/2025" in september.issues[0].message
    # a combined meeting counts as the quarter's chuyên đề
    meet(org, date(2025, 12, 10), combined=True, minutes=120)
    assert codes(compliance(org, 2025, 12)) == []


def test_duration_from_28_october_2025(tree: dict[str, Any]) -> None:
    org = tree["phu_loc"]
    meet(org, date(2025, 10, 27), minutes=60, kind="chuyen_de")  # before 42-HD/BTCTW: not judged
    meet(org, date(2025, 10, 28), minutes=89)
    r = compliance(org, 2025, 10)
    assert codes(r) == ["duration_short"]
    assert "89 phút" in r.issues[0].message and "90 phút" in r.issues[0].message
    meet(org, date(2025, 11, 4), minutes=100, combined=True)  # combined: 120 minutes
    r = compliance(org, 2025, 11)
    assert codes(r) == ["duration_short"] and "120 phút" in r.issues[0].message


def test_attendance_benchmark(tree: dict[str, Any]) -> None:
    org = tree["phu_loc"]
    meet(org, date(2025, 11, 5), present=17, total=20)  # 85 %: not above 85 %
    meet(org, date(2025, 11, 19), kind="chuyen_de", present=18, total=20)
    r = compliance(org, 2025, 11)
    assert codes(r) == ["attendance_low"] and r.issues[0].severity == "warning" and "17/20" in r.issues[0].message


def test_not_a_chi_bo(tree: dict[str, Any]) -> None:
    r = compliance(tree["an_hoa"], 2025, 11)
    assert not r.applicable and not r.ok and codes(r) == ["not_chi_bo"]


def test_year_and_validation(tree: dict[str, Any]) -> None:
    org = tree["phu_loc"]
    months = compliance_year(org, 2025, today=date(2025, 4, 2))
    assert [m.month for m in months] == [1, 2, 3, 4]
    with pytest.raises(ValidationError):
        meet(org, date(2025, 1, 1), present=11, total=10)
    with pytest.raises(ValidationError):
        meet(org, date(2025, 1, 1), kind="chuyen_de", combined=True)
    with pytest.raises(ValueError):
        compliance(org, 2025, 13)
