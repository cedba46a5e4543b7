"""Import staff and leave from an .xlsx workbook (SPEC.md §5), all or nothing.

The workbook has the sheets 员工 (staff), 请假 (leave) and, optionally, 不可排班 (unavailable times);
:func:`write_template` writes an empty one with headers and an example row each.  :func:`import_staff_leave` checks the file before openpyxl sees it
(size ≤ 10 MB, a real zip, no zip bomb, not an old .xls / encrypted file) and then validates EVERY row;
when anything is wrong it raises :class:`ImportReport` listing all problems with sheet, row and column,
and the scenario is left unchanged.

Merge rules: a staff row whose 员工编号 exists in the scenario updates that person (name, employee no.,
skills, weekly hours, night/overtime flags, hire/leave dates, annual leave days; other fields such as
protected periods and wishes are kept); a new 员工编号 adds a person.  Leave rows are added to the
person's leave; a row identical to an existing leave is skipped (re-importing is harmless) and a row
overlapping other leave is an error.  Unavailable-time rows are added to the person's unavailable times (an
identical one is skipped).

XML parsing: openpyxl uses defusedxml when it is installed (it is a dependency), so entity-expansion
and external-entity attacks are refused; the zip checks bound the decompressed size.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import defusedxml
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from PySide6.QtCore import QT_TRANSLATE_NOOP

from roster.model import (
    LEAVE_LABELS_ZH,
    DateRange,
    Leave,
    LeaveKind,
    Scenario,
    Staff,
    Unavailable,
    parse_hhmm,
    parse_weekdays,
)

from ._common import Alt, Joined, Msg, _s
from .safe_write import atomic_write

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024  # whole archive
MAX_ENTRY_BYTES = 50 * 1024 * 1024  # one part
MAX_RATIO = 200  # compression ratio above which a big part is treated as a zip bomb
MAX_ENTRIES = 2000
MAX_ROWS = 5000

OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = b"PK\x03\x04"

SHEET_STAFF = "员工"
SHEET_LEAVE = "请假"
SHEET_AWAY = "不可排班"
SHEET_NAMES_EN = {SHEET_STAFF: "Staff", SHEET_LEAVE: "Leave", SHEET_AWAY: "Unavailable"}

# (key, Chinese header, English header, required)
STAFF_COLUMNS: tuple[tuple[str, str, str, bool], ...] = (
    ("id", "员工编号", "Staff id", True),
    ("name", "姓名", "Name", True),
    ("employee_no", "工号", "Employee no.", False),
    ("skills", "技能", "Skills", False),
    ("weekly_hours", "每周合同工时", "Weekly hours", False),
    ("night_ok", "可上夜班", "Night work OK", False),
    ("overtime_ok", "可加班", "Overtime OK", False),
    ("hire_date", "入职日期", "Hire date", False),
    ("leave_date", "离职日期", "Last day", False),
    ("annual_leave_days", "年假天数", "Annual leave days", False),
)
LEAVE_COLUMNS: tuple[tuple[str, str, str, bool], ...] = (
    ("id", "员工编号", "Staff id", True),
    ("from", "开始日期", "From", True),
    ("to", "结束日期", "To", True),
    ("kind", "类型", "Kind", True),
    ("note", "备注", "Note", False),
)
AWAY_COLUMNS: tuple[tuple[str, str, str, bool], ...] = (
    ("id", "员工编号", "Staff id", True),
    ("from", "开始日期", "From", True),
    ("to", "结束日期", "To", True),
    ("start", "开始时间", "Start time", False),
    ("end", "结束时间", "End time", False),
    ("weekdays", "星期", "Weekdays", False),
    ("note", "备注", "Note", False),
)
AWAY_EXAMPLE = ("s14", "2026-07-01", "2026-07-31", "22:00", "06:00", "二、四", "示例行：每周二、周四 22:00 至次日 06:00")
STAFF_EXAMPLE = ("s14", "示例 张三", "SCH0014", "审核,统计", 40, "是", "是", "2026-06-01", None, 5)
LEAVE_EXAMPLE = ("s14", "2026-07-06", "2026-07-08", "年假", "示例行，可删除")
#: the English template's example values (the importer reads yes/no, the English leave kinds and weekday numbers)
STAFF_EXAMPLE_EN = ("s14", "Example Zhang San", "SCH0014", "审核,统计", 40, "yes", "yes", "2026-06-01", None, 5)
LEAVE_EXAMPLE_EN = ("s14", "2026-07-06", "2026-07-08", "annual", "Example row, delete it")
AWAY_EXAMPLE_EN = ("s14", "2026-07-01", "2026-07-31", "22:00", "06:00", "2,4",
                   "Example row: Tuesdays and Thursdays 22:00 to 06:00 the next day")
#: how the importer knows the template's example rows (skipped, never imported as a person)
EXAMPLE_NAMES = frozenset({STAFF_EXAMPLE[1], STAFF_EXAMPLE_EN[1]})
EXAMPLE_NOTE_PREFIXES = ("示例行", "Example row")

_TRUE = {"是", "y", "yes", "true", "1", "可", "可以", "√", "✓"}
_FALSE = {"否", "n", "no", "false", "0", "不可", "不可以", "×", "✗"}

# ---------------------------------------------------------------------------------------------- messages
# Every problem is kept as a Msg (Chinese source + arguments, English next to it): ``str()`` of a RowError or an
# ImportReport is Chinese (the CLI), ``text("en")`` English — the GUI shows the language of its UI.
CTX = "Import"
T_WHERE_SHEET = _s(CTX, QT_TRANSLATE_NOOP("Import", "工作表“{sheet}”"), "Sheet \"{sheet}\"")
T_WHERE_ROW = _s(CTX, QT_TRANSLATE_NOOP("Import", "第 {row} 行"), "row {row}")
T_WHERE_COLUMN = _s(CTX, QT_TRANSLATE_NOOP("Import", "{column} 列"), "column {column}")
T_CANNOT_IMPORT = _s(CTX, QT_TRANSLATE_NOOP("Import", "无法导入"), "Cannot import")
T_CANNOT_IMPORT_FILE = _s(CTX, QT_TRANSLATE_NOOP("Import", "无法导入 {name}"), "Cannot import {name}")
T_SUMMARY = _s(CTX, QT_TRANSLATE_NOOP("Import", "{head}：发现 {n} 处问题，未做任何更改。"),
               "{head}: {n} problem(s) found; nothing was changed.")
T_MORE = _s(CTX, QT_TRANSLATE_NOOP("Import", "…… 另有 {n} 处问题"), "… and {n} more problem(s)")
# file-level problems
T_F_NOT_FOUND = _s(CTX, QT_TRANSLATE_NOOP("Import", "文件不存在，请检查路径。"), "The file does not exist; check the path.")
T_F_UNREADABLE = _s(CTX, QT_TRANSLATE_NOOP("Import", "无法读取文件（{reason}），如已在 Excel 中打开请先关闭。"),
                    "Cannot read the file ({reason}); if it is open in Excel, close it first.")
T_F_TOO_BIG = _s(CTX, QT_TRANSLATE_NOOP("Import", "文件过大（{size} MB），导入文件不能超过 10 MB。"),
                 "The file is too large ({size} MB); an import file may be at most 10 MB.")
T_F_EMPTY = _s(CTX, QT_TRANSLATE_NOOP("Import", "文件是空的（0 字节）。"), "The file is empty (0 bytes).")
T_F_ENCRYPTED = _s(CTX, QT_TRANSLATE_NOOP(
    "Import", "文件设有打开密码（已加密），无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）"
              "后另存为 .xlsx 再导入。"),
    "The file has an opening password (it is encrypted) and cannot be read. Remove the password in Excel (File → "
    "Info → Protect Workbook → Encrypt with Password, clear it), save as .xlsx and import that.")
T_F_XLS = _s(CTX, QT_TRANSLATE_NOOP(
    "Import", "这是旧版 Excel 97-2003 (.xls) 文件，只是扩展名被改成了 .xlsx。请在 Excel 中打开后“另存为 → Excel 工作簿 (*.xlsx)”"
              "再导入。"),
    "This is an old Excel 97-2003 (.xls) file whose extension was changed to .xlsx. Open it in Excel, use \"Save "
    "As → Excel Workbook (*.xlsx)\" and import that.")
T_F_NOT_XLSX = _s(CTX, QT_TRANSLATE_NOOP(
    "Import", "不是 Excel 工作簿 (.xlsx) 文件（可能是 CSV、文本或损坏的文件）。请用模板另存为 .xlsx 后导入。"),
    "This is not an Excel workbook (.xlsx) (it may be a CSV, a text or a damaged file). Save it as .xlsx from the "
    "template and import that.")
T_F_DAMAGED = _s(CTX, QT_TRANSLATE_NOOP("Import", "文件已损坏，无法作为 .xlsx 打开。"),
                 "The file is damaged and cannot be opened as .xlsx.")
T_F_PARTS = _s(CTX, QT_TRANSLATE_NOOP("Import", "文件结构异常（包含 {n} 个部件），已拒绝导入。"),
               "The file has an unusual structure ({n} parts) and was refused.")
T_F_ENCRYPTED_PART = _s(CTX, QT_TRANSLATE_NOOP("Import", "文件内部含加密部件，无法读取。请取消密码后另存为 .xlsx。"),
                        "The file contains encrypted parts and cannot be read. Remove the password and save as .xlsx.")
T_F_BOMB = _s(CTX, QT_TRANSLATE_NOOP(
    "Import", "文件解压后异常巨大（部件 {part} 为 {size} MB），疑似“压缩炸弹”，已拒绝导入。"),
    "The file unpacks to an abnormal size (part {part} is {size} MB), probably a \"zip bomb\", and was refused.")
T_F_UNPACKED = _s(CTX, QT_TRANSLATE_NOOP("Import", "文件解压后超过 {limit} MB，已拒绝导入。"),
                  "The file unpacks to more than {limit} MB and was refused.")
T_F_WORD = _s(CTX, QT_TRANSLATE_NOOP("Import", "这是 Word 文档，不是 Excel 工作簿。"),
              "This is a Word document, not an Excel workbook.")
T_F_NO_WORKBOOK = _s(CTX, QT_TRANSLATE_NOOP(
    "Import", "不是 Excel 工作簿（缺少 xl/workbook.xml），可能是其他类型的压缩文件。"),
    "This is not an Excel workbook (xl/workbook.xml is missing); it may be another kind of zip file.")
T_F_UNSAFE_XML = _s(CTX, QT_TRANSLATE_NOOP(
    "Import", "文件含有不安全的 XML 内容（{kind}：实体或外部引用定义），已拒绝导入。请在 Excel 中新建工作簿并粘贴数据后再导入。"),
    "The file contains unsafe XML ({kind}: entity or external reference definitions) and was refused. Paste the "
    "data into a new Excel workbook and import that.")
T_F_UNREADABLE_BOOK = _s(CTX, QT_TRANSLATE_NOOP(
    "Import", "文件无法作为 Excel 工作簿读取（{kind}），可能已损坏、含有不安全内容或格式不受支持。请在 Excel 中打开后另存为 .xlsx "
              "再导入。"),
    "The file cannot be read as an Excel workbook ({kind}): it may be damaged, hold unsafe content or use an "
    "unsupported format. Open it in Excel, save as .xlsx and import that.")
T_F_NO_SHEETS = _s(CTX, QT_TRANSLATE_NOOP(
    "Import", "工作簿中没有“员工”或“请假”工作表（现有工作表：{titles}）。请使用导入模板。"),
    "The workbook has no Staff or Leave sheet (its sheets: {titles}). Use the import template.")
T_NONE = _s(CTX, QT_TRANSLATE_NOOP("Import", "（无）"), "(none)")
T_F_ONLY_EXAMPLES = _s(CTX, QT_TRANSLATE_NOOP("Import", "工作簿中只有模板的示例行（姓名“示例 张三”、备注以“示例行”开头），已跳过；请填写真实数据后再导入。"),
                       "The workbook holds only the template's example rows (name \u201cExample Zhang San\u201d, notes "
                       "starting with \u201cExample row\u201d), which are skipped: fill in real data and import again.")
T_F_NO_ROWS = _s(CTX, QT_TRANSLATE_NOOP("Import", "工作簿中没有数据行（“员工”和“请假”表除表头外都是空的）。"),
                 "The workbook has no data rows (the Staff and Leave sheets are empty below their headers).")
# headers
T_H_EMPTY = _s(CTX, QT_TRANSLATE_NOOP("Import", "第一行应为表头，但该行为空。请使用“导出导入模板”生成的文件。"),
               "Row 1 should hold the headers but is empty. Use a file made by \"Export import template\".")
T_H_DUPLICATE = _s(CTX, QT_TRANSLATE_NOOP("Import", "表头“{text}”重复"), "The header \"{text}\" appears twice")
T_H_MISSING = _s(CTX, QT_TRANSLATE_NOOP("Import", "缺少必填列：{missing}。表头应为：{expected}"),
                 "Required columns missing: {missing}. The headers should be: {expected}")
T_H_MISSING_UNKNOWN = _s(CTX, QT_TRANSLATE_NOOP(
    "Import", "缺少必填列：{missing}。表头应为：{expected}；无法识别的表头：{unknown}"),
    "Required columns missing: {missing}. The headers should be: {expected}; headers not recognised: {unknown}")
# cells
T_DATE = _s(CTX, QT_TRANSLATE_NOOP("Import", "日期“{text}”无法识别，请写成 YYYY-MM-DD（例如 2026-06-01）"),
            "Date \"{text}\" not recognised; write it as YYYY-MM-DD (e.g. 2026-06-01)")
T_DATE_NONE = _s(CTX, QT_TRANSLATE_NOOP("Import", "日期“{text}”不存在：须是真实存在的日期（月份 1–12，日不超过当月天数）"),
                 "Date \"{text}\" does not exist: it must be a real date (month 1–12, a day the month has)")
T_BOOL = _s(CTX, QT_TRANSLATE_NOOP("Import", "“{text}”应填“是”或“否”"), "\"{text}\" must be yes or no")
T_NUMBER = _s(CTX, QT_TRANSLATE_NOOP("Import", "应为数字"), "must be a number")
T_NOT_NUMBER = _s(CTX, QT_TRANSLATE_NOOP("Import", "“{text}”不是数字"), "\"{text}\" is not a number")
T_NOT_INTEGER = _s(CTX, QT_TRANSLATE_NOOP("Import", "{value} 应为整数"), "{value} must be a whole number")
T_RANGE = _s(CTX, QT_TRANSLATE_NOOP("Import", "{value} 超出范围 {lo}–{hi}"), "{value} is out of range {lo}–{hi}")
T_LEAVE_KIND = _s(CTX, QT_TRANSLATE_NOOP("Import", "未知请假类型“{text}”，可填：{kinds}"),
                  "Unknown leave kind \"{text}\"; use one of: {kinds}")
T_TIME = _s(CTX, QT_TRANSLATE_NOOP("Import", "时间“{text}”无法识别，请写成 HH:MM（例如 08:00）"),
            "Time \"{text}\" not recognised; write it as HH:MM (e.g. 08:00)")
T_START_BEFORE_24 = _s(CTX, QT_TRANSLATE_NOOP("Import", "开始时间应早于 24:00"), "The start time must be before 24:00")
T_SAME_TIMES = _s(CTX, QT_TRANSLATE_NOOP("Import", "结束时间与开始时间相同；全天不可排班请留空或写 00:00–24:00"),
                  "The end time equals the start time; for a whole day leave both empty or write 00:00–24:00")
T_WEEKDAYS = _s(CTX, QT_TRANSLATE_NOOP("Import", "无法识别的星期“{text}”（写 1–7 或 一、二…，例如 1,3 或 一、三；留空为每天）"),
                "Weekdays \"{text}\" not recognised (write 1–7 or Mon, Tue…, e.g. 1,3 or Mon, Wed; empty for every "
                "day)")
# staff rows
T_ID_EMPTY = _s(CTX, QT_TRANSLATE_NOOP("Import", "员工编号不能为空"), "The staff id is empty")
T_ID_TWICE = _s(CTX, QT_TRANSLATE_NOOP("Import", "员工编号“{sid}”重复（第 {row} 行已有）"),
                "Staff id \"{sid}\" appears twice (already in row {row})")
T_ID_LONG = _s(CTX, QT_TRANSLATE_NOOP("Import", "员工编号过长（最多 32 个字符）"),
               "The staff id is too long (at most 32 characters)")
T_NAME_EMPTY = _s(CTX, QT_TRANSLATE_NOOP("Import", "姓名不能为空"), "The name is empty")
T_NAME_LONG = _s(CTX, QT_TRANSLATE_NOOP("Import", "姓名过长（最多 40 个字符）"), "The name is too long (at most 40 characters)")
T_SKILLS = _s(CTX, QT_TRANSLATE_NOOP("Import", "未知技能：{bad}（可用技能：{known}）"), "Unknown skills: {bad} (known skills: {known})")
T_WEEKLY_HOURS = _s(CTX, QT_TRANSLATE_NOOP("Import", "每周合同工时：{problem}"), "Weekly hours: {problem}")
T_ANNUAL_DAYS = _s(CTX, QT_TRANSLATE_NOOP("Import", "年假天数：{problem}"), "Annual leave days: {problem}")
T_LAST_BEFORE_HIRE = _s(CTX, QT_TRANSLATE_NOOP("Import", "离职日期 {last} 早于入职日期 {hire}"),
                        "The last day {last} is before the hire date {hire}")
# leave and unavailable rows
T_UNKNOWN_ID = _s(CTX, QT_TRANSLATE_NOOP("Import", "未知员工编号“{sid}”（既不在当前班组，也不在“员工”表中）"),
                  "Unknown staff id \"{sid}\" (neither in the team nor on the Staff sheet)")
T_FROM_EMPTY = _s(CTX, QT_TRANSLATE_NOOP("Import", "开始日期不能为空"), "The start date is empty")
T_TO_EMPTY = _s(CTX, QT_TRANSLATE_NOOP("Import", "结束日期不能为空"), "The end date is empty")
T_TO_BEFORE_FROM = _s(CTX, QT_TRANSLATE_NOOP("Import", "结束日期 {end} 早于开始日期 {start}"),
                      "The end date {end} is before the start date {start}")
T_LEAVE_LONG = _s(CTX, QT_TRANSLATE_NOOP("Import", "请假超过一年，请检查日期"), "The leave is longer than a year; check the dates")
T_CLASH_EXISTING = _s(CTX, QT_TRANSLATE_NOOP(
    "Import", "{name}（{sid}）的请假 {start}–{end} 与已有请假 {other_start}–{other_end}（{kind}）重叠"),
    "The leave of {name} ({sid}) {start}–{end} overlaps the existing leave {other_start}–{other_end} ({kind})")
T_CLASH_ROW = _s(CTX, QT_TRANSLATE_NOOP("Import", "与第 {row} 行的请假 {start}–{end} 重叠"),
                 "Overlaps the leave in row {row}, {start}–{end}")


class _CellError(ValueError):
    """A cell's problem as a :class:`Msg` (``str()`` Chinese)."""

    def __init__(self, msg: Msg) -> None:
        self.msg = msg
        super().__init__(str(msg))


