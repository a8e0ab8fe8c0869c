"""What a fingerprint or iris scanner returns: positions, samples, captures, device facts."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

GrayImage = npt.NDArray[np.uint8]

#: Resolution every stored print has (ISO/IEC 19794-4 minimum for enrollment).
PPI = 500


class Finger(enum.Enum):
    """A finger position, valued by its ISO/IEC 19794-4 finger position code."""

    RIGHT_THUMB = 1
    RIGHT_INDEX = 2
    RIGHT_MIDDLE = 3
    RIGHT_RING = 4
    RIGHT_LITTLE = 5
    LEFT_THUMB = 6
    LEFT_INDEX = 7
    LEFT_MIDDLE = 8
    LEFT_RING = 9
    LEFT_LITTLE = 10

    @property
    def iso_code(self) -> int:
        return self.value

    @property
    def is_right(self) -> bool:
        return self.value <= 5

    @property
    def is_thumb(self) -> bool:
        return self in (Finger.RIGHT_THUMB, Finger.LEFT_THUMB)

    @property
    def sbi_name(self) -> str:
        """The SBI ``bioSubType`` spelling, e.g. ``Left IndexFinger``."""
        side = "Right" if self.is_right else "Left"
        digit = self.name.split("_", 1)[1]
        return f"{side} Thumb" if digit == "THUMB" else f"{side} {digit.title()}Finger"

    @property
    def key(self) -> str:
        """A stable lower-case key for catalogs and storage, e.g. ``left_index``."""
        return self.name.lower()

    @classmethod
    def from_sbi(cls, name: str) -> Finger:
        for finger in cls:
            if finger.sbi_name.lower() == name.strip().lower():
                return finger
        raise ValueError(name)

    @classmethod
    def from_key(cls, key: str) -> Finger:
        return cls[key.upper()]


class Eye(enum.Enum):
    """An eye, valued by its SBI ``bioSubType`` spelling."""

    LEFT = "Left"
    RIGHT = "Right"

    @property
    def key(self) -> str:
        return self.name.lower()


class Slap(enum.Enum):
    """The three placements of a 4-4-2 ten-print capture, valued by their SBI ``deviceSubId``."""

    LEFT_FOUR = 1
    RIGHT_FOUR = 2
    TWO_THUMBS = 3

    @property
    def fingers(self) -> tuple[Finger, ...]:
        """Fingers of the slap, in the left-to-right order they appear on the platen."""
        if self is Slap.LEFT_FOUR:
            return (Finger.LEFT_LITTLE, Finger.LEFT_RING, Finger.LEFT_MIDDLE, Finger.LEFT_INDEX)
        if self is Slap.RIGHT_FOUR:
            return (Finger.RIGHT_INDEX, Finger.RIGHT_MIDDLE, Finger.RIGHT_RING,
                    Finger.RIGHT_LITTLE)
        return (Finger.LEFT_THUMB, Finger.RIGHT_THUMB)

    @property
    def key(self) -> str:
        return self.name.lower()


class ExceptionKind(enum.Enum):
    """Why a finger (or eye) has no print: the biometric exception (ngoại lệ sinh trắc)."""

    MISSING = "missing"
    AMPUTATED = "amputated"
    BANDAGED = "bandaged"
    CANNOT_CAPTURE = "cannot_capture"


@dataclass(frozen=True)
class BiometricException:
    """A finger or eye marked as not capturable, with the operator's reason."""

    kind: ExceptionKind
    reason: str = ""


@dataclass(frozen=True)
class DeviceInfo:
    """Facts about one scanner: who made it, its serial number and resolution."""

    device_id: str
    modality: str  # "Finger" | "Iris"
    make: str
    model: str
    serial: str
    resolution_ppi: int
    sub_type: str = ""  # Slap, Single, Double, ...
    sub_ids: tuple[int, ...] = ()
    status: str = "Ready"
    firmware: str = ""
    certification: str = ""
    spec_version: str = ""
    base_url: str = ""
    trusted: bool = False
    supports_preview: bool = True


@dataclass(frozen=True)
class FingerSample:
    """One finger's image at 500 ppi with its quality (NFIQ 2-like, 0-100, not certified)."""

    position: Finger
    image: GrayImage
    quality: int
    device_serial: str
    resolution_ppi: int = PPI
    device_quality: int | None = None  # the score the device reported, if any
    captured_at: str = ""  # UTC ISO 8601

    @property
    def width(self) -> int:
        return int(self.image.shape[1])

    @property
    def height(self) -> int:
        return int(self.image.shape[0])


@dataclass(frozen=True)
class SlapCapture:
    """The result of one placement: the fingers found, and what was asked for.

    ``missing`` lists fingers that were asked for but not found on the platen (a partial slap:
    "3 fingers found, 4 expected"); the enrollment never accepts such a slap silently.
    """

    slap: Slap | None
    samples: tuple[FingerSample, ...]
    expected: tuple[Finger, ...]
    missing: tuple[Finger, ...] = ()
    image: GrayImage | None = None  # the whole slap, when the device sends it
    last_hash: str = ""

    @property
    def found(self) -> int:
        return len(self.samples)

    def sample(self, finger: Finger) -> FingerSample | None:
        return next((s for s in self.samples if s.position is finger), None)


@dataclass(frozen=True)
class IrisSample:
    """One eye's image (VGA, grayscale) with its quality from focus and visible iris area."""

    eye: Eye
    image: GrayImage
    quality: int
    device_serial: str
    device_quality: int | None = None
    captured_at: str = ""


@dataclass(frozen=True)
class IrisCapture:
    samples: tuple[IrisSample, ...]
    expected: tuple[Eye, ...]
    missing: tuple[Eye, ...] = ()
    last_hash: str = ""


@dataclass(frozen=True)
class CaptureRequest:
    """What to capture: a slap (4-4-2) or single fingers, minus the excepted ones."""

    fingers: tuple[Finger, ...]
    slap: Slap | None = None
    exceptions: tuple[Finger, ...] = ()
    timeout_s: float = 40.0
    requested_score: int = 40

    @property
    def to_capture(self) -> tuple[Finger, ...]:
        return tuple(f for f in self.fingers if f not in self.exceptions)


PreviewCallback = Callable[[GrayImage], None]


@runtime_checkable
class Scanner(Protocol):
    """A fingerprint scanner, blocking and Qt-free; one thread talks to it."""

    def device_info(self) -> DeviceInfo: ...

    def capture(self, request: CaptureRequest,
                preview: PreviewCallback | None = None) -> SlapCapture: ...

    def cancel(self) -> None: ...

    def close(self) -> None: ...


@runtime_checkable
class IrisCamera(Protocol):
    """An iris camera capturing both eyes in one request."""

    def device_info(self) -> DeviceInfo: ...

    def capture_iris(self, eyes: Sequence[Eye], exceptions: Sequence[Eye] = (),
                     timeout_s: float = 40.0,
                     preview: PreviewCallback | None = None) -> IrisCapture: ...

    def cancel(self) -> None: ...

    def close(self) -> None: ...


@dataclass
class Degradation:
    """Graded defects of a generated print, each 0 (none) to 4 (severe)."""

    dry: int = 0
    wet: int = 0
    smudge: int = 0
    partial: int = 0
    rotation: int = 0
    extra: dict[str, float] = field(default_factory=dict)
