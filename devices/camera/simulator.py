"""A simulated camera good enough to demo with: a public-domain face moving in front of a
synthetic background, light changing, blur, a second face appearing, going out of frame, black
and frozen frames, and the camera being unplugged, all as scripted scenarios with delays.

The face is a small crop of scikit-image's ``astronaut`` (NASA, public domain), shipped as
``resources/camera/face_sample.jpg``; regenerate it with
``python -m devices.camera.simulator --extract-sample`` (needs the dev dependency
scikit-image). No photo of a real applicant ever enters the repository.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, fields, replace
from functools import lru_cache

import cv2
import numpy as np

from devices.camera.base import CameraInfo, Frame, Image, Still
from devices.errors import DeviceError, DeviceTimeout, DeviceUnavailable
from resources import resource_path

SAMPLE = resource_path("camera", "face_sample.jpg")
SAMPLE_MASK = resource_path("camera", "face_sample_mask.png")
# Geometry of the sample (pixels of face_sample.jpg): head crown and chin lines, face centre,
# and the ellipse + neck that seed the cut of the head out of its original background.
SAMPLE_CROWN_Y = 15.0
SAMPLE_CHIN_Y = 178.0
SAMPLE_CX = 104.5
SAMPLE_ROLL = 3.2  # the sample's own head tilt (eye line), cancelled when drawing
HEAD_ELLIPSE = ((107, 98), (82, 90))
NECK_BOX = ((82, 150), (132, 205))


@dataclass(frozen=True)
class Scene:
    """The scene at one instant. Head position and size are fractions of the frame."""

    x: float = 0.50  # head centre (between crown and chin), fraction of width
    y: float = 0.47  # fraction of height
    scale: float = 0.62  # head height (crown to chin) / frame height
    roll: float = 0.0  # degrees, positive = clockwise in the image
    light: float = 1.0  # exposure gain
    blur: float = 0.0  # Gaussian sigma in pixels at 480 rows
    present: bool = True  # the citizen is in front of the camera
    second: bool = False  # a second person looks over the shoulder
    black: bool = False  # the sensor delivers black frames
    frozen: bool = False  # the driver repeats the last frame
    fidget: float = 0.0  # 0 = an adult holding still; 1 = a restless child

    def blend(self, other: Scene, a: float) -> Scene:
        """The numbers eased from self to other (a in [0, 1]); switches follow ``other``."""
        a = 0.5 - 0.5 * math.cos(math.pi * max(0.0, min(1.0, a)))
        values = {}
        for f in fields(Scene):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            values[f.name] = theirs if isinstance(theirs, bool) else mine + (theirs - mine) * a
        return Scene(**values)


@dataclass(frozen=True)
class Step:
    """Hold ``scene`` for ``hold_s`` seconds after moving to it in ``move_s`` seconds.

    ``unplug_s`` > 0 makes the camera vanish for that long (wall-clock) when the step begins.
    """

    scene: Scene
    hold_s: float = 2.0
    move_s: float = 0.6
    unplug_s: float = 0.0
    label: str = ""


GOOD = Scene()
SCENARIOS: dict[str, tuple[Step, ...]] = {
    "good": (Step(GOOD, hold_s=3600.0, move_s=0.0, label="good"),),
    "demo": (
        Step(replace(GOOD, x=0.30, scale=0.35), hold_s=1.0, move_s=0.0, label="far"),
        Step(GOOD, hold_s=3.0, move_s=1.2, label="good"),
        Step(replace(GOOD, second=True), hold_s=2.0, move_s=0.0, label="second face"),
        Step(GOOD, hold_s=1.5, move_s=0.0, label="good"),
        Step(replace(GOOD, light=0.35), hold_s=2.0, move_s=0.8, label="dark"),
        Step(GOOD, hold_s=1.5, move_s=0.8, label="good"),
        Step(replace(GOOD, blur=4.0), hold_s=1.5, move_s=0.3, label="blur"),
        Step(replace(GOOD, roll=14.0), hold_s=2.0, move_s=0.6, label="tilted"),
        Step(replace(GOOD, x=1.3), hold_s=2.0, move_s=1.0, label="out of frame"),
        Step(replace(GOOD, x=0.72), hold_s=1.5, move_s=1.0, label="off centre"),
    ),
    "bad": (
        Step(replace(GOOD, x=0.28), hold_s=1.0, move_s=0.0, label="off centre"),
        Step(replace(GOOD, scale=0.30), hold_s=1.0, move_s=0.0, label="far"),
        Step(replace(GOOD, light=0.30), hold_s=1.0, move_s=0.0, label="dark"),
        Step(replace(GOOD, blur=5.0), hold_s=1.0, move_s=0.0, label="blur"),
        Step(replace(GOOD, second=True), hold_s=1.0, move_s=0.0, label="second face"),
        Step(replace(GOOD, present=False), hold_s=1.0, move_s=0.0, label="nobody"),
        Step(replace(GOOD, roll=16.0), hold_s=1.0, move_s=0.0, label="tilted"),
    ),
    # A child of about eight: a smaller head, never still for long.
    "child": (Step(replace(GOOD, scale=0.52, y=0.50, fidget=1.0), hold_s=3600.0, move_s=0.0,
                   label="restless child"),),
    "unplug": (
        Step(GOOD, hold_s=1.0, move_s=0.0, label="good"),
        Step(GOOD, hold_s=3600.0, move_s=0.0, unplug_s=1.5, label="unplugged"),
    ),
    "black": (Step(replace(GOOD, black=True), hold_s=3600.0, move_s=0.0, label="black"),),
    "frozen": (Step(replace(GOOD, frozen=True), hold_s=3600.0, move_s=0.0, label="frozen"),),
    "nobody": (Step(replace(GOOD, present=False), hold_s=3600.0, move_s=0.0, label="nobody"),),
}


@lru_cache(maxsize=1)
def _sprite() -> tuple[Image, np.ndarray]:
    """The sample head (BGR) and its feathered alpha mask (float32, 0..1)."""
    img = cv2.imread(str(SAMPLE), cv2.IMREAD_COLOR)
    if img is None:
        raise DeviceUnavailable("camera.sample_missing", path=str(SAMPLE))
    mask = cv2.imread(str(SAMPLE_MASK), cv2.IMREAD_GRAYSCALE)
    if mask is None or mask.shape != img.shape[:2]:
        mask = cut_out_head(np.asarray(img, np.uint8))
    alpha = cv2.GaussianBlur(mask, (0, 0), 1.2).astype(np.float32) / 255.0
    return np.ascontiguousarray(img), alpha


def cut_out_head(img: Image) -> Image:
    """Separate head and neck from the sample's studio background (GrabCut seeded by shape)."""
    h, w = img.shape[:2]
    m = np.full((h, w), cv2.GC_BGD, np.uint8)
    cv2.ellipse(m, HEAD_ELLIPSE[0], HEAD_ELLIPSE[1], 0, 0, 360, cv2.GC_PR_FGD, -1)
    cv2.rectangle(m, NECK_BOX[0], NECK_BOX[1], cv2.GC_PR_FGD, -1)
    cv2.ellipse(m, (107, 110), (45, 60), 0, 0, 360, cv2.GC_FGD, -1)
    cv2.ellipse(m, (107, 50), (50, 25), 0, 0, 360, cv2.GC_FGD, -1)
    m[NECK_BOX[1][1]:, :] = cv2.GC_BGD
    bgd, fgd = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
    cv2.grabCut(img, m, None, bgd, fgd, 5, cv2.GC_INIT_WITH_MASK)  # type: ignore[call-overload]
    fg = np.where((m == cv2.GC_FGD) | (m == cv2.GC_PR_FGD), 255, 0).astype(np.uint8)
    return np.asarray(cv2.morphologyEx(fg, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8)), np.uint8)