def _quoted(text: str) -> Alt:
    return Alt(f"“{text}”", f"\"{text}\"")


_DATE_SHAPE = re.compile(r"\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日")


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem: ``sheet`` name, Excel ``row`` (1-based; 0 = the whole file), ``column`` letter or ''.

    ``reason`` is the Chinese sentence; given as a :class:`Msg` (as the importer does) it is kept in ``message``
    and :meth:`reason_text` / :meth:`text` show it in another language."""

    sheet: str
    row: int
    column: str
    reason: str
    message: Msg | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if isinstance(self.reason, Msg):
            object.__setattr__(self, "message", self.reason)
            object.__setattr__(self, "reason", str(self.reason))

    @property
    def file_level(self) -> bool:
        """A problem of the whole file (not readable, no sheets, no rows …), not of a sheet, row or cell."""
        return not self.sheet and not self.row and not self.column

    def reason_text(self, lang: str = "zh") -> str:
        return self.message.text(lang) if self.message is not None else self.reason

    def text(self, lang: str = "zh") -> str:
        where = []
        if self.sheet:
            where.append(Msg(CTX, T_WHERE_SHEET, sheet=self.sheet).text(lang))
        if self.row:
            where.append(Msg(CTX, T_WHERE_ROW, row=self.row).text(lang))
        if self.column:
            where.append(Msg(CTX, T_WHERE_COLUMN, column=self.column).text(lang))
        if not where:
            return self.reason_text(lang)
        if lang == "zh":
            return f"{' '.join(where)}：{self.reason_text(lang)}"
        return f"{', '.join(where)}: {self.reason_text(lang)}"

    def __str__(self) -> str:
        return self.text("zh")


class ImportReport(Exception):
    """The import was refused; ``errors`` lists every problem found (nothing was changed).

    ``str()`` is the Chinese summary, ``text(lang)`` the summary in ``lang``."""

    def __init__(self, errors: Iterable[RowError], *, path: str | os.PathLike | None = None) -> None:
        self.errors: list[RowError] = list(errors)
        self.path = str(path) if path is not None else None
        super().__init__(self.text("zh"))

    @property
    def file_level(self) -> bool:
        """Every problem is about the whole file: there is no sheet, row or column to show."""
        return bool(self.errors) and all(e.file_level for e in self.errors)

    def text(self, lang: str = "zh") -> str:
        head = (Msg(CTX, T_CANNOT_IMPORT_FILE, name=Path(self.path).name) if self.path
                else Msg(CTX, T_CANNOT_IMPORT))
        lines = [Msg(CTX, T_SUMMARY, head=head, n=len(self.errors)).text(lang)]
        lines += [f"  • {e.text(lang)}" for e in self.errors[:30]]
        if len(self.errors) > 30:
            lines.append("  " + Msg(CTX, T_MORE, n=len(self.errors) - 30).text(lang))
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- template
def write_template(path: str | os.PathLike, scenario: Scenario | str | None = None, *, lang: str = "zh") -> None:
    """An import workbook with sheets 员工 and 请假, bold headers and one example row each.

    With a ``scenario`` the example row uses its skills and a free staff id, and the notes list the
    known skills.  (``write_template(path, "en")`` is accepted too: a string second argument is the language.)
    """
    if isinstance(scenario, str):
        scenario, lang = None, scenario
    en = lang == "en"
    example = list(STAFF_EXAMPLE_EN if en else STAFF_EXAMPLE)
    skills_known: list[str] = []
    if scenario is not None:
        skills_known = sorted(known_skills(scenario))
        example[3] = ",".join(skills_known[:2])
        taken = {p.id for p in scenario.staff}
        n = len(scenario.staff) + 1
        while f"s{n:02d}" in taken:
            n += 1
        example[0] = f"s{n:02d}"
        example[2] = f"SCH{n:04d}"
    leave_example = (example[0], *(LEAVE_EXAMPLE_EN if en else LEAVE_EXAMPLE)[1:])
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAMES_EN[SHEET_STAFF] if en else SHEET_STAFF
    _template_sheet(ws, STAFF_COLUMNS, tuple(example), en)
    ws2 = wb.create_sheet(SHEET_NAMES_EN[SHEET_LEAVE] if en else SHEET_LEAVE)
    _template_sheet(ws2, LEAVE_COLUMNS, leave_example, en)
    ws3 = wb.create_sheet(SHEET_NAMES_EN[SHEET_AWAY] if en else SHEET_AWAY)
    _template_sheet(ws3, AWAY_COLUMNS, (example[0], *(AWAY_EXAMPLE_EN if en else AWAY_EXAMPLE)[1:]), en)
    kinds = "、".join(LEAVE_LABELS_ZH[k] for k in LeaveKind)
    notes = wb.create_sheet("Notes" if en else "填写说明")
    lines_zh = [
        "“员工”表：每行一名员工；红色表头为必填。员工编号与现有员工相同时更新该员工，否则新增。",
        "技能用逗号分隔（例如：审核,统计），必须是班组中已有的技能"
        + (f"：{'、'.join(skills_known)}。" if skills_known else "。"),
        "“可上夜班”“可加班”填“是”或“否”；日期写成 YYYY-MM-DD（例如 2026-06-01）。",
        f"“请假”表：每行一段请假，类型可填：{kinds}。同一人的请假不能重叠。",
        "“不可排班”表（可选）：每行一段不可排班的时间，排班时必须遵守；开始/结束时间写 HH:MM，留空为全天，结束不晚于开始"
        "表示到次日；星期写 1–7 或 一、二…，留空为每天。",
        "第 2 行是示例（姓名“示例 张三”、备注以“示例行”开头），导入时跳过；请改成真实数据。任何一行有错时整份文件都不会导入，"
        "并列出所有错误。",
    ]
    lines_en = [
        "Staff sheet: one person per row; red headers are required. An existing staff id updates that person.",
        "Skills separated by commas (e.g. 审核,统计); they must be skills the team already uses"
        + (f": {', '.join(skills_known)}." if skills_known else "."),
        "Yes/no columns: yes or no (是 or 否 too); dates as YYYY-MM-DD.",
        f"Leave sheet: one leave period per row; kinds: {', '.join(k.value for k in LeaveKind)} (or {kinds}). "
        "Leave of one person must not overlap.",
        "Unavailable sheet (optional): one time a person cannot work per row, always kept by the roster; times as "
        "HH:MM, empty for the whole day, an end not after the start runs into the next day; weekdays 1–7 (empty: "
        "every day).",
        "Row 2 is an example (name \u201cExample Zhang San\u201d, notes starting with \u201cExample row\u201d): it is "
        "skipped on import; replace it with real data. Any bad row refuses the whole file and lists every error.",
    ]
    for i, line in enumerate(lines_en if en else lines_zh, start=1):
        notes.cell(row=i, column=1, value=line)
    notes.column_dimensions["A"].width = 110
    atomic_write(path, lambda tmp: wb.save(tmp))


def _template_sheet(ws, columns, example, en: bool) -> None:
    fill = PatternFill("solid", fgColor="E7E6E6")
    for col, (_key, zh, eng, required) in enumerate(columns, start=1):
        c = ws.cell(row=1, column=col, value=eng if en else zh)
        c.font = Font(bold=True, color="9C0006" if required else "000000")
        c.fill = fill
        ws.column_dimensions[get_column_letter(col)].width = 14
        v = example[col - 1]
        ws.cell(row=2, column=col, value=v)
    ws.freeze_panes = "A2"


# ---------------------------------------------------------------------------------------------- file checks
def _file_error(reason: Msg, path: str | os.PathLike) -> ImportReport:
    return ImportReport([RowError("", 0, "", reason)], path=path)


def check_file(path: str | os.PathLike) -> None:
    """Refuse anything that is not a plain, reasonably small .xlsx before openpyxl parses it."""
    p = Path(path)
    try:
        size = p.stat().st_size
        with p.open("rb") as f:
            head = f.read(8)
    except FileNotFoundError:
        raise _file_error(Msg(CTX, T_F_NOT_FOUND), p) from None
    except OSError as e:
        raise _file_error(Msg(CTX, T_F_UNREADABLE, reason=e.strerror or type(e).__name__), p) from None
    if size > MAX_FILE_BYTES:
        raise _file_error(Msg(CTX, T_F_TOO_BIG, size=f"{size / 1024 / 1024:.1f}"), p)
    if size == 0:
        raise _file_error(Msg(CTX, T_F_EMPTY), p)
    if head.startswith(OLE2_MAGIC):
        raw = p.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in raw or "EncryptionInfo".encode("utf-16-le") in raw:
            raise _file_error(Msg(CTX, T_F_ENCRYPTED), p)
        raise _file_error(Msg(CTX, T_F_XLS), p)
    if not head.startswith(ZIP_MAGIC) or not zipfile.is_zipfile(p):
        raise _file_error(Msg(CTX, T_F_NOT_XLSX), p)
    try:
        with zipfile.ZipFile(p) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _file_error(Msg(CTX, T_F_DAMAGED), p) from None
    if len(infos) > MAX_ENTRIES:
        raise _file_error(Msg(CTX, T_F_PARTS, n=len(infos)), p)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _file_error(Msg(CTX, T_F_ENCRYPTED_PART), p)
        total += info.file_size
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > MAX_ENTRY_BYTES or (ratio > MAX_RATIO and info.file_size > 1024 * 1024):
            raise _file_error(Msg(CTX, T_F_BOMB, part=info.filename, size=f"{info.file_size / 1024 / 1024:.0f}"), p)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise _file_error(Msg(CTX, T_F_UNPACKED, limit=MAX_UNCOMPRESSED_BYTES // 1024 // 1024), p)
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        if "word/document.xml" in names:
            raise _file_error(Msg(CTX, T_F_WORD), p)
        raise _file_error(Msg(CTX, T_F_NO_WORKBOOK), p)


# ---------------------------------------------------------------------------------------------- parsing
def _cell_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _parse_date(v: Any) -> dt.date:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    text = _cell_text(v)
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    if _DATE_SHAPE.fullmatch(text):  # written as a date, e.g. 2026-02-31, but no such day
        raise _CellError(Msg(CTX, T_DATE_NONE, text=text))
    raise _CellError(Msg(CTX, T_DATE, text=text))


def _parse_bool(v: Any) -> bool:
    if isinstance(v, bool):
        return v
    text = _cell_text(v).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _CellError(Msg(CTX, T_BOOL, text=_cell_text(v)))


def _parse_number(v: Any, lo: float, hi: float, *, integer: bool = False) -> float:
    if isinstance(v, bool):
        raise _CellError(Msg(CTX, T_NUMBER))
    if isinstance(v, (int, float)):
        x = float(v)
    else:
        try:
            x = float(_cell_text(v))
        except ValueError:
            raise _CellError(Msg(CTX, T_NOT_NUMBER, text=_cell_text(v))) from None
    if integer and not x.is_integer():
        raise _CellError(Msg(CTX, T_NOT_INTEGER, value=f"{x:g}"))
    if not lo <= x <= hi:
        raise _CellError(Msg(CTX, T_RANGE, value=f"{x:g}", lo=f"{lo:g}", hi=f"{hi:g}"))
    return x


def _leave_kind(v: Any) -> LeaveKind:
    text = _cell_text(v)
    for k, zh in LEAVE_LABELS_ZH.items():
        if text in (zh, k.value, k.value.capitalize()):
            return k
    aliases = {"年休假": LeaveKind.ANNUAL, "补休": LeaveKind.COMP, "产假/陪产假": LeaveKind.MATERNITY,
               "陪产假": LeaveKind.MATERNITY}
    if text in aliases:
        return aliases[text]
    raise _CellError(Msg(CTX, T_LEAVE_KIND, text=text, kinds=Joined(Msg("Leave", zh) for zh in LEAVE_LABELS_ZH.values())))


def _find_sheet(wb, zh: str):
    for ws in wb.worksheets:
        if ws.title.strip() in (zh, SHEET_NAMES_EN[zh], SHEET_NAMES_EN[zh].lower()):
            return ws
    return None


def _header_map(ws, columns, errors: list[RowError]) -> dict[str, int] | None:
    """{key: 1-based column} from row 1; records wrong/missing headers."""
    first = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), None)
    if not first or all(v is None for v in first):
        errors.append(RowError(ws.title, 1, "", Msg(CTX, T_H_EMPTY)))
        return None
    found: dict[str, int] = {}
    unknown: list[str] = []
    for idx, v in enumerate(first, start=1):
        text = _cell_text(v)
        if not text:
            continue
        for key, zh, en, _req in columns:
            if text in (zh, en) or text.lower() == en.lower():
                if key in found:
                    errors.append(RowError(ws.title, 1, get_column_letter(idx), Msg(CTX, T_H_DUPLICATE, text=text)))
                found[key] = idx
                break
        else:
            unknown.append(Alt(f"{get_column_letter(idx)}“{text}”", f"{get_column_letter(idx)} \"{text}\""))
    missing = [Alt(zh, en) for key, zh, en, req in columns if req and key not in found]
    if missing:
        expected = Joined(Alt(zh, en) for _k, zh, en, _r in columns)
        if unknown:
            msg = Msg(CTX, T_H_MISSING_UNKNOWN, missing=Joined(missing), expected=expected, unknown=Joined(unknown))
        else:
            msg = Msg(CTX, T_H_MISSING, missing=Joined(missing), expected=expected)
        errors.append(RowError(ws.title, 1, "", msg))
        return None
    return found


def _is_example(row: dict[str, Any], example_ids: set[str], known: Iterable[str]) -> bool:
    """A leave / unavailable row of the template's example person (whose staff row was skipped), or one still holding
    the example's note ("示例行…") for nobody on the team — a real person's row that kept the note is imported
    (review of session 11: overwriting the example row but not its note lost the row silently)."""
    sid = _cell_text(row.get("id"))
    return sid in example_ids or (_cell_text(row.get("note")).startswith(EXAMPLE_NOTE_PREFIXES) and sid not in known)


def _rows(ws, header: dict[str, int]):
    """(excel row number, {key: value}) for non-empty data rows."""
    for r, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if r > MAX_ROWS + 1:
            break
        if values is None or all(v is None or _cell_text(v) == "" for v in values):
            continue
        yield r, {key: (values[col - 1] if col - 1 < len(values) else None) for key, col in header.items()}


def known_skills(scenario: Scenario) -> set[str]:
    out = {k for p in scenario.staff for k in p.skills}
    out |= {k for s in scenario.shifts for k in (s.skills_any or ())}
    out |= {r.skill for r in scenario.demand if r.skill}
    return out


def import_staff_leave(path: str | os.PathLike, scenario: Scenario, *,
                       allowed_skills: Iterable[str] | None = None) -> Scenario:
    """The scenario with the workbook's staff and leave merged in; raises :class:`ImportReport`.

    Skills must be in ``allowed_skills`` (default: every skill the scenario already knows from staff,
    shift templates and demand; when it knows none, any skill is accepted).
    """
    check_file(path)
    data = Path(path).read_bytes()  # ≤ 10 MB, checked above; no file handle stays open on errors
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            return _import(wb, path, scenario, allowed_skills)
        finally:
            wb.close()
    except ImportReport:
        raise
    except Exception as e:  # openpyxl/defusedxml raise many types for malformed or hostile parts
        hostile = _defused_cause(e)
        if hostile is not None:
            raise _file_error(Msg(CTX, T_F_UNSAFE_XML, kind=type(hostile).__name__), path) from None
        raise _file_error(Msg(CTX, T_F_UNREADABLE_BOOK, kind=type(e).__name__), path) from None


def _defused_cause(e: BaseException | None) -> BaseException | None:
    """The defusedxml refusal somewhere in the exception chain (openpyxl wraps it in ValueError)."""
    seen = 0
    while e is not None and seen < 20:
        if isinstance(e, defusedxml.DefusedXmlException):
            return e
        e = e.__cause__ or e.__context__
        seen += 1
    return None


def _col(header: dict[str, int], key: str) -> str:
    return get_column_letter(header[key]) if key in header else ""


def _import(wb, path, scenario: Scenario, allowed_skills: Iterable[str] | None) -> Scenario:
    errors: list[RowError] = []
    ws_staff = _find_sheet(wb, SHEET_STAFF)
    ws_leave = _find_sheet(wb, SHEET_LEAVE)
    ws_away = _find_sheet(wb, SHEET_AWAY)
    if ws_staff is None and ws_leave is None and ws_away is None:
        titles = Joined(_quoted(ws.title) for ws in wb.worksheets) if wb.worksheets else Msg(CTX, T_NONE)
        raise _file_error(Msg(CTX, T_F_NO_SHEETS, titles=titles), path)
    allowed = set(allowed_skills) if allowed_skills is not None else known_skills(scenario)
    staff_by_id: dict[str, Staff] = {p.id: p for p in scenario.staff}
    order = [p.id for p in scenario.staff]
    imported_ids: dict[str, int] = {}  # id -> row
    n_rows = 0

    # the template's example rows (write_template) are skipped, not imported as a person (GUI review #13: an
    # unmodified template added "示例 张三" with the example leave)
    example_ids: set[str] = set()
    n_examples = 0
    if ws_staff is not None:
        header = _header_map(ws_staff, STAFF_COLUMNS, errors)
        if header is not None:
            for r, row in _rows(ws_staff, header):
                if _cell_text(row.get("name")) in EXAMPLE_NAMES:
                    example_ids.add(_cell_text(row.get("id")))
                    n_examples += 1
                    continue
                n_rows += 1
                person = _staff_row(ws_staff.title, r, row, header, errors, staff_by_id, imported_ids, allowed)
                if person is not None:
                    if person.id not in staff_by_id:
                        order.append(person.id)
                    staff_by_id[person.id] = person
    new_leave: dict[str, list[tuple[int, Leave]]] = {}
    leave_header: dict[str, int] = {}
    if ws_leave is not None:
        header = _header_map(ws_leave, LEAVE_COLUMNS, errors)
        if header is not None:
            leave_header = header
            for r, row in _rows(ws_leave, header):
                if _is_example(row, example_ids, staff_by_id):
                    n_examples += 1
                    continue
                n_rows += 1
                _leave_row(ws_leave.title, r, row, header, errors, staff_by_id, set(imported_ids), new_leave)
    new_away: dict[str, list[Unavailable]] = {}
    if ws_away is not None:
        header = _header_map(ws_away, AWAY_COLUMNS, errors)
        if header is not None:
            for r, row in _rows(ws_away, header):
                if _is_example(row, example_ids, staff_by_id):
                    n_examples += 1
                    continue
                n_rows += 1
                _away_row(ws_away.title, r, row, header, errors, staff_by_id, set(imported_ids), new_away)
    for sid, items in new_away.items():
        if sid in staff_by_id:
            person = staff_by_id[sid]
            kept = list(person.unavailable)
            kept.extend(u for u in items if u not in kept)  # re-importing the same file adds nothing
            staff_by_id[sid] = replace(person, unavailable=tuple(kept))
    if not errors and n_rows == 0:
        raise _file_error(Msg(CTX, T_F_ONLY_EXAMPLES if n_examples else T_F_NO_ROWS), path)
    # merge leave and check overlaps against existing and other imported leave
    for sid, items in new_leave.items():
        if sid not in staff_by_id:  # its staff row had errors, already reported
            continue
        person = staff_by_id[sid]
        leaves = list(person.leave)
        for r, lv in items:
            if any(x.period == lv.period and x.kind == lv.kind for x in leaves):
                continue  # already there: re-importing the same file is harmless
            clash = next((x for x in leaves if lv.period.start <= x.period.end and x.period.start <= lv.period.end),
                         None)
            if clash is not None:
                errors.append(RowError(ws_leave.title, r, _col(leave_header, "from"), Msg(
                    CTX, T_CLASH_EXISTING, name=person.name, sid=sid, start=lv.period.start, end=lv.period.end,
                    other_start=clash.period.start, other_end=clash.period.end,
                    kind=Msg("Leave", LEAVE_LABELS_ZH[clash.kind]))))
                continue
            leaves.append(lv)
        staff_by_id[sid] = replace(person, leave=tuple(sorted(leaves, key=lambda x: x.period.start)))
    if errors:
        raise ImportReport(errors, path=path)
    return replace(scenario, staff=tuple(staff_by_id[i] for i in order))


def _staff_row(sheet: str, r: int, row: dict[str, Any], header: dict[str, int], errors: list[RowError],
               staff_by_id: dict[str, Staff], imported_ids: dict[str, int], allowed: set[str]) -> Staff | None:
    before = len(errors)

    def err(key: str, reason: Msg) -> None:
        errors.append(RowError(sheet, r, _col(header, key), reason))

    sid = _cell_text(row.get("id"))
    if not sid:
        err("id", Msg(CTX, T_ID_EMPTY))
    elif sid in imported_ids:
        err("id", Msg(CTX, T_ID_TWICE, sid=sid, row=imported_ids[sid]))
    elif len(sid) > 32:
        err("id", Msg(CTX, T_ID_LONG))
    else:
        imported_ids[sid] = r
    name = _cell_text(row.get("name"))
    if not name:
        err("name", Msg(CTX, T_NAME_EMPTY))
    elif len(name) > 40:
        err("name", Msg(CTX, T_NAME_LONG))
    old = staff_by_id.get(sid) if sid else None
    base = old or Staff(id=sid or "?", name=name or "?")
    fields: dict[str, Any] = {"name": name}
    if "employee_no" in header:
        fields["employee_no"] = _cell_text(row.get("employee_no"))
    if "skills" in header:
        raw = _cell_text(row.get("skills")).replace("，", ",").replace("、", ",").replace(";", ",").replace("；", ",")
        skills = tuple(dict.fromkeys(s.strip() for s in raw.split(",") if s.strip()))
        bad = [s for s in skills if allowed and s not in allowed]
        if bad:
            err("skills", Msg(CTX, T_SKILLS, bad=Joined(bad), known=Joined(sorted(allowed))))
        fields["skills"] = skills
    for key, lo, hi, integer in (("weekly_hours", 1, 60, False), ("annual_leave_days", 0, 60, True)):
        v = row.get(key)
        if key in header and _cell_text(v) != "":
            try:
                x = _parse_number(v, lo, hi, integer=integer)
                fields[key] = int(x) if integer else x
            except _CellError as e:
                err(key, Msg(CTX, T_WEEKLY_HOURS if key == "weekly_hours" else T_ANNUAL_DAYS, problem=e.msg))
    for key in ("night_ok", "overtime_ok"):
        v = row.get(key)
        if key in header and _cell_text(v) != "":
            try:
                fields[key] = _parse_bool(v)
            except _CellError as e:
                err(key, e.msg)
    for key in ("hire_date", "leave_date"):
        v = row.get(key)
        if key in header:
            if _cell_text(v) == "":
                fields[key] = None
            else:
                try:
                    fields[key] = _parse_date(v)
                except _CellError as e:
                    err(key, e.msg)
    hire, last = fields.get("hire_date", base.hire_date), fields.get("leave_date", base.leave_date)
    if hire and last and last < hire:
        err("leave_date", Msg(CTX, T_LAST_BEFORE_HIRE, last=last, hire=hire))
    if len(errors) > before or not sid:
        return None
    return replace(base, id=sid, **fields)


def _staff_and_dates(row: dict[str, Any], err, staff_by_id: dict[str, Staff],
                     listed_ids: set[str]) -> tuple[str, dict[str, dt.date]]:
    """The row's staff id and its from/to dates, each problem reported through ``err(key, reason)``."""
    sid = _cell_text(row.get("id"))
    if not sid:
        err("id", Msg(CTX, T_ID_EMPTY))
    elif sid not in staff_by_id and sid not in listed_ids:  # a listed id with a bad row is reported there
        err("id", Msg(CTX, T_UNKNOWN_ID, sid=sid))
    dates: dict[str, dt.date] = {}
    for key in ("from", "to"):
        v = row.get(key)
        if _cell_text(v) == "":
            err(key, Msg(CTX, T_FROM_EMPTY if key == "from" else T_TO_EMPTY))
            continue
        try:
            dates[key] = _parse_date(v)
        except _CellError as e:
            err(key, e.msg)
    if len(dates) == 2 and dates["to"] < dates["from"]:
        err("to", Msg(CTX, T_TO_BEFORE_FROM, end=dates["to"], start=dates["from"]))
    return sid, dates


