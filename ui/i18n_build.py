"""Build the app's Qt translations: ``python -m ui.i18n_build [--check]``.

Runs ``pyside6-lupdate`` over the ``ui/`` sources into ``resources/i18n/app_vi.ts`` and
``app_en.ts``, fills the Vietnamese from ``ui.i18n_vi.VI`` (English keeps the source texts),
and compiles both with ``pyside6-lrelease``. ``--check`` only reports untranslated texts
(exit 1 if any): a text shown in English on a Vietnamese screen is a defect.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from resources import resource_path
from ui.i18n_vi import VI

UI = Path(__file__).resolve().parent
TOOLS = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = TOOLS / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    return sorted(str(p) for p in UI.rglob("*.py")
                  if not p.name.startswith("i18n_vi") and p.name != "i18n_build.py")


def fill(ts: Path, table: dict[str, str] | None) -> list[str]:
    """Write translations into ``ts``; returns the source texts without one."""
    tree = ET.parse(ts)
    missing: list[str] = []
    for msg in tree.getroot().iter("message"):
        source = msg.findtext("source") or ""
        target = source if table is None else table.get(source)
        node = msg.find("translation")
        if node is None:
            node = ET.SubElement(msg, "translation")
        if target is None:
            missing.append(source)
            node.set("type", "unfinished")
            node.text = ""
        else:
            node.attrib.pop("type", None)
            node.text = target
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")
    return missing


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = resource_path("i18n")
    missing: list[str] = []
    for lang, table in (("vi", VI), ("en", None)):
        ts = out / f"app_{lang}.ts"
        subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", *sources(),
                        "-ts", str(ts)], check=True)
        missing += fill(ts, table)
        if "--check" not in argv:
            subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm",
                            str(ts.with_suffix(".qm"))], check=True)
    for text in sorted(set(missing)):
        print(f"untranslated: {text!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
