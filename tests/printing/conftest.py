"""Helpers for the printing tests: read PDFs back with poppler, decode codes, build apps."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:  # pragma: no cover
    pytest.skip("poppler-utils (pdftotext, pdftoppm) are needed", allow_module_level=True)


def pdf_text(pdf: bytes, *extra: str) -> str:
    """The text poppler extracts from a PDF (in reading order)."""
    proc = subprocess.run(["pdftotext", *extra, "-enc", "UTF-8", "-", "-"], input=pdf,
                          capture_output=True, check=True, timeout=60)
    return proc.stdout.decode("utf-8")


def pdf_words(pdf: bytes) -> list[tuple[str, float, float, float, float, int]]:
    """Every word with its box in points (text, xMin, yMin, xMax, yMax, page index)."""
    import re
    from html import unescape

    html = pdf_text(pdf, "-bbox")
    words: list[tuple[str, float, float, float, float, int]] = []
    page = -1
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                      r'yMax="([\d.]+)">(.*?)</word>', line)
        if m:
            words.append((unescape(m.group(5)), float(m.group(1)), float(m.group(2)),
                          float(m.group(3)), float(m.group(4)), page))
    return words


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    import re

    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", "-"], input=pdf,
                         capture_output=True, check=True, timeout=60).stdout.decode()
    return [(float(a), float(b)) for a, b in
            re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)]


def render_pages(pdf: bytes, dpi: int, tmp: Path, gray: bool = True) -> list[np.ndarray]:
    """Each page rendered by pdftoppm as a numpy array (grey by default)."""
    from PIL import Image

    prefix = tmp / "page"
    args = ["pdftoppm", "-r", str(dpi), "-png"] + (["-gray"] if gray else []) + ["-", str(prefix)]
    subprocess.run(args, input=pdf, check=True, capture_output=True, timeout=60)
    pages = []
    for path in sorted(tmp.glob("page*.png")):
        with Image.open(path) as img:
            pages.append(np.asarray(img.convert("L") if gray else img.convert("RGB")).copy())
        path.unlink()
    return pages


def decode_qr(image: np.ndarray) -> str:
    import cv2

    detector = cv2.QRCodeDetector()
    text, _points, _ = detector.detectAndDecode(image)
    return str(text)


def decode_barcodes(image: np.ndarray) -> list[tuple[str, str]]:
    """(format, text) of every barcode zxing-cpp finds in the image."""
    import zxingcpp

    return [(str(r.format), r.text) for r in zxingcpp.read_barcodes(image)]


@pytest.fixture
def pdftext() -> object:
    return pdf_text
