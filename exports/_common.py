"""Helpers shared by the exporters: translation, week blocks, day marks, per-date counts.

Strings are Simplified Chinese source strings wrapped in ``QT_TRANSLATE_NOOP`` so ``lupdate`` finds them;
:func:`xtr` returns the Chinese text for ``lang="zh"`` and for ``lang="en"`` the translation from the
installed Qt translator (``i18n/roster_en.qm``) or, when none is loaded, the built-in English fallback.
Only QtCore is imported (no QApplication is needed for ``QCoreApplication.translate``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from roster.calendar import WorkCalendar
from roster.model import LEAVE_LABELS_ZH, DayType, LeaveKind, Roster, Scenario, Shift, Staff, fmt_hhmm

#: Chinese source → English fallback, for every string the exporters print.  Keys are (context, zh).
_EN: dict[tuple[str, str], str] = {}


def _s(ctx: str, zh: str, en: str) -> str:
    if _EN.get((ctx, zh), en) != en:  # one source string can have only one translation per context
        raise ValueError(f"conflicting English for {ctx}/{zh!r}: {_EN[(ctx, zh)]!r} vs {en!r}")
    _EN[(ctx, zh)] = en
    return zh


def colon(lang: str) -> str:
    """The label colon of ``lang``: full-width in Chinese, ": " in English."""
    return "：" if lang == "zh" else ": "


def xtr(ctx: str, text: str, lang: str = "zh") -> str:
    """Chinese source ``text`` in ``lang``; English via Qt's translator first, then the fallback table."""
    if lang == "zh":
        return text
    translated = QCoreApplication.translate(ctx, text)
    if translated and translated != text:
        return translated
    return _EN.get((ctx, text), text)


class Msg:
    """A user message kept as its Chinese source (registered with :func:`_s`) plus ``{name}`` arguments, so the
    caller shows it in its own language: ``text("en")`` translates through :func:`xtr` and fills the placeholders
    (an argument that is itself a :class:`Msg`, :class:`Alt` or :class:`Joined` is shown in the same language);
    ``str()`` is the Chinese text.  Errors from exports/ carry one because the CLI and the GUI (whose language is
    only known to the window) both show them."""

    __slots__ = ("args", "ctx", "src")

    def __init__(self, ctx: str, src: str, /, **args: object) -> None:
        self.ctx, self.src, self.args = ctx, src, args

    def text(self, lang: str = "zh") -> str:
        values = {k: (v.text(lang) if isinstance(v, (Msg, Alt, Joined)) else v) for k, v in self.args.items()}
        return xtr(self.ctx, self.src, lang).format(**values)

    def __str__(self) -> str:
        return self.text("zh")

    def __repr__(self) -> str:
        return f"Msg({self.ctx!r}, {self.src!r}, **{self.args!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.ctx, self.src, self.args) == (other.ctx, other.src, other.args)

    def __hash__(self) -> int:
        return hash((self.ctx, self.src))


class Alt:
    """A value whose two forms are known without a catalogue (an import column's Chinese and English header)."""

    __slots__ = ("en", "zh")

    def __init__(self, zh: str, en: str) -> None:
        self.zh, self.en = zh, en

    def text(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Alt) and (self.zh, self.en) == (other.zh, other.en)

    def __hash__(self) -> int:
        return hash((self.zh, self.en))

    def __repr__(self) -> str:
        return f"Alt({self.zh!r}, {self.en!r})"


class Joined:
    """A list shown as "a、b" in Chinese and "a, b" in English; items may be :class:`Msg` / :class:`Alt`."""

    __slots__ = ("items",)

    def __init__(self, items: Iterable[object]) -> None:
        self.items = tuple(items)

    def text(self, lang: str = "zh") -> str:
        parts = [v.text(lang) if isinstance(v, (Msg, Alt, Joined)) else str(v) for v in self.items]
        return ("、" if lang == "zh" else ", ").join(parts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Joined) and self.items == other.items

    def __hash__(self) -> int:
        return hash(self.items)

    def __repr__(self) -> str:
        return f"Joined({list(self.items)!r})"


def message_text(error: object, lang: str = "zh") -> str:
    """An exception or message from exports/ in ``lang`` (``text(lang)`` when it has one, else ``str()``)."""
    text = getattr(error, "text", None)
    return text(lang) if callable(text) else str(error)


