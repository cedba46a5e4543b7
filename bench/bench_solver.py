"""Solver benchmark: time-to-first-solution, objective, bound, gap, time-to-optimal for the sample team
over 7/28/91/365 days and for 40/100 staff (sample staff copied, demand scaled proportionally).

    uv run python bench/bench_solver.py [--quick]

Numbers depend heavily on machine load (CP-SAT with 2 workers); they are measurements, not guarantees.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from roster.model import Scenario  # noqa: E402
from roster.sample import sample_scenario  # noqa: E402
from solver.api import SolveOptions, solve  # noqa: E402
from solver.rolling import solve_rolling  # noqa: E402

START = dt.date(2026, 6, 1)


def scaled(sc: Scenario, n: int) -> Scenario:
    base = sc.staff
    staff = []
    for i in range(n):
        p = base[i % len(base)]
        staff.append(replace(p, id=f"{p.id}_{i // len(base)}" if i >= len(base) else p.id))
    f = n / len(base)
    demand = tuple(replace(r, count=max(1, round(r.count * f))) for r in sc.demand)
    return replace(sc, staff=tuple(staff), demand=demand)


def run(label: str, fn) -> dict:
    progress = []
    t0 = time.perf_counter()
    res = fn(lambda p: progress.append((time.perf_counter() - t0, p.objective, p.bound)))
    wall = time.perf_counter() - t0
    best = res.objective
    t_best = next((t for t, o, _ in progress if best is not None and o <= best + 1e-6), None)
    row = {
        "case": label,
        "status": res.status,
        "first_s": res.first_solution_seconds,
        "objective": res.objective,
        "bound": res.bound,
        "gap": res.gap,
        "t_best_s": t_best,
        "t_opt_s": wall if res.status == "OPTIMAL" else None,
        "wall_s": wall,
        "under": res.terms.get("under_cover"),
    }
    print(_fmt(row), flush=True)
    return row


def _n(x, fmt="{:.2f}"):
    return "—" if x is None else fmt.format(x)


HEADER = f"{'case':<28}{'status':<10}{'first s':>9}{'objective':>12}{'bound':>12}{'gap':>8}{'best@s':>8}{'opt@s':>8}{'wall s':>8}{'under':>7}"


def _fmt(r: dict) -> str:
    return (f"{r['case']:<28}{r['status']:<10}{_n(r['first_s']):>9}{_n(r['objective'], '{:.0f}'):>12}"
            f"{_n(r['bound'], '{:.0f}'):>12}{_n(r['gap'], '{:.1%}'):>8}{_n(r['t_best_s'], '{:.1f}'):>8}"
            f"{_n(r['t_opt_s'], '{:.1f}'):>8}{_n(r['wall_s'], '{:.1f}'):>8}{_n(r['under'], '{:.0f}'):>7}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="short limits (smoke run)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--parallel", action="store_true",
                    help="wall-time portfolio (deterministic=False) instead of the default seeded deterministic search")
    a = ap.parse_args()
    q = 0.3 if a.quick else 1.0
    sc = sample_scenario()

    def opts(t):
        return SolveOptions(time_limit=t * q, workers=a.workers, deterministic=not a.parallel)

    print(HEADER)
    rows = [
        run("sample 7 d", lambda cb: solve(sc, START, 7, opts(10), on_progress=cb)),
        run("sample 28 d", lambda cb: solve(sc, START, 28, opts(10), on_progress=cb)),
        run("sample 91 d direct", lambda cb: solve(sc, START, 91, opts(60), on_progress=cb)),
        run("sample 91 d rolling (month)", lambda cb: solve_rolling(sc, START, 91, opts(10), on_progress=cb)),
        run("sample 365 d rolling", lambda cb: solve_rolling(sc, START, 365, opts(9), on_progress=cb)),
        run("40 staff 28 d", lambda cb: solve(scaled(sc, 40), START, 28, opts(30), on_progress=cb)),
        run("100 staff 28 d", lambda cb: solve(scaled(sc, 100), START, 28, opts(60), on_progress=cb)),
    ]
    print()
    print(HEADER)
    for r in rows:
        print(_fmt(r))


if __name__ == "__main__":
    main()
