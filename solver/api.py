"""Solve API: build the CP-SAT model, solve with a time limit, progress callbacks and cancel.

Public: :class:`SolveOptions`, :class:`Progress`, :class:`CancelToken`, :class:`Shortfall`,
:class:`SolveResult`, :func:`solve`, :func:`build` (the model without locks, for explain/repair:
``m.x[p, d, code]`` start literals, ``m.a``/``m.w`` day/working-date indicators, ``m.forbidden``
cell → (rule id, reason), ``m.terms`` named objective terms, ``m.under`` coverage slacks).
Rolling horizon: :func:`solver.rolling.solve_rolling`.

How a solve runs:

1. Cells forbidden by a rule are never created; a lock on such a cell → ``INFEASIBLE`` naming it.
2. Warm start: ``options.hint`` / ``options.previous`` / a greedy roster (:mod:`solver.hint`).
3. Phase 1 minimises the coverage shortfall only (tight LP bound, usually proven in < 1.5 s on the
   28-day sample); every solution is already a legal roster and is reported through the callbacks.
4. Phase 2 keeps the shortfall at the phase-1 level (hard cap; the reported bound stays valid, see
   ``min(B2, w_under·(u1 + 1))``) and minimises the full weighted objective from the phase-1 roster:
   in the default deterministic mode with the roster LNS (:mod:`solver.lns`; CP-SAT's interleaved search
   above 50 staff) and a bound from CP-SAT's root LP and GLOP (:mod:`solver.lp_bound`); otherwise with
   CP-SAT's wall-time portfolio.
5. Locks are hard constraints; if the model is infeasible, a second solve with the locks as
   assumption literals names a minimised set of conflicting locks.

Callbacks (``on_progress``, ``on_solution``) are called from the solver thread; a GUI must hop
to its own thread before touching widgets.  ``CancelToken.cancel()`` stops the search within ~0.1 s
(a watcher thread calls ``CpSolver.stop_search``) and the best roster so far is returned.
"""

from __future__ import annotations

import datetime as dt
import gc
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ortools.sat.python import cp_model

from roster.alerts import period_alerts
from roster.carryover import carried_in
from roster.demand import SLOT_MINUTES
from roster.model import CANCELLABLE_LEAVE, OFF, Roster, Scenario, make_assignment

from .cuts import cut_rows, divisibility_cuts
from .lns import SUB_BUDGET
from .lp_bound import BackgroundBound, lp_bound
from .model import BIG_TEAM, SMALL_MODEL, Instance, RosterModel, lock_cell, symmetry_classes
from .objective import TERM_UNITS, add_objective
from .rules import RULE_NAMES_EN, RULE_NAMES_ZH, RULE_SOURCES, RULE_SOURCES_EN, SOURCE_EN, apply_rules


@dataclass
class SolveOptions:
    time_limit: float = 30.0
    seed: int = 0
    workers: int = 2
    previous: Roster | None = None  # re-optimise: penalise changes against this roster (term "changes")
    hint: Roster | None = None  # warm start
    relative_gap: float = 0.0  # stop when (objective − bound)/objective ≤ this
    # True (default): seeded search bounded by deterministic time (phase 2: the roster LNS) → same input + seed
    # gives the same roster on any machine (wall time varies with load; the reported bound comes from separate
    # LP solves).  False: the wall-time portfolio with ``workers`` threads (result depends on timing).
    deterministic: bool = True


@dataclass
class Progress:
    objective: float
    bound: float
    gap: float
    elapsed: float
    solutions: int