# Strings used by several exporters (context "Rota"); each exporter keeps its own strings next to its code.
T_ROTA = _s("Rota", QT_TRANSLATE_NOOP("Rota", "排班表"), "Rota")
T_NAME = _s("Rota", QT_TRANSLATE_NOOP("Rota", "姓名"), "Name")
T_EMPNO = _s("Rota", QT_TRANSLATE_NOOP("Rota", "工号"), "Emp. no.")
T_WEEK = _s("Rota", QT_TRANSLATE_NOOP("Rota", "第 {n} 周"), "Week {n}")
T_HEADCOUNT = _s("Rota", QT_TRANSLATE_NOOP("Rota", "在岗人数"), "On duty")
T_LEGEND = _s("Rota", QT_TRANSLATE_NOOP("Rota", "图例"), "Legend")
T_MARKS = _s("Rota", QT_TRANSLATE_NOOP("Rota", "节 = 法定节假日，休 = 休息日，班 = 调休上班日；空白 = 休息"),
             "H = statutory holiday, R = rest day, W = make-up working day; blank = off")
T_SIGN_BY = _s("Rota", QT_TRANSLATE_NOOP("Rota", "排班人"), "Prepared by")
T_SIGN_CHECK = _s("Rota", QT_TRANSLATE_NOOP("Rota", "审核人"), "Approved by")
T_SIGN_DATE = _s("Rota", QT_TRANSLATE_NOOP("Rota", "日期"), "Date")
T_PERIOD = _s("Rota", QT_TRANSLATE_NOOP("Rota", "排班期"), "Period")
T_MARK_HOL = _s("Rota", QT_TRANSLATE_NOOP("Rota", "节"), "H")
T_MARK_REST = _s("Rota", QT_TRANSLATE_NOOP("Rota", "休"), "R")
T_MARK_MAKEUP = _s("Rota", QT_TRANSLATE_NOOP("Rota", "班"), "W")
T_GENERATED = _s("Rota", QT_TRANSLATE_NOOP("Rota", "生成时间"), "Generated")
T_PAGE = _s("Rota", QT_TRANSLATE_NOOP("Rota", "第 {i}/{n} 页"), "Page {i}/{n}")
T_DEFAULT_TEAM = _s("Rota", QT_TRANSLATE_NOOP("Rota", "值守班组"), "Duty team")
T_ESTIMATED = _s("Rota", QT_TRANSLATE_NOOP("Rota", "{years} 年节假日调休安排为估算，以国务院正式通知为准"),
                 "The {years} holiday arrangement is estimated; the official notice prevails")


def estimated_note(cal, first, last, lang: str = "zh") -> str | None:
    """The printed caveat for dates of [first, last] classified from an estimated holiday arrangement
    (labour-law §0 / HD-07: warn when estimated dates are used — the wall rota too, sweep #16), else None."""
    years = cal.estimated_years(first, last)
    if not years:
        return None
    sep = "、" if lang == "zh" else ", "
    return xtr("Rota", T_ESTIMATED, lang).format(years=sep.join(map(str, years)))

_WEEKDAYS_ZH = (
    _s("Rota", QT_TRANSLATE_NOOP("Rota", "周一"), "Mon"),
    _s("Rota", QT_TRANSLATE_NOOP("Rota", "周二"), "Tue"),
    _s("Rota", QT_TRANSLATE_NOOP("Rota", "周三"), "Wed"),
    _s("Rota", QT_TRANSLATE_NOOP("Rota", "周四"), "Thu"),
    _s("Rota", QT_TRANSLATE_NOOP("Rota", "周五"), "Fri"),
    _s("Rota", QT_TRANSLATE_NOOP("Rota", "周六"), "Sat"),
    _s("Rota", QT_TRANSLATE_NOOP("Rota", "周日"), "Sun"),
)

