"""China working calendar 2026 (labour-law.md §3.1 and §3.3) and user overrides."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from roster.alerts import period_alerts
from roster.calendar import WorkCalendar, month_bounds
from roster.model import CalendarOverrides, DayType
from roster.sample import sample_scenario

D = dt.date.fromisoformat
CAL = WorkCalendar()


@pytest.mark.parametrize(("day", "kind"), [
    ("2026-10-01", DayType.HOLIDAY), ("2026-10-02", DayType.HOLIDAY), ("2026-10-03", DayType.HOLIDAY),
    ("2026-10-04", DayType.RESTDAY), ("2026-10-05", DayType.RESTDAY), ("2026-10-06", DayType.RESTDAY),
    ("2026-10-07", DayType.RESTDAY),
    ("2026-10-10", DayType.WORKDAY), ("2026-09-20", DayType.WORKDAY),  # 调休上班 on weekends
    ("2026-06-19", DayType.HOLIDAY), ("2026-06-20", DayType.RESTDAY),
    ("2026-04-06", DayType.RESTDAY), ("2026-05-04", DayType.RESTDAY),  # 补假 days are rest, not 300 %
    ("2026-04-05", DayType.HOLIDAY), ("2026-05-01", DayType.HOLIDAY), ("2026-05-02", DayType.HOLIDAY),
    ("2026-05-05", DayType.RESTDAY), ("2026-05-09", DayType.WORKDAY),
    ("2026-02-14", DayType.WORKDAY), ("2026-02-16", DayType.HOLIDAY), ("2026-02-23", DayType.RESTDAY),
    ("2026-01-01", DayType.HOLIDAY), ("2026-01-02", DayType.RESTDAY), ("2026-01-04", DayType.WORKDAY),
    ("2026-09-25", DayType.HOLIDAY), ("2026-10-08", DayType.WORKDAY), ("2026-10-11", DayType.RESTDAY),
])
def test_2026_classification(day, kind):
    assert CAL.day_type(D(day)) == kind


def test_thirteen_statutory_dates_in_2026():
    first, last = D("2026-01-01"), D("2026-12-31")
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    assert sum(CAL.is_holiday(d) for d in days) == 13


def test_2026_has_248_workdays():
    assert CAL.workdays_between(D("2026-01-01"), D("2026-12-31")) == 248


# labour-law.md §3.3
MONTH_HOURS_2026 = [168, 128, 176, 168, 152, 168, 184, 168, 176, 144, 168, 184]


@pytest.mark.parametrize(("month", "hours"), list(enumerate(MONTH_HOURS_2026, start=1)))
def test_standard_hours_every_month_of_2026(month, hours):
    assert CAL.standard_hours_month(2026, month) == hours


def test_year_total_1984_and_average_method():
    assert sum(CAL.standard_hours_month(2026, m) for m in range(1, 13)) == 1984
    assert CAL.standard_hours_month(2026, 10, "average") == pytest.approx(165.33, abs=0.01)


def test_makeup_workday_flag():
    assert CAL.is_makeup_workday(D("2026-10-10"))
    assert not CAL.is_makeup_workday(D("2026-10-09"))  # ordinary Friday
    assert not CAL.is_makeup_workday(D("2026-10-11"))


def test_user_overrides_win():
    o = CalendarOverrides(
        holidays=frozenset({D("2026-10-09")}),
        restdays=frozenset({D("2026-10-10")}),
        workdays=frozenset({D("2026-10-01")}),
    )
    cal = WorkCalendar(o)
    assert cal.day_type(D("2026-10-09")) == DayType.HOLIDAY
    assert cal.day_type(D("2026-10-10")) == DayType.RESTDAY
    assert cal.day_type(D("2026-10-01")) == DayType.WORKDAY
    # October: 18 workdays -1 (10-09 holiday) -1 (10-10 rest) +1 (10-01 work) = 17
    assert cal.standard_hours_month(2026, 10) == 136


def test_estimated_years_flags_2027_until_overridden():
    assert CAL.estimated_years(D("2026-06-01"), D("2027-05-31")) == [2027]
    assert CAL.estimated_years(D("2026-06-01"), D("2026-12-31")) == []
    # one entered date does not confirm the year: the other estimated dates are still in use (review finding)
    cal = WorkCalendar(CalendarOverrides(workdays=frozenset({D("2027-02-20")})))
    assert cal.estimated_years(D("2026-06-01"), D("2027-05-31")) == [2027]
    assert D("2027-02-09") in cal.unconfirmed_dates(2027)
    # every estimated 2027 date entered (kept as rest days, or moved) → confirmed
    est = CAL.unconfirmed_dates(2027)
    assert est and all(d.year == 2027 for d in est)
    cal = WorkCalendar(CalendarOverrides(restdays=frozenset(est[1:]), workdays=frozenset({est[0], D("2027-02-20")})))
    assert cal.unconfirmed_dates(2027) == []
    assert cal.estimated_years(D("2026-06-01"), D("2027-05-31")) == []
    assert CAL.unconfirmed_dates(2026) == []


def test_estimated_years_count_only_the_dates_inside_the_range():
    """A 2027 Jan–May period is confirmed once its own estimated dates are entered (review finding: October's
    dates kept the contract-year banner up with nothing left to click); published years are never flagged."""
    inside = [d for d in CAL.unconfirmed_dates(2027) if d <= D("2027-05-31")]
    assert inside and len(inside) < len(CAL.unconfirmed_dates(2027))
    cal = WorkCalendar(CalendarOverrides(restdays=frozenset(inside)))
    assert cal.estimated_years(D("2026-06-01"), D("2027-05-31")) == []
    assert cal.estimated_years(D("2027-01-01"), D("2027-12-31")) == [2027]
    assert CAL.estimated_years(D("2019-01-01"), D("2026-12-31")) == []
    assert CAL.unconfirmed_dates(2020) == []


def test_2027_statutory_dates_known():
    for day in ("2027-01-01", "2027-02-06", "2027-10-01", "2027-10-03"):
        assert CAL.is_holiday(D(day)), day


def test_month_bounds():
    assert month_bounds(2026, 2) == (D("2026-02-01"), D("2026-02-28"))
    assert month_bounds(2026, 12) == (D("2026-12-01"), D("2026-12-31"))


@pytest.mark.parametrize("day", ["2026-04-06", "2026-05-04", "2026-10-05"])
def test_makeup_rest_day_class_holiday_pays_buja_days_as_statutory(day):
    # HD-06: 补假 weekdays (for a statutory date on a weekend) are rest days by default, 300 % days when chosen
    d = dt.date.fromisoformat(day)
    assert WorkCalendar().day_type(d) == DayType.RESTDAY
    assert WorkCalendar(makeup_rest_day_class="holiday").day_type(d) == DayType.HOLIDAY


@pytest.mark.parametrize("day", ["2026-05-05", "2026-10-06", "2026-10-07", "2026-02-20"])
def test_makeup_rest_day_class_leaves_swapped_rest_days_alone(day):
    # 调休 rest days (swapped with a make-up workday) stay rest days either way (HD-05)
    d = dt.date.fromisoformat(day)
    assert WorkCalendar(makeup_rest_day_class="holiday").day_type(d) == DayType.RESTDAY


def test_calendar_of_a_scenario_reads_its_rules():
    import dataclasses

    from roster.model import Rules, Scenario
    sc = Scenario(rules=dataclasses.replace(Rules(), makeup_rest_day_class="holiday"))
    assert WorkCalendar.of(sc).day_type(dt.date(2026, 10, 5)) == DayType.HOLIDAY
    assert WorkCalendar.of(Scenario()).day_type(dt.date(2026, 10, 5)) == DayType.RESTDAY


def test_makeup_class_holiday_also_applies_to_a_confirmed_buja_day():
    # confirming the estimated 2027 dates puts the 补假 days into the rest-day overrides; the switch still applies
    d = dt.date(2027, 2, 9)  # the package's "(observed)" day for the Spring Festival
    over = CalendarOverrides(restdays=frozenset({d}))
    assert WorkCalendar(over).day_type(d) == DayType.RESTDAY
    assert WorkCalendar(over, "holiday").day_type(d) == DayType.HOLIDAY
    # a user-entered workday wins
    assert WorkCalendar(CalendarOverrides(workdays=frozenset({d})), "holiday").day_type(d) == DayType.WORKDAY


def test_a_holiday_block_nobody_entered_keeps_its_neighbourhood_estimated():
    """Sweep #16: with only the 2027 Spring Festival entered, April 2027 was reported as confirmed (no warning, the
    Excel 说明 said the user's dates were used) although the Labour Day block next to it — whose make-up workdays
    the package cannot estimate — was never entered."""
    spring = CalendarOverrides(
        holidays=frozenset(D(f"2027-02-0{d}") for d in (5, 6, 7, 8)),
        restdays=frozenset(D(f"2027-02-{d}") for d in ("09", "10", "11", "12")),
        workdays=frozenset({D("2027-01-31"), D("2027-02-20")}))
    cal = WorkCalendar(spring)
    assert cal.estimated_years(D("2027-01-25"), D("2027-02-28")) == []  # the block that was entered
    assert cal.estimated_years(D("2027-04-01"), D("2027-04-30")) == [2027]
    assert D("2027-04-05") in cal.unconfirmed_dates(2027) and D("2027-05-01") in cal.unconfirmed_dates(2027)
    assert cal.estimated_years(D("2027-03-01"), D("2027-03-28")) == []  # out of every unentered block's reach
    # Qingming kept as a holiday and the Labour Day arrangement entered: April is the user's calendar now
    april = CalendarOverrides(holidays=spring.holidays | {D("2027-04-05"), D("2027-05-01"), D("2027-05-02")},
                              restdays=spring.restdays | {D("2027-05-03"), D("2027-05-04"), D("2027-05-05")},
                              workdays=spring.workdays | {D("2027-04-25")})
    assert WorkCalendar(april).estimated_years(D("2027-04-01"), D("2027-04-30")) == []
    # the alert the CLI, the roster JSON and the Excel 说明 sheet show follows the same rule
    sc = replace(sample_scenario(), calendar=spring)
    assert any("2027" in a for a in period_alerts(sc, D("2027-04-01"), D("2027-04-30")))
    assert not any("2027" in a for a in period_alerts(replace(sc, calendar=april), D("2027-04-01"), D("2027-04-30")))
