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
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import defusedxml
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

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

_TRUE = {"是", "y", "yes", "true", "1", "可", "可以", "√", "✓"}
_FALSE = {"否", "n", "no", "false", "0", "不可", "不可以", "×", "✗"}


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem: ``sheet`` name, Excel ``row`` (1-based; 0 = the whole file), ``column`` letter or ''."""

    sheet: str
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = []
        if self.sheet:
            where.append(f"工作表“{self.sheet}”")
        if self.row:
            where.append(f"第 {self.row} 行")
        if self.column:
            where.append(f"{self.column} 列")
        return f"{' '.join(where)}：{self.reason}" if where else self.reason


class ImportReport(Exception):
    """The import was refused; ``errors`` lists every problem found (nothing was changed)."""

    def __init__(self, errors: Iterable[RowError], *, path: str | os.PathLike | None = None) -> None:
        self.errors: list[RowError] = list(errors)
        self.path = str(path) if path is not None else None
        head = f"无法导入 {Path(self.path).name}" if self.path else "无法导入"
        lines = [f"{head}：发现 {len(self.errors)} 处问题，未做任何更改。"]
        lines += [f"  • {e}" for e in self.errors[:30]]
        if len(self.errors) > 30:
            lines.append(f"  …… 另有 {len(self.errors) - 30} 处问题")
        super().__init__("\n".join(lines))


# ---------------------------------------------------------------------------------------------- template
def write_template(path: str | os.PathLike, scenario: Scenario | str | None = None, *, lang: str = "zh") -> None:
    """An import workbook with sheets 员工 and 请假, bold headers and one example row each.

    With a ``scenario`` the example row uses its skills and a free staff id, and the notes list the
    known skills.  (``write_template(path, "en")`` is accepted too: a string second argument is the language.)
    """
    if isinstance(scenario, str):
        scenario, lang = None, scenario
    en = lang == "en"
    example = list(STAFF_EXAMPLE)
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
    leave_example = (example[0], *LEAVE_EXAMPLE[1:])
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAMES_EN[SHEET_STAFF] if en else SHEET_STAFF
    _template_sheet(ws, STAFF_COLUMNS, tuple(example), en)
    ws2 = wb.create_sheet(SHEET_NAMES_EN[SHEET_LEAVE] if en else SHEET_LEAVE)
    _template_sheet(ws2, LEAVE_COLUMNS, leave_example, en)
    ws3 = wb.create_sheet(SHEET_NAMES_EN[SHEET_AWAY] if en else SHEET_AWAY)
    _template_sheet(ws3, AWAY_COLUMNS, (example[0], *AWAY_EXAMPLE[1:]), en)
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
        "第 2 行是示例，导入前请删除或改成真实数据。任何一行有错时整份文件都不会导入，并列出所有错误。",
    ]
    lines_en = [
        "Staff sheet: one person per row; red headers are required. An existing staff id updates that person.",
        "Skills separated by commas (e.g. 审核,统计); they must be skills the team already uses"
        + (f": {', '.join(skills_known)}." if skills_known else "."),
        "Yes/no columns: 是 or 否 (yes/no); dates as YYYY-MM-DD.",
        f"Leave sheet: one leave period per row; kinds: {kinds}. Leave of one person must not overlap.",
        "Unavailable sheet (optional): one time a person cannot work per row, always kept by the roster; times as "
        "HH:MM, empty for the whole day, an end not after the start runs into the next day; weekdays 1–7 (empty: "
        "every day).",
        "Row 2 is an example: delete or replace it. Any bad row refuses the whole file and lists every error.",
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
def _file_error(reason: str, path: str | os.PathLike) -> ImportReport:
    return ImportReport([RowError("", 0, "", reason)], path=path)


def check_file(path: str | os.PathLike) -> None:
    """Refuse anything that is not a plain, reasonably small .xlsx before openpyxl parses it."""
    p = Path(path)
    try:
        size = p.stat().st_size
        with p.open("rb") as f:
            head = f.read(8)
    except FileNotFoundError:
        raise _file_error("文件不存在，请检查路径。", p) from None
    except OSError as e:
        raise _file_error(f"无法读取文件（{e.strerror}），如已在 Excel 中打开请先关闭。", p) from None
    if size > MAX_FILE_BYTES:
        raise _file_error(f"文件过大（{size / 1024 / 1024:.1f} MB），导入文件不能超过 10 MB。", p)
    if size == 0:
        raise _file_error("文件是空的（0 字节）。", p)
    if head.startswith(OLE2_MAGIC):
        raw = p.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in raw or "EncryptionInfo".encode("utf-16-le") in raw:
            raise _file_error("文件设有打开密码（已加密），无法读取。请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → "
                              "用密码进行加密，清空密码）后另存为 .xlsx 再导入。", p)
        raise _file_error("这是旧版 Excel 97-2003 (.xls) 文件，只是扩展名被改成了 .xlsx。请在 Excel 中打开后"
                          "“另存为 → Excel 工作簿 (*.xlsx)”再导入。", p)
    if not head.startswith(ZIP_MAGIC) or not zipfile.is_zipfile(p):
        raise _file_error("不是 Excel 工作簿 (.xlsx) 文件（可能是 CSV、文本或损坏的文件）。请用模板另存为 .xlsx 后导入。", p)
    try:
        with zipfile.ZipFile(p) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _file_error("文件已损坏，无法作为 .xlsx 打开。", p) from None
    if len(infos) > MAX_ENTRIES:
        raise _file_error(f"文件结构异常（包含 {len(infos)} 个部件），已拒绝导入。", p)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _file_error("文件内部含加密部件，无法读取。请取消密码后另存为 .xlsx。", p)
        total += info.file_size
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > MAX_ENTRY_BYTES or (ratio > MAX_RATIO and info.file_size > 1024 * 1024):
            raise _file_error(f"文件解压后异常巨大（部件 {info.filename} 为 {info.file_size / 1024 / 1024:.0f} MB），"
                              "疑似“压缩炸弹”，已拒绝导入。", p)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise _file_error(f"文件解压后超过 {MAX_UNCOMPRESSED_BYTES // 1024 // 1024} MB，已拒绝导入。", p)
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        if "word/document.xml" in names:
            raise _file_error("这是 Word 文档，不是 Excel 工作簿。", p)
        raise _file_error("不是 Excel 工作簿（缺少 xl/workbook.xml），可能是其他类型的压缩文件。", p)


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
    raise ValueError(f"日期“{text}”无法识别，请写成 YYYY-MM-DD（例如 2026-06-01）")


def _parse_bool(v: Any) -> bool:
    if isinstance(v, bool):
        return v
    text = _cell_text(v).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"“{_cell_text(v)}”应填“是”或“否”")


def _parse_number(v: Any, lo: float, hi: float, *, integer: bool = False) -> float:
    if isinstance(v, bool):
        raise ValueError("应为数字")
    if isinstance(v, (int, float)):
        x = float(v)
    else:
        try:
            x = float(_cell_text(v))
        except ValueError:
            raise ValueError(f"“{_cell_text(v)}”不是数字") from None
    if integer and not x.is_integer():
        raise ValueError(f"{x:g} 应为整数")
    if not lo <= x <= hi:
        raise ValueError(f"{x:g} 超出范围 {lo:g}–{hi:g}")
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
    raise ValueError(f"未知请假类型“{text}”，可填：{'、'.join(LEAVE_LABELS_ZH.values())}")


def _find_sheet(wb, zh: str):
    for ws in wb.worksheets:
        if ws.title.strip() in (zh, SHEET_NAMES_EN[zh], SHEET_NAMES_EN[zh].lower()):
            return ws
    return None


def _header_map(ws, columns, errors: list[RowError]) -> dict[str, int] | None:
    """{key: 1-based column} from row 1; records wrong/missing headers."""
    first = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), None)
    if not first or all(v is None for v in first):
        errors.append(RowError(ws.title, 1, "", "第一行应为表头，但该行为空。请使用“下载导入模板”生成的文件。"))
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
                    errors.append(RowError(ws.title, 1, get_column_letter(idx), f"表头“{text}”重复"))
                found[key] = idx
                break
        else:
            unknown.append(f"{get_column_letter(idx)}“{text}”")
    missing = [zh for key, zh, _en, req in columns if req and key not in found]
    if missing:
        expected = "、".join(zh for _k, zh, _e, _r in columns)
        msg = f"缺少必填列：{'、'.join(missing)}。表头应为：{expected}"
        if unknown:
            msg += f"；无法识别的表头：{'、'.join(unknown)}"
        errors.append(RowError(ws.title, 1, "", msg))
        return None
    return found


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
            raise _file_error(f"文件含有不安全的 XML 内容（{type(hostile).__name__}：实体或外部引用定义），"
                              "已拒绝导入。请在 Excel 中新建工作簿并粘贴数据后再导入。", path) from None
        raise _file_error(f"文件无法作为 Excel 工作簿读取（{type(e).__name__}），可能已损坏、含有不安全内容或格式不受支持。"
                          "请在 Excel 中打开后另存为 .xlsx 再导入。", path) from None


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
        titles = "、".join(f"“{ws.title}”" for ws in wb.worksheets) or "（无）"
        raise _file_error(f"工作簿中没有“员工”或“请假”工作表（现有工作表：{titles}）。请使用导入模板。", path)
    allowed = set(allowed_skills) if allowed_skills is not None else known_skills(scenario)
    staff_by_id: dict[str, Staff] = {p.id: p for p in scenario.staff}
    order = [p.id for p in scenario.staff]
    imported_ids: dict[str, int] = {}  # id -> row
    n_rows = 0

    if ws_staff is not None:
        header = _header_map(ws_staff, STAFF_COLUMNS, errors)
        if header is not None:
            for r, row in _rows(ws_staff, header):
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
                n_rows += 1
                _leave_row(ws_leave.title, r, row, header, errors, staff_by_id, set(imported_ids), new_leave)
    new_away: dict[str, list[Unavailable]] = {}
    if ws_away is not None:
        header = _header_map(ws_away, AWAY_COLUMNS, errors)
        if header is not None:
            for r, row in _rows(ws_away, header):
                n_rows += 1
                _away_row(ws_away.title, r, row, header, errors, staff_by_id, set(imported_ids), new_away)
    for sid, items in new_away.items():
        if sid in staff_by_id:
            person = staff_by_id[sid]
            kept = list(person.unavailable)
            kept.extend(u for u in items if u not in kept)  # re-importing the same file adds nothing
            staff_by_id[sid] = replace(person, unavailable=tuple(kept))
    if not errors and n_rows == 0:
        raise _file_error("工作簿中没有数据行（“员工”和“请假”表除表头外都是空的）。", path)
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
                errors.append(RowError(ws_leave.title, r, _col(leave_header, "from"),
                                       f"{person.name}（{sid}）的请假 {lv.period.start}–{lv.period.end} 与已有请假 "
                                       f"{clash.period.start}–{clash.period.end}（{LEAVE_LABELS_ZH[clash.kind]}）重叠"))
                continue
            leaves.append(lv)
        staff_by_id[sid] = replace(person, leave=tuple(sorted(leaves, key=lambda x: x.period.start)))
    if errors:
        raise ImportReport(errors, path=path)
    return replace(scenario, staff=tuple(staff_by_id[i] for i in order))


def _staff_row(sheet: str, r: int, row: dict[str, Any], header: dict[str, int], errors: list[RowError],
               staff_by_id: dict[str, Staff], imported_ids: dict[str, int], allowed: set[str]) -> Staff | None:
    before = len(errors)

    def err(key: str, reason: str) -> None:
        errors.append(RowError(sheet, r, _col(header, key), reason))

    sid = _cell_text(row.get("id"))
    if not sid:
        err("id", "员工编号不能为空")
    elif sid in imported_ids:
        err("id", f"员工编号“{sid}”重复（第 {imported_ids[sid]} 行已有）")
    elif len(sid) > 32:
        err("id", "员工编号过长（最多 32 个字符）")
    else:
        imported_ids[sid] = r
    name = _cell_text(row.get("name"))
    if not name:
        err("name", "姓名不能为空")
    elif len(name) > 40:
        err("name", "姓名过长（最多 40 个字符）")
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
            err("skills", f"未知技能：{'、'.join(bad)}（可用技能：{'、'.join(sorted(allowed))}）")
        fields["skills"] = skills
    for key, lo, hi, integer in (("weekly_hours", 1, 60, False), ("annual_leave_days", 0, 60, True)):
        v = row.get(key)
        if key in header and _cell_text(v) != "":
            try:
                x = _parse_number(v, lo, hi, integer=integer)
                fields[key] = int(x) if integer else x
            except ValueError as e:
                label = "每周合同工时" if key == "weekly_hours" else "年假天数"
                err(key, f"{label}：{e}")
    for key in ("night_ok", "overtime_ok"):
        v = row.get(key)
        if key in header and _cell_text(v) != "":
            try:
                fields[key] = _parse_bool(v)
            except ValueError as e:
                err(key, str(e))
    for key in ("hire_date", "leave_date"):
        v = row.get(key)
        if key in header:
            if _cell_text(v) == "":
                fields[key] = None
            else:
                try:
                    fields[key] = _parse_date(v)
                except ValueError as e:
                    err(key, str(e))
    hire, last = fields.get("hire_date", base.hire_date), fields.get("leave_date", base.leave_date)
    if hire and last and last < hire:
        err("leave_date", f"离职日期 {last} 早于入职日期 {hire}")
    if len(errors) > before or not sid:
        return None
    return replace(base, id=sid, **fields)


def _staff_and_dates(row: dict[str, Any], err, staff_by_id: dict[str, Staff],
                     listed_ids: set[str]) -> tuple[str, dict[str, dt.date]]:
    """The row's staff id and its from/to dates, each problem reported through ``err(key, reason)``."""
    sid = _cell_text(row.get("id"))
    if not sid:
        err("id", "员工编号不能为空")
    elif sid not in staff_by_id and sid not in listed_ids:  # a listed id with a bad row is reported there
        err("id", f"未知员工编号“{sid}”（既不在当前班组，也不在“员工”表中）")
    dates: dict[str, dt.date] = {}
    for key in ("from", "to"):
        v = row.get(key)
        if _cell_text(v) == "":
            err(key, ("开始" if key == "from" else "结束") + "日期不能为空")
            continue
        try:
            dates[key] = _parse_date(v)
        except ValueError as e:
            err(key, str(e))
    if len(dates) == 2 and dates["to"] < dates["from"]:
        err("to", f"结束日期 {dates['to']} 早于开始日期 {dates['from']}")
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
        raise ValueError(f"时间“{text}”无法识别，请写成 HH:MM（例如 08:00）") from None
    if minutes >= 24 * 60 and not end:
        raise ValueError("开始时间应早于 24:00")
    return minutes


