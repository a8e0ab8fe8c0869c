"""Face photo quality as pure functions on numpy images (ICAO 9303 / ISO/IEC 19794-5 geometry).

Each check returns pass/fail, the measured value and the instruction code to show the operator
(``camera.*`` codes translated by ``resources/i18n/camera.toml``). Faces and eyes are found
with the Haar cascades shipped with ``opencv-python-headless`` 4.x; detection runs on a frame
scaled to ``DETECT_HEIGHT`` rows, the other measures on small crops, so the whole pipeline
costs little more than the detection itself.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from devices.camera.base import Image, as_bgr

DETECT_HEIGHT = 200
EYE_ROI_WIDTH = 80
FACE_NORM_WIDTH = 128  # sharpness, exposure and contrast are measured on the face at this width

# Where the head's crown and chin lie relative to a Haar frontal-face box (x, y, w, h): the box
# spans roughly eyebrows to lower lip; measured on the sample face and typical ID photos.
CROWN_ABOVE_BOX = 0.50
CHIN_BELOW_BOX_TOP = 1.15

# The order in which failures are told to the operator: the first failing one is shown.
CHECK_ORDER = (
    "one_face",
    "head_size",
    "centred",
    "eyes",
    "roll",
    "pose",
    "exposure",
    "clipping",
    "contrast",
    "sharpness",
    "background",
)


@dataclass(frozen=True)
class QualityThresholds:
    """Limits of every check; defaults follow ICAO 9303 where it gives a figure."""

    guide_centre_x: float = 0.50  # target head centre, fraction of frame width
    guide_centre_y: float = 0.47  # target head centre, fraction of frame height
    max_centre_offset: float = 0.10  # fraction of frame width/height
    min_head_fraction: float = 0.45  # head height (crown-chin) / frame height
    max_head_fraction: float = 0.80
    second_face_min_ratio: float = 0.40  # a face at least this size of the largest counts
    max_roll_deg: float = 8.0
    max_yaw_deg: float = 6.0
    min_sharpness: float = 60.0  # variance of the Laplacian of the face (see ``sharpness``)
    min_brightness: float = 70.0  # mean grey level of the face
    max_brightness: float = 200.0
    max_clipped_fraction: float = 0.05  # share of head pixels at <= 5 or >= 250
    min_contrast: float = 22.0  # standard deviation of the face's grey levels
    max_background_std: float = 22.0  # grey-level spread of the background beside the head

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> QualityThresholds:
        """Build from a settings section (``settings.section("camera")``) or a flat mapping.

        Keys may be bare (``min_sharpness``) or dotted (``camera.min_sharpness``); unknown keys
        are ignored, missing ones keep their default.
        """
        names = {f.name for f in fields(cls)}
        chosen: dict[str, float] = {}
        for key, value in values.items():
            bare = key.split(".", 1)[1] if key.startswith("camera.") else key
            if bare in names:
                chosen[bare] = float(value)
        return cls(**chosen)


@dataclass(frozen=True)
class Box:
    """A rectangle in image pixels."""

    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def scaled(self, factor: float) -> Box:
        return Box(self.x * factor, self.y * factor, self.w * factor, self.h * factor)


@dataclass(frozen=True)
class Head:
    """Where the head is: the face box, the estimated crown and chin lines and its centre."""

    face: Box
    crown_y: float
    chin_y: float

    @property
    def height(self) -> float:
        return self.chin_y - self.crown_y

    @property
    def cx(self) -> float:
        return self.face.cx

    @property
    def cy(self) -> float:
        return (self.crown_y + self.chin_y) / 2

    @classmethod
    def from_face(cls, face: Box) -> Head:
        return cls(face, face.y - CROWN_ABOVE_BOX * face.h, face.y + CHIN_BELOW_BOX_TOP * face.h)


@dataclass(frozen=True)
class CheckResult:
    """One check: passed or not, the measured value (None: could not be measured), the code of
    the instruction to show when it fails, and the unit of the value."""

    name: str
    passed: bool
    value: float | None
    instruction: str | None = None
    unit: str = ""

    @property
    def measured(self) -> bool:
        return self.value is not None

    @property
    def label(self) -> str:
        """Message code of the checklist line for this check."""
        return f"camera.check.{self.name}"


@dataclass(frozen=True)
class QualityReport:
    """Every check on one image, the head found (if any) and the eyes (image coordinates)."""

    checks: tuple[CheckResult, ...]
    width: int
    height: int
    head: Head | None = None
    eyes: tuple[tuple[float, float], ...] = ()
    faces: int = 0

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)

    def check(self, name: str) -> CheckResult:
        for c in self.checks:
            if c.name == name:
                return c
        raise KeyError(name)

    @property
    def failed(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.checks if not c.passed)

    @property
    def instruction(self) -> str:
        """The one instruction to show now: the first failing check's, or ``camera.hold_still``."""
        for name in CHECK_ORDER:
            c = self.check(name)
            if not c.passed and c.instruction:
                return c.instruction
        return "camera.ok_hold_still"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly summary (no image data)."""
        return {
            "passed": self.passed,
            "width": self.width,
            "height": self.height,
            "faces": self.faces,
            "instruction": self.instruction,
            "head": None if self.head is None else {
                **{k: round(v, 1) for k, v in asdict(self.head.face).items()},
                "crown_y": round(self.head.crown_y, 1),
                "chin_y": round(self.head.chin_y, 1),
            },
            "checks": {
                c.name: {
                    "passed": c.passed,
                    "value": None if c.value is None else round(c.value, 3),
                    "unit": c.unit,
                    "instruction": c.instruction,
                }
                for c in self.checks
            },
        }


class FaceDetector:
    """The Haar cascades for faces and eyes. Not shared between threads: use ``for_thread()``."""

    _local = threading.local()

    def __init__(self) -> None:
        base = str(cv2.data.haarcascades)  # type: ignore[attr-defined]
        self.face = cv2.CascadeClassifier(base + "haarcascade_frontalface_default.xml")
        self.eye = cv2.CascadeClassifier(base + "haarcascade_eye.xml")
        if self.face.empty() or self.eye.empty():
            raise RuntimeError("OpenCV Haar cascades are missing (opencv-python-headless 4.x)")

    @classmethod
    def for_thread(cls) -> FaceDetector:
        det: FaceDetector | None = getattr(cls._local, "detector", None)
        if det is None:
            det = cls()
            cls._local.detector = det
        return det

    def detect_faces(self, small_grey: Image) -> list[Box]:
        """Frontal faces in a grey image already scaled to about ``DETECT_HEIGHT`` rows."""
        h = small_grey.shape[0]
        min_side = max(24, int(0.16 * h))
        found = self.face.detectMultiScale(
            small_grey, scaleFactor=1.2, minNeighbors=4, minSize=(min_side, min_side)
        )
        return [Box(float(x), float(y), float(w), float(h_)) for (x, y, w, h_) in found]

    def detect_eyes(self, grey: Image, face: Box) -> list[tuple[float, float, float]]:
        """Eye centres (x, y, size) inside the upper part of ``face`` in full-size ``grey``."""
        x0 = int(max(0, face.x))
        y0 = int(max(0, face.y + 0.10 * face.h))
        x1 = int(min(grey.shape[1], face.x + face.w))
        y1 = int(min(grey.shape[0], face.y + 0.60 * face.h))
        if x1 - x0 < 20 or y1 - y0 < 10:
            return []
        crop = grey[y0:y1, x0:x1]
        # At 80 px across the face an eye is ~20 px: the cascade's own window size, so cheap.
        k = EYE_ROI_WIDTH / crop.shape[1]
        roi = cv2.resize(crop, (EYE_ROI_WIDTH, max(1, round(crop.shape[0] * k))),
                         interpolation=cv2.INTER_AREA)
        found = self.eye.detectMultiScale(roi, scaleFactor=1.25, minNeighbors=3,
                                          minSize=(14, 14), maxSize=(30, 30))
        return [
            (x0 + (ex + ew / 2) / k, y0 + (ey + eh / 2) / k, ew / k) for (ex, ey, ew, eh) in found
        ]


def to_grey(image: npt.NDArray[np.generic]) -> Image:
    """Grey uint8 view of any grey, BGR or BGRA image."""
    arr = np.asarray(image)
    if arr.size == 0:
        raise ValueError("empty image")
    if arr.dtype == np.uint8 and arr.ndim == 2:
        return arr
    if arr.dtype == np.uint8 and arr.ndim == 3 and arr.shape[2] == 3:
        return np.asarray(cv2.cvtColor(arr, cv2.COLOR_BGR2GRAY), dtype=np.uint8)
    return np.asarray(cv2.cvtColor(as_bgr(arr), cv2.COLOR_BGR2GRAY), dtype=np.uint8)


def detection_image(grey: Image) -> tuple[Image, float]:
    """The grey image scaled down to ``DETECT_HEIGHT`` rows (never up) and the factor used."""
    h = grey.shape[0]
    if h <= DETECT_HEIGHT:
        return grey, 1.0
    k = DETECT_HEIGHT / h
    # Halve with pyrDown (fast, anti-aliased) while possible, then a cheap linear step:
    # an INTER_AREA resize by a non-integer factor costs as much as the eye search.
    src = grey
    while src.shape[0] >= 2 * DETECT_HEIGHT:
        src = np.asarray(cv2.pyrDown(src), dtype=np.uint8)
    small = cv2.resize(src, (max(1, round(grey.shape[1] * k)), DETECT_HEIGHT),
                       interpolation=cv2.INTER_LINEAR)
    return np.asarray(small, dtype=np.uint8), k


# --- the checks: each a pure function returning a CheckResult ----------------------------------


def check_one_face(faces: list[Box], t: QualityThresholds) -> tuple[CheckResult, Box | None]:
    """Exactly one face: no face, or a second face of comparable size, fails."""
    if not faces:
        return CheckResult("one_face", False, 0.0, "camera.no_face", "faces"), None
    largest = max(faces, key=lambda b: b.w * b.h)
    counted = [b for b in faces if b.w >= t.second_face_min_ratio * largest.w]
    if len(counted) > 1:
        return (CheckResult("one_face", False, float(len(counted)), "camera.one_person_only",
                            "faces"), largest)
    return CheckResult("one_face", True, 1.0, None, "faces"), largest


def check_head_size(head: Head, frame_h: int, t: QualityThresholds) -> CheckResult:
    """Head height (crown to chin) as a share of the frame height."""
    frac = head.height / frame_h
    if frac < t.min_head_fraction:
        return CheckResult("head_size", False, frac, "camera.move_closer", "ratio")
    if frac > t.max_head_fraction:
        return CheckResult("head_size", False, frac, "camera.move_back", "ratio")
    return CheckResult("head_size", True, frac, None, "ratio")


def check_centred(head: Head, frame_w: int, frame_h: int, t: QualityThresholds) -> CheckResult:
    """Head centre within ``max_centre_offset`` of the guide centre; the value is the larger
    offset (fraction of the frame). Directions are the citizen's, facing the camera."""
    dx = head.cx / frame_w - t.guide_centre_x
    dy = head.cy / frame_h - t.guide_centre_y
    value = max(abs(dx), abs(dy))
    if value <= t.max_centre_offset:
        return CheckResult("centred", True, value, None, "ratio")
    if abs(dx) >= abs(dy):
        # The face on the image's left is on the citizen's right: they should move to their left.
        code = "camera.move_left" if dx < 0 else "camera.move_right"
    else:
        code = "camera.move_down" if dy < 0 else "camera.move_up"
    return CheckResult("centred", False, value, code, "ratio")


