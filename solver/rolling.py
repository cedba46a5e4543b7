"""Rolling horizon: solve a long period chunk by chunk (natural months by default), each chunk
starting from the previous one's end (carry-over: last shift end, consecutive days, overtime used in
the month, fairness counters), so the joined roster stays legal at the seams.

The history comes from :func:`roster.carryover.history_after` (the shared implementation), and the
previous chunk itself is passed to the model as ``prior`` so that windows across the seam (weekly
rest, consecutive days) see the real working dates and shifts crossing midnight count as cover.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import replace

from roster.alerts import period_alerts
from roster.carryover import carried_in
from roster.model import Roster, Scenario

from .api import (
    CancelToken,
    Progress,
    Shortfall,
    SolveOptions,
    SolveResult,
    add_warnings,
    solve,
)


def _history_after(scenario: Scenario, roster: Roster):
    try:
        from roster.carryover import history_after
    except ImportError:  # pragma: no cover - carryover is part of roster/
        return _own_history_after(scenario, roster)
    return history_after(scenario, roster)


def _own_history_after(scenario: Scenario, roster: Roster):
    from roster.model import History

    out = {}
    for p in scenario.staff:
        hist = scenario.history_of(p.id)
        mine = [a for a in roster.assignments if a.staff == p.id]
        last = max((a.end for a in mine), default=hist.last_shift_end)
        run = 0
        day = roster.end
        dates = {a.date for a in mine}
        while day >= roster.start and day in dates:
            run += 1
            day -= dt.timedelta(days=1)
        if run == roster.days:
            run += hist.consecutive_days
        out[p.id] = replace(hist, last_shift_end=last, consecutive_days=run) if hist else History(last, run)
    return out


#: periods longer than this are solved month by month (CLI and GUI): one CP-SAT model over 91+ days is slower and
#: worse than month chunks with the seams carried over (README benchmark table)
ROLL_ABOVE_DAYS = 35


def chunks(start: dt.date, days: int, chunk: str | int) -> list[tuple[dt.date, int]]:
    end = start + dt.timedelta(days=days)
    out = []
    cur = start
    while cur < end:
        if chunk == "month":
            nxt = dt.date(cur.year + (cur.month == 12), cur.month % 12 + 1, 1)
        else:
            nxt = cur + dt.timedelta(days=int(chunk))
        nxt = min(nxt, end)
        out.append((cur, (nxt - cur).days))
        cur = nxt
    return out


def solve_rolling(
    scenario: Scenario,
    start: dt.date,
    days: int,
    options: SolveOptions | None = None,
    *,
    chunk: str | int = "month",
    on_progress: Callable[[Progress], None] | None = None,
    cancel: CancelToken | None = None,
    prior: Roster | None = None,
) -> SolveResult:
    """Solve ``days`` from ``start`` in chunks; ``options.time_limit`` is the limit per chunk; ``prior`` is the
    roster just before ``start`` (a previous period this one continues; its history is in ``scenario``)."""
    opts = options or SolveOptions()
    t0 = time.perf_counter()
    # the rules in force over the whole period, as the validator and the exports see the roster: an approval
    # that ends inside the period makes every chunk standard, not only the chunks after its end
    sc = scenario.for_period(start, start + dt.timedelta(days=days - 1))
    assignments = []
    shortfalls: list[Shortfall] = []
    terms: dict[str, float] = {}
    objective = bound = 0.0
    first = None
    statuses = []
    parts = chunks(start, days, chunk)
    carried = carried_in(prior, start)  # the previous period's nights running into the first date
    wall_cut = False  # some chunk's search was ended by the wall-clock guard (solver.api.WALL_CUT_WARNING)
    for i, (c_start, c_days) in enumerate(parts):
        if cancel is not None and cancel.cancelled:
            statuses.append("CANCELLED")
            break
        c_end = c_start + dt.timedelta(days=c_days - 1)

        def progress(p: Progress, i=i, base=objective) -> None:
            if on_progress:
                on_progress(Progress(base + p.objective, p.bound, p.gap, time.perf_counter() - t0, p.solutions))

        res = _solve_chunk(sc, scenario.locked, c_start, c_days, opts, progress, cancel, prior,
                           start + dt.timedelta(days=days - 1))
        statuses.append(res.status)
        if res.status not in ("OPTIMAL", "FEASIBLE"):
            reason, reason_en = res.infeasible_reason, res.infeasible_reason_en
            if reason:
                note, note_en = _netting_note(sc, reason)
                if note:
                    reason = reason.rstrip("。") + "。" + note
                    reason_en = (reason_en or "").rstrip(".") + ". " + note_en
                reason_en = f"{c_start}–{c_end}: {reason_en or reason}"
                reason = f"{c_start}–{c_end}：{reason}"
            info = {"status": res.status}
            if reason:
                info["infeasible_reason"] = reason
                info["infeasible_reason_en"] = reason_en
            add_warnings(info, *_alerts(scenario, start, days), opts,
                          wall_cut or bool(res.roster.solver.get("wall_clock_cutoff")))
            return SolveResult(
                Roster(start, days, tuple(assignments), info, carried_in=carried), res.status, None, None, None,
                time.perf_counter() - t0, first, terms, shortfalls, reason, reason_en if reason else None,
            )
        if first is None and res.first_solution_seconds is not None:
            first = (time.perf_counter() - t0) - res.seconds + res.first_solution_seconds
        assignments.extend(res.roster.assignments)
        wall_cut = wall_cut or bool(res.roster.solver.get("wall_clock_cutoff"))
        shortfalls.extend(res.shortfalls)
        objective += res.objective or 0.0
        bound += res.bound or 0.0
        for k, v in res.terms.items():
            terms[k] = terms.get(k, 0.0) + v
        keep_from = c_end - dt.timedelta(days=14)
        prior = Roster(c_start, c_days, tuple(a for a in assignments if a.date >= keep_from))
        sc = replace(sc, history=_history_after(sc, res.roster))
    status = "OPTIMAL" if statuses and all(s == "OPTIMAL" for s in statuses) else "FEASIBLE"
    if "CANCELLED" in statuses and not assignments:
        status = "CANCELLED"
    seconds = time.perf_counter() - t0
    gap = max(0.0, objective - bound) / max(1.0, abs(objective))
    info = {
        "status": status,
        "objective": objective,
        "bound": bound,
        "gap": gap,
        "seconds": round(seconds, 3),
        "terms": terms,
        "chunks": [(s.isoformat(), n, st) for (s, n), st in zip(parts, statuses, strict=False)],
        "note": "fairness terms are summed per chunk (spread per chunk, history included)",
    }
    add_warnings(info, *_alerts(scenario, start, days), opts, wall_cut)
    roster = Roster(start, days, tuple(assignments), info, carried_in=carried)
    return SolveResult(roster, status, objective, bound, gap, seconds, first, terms, shortfalls, None)


def _netting_note(sc: Scenario, reason: str) -> tuple[str, str]:
    """Said when a chunk fails on the overtime cap under quarter/year 综合 settlement: month by month, each chunk keeps
    its own month's cap — stricter than the settlement period's sum (sweep #12: a November lock plan legal over the
    quarter was refused, and the text only offered to release the locks)."""
    from roster.model import SettlementPeriod, WorkingTimeSystem

    r = sc.rules
    if (r.working_time_system != WorkingTimeSystem.COMPREHENSIVE or "加班上限" not in reason
            or r.settlement_period not in (SettlementPeriod.QUARTER, SettlementPeriod.YEAR)):
        return "", ""
    return ("注意：超过 35 天的计划按月分段求解，每月按本月加班上限计算，比按季度/年度综合结算更严；"
            "可一次求解整个期间（命令行 roster solve --whole-period，较慢），或减少该月的锁定。",
            "Note: plans over 35 days are solved month by month, each month against its own overtime cap — stricter "
            "than the quarter/year comprehensive-hours settlement; solve the whole period at once (roster solve --whole-period, "
            "slower) or lock fewer cells in that month.")


def _solve_chunk(sc: Scenario, locks, c_start: dt.date, c_days: int, opts: SolveOptions, progress, cancel, prior,
                 horizon_end: dt.date) -> SolveResult:
    """Solve one chunk.  Locks of the next chunk close to the seam (:meth:`roster.model.Rules.seam_days`) constrain how this chunk
    may end (rest before a locked shift, a run of days into it, the weekly rest window): the chunk is then planned
    up to the last such lock, with those locks, and cut back to its own dates — otherwise the next chunk could
    find its locks impossible after a roster that did not know them (HR audit, session 10: a Sep–Oct plan with
    locks on 1–3 October was INFEASIBLE).  If that longer plan has no solution, the chunk is planned alone and
    the next chunk reports the conflict."""
    c_end = c_start + dt.timedelta(days=c_days - 1)
    own = tuple(lk for lk in locks if c_start <= lk.date <= c_end)
    reach = min(horizon_end, c_end + dt.timedelta(days=sc.rules.seam_days()))
    ahead = tuple(lk for lk in locks if c_end < lk.date <= reach)
    later = tuple(lk for lk in locks if c_end < lk.date <= horizon_end)  # their month's cap (solver.rules)
    if ahead and not (cancel is not None and cancel.cancelled):
        ext_days = (max(lk.date for lk in ahead) - c_start).days + 1
        res = solve(replace(sc, locked=own + ahead), c_start, ext_days, _sliced(opts, c_start, ext_days),
                    on_progress=progress, cancel=cancel, prior=prior, horizon_end=horizon_end,
                    lookahead_from=c_end + dt.timedelta(days=1), later_locks=later)
        if res.status in ("OPTIMAL", "FEASIBLE"):
            return _cut(res, sc, c_start, c_days, prior, horizon_end, _sliced(opts, c_start, c_days).previous)
    c_opts = _sliced(opts, c_start, c_days)
    return solve(replace(sc, locked=own), c_start, c_days, c_opts, on_progress=progress, cancel=cancel, prior=prior,
                 horizon_end=horizon_end, later_locks=later)


def _sliced(opts: SolveOptions, start: dt.date, days: int) -> SolveOptions:
    """``opts`` with its previous roster and hint cut to [start, start + days)."""
    return replace(opts, previous=_slice(opts.previous, start, days) if opts.previous else None,
                   hint=_slice(opts.hint, start, days) if opts.hint else None)


def _cut(res: SolveResult, sc: Scenario, start: dt.date, days: int, prior, horizon_end: dt.date,
         previous: Roster | None = None) -> SolveResult:
    """``res`` (planned past its chunk) cut back to the chunk's own dates: assignments and shortfalls, and the
    objective, terms and bound measured on the chunk alone (review, session 10: the longer plan's counted the
    looked-ahead days twice, once here and once in the next chunk)."""
    end = start + dt.timedelta(days=days - 1)
    roster = replace(_slice(res.roster, start, days), solver=dict(res.roster.solver), carried_in=res.roster.carried_in)
    own = _own_objective(sc, start, days, prior, horizon_end, roster, previous)
    out = replace(res, roster=roster, shortfalls=[s for s in res.shortfalls if s.date <= end])
    if own is None:
        return out
    objective, terms, bound = own
    gap = max(0.0, objective - bound) / max(1.0, abs(objective))
    roster.solver.update(objective=objective, bound=bound, gap=gap, terms=terms)
    return replace(out, objective=objective, bound=bound, gap=gap, terms=terms,
                   status="OPTIMAL" if objective <= bound + 1e-6 else "FEASIBLE")


def _own_objective(sc: Scenario, start: dt.date, days: int, prior, horizon_end: dt.date, roster: Roster,
                   previous: Roster | None = None):
    """(objective, terms, bound) of ``roster`` on the chunk's own model: its cells pinned, the auxiliary variables
    (spreads, isolated days, overtime) solved tight; the bound is the larger of that model's LP bound and its
    proven least shortfall.  None if it cannot be measured (the longer plan's figures then stand)."""
    from ortools.sat.python import cp_model

    from .api import build
    from .lp_bound import lp_bound

    m = build(sc, start, days, previous=previous, prior=prior, horizon_end=horizon_end)
    bound = lp_bound(m.model, time_limit=5.0) or 0.0
    under = m.terms["under_cover"]
    if under.parts and under.weight > 0:
        # the least shortfall of the chunk alone, proven (fast: coverage only), bounds an objective it dominates
        floor_model = m.model.Clone()
        floor_model.ClearObjective()
        floor_model.Minimize(sum(c * v for c, v in under.parts))
        fs = cp_model.CpSolver()
        fs.parameters.num_workers = 1
        fs.parameters.max_deterministic_time = 2.0  # the same bound on any machine (review)
        fs.parameters.max_time_in_seconds = 30.0  # safety net only
        if fs.Solve(floor_model) == cp_model.OPTIMAL:
            bound = max(bound, under.weight * fs.ObjectiveValue())
    cells = {(a.staff, a.date): a.shift for a in roster.assignments}
    for (p, d, code), v in m.x.items():
        m.model.Add(v == int(cells.get((m.inst.staff[p].id, m.inst.dates[d])) == code))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = 5.0
    solver.parameters.max_time_in_seconds = 60.0  # safety net only
    if solver.Solve(m.model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    objective = solver.ObjectiveValue()
    return objective, m.term_values(solver.Value), min(objective, bound)


def _alerts(scenario: Scenario, start: dt.date, days: int) -> tuple[list[str], list[str]]:
    """The whole period's alerts in Chinese and in English."""
    last = start + dt.timedelta(days=days - 1)
    return period_alerts(scenario, start, last), period_alerts(scenario, start, last, "en")


def _slice(roster: Roster, start: dt.date, days: int) -> Roster:
    end = start + dt.timedelta(days=days - 1)
    return Roster(start, days, tuple(a for a in roster.assignments if start <= a.date <= end))
