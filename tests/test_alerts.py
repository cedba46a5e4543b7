"""The 综合计算工时 approval fallback (labour-law.md §0/§4) and the period alerts shown with every roster."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from roster.alerts import period_alerts
from roster.model import (
    Approval,
    Roster,
    Rules,
    Scenario,
    SettlementPeriod,
    Shift,
    Staff,
    WorkingTimeSystem,
    make_assignment,
)
from roster.sample import sample_scenario
from roster.validator import check

D = dt.date.fromisoformat
JUNE = (D("2026-06-01"), D("2026-06-30"))
VALID = Approval("京西人社综审字〔2026〕12号", D("2026-06-01"), D("2027-05-31"))


@pytest.mark.parametrize(
    ("approval", "falls_back"),
    [
        (Approval(), True),  # nothing entered
        (Approval("", D("2026-01-01"), D("2027-12-31")), True),  # dates but no number
        (Approval("京西人社综审字〔2026〕12号"), True),  # number but no validity dates
        (Approval("京西人社综审字〔2026〕12号", D("2026-01-01"), D("2026-06-10")), True),  # expires inside June
        (Approval("京西人社综审字〔2026〕12号", D("2026-06-02"), D("2026-12-31")), True),  # starts after June 1
        (VALID, False),
    ],
)
def test_comprehensive_needs_a_valid_approval_over_the_whole_period(approval, falls_back):
    rules = Rules(settlement_period=SettlementPeriod.QUARTER, approval=approval)
    got = rules.in_force(*JUNE)
    if falls_back:
        assert got.working_time_system == WorkingTimeSystem.STANDARD
        assert got.settlement_period == SettlementPeriod.MONTH and got.effective_daily_cap_hours() == 11
        assert got.approval == approval  # the record itself is kept for the exports
    else:
        assert got is rules


def test_standard_system_is_never_changed():
    rules = Rules(working_time_system=WorkingTimeSystem.STANDARD)
    assert rules.in_force(*JUNE) is rules
    assert Scenario(rules=rules).fallback_alert(*JUNE) is None


def test_alerts_name_the_reason_in_both_languages():
    sc = Scenario(rules=Rules(approval=Approval("京西人社综审字〔2026〕12号", D("2026-01-01"), D("2026-06-10"))))
    zh = period_alerts(sc, *JUNE)
    en = period_alerts(sc, *JUNE, lang="en")
    assert len(zh) == len(en) == 1
    assert "标准工时制" in zh[0] and "2026-06-10" in zh[0] and "CH-04" in zh[0]
    assert "standard working-time system" in en[0] and "2026-06-10" in en[0]
    assert "未录入审批文号" in period_alerts(Scenario(), *JUNE)[0]


def test_estimated_holiday_year_is_alerted_and_the_sample_is_not_alerted_in_2026():
    sc = sample_scenario()
    assert period_alerts(sc, *JUNE) == []  # the sample's approval covers the contract term; 2026 is published
    feb = period_alerts(sc, D("2027-02-01"), D("2027-02-28"))
    assert len(feb) == 1 and "2027" in feb[0] and "估算" in feb[0]
    assert "estimated" in period_alerts(sc, D("2027-02-01"), D("2027-02-28"), lang="en")[0]


def test_validator_applies_the_standard_daily_cap_without_approval():
    long_day = Shift("A", "长白班", 8 * 60, 12)
    staff = (Staff("s1", "甲"),)
    roster = Roster(D("2026-06-01"), 7, (make_assignment("s1", D("2026-06-01"), long_day),))
    without = Scenario(rules=Rules(), shifts=(long_day,), staff=staff)
    with_approval = dataclasses.replace(without, rules=Rules(approval=VALID))
    daily = [v for v in check(without, roster) if v.rule == "max_daily_hours"]
    assert len(daily) == 1 and daily[0].limit == 11 and daily[0].measured == 12
    assert [v for v in check(with_approval, roster) if v.rule == "max_daily_hours"] == []


def test_excel_notes_show_the_fallback():
    from exports.excel import build_workbook

    sc = dataclasses.replace(sample_scenario(), rules=Rules())
    day = D("2026-06-06")
    roster = Roster(day, 1, (make_assignment("s01", day, sc.shift("D")),))
    wb = build_workbook(sc, roster)
    notes = "\n".join(str(c.value) for row in wb.worksheets[4].iter_rows() for c in row if c.value is not None)
    assert "已按标准工时制处理" in notes
    approved = build_workbook(dataclasses.replace(sc, rules=Rules(approval=VALID)), roster)
    notes_ok = "\n".join(str(c.value) for row in approved.worksheets[4].iter_rows() for c in row if c.value)
    assert "已按标准工时制处理" not in notes_ok


D0 = D("2026-06-01")


def test_weekly_settlement_is_said_to_be_measured_per_month(tmp_path):
    from dataclasses import replace

    from openpyxl import load_workbook

    from exports.excel import write_workbook
    from roster.model import Roster, SettlementPeriod
    from roster.sample import sample_scenario

    sc = sample_scenario()
    assert not [a for a in period_alerts(sc, D0, D0) if "结算周期" in a]
    weekly = replace(sc, rules=replace(sc.rules, settlement_period=SettlementPeriod.WEEK))
    zh = [a for a in period_alerts(weekly, D0, D0) if "结算周期为周" in a]
    en = [a for a in period_alerts(weekly, D0, D0, "en") if a.startswith("Weekly settlement")]
    assert len(zh) == 1 and len(en) == 1 and "自然月" in zh[0]
    path = tmp_path / "w.xlsx"
    write_workbook(path, weekly, Roster(D0, 7, ()))
    notes = load_workbook(path).worksheets[-1]
    assert any("结算周期为周" in str(c.value) for row in notes.iter_rows() for c in row)


@pytest.mark.parametrize("first, days, month", [
    ("2027-01-30", 21, "2027年1月的 1月30日–1月31日"),  # a weekend tail: standard 0 h, cap 2.3 h a person
    ("2026-10-01", 1, "2026年10月的 10月1日–10月1日"),  # National Day alone
    ("2026-09-15", 28, "2026年10月的 10月1日–10月12日"),  # a period running into the National Day week
])
def test_a_partial_month_the_team_cannot_legally_staff_is_announced(first, days, month):
    sc = sample_scenario()
    start = D(first)
    alerts = period_alerts(sc, start, start + dt.timedelta(days=days - 1))
    hit = [a for a in alerts if month in a]
    assert len(hit) == 1 and "建议按整月排班" in hit[0]
    en = period_alerts(sc, start, start + dt.timedelta(days=days - 1), "en")
    assert any("Plan whole months" in a for a in en)


@pytest.mark.parametrize("first, days", [("2026-06-01", 28), ("2026-06-01", 7), ("2026-08-01", 31),
                                         ("2026-06-15", 30)])
def test_whole_months_and_workday_rich_parts_raise_no_partial_month_alert(first, days):
    start = D(first)
    alerts = period_alerts(sample_scenario(), start, start + dt.timedelta(days=days - 1))
    assert not any("建议按整月排班" in a for a in alerts)


def test_the_partial_month_alert_is_a_certain_shortfall():
    # the alert's room is an upper bound: a solve of the announced tail leaves demand uncovered
    from solver.api import SolveOptions, solve

    sc = sample_scenario()
    res = solve(sc, D("2026-10-01"), 1, SolveOptions(time_limit=3))
    assert res.shortfalls and any("建议按整月排班" in w for w in res.roster.solver.get("warnings", []))


def test_partial_month_alert_counts_the_cover_of_unpaid_breaks_and_nets_a_quarter():
    # 12 h spans with 4 h unpaid breaks: 8 paid hours cover 12 hours of demand, so the paid-hour room alone
    # (≈ 502 person-hours for 25–30 June) is no bound on the cover (576 demanded, ~548 reachable)
    from roster.model import DemandRule

    shifts = (Shift("L", "长白", 7 * 60, 12, 240), Shift("M", "长夜", 19 * 60, 12, 240))
    sc = dataclasses.replace(sample_scenario(), shifts=shifts, demand=(DemandRule("all", 0, 1440, 4),))
    assert not [a for a in period_alerts(sc, D("2026-06-25"), D("2026-06-30")) if "建议按整月排班" in a]
    # a 综合 quarter settlement nets its months: January's short tail is made up by February, no alert
    tail = (D("2027-01-30"), D("2027-02-19"))
    assert any("建议按整月排班" in a for a in period_alerts(sample_scenario(), *tail))
    quarter = dataclasses.replace(sample_scenario(), rules=dataclasses.replace(
        sample_scenario().rules, settlement_period=SettlementPeriod.QUARTER))
    assert not any("建议按整月排班" in a for a in period_alerts(quarter, *tail))
    # sweep #7: but a part that is alone in its quarter nets with nothing — 30 Sep (Q3) + 1 Oct (Q4, a holiday)
    short = [a for a in period_alerts(quarter, D("2026-09-30"), D("2026-10-01")) if "建议按整月排班" in a]
    assert short and all("10月1日" in a for a in short)
    # two months of one quarter inside the period, one of them partial: the test is made on their sum
    q3 = [a for a in period_alerts(quarter, D("2026-08-31"), D("2026-09-30"), "en") if "Plan whole months" in a]
    assert q3 == []
    everyone = dataclasses.replace(quarter, demand=(DemandRule("all", 0, 1440, 13),))
    (both,) = [a for a in period_alerts(everyone, D("2026-11-29"), D("2026-12-01")) if "建议按整月排班" in a]
    assert "综合工时结算周期中的 2026年11月29日–2026年12月1日（3 天，其中工作日 2 天）" in both


def test_input_alerts_name_statutory_limits_and_inputs_that_cannot_apply():
    """Sweep #6 F5/F9: accepted but questionable input is said, in Chinese and English."""
    import dataclasses as dc

    from roster.alerts import input_alerts
    from roster.model import CalendarOverrides, History, Shift
    from roster.sample import sample_scenario

    base = sample_scenario()
    first, last = dt.date(2026, 6, 1), dt.date(2026, 6, 28)
    assert input_alerts(base, first, last) == []
    staff = (dc.replace(base.staff[0], weekly_hours=44),) + base.staff[1:]
    sc = dc.replace(
        base,
        rules=dc.replace(base.rules, max_overtime_hours_per_month=500, min_rest_days_per_week=0,
                         max_consecutive_days=8, min_rest_hours=8, disabled=frozenset({"coverage"})),
        staff=staff,
        calendar=CalendarOverrides(holidays=frozenset({dt.date(2026, 6, 3)}), workdays=frozenset({dt.date(2026, 6, 3)})),
        shifts=base.shifts + (Shift("X", "长班", 8 * 60, 13), Shift("F", "法务班", 9 * 60, 8, 0, ("法务",))),
        history={"s02": History(overtime_minutes_month=3000)},
    )
    zh = "\n".join(input_alerts(sc, first, last))
    for words in ("500 小时", "36 小时（OT-03）", "每周至少休息一日", "8 天", "8 小时", "coverage", "张伟（44 小时）",
                  "2026-06-03", "班次 X", "法务", "s02 的历史加班（本月已用 50 小时）不适用"):
        assert words in zh, words
    mid = input_alerts(dc.replace(sc, rules=base.rules), dt.date(2026, 6, 15), last, "en")
    assert any("s02's history overtime of 50 h is already over the cap of 36 h" in a for a in mid)
    user_words = ("张伟", "法务")  # names and skills are the user's own text
    for a in mid:
        for w in user_words:
            a = a.replace(w, "")
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in a), a


