"""Image quality of fingerprints and irises, as pure functions on numpy images.

``finger_quality`` is an *NFIQ 2-like* score (0-100) built from the same kinds of features NFIQ 2
uses — orientation certainty, ridge frequency consistency, local clarity, contrast and
foreground area — computed on 32x32 blocks. It is NOT a certified NFIQ 2 implementation and its
numbers are not NFIQ 2 numbers; it ranks prints the same way for the purpose of asking for a
retake. ``iris_quality`` scores focus and the visible iris area.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt
import scipy.fft

from devices.fingerprint.model import GrayImage

BLOCK = 32
#: Area of a full flat fingertip at 500 ppi (about 0.4 square inch), in pixels.
GOOD_AREA_PX = 100_000.0


@dataclass(frozen=True)
class FingerQuality:
    """The score and the features it was made from (each 0-1 unless said otherwise)."""

    score: int
    orientation_certainty: float
    frequency_consistency: float
    clarity: float
    contrast: float
    foreground_area: float
    ridge_period_px: float  # median over the foreground; 0 when there is none
    blank: bool  # no ridge structure at all (all black, all white, flat gray)


def _blocks(a: npt.NDArray[np.float32], size: int = BLOCK) -> npt.NDArray[np.float32]:
    h, w = a.shape
    by, bx = h // size, w // size
    return a[: by * size, : bx * size].reshape(by, size, bx, size).swapaxes(1, 2)


def _block_means(a: npt.NDArray[np.float32], by: int, bx: int) -> npt.NDArray[np.float32]:
    """Mean of each BLOCK x BLOCK tile, flattened (area averaging is exact for whole tiles)."""
    tiles = a[: by * BLOCK, : bx * BLOCK]
    return np.asarray(cv2.resize(tiles, (bx, by), interpolation=cv2.INTER_AREA),
                      np.float32).reshape(-1)


_WINDOW = np.outer(np.hanning(BLOCK), np.hanning(BLOCK)).astype(np.float32)
_FY, _FX = np.meshgrid(np.fft.fftfreq(BLOCK), np.fft.rfftfreq(BLOCK), indexing="ij")
_RADIUS = np.sqrt(_FX**2 + _FY**2).astype(np.float32)
# Ridge periods of 5-16 px at 500 ppi are plausible for fingers of children and adults.
_RING = (_RADIUS >= 1 / 16) & (_RADIUS <= 1 / 5)


def finger_quality(image: GrayImage) -> FingerQuality:
    """Score an 8-bit grayscale print (dark ridges, light background) at 500 ppi."""
    img = np.asarray(image, dtype=np.float32)
    if img.ndim != 2 or min(img.shape) < BLOCK:
        return FingerQuality(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, True)
    blocks = _blocks(img)
    by, bx = blocks.shape[:2]
    flat = blocks.reshape(by * bx, BLOCK * BLOCK)
    mean = flat.mean(axis=1)
    std = flat.std(axis=1)
    # Foreground: blocks with ridge-valley variation, darker than the empty platen.
    fg = (std > 14.0) & (mean < 215.0)
    if not fg.any():
        return FingerQuality(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, True)
    sel = blocks.reshape(by * bx, BLOCK, BLOCK)[fg]
    # Orientation certainty: how strongly one gradient direction dominates each block.
    gx = cv2.Sobel(img, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(img, cv2.CV_32F, 0, 1, ksize=3)
    gxx = _block_means(gx * gx, by, bx)[fg]
    gyy = _block_means(gy * gy, by, bx)[fg]
    gxy = _block_means(gx * gy, by, bx)[fg]
    tr = gxx + gyy + 1e-6
    disc = np.sqrt((gxx - gyy) ** 2 + 4 * gxy**2)
    ocl = disc / tr  # (l1 - l2) / (l1 + l2)
    # Spectrum of each block: ridge period and how much energy the ridge frequency holds.
    centred = (sel - sel.mean(axis=(1, 2), keepdims=True)) * _WINDOW
    power = np.abs(scipy.fft.rfft2(centred, axes=(1, 2))) ** 2
    power[:, 0, 0] = 0.0
    total = power.sum(axis=(1, 2)) + 1e-6
    ring = np.where(_RING, power, 0.0)
    peak_idx = ring.reshape(len(sel), -1).argmax(axis=1)
    peak_r = _RADIUS.reshape(-1)[peak_idx]
    near = np.abs(_RADIUS[None, :, :] - peak_r[:, None, None]) <= 1.0 / BLOCK
    clarity_b = (power * near).sum(axis=(1, 2)) / total
    period = 1.0 / np.maximum(peak_r, 1e-6)
    # Local quality of a block: certain orientation, clear ridges, enough contrast.
    contrast_b = np.clip(std[fg] / 60.0, 0.0, 1.0)
    good_period = ((period >= 6.0) & (period <= 14.0)).astype(np.float32)
    local = ocl * np.clip(clarity_b / 0.5, 0.0, 1.0) * contrast_b * good_period
    med_period = float(np.median(period))
    spread = float(np.median(np.abs(period - med_period))) / max(med_period, 1e-6)
    freq_consistency = float(good_period.mean()) * float(np.clip(1.0 - 3.0 * spread, 0.0, 1.0))
    fg_px = float(fg.sum()) * BLOCK * BLOCK
    area = float(np.clip(fg_px / GOOD_AREA_PX, 0.0, 1.0))
    # Interior blocks decide the local score; a print is as good as its usable area.
    local_q = float(np.mean(local))
    contrast = float(np.mean(contrast_b))
    raw = (local_q ** 0.8) * (freq_consistency ** 0.5) * area
    score = int(round(float(np.clip(raw * 125.0, 0.0, 100.0))))
    return FingerQuality(score, float(np.mean(ocl)), freq_consistency, float(np.mean(clarity_b)),
                         contrast, area, med_period, False)


def finger_score(image: GrayImage) -> int:
    return finger_quality(image).score


@dataclass(frozen=True)
class IrisQuality:
    score: int
    focus: float  # 0-1
    visible_fraction: float  # of the iris annulus not hidden by lids, lashes or glare
    iris_radius_px: float
    pupil_radius_px: float
    found: bool


def iris_quality(image: GrayImage) -> IrisQuality:
    """Score a near-infrared iris image from its focus and the visible iris area."""
    img = np.asarray(image)
    if img.ndim != 2 or img.size == 0:
        return IrisQuality(0, 0.0, 0.0, 0.0, 0.0, False)
    small = cv2.GaussianBlur(img, (0, 0), 2.0)
    # The pupil: the largest very dark blob.
    _, dark = cv2.threshold(small, 50, 255, cv2.THRESH_BINARY_INV)
    n, labels, stats, cents = cv2.connectedComponentsWithStats(dark)
    if n <= 1:
        return IrisQuality(0, 0.0, 0.0, 0.0, 0.0, False)
    best = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    area = float(stats[best, cv2.CC_STAT_AREA])
    if area < 300:
        return IrisQuality(0, 0.0, 0.0, 0.0, 0.0, False)
    r_pupil = float(np.sqrt(area / np.pi))
    cx, cy = (float(v) for v in cents[best])
    # The iris boundary: the strongest rise of brightness along rays into the lower half
    # (the lids rarely cover it there).
    angles = np.deg2rad(np.linspace(-40, 40, 17))
    angles = np.concatenate([angles, np.pi - angles])
    radii = np.arange(int(r_pupil * 1.4), int(r_pupil * 4.5), dtype=np.float32)
    xs = cx + np.cos(angles)[:, None] * radii[None, :]
    ys = cy + np.sin(angles)[:, None] * radii[None, :]
    prof = cv2.remap(small.astype(np.float32), xs.astype(np.float32), ys.astype(np.float32),
                     cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    grad = np.diff(np.median(prof, axis=0))
    if grad.size == 0:
        return IrisQuality(0, 0.0, 0.0, 0.0, r_pupil, False)
    r_iris = float(radii[int(np.argmax(grad)) + 1])
    h, w = img.shape
    yy, xx = np.mgrid[0:h, 0:w]
    rr = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2)
    annulus = (rr > r_pupil * 1.15) & (rr < r_iris * 0.92)
    if not annulus.any():
        return IrisQuality(0, 0.0, 0.0, r_iris, r_pupil, False)
    vals = img[annulus].astype(np.float32)
    iris_med = float(np.median(img[(rr > r_pupil * 1.3) & (rr < r_iris * 0.85) & (yy > cy)]))
    visible = float(np.mean(np.abs(vals - iris_med) < 45))
    # Focus: energy of the iris texture after the sensor noise is smoothed away.
    smooth = cv2.GaussianBlur(img, (0, 0), 1.2).astype(np.float32)
    lap = cv2.Laplacian(smooth, cv2.CV_32F, ksize=3)
    focus_energy = float(np.var(lap[annulus & (np.abs(img.astype(np.float32) - iris_med) < 45)]))
    focus = float(np.clip((focus_energy - 10.0) / 35.0, 0.0, 1.0))
    size_ok = 1.0 if r_iris * 2 >= 210 else (r_iris * 2) / 210.0
    score = int(round(100.0 * focus**0.5 * visible**1.2 * size_ok))
    return IrisQuality(score, focus, visible, r_iris, r_pupil, True)
