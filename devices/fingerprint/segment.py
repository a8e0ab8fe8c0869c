"""Slap segmentation: cut a 4-4-2 slap image into fingertips and name each finger.

The foreground is found on a 1/4-scale copy (ridge texture has local contrast, the platen has
none), split into blobs; a blob with another blob straight above it is a lower phalanx and is
dropped; a fingertip blob is cut to fingertip proportions. Blobs are then matched to the slap's
finger slots by trying every way of placing them (left-to-right order, even spacing, the middle
finger reaching highest), so a partial slap names which finger is missing
("3 fingers found, 4 expected").
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import cv2
import numpy as np

from devices.fingerprint.model import Finger, GrayImage, Slap
from devices.fingerprint.quality import finger_score

SCALE = 4
MIN_TIP_AREA = 22_000  # px at full resolution: smaller blobs are smudges, not fingers
FINGER_WIDTH = 70  # a fingertip's width at 1/4 scale (about 0.55 inch at 500 ppi)


@dataclass(frozen=True)
class FingerBox:
    finger: Finger
    x: int
    y: int
    w: int
    h: int
    image: GrayImage
    quality: int


@dataclass(frozen=True)
class Segmentation:
    slap: Slap
    boxes: tuple[FingerBox, ...]
    missing: tuple[Finger, ...]

    @property
    def found(self) -> int:
        return len(self.boxes)

    @property
    def expected(self) -> int:
        return len(self.slap.fingers)


def _tips(image: GrayImage) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x, y, w, h, full resolution) of fingertip blobs."""
    small = cv2.resize(image, (image.shape[1] // SCALE, image.shape[0] // SCALE),
                       interpolation=cv2.INTER_AREA).astype(np.float32)
    mean = cv2.blur(small, (5, 5))
    sq = cv2.blur(small * small, (5, 5))
    std = np.sqrt(np.maximum(sq - mean * mean, 0.0))
    fg = ((std > 9.0) & (mean < 225.0)).astype(np.uint8)
    fg = np.asarray(cv2.morphologyEx(fg, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8)), np.uint8)
    fg = np.asarray(cv2.morphologyEx(fg, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8)), np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(fg)
    # Fingers that touch make one wide blob: cut it where the columns hold the least skin.
    cut = False
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        parts = int(round(w / FINGER_WIDTH))
        if w < 1.45 * FINGER_WIDTH or parts < 2:
            continue
        profile = (labels[y:y + h, x:x + w] == i).sum(axis=0)
        for k in range(1, parts):
            centre = int(k * w / parts)
            lo, hi = max(centre - FINGER_WIDTH // 3, 1), min(centre + FINGER_WIDTH // 3, w - 1)
            col = x + lo + int(np.argmin(profile[lo:hi]))
            fg[y:y + h, col - 1:col + 2][labels[y:y + h, col - 1:col + 2] == i] = 0
            cut = True
    if cut:
        n, labels, stats, _ = cv2.connectedComponentsWithStats(fg)
    blobs = [tuple(int(v) for v in stats[i, :4]) for i in range(1, n)
             if stats[i, cv2.CC_STAT_AREA] * SCALE * SCALE >= MIN_TIP_AREA]
    tips = []
    for x, y, w, h in blobs:
        # A blob with another blob above it, overlapping in x, is a lower finger segment.
        above = any(oy + oh <= y + 2 and min(x + w, ox + ow) - max(x, ox) > 0.3 * min(w, ow)
                    for ox, oy, ow, oh in blobs if (ox, oy, ow, oh) != (x, y, w, h))
        if above:
            continue
        # A tip merged with its lower segment: keep fingertip proportions.
        h = min(h, int(w * 1.7))
        tips.append((x * SCALE, y * SCALE, w * SCALE, h * SCALE))
    return tips


def _assign(tips: list[tuple[int, int, int, int]], slap: Slap) -> list[int]:
    """The slot index (into ``slap.fingers``) of each tip, tips sorted left to right."""
    slots = len(slap.fingers)
    n = len(tips)
    if n >= slots:
        return list(range(slots))
    if n == 0:
        return []
    centers = np.array([x + w / 2 for x, _, w, _ in tips], np.float64)
    tops = np.array([y for _, y, _, _ in tips], np.float64)
    widths = np.array([w for _, _, w, _ in tips], np.float64)
    best: tuple[float, tuple[int, ...]] | None = None
    for combo in itertools.combinations(range(slots), n):
        idx = np.array(combo, np.float64)
        # Even spacing: the centres should be linear in the slot index.
        a, b = np.polyfit(idx, centers, 1)
        resid = float(np.abs(centers - (a * idx + b)).mean()) / max(float(widths.mean()), 1)
        cost = resid + (0.0 if a > 0.8 * widths.mean() else 1.0)
        if slap is not Slap.TWO_THUMBS and n >= 2:
            middle = next(i for i, f in enumerate(slap.fingers) if f.name.endswith("MIDDLE"))
            little = next(i for i, f in enumerate(slap.fingers) if f.name.endswith("LITTLE"))
            if middle in combo and int(np.argmin(tops)) != combo.index(middle):
                cost += 0.6
            if little in combo and int(np.argmax(tops)) != combo.index(little):
                cost += 0.4
        if best is None or cost < best[0]:
            best = (cost, combo)
    assert best is not None
    return list(best[1])


def segment_slap(image: GrayImage, slap: Slap, width_px: int = 1600) -> Segmentation:
    """Find the fingertips of ``slap`` in ``image`` and score each one."""
    tips = _tips(image)
    slots = len(slap.fingers)
    if len(tips) > slots:
        tips = sorted(tips, key=lambda t: t[2] * t[3], reverse=True)[:slots]
    tips.sort(key=lambda t: t[0])
    if slap is Slap.TWO_THUMBS and len(tips) == 1:
        x, _, w, _ = tips[0]
        slot_of = [0 if x + w / 2 < image.shape[1] / 2 else 1]
    elif len(tips) == 1:
        x, _, w, _ = tips[0]
        frac = (x + w / 2) / image.shape[1]
        slot_of = [min(slots - 1, int(frac * slots))]
    else:
        slot_of = _assign(tips, slap)
    boxes = []
    for (x, y, w, h), slot in zip(tips, slot_of, strict=True):
        pad = 12
        x0, y0 = max(x - pad, 0), max(y - pad, 0)
        x1, y1 = min(x + w + pad, image.shape[1]), min(y + h + pad, image.shape[0])
        crop = np.ascontiguousarray(image[y0:y1, x0:x1])
        boxes.append(FingerBox(slap.fingers[slot], x0, y0, x1 - x0, y1 - y0, crop,
                               finger_score(crop)))
    found = {b.finger for b in boxes}
    missing = tuple(f for f in slap.fingers if f not in found)
    return Segmentation(slap, tuple(boxes), missing)