def test_a_holiday_in_a_short_month_part_that_no_shift_can_legally_cover_is_alerted():
    """Sweep #6 F8: 2026-12-28 + 10 days holds 1–6 Jan 2027 (cap 36 × 6/31 = 6.97 h); any 8-h shift on 1 Jan is
    8 h of 300 % overtime, so nobody may work it — said up front, not only after the solve."""
    from roster.alerts import period_alerts
    from roster.sample import sample_scenario

    sc = sample_scenario()
    zh = period_alerts(sc, dt.date(2026, 12, 28), dt.date(2027, 1, 6))
    hit = [a for a in zh if a.startswith("1月1日是法定节假日")]
    assert len(hit) == 1 and "6.97 小时" in hit[0] and "8 小时" in hit[0]
    assert hit[0].endswith("建议按整月排班（从 1 日开始）。")
    assert not [a for a in period_alerts(sc, dt.date(2027, 1, 1), dt.date(2027, 1, 31)) if "法定节假日" in a]
    # sweep #16: a cap a whole month could not hold the shift under either — whole months are not the advice then
    import dataclasses as dc

    from roster.model import DemandRule

    low = dc.replace(sc, rules=dc.replace(sc.rules, max_overtime_hours_per_month=7),
                     demand=(DemandRule("all", 8 * 60, 16 * 60, 1),))
    (zh_low,) = [a for a in period_alerts(low, dt.date(2026, 12, 28), dt.date(2027, 1, 6)) if a.startswith("1月1日")]
    assert "整月排班" not in zh_low and "提高到至少 8 小时" in zh_low
    (en_low,) = [a for a in period_alerts(low, dt.date(2026, 12, 28), dt.date(2027, 1, 6), "en")
                 if a.startswith("2027-01-01")]
    assert "whole month" in en_low and "Plan whole months" not in en_low


