"""Staff/leave import from .xlsx: a corpus of bad files generated here; every bad row is reported."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import openpyxl
import pytest
from openpyxl import Workbook, load_workbook

from exports.xlsx_import import (
    LEAVE_COLUMNS,
    STAFF_COLUMNS,
    ImportReport,
    RowError,
    import_staff_leave,
    write_template,
)
from roster.model import LeaveKind
from roster.sample import sample_scenario

D = dt.date.fromisoformat
STAFF_HEAD = [zh for _k, zh, _e, _r in STAFF_COLUMNS]
LEAVE_HEAD = [zh for _k, zh, _e, _r in LEAVE_COLUMNS]


def _book(path, staff_rows=(), leave_rows=(), *, staff_head=STAFF_HEAD, leave_head=LEAVE_HEAD):
    wb = Workbook()
    ws = wb.active
    ws.title = "员工"
    ws.append(list(staff_head))
    for r in staff_rows:
        ws.append(list(r))
    ws2 = wb.create_sheet("请假")
    ws2.append(list(leave_head))
    for r in leave_rows:
        ws2.append(list(r))
    wb.save(path)
    return path


def _errors(path, sc=None) -> list[RowError]:
    with pytest.raises(ImportReport) as e:
        import_staff_leave(path, sc or sample_scenario())
    assert str(e.value).startswith("无法导入")
    return e.value.errors


def _one(path, sc=None) -> str:
    errs = _errors(path, sc)
    assert len(errs) == 1, errs
    return errs[0].reason


def test_defusedxml_is_used():
    assert openpyxl.xml.DEFUSEDXML is True


def _filled_in(path):
    """The template as a user fills it: the example rows' values kept, but a real name and notes (an unmodified
    example row is skipped, see test_unmodified_template_example_rows_are_skipped)."""
    wb = load_workbook(path)
    wb.worksheets[0].cell(2, 2).value = "王五"
    for ws in wb.worksheets[1:3]:
        ws.cell(2, ws.max_column).value = "真实数据"
    wb.save(path)
    return path


def test_template_round_trip(tmp_path):
    path = tmp_path / "t.xlsx"
    write_template(path)
    wb = load_workbook(path)
    assert wb.sheetnames[:2] == ["员工", "请假"]
    assert [c.value for c in wb["员工"][1]] == STAFF_HEAD
    assert [c.value for c in wb["请假"][1]] == LEAVE_HEAD
    sc = sample_scenario()
    out = import_staff_leave(_filled_in(path), sc)
    assert len(out.staff) == len(sc.staff) + 1
    new = out.person("s14")
    assert new.skills == ("审核", "统计") and new.hire_date == D("2026-06-01")
    assert new.leave[0].period.start == D("2026-07-06") and new.leave[0].kind == LeaveKind.ANNUAL
    # importing the same file again changes nothing (leave already there)
    again = import_staff_leave(path, out)
    assert again.person("s14").leave == new.leave


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_unmodified_template_example_rows_are_skipped(tmp_path, lang):
    """GUI review #13: importing the template as exported added a person "示例 张三" with the example leave."""
    path = tmp_path / "t.xlsx"
    write_template(path, sample_scenario(), lang=lang)
    with pytest.raises(ImportReport) as e:
        import_staff_leave(path, sample_scenario())
    assert e.value.file_level and "示例" in str(e.value)
    # a real row beside the example rows: only the real one comes in
    wb = load_workbook(path)
    wb.worksheets[0].append(["s20", "赵六", "", "", 40, "是", "是", "2026-06-01", None, 5])
    wb.worksheets[1].append(["s20", "2026-07-06", "2026-07-06", "年假", ""])
    wb.save(path)
    out = import_staff_leave(path, sample_scenario())
    assert [p.id for p in out.staff] == [p.id for p in sample_scenario().staff] + ["s20"]
    assert len(out.person("s20").leave) == 1
    # a real person's leave written over the example row, its note left as it was, is imported (review of
    # session 11: it was skipped without a word)
    wb = load_workbook(path)
    for col, value in enumerate(["s03", "2026-07-20", "2026-07-24", "病假"], start=1):
        wb.worksheets[1].cell(2, col).value = value
    wb.save(path)
    out = import_staff_leave(path, sample_scenario())
    assert any(lv.period.start == D("2026-07-20") for lv in out.person("s03").leave)


def test_english_template(tmp_path):
    path = tmp_path / "en.xlsx"
    write_template(path, lang="en")
    wb = load_workbook(path)
    assert wb.sheetnames[:2] == ["Staff", "Leave"]
    assert wb["Staff"].cell(1, 1).value == "Staff id"
    # the example values are English too (the helper of GUI review #13: 是 / 年假 / 二、四 in the English template)
    assert [c.value for c in wb["Staff"][2]][5:7] == ["yes", "yes"] and wb["Leave"].cell(2, 4).value == "annual"
    assert wb["Unavailable"].cell(2, 6).value == "2,4"
    out = import_staff_leave(_filled_in(path), sample_scenario())
    assert out.person("s14").name == "王五" and out.person("s14").leave[0].kind == LeaveKind.ANNUAL
    assert out.person("s14").unavailable[0].weekdays == (2, 4)


