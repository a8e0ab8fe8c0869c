"""Synthetic fingerprints and irises: procedural ridge patterns seeded per person and finger.

A finger's *master pattern* is built the SFinGe way: an orientation field from a zero-pole
model of its cores and deltas (arch, tented arch, left/right loop, whorl), then random noise
sharpened by orientation-steered Gabor filters until ridges emerge (at half resolution, then
upsampled to 500 ppi). Each *impression* places that pattern on the platen with its own
rotation, shift, skin elasticity, pressure and noise, so two impressions of one finger share
ridges and minutiae while different fingers do not. Degradations (dry, wet, smudged, partial,
rotated) come in graded levels 0-4. Slaps put four fingertips (or two thumbs) on one
1600x1500 platen image. Only synthetic people: nothing here resembles a real person's print.
"""

from __future__ import annotations

from functools import lru_cache

import cv2
import numpy as np
import numpy.typing as npt

from devices.fingerprint.model import Degradation, Eye, Finger, GrayImage, Slap

FloatImage = npt.NDArray[np.float32]

MASTER_SHAPE = (600, 520)  # rows, cols at 500 ppi: a little more than a fingertip
FLAT_SHAPE = (500, 400)  # a single flat print
SLAP_SHAPE = (1500, 1600)  # FAP 60 platen: 3.0 x 3.2 inches at 500 ppi
IRIS_SHAPE = (480, 640)  # VGA, ISO/IEC 19794-6 K2

_BINS = 8


def _rng(*seed: int) -> np.random.Generator:
    return np.random.default_rng([abs(int(s)) for s in seed])


