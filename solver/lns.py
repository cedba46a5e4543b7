"""Roster-shaped large neighbourhood search on top of CP-SAT (phase 2 of :func:`solver.api.solve`).

CP-SAT's own LNS picks random variables or constraints; a roster improves fastest when a few *people*
are re-planned over the whole period (swaps of work days between them remove isolated days and even
out the fairness spreads) or when *all* people are re-planned over a few consecutive dates.  Each
round fixes every shift variable outside the neighbourhood to the incumbent, hints the incumbent and
solves the rest to (near) optimality with one seeded CP-SAT worker on a deterministic-time budget.
Two neighbourhoods run per round on two model copies in parallel threads (CP-SAT releases the GIL);
the better improvement is kept.  Sizes adapt: a neighbourhood solved to optimality grows, one that
ran out of time shrinks.

Everything that decides the result is seeded and measured in deterministic time, so the same input
and seed give the same roster on any machine; the wall clock only matters for the safety cut-off.
The idea follows the rostering LNS literature (Shaw's LNS; Timefold's "nearby"/pillar moves).
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import NamedTuple

from ortools.sat.python import cp_model

from .model import RosterModel

#: deterministic seconds charged per sub-solve and model constraint (measured: 100 staff × 28 days,
#: 36 k constraints, ≈ 0.11 s of load/presolve wall time per round of two parallel sub-solves)
OVERHEAD_PER_CONSTRAINT = 1.5e-6
#: and per sub-solve whatever the size (thread hand-off, hint copy, solver set-up; measured 7 days × 13 staff:
#: 6 deterministic s of sub-solves took 8.8 s of wall time without it)
OVERHEAD_PER_SOLVE = 0.004
#: deterministic seconds each sub-solve may search (big teams get more: ``solver.api._SUB_BUDGET_BIG``)
SUB_BUDGET = 0.05
#: share of neighbourhoods aimed at a cost the incumbent pays
TARGET_P = 0.8
#: neighbourhood kinds whose sub-solves use CP-SAT's LP relaxation (linearization level 1).  A few people's
#: sub-solve ("staff", "block") searches faster without it: the LP's deterministic time buys more branching
#: instead.  Measured (seeds 0–7, 28-day sample, limit 10): LP everywhere mean 4665 (4657/4642/4652/4652/4707/
#: 4652/4687/4622), LP nowhere 4616, LP for "window" only 4621 (4612/4622/4607/4652/4647/4622/4592/4612); 40 staff,
#: limit 30, seeds 0–2: 13679/13701/13684, 13674/13734/13739 and 13704/13654/13654.  At 100 staff (CP-SAT's own
#: search first, then this LNS) it was mixed — seeds 0/1: 36223/36158 → 36063/36553 — so big teams keep the LP
#: everywhere (``lp_everywhere``)
LP_KINDS = frozenset({"window"})
#: without whole-team windows (``improve(windows=False)``, big teams) the LNS re-plans *k people × BIG_BLOCK_DATES
#: dates* (k adapts) instead of the *all people × w dates* window: at 100 staff a window (≥ 300 cells) never finished
#: in its sub-solve budget (0 of 76 in one run, against half of the blocks and staff neighbourhoods) and improved the
#: roster a quarter of the time (blocks: more than half).  At 40 staff the windows still pay (without them, limit
#: 30, seeds 0–2: 13748/13684/13714 against 13654/13664/13654).  Measured, 100 staff, limit 60, seeds 0–3, sub-solve
#: budget 0.1, LNS share 0.45: windows 36043/36138/36068/36121 (mean 36093); blocks of 14 dates 35908/36033/36043/
#: 36021 (36001), 10 dates 35873/36213/36103/35781 (35993), 7 dates 35833/35970/35873/35778 (35864), 5 dates
#: 35653/35863/35648/35716 (35720), 3 dates 35788/35723/35678/35626 (35704); seed 0 at 150 staff: 10 → 53638,
#: 5 → 53428, 3 → 53773; 60 staff 20899 / 20844 / 20849.  Short blocks let k grow: a few dates of many people, a
#: window over part of the team
BIG_BLOCK_DATES = 5


class _Problem(NamedTuple):
    """A soft cost the incumbent pays: a fairness group above spread 0 (``sides`` = its (tops, bottoms)) or an
    isolated day (one person and the ``date``)."""

    cost: float
    people: tuple
    date: int | None = None
    sides: tuple | None = None


@dataclass
class LnsStats:
    rounds: int = 0
    improvements: int = 0
    deterministic_time: float = 0.0


@dataclass
class _Hood:
    """One neighbourhood kind with its adaptive size."""

    kind: str  # "staff" (k people × all dates), "window" (all people × w dates) or "block" (k people × ``dates``)
    size: int
    lo: int
    hi: int
    dates: int = 10  # a block's number of consecutive dates

    def adapt(self, optimal: bool) -> None:
        self.size = min(self.hi, self.size + 1) if optimal else max(self.lo, self.size - 1)


class _Copy:
    """A model clone whose shift-variable domains can be pinned to an incumbent and restored."""

    def __init__(self, m: RosterModel) -> None:
        self.model = m.model.Clone()
        self.proto = self.model.Proto()
        self.cells = [(p, d, v.Index()) for (p, d, _), v in m.x.items()]
        # loading and presolving the whole model is wall time CP-SAT's deterministic clock barely counts;
        # charge it by model size (deterministic) so the budget tracks the wall clock on big teams too
        self.overhead = OVERHEAD_PER_SOLVE + OVERHEAD_PER_CONSTRAINT * len(self.proto.constraints)

    def solve(self, values: list[int], free: Callable[[int, int], bool], seed: int, budget: float, stop,
              lp: bool = True):
        saved = []
        variables = self.proto.variables
        for p, d, i in self.cells:
            if not free(p, d):
                dom = variables[i].domain
                saved.append((i, dom[0], dom[1]))
                dom[0] = dom[1] = values[i]
        hint = self.proto.solution_hint
        hint.vars.clear()
        hint.values.clear()
        hint.vars.extend(range(len(values)))
        hint.values.extend(values)
        solver = cp_model.CpSolver()
        prm = solver.parameters
        prm.num_workers = 1
        prm.random_seed = seed
        prm.max_deterministic_time = budget
        prm.max_time_in_seconds = 20 * budget + 2  # safety net only; deterministic time decides
        prm.linearization_level = 1 if lp else 0
        # the neighbourhood fixes most of the model: one presolve pass removes the fixed part; the further passes
        # cost wall time the deterministic clock barely counts (28-day sample, limit 10, seeds 0–7, LP for "window"
        # only: mean 4621 → 4604, runs of 7.6–9.8 s → 7.1–9.1 s)
        prm.max_presolve_iterations = 1
        prm.symmetry_level = 0  # presolve symmetry detection costs more than it saves on a small neighbourhood
        stop.append(solver)
        try:
            status = solver.Solve(self.model)
        finally:
            for i, lo, hi in saved:
                dom = variables[i].domain
                dom[0], dom[1] = lo, hi
        resp = solver.ResponseProto()
        ok = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        return (status == cp_model.OPTIMAL, solver.ObjectiveValue() if ok else None,
                list(resp.solution) if ok else None, resp.deterministic_time + self.overhead)


def improve(
    m: RosterModel,
    values: list[int],
    objective: float,
    budget: float,
    *,
    seed: int = 0,
    bound: float = float("-inf"),
    sub_budget: float = SUB_BUDGET,
    cancelled: Callable[[], bool] = lambda: False,
    on_improve: Callable[[list[int], float], None] | None = None,
    lp_everywhere: bool = False,
    windows: bool = True,
) -> tuple[list[int], float, LnsStats]:
    """Improve the full solution ``values`` (one value per model variable; ``objective`` is its objective or
    an upper value of it) within ``budget`` deterministic seconds; returns the best solution, its exact
    objective and statistics.  Stops early at ``bound`` or when ``cancelled()``.  Sub-solves of a few people
    search without the LP relaxation unless ``lp_everywhere`` (see :data:`LP_KINDS`); without ``windows`` a short
    block of people replaces the whole-team window (see :data:`BIG_BLOCK_DATES`)."""
    n, days = len(m.inst.staff), m.inst.days
    rng = random.Random(seed)
    hoods = [_Hood("staff", min(n, 3), min(n, 2), n), _Hood("window", min(days, 5), min(days, 3), days),
             _Hood("block", min(n, 5), min(n, 3), n)]
    if not windows:  # a short block (its own adaptive size) in place of the window
        hoods[1] = _Hood("block", min(n, 8), min(n, 3), n, BIG_BLOCK_DATES)
    copies = [_Copy(m), _Copy(m)]
    stats = LnsStats()
    live: list[cp_model.CpSolver] = []
    # round 0: every shift pinned, so only the auxiliary variables (spreads, isolated days, overtime) move —
    # makes ``values`` tight and ``objective`` exact when the start came from another objective
    _opt, obj0, sol0, dtime = copies[0].solve(values, lambda p, d: False, seed, max(sub_budget, 0.5), live)
    stats.deterministic_time += dtime
    if obj0 is not None and obj0 <= objective:
        values, objective = sol0, obj0
    live.clear()
    done = threading.Event()
    watcher = threading.Thread(target=_watch, args=(cancelled, live, done), daemon=True)
    watcher.start()
    try:
        lp_kinds = {h.kind for h in hoods} if lp_everywhere else LP_KINDS
        values, objective = _rounds(m, values, objective, budget, rng, hoods, copies, stats, live, bound, sub_budget,
                                    cancelled, on_improve, lp_kinds)
    finally:
        done.set()
        watcher.join()
    return values, objective, stats


def _watch(cancelled, live: list, done: threading.Event) -> None:
    while not done.wait(0.05):
        if cancelled():
            for solver in list(live):
                solver.stop_search()


def _rounds(m, values, objective, budget, rng, hoods, copies, stats, live, bound, sub_budget, cancelled, on_improve,
            lp_kinds):
    n, days = len(m.inst.staff), m.inst.days
    with ThreadPoolExecutor(max_workers=2) as pool:
        while stats.deterministic_time < budget and not cancelled() and objective > bound + 1e-9:
            stats.rounds += 1
            jobs = []
            problems = _problems(m, values)
            for j, copy in enumerate(copies):
                hood = hoods[(2 * stats.rounds + j) % 3] if n > 1 else hoods[1]
                free = _pick(hood, rng, n, days, problems)
                jobs.append((hood, pool.submit(copy.solve, values, free, rng.randrange(1 << 30), sub_budget, live,
                                               hood.kind in lp_kinds)))
            best = None
            for hood, fut in jobs:
                optimal, obj, sol, dtime = fut.result()
                stats.deterministic_time += dtime
                hood.adapt(optimal)
                if obj is not None and obj <= objective and (best is None or obj < best[0]):
                    best = (obj, sol)
            live.clear()
            if best is not None:
                if best[0] < objective:
                    stats.improvements += 1
                    objective, values = best
                    if on_improve is not None:
                        on_improve(values, objective)
                else:
                    values = best[1]  # equal objective: move on the plateau
    return values, objective


def _problems(m: RosterModel, values: list[int]) -> list[_Problem]:
    """Where the incumbent pays soft cost.  A fairness group above spread 0 names its highest and lowest members;
    an isolated day names its person and date."""
    out = []
    for grp in m.spread_groups:
        weight = grp.weight
        vals = [(const + sum(c * values[v.Index()] for c, v in parts), p) for p, parts, const in grp.members]
        hi, lo = max(vals), min(vals)
        if hi[0] > lo[0]:
            tops = tuple(p for val, p in vals if val == hi[0])
            bottoms = tuple(p for val, p in vals if val == lo[0])
            out.append(_Problem(weight * (hi[0] - lo[0]), tops + bottoms, None, (tops, bottoms)))
    for p, d, var in m.isolated:
        if values[var.Index()]:
            out.append(_Problem(m.terms["isolated_days"].weight, (p,), d))
    return out


def _pick(hood: _Hood, rng: random.Random, n: int, days: int, problems: list[_Problem]) -> Callable[[int, int], bool]:
    """A share ``TARGET_P`` of the neighbourhoods is aimed at a cost the incumbent pays (picked with probability
    proportional to that cost); the rest are uniform."""
    target = None
    if problems and rng.random() < TARGET_P:
        target = rng.choices(problems, weights=[t.cost for t in problems])[0]
    if hood.kind == "staff":
        k = min(n, hood.size)
        chosen = set()
        if target is not None and target.sides is not None:
            # a fairness group: a random top and a random bottom member (work moves between them), then more of the
            # group's extremes; the random fill below only if there are too few.  Measured (LNS budget 6 on the
            # 28-day sample, seeds 0–7): mean 4678 → 4656; 40 staff × 28 d, limit 30, seeds 0–2: 13704/13744/13749
            # → 13699/13689/13699.  It used to take the last bottom member every time; reserving a place for
            # somebody outside the group was worse for 40 staff (13729/13794/13794)
            tops, bottoms = target.sides
            chosen.update((rng.choice(tops), rng.choice(bottoms)))
            rest = [p for p in target.people if p not in chosen]
            rng.shuffle(rest)
            chosen.update(rest[: max(0, k - 2)])
        elif target is not None:
            people = list(target.people)
            rng.shuffle(people)
            chosen.update(people[: max(1, k - 1)])
        others = [p for p in range(n) if p not in chosen]
        chosen.update(rng.sample(others, max(0, min(len(others), k - len(chosen)))))
        frozen = frozenset(chosen)
        return lambda p, d: p in frozen
    if hood.kind == "block":
        k = min(n, hood.size)
        w = min(days, hood.dates)
        if target is not None and target.date is not None:
            d0 = min(max(0, target.date - rng.randrange(w)), days - w)
        else:
            d0 = rng.randrange(0, days - w + 1)
        chosen = set(target.people[: k] if target is not None else ())
        if target is not None and target.date is not None:
            # an isolated day: the block also takes other people with an isolated day in its window (one sub-solve
            # mends several), the random fill after.  Measured (seeds 0/1/2): 28-day sample, limit 10: 4677/4652/4667
            # → 4657/4642/4652; 40 staff, limit 30: 13699/13689/13699 → 13679/13701/13684; 100 staff, limit 60:
            # 36418/36650/36493 → 36223/36158/36158.  Aiming every block at isolated days instead (fairness left to
            # the staff neighbourhood) was worse at 40 staff (13864/13744/13784)
            near = [t.people[0] for t in problems if t.date is not None and d0 <= t.date < d0 + w and t.people[0] not in chosen]
            rng.shuffle(near)
            for p in near:
                if len(chosen) >= max(1, k - 1):
                    break
                chosen.add(p)
        others = [p for p in range(n) if p not in chosen]
        chosen.update(rng.sample(others, max(0, min(len(others), k - len(chosen)))))
        frozen = frozenset(chosen)
        return lambda p, d: p in frozen and d0 <= d < d0 + w
    w = min(days, hood.size)
    if target is not None and target.date is not None:
        d0 = min(max(0, target.date - rng.randrange(w)), days - w)
    else:
        d0 = rng.randrange(0, days - w + 1)
    return lambda p, d: d0 <= d < d0 + w
