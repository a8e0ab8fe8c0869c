"""Data shipped with the workstation: fonts, translations, reference tables, samples."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """Return the path of a file shipped under ``resources/``."""
    return ROOT.joinpath(*parts)
