"""Golden images guard the layout: each document rendered at 40 dpi must stay within a small
tolerance of its PNG in tests/printing/golden/. After an intended layout change, regenerate
with ``WORKSTATION_UPDATE_GOLDEN=1 pytest tests/printing/test_golden.py`` and look at them."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from printing import data as d
from printing import samples
from printing.cc01 import render_information_sheet
from printing.cc02 import render_appointment_slip
from printing.fonts import register_fonts
from printing.handover import render_handover_record
from printing.receipt import render_fee_receipt
from printing.register import render_daily_register
from tests.printing.conftest import render_pages

GOLDEN = Path(__file__).resolve().parent / "golden"
DPI = 40
ISS = samples.ISSUER

CASES: dict[str, Callable[[], bytes]] = {
    "cc01-adult-A4": lambda: render_information_sheet(
        d.information_sheet(samples.adult_renewal(), ISS), "A4", True),
    "cc01-child-A5": lambda: render_information_sheet(
        d.information_sheet(samples.child_under_6(), ISS), "A5", True),
    "cc02-adult-A5": lambda: render_appointment_slip(
        d.appointment_slip(samples.adult_renewal(), ISS), "A5", True),
    "cc02-child-80mm": lambda: render_appointment_slip(
        d.appointment_slip(samples.child_under_6(), ISS), "80mm", True),
    "receipt-adult-80mm": lambda: render_fee_receipt(
        d.fee_receipt(samples.adult_renewal(), ISS), "80mm", True),
    "receipt-child-A5": lambda: render_fee_receipt(
        d.fee_receipt(samples.child_under_6(), ISS), "A5", True),
    "handover-adult-A4": lambda: render_handover_record(
        d.handover_record(samples.adult_renewal(), ISS), "A4", True),
    "register-A4": lambda: render_daily_register(
        d.daily_register(date(2024, 8, 16), samples.day_of_applications(), ISS,
                         "Thiếu tá Phạm Quốc Hưng"), "A4", True),
}


@pytest.fixture(scope="module", autouse=True)
def _same_fonts() -> None:
    if register_fonts().serif.files[0].name != "LiberationSerif-Regular.ttf":
        pytest.skip("golden images were made with Liberation fonts")


@pytest.mark.parametrize("name", sorted(CASES))
def test_layout_matches_the_golden_image(name: str, tmp_path: Path) -> None:
    pages = render_pages(CASES[name](), DPI, tmp_path)
    for i, page in enumerate(pages, start=1):
        path = GOLDEN / f"{name}-p{i}.png"
        if os.environ.get("WORKSTATION_UPDATE_GOLDEN"):
            GOLDEN.mkdir(exist_ok=True)
            Image.fromarray(page).save(path, optimize=True)
            continue
        assert path.exists(), f"no golden image {path.name}: run with WORKSTATION_UPDATE_GOLDEN=1"
        with Image.open(path) as img:
            want = np.asarray(img.convert("L"))
        assert page.shape == want.shape, (name, i)
        diff = np.abs(page.astype(int) - want.astype(int))
        assert diff.mean() < 1.5, (name, i, diff.mean())
        assert (diff > 64).mean() < 0.004, (name, i, (diff > 64).mean())
    assert len(list(GOLDEN.glob(f"{name}-p*.png"))) == len(pages)


def test_the_comparison_would_notice_a_moved_block(tmp_path: Path) -> None:
    """The tolerance is tight enough to catch a layout change: the same slip with one more
    field differs from its golden image."""
    import dataclasses

    app = samples.adult_renewal()
    moved = dataclasses.replace(app, applicant=dataclasses.replace(
        app.applicant, residence=(app.applicant.residence or "") + ", xóm Mới" * 8))
    page = render_pages(render_appointment_slip(d.appointment_slip(moved, ISS), "A5", True), DPI,
                        tmp_path)[0]
    with Image.open(GOLDEN / "cc02-adult-A5-p1.png") as img:
        want = np.asarray(img.convert("L"))
    diff = np.abs(page.astype(int) - want.astype(int))
    assert diff.mean() >= 1.5 or (diff > 64).mean() >= 0.004
