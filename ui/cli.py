"""Command line (SPEC.md §3).  ``roster`` with no arguments opens the GUI.

Exit codes: 0 success, 1 violations / no legal roster (explanation on stderr), 2 bad input.
Qt is only imported for the GUI and for ``--pdf``, so the CLI starts fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from exports.safe_write import ExportError
from roster.scenario_io import InputError, date_problem

EXIT_OK, EXIT_VIOLATIONS, EXIT_BAD_INPUT = 0, 1, 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(date_problem(text.strip())) from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="roster", description="排班 — 12345 接诉即办值守排班工具")
    sub = p.add_subparsers(dest="cmd")
    s = sub.add_parser("sample", help="写出内置的 13 人示例场景 (write the embedded sample scenario)")
    s.add_argument("--out", required=True, help="scenario JSON path")
    s = sub.add_parser("solve", help="求解排班 (solve a roster)")
    s.add_argument("--scenario", help="scenario JSON (default: embedded sample team)")
    s.add_argument("--start", type=_date, default=dt.date(2026, 6, 1))
    s.add_argument("--days", type=int, default=28)
    s.add_argument("--time-limit", type=float, default=30.0,
                   help="求解时限（秒）；超过 35 天时按月分段求解，每段各用此时限；人手不足时另用至多同样时长核实修改建议 "
                        "(search time in seconds; above 35 days the period is solved month by month and each month "
                        "gets this limit; when demand is left uncovered, checking the suggested fixes takes up to "
                        "as long again)")
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("--whole-period", action="store_true",
                   help="超过 35 天也作为一个整体求解（较慢；季度/年度综合结算按整个期间计算加班上限）(one model over the "
                        "whole period even above 35 days: slower, but a quarter/year settlement nets its months)")
    s.add_argument("--after", metavar="ROSTER_JSON",
                   help="接续上一期排班（须包含开始日前一天）：结转休息、连续天数、本月已加班和公平计数 (continue this "
                        "previous roster, which must hold the day before --start: SPEC §2.11 carry-over)")
    s.add_argument("--workers", type=int, default=2,
                   help="threads for --parallel (the default deterministic search always uses its own fixed split)")
    s.add_argument("--parallel", action="store_true",
                   help="wall-time parallel portfolio: stronger bound, but not reproducible run to run")
    s.add_argument("--out", help="Excel workbook (.xlsx)")
    s.add_argument("--json", help="roster JSON")
    s.add_argument("--pdf", help="weekly rota PDF")
    s.add_argument("--lang", choices=("zh", "en"), default="zh")
    s = sub.add_parser("check", help="独立校验排班 (independent validator)")
    s.add_argument("--scenario", help="scenario JSON (default: embedded sample team)")
    s.add_argument("roster", help="roster JSON")
    s.add_argument("--lang", choices=("zh", "en"), default="zh")
    sub.add_parser("gui", help="打开图形界面 (open the GUI)")
    return p


def _load_scenario(path: str | None):
    from roster.sample import sample_scenario
    from roster.scenario_io import load_scenario

    if not path:
        return sample_scenario()
    scenario, warnings = load_scenario(path)
    for w in warnings:
        print(f"警告 (warning) {path}: {w}", file=sys.stderr)
    return scenario


def cmd_sample(args) -> int:
    from roster.sample import sample_scenario
    from roster.scenario_io import scenario_to_dict, write_json

    write_json(args.out, scenario_to_dict(sample_scenario()))
    print(f"已写出示例场景 (sample written): {args.out}")
    return EXIT_OK


def _can_write_in(folder: Path) -> bool:
    """Whether a file can be created in ``folder`` (tried, not guessed: permissions, read-only mounts, /proc)."""
    import tempfile

    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".roster-probe-"):
            return True
    except OSError:
        return False


def cmd_solve(args) -> int:
    from roster.alerts import period_alerts
    from roster.scenario_io import roster_to_dict, write_json
    from roster.validator import check, violation_to_dict
    from solver.api import SolveOptions, solve
    from solver.rolling import ROLL_ABOVE_DAYS, solve_rolling

    if args.days < 1 or args.days > 400:
        raise InputError(f"--days 应在 1–400 之间，得到 {args.days}", field="--days")
    if args.time_limit <= 0:
        raise InputError("--time-limit 必须大于 0", field="--time-limit")
    for flag, path in (("--out", args.out), ("--json", args.json), ("--pdf", args.pdf)):
        # fail before a long solve, not after it
        if path and not Path(path).resolve().parent.is_dir():
            raise InputError(f"输出文件夹不存在 (folder does not exist): {Path(path).resolve().parent}", file=path, field=flag)
        if path and not _can_write_in(Path(path).resolve().parent):
            raise InputError(f"输出文件夹不可写 (cannot write in the folder): {Path(path).resolve().parent}",
                             file=path, field=flag)
    scenario = _load_scenario(args.scenario)
    _check_history(scenario, args.start, args.scenario)
    if not scenario.shifts:
        raise InputError("至少需要一个班次模板 (at least one shift template is needed)", file=args.scenario,
                         field="shifts")
    prior = None
    carried_ids: set[str] = set()
    if args.after:
        scenario, prior, carried_ids = _carry_over(scenario, args.after, args.start)
    opts = SolveOptions(time_limit=args.time_limit, seed=args.seed, workers=args.workers,
                        deterministic=not args.parallel)
    if args.days > ROLL_ABOVE_DAYS and not args.whole_period:
        result = solve_rolling(scenario, args.start, args.days, opts, prior=prior)
    else:
        result = solve(scenario, args.start, args.days, opts, prior=prior)
    from dataclasses import replace

    roster = result.roster
    if prior is not None:  # the roster JSON keeps the history it was planned on, so `roster check` sees the seam
        roster = replace(roster, history={sid: scenario.history[sid] for sid in carried_ids if sid in scenario.history})
    violations = check(scenario, roster)
    roster = replace(roster, violations=tuple(violation_to_dict(v) for v in violations))
    # also when no roster came out (the fallback to the standard system may be the reason)
    en = args.lang == "en"
    for alert in period_alerts(scenario, args.start, args.start + dt.timedelta(days=args.days - 1), args.lang):
        print(f"{'warning' if en else '警告 (warning)'}: {alert}", file=sys.stderr)
    if roster.solver.get("wall_clock_cutoff"):
        print(f"{'warning' if en else '警告 (warning)'}: {roster.solver['warnings_en' if en else 'warnings'][-1]}",
              file=sys.stderr)
    gap = "—" if result.gap is None or result.gap != result.gap else f"{result.gap:.2%}"
    if en:  # sweep #14 F4: --lang en printed this line in Chinese
        print(f"status {result.status}  objective {result.objective}  bound {result.bound}  "
              f"gap {gap}  time {result.seconds:.1f}s  violations {len(violations)}", file=sys.stderr)
    else:
        print(f"状态 {result.status}  目标值 {result.objective}  下界 {result.bound}  "
              f"差距 {gap}  用时 {result.seconds:.1f}s  违规 {len(violations)}", file=sys.stderr)
    from roster.advisories import advisories

    for adv in advisories(scenario, roster):  # labour-law §4 warnings: allowed, for the supervisor to look at
        print(("advisory: " if args.lang == "en" else "提示：") + adv.text(args.lang), file=sys.stderr)
    no_roster = result.roster.assignments == () and result.status not in ("OPTIMAL", "FEASIBLE")
    if args.json:  # also without a roster: the JSON's solver block carries status and infeasible_reason
        write_json(args.json, roster_to_dict(roster))
    if no_roster:
        if en:
            why = result.infeasible_reason_en or result.infeasible_reason or "no roster found"
            print(why[:1].upper() + why[1:], file=sys.stderr)
        else:
            print(result.infeasible_reason or "无法求得排班 (no roster found)", file=sys.stderr)
        return EXIT_VIOLATIONS
    if args.out:
        from exports.excel import write_workbook

        write_workbook(args.out, scenario, roster, lang=args.lang)
    if args.pdf:
        from exports.pdf import write_pdf

        write_pdf(args.pdf, scenario, roster, lang=args.lang)
    if result.shortfalls or violations:
        try:
            from solver.explain import explain

            # the verifying re-solves share one more time limit in total (at most 8 of ≤ 5 s each)
            each = min(5.0, max(1.0, args.time_limit / 4))
            verified = max(1, min(8, int(args.time_limit // each)))
            ex = explain(scenario, args.start, args.days, result, lang=args.lang, verify_time_limit=each,
                         max_verified=verified, seed=args.seed, workers=args.workers)
            print(ex.text(args.lang), file=sys.stderr)
        except Exception as e:  # the explanation is a courtesy; the exit code carries the verdict
            print(f"(no explanation could be made: {e})" if en else f"(无法生成解释: {e})", file=sys.stderr)
        return EXIT_VIOLATIONS
    return EXIT_OK


def _carry_over(scenario, path: str, start: dt.date):
    """(scenario with the history carried from the roster in ``path`` up to the day before ``start``, that roster
    cut there, the staff ids whose history was carried) — the previous period a new one continues (SPEC §2.11)."""
    from dataclasses import replace

    from roster.carryover import history_after
    from roster.model import Roster
    from roster.scenario_io import load_roster

    prev = load_roster(path, scenario)
    day_before = start - dt.timedelta(days=1)
    if not prev.start <= day_before <= prev.start + dt.timedelta(days=prev.days - 1):
        last = prev.start + dt.timedelta(days=prev.days - 1)
        raise InputError(f"上一期排班为 {prev.start} 至 {last}，不含开始日前一天 {day_before} "
                         f"(the previous roster does not hold the day before --start)", file=path, field="start")
    upto = Roster(prev.start, (start - prev.start).days, tuple(a for a in prev.assignments if a.date < start))
    carried = history_after(scenario, upto)
    return replace(scenario, history={**scenario.history, **carried}), upto, set(carried)


def _check_history(scenario, start: dt.date, path: str | None) -> None:
    """History describes the time before the period: a last shift may end on the first date (a night shift
    from the day before), not later."""
    limit = dt.datetime.combine(start + dt.timedelta(days=1), dt.time())
    for sid, h in sorted(scenario.history.items()):
        if h.last_shift_end is not None and h.last_shift_end > limit:
            raise InputError(f"上期最后一班结束于 {h.last_shift_end:%Y-%m-%d %H:%M}，晚于排班开始日 {start} 的当天结束 "
                             f"(history ends after the period starts)", file=path, field=f"history.{sid}.last_shift_end")


def cmd_check(args) -> int:
    from roster.checkcli import run_check

    return run_check(args.scenario, args.roster, lang=args.lang)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] == "gui":
        from ui.app import main as gui_main

        return gui_main(argv[1:])
    try:
        args = _parser().parse_args(argv)
    except SystemExit as e:  # argparse: usage errors are bad input
        return EXIT_BAD_INPUT if e.code else EXIT_OK
    try:
        return {"sample": cmd_sample, "solve": cmd_solve, "check": cmd_check}[args.cmd](args)
    except InputError as e:
        print(f"输入错误 (bad input): {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ExportError as e:  # in the language of the export (--lang), Chinese by default
        print(f"导出失败 (export failed): {e.text(getattr(args, 'lang', 'zh'))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as e:
        print(f"文件错误 (file error): {e.filename or ''}: {e.strerror or e}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
