"""Fonts: found on the system, complete for Vietnamese, a clear error when there is none."""

from __future__ import annotations

from pathlib import Path

import pytest

from printing import fonts
from printing.errors import DocumentError


def test_liberation_fonts_are_found_and_cover_vietnamese() -> None:
    serif = fonts.find_font("serif", "regular")
    sans = fonts.find_font("sans", "bold")
    assert serif is not None and sans is not None
    assert fonts.covers_vietnamese(serif) and fonts.covers_vietnamese(sans)
    registered = fonts.register_fonts()
    assert registered.serif.files[0] == serif


def test_dejavu_sans_mono_is_not_enough_for_vietnamese() -> None:
    mono = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
    if not mono.exists():
        pytest.skip("DejaVu Sans Mono is not installed")
    assert not fonts.covers_vietnamese(mono)


def test_windows_names_are_candidates() -> None:
    assert "times.ttf" in fonts.CANDIDATES["serif"]["regular"]
    assert "arial.ttf" in fonts.CANDIDATES["sans"]["regular"]


def test_no_font_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "font_dirs", lambda: [tmp_path])
    fonts._font_index.cache_clear()
    try:
        with pytest.raises(DocumentError) as info:
            fonts._register_family("serif")
        assert info.value.code == "printing.font_missing"
        assert "Liberation" in info.value.text("vi") and "Times New Roman" in info.value.text("en")
    finally:
        fonts._font_index.cache_clear()


def test_extra_font_folders_come_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    source = fonts.find_font("serif", "regular")
    assert source is not None
    shutil.copy(source, tmp_path / "LiberationSerif-Regular.ttf")
    monkeypatch.setenv("WORKSTATION_FONT_DIRS", str(tmp_path))
    fonts._font_index.cache_clear()
    try:
        assert fonts.find_font("serif", "regular") == tmp_path / "LiberationSerif-Regular.ttf"
    finally:
        fonts._font_index.cache_clear()
