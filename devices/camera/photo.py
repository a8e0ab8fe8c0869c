"""The card photo: a still cropped and scaled by ICAO 9303 geometry, encoded as JPEG with its
quality report.

ICAO 9303 part 3 / ISO/IEC 19794-5: portrait, the head (crown to chin) 70–80 % of the photo
height, the face centred horizontally, the eyes in the upper half. The photo is 3:4 (the
traditional Vietnamese 3×4 cm portrait); the head takes ``head_fraction`` of its height with
``top_margin`` above the crown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from devices.camera.base import Image, as_bgr
from devices.camera.quality import (
    FaceDetector,
    Head,
    QualityReport,
    QualityThresholds,
    assess,
    detection_image,
    to_grey,
)
from devices.errors import DeviceError


@dataclass(frozen=True)
class PhotoSpec:
    """Size and geometry of the card photo."""

    width: int = 480
    height: int = 640
    head_fraction: float = 0.75  # ICAO: 70–80 % of the height
    top_margin: float = 0.07  # space above the crown; keeps the eye line above mid-height
    jpeg_quality: int = 90

    def __post_init__(self) -> None:
        if not 0.70 <= self.head_fraction <= 0.80:
            raise ValueError("head_fraction must lie within ICAO's 70-80 %")
        if self.width < 120 or self.height < 160:
            raise ValueError("photo too small")


@dataclass(frozen=True)
class CardPhoto:
    """The finished photo: JPEG bytes, the cropped image, the still's quality report and the
    geometry of the crop (head fraction reached, whether the still had to be padded)."""

    jpeg: bytes
    image: Image
    report: QualityReport
    head_fraction: float
    padded: bool
    spec: PhotoSpec

    @property
    def passed(self) -> bool:
        """The still passed every check, the crop needed no padding, and the head measured on
        the photo itself lies within ICAO's 70-80 % (with a small tolerance for detection)."""
        return self.report.passed and not self.padded and 0.66 <= self.head_fraction <= 0.84

    def to_dict(self) -> dict[str, Any]:
        """The quality report handed on with the photo (JSON-friendly, no image data)."""
        return {
            "passed": self.passed,
            "photo": {
                "width": self.spec.width,
                "height": self.spec.height,
                "format": "jpeg",
                "jpeg_quality": self.spec.jpeg_quality,
                "bytes": len(self.jpeg),
                "head_fraction": round(self.head_fraction, 3),
                "padded": self.padded,
            },
            "still": self.report.to_dict(),
        }


def crop_matrix(head: Head, spec: PhotoSpec) -> npt.NDArray[np.float64]:
    """The affine map from still pixels to photo pixels placing the head by ``spec``."""
    s = spec.head_fraction * spec.height / head.height
    tx = spec.width / 2 - s * head.cx
    ty = spec.top_margin * spec.height - s * head.crown_y
    return np.array([[s, 0.0, tx], [0.0, s, ty]], np.float64)


def card_crop(image: npt.NDArray[np.generic], head: Head, spec: PhotoSpec) -> tuple[Image, bool]:
    """Crop and scale ``image`` to the card photo. Returns the photo and whether any part of it
    lay outside the still (then the still's edge is repeated: retake advised)."""
    bgr = as_bgr(image)
    m = crop_matrix(head, spec)
    s = m[0, 0]
    h, w = bgr.shape[:2]
    # The photo's corners in still coordinates, to know whether the still covers them.
    x0, y0 = -m[0, 2] / s, -m[1, 2] / s
    x1, y1 = x0 + spec.width / s, y0 + spec.height / s
    padded = x0 < -0.5 or y0 < -0.5 or x1 > w + 0.5 or y1 > h + 0.5
    interp = cv2.INTER_AREA if s < 1 else cv2.INTER_CUBIC
    if s < 1:
        # INTER_AREA is not supported by warpAffine: cut the region, then resize.
        xa, ya = int(max(0, np.floor(x0))), int(max(0, np.floor(y0)))
        xb, yb = int(min(w, np.ceil(x1))), int(min(h, np.ceil(y1)))
        region = bgr[ya:yb, xa:xb]
        m2 = m.copy()
        m2[0, 2] += s * xa
        m2[1, 2] += s * ya
        if not padded:
            out = cv2.resize(region, (spec.width, spec.height), interpolation=interp)
            return np.asarray(out, dtype=np.uint8), False
        out = cv2.warpAffine(region, m2, (spec.width, spec.height), flags=cv2.INTER_LINEAR,
                             borderMode=cv2.BORDER_REPLICATE)
        return np.asarray(out, dtype=np.uint8), padded
    out = cv2.warpAffine(bgr, m, (spec.width, spec.height), flags=interp,
                         borderMode=cv2.BORDER_REPLICATE)
    return np.asarray(out, dtype=np.uint8), padded


def encode_jpeg(image: npt.NDArray[np.generic], quality: int = 90) -> bytes:
    ok, buf = cv2.imencode(".jpg", as_bgr(image), [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
    if not ok:
        raise DeviceError("camera.encode_failed")
    return bytes(buf.tobytes())


def decode_jpeg(data: bytes) -> Image:
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if img is None:
        raise DeviceError("camera.decode_failed")
    return np.asarray(img, dtype=np.uint8)


def make_card_photo(
    still: npt.NDArray[np.generic],
    thresholds: QualityThresholds | None = None,
    spec: PhotoSpec | None = None,
    detector: FaceDetector | None = None,
    report: QualityReport | None = None,
) -> CardPhoto:
    """Assess the still (unless ``report`` is given), crop it to the card photo and encode it.

    Raises ``DeviceError("camera.no_face")`` when no face is found to place the crop by.
    """
    spec = spec or PhotoSpec()
    report = report or assess(still, thresholds, detector)
    if report.head is None:
        raise DeviceError("camera.no_face")
    photo, padded = card_crop(still, report.head, spec)
    return CardPhoto(encode_jpeg(photo, spec.jpeg_quality), photo, report,
                     measure_head_fraction(photo, detector), padded, spec)


def measure_head_fraction(photo: npt.NDArray[np.generic],
                          detector: FaceDetector | None = None) -> float:
    """Head height / photo height measured afresh on the photo (0.0 when no face is found)."""
    det = detector or FaceDetector.for_thread()
    small, k = detection_image(to_grey(photo))
    faces = det.detect_faces(small)
    if not faces:
        return 0.0
    face = max(faces, key=lambda b: b.w).scaled(1 / k)
    return float(Head.from_face(face).height / photo.shape[0])
