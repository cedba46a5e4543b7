"""Benchmark the exporters on a contract year: 365 days × 13 people (the embedded sample team).

The roster is a synthetic 8-day rotation (N N D D E E – –) so the benchmark does not depend on the
solver; it has the size and shape of a real year (≈ 3,500 shifts).  Target: write_workbook ≤ 3 s.

    uv run python bench/bench_exports.py [--days 365] [--repeat 3]

Timings on a shared 2-core machine are pessimistic.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exports._synthetic import rotation_roster  # noqa: E402
from exports.excel import build_workbook, write_workbook  # noqa: E402
from exports.ics import write_all_ics  # noqa: E402
from exports.pdf import write_pdf  # noqa: E402
from roster.calendar import WorkCalendar  # noqa: E402
from roster.hours import month_hours  # noqa: E402
from roster.sample import CONTRACT_START, sample_scenario  # noqa: E402
from roster.validator import check  # noqa: E402


def _time(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--target", type=float, default=3.0, help="seconds allowed for write_workbook")
    args = ap.parse_args(argv)
    sc = sample_scenario()
    ro = rotation_roster(sc, CONTRACT_START, args.days)
    print(f"roster: {len(sc.staff)} people × {args.days} days, {len(ro.assignments)} shifts")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        cal = WorkCalendar(sc.calendar)
        t_hours = _time(lambda: month_hours(sc, ro, cal=cal), args.repeat)
        t_check = _time(lambda: check(sc, ro), args.repeat)
        t_build = _time(lambda: build_workbook(sc, ro), args.repeat)
        t_xlsx = _time(lambda: write_workbook(out / "year.xlsx", sc, ro), args.repeat)
        t_pdf = _time(lambda: write_pdf(out / "year.pdf", sc, ro), 1)
        t_ics = _time(lambda: write_all_ics(out / "ics", sc, ro), 1)
        size = (out / "year.xlsx").stat().st_size
    print(f"  roster.hours.month_hours      {t_hours:6.2f} s")
    print(f"  roster.validator.check        {t_check:6.2f} s")
    print(f"  build_workbook (in memory)    {t_build:6.2f} s")
    print(f"  write_workbook (total)        {t_xlsx:6.2f} s   ({size / 1024:.0f} KB)   target ≤ {args.target:g} s")
    print(f"  write_pdf ({(args.days + 6) // 7}+ pages)          {t_pdf:6.2f} s")
    print(f"  write_all_ics                 {t_ics:6.2f} s")
    ok = t_xlsx <= args.target
    print("PASS" if ok else "SLOWER THAN TARGET", f"(median of {args.repeat}; shared 2-core machine, pessimistic)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
