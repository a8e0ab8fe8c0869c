"""Printing benchmark: the appointment slip (CC02 with QR code and Code128) against the floor
of a one-page canvas with the same fonts and one line of text, and the memory of a batch.

Prints one JSON object: slip_ms_median (≤ 40), slip_ratio_to_floor (≤ 2),
batch_1000_peak_rss_mb (growth of the peak RSS over 1000 slips, < 50).
"""

from __future__ import annotations

import io
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from printing import data, samples  # noqa: E402
from printing.cc02 import render_appointment_slip  # noqa: E402
from printing.fonts import register_fonts  # noqa: E402


def _slip(app: data.ApplicationData) -> bytes:
    return render_appointment_slip(data.appointment_slip(app, samples.ISSUER), "A5")


def _floor() -> bytes:
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen.canvas import Canvas

    fonts = register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A5, initialFontName=fonts.serif.regular)
    # one line of text, its words in each font the slip uses (each font embedded as a subset)
    x = 40.0
    for font, word in ((fonts.serif.regular, "Giấy hẹn"), (fonts.serif.bold, "NGUYỄN THỊ"),
                       (fonts.serif.italic, "ngày 16 tháng 8")):
        c.setFont(font, 11)
        c.drawString(x, 500, word)
        x += c.stringWidth(word, font, 11) + 4
    c.showPage()
    c.save()
    return buf.getvalue()


def _timed(fn: Callable[[], bytes]) -> tuple[float, float]:
    """(wall ms, CPU ms) of one call."""
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return (time.perf_counter() - w0) * 1000, (time.process_time() - c0) * 1000


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> None:
    app = samples.adult_renewal()
    for _ in range(5):  # fonts registered, caches warm
        _slip(app)
        _floor()
    # slip and floor alternate, so both meet the same load on a shared machine
    slip_wall, slip_cpu, floor_wall, floor_cpu = [], [], [], []
    for _ in range(80):
        w, c = _timed(lambda: _slip(app))
        slip_wall.append(w)
        slip_cpu.append(c)
        w, c = _timed(_floor)
        floor_wall.append(w)
        floor_cpu.append(c)
    slip_ms, floor_ms = statistics.median(slip_wall), statistics.median(floor_wall)
    slip_c, floor_c = statistics.median(slip_cpu), statistics.median(floor_cpu)
    before = _peak_rss_mb()
    for _ in range(1000):
        _slip(app)
    growth = _peak_rss_mb() - before
    print(json.dumps({
        "slip_ms_median": round(slip_ms, 2),
        "floor_ms_median": round(floor_ms, 2),
        "slip_ratio_to_floor": round(slip_ms / floor_ms, 2),
        "slip_cpu_ms_median": round(slip_c, 2),
        "floor_cpu_ms_median": round(floor_c, 2),
        "slip_cpu_ratio_to_floor": round(slip_c / floor_c, 2),
        "batch_1000_peak_rss_mb": round(growth, 2),
        "slip_bytes": len(_slip(app)),
    }))


if __name__ == "__main__":
    main()