def _parse_clock(v: Any, *, end: bool) -> int:
    """Minutes after midnight from an Excel time, a datetime or "HH:MM" ("24:00" only as an end)."""
    if isinstance(v, dt.datetime):
        v = v.time()
    if isinstance(v, dt.time):
        return v.hour * 60 + v.minute
    if isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v < 1:  # a fraction of a day
        return round(v * 24 * 60)
    text = _cell_text(v)
    try:
        minutes = parse_hhmm(text)
    except ValueError:
        raise _CellError(Msg(CTX, T_TIME, text=text)) from None
    if minutes >= 24 * 60 and not end:
        raise _CellError(Msg(CTX, T_START_BEFORE_24))
    return minutes


def _away_row(sheet: str, r: int, row: dict[str, Any], header: dict[str, int], errors: list[RowError],
              staff_by_id: dict[str, Staff], listed_ids: set[str], new_away: dict[str, list[Unavailable]]) -> None:
    before = len(errors)

    def err(key: str, reason: Msg) -> None:
        errors.append(RowError(sheet, r, _col(header, key), reason))

    sid, dates = _staff_and_dates(row, err, staff_by_id, listed_ids)
    times = {"start": 0, "end": 24 * 60}
    for key in ("start", "end"):
        if _cell_text(row.get(key)) != "":
            try:
                times[key] = _parse_clock(row.get(key), end=key == "end")
            except _CellError as e:
                err(key, e.msg)
    if times["start"] == times["end"]:
        err("end", Msg(CTX, T_SAME_TIMES))
    try:
        weekdays = parse_weekdays(_cell_text(row.get("weekdays")))
    except ValueError:  # roster.model's message is Chinese only
        err("weekdays", Msg(CTX, T_WEEKDAYS, text=_cell_text(row.get("weekdays"))))
        weekdays = ()
    if len(errors) > before:
        return
    new_away.setdefault(sid, []).append(Unavailable(DateRange(dates["from"], dates["to"]), times["start"], times["end"],
                                                    weekdays, _cell_text(row.get("note")) if "note" in header else ""))


def _leave_row(sheet: str, r: int, row: dict[str, Any], header: dict[str, int], errors: list[RowError],
               staff_by_id: dict[str, Staff], listed_ids: set[str],
               new_leave: dict[str, list[tuple[int, Leave]]]) -> None:
    before = len(errors)

    def err(key: str, reason: Msg) -> None:
        errors.append(RowError(sheet, r, _col(header, key), reason))

    sid, dates = _staff_and_dates(row, err, staff_by_id, listed_ids)
    if len(dates) == 2 and (dates["to"] - dates["from"]).days > 366:
        err("to", Msg(CTX, T_LEAVE_LONG))
    kind = LeaveKind.ANNUAL
    try:
        kind = _leave_kind(row.get("kind"))
    except _CellError as e:
        err("kind", e.msg)
    if len(errors) > before:
        return
    lv = Leave(DateRange(dates["from"], dates["to"]), kind, _cell_text(row.get("note")) if "note" in header else "")
    items = new_leave.setdefault(sid, [])
    for r0, other in items:
        if lv.period.start <= other.period.end and other.period.start <= lv.period.end:
            err("from", Msg(CTX, T_CLASH_ROW, row=r0, start=other.period.start, end=other.period.end))
            return
    items.append((r, lv))