def _orientation(h: int, w: int, rng: np.random.Generator) -> FloatImage:
    """Ridge orientation (radians, 0..pi) of a random pattern class, by the zero-pole model."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    z = x + 1j * y
    kind = rng.choice(["arch", "tented", "left_loop", "right_loop", "whorl"],
                      p=[0.06, 0.06, 0.34, 0.30, 0.24])
    cx, cy = w * rng.uniform(0.42, 0.58), h * rng.uniform(0.36, 0.48)
    cores: list[complex] = []
    deltas: list[complex] = []
    if kind == "left_loop":
        cores = [complex(cx, cy)]
        deltas = [complex(cx - w * rng.uniform(0.25, 0.38), cy + h * rng.uniform(0.22, 0.32))]
    elif kind == "right_loop":
        cores = [complex(cx, cy)]
        deltas = [complex(cx + w * rng.uniform(0.25, 0.38), cy + h * rng.uniform(0.22, 0.32))]
    elif kind == "whorl":
        dy = h * rng.uniform(0.04, 0.08)
        cores = [complex(cx - w * 0.03, cy - dy), complex(cx + w * 0.03, cy + dy)]
        deltas = [complex(cx - w * rng.uniform(0.32, 0.42), cy + h * rng.uniform(0.25, 0.33)),
                  complex(cx + w * rng.uniform(0.32, 0.42), cy + h * rng.uniform(0.25, 0.33))]
    elif kind == "tented":
        cores = [complex(cx, cy)]
        deltas = [complex(cx + w * rng.uniform(-0.03, 0.03), cy + h * rng.uniform(0.12, 0.18))]
    theta = np.zeros((h, w), np.float32)
    for c in cores:
        theta -= np.angle(z - c).astype(np.float32)
    for d in deltas:
        theta += np.angle(z - d).astype(np.float32)
    theta *= 0.5
    if kind == "arch":
        # Ridges bulge upwards over the middle of the finger and run flat at the sides.
        bump = rng.uniform(0.5, 0.9)
        theta = (bump * np.sin(np.pi * (x / w - 0.5)) *
                 np.exp(-(((y - cy) / (0.6 * h)) ** 2))).astype(np.float32)
    # A gentle, smooth random perturbation makes every finger's flow unique.
    warp = rng.standard_normal((6, 6)).astype(np.float32)
    warp = cv2.resize(warp, (w, h), interpolation=cv2.INTER_CUBIC) * 0.12
    return np.asarray(np.mod(theta + warp, np.pi), np.float32)


def _gabor_bank(period: float) -> list[FloatImage]:
    ks = int(period * 1.6) | 1
    bank = []
    for k in range(_BINS):
        kern = cv2.getGaborKernel((ks, ks), period * 0.45, k * np.pi / _BINS + np.pi / 2,
                                  period, 1.0, 0, ktype=cv2.CV_32F)
        bank.append((kern - kern.mean()).astype(np.float32))
    return bank


def _grow_ridges(theta: FloatImage, period: float, rng: np.random.Generator,
                 iterations: int = 5) -> FloatImage:
    """Noise filtered again and again along the orientation field until ridges form."""
    h, w = theta.shape
    pos = theta / np.pi * _BINS
    weights = []
    for k in range(_BINS):
        d = np.abs(pos - k)
        d = np.minimum(d, _BINS - d)
        weights.append(np.clip(1.0 - d, 0.0, 1.0).astype(np.float32))
    bank = _gabor_bank(period)
    img = rng.standard_normal((h, w)).astype(np.float32)
    for _ in range(iterations):
        out = np.zeros_like(img)
        for wk, kern in zip(weights, bank, strict=True):
            out += wk * cv2.filter2D(img, -1, kern)
        img = np.tanh(out / (float(out.std()) + 1e-6) * 1.5).astype(np.float32)
    return img


@lru_cache(maxsize=48)
def master_pattern(person: int, finger: Finger) -> FloatImage:
    """The finger's ridge pattern in [-1, 1] (ridges positive), MASTER_SHAPE, 500 ppi."""
    rng = _rng(person, finger.value, 7)
    h, w = MASTER_SHAPE[0] // 2, MASTER_SHAPE[1] // 2
    period = float(rng.uniform(4.3, 5.1))  # 8.6-10.2 px at full resolution
    theta = _orientation(h, w, rng)
    ridges = _grow_ridges(theta, period, rng)
    big = cv2.resize(ridges, (MASTER_SHAPE[1], MASTER_SHAPE[0]), interpolation=cv2.INTER_CUBIC)
    full: FloatImage = np.asarray(np.clip(big, -1.0, 1.0), np.float32)
    full.setflags(write=False)
    return full


def _fingertip_mask(shape: tuple[int, int], rng: np.random.Generator, scale: float,
                    partial: int) -> FloatImage:
    """A soft fingertip outline (an oval with an irregular edge), cut for partial prints."""
    h, w = shape
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = w / 2 + rng.uniform(-8, 8), h * 0.5 + rng.uniform(-8, 8)
    ax, ay = w * 0.40 * scale, h * 0.44 * scale
    r = np.sqrt(((x - cx) / ax) ** 2 + ((y - cy) / ay) ** 2)
    # The bottom of a flat print runs off the edge like a finger does; flatten the lower half.
    r = np.where(y > cy, np.sqrt(((x - cx) / ax) ** 2 + ((y - cy) / (ay * 1.6)) ** 2), r)
    edge = rng.standard_normal((5, 5)).astype(np.float32)
    edge = cv2.resize(edge, (w, h), interpolation=cv2.INTER_CUBIC) * 0.04
    mask = np.clip((1.0 - (r + edge)) * 18.0, 0.0, 1.0).astype(np.float32)
    if partial:
        # Cut the print along a random line, keeping about (1 - 0.18 * level) of the area.
        ang = rng.uniform(0, 2 * np.pi)
        nx, ny = np.cos(ang), np.sin(ang)
        proj = (x - cx) * nx + (y - cy) * ny
        fg = proj[mask > 0.5]
        keep = 1.0 - 0.18 * partial
        cut = float(np.quantile(fg, keep)) if fg.size else 0.0
        mask *= np.clip((cut - proj) / 3.0, 0.0, 1.0).astype(np.float32)
    return np.asarray(mask, np.float32)