@lru_cache(maxsize=8)
def _background(width: int, height: int) -> Image:
    """A plain, evenly lit studio background: a soft blue-grey gradient, slightly vignetted."""
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    v = yy / max(1, height - 1)
    r = np.hypot((xx - width / 2) / width, (yy - height / 2) / height)
    shade = 1.0 - 0.10 * v - 0.10 * r
    base = np.array([236.0, 226.0, 214.0], np.float32)  # BGR: a light blue-grey
    bg = base[None, None, :] * shade[:, :, None]
    return np.asarray(np.clip(bg, 0, 255), dtype=np.uint8)


@lru_cache(maxsize=8)
def _noise_bank(width: int, height: int, count: int = 6) -> tuple[tuple[Image, Image], ...]:
    """Sensor noise frames (positive and negative parts) so no two frames are identical."""
    rng = np.random.default_rng(1234)
    bank = []
    for _ in range(count):
        n = rng.standard_normal((height, width, 3), dtype=np.float32) * 2.2
        bank.append((np.clip(n, 0, 255).astype(np.uint8), np.clip(-n, 0, 255).astype(np.uint8)))
    return tuple(bank)


def _paste_head(
    frame: Image, cx: float, cy: float, head_px: float, roll: float, flip: bool = False,
    shirt: tuple[int, int, int] = (52, 40, 34),
) -> None:
    """Draw shoulders and the sample head with its crown-chin centre at (cx, cy)."""
    h, w = frame.shape[:2]
    # Shoulders first: a dark top whose collar meets the bottom of the sample's neck.
    top = cy + 0.54 * head_px
    centre = (int(cx), int(top + 0.45 * head_px))
    cv2.ellipse(frame, centre, (int(1.05 * head_px), int(0.45 * head_px)), 0, 180, 360, shirt, -1,
                cv2.LINE_AA)
    cv2.rectangle(frame, (int(cx - 1.05 * head_px), centre[1]), (int(cx + 1.05 * head_px), h),
                  shirt, -1)
    img, a, inv, (ax, ay) = _warped_head(int(round(head_px)), round(roll * 5) / 5, flip)
    # Whole-pixel placement of the cached, already scaled and rotated head.
    x0, y0 = int(round(cx - ax)), int(round(cy - ay))
    sh, sw = img.shape[:2]
    fx0, fy0, fx1, fy1 = max(0, x0), max(0, y0), min(w, x0 + sw), min(h, y0 + sh)
    if fx1 <= fx0 or fy1 <= fy0:
        return
    sx0, sy0 = fx0 - x0, fy0 - y0
    sx1, sy1 = sx0 + (fx1 - fx0), sy0 + (fy1 - fy0)
    roi = frame[fy0:fy1, fx0:fx1]
    roi[:] = cv2.blendLinear(img[sy0:sy1, sx0:sx1], roi, a[sy0:sy1, sx0:sx1],
                             inv[sy0:sy1, sx0:sx1])


