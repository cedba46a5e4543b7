"""Atomic writes and Chinese errors for locked / read-only targets."""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
import tempfile

import pytest

from exports._synthetic import rotation_roster, rotation_scenario
from exports.excel import write_workbook
from exports.ics import write_ics
from exports.pdf import write_pdf
from exports.safe_write import ExportError, atomic_write


@pytest.fixture(autouse=True)
def _qt_app(qapp):
    """Use pytest-qt's QApplication so a later widget test never finds a bare QGuiApplication."""
    return qapp


def _writer(data: bytes):
    return lambda tmp: tmp.write_bytes(data)


def test_atomic_replace_leaves_no_temp(tmp_path):
    target = tmp_path / "a.xlsx"
    atomic_write(target, _writer(b"one"))
    atomic_write(target, _writer(b"two"))
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]


def test_failure_in_writer_keeps_old_file(tmp_path):
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"old")

    def boom(tmp):
        tmp.write_bytes(b"half")
        raise RuntimeError("crash mid-write")

    with pytest.raises(RuntimeError):
        atomic_write(target, boom)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]


def test_read_only_file(tmp_path):
    target = tmp_path / "locked.xlsx"
    target.write_bytes(b"old")
    target.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        with pytest.raises(ExportError) as e:
            atomic_write(target, _writer(b"new"))
        assert "只读" in str(e.value) and "locked.xlsx" in str(e.value)
        assert target.read_bytes() == b"old"
    finally:
        target.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert [p.name for p in tmp_path.iterdir()] == ["locked.xlsx"]


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_directory_real(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(ExportError) as e:
            atomic_write(folder / "a.xlsx", _writer(b"x"))
        assert "权限" in str(e.value)
    finally:
        folder.chmod(stat.S_IRWXU)


def test_read_only_directory(tmp_path, monkeypatch):
    def denied(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(ExportError) as e:
        atomic_write(tmp_path / "a.xlsx", _writer(b"x"))
    assert "没有写入文件夹" in str(e.value)


def test_target_open_in_excel(tmp_path, monkeypatch):
    """On Windows os.replace fails with PermissionError while Excel holds the file open."""
    target = tmp_path / "open.xlsx"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as e:
        atomic_write(target, _writer(b"new"))
    assert "正被其他程序" in str(e.value) and "关闭" in str(e.value)
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["open.xlsx"]


def test_missing_folder_and_directory_target(tmp_path):
    with pytest.raises(ExportError, match="不存在"):
        atomic_write(tmp_path / "nope" / "a.xlsx", _writer(b"x"))
    with pytest.raises(ExportError, match="文件夹"):
        atomic_write(tmp_path, _writer(b"x"))


def test_disk_full(tmp_path, monkeypatch):
    import errno

    def full(tmp):
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError, match="磁盘空间不足"):
        atomic_write(tmp_path / "a.xlsx", full)


@pytest.mark.parametrize("kind", ["xlsx", "pdf", "ics"])
def test_exporters_raise_export_error_on_read_only_target(tmp_path, kind):
    sc = rotation_scenario(8)
    ro = rotation_roster(sc, dt.date(2026, 6, 1), 7)
    target = tmp_path / f"out.{kind}"
    target.write_bytes(b"old")
    target.chmod(stat.S_IRUSR)
    try:
        with pytest.raises(ExportError):
            if kind == "xlsx":
                write_workbook(target, sc, ro)
            elif kind == "pdf":
                write_pdf(target, sc, ro)
            else:
                write_ics(target, sc, ro, "p00")
    finally:
        target.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert target.read_bytes() == b"old"


def test_export_errors_in_english(tmp_path, monkeypatch):
    """GUI review #13: "Export failed" showed Chinese in the English UI.  ``str()`` stays Chinese (the CLI and the
    Chinese UI), ``text("en")`` is the same sentence in English."""
    with pytest.raises(ExportError) as e:
        atomic_write(tmp_path / "nope" / "a.xlsx", _writer(b"x"))
    assert "不存在" in str(e.value) and e.value.text("zh") == str(e.value)
    english = e.value.text("en")
    assert english == (f"Cannot save {tmp_path / 'nope' / 'a.xlsx'}: the folder {tmp_path / 'nope'} does not exist; "
                       "choose another location.")

    target = tmp_path / "open.xlsx"

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as e:
        atomic_write(target, _writer(b"new"))
    assert "正被其他程序" in str(e.value)
    assert "open in another program (such as Excel or WPS)" in e.value.text("en") and "open.xlsx" in e.value.text("en")
    # a plain-text ExportError (no message key) shows its text in any language
    assert ExportError("x").text("en") == "x"
