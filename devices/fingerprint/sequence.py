"""The ten-print enrollment sequence as a state machine without Qt or devices.

The caller asks for the current step's ``CaptureRequest``, has the scanner capture it (on the
device's thread), and hands the ``SlapCapture`` back to ``record``; the answer says whether the
step is done, must be retaken (low quality, a partial slap — "3 fingers found, 4 expected" —
or a finger that matches another finger already taken), or needs an exception. Each finger
keeps its best attempt; after ``retries`` attempts the best one is kept even if below the
threshold (and says so). Exceptions (missing, amputated, bandaged, cannot be captured) carry a
reason and travel with the result wherever prints are shown.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from devices.fingerprint.matcher import SAME_FINGER_INLIERS, Template, match_score, template
from devices.fingerprint.model import (
    BiometricException,
    CaptureRequest,
    ExceptionKind,
    Finger,
    FingerSample,
    IrisCapture,
    IrisSample,
    Slap,
    SlapCapture,
)

SLAP_ORDER = (Slap.RIGHT_FOUR, Slap.LEFT_FOUR, Slap.TWO_THUMBS)
SINGLE_ORDER = (Finger.RIGHT_THUMB, Finger.RIGHT_INDEX, Finger.RIGHT_MIDDLE, Finger.RIGHT_RING,
                Finger.RIGHT_LITTLE, Finger.LEFT_THUMB, Finger.LEFT_INDEX, Finger.LEFT_MIDDLE,
                Finger.LEFT_RING, Finger.LEFT_LITTLE)


class FingerStatus(enum.Enum):
    TO_CAPTURE = "to_capture"
    CAPTURED = "captured"  # best sample meets the threshold
    KEPT_LOW = "kept_low"  # retries used up: the best sample is kept below the threshold
    EXCEPTION = "exception"


@dataclass
class FingerState:
    finger: Finger
    best: FingerSample | None = None
    attempts: int = 0
    exception: BiometricException | None = None
    kept_low: bool = False
    _template: Template | None = field(default=None, repr=False)

    _done: bool = False

    @property
    def status(self) -> FingerStatus:
        if self.exception is not None:
            return FingerStatus.EXCEPTION
        if self.best is not None and self.kept_low:
            return FingerStatus.KEPT_LOW
        if self.best is not None and self._done:
            return FingerStatus.CAPTURED
        return FingerStatus.TO_CAPTURE

    @property
    def quality(self) -> int | None:
        return None if self.best is None else self.best.quality


@dataclass(frozen=True)
class Step:
    index: int
    fingers: tuple[Finger, ...]
    slap: Slap | None
    prompt: str  # message code
    prompt_params: tuple[tuple[str, str], ...] = ()


class StepStatus(enum.Enum):
    DONE = "done"
    RETRY = "retry"
    NEEDS_EXCEPTION = "needs_exception"


@dataclass(frozen=True)
class Notice:
    """A message code with parameters, for the UI to translate."""

    code: str
    params: tuple[tuple[str, object], ...] = ()

    def kwargs(self) -> dict[str, object]:
        return dict(self.params)


@dataclass(frozen=True)
class StepResult:
    status: StepStatus
    notices: tuple[Notice, ...]
    missing: tuple[Finger, ...] = ()
    low: tuple[Finger, ...] = ()
    duplicates: tuple[tuple[Finger, Finger], ...] = ()
    attempt: int = 0


@dataclass(frozen=True)
class FingerResult:
    """One finger of the finished sequence: a sample, or an exception, never neither."""

    finger: Finger
    sample: FingerSample | None
    exception: BiometricException | None
    attempts: int
    below_threshold: bool


@dataclass(frozen=True)
class TenPrintResult:
    fingers: tuple[FingerResult, ...]
    irises: tuple[IrisSample, ...] = ()
    iris_exceptions: tuple[tuple[str, BiometricException], ...] = ()
    mode: str = "slaps"
    quality_threshold: int = 40

    def finger(self, finger: Finger) -> FingerResult:
        return next(r for r in self.fingers if r.finger is finger)

    @property
    def captured(self) -> int:
        return sum(1 for r in self.fingers if r.sample is not None)

    @property
    def exceptions(self) -> int:
        return sum(1 for r in self.fingers if r.exception is not None)


class EnrollmentSequence:
    """Ten fingers by 4-4-2 slaps or single flats, with quality, retries and exceptions."""

    def __init__(self, mode: str = "slaps", quality_threshold: int = 40, retries: int = 3,
                 timeout_s: float = 40.0, duplicate_check: bool = True,
                 duplicate_inliers: int = SAME_FINGER_INLIERS) -> None:
        if mode not in ("slaps", "single"):
            raise ValueError(f"mode must be 'slaps' or 'single', not {mode!r}")
        if not 0 <= quality_threshold <= 100 or retries < 1:
            raise ValueError("quality threshold must be 0-100 and retries at least 1")
        self.mode = mode
        self.threshold = quality_threshold
        self.retries = retries
        self.timeout_s = timeout_s
        self.duplicate_check = duplicate_check
        self.duplicate_inliers = duplicate_inliers
        self.states = {f: FingerState(f) for f in Finger}
        if mode == "slaps":
            self.steps = [Step(i, s.fingers, s, f"fingerprint.prompt.{s.key}")
                          for i, s in enumerate(SLAP_ORDER)]
        else:
            self.steps = [Step(i, (f,), None, "fingerprint.prompt.single",
                               (("finger", f.key),)) for i, f in enumerate(SINGLE_ORDER)]
        self.step_attempts = [0] * len(self.steps)
        self._index = 0
        self.iris: dict[str, IrisSample] = {}
        self.iris_exceptions: dict[str, BiometricException] = {}
        self._skip_finished()

    # -- where we are ----------------------------------------------------------------------
    @property
    def current(self) -> Step | None:
        return self.steps[self._index] if self._index < len(self.steps) else None

    @property
    def complete(self) -> bool:
        return all(s.status is not FingerStatus.TO_CAPTURE for s in self.states.values())

    def step_of(self, finger: Finger) -> Step:
        return next(s for s in self.steps if finger in s.fingers)

    def _step_done(self, step: Step) -> bool:
        return all(self.states[f].status is not FingerStatus.TO_CAPTURE for f in step.fingers)

    def _skip_finished(self) -> None:
        while self._index < len(self.steps) and self._step_done(self.steps[self._index]):
            self._index += 1

    def go_to(self, finger: Finger) -> Step:
        """Retake: the step holding ``finger`` becomes current; that finger starts afresh."""
        state = self.states[finger]
        state.best, state.kept_low, state._done, state._template = None, False, False, None
        state.attempts = 0
        step = self.step_of(finger)
        self.step_attempts[step.index] = 0
        self._index = step.index
        return step

    def request(self) -> CaptureRequest:
        step = self.current
        if step is None:
            raise RuntimeError("the sequence is complete")
        excepted = tuple(f for f in step.fingers if self.states[f].exception is not None)
        return CaptureRequest(step.fingers, step.slap, excepted, self.timeout_s, self.threshold)

    # -- exceptions ------------------------------------------------------------------------
    def mark_exception(self, finger: Finger, kind: ExceptionKind, reason: str) -> None:
        reason = " ".join(reason.split())
        if not reason:
            raise ValueError("an exception needs a reason")
        state = self.states[finger]
        state.exception = BiometricException(kind, reason)
        state.best, state.kept_low, state._done, state._template = None, False, False, None
        self._skip_finished()

    def clear_exception(self, finger: Finger) -> None:
        self.states[finger].exception = None
        self._index = min(self._index, self.step_of(finger).index)

    # -- recording a capture ---------------------------------------------------------------
    def _template(self, state: FingerState) -> Template | None:
        if state.best is None:
            return None
        if state._template is None:
            state._template = template(state.best.image)
        return state._template

    def _duplicate_of(self, sample: FingerSample, tmpl: Template,
                      others: dict[Finger, Template]) -> Finger | None:
        best: tuple[int, Finger] | None = None
        for finger, other in others.items():
            if finger is sample.position:
                continue
            score = match_score(tmpl, other)
            if score >= self.duplicate_inliers and (best is None or score > best[0]):
                best = (score, finger)
        return None if best is None else best[1]

    def record(self, capture: SlapCapture) -> StepResult:
        step = self.current
        if step is None:
            raise RuntimeError("the sequence is complete")
        self.step_attempts[step.index] += 1
        attempt = self.step_attempts[step.index]
        asked = [f for f in step.fingers if self.states[f].exception is None]
        notices: list[Notice] = []
        duplicates: list[tuple[Finger, Finger]] = []
        # Templates of every finger already held, and of this capture's samples.
        others: dict[Finger, Template] = {}
        if self.duplicate_check:
            in_capture = {s.position for s in capture.samples}
            for f, st in self.states.items():
                t = self._template(st) if st.exception is None else None
                if t is not None and f not in in_capture:
                    others[f] = t
        fresh: dict[Finger, Template] = {}
        for sample in capture.samples:
            if sample.position not in asked:
                continue
            state = self.states[sample.position]
            state.attempts += 1
            if self.duplicate_check:
                tmpl = template(sample.image)
                dup = self._duplicate_of(sample, tmpl, {**others, **fresh})
                fresh[sample.position] = tmpl
                if dup is not None:
                    duplicates.append((sample.position, dup))
                    notices.append(Notice("fingerprint.duplicate", (
                        ("finger", sample.position.key), ("other", dup.key))))
                    continue
            else:
                tmpl = None
            if state.best is None or sample.quality > state.best.quality:
                state.best, state._template = sample, tmpl
        missing = tuple(f for f in asked if capture.sample(f) is None)
        for f in missing:
            self.states[f].attempts += 1
        if missing:
            notices.insert(0, Notice("fingerprint.partial_slap", (
                ("found", len(asked) - len(missing)), ("expected", len(asked)),
                ("missing", ",".join(f.key for f in missing)))))
        dup_fingers = {d for d, _ in duplicates}
        low = []
        for f in asked:
            st = self.states[f]
            if st.best is not None and st.best.quality >= self.threshold and f not in dup_fingers:
                st._done = True
            elif f not in dup_fingers and f not in missing and st.best is not None:
                low.append(f)
                notices.append(Notice("fingerprint.low_quality", (
                    ("finger", f.key), ("quality", st.best.quality),
                    ("threshold", self.threshold))))
        pending = [f for f in asked if not self.states[f]._done]
        if not pending:
            self._index += 1
            self._skip_finished()
            return StepResult(StepStatus.DONE, tuple(notices), missing, tuple(low),
                              tuple(duplicates), attempt)
        if attempt < self.retries:
            return StepResult(StepStatus.RETRY, tuple(notices), missing, tuple(low),
                              tuple(duplicates), attempt)
        # Retries used up: keep the best of each finger that has one; the others need an
        # exception (or another try, which stays possible).
        without = []
        for f in pending:
            st = self.states[f]
            if st.best is not None and f not in dup_fingers:
                st.kept_low = True
                notices.append(Notice("fingerprint.kept_best", (
                    ("finger", f.key), ("quality", st.best.quality),
                    ("attempts", st.attempts))))
            else:
                without.append(f)
        if without:
            return StepResult(StepStatus.NEEDS_EXCEPTION, tuple(notices), tuple(without),
                              tuple(low), tuple(duplicates), attempt)
        self._index += 1
        self._skip_finished()
        return StepResult(StepStatus.DONE, tuple(notices), missing, tuple(low),
                          tuple(duplicates), attempt)

    # -- iris ------------------------------------------------------------------------------
    def record_iris(self, capture: IrisCapture) -> None:
        for sample in capture.samples:
            old = self.iris.get(sample.eye.value)
            if old is None or sample.quality > old.quality:
                self.iris[sample.eye.value] = sample

    def mark_iris_exception(self, eye: str, kind: ExceptionKind, reason: str) -> None:
        reason = " ".join(reason.split())
        if not reason:
            raise ValueError("an exception needs a reason")
        self.iris_exceptions[eye] = BiometricException(kind, reason)
        self.iris.pop(eye, None)

    # -- the result ------------------------------------------------------------------------
    def result(self) -> TenPrintResult:
        if not self.complete:
            raise RuntimeError("the sequence is not complete")
        fingers = tuple(FingerResult(f, s.best if s.exception is None else None, s.exception,
                                     s.attempts, s.kept_low) for f, s in self.states.items())
        return TenPrintResult(fingers, tuple(self.iris.values()),
                              tuple(self.iris_exceptions.items()), self.mode, self.threshold)