def test_history_above_the_pro_rata_share_and_locks_of_inactive_staff_are_said():
    import dataclasses as dc

    from roster.alerts import input_alerts
    from roster.model import History, Lock
    from roster.sample import sample_scenario

    base = sample_scenario()
    first, last = dt.date(2026, 7, 20), dt.date(2026, 7, 25)  # 25 of 31 days from the 1st: 29.03 h
    sc = dc.replace(base, history={"s02": History(overtime_minutes_month=30 * 60)})
    (a,) = input_alerts(sc, first, last)
    assert "s02 本月已加班 30 小时" in a and "29.03 小时" in a
    assert input_alerts(dc.replace(sc, history={"s02": History(overtime_minutes_month=20 * 60)}), first, last) == []
    staff = base.staff[:12] + (dc.replace(base.staff[12], active=False),)
    sc2 = dc.replace(base, staff=staff, locked=(Lock("s13", dt.date(2026, 7, 21), "D"),))
    assert input_alerts(sc2, first, last) == ["已停用人员的锁定不起作用（不排班、不检查）：s13。"]


def test_the_holiday_alert_speaks_of_the_templates_that_could_cover_the_short_hours():
    # sweep #9 F4: the least paid hours over *all* templates was printed ("至少计薪 0.47 小时，超过…上限 9 小时"),
    # also for hours no template covers at all (not a cap problem)
    from roster.model import DemandRule

    sc = sample_scenario()
    long_eve = dataclasses.replace(sc.shift("E"), code="M", name="长中班", start=14 * 60, hours=10.5)
    stub = dataclasses.replace(sc.shift("D"), code="S", name="短班", start=8 * 60, hours=2.0)  # 2 h: within the cap
    sc = dataclasses.replace(sc, shifts=(stub, long_eve), locked=(),
                             staff=tuple(dataclasses.replace(p, requests=()) for p in sc.staff),
                             demand=(DemandRule("all", 8 * 60, 10 * 60, 1), DemandRule("all", 16 * 60, 24 * 60, 2)))
    # 2026-02-10 … 16: 16 Feb is a statutory holiday; the part's pro-rata cap is 36 × 7/28 = 9 h
    zh = [a for a in period_alerts(sc, dt.date(2026, 2, 10), dt.date(2026, 2, 16)) if "法定节假日" in a]
    assert len(zh) == 1 and "16:00–24:00" in zh[0] and "10 小时" in zh[0] and "9 小时" in zh[0], zh
    no_cover = dataclasses.replace(sc, demand=(DemandRule("all", 4 * 60, 6 * 60, 1),))  # no template covers 04–06
    assert not [a for a in period_alerts(no_cover, dt.date(2026, 2, 10), dt.date(2026, 2, 16)) if "法定节假日" in a]


