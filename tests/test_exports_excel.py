"""Excel workbook: content checked against roster.hours / roster.validator / the roster itself."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zipfile

import pytest
from openpyxl import load_workbook

from exports._synthetic import rotation_roster, rotation_scenario, with_leave
from exports.excel import sheet_names, write_workbook
from roster.calendar import WorkCalendar
from roster.demand import demand_for_date
from roster.hours import month_hours
from roster.model import LeaveKind, Roster
from roster.validator import RULES, check

START = dt.date(2026, 6, 1)  # a Monday
EVIL = '=HYPERLINK("http://x")'
NAMES = {0: EVIL, 1: "+SUM(1,2)", 2: "-1+2", 3: "@cmd", 4: "王芳"}


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    sc = rotation_scenario(8, names=NAMES)
    ro = rotation_roster(sc, START, 28)
    path = tmp_path_factory.mktemp("xl") / "rota.xlsx"
    write_workbook(path, sc, ro, generated_at=dt.datetime(2026, 5, 20, 9, 30))
    return sc, ro, path, load_workbook(path)


@pytest.fixture(scope="module")
def dirty(tmp_path_factory):
    """Two assignments removed (coverage gaps) and a leave day worked."""
    sc = rotation_scenario(8, names=NAMES)
    sc = with_leave(sc, 5, dt.date(2026, 6, 10), dt.date(2026, 6, 10), LeaveKind.SICK)
    full = rotation_roster(sc, START, 28, skip_leave=False)
    dropped = [a for a in full.assignments if (a.staff, a.date) in {("p02", dt.date(2026, 6, 3)),
                                                                     ("p07", dt.date(2026, 6, 20))}]
    assert len(dropped) == 2
    ro = dataclasses.replace(full, assignments=tuple(a for a in full.assignments if a not in dropped))
    path = tmp_path_factory.mktemp("xl") / "dirty.xlsx"
    write_workbook(path, sc, ro)
    return sc, ro, dropped, path, load_workbook(path)


def _rows(ws):
    return list(ws.iter_rows())


def test_sheet_names_zh_and_en(clean, tmp_path):
    sc, ro, _path, wb = clean
    assert wb.sheetnames == ["排班表", "工时汇总", "覆盖", "合规", "说明"] == sheet_names("zh")
    write_workbook(tmp_path / "en.xlsx", sc, ro, lang="en")
    wb_en = load_workbook(tmp_path / "en.xlsx")
    assert wb_en.sheetnames == ["Rota", "Hours", "Coverage", "Compliance", "Notes"]
    hours = wb_en["Hours"]
    assert hours.cell(1, 1).value == "Name"
    assert "Paid hours" in [c.value for c in hours[1]]
    # the legal sources of the rule table are English too (rows 2… until the blank row)
    comp = wb_en["Compliance"]
    sources = [comp.cell(r, 3).value for r in range(2, comp.max_row + 1) if comp.cell(r, 1).value in RULES]
    assert len(sources) == len(RULES)
    assert not any("\u4e00" <= ch <= "\u9fff" for text in sources for ch in text)


def test_hours_sheet_equals_month_hours(clean):
    sc, ro, _path, wb = clean
    ws = wb["工时汇总"]
    header = [c.value for c in ws[1]]
    col = {h: i for i, h in enumerate(header)}
    fields = {"计薪工时": "paid_hours", "标准工时": "standard_hours", "工作日延时 150%": "ot150_hours",
              "休息日加班 200%": "ot200_hours", "法定节假日 300%": "ot300_hours", "加班合计（36 小时上限口径）": "overtime_total_hours",
              "另计：本月期前已加班（小时）": "prior_overtime_hours",
              "夜间工时": "night_hours", "调休获得（小时）": "comp_earned_hours", "调休使用（小时）": "comp_taken_hours",
              "本月调休增减（小时）": "comp_balance_hours", "出勤天数": "days_worked", "人天（计费）": "person_days"}
    assert set(fields) <= set(col)
    names = {p.id: p.name for p in sc.staff}
    sheet_rows = {(r[0].value, r[2].value): r for r in ws.iter_rows(min_row=2) if r[2].value}
    expected = month_hours(sc, ro, cal=WorkCalendar(sc.calendar))
    assert expected
    for mh in expected:
        row = sheet_rows[(names[mh.staff], f"{mh.year}-{mh.month:02d}")]
        for head, field in fields.items():
            cell = row[col[head]]
            assert cell.value == getattr(mh, field), (mh.staff, head)
            assert isinstance(cell.value, (int, float)), "numbers must be numbers"
        assert row[col["工作日历日数"]].value == len(mh.working_dates)
        assert row[col["年假（天）"]].value == mh.leave_days.get("annual", 0)
        assert row[col["计薪工时"]].number_format == "0.0"
    # the running comp balance: the person's monthly changes summed up to this month
    for mh in expected:
        row = sheet_rows[(names[mh.staff], f"{mh.year}-{mh.month:02d}")]
        to_date = sum(m.comp_balance_hours for m in expected
                      if m.staff == mh.staff and (m.year, m.month) <= (mh.year, mh.month))
        assert row[col["调休累计余额（小时）"]].value == pytest.approx(to_date)
    # the per-person block shows each person's balance at the period end
    block = next(i for i, r in enumerate(ws.iter_rows(values_only=True)) if r[0] and "按人员汇总" in str(r[0]))
    per_person = [r for r in ws.iter_rows(min_row=block + 3, values_only=True) if r[2] == "全期"]
    assert per_person
    for r in per_person:
        sid = next(p.id for p in sc.staff if p.name == r[0])
        end = sum(m.comp_balance_hours for m in expected if m.staff == sid)
        assert r[col["调休累计余额（小时）"]] == pytest.approx(end)
    total = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "合计")
    assert total[col["计薪工时"]].value == pytest.approx(sum(m.paid_hours for m in expected))
    assert total[col["人天（计费）"]].value == sum(m.person_days for m in expected)
    # billing table: person-days per natural month
    by_month: dict[str, int] = {}
    for m in expected:
        by_month[f"{m.year}-{m.month:02d}"] = by_month.get(f"{m.year}-{m.month:02d}", 0) + m.person_days
    rows = _rows(ws)
    start = next(i for i, r in enumerate(rows) if r[0].value and "计费人天" in str(r[0].value))
    billing = {}
    for r in rows[start + 2:]:
        if not r[0].value:
            break
        billing[r[0].value] = r[2].value
    assert billing == by_month
    assert sum(by_month.values()) == len(ro.assignments)
    # per-person period totals (调休 balance, overtime) equal roster.hours.totals_by_staff
    from roster.hours import totals_by_staff

    start = next(i for i, r in enumerate(rows) if r[0].value and "按人员汇总" in str(r[0].value))
    per_person = {r[0].value: r for r in rows[start + 2:] if r[0].value}
    tots = totals_by_staff(expected)
    assert len(per_person) == len(tots) == len(sc.staff)
    for sid, tot in tots.items():
        row = per_person[names[sid]]
        for head, field in fields.items():
            assert row[col[head]].value == getattr(tot, field), (sid, head)


def _cover_index(ws):
    out = {}
    for r in ws.iter_rows(min_row=2):
        if isinstance(r[0].value, dt.datetime) and r[2].value:
            out[(r[0].value.date(), r[2].value)] = r
    return out


def _people_covering_hour(ro: Roster, day: dt.date, h: int) -> int:
    s = dt.datetime.combine(day, dt.time()) + dt.timedelta(hours=h)
    return sum(1 for a in ro.assignments if a.start <= s and a.end >= s + dt.timedelta(hours=1))


def test_coverage_sheet_matches_roster_and_demand(clean):
    sc, ro, _path, wb = clean
    idx = _cover_index(wb["覆盖"])
    cal = WorkCalendar(sc.calendar)
    assert len(idx) == 2 * ro.days
    for day in ro.dates():
        sched, need = idx[(day, "排班 总人数")], idx[(day, "需求 总人数")]
        dem = demand_for_date(sc, day, cal)[None]
        for h in range(24):
            assert sched[3 + h].value == _people_covering_hour(ro, day, h)
            assert need[3 + h].value == max(dem[2 * h], dem[2 * h + 1])
            assert sched[3 + h].fill.fgColor.rgb != "00FF9C9C"
        assert sched[27].value == 0


def test_coverage_shortfalls_highlighted(dirty):
    sc, ro, dropped, _path, wb = dirty
    idx = _cover_index(wb["覆盖"])
    red = set()
    for (day, item), row in idx.items():
        if item.startswith("排班"):
            for h in range(24):
                if row[3 + h].fill.fgColor.rgb == "00FF9C9C":
                    red.add((day, h))
    expected = set()
    for a in dropped:
        t = a.start
        while t < a.end:
            expected.add((t.date(), t.hour))
            t += dt.timedelta(hours=1)
    assert red == expected
    short = {day: row[27].value for (day, item), row in idx.items() if item.startswith("排班")}
    assert short[dt.date(2026, 6, 3)] == 8.0 and short[dt.date(2026, 6, 20)] == 8.0


def test_compliance_clean_roster(clean):
    sc, ro, _path, wb = clean
    assert check(sc, ro) == []
    ws = wb["合规"]
    results = {r[0].value: r for r in ws.iter_rows(min_row=2) if r[0].value in RULES}
    assert set(results) == set(RULES)
    for rid, r in results.items():
        assert r[3].value == "通过"
        assert r[2].value == RULES[rid].source
        assert r[4].value == 0
    assert any(c.value == "0 违规" for row in ws.iter_rows() for c in row)


def test_compliance_lists_violations(dirty):
    sc, ro, _dropped, _path, wb = dirty
    violations = check(sc, ro)
    assert violations
    ws = wb["合规"]
    summary = []
    for r in ws.iter_rows(min_row=2):
        if r[0].value == "违规明细":
            break
        summary.append(r)
    results = {r[0].value: r for r in summary if r[0].value in RULES}
    for rid in RULES:
        n = sum(1 for v in violations if v.rule == rid)
        assert results[rid][4].value == n
        assert results[rid][3].value == (f"违规 {n} 条" if n else "通过")
    assert not any(c.value == "0 违规" for row in ws.iter_rows() for c in row)
    header_row = next(i for i, r in enumerate(_rows(ws)) if r[0].value == "违规明细")
    listed = []
    for r in _rows(ws)[header_row + 2:]:
        if r[0].value == "提示（不违规，供审核人核对）":  # the advisories follow the violations
            break
        if r[0].value:
            listed.append(r)
    assert len(listed) == len(violations)
    assert {r[0].value for r in listed} == {v.rule for v in violations}


def test_rota_sheet_cells_headcounts_and_marks(clean):
    sc, ro, _path, wb = clean
    ws = wb["排班表"]
    names = {p.name: p for p in sc.staff}
    by_sd = ro.by_staff_date()
    week_starts = [r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith("第 ")]
    assert len(week_starts) == 4
    seen = 0
    for w, top in enumerate(week_starts):
        monday = START + dt.timedelta(days=7 * w)
        assert ws.cell(top + 1, 3).value == f"{monday.month}月{monday.day}日"
        assert ws.cell(top + 2, 3).value.startswith("周一")
        r = top + 3
        while ws.cell(r, 1).value in names:
            p = names[ws.cell(r, 1).value]
            assert ws.cell(r, 2).value == p.employee_no
            for i in range(7):
                a = by_sd.get((p.id, monday + dt.timedelta(days=i)))
                assert ws.cell(r, 3 + i).value == (a.shift if a else None)
                if a:
                    seen += 1
                    colour = sc.shift(a.shift).color.lstrip("#").upper()
                    assert ws.cell(r, 3 + i).fill.fgColor.rgb.endswith(colour)
            r += 1
        while ws.cell(r, 1).value != "在岗人数":
            r += 1
        for i in range(7):
            day = monday + dt.timedelta(days=i)
            assert ws.cell(r, 3 + i).value == sum(1 for a in ro.assignments if a.date == day)
    assert seen == len(ro.assignments)
    # June 19 2026 is 端午节 (statutory), June 20/21 rest days
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
    assert "周五 节" in texts and "周六 休" in texts
    assert any("排班人" in t for t in texts) and any("审核人" in t for t in texts)
    assert any("D 白班\n08:00–16:00" == t for t in texts)


def test_makeup_workday_mark(tmp_path):
    sc = rotation_scenario(8)
    ro = rotation_roster(sc, dt.date(2026, 9, 14), 28)  # 2026-09-20 (Sun) and 10-10 (Sat) are 调休上班
    write_workbook(tmp_path / "a.xlsx", sc, ro)
    ws = load_workbook(tmp_path / "a.xlsx")["排班表"]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
    assert "周日 班" in texts and "周四 节" in texts  # 10-01 Thursday National Day


def test_print_setup_and_panes(clean):
    _sc, _ro, _path, wb = clean
    ws = wb["排班表"]
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == "9"  # A4
    assert ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows in ("1:2", "$1:$2")
    assert ws.freeze_panes == "C3"
    assert len(ws.row_breaks.brk) == 4  # one per week block
    for name in ("工时汇总", "覆盖", "合规", "说明"):
        assert wb[name].page_setup.orientation == "landscape"
        assert str(wb[name].page_setup.paperSize) == "9"
    assert wb["工时汇总"].freeze_panes == "D2"


def test_formula_like_text_stays_text(clean):
    sc, _ro, path, wb = clean
    evil = {NAMES[i] for i in range(4)}
    found: dict[str, set[str]] = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if c.value in evil:
                    assert c.data_type == "s"
                    found.setdefault(c.value, set()).add(ws.title)
    assert found[EVIL] == {"排班表", "工时汇总"}
    assert all(found[n] for n in evil)
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in zf.read(name)


def test_no_private_data(clean):
    sc, _ro, path, _wb = clean
    with zipfile.ZipFile(path) as zf:
        blob = b"".join(zf.read(n) for n in zf.namelist())
    for p in sc.staff:
        assert p.phone and p.phone.encode() not in blob
        assert p.id_number and p.id_number.encode() not in blob


def test_notes_sheet(clean, tmp_path):
    sc, ro, _path, wb = clean
    notes = {r[0].value: r[1].value for r in wb["说明"].iter_rows(min_row=2)}
    assert notes["生成时间"] == "2026-05-20 09:30:00"
    assert notes["软件版本"].startswith("roster ")
    assert notes["求解状态"] == "可行（未证明最优）（FEASIBLE）"  # in words (GUI review), the code kept
    assert notes["最优性差距"] == "16.67%"
    assert "估算" not in notes["日历警告"]
    assert notes["最多连续工作天数"] == 6
    # a 2027 period warns that the calendar is estimated
    ro27 = rotation_roster(sc, dt.date(2027, 1, 4), 14)
    write_workbook(tmp_path / "b.xlsx", sc, ro27, solver_info={})
    notes27 = {r[0].value: r[1].value for r in load_workbook(tmp_path / "b.xlsx")["说明"].iter_rows(min_row=2)}
    assert "2027" in notes27["日历警告"] and "估算" in notes27["日历警告"]
    # …and the wall sheet says it in its title rows, printed on every page (sweep #16)
    wall27 = load_workbook(tmp_path / "b.xlsx")["排班表"]["A2"].value
    assert "2027 年节假日调休安排为估算" in wall27
    assert "估算" not in wb["排班表"]["A2"].value
    assert notes27["求解状态"] == "未经求解器（手工排班）"
    # once the user has entered (confirmed) the dates, they are not called "official" either
    from roster.calendar import WorkCalendar
    from roster.model import CalendarOverrides, DayType
    cal = WorkCalendar()
    pend = cal.unconfirmed_dates(2027)
    over = CalendarOverrides(holidays=frozenset(d for d in pend if cal.day_type(d) == DayType.HOLIDAY),
                             restdays=frozenset(d for d in pend if cal.day_type(d) == DayType.RESTDAY),
                             workdays=frozenset(d for d in pend if cal.day_type(d) == DayType.WORKDAY))
    write_workbook(tmp_path / "c.xlsx", dataclasses.replace(sc, calendar=over), ro27, solver_info={})
    notes_c = {r[0].value: r[1].value for r in load_workbook(tmp_path / "c.xlsx")["说明"].iter_rows(min_row=2)}
    assert "用户" in notes_c["日历警告"] and "官方发布" not in notes_c["日历警告"]


def test_partial_weeks_and_overwrite(tmp_path):
    sc = rotation_scenario(8)
    ro = rotation_roster(sc, dt.date(2026, 6, 3), 10)  # Wed .. Fri next week
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"old content")
    write_workbook(target, sc, ro)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.xlsx"]  # no temp files left
    ws = load_workbook(target)["排班表"]
    assert len(ws.row_breaks.brk) == 2
    top = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith("第 1 周"))
    assert ws.cell(top + 1, 3).value is None and ws.cell(top + 1, 5).value == "6月3日"


def test_translation_sources_complete():
    """Every leave label has a literal lupdate source; every English fallback is non-empty."""
    from exports._common import _LEAVE_SOURCES, english_fallbacks
    from roster.model import LEAVE_LABELS_ZH

    assert set(_LEAVE_SOURCES) == set(LEAVE_LABELS_ZH.values())
    fb = english_fallbacks()
    assert len(fb) > 100 and all(v.strip() for v in fb.values())
    assert fb[("Excel", "工时汇总")] == "Hours"


def test_layering_no_widgets_or_ui():
    import ast
    from pathlib import Path

    import exports

    for path in Path(exports.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for n in names:
                assert not n.startswith(("ui", "solver")), (path.name, n)
                assert "QtWidgets" not in n, (path.name, n)


def test_quarter_settlement_block_pays_the_settled_excess(tmp_path):
    import dataclasses
    import datetime as dt

    from exports.excel import build_workbook
    from roster.model import Approval, Roster, Rules, Scenario, SettlementPeriod, Staff, make_assignment
    from roster.sample import default_shifts

    rules = Rules(settlement_period=SettlementPeriod.QUARTER,
                  approval=Approval("京西人社综审字〔2026〕12号", dt.date(2026, 6, 1), dt.date(2027, 5, 31)))
    sc = Scenario(rules=rules, shifts=default_shifts(), staff=(Staff("c", "丙"),))
    d_shift = sc.shift("D")
    start = dt.date(2026, 10, 1)
    days = [start + dt.timedelta(days=i) for i in range(31)]
    work = [d for d in days if d.day >= 8][:20]  # 20 shifts (160 h) in October, none in November
    roster = Roster(start, 61, tuple(make_assignment("c", d, d_shift) for d in work))
    ws = build_workbook(sc, roster)["工时汇总"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    title = next(i for i, r in enumerate(rows) if r[0] and str(r[0]).startswith("综合计算工时按季结算"))
    head = rows[title + 1]
    settled = rows[title + 2]
    col = {h: i for i, h in enumerate(head) if h}
    # October alone: 160 h against 144 → 16 h provisional; over Oct–Nov: 160 h against 144 + 168 → nothing to pay
    assert settled[col["计薪工时"]] == 160 and settled[col["标准工时"]] == 312
    assert settled[col["工作日延时 150%"]] == 0
    assert settled[col["状态"]] == "结算期未完（预估）"  # Oct–Nov of the Oct–Dec quarter
    # its cap measure includes the start month's history overtime: a header of its own (review of session 15)
    assert "加班合计（含期前已加班，上限口径）" in col and "加班合计（36 小时上限口径）" not in col
    month_rows = [r for r in rows if r[2] == "2026-10"]
    assert month_rows and month_rows[0][7] == 16  # the month row keeps its provisional figure
    # sweep #8: the whole-period row and the total take the settled 150 % (and cap measure), not the months' sum
    hcol = {h: i for i, h in enumerate(rows[0]) if h}
    (whole,) = [r for r in rows if r[2] == "全期"]
    (total,) = [r for r in rows if r[0] == "合计"]
    assert whole[hcol["工作日延时 150%"]] == 0 and total[hcol["工作日延时 150%"]] == 0
    assert whole[hcol["加班合计（36 小时上限口径）"]] == 0
    # a monthly settlement gets no such block
    monthly = build_workbook(dataclasses.replace(sc, rules=dataclasses.replace(rules, settlement_period=SettlementPeriod.MONTH)),
                             roster)["工时汇总"]
    assert not any(str(c.value or "").startswith("综合计算工时按") for r in monthly.iter_rows() for c in r)


def test_per_person_row_shows_the_comp_balance_at_the_period_end():
    import datetime as dt

    from exports.excel import build_workbook
    from roster.model import Roster, Rules, Scenario, Staff, WorkingTimeSystem, make_assignment
    from roster.sample import default_shifts

    sc = Scenario(rules=Rules(working_time_system=WorkingTimeSystem.STANDARD), shifts=default_shifts(),
                  staff=(Staff("c", "丙"),))
    # rest-day work under the standard system is banked as 调休 (1:1); a full week before it gives nothing back
    week = [dt.date(2026, 6, k) for k in range(1, 7)]
    roster = Roster(dt.date(2026, 6, 1), 7, tuple(make_assignment("c", d, sc.shift("D")) for d in week))
    ws = build_workbook(sc, roster)["工时汇总"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    col = {h: i for i, h in enumerate(rows[0]) if h}
    (whole,) = [r for r in rows if r[2] == "全期"]
    assert whole[col["调休累计余额（小时）"]] == 8


def test_standard_rest_day_work_given_back_by_weekdays_off_is_not_paid_200():
    # sweep #7 / review: Mon–Wed + Sat–Sun worked, Thu–Fri off — the weekend is given back, 0 h at 200 %
    import datetime as dt

    from exports.excel import build_workbook
    from roster.model import Roster, Rules, Scenario, Staff, WorkingTimeSystem, make_assignment
    from roster.sample import default_shifts

    sc = Scenario(rules=Rules(working_time_system=WorkingTimeSystem.STANDARD), shifts=default_shifts(),
                  staff=(Staff("c", "丙"),))
    days = [dt.date(2026, 6, k) for k in (1, 2, 3, 6, 7)]
    roster = Roster(dt.date(2026, 6, 1), 7, tuple(make_assignment("c", d, sc.shift("D")) for d in days))
    ws = build_workbook(sc, roster)["工时汇总"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    col = {h: i for i, h in enumerate(rows[0]) if h}
    ot200 = next(h for h in col if "200%" in str(h))
    (whole,) = [r for r in rows if r[2] == "全期"]
    assert whole[col[ot200]] == 0
    assert whole[col["调休累计余额（小时）"]] == 0


def test_hours_sheet_shows_the_history_overtime_beside_the_cap_measure(tmp_path):
    # sweep #14 F8: a period starting 06-15 after 20 h of overtime earlier in June showed only the period's part in
    # the cap column; the history's 20 h now stand beside it
    from roster.model import History

    sc = rotation_scenario(8)
    sid = sc.staff[0].id
    sc = dataclasses.replace(sc, history={sid: History(overtime_minutes_month=20 * 60)})
    ro = rotation_roster(sc, dt.date(2026, 6, 15), 14)
    path = tmp_path / "h.xlsx"
    write_workbook(path, sc, ro)
    ws = load_workbook(path)["工时汇总"]
    col = {c.value: i for i, c in enumerate(ws[1])}
    rows = {(r[0].value, r[2].value): r for r in ws.iter_rows(min_row=2) if r[2].value}
    name = sc.staff[0].name
    assert rows[(name, "2026-06")][col["另计：本月期前已加班（小时）"]].value == 20
    assert rows[(sc.staff[1].name, "2026-06")][col["另计：本月期前已加班（小时）"]].value == 0
