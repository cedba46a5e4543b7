"""Work-around for a PySide6 6.12 bug on CPython 3.11: void Qt methods return ``None`` without a new
reference.

Every ``painter.drawRect(...)``, ``pen.setWidthF(...)`` … then drops one reference to ``None``; after a
few thousand calls (one printed page is ~600) the count reaches zero and the interpreter aborts with
"Fatal Python error: none_dealloc", often only at exit.  CPython ≥ 3.12 makes ``None`` immortal, so the
bug is harmless there.  On 3.11 :func:`make_none_immortal` does the same by adding 2**40 to ``None``'s
reference count once (``None`` is never freed, so the extra count is harmless).  The proper fix is a
Python ≥ 3.12 interpreter or a PySide6 release with the fix; call this early in any process that paints
with Qt on 3.11 (the GUI too).
"""

from __future__ import annotations

import ctypes
import platform
import sys

_BOOST = 1 << 40
_done = False


def make_none_immortal() -> bool:
    """Raise ``None``'s reference count far out of reach on CPython < 3.12; True when applied."""
    global _done
    if _done or sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return False
    # PyObject starts with Py_ssize_t ob_refcnt at the object's address (CPython ≤ 3.11 layout)
    ctypes.c_ssize_t.from_address(id(None)).value += _BOOST
    _done = True
    return True
