"""Import layering (docs/ARCHITECTURE.md): ``ui → solver, exports → roster``.

* ``roster/`` never imports PySide6 or ortools (nor solver/exports/ui);
* ``solver/`` and ``exports/`` never import ``ui``;
* the validator side (``roster.validator``, ``roster.timeline``, ``roster.checkcli``) never imports
  ``solver``, and ``solver/`` never imports ``roster.validator`` / ``roster.timeline`` / ``roster.hours``
  (two independent implementations of the rules).

Checked twice: statically with ``ast`` (every import statement, including ones inside functions),
and dynamically by importing every ``roster.*`` module in a fresh interpreter and inspecting
``sys.modules``.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(path: Path) -> set[str]:
    """Absolute dotted names imported by a file; ``from a import b`` yields ``a`` and ``a.b``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    me = _module_name(path)
    package = me.split(".") if path.name == "__init__.py" else me.split(".")[:-1]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            out.add(base)
            out.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            out.add(str(node.args[0].value))
    return {n for n in out if n}


def _hits(names: set[str], banned: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if any(n == b or n.startswith(b + ".") for b in banned))


def _violations(package: str, banned: tuple[str, ...], only: tuple[str, ...] | None = None) -> list[str]:
    bad = []
    for path in _modules(package):
        if only is not None and _module_name(path) not in only:
            continue
        for hit in _hits(imported_names(path), banned):
            bad.append(f"{path.relative_to(ROOT)} imports {hit}")
    return bad


# ------------------------------------------------------------------ the scanner itself


def test_scanner_sees_relative_nested_and_dynamic_imports(tmp_path, monkeypatch):
    pkg = tmp_path / "roster"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "bad.py").write_text(
        "import os\n"
        "from ..solver import model\n"
        "def f():\n"
        "    from PySide6.QtCore import QObject\n"
        "    import importlib\n"
        "    importlib.import_module('ortools.sat.python.cp_model')\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    names = imported_names(pkg / "bad.py")
    assert {"PySide6.QtCore", "ortools.sat.python.cp_model", "solver.model"} <= names
    assert _hits(names, ("PySide6", "ortools")) == ["PySide6.QtCore", "PySide6.QtCore.QObject",
                                                    "ortools.sat.python.cp_model"]
    assert _violations("roster", ("solver",)) == ["roster/bad.py imports solver", "roster/bad.py imports solver.model"]


# ------------------------------------------------------------------ the project


def test_roster_never_imports_qt_or_ortools():
    assert _modules("roster"), "roster/ has no modules?"
    assert _violations("roster", ("PySide6", "shiboken6", "ortools")) == []


def test_roster_never_imports_the_upper_layers():
    assert _violations("roster", ("solver", "exports", "ui")) == []


def test_solver_and_exports_never_import_ui():
    assert _violations("solver", ("ui",)) == []
    assert _violations("exports", ("ui",)) == []


def test_validator_never_imports_solver():
    only = ("roster.validator", "roster.timeline", "roster.checkcli")
    assert _violations("roster", ("solver",), only) == []


def test_solver_never_imports_the_validator_side():
    banned = ("roster.validator", "roster.timeline", "roster.hours")
    assert _violations("solver", banned) == []


_PROBE = r"""
import importlib, json, pkgutil, sys
import roster
failed = {}
for m in pkgutil.walk_packages(roster.__path__, "roster."):
    try:
        importlib.import_module(m.name)
    except Exception as e:  # reported, and fails the test
        failed[m.name] = repr(e)
print(json.dumps({"modules": sorted(sys.modules), "failed": failed}))
"""


def test_importing_every_roster_module_loads_no_qt_or_ortools():
    proc = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    assert data["failed"] == {}
    loaded = data["modules"]
    assert "roster.validator" in loaded and "roster.timeline" in loaded
    bad = [m for m in loaded if m.split(".")[0] in ("PySide6", "shiboken6", "ortools", "solver", "ui", "exports")]
    assert bad == []


@pytest.mark.parametrize("module", ["roster.validator", "roster.timeline", "roster.checkcli"])
def test_validator_modules_alone_do_not_load_the_solver(module):
    code = f"import json, sys, {module}; print(json.dumps(sorted(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    loaded = json.loads(proc.stdout.strip().splitlines()[-1])
    assert [m for m in loaded if m.split(".")[0] in ("solver", "ortools", "PySide6")] == []