def test_locks_just_after_the_period_are_alerted_off_locks_and_far_ones_are_not():
    """Sweep #12: a `--after` chain plans September without October's locks; October then cannot keep them."""
    from roster.model import Lock

    sc = sample_scenario()
    first, last = D("2026-09-01"), D("2026-09-30")
    near = dataclasses.replace(sc, locked=(Lock("s01", D("2026-10-01"), "D"), Lock("s02", D("2026-10-03"), "N")))
    got = [a for a in period_alerts(near, first, last) if "本期结束后" in a]
    assert len(got) == 1 and "2 个锁定" in got[0] and "10月1日 s01 D" in got[0]
    assert any("2 locks fall within 7 days after this period" in a for a in period_alerts(near, first, last, "en"))
    far = dataclasses.replace(sc, locked=(Lock("s01", D("2026-10-01"), "OFF"), Lock("s02", D("2026-10-09"), "D")))
    assert not [a for a in period_alerts(far, first, last) if "本期结束后" in a]
    # locks no plan can keep (an inactive person, an unknown shift) are not counted; one lock "falls"
    gone = dataclasses.replace(sc.staff[2], active=False)
    odd = dataclasses.replace(sc, staff=(*sc.staff[:2], gone, *sc.staff[3:]),
                              locked=(Lock(gone.id, D("2026-10-02"), "D"), Lock("s01", D("2026-10-02"), "Z"),
                                      Lock("s02", D("2026-10-03"), "N")))
    assert any("1 lock falls within 7 days" in a for a in period_alerts(odd, first, last, "en"))