def pick_eyes(
    eyes: list[tuple[float, float, float]], face: Box
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The two eyes: the largest detection in each half of the face (image left, image right)."""
    left = [e for e in eyes if e[0] < face.cx]
    right = [e for e in eyes if e[0] >= face.cx]
    if not left or not right:
        return None
    a = max(left, key=lambda e: e[2])
    b = max(right, key=lambda e: e[2])
    return (a[0], a[1]), (b[0], b[1])


def check_eyes(pair: tuple[tuple[float, float], tuple[float, float]] | None) -> CheckResult:
    """Both eyes found (open and not hidden by glare or hair)."""
    if pair is None:
        return CheckResult("eyes", False, 0.0, "camera.show_eyes", "eyes")
    return CheckResult("eyes", True, 2.0, None, "eyes")


def roll_degrees(pair: tuple[tuple[float, float], tuple[float, float]]) -> float:
    (x0, y0), (x1, y1) = pair
    return math.degrees(math.atan2(y1 - y0, x1 - x0))


def check_roll(
    pair: tuple[tuple[float, float], tuple[float, float]] | None, t: QualityThresholds
) -> CheckResult:
    """The eye line is level within ``max_roll_deg``."""
    if pair is None:
        return CheckResult("roll", False, None, None, "deg")
    roll = roll_degrees(pair)
    passed = abs(roll) <= t.max_roll_deg
    return CheckResult("roll", passed, roll, None if passed else "camera.head_straight", "deg")


def yaw_degrees(pair: tuple[tuple[float, float], tuple[float, float]], face: Box) -> float:
    """Frontal-pose estimate: the head as a cylinder of the face box's width; the eye midpoint
    shifted by ``dx`` from the box centre means a turn of ``asin(2 dx / w)``."""
    mid = (pair[0][0] + pair[1][0]) / 2
    ratio = max(-1.0, min(1.0, 2 * (mid - face.cx) / face.w))
    return math.degrees(math.asin(ratio))


def check_pose(
    pair: tuple[tuple[float, float], tuple[float, float]] | None, face: Box,
    t: QualityThresholds,
) -> CheckResult:
    """Looking straight at the camera within ``max_yaw_deg`` (an estimate from the eyes)."""
    if pair is None:
        return CheckResult("pose", False, None, None, "deg")
    yaw = yaw_degrees(pair, face)
    passed = abs(yaw) <= t.max_yaw_deg
    return CheckResult("pose", passed, yaw, None if passed else "camera.look_straight", "deg")


def face_patch(grey: Image, face: Box) -> Image:
    """The inner face (cheeks, eyes, nose, mouth) at ``FACE_NORM_WIDTH`` wide."""
    x0 = int(max(0, face.x + 0.15 * face.w))
    x1 = int(min(grey.shape[1], face.x + 0.85 * face.w))
    y0 = int(max(0, face.y + 0.15 * face.h))
    y1 = int(min(grey.shape[0], face.y + 0.95 * face.h))
    roi = grey[y0:y1, x0:x1]
    if roi.size == 0:
        return np.zeros((8, 8), np.uint8)
    k = FACE_NORM_WIDTH / roi.shape[1]
    interp = cv2.INTER_AREA if k < 1 else cv2.INTER_LINEAR
    out = cv2.resize(roi, (FACE_NORM_WIDTH, max(1, round(roi.shape[0] * k))), interpolation=interp)
    return np.asarray(out, dtype=np.uint8)


def sharpness(patch: Image) -> float:
    """Variance of the Laplacian, after a light smoothing (sigma 1 px) so that sensor noise
    does not pass for detail: a blurred face on a noisy sensor must still read as blurred."""
    smooth = cv2.GaussianBlur(patch, (0, 0), 1.0)
    lap = cv2.Laplacian(smooth, cv2.CV_16S, ksize=3)
    _, std = cv2.meanStdDev(lap)
    return float(std[0][0]) ** 2


def check_sharpness(patch: Image, t: QualityThresholds) -> CheckResult:
    value = sharpness(patch)
    passed = value >= t.min_sharpness
    return CheckResult("sharpness", passed, value, None if passed else "camera.hold_still", "")


def check_exposure(patch: Image, t: QualityThresholds) -> tuple[CheckResult, CheckResult]:
    """Mean brightness of the face, and its spread (contrast)."""
    mean, std = cv2.meanStdDev(patch)
    m, s = float(mean[0][0]), float(std[0][0])
    if m < t.min_brightness:
        exposure = CheckResult("exposure", False, m, "camera.too_dark", "grey")
    elif m > t.max_brightness:
        exposure = CheckResult("exposure", False, m, "camera.too_bright", "grey")
    else:
        exposure = CheckResult("exposure", True, m, None, "grey")
    ok = s >= t.min_contrast
    contrast = CheckResult("contrast", ok, s, None if ok else "camera.low_contrast", "grey")
    return exposure, contrast


def check_clipping(small_grey: Image, head: Box, t: QualityThresholds) -> CheckResult:
    """Share of the face's pixels (``head``: the face box) that are crushed black (<= 5) or
    burnt white (>= 250)."""
    x0, y0 = int(max(0, head.x)), int(max(0, head.y))
    x1 = int(min(small_grey.shape[1], head.x + head.w))
    y1 = int(min(small_grey.shape[0], head.y + head.h))
    roi = small_grey[y0:y1, x0:x1]
    if roi.size == 0:
        return CheckResult("clipping", False, None, None, "ratio")
    hist = cv2.calcHist([roi], [0], None, [256], [0, 256]).ravel()
    frac = float(hist[:6].sum() + hist[250:].sum()) / roi.size
    ok = frac <= t.max_clipped_fraction
    return CheckResult("clipping", ok, frac, None if ok else "camera.glare", "ratio")


def background_regions(small_grey: Image, head: Box) -> list[Image]:
    """Background beside and above the head (detection-scale image), inside the frame."""
    h, w = small_grey.shape[:2]
    top = int(max(0, head.y - 0.10 * head.h))
    bottom = int(min(h, head.y + 0.75 * head.h))
    gap = 0.35 * head.w  # hair reaches about a third of the face width out
    regions: list[Image] = []
    lx1 = int(max(0, head.x - gap))
    lx0 = int(max(0, lx1 - 0.6 * head.w))
    rx0 = int(min(w, head.x + head.w + gap))
    rx1 = int(min(w, rx0 + 0.6 * head.w))
    above_y1 = int(max(0, head.y - 0.05 * head.h))
    above_y0 = int(max(0, above_y1 - 0.25 * head.h))
    for roi in (
        small_grey[top:bottom, lx0:lx1],
        small_grey[top:bottom, rx0:rx1],
        small_grey[above_y0:above_y1, int(max(0, head.x)):int(min(w, head.x + head.w))],
    ):
        if roi.shape[0] >= 4 and roi.shape[1] >= 4:
            regions.append(roi)
    return regions


def check_background(small_grey: Image, head: Box, t: QualityThresholds) -> CheckResult:
    """The background around the head is even: the largest grey-level spread of its regions."""
    regions = background_regions(small_grey, head)
    if not regions:
        return CheckResult("background", False, None, "camera.move_closer", "grey")
    value = max(float(cv2.meanStdDev(r)[1][0][0]) for r in regions)
    ok = value <= t.max_background_std
    return CheckResult("background", ok, value, None if ok else "camera.plain_background", "grey")


def _unmeasured(name: str, unit: str) -> CheckResult:
    return CheckResult(name, False, None, None, unit)


def assess(
    image: npt.NDArray[np.generic],
    thresholds: QualityThresholds | None = None,
    detector: FaceDetector | None = None,
) -> QualityReport:
    """Run every check on one image (grey, BGR or BGRA, any size)."""
    t = thresholds or QualityThresholds()
    det = detector or FaceDetector.for_thread()
    grey = to_grey(image)
    h, w = grey.shape[:2]
    small, k = detection_image(grey)
    faces_small = det.detect_faces(small)
    faces = [b.scaled(1 / k) for b in faces_small]
    one, face = check_one_face(faces, t)
    if face is None:
        rest = [_unmeasured(n, "") for n in CHECK_ORDER[1:]]
        return QualityReport((one, *rest), w, h, None, (), 0)
    head = Head.from_face(face)
    head_small = Box(face.x * k, head.crown_y * k, face.w * k, head.height * k)
    pair = pick_eyes(det.detect_eyes(grey, face), face)
    patch = face_patch(grey, face)
    exposure, contrast = check_exposure(patch, t)
    checks = (
        one,
        check_head_size(head, h, t),
        check_centred(head, w, h, t),
        check_eyes(pair),
        check_roll(pair, t),
        check_pose(pair, face, t),
        exposure,
        check_clipping(small, face.scaled(k), t),
        contrast,
        check_sharpness(patch, t),
        check_background(small, head_small, t),
    )
    return QualityReport(checks, w, h, head, pair or (), len(faces))


def is_black(image: npt.NDArray[np.generic], level: float = 12.0) -> bool:
    """A frame that is (nearly) all black: lens cap, dead sensor, failed stream."""
    small = to_grey(image)[::8, ::8]
    return float(small.mean()) < level and float(small.std()) < 6.0


def frame_signature(image: npt.NDArray[np.generic]) -> bytes:
    """A cheap fingerprint of a frame; equal signatures over many frames mean a frozen camera."""
    small = np.asarray(image)[::16, ::16]
    return bytes(small.tobytes())


class FrameWatch:
    """Counts black and identical (frozen) frames in a row; a live sensor always has noise."""

    def __init__(self, black_after: int = 15, frozen_after: int = 30) -> None:
        self.black_after = black_after
        self.frozen_after = frozen_after
        self._black = 0
        self._same = 0
        self._last: bytes | None = None

    def update(self, image: npt.NDArray[np.generic]) -> str | None:
        """Feed a frame; returns ``camera.black_frames``/``camera.frozen`` or None."""
        self._black = self._black + 1 if is_black(image) else 0
        sig = frame_signature(image)
        self._same = self._same + 1 if sig == self._last else 0
        self._last = sig
        if self._black >= self.black_after:
            return "camera.black_frames"
        if self._same >= self.frozen_after:
            return "camera.frozen"
        return None


class AutoCapture:
    """Auto-capture gate: fires once when every check has held for ``frames`` frames in a row."""

    def __init__(self, frames: int) -> None:
        self.frames = max(1, int(frames))
        self.streak = 0
        self.armed = True

    def update(self, report: QualityReport) -> bool:
        """Feed the next frame's report; True exactly once when the streak reaches ``frames``."""
        self.streak = self.streak + 1 if report.passed else 0
        if self.armed and self.streak >= self.frames:
            self.armed = False
            return True
        return False

    def rearm(self) -> None:
        self.streak = 0
        self.armed = True

    @property
    def progress(self) -> float:
        return min(1.0, self.streak / self.frames)
