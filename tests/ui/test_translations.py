"""Every text of the app has its Vietnamese, and the committed translation files are current."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from resources import resource_path
from ui.i18n_build import _tool, sources
from ui.i18n_vi import VI


def _texts(ts: Path) -> dict[str, str]:
    return {m.findtext("source") or "": m.findtext("translation") or ""
            for m in ET.parse(ts).getroot().iter("message")}


def test_every_text_is_translated_and_the_ts_files_are_current(tmp_path: Path) -> None:
    fresh = tmp_path / "app_vi.ts"
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", *sources(), "-ts",
                    str(fresh)], check=True)
    in_code = set(_texts(fresh))
    assert len(in_code) > 300  # the scan really read the app
    untranslated = sorted(t for t in in_code if not VI.get(t))
    assert not untranslated, f"add Vietnamese to ui/i18n_vi*.py for: {untranslated}"
    committed = _texts(resource_path("i18n") / "app_vi.ts")
    stale = sorted(t for t in in_code if committed.get(t) != VI[t])
    assert not stale, f"run `python -m ui.i18n_build` and commit resources/i18n: {stale[:10]}"
    english = _texts(resource_path("i18n") / "app_en.ts")
    assert all(english.get(t) == t for t in in_code)