def test_update_existing_keeps_private_fields(tmp_path):
    sc = sample_scenario()
    path = _book(tmp_path / "u.xlsx", [("s03", "李娜（改）", "SCH0003", "统计", 32, "否", "是", None, None, 7)],
                 [("s03", "2026-07-01", "2026-07-02", "病假", "")])
    out = import_staff_leave(path, sc)
    p = out.person("s03")
    assert p.name == "李娜（改）" and p.weekly_hours == 32 and p.night_ok is False and p.annual_leave_days == 7
    assert [lv.kind for lv in p.leave] == [LeaveKind.ANNUAL, LeaveKind.SICK]  # existing June leave kept
    assert len(out.staff) == len(sc.staff)
    assert [q.id for q in out.staff] == [q.id for q in sc.staff]


def test_every_bad_row_reported_and_nothing_changed(tmp_path):
    sc = sample_scenario()
    staff = [
        ("s20", "好人", "E20", "审核", 40, "是", "是", "2026-06-01", None, 5),  # row 2: fine
        ("s21", "坏日期", "E21", "", 40, "是", "是", "2026-13-45", None, 5),  # row 3: bad hire date
        ("s20", "重复", "E22", "", 40, "是", "是", None, None, 5),  # row 4: duplicate id
        ("s23", "怪技能", "E23", "飞行", 40, "是", "是", None, None, 5),  # row 5: unknown skill
        ("s24", "", "E24", "", 40, "是", "是", None, None, 5),  # row 6: empty name
        ("s25", "工时", "E25", "", 99, "也许", "是", None, None, 5),  # row 7: hours + bool
        ("s26", "离职早", "E26", "", 40, "是", "是", "2026-06-10", "2026-06-01", 5),  # row 8: last < hire
    ]
    leave = [
        ("s20", "2026-07-01", "2026-07-05", "年假", ""),  # row 2: fine
        ("s20", "2026-07-04", "2026-07-06", "病假", ""),  # row 3: overlaps row 2
        ("s03", "2026-06-09", "2026-06-12", "事假", ""),  # row 4: overlaps existing 06-08..06-10
        ("nobody", "2026-07-01", "2026-07-01", "年假", ""),  # row 5: unknown staff
        ("s01", "2026-07-09", "2026-07-01", "年假", ""),  # row 6: end before start
        ("s01", "7月1日", "2026-07-02", "度假", ""),  # row 7: bad date + unknown kind
    ]
    path = _book(tmp_path / "bad.xlsx", staff, leave)
    errs = _errors(path, sc)
    got = {(e.sheet, e.row, e.column) for e in errs}
    expected = {
        ("员工", 3, "H"), ("员工", 4, "A"), ("员工", 5, "D"), ("员工", 6, "B"), ("员工", 7, "E"),
        ("员工", 7, "F"), ("员工", 8, "I"),
        ("请假", 3, "B"), ("请假", 4, "B"), ("请假", 5, "A"), ("请假", 6, "C"), ("请假", 7, "B"), ("请假", 7, "D"),
    }
    assert got == expected, sorted(got ^ expected)
    reasons = " ".join(e.reason for e in errs)
    for word in ("无法识别", "重复", "未知技能", "姓名不能为空", "超出范围", "“是”或“否”", "早于", "重叠", "未知员工编号",
                 "未知请假类型"):
        assert word in reasons, word
    # the message names sheet, row and column
    assert "工作表“员工” 第 3 行 H 列" in str(next(e for e in errs if e.row == 3 and e.sheet == "员工"))


def test_wrong_headers(tmp_path):
    path = _book(tmp_path / "h.xlsx", [("s20", "x")], staff_head=["编号", "名字"])
    errs = _errors(path)
    assert errs[0].row == 1 and "缺少必填列：员工编号、姓名" in errs[0].reason and "编号" in errs[0].reason


def test_empty_workbook(tmp_path):
    path = _book(tmp_path / "empty.xlsx")
    assert "没有数据行" in _one(path)
    wb = Workbook()
    wb.active.title = "Sheet1"
    wb.save(tmp_path / "nosheet.xlsx")
    assert "没有“员工”或“请假”工作表" in _one(tmp_path / "nosheet.xlsx")


def test_xls_renamed(tmp_path):
    path = tmp_path / "old.xlsx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 4000)
    assert "97-2003" in _one(path)


def test_password_protected(tmp_path):
    path = tmp_path / "secret.xlsx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le")
                     + b"\0" * 2000)
    assert "密码" in _one(path)


