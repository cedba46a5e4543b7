"""Regenerate the English catalogue: lupdate → fill translations → lrelease.

    uv run python i18n/update_translations.py            # update roster_en.ts and roster_en.qm
    uv run python i18n/update_translations.py --check    # also exit 1 when a string has no English
    uv run python i18n/update_translations.py --release  # only compile the committed .ts to .qm
    uv run python i18n/update_translations.py --check --ts /tmp/x.ts --qm /tmp/x.qm  # leave the committed files alone

Sources: every .py under ui/ and exports/ (``self.tr("中文")`` and
``QCoreApplication.translate("Context", "中文")``).  English comes from the mapping in
``translations_en.py`` beside this script (by source text, or by (context, source) to disambiguate);
the .ts stays the catalogue a translator can open in Qt Linguist.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TS = HERE / "roster_en.ts"
QM = HERE / "roster_en.qm"
SOURCE_DIRS = ("ui", "exports")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the venv (next to the interpreter) or PATH."""
    for cand in (Path(sys.executable).parent / name, Path(sys.executable).parent / f"{name}.exe"):
        if cand.exists():
            return str(cand)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"找不到 {name}：请在 uv 环境中运行（PySide6-Essentials 自带）")
    return found


def sources() -> list[str]:
    files: list[str] = []
    for d in SOURCE_DIRS:
        files += sorted(str(p.relative_to(ROOT)) for p in (ROOT / d).rglob("*.py") if "__pycache__" not in p.parts)
    return files


def lupdate(ts: Path = TS) -> None:
    cmd = [tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete",
           "-source-language", "zh_CN", "-target-language", "en_US", "-locations", "none"]
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def unused_entries(ts: Path = TS) -> list[str]:
    """Mapping keys (``EN`` sources, ``BY_CONTEXT`` pairs) no message in the .ts takes its English from."""
    sys.path.insert(0, str(HERE))
    from translations_en import BY_CONTEXT, EN

    pairs = {(ctx.findtext("name") or "", msg.findtext("source") or "")
             for ctx in ET.parse(ts).getroot().iter("context") for msg in ctx.iter("message")}
    pairs -= set(exports_english())  # those take their English from the exporters
    sources = {src for _ctx, src in pairs}
    return [repr(k) for k in EN if k not in sources] + [repr(k) for k in BY_CONTEXT if k not in pairs]


def exports_english() -> dict[tuple[str, str], str]:
    """The exporters keep their English next to each string (``exports._common._s``), which is also what a CLI
    export without a loaded catalogue prints; the catalogue takes it from there so GUI and CLI exports agree."""
    sys.path.insert(0, str(ROOT))
    import exports.excel  # noqa: F401  (importing registers every exporter string)
    import exports.ics  # noqa: F401
    import exports.pdf  # noqa: F401
    import exports.xlsx_import  # noqa: F401
    from exports._common import english_fallbacks

    return english_fallbacks()


def fill(ts: Path = TS) -> list[tuple[str, str]]:
    """Write English into every <translation>; return (context, source) pairs still missing."""
    sys.path.insert(0, str(HERE))
    from translations_en import BY_CONTEXT, EN

    exported = exports_english()

    tree = ET.parse(ts)
    missing: list[tuple[str, str]] = []
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            src = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            english = exported.get((name, src)) or BY_CONTEXT.get((name, src), EN.get(src))
            if english is None:
                if not (tr.text or "").strip():
                    tr.set("type", "unfinished")
                    missing.append((name, src))
                continue
            tr.text = english
            tr.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return missing


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when any string lacks English")
    ap.add_argument("--release", action="store_true", help="only run lrelease on the committed .ts")
    ap.add_argument("--ts", type=Path, default=TS, help="catalogue to write (default: the committed roster_en.ts); "
                    "a path that does not exist yet starts as a copy of the committed one")
    ap.add_argument("--qm", type=Path, default=QM, help="compiled catalogue to write (default: roster_en.qm)")
    args = ap.parse_args(argv)
    ts, qm = args.ts.resolve(), args.qm.resolve()
    if ts != TS and not ts.exists():
        shutil.copyfile(TS, ts)
    if args.release:
        lrelease(ts, qm)
        return 0
    lupdate(ts)
    missing = fill(ts)
    lrelease(ts, qm)
    total = sum(1 for _ in ET.parse(ts).getroot().iter("message"))
    print(f"{ts.name}: {total} strings, {total - len(missing)} translated, {len(missing)} missing")
    for ctx, src in missing:
        print(f"  missing [{ctx}] {src!r}")
    unused = unused_entries(ts)
    if unused:
        print(f"{len(unused)} entries in translations_en.py match no source string (vanished; delete them):")
        for key in unused:
            print(f"  unused {key}")
    return 1 if (args.check and missing) else 0


if __name__ == "__main__":
    raise SystemExit(main())
