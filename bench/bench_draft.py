"""Benchmark ``quyche draft``: milliseconds per drafted document (goal ≤ 100 ms), compose and DOCX writing.

Profiles: a chi bộ cơ sở of 15 members (chi ủy of 5) and a đảng ủy xã of 27 (Ban Thường vụ of 9, subordinates),
built in memory. The first call (loading the skeleton, phrases and catalogue) is reported separately.
Usage: ``python bench/bench_draft.py [--rounds N]``. Never run as a timed test.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date
from typing import Any

from quyche.draft import compose, render
from quyche.profile import Profile, profile_from_dict

GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Hương", "Khánh", "Lan", "Liên",
         "Long", "Mai", "Minh", "Nam", "Nga", "Phong", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang",
         "Tuấn")


def _committee(roles: list[str]) -> list[dict[str, Any]]:
    return [{"name": f"Nguyễn Văn {GIVEN[i]}", "role": r, "duties": ["Phụ trách công tác xây dựng Đảng",
                                                                     "Theo dõi một chi bộ trực thuộc"]}
            for i, r in enumerate(roles)]


def chi_bo() -> Profile:
    return profile_from_dict({
        "name": "Chi bộ Trường Trung học cơ sở Thanh Lâm", "kind": "chi_bo_co_so", "type": "truong_hoc",
        "superior": "Đảng bộ xã Thanh Lâm", "place": "Thanh Lâm", "term": {"from": 2025, "to": 2030},
        "members": 15, "committee": _committee(["bi_thu", "pho_bi_thu", "uy_vien", "uy_vien", "uy_vien"])})


def dang_uy_xa() -> Profile:
    roles = ["bi_thu", "pho_bi_thu_thuong_truc", "pho_bi_thu"] + ["uy_vien_btv"] * 6 + ["uy_vien"] * 18
    return profile_from_dict({
        "name": "Đảng ủy xã Thanh Lâm", "kind": "dang_uy_co_so", "type": "xa", "superior": "Đảng bộ tỉnh Nghệ An",
        "place": "Thanh Lâm", "term": {"from": 2025, "to": 2030, "khoa": "I"}, "members": 486,
        "committee": _committee(roles), "subordinates": [f"Chi bộ thôn {g}" for g in GIVEN[:9]]})


def measure(profile: Profile, rounds: int) -> tuple[float, float, float]:
    """Median milliseconds: compose, render (DOCX), both."""
    day = date(2026, 3, 1)
    c, r, t = [], [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        draft = compose(profile, day, number=1)
        t1 = time.perf_counter()
        render(draft)
        t2 = time.perf_counter()
        c.append(t1 - t0)
        r.append(t2 - t1)
        t.append(t2 - t0)
    return tuple(1000 * statistics.median(x) for x in (c, r, t))  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    t0 = time.perf_counter()
    render(compose(chi_bo(), date(2026, 3, 1), number=1))
    print(f"first draft (loads skeleton, phrases, catalogue): {1000 * (time.perf_counter() - t0):.1f} ms")
    for label, profile in (("chi bộ, 15 đảng viên", chi_bo()), ("đảng ủy xã, 27 ủy viên", dang_uy_xa())):
        comp, rend, total = measure(profile, args.rounds)
        verdict = "ok" if total <= 100 else "SLOW"
        print(f"{label:<24} compose {comp:6.2f} ms  docx {rend:6.2f} ms  total {total:6.2f} ms  [{verdict}]")


if __name__ == "__main__":
    main()