def _away_row(sheet: str, r: int, row: dict[str, Any], header: dict[str, int], errors: list[RowError],
              staff_by_id: dict[str, Staff], listed_ids: set[str], new_away: dict[str, list[Unavailable]]) -> None:
    before = len(errors)

    def err(key: str, reason: str) -> None:
        errors.append(RowError(sheet, r, _col(header, key), reason))

    sid, dates = _staff_and_dates(row, err, staff_by_id, listed_ids)
    times = {"start": 0, "end": 24 * 60}
    for key in ("start", "end"):
        if _cell_text(row.get(key)) != "":
            try:
                times[key] = _parse_clock(row.get(key), end=key == "end")
            except ValueError as e:
                err(key, str(e))
    if times["start"] == times["end"]:
        err("end", "结束时间与开始时间相同；全天不可排班请留空或写 00:00–24:00")
    try:
        weekdays = parse_weekdays(_cell_text(row.get("weekdays")))
    except ValueError as e:
        err("weekdays", str(e))
        weekdays = ()
    if len(errors) > before:
        return
    new_away.setdefault(sid, []).append(Unavailable(DateRange(dates["from"], dates["to"]), times["start"], times["end"],
                                                    weekdays, _cell_text(row.get("note")) if "note" in header else ""))


def _leave_row(sheet: str, r: int, row: dict[str, Any], header: dict[str, int], errors: list[RowError],
               staff_by_id: dict[str, Staff], listed_ids: set[str],
               new_leave: dict[str, list[tuple[int, Leave]]]) -> None:
    before = len(errors)

    def err(key: str, reason: str) -> None:
        errors.append(RowError(sheet, r, _col(header, key), reason))

    sid, dates = _staff_and_dates(row, err, staff_by_id, listed_ids)
    if len(dates) == 2 and (dates["to"] - dates["from"]).days > 366:
        err("to", "请假超过一年，请检查日期")
    kind = LeaveKind.ANNUAL
    try:
        kind = _leave_kind(row.get("kind"))
    except ValueError as e:
        err("kind", str(e))
    if len(errors) > before:
        return
    lv = Leave(DateRange(dates["from"], dates["to"]), kind, _cell_text(row.get("note")) if "note" in header else "")
    items = new_leave.setdefault(sid, [])
    for r0, other in items:
        if lv.period.start <= other.period.end and other.period.start <= lv.period.end:
            err("from", f"与第 {r0} 行的请假 {other.period.start}–{other.period.end} 重叠")
            return
    items.append((r, lv))
