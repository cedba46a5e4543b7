"""Per-person .ics export."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from exports._synthetic import rotation_roster, rotation_scenario
from exports.ics import write_all_ics, write_ics
from exports.safe_write import ExportError
from roster.sample import sample_scenario


def _events(path):
    cal = Calendar.from_ical(path.read_bytes())
    return [c for c in cal.walk("VEVENT")]


def test_one_event_per_shift_in_shanghai_time(tmp_path):
    sc = sample_scenario()
    ro = rotation_roster(sc, dt.date(2026, 6, 1), 14)
    path = tmp_path / "s01.ics"
    write_ics(path, sc, ro, "s01")
    mine = sorted((a for a in ro.assignments if a.staff == "s01"), key=lambda a: a.start)
    events = _events(path)
    assert len(events) == len(mine) > 0
    names = {s.code: s.name for s in sc.shifts}
    for ev, a in zip(events, mine, strict=True):
        start = ev.decoded("dtstart")
        assert str(start.tzinfo) == "Asia/Shanghai"
        assert start.replace(tzinfo=None) == a.start
        assert ev.decoded("dtend").replace(tzinfo=None) == a.end
        assert str(ev["summary"]) == f"{names[a.shift]} {a.shift}"
    raw = path.read_bytes()
    assert b"TZID=Asia/Shanghai" in raw and b"BEGIN:VTIMEZONE" in raw
    assert "夜班 N".encode() in raw


def test_no_phone_numbers(tmp_path):
    sc = rotation_scenario(8)  # staff carry phone 13800000000 and an ID number
    ro = rotation_roster(sc, dt.date(2026, 6, 1), 7)
    files = write_all_ics(tmp_path / "ics", sc, ro)
    assert len(files) == 8
    for f in files:
        raw = f.read_bytes()
        assert b"13800000000" not in raw and b"110101199001011234" not in raw


def test_write_all_skips_people_without_shifts(tmp_path):
    sc = rotation_scenario(8)
    ro = rotation_roster(sc, dt.date(2026, 6, 1), 7)
    import dataclasses

    ro = dataclasses.replace(ro, assignments=tuple(a for a in ro.assignments if a.staff != "p03"))
    files = write_all_ics(tmp_path, sc, ro)
    assert len(files) == 7 and not any("p03" in f.name for f in files)
    total = sum(len(_events(f)) for f in files)
    assert total == len(ro.assignments)


def test_unknown_staff(tmp_path):
    sc = rotation_scenario(8)
    ro = rotation_roster(sc, dt.date(2026, 6, 1), 7)
    with pytest.raises(ExportError, match="未知员工"):
        write_ics(tmp_path / "x.ics", sc, ro, "nobody")
