"""Per-person iCalendar (.ics) files: one VEVENT per shift, times in Asia/Shanghai (SPEC.md §5, optional).

Summary "夜班 N", location-free, no phone or ID numbers.  UIDs are stable (staff, date, shift), so a
re-exported file updates the events in a calendar app instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from PySide6.QtCore import QT_TRANSLATE_NOOP

from roster.model import Roster, Scenario

from ._common import Msg, _s, shift_times, team_name
from .safe_write import ExportError, atomic_write

T_UNKNOWN_STAFF = _s("Ics", QT_TRANSLATE_NOOP("Ics", "未知员工编号 {staff}，无法导出日历。"),
                     "Unknown staff id {staff}: no calendar exported.")
T_NO_FOLDER = _s("Ics", QT_TRANSLATE_NOOP("Ics", "无法创建文件夹 {folder}：{reason}。请选择其他保存位置。"),
                 "Cannot create the folder {folder}: {reason}. Choose another location.")

TZ_NAME = "Asia/Shanghai"
PRODID = "-//roster//排班 12345//ZH"


def build_calendar(scenario: Scenario, roster: Roster, staff_id: str, *,
                   stamp: dt.datetime | None = None) -> Calendar:
    try:
        person = scenario.person(staff_id)
    except KeyError:
        raise ExportError(Msg("Ics", T_UNKNOWN_STAFF, staff=repr(staff_id))) from None
    tz = ZoneInfo(TZ_NAME)
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    shifts = scenario.shift_map()
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{person.name} 排班 {roster.start.isoformat()}–{roster.end.isoformat()}")
    cal.add("x-wr-timezone", TZ_NAME)
    team = team_name(scenario, "zh")
    for a in sorted((a for a in roster.assignments if a.staff == staff_id), key=lambda a: a.start):
        sh = shifts.get(a.shift)
        name = sh.name if sh else a.shift
        ev = Event()
        ev.add("uid", f"{roster.start.isoformat()}-{staff_id}-{a.date.isoformat()}-{a.shift}@roster.local")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", a.start.replace(tzinfo=tz))
        ev.add("dtend", a.end.replace(tzinfo=tz))
        ev.add("summary", f"{name} {a.shift}")
        desc = f"{team}\n{name} {a.shift} {shift_times(sh)}" if sh else team
        ev.add("description", desc)
        ev.add("transp", "OPAQUE")
        ev.add("categories", ["排班"])
        cal.add_component(ev)
    cal.add_missing_timezones(first_date=roster.start - dt.timedelta(days=1),
                              last_date=roster.end + dt.timedelta(days=2))
    return cal


def write_ics(path: str | os.PathLike, scenario: Scenario, roster: Roster, staff_id: str) -> None:
    """One person's shifts as an .ics file (atomic write; :class:`ExportError` on failure)."""
    data = build_calendar(scenario, roster, staff_id).to_ical()
    atomic_write(path, lambda tmp: tmp.write_bytes(data))


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def ics_filename(scenario: Scenario, staff_id: str) -> str:
    person = scenario.person(staff_id)
    name = _UNSAFE.sub("_", person.name).strip(" .") or staff_id
    return f"{_UNSAFE.sub('_', staff_id)}_{name[:40]}.ics"


def write_all_ics(folder: str | os.PathLike, scenario: Scenario, roster: Roster) -> list[Path]:
    """One .ics per person holding at least one shift; returns the files written."""
    out_dir = Path(folder)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError(Msg("Ics", T_NO_FOLDER, folder=str(out_dir), reason=e.strerror or type(e).__name__),
                          path=out_dir) from None
    working = {a.staff for a in roster.assignments}
    files = []
    for p in scenario.staff:
        if p.id not in working:
            continue
        target = out_dir / ics_filename(scenario, p.id)
        write_ics(target, scenario, roster, p.id)
        files.append(target)
    return files