_LEAVE_EN = {
    LeaveKind.ANNUAL: "Annual", LeaveKind.SICK: "Sick", LeaveKind.PERSONAL: "Personal",
    LeaveKind.MARRIAGE: "Marriage", LeaveKind.MATERNITY: "Maternity", LeaveKind.COMP: "Comp",
    LeaveKind.BEREAVEMENT: "Bereavement", LeaveKind.OTHER: "Other",
}
# listed literally so lupdate finds them; must match roster.model.LEAVE_LABELS_ZH
_LEAVE_SOURCES = (
    QT_TRANSLATE_NOOP("Leave", "年假"), QT_TRANSLATE_NOOP("Leave", "病假"), QT_TRANSLATE_NOOP("Leave", "事假"),
    QT_TRANSLATE_NOOP("Leave", "婚假"), QT_TRANSLATE_NOOP("Leave", "产假"), QT_TRANSLATE_NOOP("Leave", "调休"),
    QT_TRANSLATE_NOOP("Leave", "丧假"), QT_TRANSLATE_NOOP("Leave", "其他"),
)
for _k, _zh in LEAVE_LABELS_ZH.items():
    _s("Leave", _zh, _LEAVE_EN[_k])


def english_fallbacks() -> dict[tuple[str, str], str]:
    """{(context, Chinese source): English} for every export string — seed for i18n/roster_en.ts."""
    return dict(_EN)


def weekday_label(day: dt.date, lang: str) -> str:
    return xtr("Rota", _WEEKDAYS_ZH[day.weekday()], lang)


def leave_label(kind: LeaveKind | str, lang: str) -> str:
    try:
        k = LeaveKind(kind)
    except ValueError:
        return str(kind)
    return xtr("Leave", LEAVE_LABELS_ZH[k], lang)


def day_mark(cal: WorkCalendar, day: dt.date, lang: str) -> str:
    """节 (statutory holiday), 班 (make-up working day on a weekend), 休 (rest day) or '' (ordinary workday)."""
    kind = cal.day_type(day)
    if kind == DayType.HOLIDAY:
        return xtr("Rota", T_MARK_HOL, lang)
    if kind == DayType.WORKDAY:
        return xtr("Rota", T_MARK_MAKEUP, lang) if day.weekday() >= 5 else ""
    return xtr("Rota", T_MARK_REST, lang)


def week_blocks(roster: Roster) -> list[list[dt.date | None]]:
    """Monday–Sunday weeks covering the period; slots outside the period are ``None`` (7 slots each)."""
    if roster.days <= 0:
        return []
    first_monday = roster.start - dt.timedelta(days=roster.start.weekday())
    out: list[list[dt.date | None]] = []
    monday = first_monday
    while monday <= roster.end:
        week: list[dt.date | None] = []
        for i in range(7):
            d = monday + dt.timedelta(days=i)
            week.append(d if roster.start <= d <= roster.end else None)
        out.append(week)
        monday += dt.timedelta(days=7)
    return out


def shift_times(shift: Shift) -> str:
    end = shift.end - 24 * 60 if shift.crosses_midnight else shift.end  # E ends "24:00", B ends "08:00"
    return f"{fmt_hhmm(shift.start)}–{fmt_hhmm(end)}"


def rota_staff(scenario: Scenario, roster: Roster) -> list[Staff]:
    """Scenario staff who are active or hold a shift in the roster, in scenario order."""
    working = {a.staff for a in roster.assignments}
    out = [p for p in scenario.staff if p.active or p.id in working]
    known = {p.id for p in out}
    for sid in sorted(working - known - {p.id for p in scenario.staff}):
        out.append(Staff(id=sid, name=sid))
    return out


def counts_by_date(roster: Roster) -> dict[dt.date, dict[str, int]]:
    """{date: {shift code: people starting that shift on that date}}."""
    out: dict[dt.date, dict[str, int]] = {}
    for a in roster.assignments:
        row = out.setdefault(a.date, {})
        row[a.shift] = row.get(a.shift, 0) + 1
    return out


def shift_codes_in_use(scenario: Scenario, roster: Roster) -> list[str]:
    """Template codes in template order, plus any unknown codes found in the roster."""
    codes = [s.code for s in scenario.shifts]
    extra = sorted({a.shift for a in roster.assignments} - set(codes))
    return codes + extra


def team_name(scenario: Scenario, lang: str) -> str:
    return scenario.name or xtr("Rota", T_DEFAULT_TEAM, lang)


def is_formula_like(text: object) -> bool:
    return isinstance(text, str) and text[:1] in ("=", "+", "-", "@")


def join_nonempty(parts: Iterable[str], sep: str = " ") -> str:
    return sep.join(p for p in parts if p)
