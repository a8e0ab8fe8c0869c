"""The house rules of ARCHITECTURE.md, checked on the source: arrows point down."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# package -> top-level packages of ours it must never import
FORBIDDEN = {
    "models": {"workstation", "ui", "devices", "printing"},
    "devices": {"workstation", "ui", "models", "printing"},
    "printing": {"workstation", "ui", "models", "devices"},
    "workstation": {"ui"},
    "resources": {"workstation", "ui", "models", "devices", "printing"},
}
QT_GUI = {"PySide6.QtWidgets", "PySide6.QtGui"}
# `workstation run` hands over to the GUI's composition root: the one allowed upward call.
ALLOWED = {
    ("workstation/commands/run.py", "ui.app"),
    ("workstation/commands/run.py", "ui.app.main"),
}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layers_only_import_downwards(package: str) -> None:
    offences = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for name in _imports(path):
            top = name.split(".")[0]
            if top in FORBIDDEN[package] and (str(path.relative_to(ROOT)), name) not in ALLOWED:
                offences.append(f"{path.relative_to(ROOT)} imports {name}")
            if any(name == q or name.startswith(q + ".") for q in QT_GUI):
                offences.append(f"{path.relative_to(ROOT)} imports {name} (Qt GUI outside ui/)")
    assert offences == []


def test_cli_start_imports_no_heavy_library() -> None:
    """Building the CLI parser (every subcommand registered) must not pull in Qt, OpenCV,
    numpy or reportlab: `workstation check` has to start in well under a second."""
    code = (
        "import sys\n"
        "from workstation.cli import build_parser\n"
        "build_parser()\n"
        "heavy = {'PySide6', 'cv2', 'numpy', 'reportlab', 'smartcard', 'scipy', 'openpyxl'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, timeout=60, check=True).stdout.strip()
    assert out == "[]"
