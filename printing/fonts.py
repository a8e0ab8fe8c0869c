"""Find and register fonts with full Vietnamese coverage for reportlab (Linux, Windows, macOS).

Official documents use a Times-metric serif (Decree 30/2020): Liberation Serif on Linux, Times
New Roman on Windows. The sans family (Liberation Sans / Arial) serves the thermal roll. DejaVu
and Noto are fallbacks. DejaVu Sans *Mono* is never used: it lacks 46 Vietnamese letters.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from printing.errors import DocumentError
from resources import resource_path

# Letters a font must have to print Vietnamese (a sample of the hardest precomposed ones).
VIETNAMESE_SAMPLE = "ẮẰẲẴẶắằẳẵặẤẦẨẪẬấầẩẫậĐđƠơỚớỜờỞởỠỡỢợƯưỨứỪừỬửỮữỰựỆệỸỹỶỷỴỵ"

STYLES = ("regular", "bold", "italic", "bolditalic")

# Candidate file names per family and style, best first.
CANDIDATES: dict[str, dict[str, tuple[str, ...]]] = {
    "serif": {
        "regular": ("LiberationSerif-Regular.ttf", "times.ttf", "DejaVuSerif.ttf",
                    "NotoSerif-Regular.ttf"),
        "bold": ("LiberationSerif-Bold.ttf", "timesbd.ttf", "DejaVuSerif-Bold.ttf",
                 "NotoSerif-Bold.ttf"),
        "italic": ("LiberationSerif-Italic.ttf", "timesi.ttf", "DejaVuSerif-Italic.ttf",
                   "NotoSerif-Italic.ttf"),
        "bolditalic": ("LiberationSerif-BoldItalic.ttf", "timesbi.ttf",
                       "DejaVuSerif-BoldItalic.ttf", "NotoSerif-BoldItalic.ttf"),
    },
    "sans": {
        "regular": ("LiberationSans-Regular.ttf", "arial.ttf", "DejaVuSans.ttf",
                    "NotoSans-Regular.ttf"),
        "bold": ("LiberationSans-Bold.ttf", "arialbd.ttf", "DejaVuSans-Bold.ttf",
                 "NotoSans-Bold.ttf"),
        "italic": ("LiberationSans-Italic.ttf", "ariali.ttf", "DejaVuSans-Oblique.ttf",
                   "NotoSans-Italic.ttf"),
        "bolditalic": ("LiberationSans-BoldItalic.ttf", "arialbi.ttf",
                       "DejaVuSans-BoldOblique.ttf", "NotoSans-BoldItalic.ttf"),
    },
}


def font_dirs() -> list[Path]:
    """Folders that may hold fonts on this platform, the bundled resources/fonts first."""
    dirs = [resource_path("fonts")]
    extra = os.environ.get("WORKSTATION_FONT_DIRS")
    if extra:
        dirs += [Path(p) for p in extra.split(os.pathsep) if p]
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [home / "Library" / "Fonts", Path("/Library/Fonts"),
                 Path("/System/Library/Fonts/Supplemental"), Path("/System/Library/Fonts")]
    else:
        data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
        dirs += [data_home / "fonts", home / ".fonts", Path("/usr/local/share/fonts"),
                 Path("/usr/share/fonts")]
    return dirs


@lru_cache(maxsize=1)
def _font_index() -> dict[str, Path]:
    """Lower-case file name → path of every .ttf under the font folders (first one wins)."""
    index: dict[str, Path] = {}
    for root in font_dirs():
        if not root.is_dir():
            continue
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                if name.lower().endswith(".ttf"):
                    index.setdefault(name.lower(), Path(dirpath) / name)
    return index


def find_font(family: str, style: str = "regular") -> Path | None:
    """The first installed candidate file for ``family`` ("serif"/"sans") and ``style``."""
    index = _font_index()
    for name in CANDIDATES[family][style]:
        path = index.get(name.lower())
        if path is not None:
            return path
    return None


def covers_vietnamese(path: Path) -> bool:
    """Whether the TrueType file has a glyph for every letter of VIETNAMESE_SAMPLE."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    face = TTFontFile(str(path))
    cmap = face.charToGlyph
    return all(ord(ch) in cmap for ch in VIETNAMESE_SAMPLE)


@dataclass(frozen=True)
class FontFamily:
    """reportlab names of one registered family."""

    regular: str
    bold: str
    italic: str
    bolditalic: str
    files: tuple[Path, ...]


@dataclass(frozen=True)
class Fonts:
    """The registered serif and sans families."""

    serif: FontFamily
    sans: FontFamily


_lock = threading.Lock()


def _register_family(family: str) -> FontFamily:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    base = "CC" + family.capitalize()  # CCSerif, CCSans
    names: dict[str, str] = {}
    files: list[Path] = []
    regular = find_font(family, "regular")
    if regular is None or not covers_vietnamese(regular):
        raise DocumentError("printing.font_missing", family=family)
    for style in STYLES:
        path = find_font(family, style) or regular
        name = base if style == "regular" else f"{base}-{style.capitalize()}"
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
        names[style] = name
        files.append(path)
    addMapping(base, 0, 0, names["regular"])
    addMapping(base, 1, 0, names["bold"])
    addMapping(base, 0, 1, names["italic"])
    addMapping(base, 1, 1, names["bolditalic"])
    return FontFamily(names["regular"], names["bold"], names["italic"], names["bolditalic"],
                      tuple(files))


_fonts: Fonts | None = None


def register_fonts() -> Fonts:
    """Register both families with reportlab once per process and return their names.

    TrueType fonts are embedded as subsets by reportlab. Raises ``DocumentError``
    ("printing.font_missing") when no font with Vietnamese letters is installed.
    """
    global _fonts
    with _lock:
        if _fonts is None:
            _fonts = Fonts(serif=_register_family("serif"), sans=_register_family("sans"))
        return _fonts