class CancelToken:
    """Thread-safe cancel flag; :func:`solve` stops the search within ~0.1 s of :meth:`cancel`."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float) -> bool:
        return self._event.wait(timeout)


@dataclass
class Shortfall:
    date: dt.date
    start: dt.datetime
    end: dt.datetime
    skill: str | None
    missing: int


@dataclass
class SolveResult:
    roster: Roster
    status: str
    objective: float | None
    bound: float | None
    gap: float | None
    seconds: float
    first_solution_seconds: float | None
    terms: dict[str, float] = field(default_factory=dict)
    shortfalls: list[Shortfall] = field(default_factory=list)
    infeasible_reason: str | None = None
    infeasible_reason_en: str | None = None  # the same in English (sweep #14 F4)


def _gap(obj: float, bound: float) -> float:
    if obj is None or bound is None:
        return float("nan")
    return max(0.0, obj - bound) / max(1.0, abs(obj))


def build(
    scenario: Scenario,
    start: dt.date,
    days: int,
    *,
    previous: Roster | None = None,
    prior: Roster | None = None,
    horizon_end: dt.date | None = None,
    lookahead_from: dt.date | None = None,
    later_locks: tuple = (),
) -> RosterModel:
    """Build the full model (rules + objective) without locks, under the rules in force for the period
    (综合计算工时 without a valid approval → standard, :meth:`roster.model.Rules.in_force`)."""
    last = start + dt.timedelta(days=days - 1)
    alerts, alerts_en = period_alerts(scenario, start, last), period_alerts(scenario, start, last, "en")
    inst = Instance(scenario.for_period(start, last), start, days, prior=prior, previous=previous,
                    horizon_last=horizon_end, lookahead_from=lookahead_from, later_locks=later_locks)
    m = RosterModel(inst)
    m.alerts, m.alerts_en = alerts, alerts_en
    apply_rules(m)
    add_objective(m)
    return m


def _lock_conflicts(m: RosterModel, named: set | None = None) -> list[tuple[str, str]]:
    """Locks on cells a rule removed outright, as (Chinese, English) sentences (each such lock is added to
    ``named``)."""
    named = set() if named is None else named
    out = []
    inst = m.inst
    codes = {s.code for s in inst.shifts}
    cells: dict[tuple, set[str]] = {}
    for lk in inst.scenario.locked:
        cells.setdefault((lk.staff, lk.date), set()).add(lk.shift)
    for (sid, day), shifts in cells.items():
        if len(shifts) > 1:  # (the scenario reader refuses these; a scenario built in code may still hold them)
            out.append((f"{_who(inst.scenario, sid)}{day} 有 {len(shifts)} 个锁定（{'、'.join(sorted(shifts))}），违反规则"
                        f"{_rule_title('one_shift_per_day')}：请只保留其中一个锁定",
                        f"{_who(inst.scenario, sid, en=True)} has {len(shifts)} locks on {day} ({', '.join(sorted(shifts))}), "
                        f"against the rule {_rule_title('one_shift_per_day', en=True)}: keep only one of them"))
    for lk in inst.scenario.locked:
        cell = lock_cell(inst, lk)
        if cell is None or lk.shift == OFF:
            continue
        who, who_en = _who(inst.scenario, lk.staff), _who(inst.scenario, lk.staff, en=True)
        if lk.shift not in codes:
            out.append((f"锁定 {who} {lk.date} 的班次 {lk.shift} 不存在：请解除该锁定或新增该班次",
                        f"the lock of {who_en} on {lk.date} names shift {lk.shift}, which does not exist: remove the "
                        f"lock or add the shift"))
            named.add(lk)
            continue
        hit = m.forbidden.get(cell)
        if hit:
            named.add(lk)
            rule, reason = hit
            fix, fix_en = "请解除该锁定或修改相应设置", "remove the lock or change the setting"
            if rule == "approved_leave":
                person = inst.scenario.person(lk.staff)
                lv = person.leave_on(lk.date) or person.leave_on(lk.date + dt.timedelta(days=1))
                # maternity, sick, marriage, bereavement leave are not the team lead's to cancel (sweep #11)
                if lv is None or lv.kind in CANCELLABLE_LEAVE:
                    fix, fix_en = "请解除该锁定或取消该日请假", "remove the lock or cancel that day's leave"
                else:
                    fix, fix_en = "请解除该锁定", "remove the lock"
            src = m.forbid_source.get(cell)
            out.append((f"锁定 {who} {lk.date} {lk.shift} 与规则{_rule_title(rule, src)}冲突：{reason}。{fix}",
                        f"the lock of {who_en} on {lk.date} ({lk.shift}) breaks the rule {_rule_title(rule, src, en=True)}:"
                        f" {m.forbid_en.get(cell) or reason}; {fix_en}"))
    return out


def _combined_lock_conflicts(scenario: Scenario, start: dt.date, days: int, named: set) -> list[tuple[str, str]]:
    """Beside the locks on cells a rule removes outright (``named``), those that break a rule together with the
    history or other locks (7 consecutive days with the history's 6, …) — all at once, not one per attempt
    (sweep #7)."""
    from .explain import lock_conflicts

    out = []
    for c in lock_conflicts(scenario, start, days):
        if c.staff is not None and c.locks and not set(c.locks) <= named:
            out.append((f"{c.message}：请解除该锁定或修改相应设置", f"{c.message_en}: remove the lock or change the setting"))
    return out


def _add_locks(m: RosterModel, *, assumptions: bool) -> None:
    inst = m.inst
    for lk in inst.scenario.locked:
        cell = lock_cell(inst, lk)
        if cell is None:
            continue
        p, d, code = cell
        if code == OFF:
            cons = [m.model.Add(v == 0) for _, v in m.cells(p, d)]
        else:
            v = m.x.get(cell)
            if v is None:
                continue
            cons = [m.model.Add(v == 1)]
        if assumptions:
            lit = m.model.NewBoolVar(f"lock_{lk.staff}_{lk.date}_{lk.shift}")
            for c in cons:
                c.OnlyEnforceIf(lit)
            m.model.AddAssumption(lit)
            m.lock_lits.append((lk, lit))


_DET_WORKERS = 2
# full-problem subsolvers of the deterministic mode, by phase (False: phase 1, True: phase 2)
_DET_SUBSOLVERS = {False: ("no_lp",), True: ("no_lp",)}


def _params(solver: cp_model.CpSolver, opts: SolveOptions, time_limit: float, *, improve: bool = False,
            lp: bool = False, det_workers: int = _DET_WORKERS) -> None:
    """Solver parameters; ``improve`` marks phase 2 (a feasible hint exists, only improvement is left); ``lp``
    runs the default LP subsolver instead of no_lp in the deterministic interleave (small models)."""
    p = solver.parameters
    p.num_workers = max(1, opts.workers)
    p.random_seed = opts.seed
    p.max_time_in_seconds = max(0.01, time_limit)
    if opts.relative_gap > 0:
        p.relative_gap_limit = opts.relative_gap
    if opts.deterministic:
        # Interleaved search is deterministic for a fixed worker count: subsolver tasks run in batches and
        # share solutions only at batch boundaries; the search stops on deterministic time — except that on two
        # workers a tie (two tasks of a batch finding the same objective) can go either way (_CPSAT_WORKERS_BIG).
        # Phase 1 and big teams' CP-SAT share run on one worker; small models' phase 2 (7 days: repeats exactly,
        # one worker the same objectives in 50 % more wall time) and the no-phase-1 fallback keep two.
        # One interleaved worker runs the same tasks one after another; a plain single thread (no interleave)
        # has no LNS at all (use_lns_only is ignored with one worker) and stays at the phase-1 roster.  Of
        # the full-problem subsolvers only no_lp runs: every LP subsolver spends 0.5-3 s of deterministic
        # time on its root LP before any LNS task gets a turn (40 staff × 28 d: the whole budget).  The
        # price is a weak bound (no LP).  Measured, time limit 10, 28-day sample: single thread 7760,
        # default interleave 6886, default_lp + LNS 4697 (bound 4510), no_lp + LNS 4772; 40 staff × 28 d,
        # limit 9: default_lp 3 893 498 (under-cover 262 left), no_lp 14 980.
        p.num_workers = det_workers  # fixed, not opts.workers: the result must not depend on the machine
        p.interleave_search = True
        p.use_lns_only = False
        p.subsolvers.extend(("default_lp",) if lp else _DET_SUBSOLVERS[improve])
        p.max_deterministic_time = max(0.01, time_limit)
        # the wall limit is only a safety net; the deterministic limit decides where the search stops
        p.max_time_in_seconds = max(0.01, time_limit) * 3 + 5
    p.symmetry_level = 2
    p.linearization_level = 1


def _cpsat_root_bound(model: cp_model.CpModel, opts: SolveOptions, cancel: CancelToken | None) -> float:
    """Deterministic mode runs no LP in its search, so its own bound is useless; one seeded single-thread
    solve with the default LP worker on a small deterministic budget gives a valid objective bound (used for
    the reported bound/gap only — the roster still comes from the deterministic search)."""
    s = cp_model.CpSolver()
    p = s.parameters
    p.num_workers = 1
    p.random_seed = opts.seed
    p.linearization_level = 1
    p.max_deterministic_time = max(0.05, opts.time_limit * 0.1)
    p.max_time_in_seconds = max(0.05, opts.time_limit * 0.3)
    st = _run(s, model, None, cancel)
    if st in (cp_model.OPTIMAL, cp_model.FEASIBLE) or st == cp_model.UNKNOWN:
        b = s.BestObjectiveBound()
        return b if b == b and abs(b) < 1e18 else 0.0  # NaN / ±inf when no bound was found
    return 0.0


def _apply_hint(m: RosterModel, hint: Roster | None) -> None:
    if hint is None:
        return
    have = {(a.staff, a.date): a.shift for a in hint.assignments}
    # the symmetry-breaking order (paid minutes non-increasing within identical staff) must hold for the hint
    for cls in symmetry_classes(m):
        ids = [m.inst.staff[p].id for p in cls]
        rows = {sid: {day: code for (s, day), code in have.items() if s == sid} for sid in ids}
        paid = {sid: sum(m.inst.scenario.shift(c).paid_minutes for c in rows[sid].values()) for sid in ids}
        order = sorted(ids, key=lambda sid: -paid[sid])
        for sid in ids:
            for day in rows[sid]:
                del have[sid, day]
        for target, source in zip(ids, order, strict=True):
            for day, code in rows[source].items():
                have[target, day] = code
    for p, person in enumerate(m.inst.staff):
        for d, day in enumerate(m.inst.dates):
            code = have.get((person.id, day))
            for s, v in m.cells(p, d):
                m.model.AddHint(v, 1 if s.code == code else 0)


def _roster(m: RosterModel, value, start: dt.date, days: int, solver_info: dict) -> Roster:
    assignments = tuple(make_assignment(sid, day, shift) for sid, day, shift in m.roster_from(value))
    return Roster(start=start, days=days, assignments=assignments, solver=solver_info,
                  carried_in=carried_in(m.inst.prior, start))


def _shortfalls(m: RosterModel, value) -> list[Shortfall]:
    out = []
    for d, j, k, skill, u in m.under:
        n = value(u)
        if n > 0:
            day = m.inst.dates[d]
            t0 = dt.datetime.combine(day, dt.time())
            out.append(
                Shortfall(day, t0 + dt.timedelta(minutes=j * SLOT_MINUTES), t0 + dt.timedelta(minutes=k * SLOT_MINUTES), skill, int(n))
            )
    return out


class _Callback(cp_model.CpSolverSolutionCallback):
    def __init__(self, m, t0, start, days, on_progress, on_solution) -> None:
        super().__init__()
        self.m, self.t0, self.start, self.days = m, t0, start, days
        self.on_progress, self.on_solution = on_progress, on_solution
        self.solutions = 0
        self.first: float | None = None
        self.error: BaseException | None = None
        self.phase1 = False
        # every objective term is a positively weighted non-negative count, so the objective is ≥ 0, and
        # ≥ w_under × (proven least shortfall) once phase 1 is optimal; deterministic mode runs no LP, so
        # CP-SAT's own bound can be far below this (even negative) and is lifted to it
        self.min_bound = 0.0
        self.last_bound = float("-inf")

    def full_objective(self) -> float:
        vals = self.m.term_values(self.Value)
        return float(sum(self.m.terms[k].weight * v for k, v in vals.items() if self.m.terms[k].weight > 0))

    def on_solution_callback(self) -> None:
        obj, bound = self.ObjectiveValue(), self.BestObjectiveBound()
        if self.phase1:
            obj, bound = self.full_objective(), bound * self.m.terms["under_cover"].weight
        self.last_bound = bound
        if not self.report(self.Value, obj, bound):
            self.StopSearch()

    def report(self, value, obj: float, bound: float | None = None) -> bool:
        """Send one solution to the callbacks; False (and ``error`` set) if a callback raised."""
        self.solutions += 1
        elapsed = time.perf_counter() - self.t0
        if self.first is None:
            self.first = elapsed
        try:
            bound = max(self.last_bound if bound is None else bound, self.min_bound)
            if self.on_progress:
                self.on_progress(Progress(obj, bound, _gap(obj, bound), elapsed, self.solutions))
            if self.on_solution:
                info = {"status": "FEASIBLE", "objective": obj, "bound": bound, "seconds": round(elapsed, 3)}
                self.on_solution(_roster(self.m, value, self.start, self.days, info))
        except BaseException as exc:  # never let a UI callback kill the solver thread silently
            self.error = exc
            return False
        return True


def _run(solver: cp_model.CpSolver, model: cp_model.CpModel, cb, cancel: CancelToken | None) -> int:
    done = threading.Event()
    watcher = None
    if cancel is not None:
        watcher = threading.Thread(target=_watch_cancel, args=(solver, cancel, done), daemon=True)
        watcher.start()
    try:
        return solver.Solve(model, cb)
    finally:
        done.set()
        if watcher is not None:
            watcher.join()


def _watch_cancel(solver: cp_model.CpSolver, cancel: CancelToken, done: threading.Event) -> None:
    # keep repeating the stop: a stop issued before Solve() has really started may be lost
    while not done.is_set():
        if cancel.wait(0.05):
            solver.stop_search()
            done.wait(0.05)


def _core_reason(scenario: Scenario, start: dt.date, days: int, opts: SolveOptions, prior: Roster | None = None,
                 horizon_end: dt.date | None = None) -> tuple[str, str]:
    """Second solve with locks as assumptions: name a small set of locks that cannot hold together (Chinese,
    English)."""
    m = build(scenario, start, days, previous=opts.previous, prior=prior, horizon_end=horizon_end)
    _add_locks(m, assumptions=True)
    m.model.ClearObjective()  # feasibility only: much faster

    def infeasible_with(lits) -> tuple[bool, set[int]]:
        m.model.ClearAssumptions()
        m.model.AddAssumptions(lits)
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = 5
        st = solver.Solve(m.model)
        if st != cp_model.INFEASIBLE:
            return False, set()
        return True, set(solver.SufficientAssumptionsForInfeasibility())

    bad, core = infeasible_with([lit for _, lit in m.lock_lits])
    if not bad:
        return ("锁定的班次与硬性规则冲突（未能确定具体是哪几个锁定）",
                "the locked cells break a hard rule (which locks could not be determined)")
    # deletion-based minimisation: drop every lock whose removal leaves the rest infeasible
    kept = [(lk, lit) for lk, lit in m.lock_lits if lit.Index() in core]
    for item in list(kept)[:30]:
        trial = [lit for other, lit in kept if other is not item[0]]
        still, sub = infeasible_with(trial)
        if still:
            kept = [(lk, lit) for lk, lit in kept if lit.Index() in sub and lk is not item[0]] or kept
    core = {lit.Index() for _, lit in kept}
    locks = [lk for lk, lit in m.lock_lits if lit.Index() in core]
    if not locks:
        return ("历史结转数据（上期末班、连续工作天数或已用加班）与硬性规则冲突，与锁定无关",
                "the carried-over history (last shift, consecutive days or overtime used) breaks a hard rule; the "
                "locks are not the cause")
    names = [f"{_who(scenario, lk.staff)}{lk.date} {lk.shift}" for lk in locks]
    names_en = [f"{_who(scenario, lk.staff, en=True)} {lk.date} {lk.shift}" for lk in locks]
    rules = _lock_rules(scenario, start, days, locks, prior, horizon_end)
    why = ("冲突的规则：" + "、".join(_rule_title(r) for r in rules) if rules
           else "它们与多条规则（连续工作、周休、休息间隔或加班上限）同时冲突")
    why_en = ("rules broken: " + ", ".join(_rule_title(r, en=True) for r in rules) if rules
              else "they break several rules at once (consecutive days, weekly rest, rest between shifts or the "
                   "overtime cap)")
    if len(locks) == 1:
        return (f"锁定的班次 {names[0]} 不能成立（与该员工的历史数据或其他安排一起违反规则）。{why}。"
                "请解除该锁定，或核对该员工的历史数据，或修改相应规则的设置。",
                f"the locked cell {names_en[0]} cannot hold (with the person's history or other shifts it breaks a "
                f"rule). {_sentence(why_en)} Remove the lock, check the person's history, or change the "
                "rule's setting.")
    return (f"以下锁定的班次不能同时成立：{'；'.join(names)}。{why}。"
            f"请解除其中{'一个' if len(locks) == 2 else '至少一个'}锁定（例如 {names[-1]}），或修改相应规则的设置。",
            f"these locked cells cannot all hold: {'; '.join(names_en)}. {_sentence(why_en)} Remove "
            f"{'one' if len(locks) == 2 else 'at least one'} of them (e.g. {names_en[-1]}), or change the rule's setting.")


#: rules a set of locks can break among themselves (the per-person hard rules)
_LOCK_RULES = ("min_rest_between_shifts", "max_daily_hours", "max_consecutive_days", "weekly_rest_day", "overtime_cap")


def _lock_rules(scenario: Scenario, start: dt.date, days: int, locks, prior: Roster | None,
                horizon_end: dt.date | None) -> list[str]:
    """The rules behind a set of locks that cannot hold together: each single rule that, switched off, lets them
    hold, else the first pair that does.  The people of the locks alone are solved for feasibility (coverage is
    soft and every other hard rule is per person, so the rest of the team does not matter; the models are tiny)."""
    who = {lk.staff for lk in locks}
    base = replace(scenario, staff=tuple(p for p in scenario.staff if p.id in who), locked=tuple(locks))
    rules = [r for r in _LOCK_RULES if r not in scenario.rules.disabled]

    def holds_without(off: set[str]) -> bool:
        trial = replace(base, rules=replace(base.rules, disabled=base.rules.disabled | off))
        m = build(trial, start, days, prior=prior, horizon_end=horizon_end)
        if m.static_infeasible or _lock_conflicts(m):
            return False
        _add_locks(m, assumptions=False)
        m.model.ClearObjective()
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = 2
        return solver.Solve(m.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)

    found = [r for r in rules if holds_without({r})]
    if found:
        return found
    for i, a in enumerate(rules):
        for b in rules[i + 1:]:
            if holds_without({a, b}):
                return [a, b]
    return []


def solve(
    scenario: Scenario,
    start: dt.date,
    days: int,
    options: SolveOptions | None = None,
    *,
    on_progress: Callable[[Progress], None] | None = None,
    on_solution: Callable[[Roster], None] | None = None,
    cancel: CancelToken | None = None,
    prior: Roster | None = None,
    horizon_end: dt.date | None = None,
    lookahead_from: dt.date | None = None,
    later_locks: tuple = (),
) -> SolveResult:
    """Solve one period.  Rolling horizon: ``prior`` is the roster just before ``start``, ``horizon_end`` the
    last date of the whole period this one is a chunk of, ``lookahead_from`` the first date planned only to see the
    next chunk's locks and ``later_locks`` the locks after the chunk (see :class:`solver.model.Instance`)."""
    opts = options or SolveOptions()
    t0 = time.perf_counter()
    m = build(scenario, start, days, previous=opts.previous, prior=prior, horizon_end=horizon_end,
              lookahead_from=lookahead_from, later_locks=later_locks)
    # The model's many Python objects are long-lived: keep the cyclic collector from re-traversing them
    # during the solve.  A full collection over them holds the GIL for ~80 ms (measured in
    # bench/bench_ui_stall.py), which a GUI thread sees as a frozen window.
    gc.freeze()
    try:
        return _solve_built(m, scenario, start, days, opts, on_progress, on_solution, cancel, t0)
    finally:
        gc.unfreeze()


def _solve_built(m: RosterModel, scenario: Scenario, start: dt.date, days: int, opts: SolveOptions,
                 on_progress, on_solution, cancel: CancelToken | None, t0: float) -> SolveResult:
    named: set = set()
    conflicts = _lock_conflicts(m, named)
    if conflicts:
        conflicts += _combined_lock_conflicts(scenario, start, days, named)
    if conflicts or m.static_infeasible:
        reason = ("；".join(zh for zh, _ in conflicts), " ".join(_sentence(en) for _, en in conflicts)) if conflicts \
            else _static_reason(m)
        return _infeasible(start, days, t0, reason)
    _add_locks(m, assumptions=False)
    _apply_hint(m, opts.hint or opts.previous or greedy_hint(m))

    cb = _Callback(m, t0, start, days, on_progress, on_solution)
    if cancel is not None and cancel.cancelled:
        return _infeasible(start, days, t0, None, status="CANCELLED")
    # Phase 1: coverage only.  Its LP bound is tight, so this quickly proves the least possible
    # shortfall; phase 2 keeps the shortfall at that level (a hard cap) and optimises the rest.
    floor = None
    u1 = None
    fallback: dict[int, int] | None = None
    phase1: list[int] | None = None  # every model variable's value in the phase-1 roster
    phase1_dtime = 0.0  # deterministic seconds phase 1 spent (phase 2 gives back what passes a small allowance)
    under_expr = sum(c * u for c, u in m.terms["under_cover"].parts) if m.terms["under_cover"].parts else None
    if under_expr is not None:
        m.model.ClearObjective()
        m.model.Minimize(under_expr)
        s1 = cp_model.CpSolver()
        _params(s1, opts, opts.time_limit * 0.3 if opts.deterministic else min(opts.time_limit * 0.3, _left(opts, t0)),
                det_workers=_PHASE1_WORKERS)
        s1.parameters.relative_gap_limit = 0.0
        cb.phase1 = True
        st1 = _run(s1, m.model, cb, cancel)
        cb.phase1 = False
        if st1 == cp_model.INFEASIBLE:
            return _infeasible(start, days, t0, _infeasible_reason(scenario, start, days, opts, m.inst))
        if st1 in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            u1 = round(s1.ObjectiveValue())
            fallback = {v.Index(): s1.Value(v) for v in _all_vars(m)}
            phase1 = list(s1.ResponseProto().solution)
            phase1_dtime = s1.ResponseProto().deterministic_time
            if st1 == cp_model.OPTIMAL:
                floor = u1
                cb.min_bound = float(m.terms["under_cover"].weight * u1)
            m.model.ClearHints()
            for v in m.x.values():
                m.model.AddHint(v, s1.Value(v))
            m.model.Add(under_expr <= u1)
        m.model.ClearObjective()
        m.set_objective()
    w_under = m.terms["under_cover"].weight

    def lift_bound(lp: float) -> None:
        if u1 is not None and floor is None:
            lp = min(lp, w_under * (u1 + 1))  # the LP saw the cap "shortfall ≤ u1", which is not proven optimal
        cb.min_bound = max(cb.min_bound, lp)

    big, small = len(m.inst.staff) > _BIG_TEAM, len(m.x) <= SMALL_MODEL
    background: BackgroundBound | None = None
    if opts.deterministic and not (cancel is not None and cancel.cancelled):
        # for the reported bound only (the roster does not depend on it): GLOP's LP with the divisibility cuts on a
        # wall-clock budget, or, when that does not finish, CP-SAT's root LP with its cuts on a deterministic budget.
        # Above _BIG_TEAM, CP-SAT's root LP does not finish in its budget (100 staff × 28 d: 34280) while GLOP
        # needs ~11 s (35060), so GLOP alone runs, on a thread of its own while phase 2 searches (it used to
        # come first and cost 15 of 60 s of wall time), with the divisibility cuts (solver.cuts) in its
        # relaxation: 100 staff 35060 → 35120 for ~5 s more of that thread.
        if big and phase1 is not None:
            # GLOP may use the whole wall budget (150 staff × 28 d: 25 s alone, ~40 s beside the search)
            wall_left = max(1.0, opts.time_limit * _WALL_GUARD - (time.perf_counter() - t0))
            background = BackgroundBound(m.model, time_limit=wall_left, on_done=lift_bound,
                                         cuts=lambda relax, stop: cut_rows(m, relax, stop))
        elif big:
            lift_bound(lp_bound(m.model, time_limit=opts.time_limit * 0.25) or 0.0)
        else:
            # on a copy with divisibility cuts (solver.cuts): they tighten the LPs (28-day sample 4480 → 4504)
            # but slow the search's sub-solves (measured: 4637 → 4692, 9 s → 14 s), so the search never sees them
            bounded = m.model.Clone()
            divisibility_cuts(m, bounded, time_limit=max(0.5, opts.time_limit * 0.05))
            lp = lp_bound(bounded, time_limit=opts.time_limit * 0.15)
            lift_bound(lp if lp is not None else _cpsat_root_bound(bounded, opts, cancel))
    if opts.deterministic and phase1 is not None and not (cancel is not None and cancel.cancelled):
        # Phase 2 in deterministic mode: CP-SAT's interleaved search (its LNS works on the presolved model,
        # cheap per neighbourhood), then the roster LNS (solver.lns) from the best roster so far
        try:
            value, obj = _phase2(m, opts, cb, cancel, t0, phase1, big, small, floor, u1, phase1_dtime)
            searched_until = time.perf_counter()  # (before the background bound's grace wait)
        finally:
            if background is not None:
                if cb.error is not None or (cancel is not None and cancel.cancelled):
                    background.stop()  # a cancelled solve does not wait for GLOP
                # a short grace after the search; a bound still unproven then is given up
                lift_bound(background.result(timeout=max(2.0, 0.1 * opts.time_limit)) or 0.0)
        if cb.error is not None:
            raise cb.error
        # the wall-clock guard, not the deterministic budget, ended the search: the roster may differ from another
        # run with the same seed (sweep #9: a busy machine) — say so in the result instead of staying silent
        cut = searched_until >= _wall_deadline(opts, t0) and not (cancel is not None and cancel.cancelled)
        return _result(m, opts, t0, cb, value, obj, cb.min_bound, "OPTIMAL" if obj <= cb.min_bound + 1e-6 else "FEASIBLE",
                       wall_cut=cut)
    if background is not None:
        background.stop()  # cancelled before phase 2
    solver = cp_model.CpSolver()
    status = None
    if not (cancel is not None and cancel.cancelled):
        _params(solver, opts, opts.time_limit * 0.6 if opts.deterministic else _left(opts, t0), improve=fallback is not None)
        status = _run(solver, m.model, cb, cancel)
    if cb.error is not None:
        raise cb.error
    name = solver.StatusName(status) if status is not None else "UNKNOWN"
    if status == cp_model.INFEASIBLE:
        return _infeasible(start, days, t0, _infeasible_reason(scenario, start, days, opts, m.inst))
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        value = solver.Value
        obj, bound = solver.ObjectiveValue(), solver.BestObjectiveBound()
        if u1 is not None and floor is None:
            bound = min(bound, w_under * (u1 + 1))
            if name == "OPTIMAL":
                name = "FEASIBLE"
        bound = max(bound, cb.min_bound)
    elif fallback is not None:
        value = _values_list(fallback)
        name = "FEASIBLE"
        obj = float(sum(m.terms[k].weight * v for k, v in m.term_values(value).items() if m.terms[k].weight > 0))
        bound = w_under * (floor if floor is not None else 0)
    else:
        return _infeasible(start, days, t0, None, status="CANCELLED" if cancel and cancel.cancelled else name)
    return _result(m, opts, t0, cb, value, obj, bound, name)


def _phase2(m: RosterModel, opts: SolveOptions, cb: _Callback, cancel: CancelToken | None, t0: float,
            phase1: list[int], big: bool, small: bool, floor: int | None, u1: int | None, phase1_dtime: float = 0.0):
    """Deterministic phase 2 from the phase-1 solution: CP-SAT's interleaved search (its LNS works on the presolved
    model, cheap per neighbourhood) for its share, then the roster LNS (:mod:`solver.lns`) from the best roster
    so far; returns (value function, objective)."""
    start_values = phase1
    w_under = m.terms["under_cover"].weight
    # the bound the LNS may stop at, fixed now: a background bound arriving later must not change the result
    stop_at = cb.min_bound
    cpsat_share = _CPSAT_SHARE_BIG if big else _PHASE2_SHARE if small else 0.0
    lns_share = _LNS_SHARE_BIG if big else _LNS_SHARE_MEDIUM if not small else 0.0
    fit = _phase2_fit(opts.time_limit, phase1_dtime, cpsat_share + lns_share)
    cpsat_share, lns_share = cpsat_share * fit, lns_share * fit
    s2 = None
    if cpsat_share > 0:
        s2 = cp_model.CpSolver()
        _params(s2, opts, opts.time_limit * cpsat_share, improve=True, lp=small and not big,
                det_workers=_CPSAT_WORKERS_BIG if big else _DET_WORKERS)
        # the same wall-clock guard as the roster LNS (deterministic unless the machine cannot keep up)
        s2.parameters.max_time_in_seconds = min(s2.parameters.max_time_in_seconds,
                                                max(0.5, _wall_deadline(opts, t0) - time.perf_counter()))
        st2 = _run(s2, m.model, cb, cancel)
        if cb.error is not None:
            raise cb.error
        if st2 in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            start_values = list(s2.ResponseProto().solution)
            b2 = s2.BestObjectiveBound()
            b2 = b2 if floor is not None else min(b2, w_under * (u1 + 1))
            cb.min_bound, stop_at = max(cb.min_bound, b2), max(stop_at, b2)
    if lns_share > 0 or start_values is phase1:
        return _improve(m, start_values, opts, cb, cancel, opts.time_limit * max(lns_share, 0.05), stop_at,
                        lp_everywhere=big, sub_budget=_SUB_BUDGET_BIG if big else SUB_BUDGET, windows=not big)
    return _values_list(start_values), s2.ObjectiveValue()


def _phase2_fit(time_limit: float, phase1_dtime: float, share: float) -> float:
    """The factor on phase 2's shares (``share`` of the limit in all) after phase 1 spent ``phase1_dtime``
    deterministic seconds.  The shares assume phase 1 is nearly free, as it is when the demand can be covered (the
    hint covers it and phase 1 proves it: 7 days 0.0, 28-day sample 0.1, 40 staff 0.4, 100 staff 5.0 of 60 —
    mostly presolve); when it cannot, phase 1 searches for its whole 0.3 of the limit and phase 2 gives back what
    passed _PHASE1_ALLOWANCE of the limit (at most down to _PHASE2_MIN_FIT of its shares — a guard only: with phase 1's
    0.3 and the shares of today, the factor stays ≥ 1 − 0.2/0.6 ≈ 0.67).  Measured, seed 0
    (shortfall, objective, wall): sample × 1.6 demand, limit 10: 1076, 10778698, 11.0 s (13th release) → 1066,
    10678638, 9.6 s; 40 staff × 1.3, limit 20: 644, 6498778, 25 s → 644, 6498218, 23 s; 100 staff × 1.3, limit 60:
    1438, 14526618, 82 s → 1438, 14527343, 79 s (88 s with phase 1 on one worker and no give-back)."""
    excess = phase1_dtime - _PHASE1_ALLOWANCE * time_limit
    if excess <= 0 or share <= 0:
        return 1.0
    return max(_PHASE2_MIN_FIT, 1.0 - excess / (share * time_limit))


def _result(m: RosterModel, opts: SolveOptions, t0: float, cb: _Callback, value, obj: float, bound: float,
            name: str, *, wall_cut: bool = False) -> SolveResult:
    """The :class:`SolveResult` (roster with solver info, term values, shortfalls) of one solution."""
    start, days = m.inst.start, m.inst.days
    seconds = time.perf_counter() - t0
    terms = m.term_values(value)
    info = {
        "status": name,
        "objective": obj,
        "bound": bound,
        "gap": _gap(obj, bound),
        "seconds": round(seconds, 3),
        "first_solution_seconds": None if cb.first is None else round(cb.first, 3),
        "terms": terms,
        "weights": {k: t.weight for k, t in m.terms.items()},
        "units": {k: TERM_UNITS.get(k, "") for k in terms},
        "seed": opts.seed,
        "workers": opts.workers,
    }
    add_warnings(info, m.alerts, m.alerts_en, opts, wall_cut)
    roster = _roster(m, value, start, days, info)
    return SolveResult(
        roster=roster,
        status=name,
        objective=obj,
        bound=bound,
        gap=_gap(obj, bound),
        seconds=seconds,
        first_solution_seconds=cb.first,
        terms=terms,
        shortfalls=_shortfalls(m, value),
        infeasible_reason=None,
    )


# Deterministic mode, phase 2 gets a share of the time limit in deterministic time (phase 1 had 0.3 at
# most, the LP bound 0.1; the shares shrink when phase 1 used more than a little of its 0.3: _phase2_fit): small models _PHASE2_SHARE for CP-SAT; medium ones (up to _BIG_TEAM people)
# _LNS_SHARE_MEDIUM for the roster LNS (:mod:`solver.lns`, two threads, summed); above, CP-SAT's own interleaved search takes _CPSAT_SHARE_BIG first, because its LNS
# works on the once-presolved model while every roster-LNS neighbourhood pays a full presolve.
# Measured (seed 0, 2 cores): 28-day sample, limit 10: LNS only 4657, CP-SAT 0.2 + LNS 0.4 4697,
# CP-SAT only 4817; 40 staff, limit 30: 13929 / (0.3 + 0.3) 13874 / 13949; 100 staff, limit 60: 37063 /
# 36890 / 37265 / 36725 (LNS / 0.3 + 0.3 / again / CP-SAT only) — all with symmetry breaking, which large models
# no longer get (solver.model.symmetry_classes).  Without it, 100 staff, limit 60 (CP-SAT + roster LNS shares):
# 0.5 + 0 → 36735 in 55 s, 0.6 + 0 → 36520 in 65 s, 0.3 + 0.35 → 36570 in 59 s, 0.2 + 0.4 → 36472 in 56 s,
# 0.2 + 0.45 → 36305 in 63 s, 0.1 + 0.5 → 36867 in 54 s.  A CP-SAT deterministic second costs ~1.7 s of wall time
# there (2 cores), a roster-LNS one ~1.3 s.  With GLOP's bound moved beside the search the 0.2 + 0.4 run ended at
# 48.7 s, so the LNS got the slack: 0.2 + 0.5 → 36210 in 57 s (0.25 + 0.45 → 36392 in 58 s).
# Tried for the flat max − min of big groups (nights 1…8 in a group of 85 after 60 s) and dropped: a band surrogate
# (distance of each member from ⌊T/n⌋…⌈T/n⌉) as a secondary objective below the real one, in CP-SAT and the LNS —
# the search spent itself on the surrogate: 37327 (isolated days 32 → 91); and the same as a tie-break only for
# the members a neighbourhood frees (solver.lns): 36472 → 37052.
_PHASE2_SHARE = 0.6
# Medium models (the 28-day sample, 40 staff) kept 0.6 for the roster LNS until the 12th release although the CP-SAT root bound no longer
# takes 1–1.4 s before it (it runs only when GLOP's LP with cuts does not finish; when GLOP finished it was never the
# higher: 28-day sample 4540 vs 4572, standard system 4540 vs 4572, February 17950 vs 17982, part-timers 323 vs
# 4917).  Measured, seeds 0/1/2: share 0.6 → 4677/4652/4667 in 8.0–8.6 s, 0.72 → 4677/4637/4667 in 8.9–9.8 s idle
# and 10.6 s beside another job — not worth passing the 10-s limit for
# 12th release: the roster LNS's sub-solves got cheaper (one presolve pass, no LP for a few people's neighbourhoods:
# solver.lns), so medium models give it 0.7 (_LNS_SHARE_MEDIUM) — 28-day sample, seeds 0–7: 0.6 → mean 4604 in 6.8–9.1 s, 0.7 → 4603
# (4607/4592/4622/4592/4622/4607/4592/4592) in 7.5–8.3 s idle; 40 staff, limit 30, seeds 0–2: 13654/13664/13654
# both ways, 23.6–24.8 s
_LNS_SHARE_MEDIUM = 0.7
# 14th release: the CP-SAT share runs on one interleaved worker (_CPSAT_WORKERS_BIG).  On two, the same model, hint
# and seed gave two different rosters of the same objective (100 staff, 12 deterministic s: 38793 both, six runs);
# the roster LNS then started from either, so a 100-staff solve ended at 35653 or 35703 by chance.  One worker runs
# the tasks one after another (nothing depends on thread timing), reaches more per deterministic second (12 s:
# 37158 against 38793) but takes more wall time for it (25 s against 17 s), and leaves the other core to GLOP's bound.
# Measured, 100 staff, limit 60, seeds 0–3: 0.13 + 0.45 → 35828/35771/35613/35531 (mean 35686) in 50–52 s,
# 0.13 + 0.52 → 35698/35656/35598/35491 (35611) in 53–54 s (later repeats 53–57 s), 0.17 + 0.5 → 35671/35621/35561/35516 (35592) in 57–64 s,
# 0.13 + 0.58 → 35608/35626/35598/35476 (35577) in 60–62 s; two workers at 0.2 + 0.45 (13th release) 35653/35863/
# 35648/35716 (35720) in 56–61 s
_CPSAT_SHARE_BIG = 0.13
_CPSAT_WORKERS_BIG = 1
# Phase 1 (coverage only) runs on one interleaved worker too: the same machinery, although no repeat of a two-worker
# phase 1 ever differed (100 staff × 1.3 demand, 18 deterministic s: one roster in three runs).  Measured against
# two workers: the same final rosters on 7 and 28 days, 40, 60 and 100 staff; a different coverage roster for 150
# staff (53358 → 53388) and some months of the rolling year (70110 → 70407); where the demand cannot be covered more
# per deterministic second (100 staff × 1.3, 18 s: shortfall 1632 → 1570; sample × 1.6, limit 10: 1076 → 1066) for
# more wall time per deterministic second (26 s against 18 s there: _phase2_fit gives it back)
_PHASE1_WORKERS = 1
_PHASE1_ALLOWANCE = 0.1
_PHASE2_MIN_FIT = 0.3
# 13th release: 0.5 → 0.45 with blocks instead of windows (big teams: solver.lns.improve(windows=False)), whose sub-solves take more
# wall time per deterministic second: 100 staff, seeds 0–3, 10-date blocks at 0.5 ran 58–64 s, at 0.45 56–59 s; the
# shipped 5-date blocks at 0.45 56–61 s (mean 35720), at 0.42 54–59 s (mean 35768); 14th release 0.52 (above)
_LNS_SHARE_BIG = 0.52
# Each roster-LNS sub-solve of a big team gets this deterministic budget (others: solver.lns.SUB_BUDGET, 0.05).  With
# 0.05 most neighbourhoods of a 100-person model ran out of time before they were solved (their load and presolve
# alone took half of it), so the adaptive sizes shrank to the minimum.  Measured, 100 staff, limit 60, seeds 0–3:
# 0.05 → 36173/36330/36168/36246 (mean 36229), 0.1 → 36043/36138/36068/36121 (mean 36093).
_SUB_BUDGET_BIG = 0.1
_BIG_TEAM = BIG_TEAM
# Small models (≤ this many shift variables, e.g. 13 staff × 14 days) get CP-SAT's interleaved search with its LP
# subsolver for all of phase 2: the roster LNS stalls there.  Measured (limit 10, seeds 0/1/2): 7 days LNS
# 102/102/102 → 97/102/97 (and 5 s instead of 8.7 s wall); 14 days 112/102/102 → 102/97/102.  On 28 days
# (~1 400 variables) the LP subsolver loses (4697 against the LNS's 4652), so larger models keep the LNS.
# (solver.model.SMALL_MODEL, shared with the symmetry breaking, which only small models get.)
# the deterministic phase 2 (CP-SAT and the roster LNS) stops at max(_WALL_GUARD × time limit, time limit + 2 s) of
# wall time whatever its deterministic budget (:func:`_wall_deadline`)
_WALL_GUARD = 2.5
#: added to the result's warnings when the wall-clock guard ended the search (the roster's ``wall_clock_cutoff``)
WALL_CUT_WARNING = ("计算机繁忙：求解在 {limit} 秒的时钟保护处提前停止，本次结果可能与同一种子的其他运行不同；空闲时重新求解"
                    "可得到可复现的结果")
WALL_CUT_WARNING_EN = ("The machine was busy: the search stopped at the {limit}-s wall-clock guard, so this roster may "
                       "differ from another run with the same seed; solve again when the machine is idle for a "
                       "repeatable result.")


def add_warnings(info: dict, alerts: list[str], alerts_en: list[str], opts: SolveOptions, wall_cut: bool) -> None:
    """The period's alerts (:func:`roster.alerts.period_alerts`, Chinese and English) and, when the wall-clock guard
    ended the search, the cut-off warning into the roster's solver info: ``warnings`` in Chinese, ``warnings_en``
    the same in English."""
    zh, en = list(alerts), list(alerts_en)
    if wall_cut:
        info["wall_clock_cutoff"] = True
        limit = f"{wall_guard_seconds(opts.time_limit):.0f}"
        zh.append(WALL_CUT_WARNING.format(limit=limit))
        en.append(WALL_CUT_WARNING_EN.format(limit=limit))
    if zh:
        info["warnings"], info["warnings_en"] = zh, en


def _improve(m: RosterModel, start: list[int], opts: SolveOptions, cb: _Callback, cancel, budget: float,
             bound: float, *, lp_everywhere: bool = False, sub_budget: float = SUB_BUDGET, windows: bool = True):
    """Phase 2 (deterministic mode): roster LNS from the phase-1 solution ``start`` (a feasible point of the
    phase-2 model: same constraints, shortfall at its phase-1 level); returns (value function, objective)."""
    from .lns import improve

    failed = threading.Event()  # a callback raised: stop improving, ``cb.error`` is re-raised by solve()

    def report(values: list[int], obj: float) -> None:
        if not cb.report(_values_list(values), obj):
            failed.set()

    # Wall-clock guard: the search is bounded by deterministic time (same input + seed → same roster); on a machine
    # so loaded that _WALL_GUARD × the time limit has passed, it stops anyway with the best roster so far (and
    # the result says so: ``wall_clock_cutoff``).
    deadline = _wall_deadline(opts, cb.t0)
    values, obj, _stats = improve(
        m, start, _objective_at(m.model, start), budget,
        seed=opts.seed, bound=bound,
        cancelled=lambda: (failed.is_set() or (cancel is not None and cancel.cancelled)
                           or time.perf_counter() > deadline),
        on_improve=report,
        lp_everywhere=lp_everywhere,
        sub_budget=sub_budget,
        windows=windows,
    )
    return _values_list(values), obj


def _wall_deadline(opts: SolveOptions, t0: float) -> float:
    """When the deterministic phase 2 stops whatever its budget (:func:`wall_guard_seconds` after t0)."""
    return t0 + wall_guard_seconds(opts.time_limit)


def wall_guard_seconds(time_limit: float) -> float:
    """The wall-clock guard of a deterministic solve: max(_WALL_GUARD × limit, limit + 2 s)."""
    return max(_WALL_GUARD * time_limit, time_limit + 2.0)


def _objective_at(model: cp_model.CpModel, values: list[int]) -> float:
    """Objective of ``model`` at a full assignment (auxiliary variables need not be tight: an upper value)."""
    obj = model.Proto().objective
    total = obj.offset + sum(c * values[v] for v, c in zip(obj.vars, obj.coeffs, strict=True))
    return total * (obj.scaling_factor or 1)


def _values_list(values):
    """Value function over a full solution: ``values[index]`` per model variable (a list or an index → value
    dict); plain ints (cells a rule fixed) are their own value."""

    def value(v) -> int:
        if isinstance(v, int):
            return v
        return values[v.Index()]

    return value


def _left(opts: SolveOptions, t0: float) -> float:
    return opts.time_limit - (time.perf_counter() - t0)


def _all_vars(m: RosterModel):
    yield from m.x.values()
    for t in m.terms.values():
        for _, v in t.parts:
            yield v
    for *_, u in m.under:
        yield u


def _infeasible_reason(scenario: Scenario, start: dt.date, days: int, opts: SolveOptions,
                       inst: Instance) -> tuple[str, str]:
    """Why the model (of ``inst``: a rolling chunk keeps its prior roster and horizon) has no solution (Chinese,
    English)."""
    if scenario.locked:
        return _core_reason(scenario, start, days, opts, inst.prior, inst.horizon_last)
    return "模型无解：历史结转数据与硬性规则冲突", "no solution: the carried-over history breaks a hard rule"


def _static_reason(m: RosterModel) -> tuple[str, str]:
    """History that breaks a hard rule whatever the roster does, in plain words with the fix: one sentence per
    person (items ``(rule, staff id, …)`` from :mod:`solver.rules`), (Chinese, English)."""
    windows: dict[str, dict[str, str]] = {}  # staff id → rule → first date
    parts, parts_en = [], []
    for rule, sid, *rest in m.static_infeasible:
        who, who_en = _who(m.inst.scenario, sid), _who(m.inst.scenario, sid, en=True)
        if rule == "overtime_cap":
            hist, cap = rest
            parts.append(f"{who}的历史数据记录本结算期已加班 {hist / 60:.1f} 小时，超过本期加班上限 {cap / 60:.1f} 小时"
                         f"（规则{_rule_title(rule)}）。请核对该员工历史数据中的“本月已加班”")
            parts_en.append(f"the history of {who_en} records {hist / 60:.1f} h of overtime in this settlement period, "
                            f"above this period's cap of {cap / 60:.1f} h (rule {_rule_title(rule, en=True)}). Check "
                            "the person's overtime this month in the history")
        else:
            windows.setdefault(sid, {}).setdefault(rule, rest[0])
    for sid, rules in windows.items():
        hist = m.inst.scenario.history_of(sid)
        end = hist.last_shift_end.strftime("%Y-%m-%d %H:%M") if hist.last_shift_end else "—"
        parts.append(f"{_who(m.inst.scenario, sid)}的历史数据（连续工作 {hist.consecutive_days} 天，上期最后一班结束于 {end}）"
                     f"使 {min(rules.values())} 起无论如何排班都违反" + "、".join(_rule_title(r) for r in rules)
                     + "。请核对该员工的历史数据（连续工作天数、上期最后一班结束时间），或把排班起始日推后")
        parts_en.append(f"the history of {_who(m.inst.scenario, sid, en=True)} — {hist.consecutive_days} consecutive days, last "
                        f"shift ended {end} — breaks " + ", ".join(_rule_title(r, en=True) for r in rules)
                        + f" from {min(rules.values())} whatever the roster. Check the person's history (consecutive "
                        "days, end of the last shift) or start the period later")
    return ("历史结转数据与硬性规则冲突，无法排出合法的排班：" + "；".join(parts) + "。",
            "the carried-over history breaks a hard rule, so no legal roster exists: " + "; ".join(parts_en) + ".")


def _who(scenario: Scenario, sid: str, *, en: bool = False) -> str:
    """A person as the explanations name them: 姓名（id）, in English 姓名 (id)."""
    name = next((p.name for p in scenario.staff if p.id == sid), sid)
    return f"{name} ({sid})" if en else f"{name}（{sid}）"


def _sentence(text: str) -> str:
    """An English clause as a sentence: capitalised, ending with a full stop."""
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "."


def _rule_title(rule: str, source: str | None = None, *, en: bool = False) -> str:
    """“规则名”（source）: the cause's own source when known, else every source of the rule."""
    if en:
        src = "; ".join(SOURCE_EN.get(x, x) for x in source.split("；")) if source else RULE_SOURCES_EN.get(rule, "")
        return f"'{RULE_NAMES_EN.get(rule, rule)}' ({src})"
    return f"“{RULE_NAMES_ZH.get(rule, rule)}”（{source or RULE_SOURCES.get(rule, '')}）"


def _infeasible(start, days, t0, reason: tuple[str, str] | None, status: str = "INFEASIBLE") -> SolveResult:
    seconds = time.perf_counter() - t0
    info = {"status": status, "objective": None, "bound": None, "seconds": round(seconds, 3), "terms": {}}
    zh, en = reason or (None, None)
    if zh:
        info["infeasible_reason"] = zh
        info["infeasible_reason_en"] = en
    return SolveResult(Roster(start, days, (), info), status, None, None, None, seconds, None, {}, [], zh, en)


def greedy_hint(m: RosterModel) -> Roster | None:
    """Filled in by :mod:`solver.hint` when available (a cheap warm start)."""
    try:
        from .hint import greedy_roster
    except ImportError:
        return None
    return greedy_roster(m)
