"""Atomic file output with user-readable errors.

Every exporter writes to a temporary file in the target folder and then ``os.replace``s it over the
target, so a crash or a full disk never leaves a half-written workbook and an open file in Excel is
never corrupted.  Any OS problem becomes :class:`ExportError` with a Chinese sentence naming the file
and the fix; callers show ``str(err)`` and never a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP

from roster.scenario_io import give_normal_permissions

from ._common import Msg, _s


class ExportError(Exception):
    """Export failed; ``str()`` is a sentence for the user in ``lang`` (Chinese by default), ``text(lang)`` the
    same sentence in another language when it was given as a :class:`Msg`; ``path`` is the target file."""

    def __init__(self, message: str | Msg, *, path: str | os.PathLike | None = None, lang: str = "zh") -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        super().__init__(message.text(lang) if isinstance(message, Msg) else message)

    def text(self, lang: str = "zh") -> str:
        return self.message.text(lang) if isinstance(self.message, Msg) else str(self)


CTX = "SaveFile"
T_NO_FOLDER = _s(CTX, QT_TRANSLATE_NOOP("SaveFile", "无法保存 {target}：文件夹 {folder} 不存在，请选择其他保存位置。"),
                 "Cannot save {target}: the folder {folder} does not exist; choose another location.")
T_IS_FOLDER = _s(CTX, QT_TRANSLATE_NOOP("SaveFile", "无法保存 {target}：这是一个文件夹，请输入文件名。"),
                 "Cannot save {target}: this is a folder; enter a file name.")
T_READ_ONLY = _s(CTX, QT_TRANSLATE_NOOP("SaveFile", "无法保存 {target}：该文件为只读，请取消只读属性或另存为其他文件名。"),
                 "Cannot save {target}: the file is read-only; clear its read-only attribute or save under another "
                 "name.")
T_NO_PERMISSION = _s(CTX, QT_TRANSLATE_NOOP(
    "SaveFile", "无法保存 {target}：没有写入文件夹 {folder} 的权限，请选择其他保存位置（例如“文档”）。"),
    "Cannot save {target}: no permission to write to the folder {folder}; choose another location (e.g. "
    "Documents).")
T_LOCKED = _s(CTX, QT_TRANSLATE_NOOP(
    "SaveFile", "无法保存 {target}：文件正被其他程序（如 Excel 或 WPS）打开或被锁定。请先关闭该文件，再重新导出。"),
    "Cannot save {target}: the file is open in another program (such as Excel or WPS) or locked. Close it, then "
    "export again.")
T_DISK_FULL = _s(CTX, QT_TRANSLATE_NOOP("SaveFile", "无法保存 {target}：磁盘空间不足，请清理磁盘或换一个保存位置。"),
                 "Cannot save {target}: the disk is full; free some space or choose another location.")
T_READ_ONLY_PLACE = _s(CTX, QT_TRANSLATE_NOOP("SaveFile", "无法保存 {target}：该位置只读，请选择其他保存位置。"),
                       "Cannot save {target}: this location is read-only; choose another location.")
T_NAME_TOO_LONG = _s(CTX, QT_TRANSLATE_NOOP("SaveFile", "无法保存 {target}：文件名或路径过长，请缩短后重试。"),
                     "Cannot save {target}: the file name or path is too long; shorten it and try again.")
T_OS_ERROR = _s(CTX, QT_TRANSLATE_NOOP("SaveFile", "无法保存 {target}：{reason}。请检查保存位置后重试。"),
                "Cannot save {target}: {reason}. Check the location and try again.")


def _is_readonly_file(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and not (mode & stat.S_IWUSR)


def atomic_write(path: str | os.PathLike, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp_path)`` to produce the file, then move it over ``path`` in one step.

    Raises :class:`ExportError` (never ``OSError``) when the folder is missing or not writable, the
    target is read-only or locked by another program (Excel keeps open workbooks locked on Windows),
    or the disk is full.  Exceptions raised by ``write`` itself propagate after the temp file is removed.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(Msg(CTX, T_NO_FOLDER, target=str(target), folder=str(folder)), path=target)
    if target.is_dir():
        raise ExportError(Msg(CTX, T_IS_FOLDER, target=str(target)), path=target)
    if _is_readonly_file(target):
        raise ExportError(Msg(CTX, T_READ_ONLY, target=str(target)), path=target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".~{target.stem[:40]}.", suffix=target.suffix, dir=folder)
    except PermissionError:
        raise ExportError(Msg(CTX, T_NO_PERMISSION, target=str(target), folder=str(folder)), path=target) from None
    except OSError as e:
        raise ExportError(_os_message(target, e), path=target) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        give_normal_permissions(tmp, target)
        os.replace(tmp, target)
    except PermissionError:
        raise ExportError(Msg(CTX, T_LOCKED, target=str(target)), path=target) from None
    except OSError as e:
        raise ExportError(_os_message(target, e), path=target) from None
    finally:
        with contextlib.suppress(OSError):
            if tmp.exists():
                tmp.unlink()
    return target


def _os_message(target: Path, e: OSError) -> Msg:
    if e.errno == errno.ENOSPC:
        return Msg(CTX, T_DISK_FULL, target=str(target))
    if e.errno in (errno.EROFS,):
        return Msg(CTX, T_READ_ONLY_PLACE, target=str(target))
    if e.errno in (errno.ENAMETOOLONG,):
        return Msg(CTX, T_NAME_TOO_LONG, target=str(target))
    reason = e.strerror or e.__class__.__name__
    return Msg(CTX, T_OS_ERROR, target=str(target), reason=reason)