def _motion_kernel(length: int, angle: float) -> FloatImage:
    k = np.zeros((length, length), np.float32)
    c = length // 2
    dx, dy = np.cos(angle) * c, np.sin(angle) * c
    cv2.line(k, (int(round(c - dx)), int(round(c - dy))), (int(round(c + dx)),
             int(round(c + dy))), 1.0, 1)
    return (k / max(float(k.sum()), 1.0)).astype(np.float32)


def impression(person: int, finger: Finger, *, shape: tuple[int, int] = FLAT_SHAPE,
               degradation: Degradation | None = None, seed: int = 0,
               rotation_deg: float | None = None, mask_scale: float = 0.9,
               background: int = 242, noise: float = 4.0) -> GrayImage:
    """One flat impression of ``finger`` of ``person``, 8-bit gray, dark ridges, 500 ppi.

    ``seed`` varies the placement (a second impression of the same finger uses another seed).
    """
    deg = degradation or Degradation()
    rng = _rng(person, finger.value, seed, 11)
    master = master_pattern(person, finger)
    h, w = shape
    mh, mw = master.shape
    angle = rng.uniform(-7, 7) if rotation_deg is None else rotation_deg
    if deg.rotation:
        angle += (1 if rng.random() < 0.5 else -1) * 11.0 * deg.rotation
    a = np.deg2rad(angle)
    tx, ty = rng.uniform(-18, 18), rng.uniform(-18, 18)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    xc, yc = x - w / 2, y - h / 2
    # Skin is elastic: a smooth random displacement of a few pixels.
    disp = rng.standard_normal((2, 4, 4)).astype(np.float32)
    dx = cv2.resize(disp[0], (w, h), interpolation=cv2.INTER_CUBIC) * 2.5
    dy = cv2.resize(disp[1], (w, h), interpolation=cv2.INTER_CUBIC) * 2.5
    pressure = rng.uniform(0.96, 1.04)
    map_x = (np.cos(a) * xc - np.sin(a) * yc) / pressure + mw / 2 + tx + dx
    map_y = (np.sin(a) * xc + np.cos(a) * yc) / pressure + mh / 2 + ty + dy
    ridges = cv2.remap(master, map_x.astype(np.float32), map_y.astype(np.float32),
                       cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
    mask = _fingertip_mask(shape, rng, mask_scale * pressure, deg.partial)
    ridge = 0.5 + 0.5 * ridges  # 1 on ridge crests, 0 in valleys
    ridge_depth, valley_depth = 185.0, 25.0
    if deg.dry:
        # Dry skin: faint ridges broken into dots and dashes.
        blot = rng.standard_normal((h // 6 + 1, w // 6 + 1)).astype(np.float32)
        blot = np.asarray(cv2.resize(blot, (w, h), interpolation=cv2.INTER_LINEAR), np.float32)
        broken = (blot > (1.1 - 0.45 * deg.dry)).astype(np.float32)
        ridge = ridge * (1.0 - broken * (0.3 + 0.15 * deg.dry))
        ridge_depth -= 26.0 * deg.dry
    if deg.wet:
        # Wet skin: ridges swell and valleys fill with moisture.
        k = 1 + deg.wet
        ridge = np.asarray(cv2.dilate(ridge, np.ones((k, k), np.uint8)), np.float32)
        ridge = np.asarray(cv2.GaussianBlur(ridge, (0, 0), 0.5 * deg.wet), np.float32)
        valley_depth += 24.0 * deg.wet
    if deg.smudge:
        length = 2 + 3 * deg.smudge
        kern = _motion_kernel(length | 1, rng.uniform(0, np.pi))
        ridge = np.asarray(cv2.filter2D(ridge, -1, kern), np.float32)
        ridge = np.asarray(cv2.GaussianBlur(ridge, (0, 0), 0.35 * deg.smudge), np.float32)
        ridge_depth -= 12.0 * deg.smudge
    dark = mask * (valley_depth + (ridge_depth - valley_depth) * ridge)
    img = background - dark
    if noise:
        img += rng.normal(0.0, noise, (h, w)).astype(np.float32)
    return np.asarray(np.clip(img, 0, 255), np.uint8)


def _place(canvas: FloatImage, tile: GrayImage, top: int, left: int) -> None:
    """Put a print on the platen: the darker pixel wins, as ink or skin contact would."""
    th, tw = tile.shape
    ch, cw = canvas.shape
    y0, x0 = max(top, 0), max(left, 0)
    y1, x1 = min(top + th, ch), min(left + tw, cw)
    if y1 <= y0 or x1 <= x0:
        return
    region = tile[y0 - top:y1 - top, x0 - left:x1 - left].astype(np.float32)
    np.minimum(canvas[y0:y1, x0:x1], region, out=canvas[y0:y1, x0:x1])


def slap_image(person: int, slap: Slap, *, absent: tuple[Finger, ...] = (),
               degradation: Degradation | None = None, seed: int = 0,
               per_finger: dict[Finger, Degradation] | None = None) -> GrayImage:
    """A 4-finger (or two-thumb) slap on a 1600x1500 platen, 500 ppi.

    Each finger shows its fingertip and, below a crease, part of the middle phalanx (fainter);
    the middle finger reaches highest. ``absent`` fingers leave their place empty.
    """
    rng = _rng(person, slap.value, seed, 23)
    h, w = SLAP_SHAPE
    canvas = np.full((h, w), 255.0, np.float32)
    fingers = slap.fingers
    tilt = rng.uniform(-8, 8)
    if slap is Slap.TWO_THUMBS:
        centers = [w * 0.3 + rng.uniform(-30, 30), w * 0.7 + rng.uniform(-30, 30)]
        tops = [h * 0.25 + rng.uniform(-40, 40), h * 0.25 + rng.uniform(-40, 40)]
        tip_shape = (480, 360)
    else:
        spacing = w * rng.uniform(0.2, 0.22)
        start = w / 2 - 1.5 * spacing + rng.uniform(-40, 40)
        centers = [start + i * spacing for i in range(4)]
        # Height of each fingertip by finger: middle highest, little lowest.
        rise = {"MIDDLE": 0.0, "INDEX": 70.0, "RING": 55.0, "LITTLE": 210.0}
        base = h * 0.08 + rng.uniform(0, 40)
        tops = [base + rise[f.name.split("_")[1]] + rng.uniform(-15, 15) for f in fingers]
        tip_shape = (460, 320)
    for i, finger in enumerate(fingers):
        if finger in absent:
            continue
        deg = (per_finger or {}).get(finger, degradation)
        th, tw = tip_shape
        if finger.name.endswith("LITTLE"):
            th, tw = int(th * 0.85), int(tw * 0.85)
        tip = impression(person, finger, shape=(th, tw), degradation=deg, seed=seed * 31 + i,
                         rotation_deg=tilt + rng.uniform(-4, 4), mask_scale=1.0,
                         background=255, noise=0.0)
        top, left = int(tops[i]), int(centers[i] - tw / 2)
        _place(canvas, tip, top, left)
        if slap is not Slap.TWO_THUMBS:
            # The middle phalanx, below the first crease: fainter, cut by the platen edge.
            lower = impression(person, finger, shape=(int(th * 0.9), tw),
                               seed=seed + 1005, rotation_deg=tilt + 90, mask_scale=1.3,
                               background=255, noise=0.0)
            lower = (255 - (255 - lower.astype(np.float32)) * 0.55).astype(np.uint8)
            _place(canvas, lower, top + th + 34, left + int(np.tan(np.deg2rad(-tilt)) * th))
    canvas -= 13.0  # the platen's own gray level; skin contact is darker still
    canvas += rng.normal(0.0, 3.0, (h, w)).astype(np.float32)
    return np.asarray(np.clip(canvas, 0, 255), np.uint8)


def iris_image(person: int, eye: Eye, *, blur: float = 0.0, occlusion: float = 0.15,
               seed: int = 0) -> GrayImage:
    """A near-infrared iris image, 640x480, with radial iris texture, pupil, lids and lashes.

    ``blur`` (Gaussian sigma, pixels) is defocus; ``occlusion`` (0-1) is how far the upper lid
    comes down over the iris.
    """
    rng = _rng(person, 1 if eye is Eye.LEFT else 2, 41)
    place = _rng(person, 1 if eye is Eye.LEFT else 2, seed, 43)
    h, w = IRIS_SHAPE
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = w / 2 + place.uniform(-20, 20), h / 2 + place.uniform(-12, 12)
    r_iris = rng.uniform(108, 122)
    r_pupil = r_iris * rng.uniform(0.32, 0.45) * place.uniform(0.92, 1.08)
    dxp, dyp = x - cx, y - cy
    rad = np.sqrt(dxp ** 2 + dyp ** 2)
    ang = np.arctan2(dyp, dxp)
    img = np.full((h, w), 150.0, np.float32) + (y / h) * 20  # skin
    # The eye opening: an almond between two arcs; the upper lid comes down with occlusion.
    half_w = r_iris * 2.2
    upper = cy - r_iris * (1.25 - 1.2 * occlusion) * np.sqrt(np.clip(1 - (dxp / half_w) ** 2, 0, 1))
    lower = cy + r_iris * 1.0 * np.sqrt(np.clip(1 - (dxp / half_w) ** 2, 0, 1))
    opening = (y > upper) & (y < lower)
    img[opening] = 205.0  # sclera
    # Iris texture: radial fibres (noise over angle), crypts (blobs), a collarette ring.
    fibres = rng.standard_normal(720).astype(np.float32)
    fibres = np.convolve(np.concatenate([fibres, fibres[:8]]), np.ones(3) / 3, "same")[:720]
    idx = ((ang + np.pi) / (2 * np.pi) * 720).astype(np.int32) % 720
    norm_r = np.clip((rad - r_pupil) / (r_iris - r_pupil), 0, 1)
    crypt = rng.standard_normal((24, 24)).astype(np.float32)
    crypt = np.asarray(cv2.resize(crypt, (w, h), interpolation=cv2.INTER_CUBIC), np.float32)
    texture = (95 + 18 * fibres[idx] * (0.6 + 0.4 * np.sin(norm_r * 9 + fibres[idx]))
               + 14 * crypt - 25 * np.exp(-((norm_r - 0.35) / 0.05) ** 2))
    in_iris = (rad < r_iris) & opening
    img[in_iris] = texture[in_iris]
    img[(rad < r_pupil) & opening] = 22.0
    # Lashes: dark strokes hanging from the upper lid.
    for _ in range(45):
        x0 = cx + rng.uniform(-half_w * 0.8, half_w * 0.8)
        y0 = float(cy - r_iris * (1.25 - 1.2 * occlusion) *
                   np.sqrt(max(0.0, 1 - ((x0 - cx) / half_w) ** 2)))
        length = rng.uniform(20, 55)
        ang_l = np.deg2rad(rng.uniform(60, 120))
        cv2.line(img, (int(x0), int(y0)), (int(x0 + np.cos(ang_l) * length * 0.3),
                 int(y0 + np.sin(ang_l) * length)), 45.0, 2, cv2.LINE_AA)
    # The illuminator's reflection in the pupil.
    cv2.circle(img, (int(cx + r_pupil * 0.3), int(cy - r_pupil * 0.2)), 6, 250.0, -1,
               cv2.LINE_AA)
    img = cv2.GaussianBlur(img, (0, 0), 0.8 + blur)
    img += place.normal(0, 3.0, (h, w)).astype(np.float32)
    return np.asarray(np.clip(img, 0, 255), np.uint8)
