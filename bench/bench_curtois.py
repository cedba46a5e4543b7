"""Benchmark the CP-SAT model on Curtois–Qu nurse-rostering instances.

    uv run python bench/bench_curtois.py                      # every Instance*.txt in the shared folder
    uv run python bench/bench_curtois.py --time-limit 10      # shorter runs
    uv run python bench/bench_curtois.py path/to/any.txt dir/  # any file(s) or folder(s) in this format

Every solution is re-checked with the independent evaluator; the ``check`` column says ``ok`` when it has
no hard violation and the evaluator's objective equals the solver's.  The gap is measured against the
best-known upper bound from ``best_known.csv`` (looked up next to each instance file, or ``--best-known``).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from solver.curtois import evaluate, read_instance, solve_instance  # noqa: E402

DEFAULT_DIR = Path("/work/shared/bench/curtois")


def _natural_key(p: Path) -> list[object]:
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", p.name)]


def instance_files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted((f for f in p.glob("*.txt")), key=_natural_key))
        else:
            out.append(p)
    return out


def best_known(csv_path: Path) -> dict[str, tuple[int, int]]:
    """instance name -> (best-known upper bound, best-known lower bound)."""
    if not csv_path.is_file():
        return {}
    with open(csv_path, newline="") as f:
        return {r["instance"]: (int(r["best_known_ub"]), int(r["best_known_lb"])) for r in csv.DictReader(f)}


def fmt(value: object, width: int) -> str:
    return f"{'-' if value is None else value:>{width}}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path, default=[DEFAULT_DIR], help="instance files or folders")
    ap.add_argument("--time-limit", type=float, default=60.0, help="seconds per instance (default 60)")
    ap.add_argument("--workers", type=int, default=2, help="CP-SAT workers (default 2)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument(
        "--best-known", type=Path, default=None, help="CSV with instance,best_known_ub,best_known_lb"
    )
    args = ap.parse_args(argv)

    files = instance_files(args.paths)
    if not files:
        print("没有找到算例文件（*.txt）", file=sys.stderr)
        return 2
    header = (
        f"{'instance':<12} {'days':>4} {'staff':>5} {'objective':>9} {'bound':>7} {'best UB':>7} "
        f"{'gap %':>7} {'first s':>7} {'seconds':>7} {'status':<8} check"
    )
    print(f"time limit {args.time_limit:g} s, {args.workers} workers, seed {args.seed}")
    print(header)
    print("-" * len(header))
    failures = 0
    for path in files:
        try:
            inst = read_instance(path)
        except ValueError as exc:
            print(f"{path.stem:<12} {exc}")
            failures += 1
            continue
        known = best_known(args.best_known or path.parent / "best_known.csv").get(inst.name)
        progress: list[float] = []
        assignment, objective, bound, status, seconds = solve_instance(
            inst,
            time_limit=args.time_limit,
            workers=args.workers,
            seed=args.seed,
            on_progress=lambda _o, _b, t, _seen=progress: _seen.append(t),
        )
        check = "-"
        if assignment is not None:
            violations, evaluated = evaluate(inst, assignment)
            if violations or evaluated != objective:
                check = f"FAIL ({len(violations)} hard, eval {evaluated})"
                failures += 1
            else:
                check = "ok"
        gap = None
        if known is not None and objective is not None:
            gap = f"{100.0 * (objective - known[0]) / known[0]:.2f}"
        first = f"{progress[0]:.2f}" if progress else None
        print(
            f"{inst.name:<12} {inst.horizon:>4} {len(inst.staff):>5} {fmt(objective, 9)} {fmt(bound, 7)} "
            f"{fmt(known[0] if known else None, 7)} {fmt(gap, 7)} {fmt(first, 7)} {seconds:>7.1f} {status:<8} {check}",
            flush=True,
        )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