def test_not_a_zip(tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_text("员工编号,姓名\ns20,张三\n", encoding="utf-8")
    assert "不是 Excel 工作簿" in _one(path)
    empty = tmp_path / "zero.xlsx"
    empty.write_bytes(b"")
    assert "空的" in _one(empty)
    assert "不存在" in _one(tmp_path / "missing.xlsx")


def test_zip_but_not_workbook(tmp_path):
    path = tmp_path / "doc.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w/>")
    assert "Word" in _one(path)
    other = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("hello.txt", "hi")
    assert "xl/workbook.xml" in _one(other)


def test_zip_bomb(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (8 * 1024 * 1024))
    assert path.stat().st_size < 100_000
    assert "压缩炸弹" in _one(path)


def test_too_big(tmp_path):
    path = tmp_path / "big.xlsx"
    with path.open("wb") as f:
        f.write(b"PK\x03\x04")
        f.truncate(11 * 1024 * 1024)
    assert "10 MB" in _one(path)


def test_corrupt_zip_parts(tmp_path):
    path = tmp_path / "corrupt.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<not xml")
        zf.writestr("xl/workbook.xml", "<also not xml")
    assert "无法作为 Excel 工作簿读取" in _one(path)


def test_xml_entity_attack_refused(tmp_path):
    """A billion-laughs DTD in a worksheet is refused by defusedxml, reported, never expanded."""
    good = tmp_path / "good.xlsx"
    _book(good, [("s20", "张三", "E20", "", 40, "是", "是", None, None, 5)])
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]>')
    src = zipfile.ZipFile(io.BytesIO(good.read_bytes()))
    path = tmp_path / "evil.xlsx"
    patched = False
    with zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":  # openpyxl writes inline strings
                assert b"E20" in data
                body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
                data = bomb.encode() + body.replace(b"E20", b"&lol3;")
                patched = True
            out.writestr(info, data)
    assert patched
    reason = _one(path)
    assert "不安全的 XML" in reason and "EntitiesForbidden" in reason


def test_allowed_skills_list(tmp_path):
    path = _book(tmp_path / "s.xlsx", [("s20", "张三", "E20", "飞行", 40, "是", "是", None, None, 5)])
    out = import_staff_leave(path, sample_scenario(), allowed_skills=["飞行", "审核"])
    assert out.person("s20").skills == ("飞行",)


def test_dates_as_excel_dates_and_text(tmp_path):
    path = _book(tmp_path / "d.xlsx", [("s20", "张三", "E20", "", 40, "是", "是", dt.datetime(2026, 6, 1), None, 5)],
                 [("s20", dt.date(2026, 7, 1), "2026/7/3", "调休", "")])
    out = import_staff_leave(path, sample_scenario())
    p = out.person("s20")
    assert p.hire_date == D("2026-06-01")
    assert p.leave[0].period.start == D("2026-07-01") and p.leave[0].period.end == D("2026-07-03")
    assert p.leave[0].kind == LeaveKind.COMP


def test_template_for_a_scenario_imports_cleanly(tmp_path):
    """The GUI passes its scenario: the example uses that team's skills and a free id."""
    from exports._synthetic import rotation_scenario

    sc = rotation_scenario(8)  # no skills at all
    path = tmp_path / "t.xlsx"
    write_template(path, sc, lang="zh")
    out = import_staff_leave(_filled_in(path), sc)
    assert len(out.staff) == 9 and out.staff[-1].skills == ()
    sample = sample_scenario()
    write_template(path, sample)
    new = import_staff_leave(_filled_in(path), sample).staff[-1]
    assert new.id == "s14" and set(new.skills) <= {"审核", "统计", "值班长"} and new.leave
    notes = load_workbook(path)["填写说明"]
    assert "值班长" in " ".join(str(c.value) for c in notes["A"])


