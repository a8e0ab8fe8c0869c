"""Every fingerprint message code used in the code has Vietnamese and English text."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_every_code_used_is_in_the_catalog_in_both_languages() -> None:
    with (ROOT / "resources" / "i18n" / "fingerprint.toml").open("rb") as fh:
        catalog = tomllib.load(fh)
    sources = list((ROOT / "devices" / "fingerprint").glob("*.py"))
    sources += list((ROOT / "ui" / "widgets").glob("fingerprint_*.py"))
    sources.append(ROOT / "devices" / "fingerprint" / "sequence.py")
    used: set[str] = set()
    for path in sources:
        used |= set(re.findall(r'"(fingerprint\.[a-z_]+(?:\.[a-z_]+)?)"', path.read_text()))
    dynamic = {f"fingerprint.finger.{k}" for k in (
        "right_thumb", "right_index", "right_middle", "right_ring", "right_little",
        "left_thumb", "left_index", "left_middle", "left_ring", "left_little")}
    dynamic |= {f"fingerprint.exception.{k}" for k in (
        "missing", "amputated", "bandaged", "cannot_capture")}
    dynamic |= {f"fingerprint.iris_exception.{k}" for k in (
        "missing", "amputated", "bandaged", "cannot_capture")}
    dynamic |= {f"fingerprint.prompt.{k}" for k in ("right_four", "left_four", "two_thumbs")}
    needed = {c for c in used | dynamic if not c.startswith("fingerprint.storage")}
    assert len(needed) > 40
    missing = sorted(c for c in needed if c not in catalog)
    assert not missing, missing
    for code, texts in catalog.items():
        assert code.startswith("fingerprint."), code
        assert texts.get("vi") and texts.get("en"), code