@lru_cache(maxsize=4)  # ~4 MB a pose; a held pose is reused frame after frame
def _warped_head(
    head_px: int, roll: float, flip: bool
) -> tuple[Image, np.ndarray, np.ndarray, tuple[float, float]]:
    """The sample head scaled to ``head_px`` and turned by ``roll``: image, alpha, 1 - alpha
    and where the crown-chin centre lies in it. Cached: a swaying head reuses a few poses."""
    img, alpha = _sprite()
    s = head_px / (SAMPLE_CHIN_Y - SAMPLE_CROWN_Y)
    anchor = (SAMPLE_CX, (SAMPLE_CROWN_Y + SAMPLE_CHIN_Y) / 2)
    if flip:
        img, alpha = img[:, ::-1], alpha[:, ::-1]
        anchor = (img.shape[1] - 1 - SAMPLE_CX, anchor[1])
    m = cv2.getRotationMatrix2D(anchor, -(roll - (-SAMPLE_ROLL if flip else SAMPLE_ROLL)), s)
    sh, sw = img.shape[:2]
    corners = np.array([[0, 0, 1], [sw, 0, 1], [0, sh, 1], [sw, sh, 1]], np.float64) @ m.T
    lo = np.floor(corners.min(axis=0))
    hi = np.ceil(corners.max(axis=0))
    m[0, 2] -= lo[0]
    m[1, 2] -= lo[1]
    size = (int(hi[0] - lo[0]), int(hi[1] - lo[1]))
    warped = cv2.warpAffine(np.ascontiguousarray(img), m, size, flags=cv2.INTER_LINEAR,
                            borderMode=cv2.BORDER_REPLICATE)
    a = cv2.warpAffine(np.ascontiguousarray(alpha), m, size, flags=cv2.INTER_LINEAR,
                       borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    ax = m[0, 0] * anchor[0] + m[0, 1] * anchor[1] + m[0, 2]
    ay = m[1, 0] * anchor[0] + m[1, 1] * anchor[1] + m[1, 2]
    a = np.ascontiguousarray(a, dtype=np.float32)
    return (np.asarray(warped, np.uint8), a, np.ascontiguousarray(1.0 - a, dtype=np.float32),
            (float(ax), float(ay)))


def render(scene: Scene, width: int = 640, height: int = 480) -> Image:
    """The scene as a BGR frame, without sensor noise."""
    if scene.black:
        return np.zeros((height, width, 3), np.uint8)
    frame = _background(width, height).copy()
    if scene.present:
        head_px = scene.scale * height
        if scene.second:
            _paste_head(frame, (0.16 if scene.x > 0.5 else 0.84) * width, 0.40 * height,
                        0.75 * head_px, 0.0, flip=True, shirt=(40, 90, 60))
        _paste_head(frame, scene.x * width, scene.y * height, head_px, scene.roll)
    if scene.light != 1.0:
        frame = np.asarray(cv2.convertScaleAbs(frame, alpha=scene.light, beta=0), np.uint8)
    if scene.blur > 0.05:
        frame = np.asarray(cv2.GaussianBlur(frame, (0, 0), scene.blur * height / 480), np.uint8)
    return frame


class Timeline:
    """A scenario: the scene at any time ``t`` (seconds since the camera opened)."""

    def __init__(self, steps: tuple[Step, ...], loop: bool = True) -> None:
        if not steps:
            raise ValueError("empty scenario")
        self.steps = steps
        self.loop = loop
        self.total = sum(s.hold_s + s.move_s for s in steps)

    def at(self, t: float) -> tuple[Scene, int]:
        """The scene at time ``t`` seconds and the index of the step playing."""
        if self.loop and self.total > 0:
            t = t % self.total
        prev = self.steps[-1].scene if self.loop else self.steps[0].scene
        for i, step in enumerate(self.steps):
            span = step.move_s + step.hold_s
            if t < span:
                if step.move_s > 0 and t < step.move_s:
                    return prev.blend(step.scene, t / step.move_s), i
                return step.scene, i
            t -= span
            prev = step.scene
        return self.steps[-1].scene, len(self.steps) - 1


def sway(scene: Scene, t: float) -> Scene:
    """A living person is never quite still: a slow, small sway well inside the tolerances."""
    if not scene.present:
        return scene
    # A restless child moves in bursts (envelope > 0) with short still moments between them;
    # moving fast blurs the picture.
    burst = scene.fidget * max(0.0, math.sin(t * 1.9 + 0.5)) ** 0.5
    return replace(
        scene,
        x=scene.x + 0.006 * math.sin(t * 1.3) + 0.14 * burst * math.sin(t * 4.3),
        y=scene.y + 0.004 * math.sin(t * 0.9 + 1.0) + 0.04 * burst * math.sin(t * 3.1),
        roll=scene.roll + 0.8 * math.sin(t * 0.7) + 15.0 * burst * math.sin(t * 2.7),
        blur=scene.blur + 5.0 * burst * abs(math.cos(t * 4.3)),
    )


class SimulatedCamera:
    """The simulator behind the Camera protocol. Thread-safe controls: ``unplug``/``replug``
    (and ``set_scenario``) may be called from any thread; frames only from the owning one.

    ``realtime``: frames are paced at ``fps`` (slowed by ``delay_ms``) and the script follows
    the wall clock, like a real scene; otherwise frames come as fast as they are read and the
    script advances ``1/fps`` per frame (deterministic, for tests and benchmarks).
    """

    def __init__(
        self,
        scenario: str | tuple[Step, ...] = "demo",
        width: int = 640,
        height: int = 480,
        fps: float = 30.0,
        delay_ms: int = 0,
        still_size: tuple[int, int] = (1280, 960),
        realtime: bool = True,
    ) -> None:
        name = scenario if isinstance(scenario, str) else "custom"
        if isinstance(scenario, str) and scenario not in SCENARIOS:
            raise DeviceUnavailable("camera.unknown_scenario", name=scenario,
                                    names=", ".join(sorted(SCENARIOS)))
        self.info = CameraInfo("simulator", name, f"Simulated camera ({name})", width, height, fps)
        self.width, self.height = width, height
        self.fps = max(0.1, float(fps))
        self.delay_s = max(0, delay_ms) / 1000.0
        self.still_size = still_size
        self.realtime = realtime
        self._lock = threading.Lock()
        self._timeline = Timeline(SCENARIOS[scenario] if isinstance(scenario, str) else scenario)
        self._unplugged_until = 0.0
        self._open = False
        self._seq = 0
        self._next_due = 0.0
        self._last_step = -1
        self._t0 = 0.0
        self._last_image: Image | None = None
        self._scene = GOOD

    # --- controls (any thread) ---
    def unplug(self, seconds: float | None = None) -> None:
        """Pull the cable: reads fail and open() finds nothing until ``replug`` or ``seconds``."""
        with self._lock:
            self._unplugged_until = math.inf if seconds is None else time.monotonic() + seconds

    def replug(self) -> None:
        with self._lock:
            self._unplugged_until = 0.0

    def set_scenario(self, scenario: str | tuple[Step, ...]) -> None:
        steps = SCENARIOS[scenario] if isinstance(scenario, str) else scenario
        with self._lock:
            self._timeline = Timeline(steps)
            self._seq = 0
            self._t0 = time.monotonic() if self._open else 0.0
            self._last_step = -1

    @property
    def unplugged(self) -> bool:
        with self._lock:
            return time.monotonic() < self._unplugged_until

    # --- protocol (owning thread) ---
    @property
    def is_open(self) -> bool:
        return self._open

    def open(self) -> None:
        if self.unplugged:
            raise DeviceUnavailable("camera.not_found", source=self.info.source)
        # Load the sample and build the noise now: fail here if the sample is missing, and
        # keep the first frame as punctual as the rest.
        _sprite()
        _noise_bank(self.width, self.height)
        self._open = True
        self._next_due = time.monotonic() + self.interval
        if self._t0 == 0.0:
            self._t0 = time.monotonic()

    @property
    def interval(self) -> float:
        """Seconds between frames: the asked rate, slowed by the configured extra delay."""
        return 1.0 / self.fps + self.delay_s

    def close(self) -> None:
        self._open = False

    def _scene_now(self) -> Scene:
        # Real time: the scene moves on at its own pace even when frames are dropped.
        t = time.monotonic() - self._t0 if self.realtime else self._seq / self.fps
        with self._lock:
            scene, step_index = self._timeline.at(t)
            step = self._timeline.steps[step_index]
        if step_index != self._last_step:
            self._last_step = step_index
            if step.unplug_s > 0:
                self.unplug(step.unplug_s)
        return sway(scene, t)

    def read(self, timeout_s: float = 2.0) -> Frame:
        if not self._open:
            raise DeviceError("camera.not_open")
        if self.realtime:
            wait = self._next_due - time.monotonic()
            if wait > timeout_s:
                time.sleep(timeout_s)
                raise DeviceTimeout("camera.timeout", seconds=timeout_s)
            if wait > 0:
                time.sleep(wait)
            # Latest-frame-wins: if we fell behind, skip to now instead of replaying a backlog.
            self._next_due = max(self._next_due, time.monotonic() - self.interval) + self.interval
        elif self.delay_s:
            time.sleep(min(self.delay_s, timeout_s))
        scene = self._scene_now()
        if self.unplugged:
            self._open = False
            raise DeviceError("camera.disconnected")
        self._seq += 1
        self._scene = scene
        if scene.frozen and self._last_image is not None:
            return Frame(self._last_image, self._seq)
        image = render(scene, self.width, self.height)
        if not scene.frozen:
            pos, neg = _noise_bank(self.width, self.height)[self._seq % 6]
            image = np.asarray(cv2.subtract(cv2.add(image, pos), neg), np.uint8)
        self._last_image = np.asarray(image, dtype=np.uint8)
        return Frame(self._last_image, self._seq)

    def still(self) -> Still:
        """The current scene rendered at the still resolution."""
        if not self._open:
            raise DeviceError("camera.not_open")
        if self.unplugged:
            self._open = False
            raise DeviceError("camera.disconnected")
        w, h = self.still_size
        image = render(self._scene, w, h)
        return Still(np.asarray(image, dtype=np.uint8), self.info)

    @staticmethod
    def discover() -> list[CameraInfo]:
        return [CameraInfo("simulator", name, f"Simulated camera ({name})", 640, 480, 30.0)
                for name in SCENARIOS]


def extract_sample() -> None:
    """Cut the sample head out of scikit-image's astronaut (public domain) once."""
    from skimage import data  # dev dependency only

    rgb = data.astronaut()  # type: ignore[no-untyped-call]
    bgr = cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)
    crop = np.ascontiguousarray(bgr[0:230, 120:330])
    SAMPLE.parent.mkdir(parents=True, exist_ok=True)
    cv2.imwrite(str(SAMPLE), crop, [cv2.IMWRITE_JPEG_QUALITY, 92])
    shipped = cv2.imread(str(SAMPLE), cv2.IMREAD_COLOR)
    cv2.imwrite(str(SAMPLE_MASK), cut_out_head(np.asarray(shipped, np.uint8)))


if __name__ == "__main__":
    import sys

    if "--extract-sample" in sys.argv:
        extract_sample()
        print(SAMPLE)