def test_unavailable_sheet_imports_times_and_reports_each_bad_row(tmp_path):
    from exports.xlsx_import import AWAY_COLUMNS
    from roster.model import DateRange, Unavailable

    # the template's example: every Tuesday and Thursday of July 22:00 to 06:00 the next day
    path = tmp_path / "t.xlsx"
    write_template(path)
    assert load_workbook(path).sheetnames[:3] == ["员工", "请假", "不可排班"]
    out = import_staff_leave(_filled_in(path), sample_scenario())
    assert out.person("s14").unavailable == (Unavailable(DateRange(D("2026-07-01"), D("2026-07-31")), 1320, 360, (2, 4),
                                                         "真实数据"),)
    assert import_staff_leave(path, out).person("s14").unavailable == out.person("s14").unavailable  # idempotent

    head = [zh for _k, zh, _e, _r in AWAY_COLUMNS]
    wb = Workbook()
    ws = wb.active
    ws.title = "不可排班"
    ws.append(head)
    ws.append(["s02", D("2026-06-01"), D("2026-06-30"), dt.time(8, 0), dt.time(12, 0), "1,3", ""])  # Excel values
    ws.append(["s03", "2026-06-10", "2026-06-10", None, None, None, "全天"])
    ws.append(["s04", "2026-06-10", "2026-06-09", "08:00", "08:00", "周八", ""])  # three errors
    ws.append(["zz", "2026-06-10", "2026-06-10", "25:00", None, None, ""])  # two errors
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    errs = _errors(bad)
    assert [(e.row, e.column) for e in errs] == [(4, "C"), (4, "E"), (4, "F"), (5, "A"), (5, "D")]
    assert all(e.sheet == "不可排班" for e in errs)
    ws.delete_rows(4, 2)
    good = tmp_path / "good.xlsx"
    wb.save(good)
    out = import_staff_leave(good, sample_scenario())
    assert out.person("s02").unavailable == (Unavailable(DateRange(D("2026-06-01"), D("2026-06-30")), 480, 720, (1, 3)),)
    assert out.person("s03").unavailable[0].start == 0 and out.person("s03").unavailable[0].end == 1440


CJK = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")


def test_english_reasons_for_an_english_template(tmp_path):
    """GUI review #13: in the English UI every reason was Chinese (每周合同工时："forty"不是数字) even for a template
    exported in English.  The problems are kept language-neutral: ``str()`` Chinese (CLI), ``text("en")`` English."""
    path = tmp_path / "en.xlsx"
    write_template(path, lang="en")
    wb = load_workbook(path)
    ws = wb["Staff"]
    ws.append(["s40", "Ann", "", "", "forty", "maybe", "yes", "2026-06-01", "", 5])
    wb["Leave"].append(["s40", "2026-07-01", "2026-07-02", "holiday", ""])
    wb.save(path)
    with pytest.raises(ImportReport) as e:
        import_staff_leave(path, sample_scenario())
    report = e.value
    hours = next(x for x in report.errors if x.column == "E")
    assert hours.reason == "每周合同工时：“forty”不是数字"  # Chinese stays the default
    assert hours.reason_text("en") == 'Weekly hours: "forty" is not a number'
    assert hours.text("en") == 'Sheet "Staff", row 3, column E: Weekly hours: "forty" is not a number'
    assert str(hours) == "工作表“Staff” 第 3 行 E 列：每周合同工时：“forty”不是数字"
    kind = next(x for x in report.errors if x.column == "D" and x.sheet == "Leave")
    assert kind.reason_text("en") == ('Unknown leave kind "holiday"; use one of: Annual, Sick, Personal, Marriage, '
                                      "Maternity, Comp, Bereavement, Other")
    english = report.text("en")
    assert english.startswith("Cannot import en.xlsx: 3 problem(s) found; nothing was changed.")
    assert '"maybe" must be yes or no' in english
    assert not CJK.search(english), english
    assert str(report).startswith("无法导入 en.xlsx：发现 3 处问题")


def test_english_file_level_and_header_reasons(tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_text("id,name\n", encoding="utf-8")
    with pytest.raises(ImportReport) as e:
        import_staff_leave(path, sample_scenario())
    assert e.value.file_level
    assert e.value.errors[0].text("en").startswith("This is not an Excel workbook (.xlsx)")
    path = _book(tmp_path / "h.xlsx", [("s20", "x")], staff_head=["编号", "名字"])
    errs = _errors(path)
    assert not errs[0].file_level
    assert errs[0].reason_text("en").startswith("Required columns missing: Staff id, Name. The headers should be: "
                                                "Staff id, Name, Employee no.")


def test_a_date_that_does_not_exist_says_so(tmp_path):
    """2026-02-31 is written as YYYY-MM-DD: "无法识别，请写成 YYYY-MM-DD" was wrong, the date does not exist."""
    path = _book(tmp_path / "d.xlsx", [("s20", "张三", "", "", 40, "是", "是", "2026-02-31", None, 5)],
                 [("s01", "2026-7-1", "2026/06/31", "年假", "")])
    errs = _errors(path)
    assert [(e.sheet, e.row, e.column) for e in errs] == [("员工", 2, "H"), ("请假", 2, "C")]
    for e in errs:
        assert "不存在" in e.reason and "真实存在的日期" in e.reason and "无法识别" not in e.reason, e.reason
        assert "does not exist" in e.reason_text("en")
    assert "“2026-02-31”" in errs[0].reason and "“2026/06/31”" in errs[1].reason
    # a date in another shape is still "not recognised"
    path = _book(tmp_path / "x.xlsx", [("s20", "张三", "", "", 40, "是", "是", "31.2.2026", None, 5)])
    reason = _one(path)
    assert "无法识别" in reason and "YYYY-MM-DD" in reason
