"""A lower bound on a CP-SAT model's objective from GLOP (the LP solver shipped with OR-Tools).

The LP keeps every linear constraint of the model that has no enforcement literal and relaxes every variable to
its bounds, so its optimum is a valid lower bound of the integer objective.  CP-SAT's own root LP (with its cuts)
is usually tighter, but it runs inside a search on a deterministic-time budget and sometimes reports a bound far
below it (January 2027 in the rolling year: 670 where the plain LP gives 4480); :func:`solver.api.solve` reports
the larger of the two.
"""

from __future__ import annotations

import math

from ortools.linear_solver import pywraplp
from ortools.sat.python import cp_model

_HUGE = 2**62


def lp_bound(model: cp_model.CpModel, time_limit: float | None = None) -> float | None:
    """Ceiling of the LP optimum of ``model``'s objective (integer coefficients); None if GLOP does not prove it
    (within ``time_limit`` wall seconds).  Measured, 28 days: 13 staff 0.3 s, 40 staff 1.9 s, 100 staff 11 s."""
    proto = model.Proto()
    solver = pywraplp.Solver.CreateSolver("GLOP")
    if solver is None:
        return None
    inf = solver.infinity()

    def lim(x: int) -> float:
        return -inf if x <= -_HUGE else inf if x >= _HUGE else float(x)

    cols = []
    for v in proto.variables:
        dom = list(v.domain)
        cols.append(solver.NumVar(lim(dom[0]), lim(dom[-1]), ""))
    for c in proto.constraints:
        if not c.has_linear() or len(c.enforcement_literal):
            continue
        lin = c.linear
        dom = list(lin.domain)
        lo, hi = dom[0], dom[-1]
        shift = 0
        terms = []
        for var, coef in zip(lin.vars, lin.coeffs, strict=True):
            if var >= 0:
                terms.append((cols[var], coef))
            else:  # negated literal: coef·¬x = coef − coef·x
                terms.append((cols[-var - 1], -coef))
                shift += coef
        row = solver.Constraint(lim(lo - shift if lo > -_HUGE else lo), lim(hi - shift if hi < _HUGE else hi))
        for col, coef in terms:
            row.SetCoefficient(col, row.GetCoefficient(col) + float(coef))
    obj = proto.objective
    objective = solver.Objective()
    offset = float(obj.offset)
    for var, coef in zip(obj.vars, obj.coeffs, strict=True):
        if var >= 0:
            objective.SetCoefficient(cols[var], objective.GetCoefficient(cols[var]) + float(coef))
        else:
            objective.SetCoefficient(cols[-var - 1], objective.GetCoefficient(cols[-var - 1]) - float(coef))
            offset += coef
    objective.SetMinimization()
    if time_limit is not None:
        solver.SetTimeLimit(max(1, int(time_limit * 1000)))
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        return None
    value = (objective.Value() + offset) * (obj.scaling_factor or 1.0)
    return float(math.ceil(value - 1e-6 * max(1.0, abs(value))))
