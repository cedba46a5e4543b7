"""Test helper shared by the editor tests: Qt's QAbstractItemModelTester as a context manager."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QAbstractItemModel, qInstallMessageHandler
from PySide6.QtTest import QAbstractItemModelTester


@contextmanager
def model_tester(model: QAbstractItemModel) -> Iterator[QAbstractItemModelTester]:
    """Attach Qt's QAbstractItemModelTester; every FAIL it reports (now or while the block edits) fails."""
    failures: list[str] = []

    def handler(_mode, ctx, msg):
        if ctx.category == "qt.modeltest" or "FAIL!" in msg:
            failures.append(msg)

    old = qInstallMessageHandler(handler)
    try:
        tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
        yield tester
    finally:
        qInstallMessageHandler(old)
    assert not failures, failures
