"""Where the capture page plugs in the camera widget and the fingerprint panel.

The widgets are built by the camera and fingerprint areas (``ui/widgets/face_capture.py``,
``ui/widgets/fingerprint_panel.py``). Until one is installed its slot says so plainly.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget

from ui.context import optional


def finger_names(_page: Any = None) -> dict[str, str]:
    return {
        "right_thumb": QCoreApplication.translate(
            "CapturePage", "Right thumb"),
        "right_index": QCoreApplication.translate(
            "CapturePage", "Right index"),
        "right_middle": QCoreApplication.translate(
            "CapturePage", "Right middle"),
        "right_ring": QCoreApplication.translate(
            "CapturePage", "Right ring"),
        "right_little": QCoreApplication.translate(
            "CapturePage", "Right little"),
        "left_thumb": QCoreApplication.translate(
            "CapturePage", "Left thumb"),
        "left_index": QCoreApplication.translate(
            "CapturePage", "Left index"),
        "left_middle": QCoreApplication.translate(
            "CapturePage", "Left middle"),
        "left_ring": QCoreApplication.translate(
            "CapturePage", "Left ring"),
        "left_little": QCoreApplication.translate(
            "CapturePage", "Left little"),
    }


def _missing(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("slotMissing")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class FitScroll(QScrollArea):
    """A scroll area that gives its widget the whole viewport, and scrolls only below the
    widget's minimum size. (``widgetResizable`` sizes a widget whose layout has word-wrapped
    labels by its *preferred* height for the width — e.g. the camera view's 600 px — and
    scrolls although everything would fit.)"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt API
        super().setWidget(widget)
        widget.installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        w = self.widget()
        if w is None:
            return
        least = w.minimumSizeHint().expandedTo(w.minimumSize())
        view = self.viewport().size()
        width = view.width()
        if least.height() > view.height():  # the vertical scroll bar takes its width
            width = self.width() - self.verticalScrollBar().sizeHint().width()
        w.resize(max(width, least.width()), max(view.height(), least.height()))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return super().eventFilter(watched, event)


class Slot(QWidget):
    """Holds a device widget, built when first needed (a camera is opened only for an
    applicant who needs a photo) and shut down when the page is left."""

    def __init__(self, build: Any, missing: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QVBoxLayout

        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.build = build
        self.inner: QWidget | None = None
        if build is None:
            self.layout_.addWidget(_missing(missing))

    def ensure(self) -> QWidget | None:
        if self.inner is None and self.build is not None:
            self.inner = self.build()
            # A device widget smaller than its minimum scrolls rather than pushing the window
            # past 768 px; otherwise it fills the slot exactly.
            scroll = FitScroll()
            scroll.setWidget(self.inner)
            self.layout_.addWidget(scroll)
        return self.inner

    def begin(self) -> None:
        w = self.ensure()
        if w is not None and hasattr(w, "start"):
            w.start()

    def reset(self) -> None:
        """A new applicant: forget the previous photo or prints."""
        w = self.inner
        if w is not None:
            for name in ("reset", "retake"):
                if hasattr(w, name):
                    getattr(w, name)()
                    break

    def end(self) -> None:
        w = self.inner
        if w is not None:
            for name in ("shutdown", "stop"):
                if hasattr(w, name):
                    getattr(w, name)()
                    break


def installed(module: str) -> bool:
    """Whether a widget module is there, without importing it (cv2 and numpy are heavy: the
    camera and the scanner are loaded when the first applicant needs them)."""
    import importlib.util

    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def face_widget(ctx: Any, page: Any) -> Slot:
    if not installed("ui.widgets.face_capture"):
        return Slot(None, QCoreApplication.translate(
            "CapturePage", "The camera widget is not installed on this station."))

    def build() -> QWidget:
        cls = optional("ui.widgets.face_capture", "FaceCaptureWidget")
        widget = cls.from_settings(ctx.settings.section("camera"), simulate=ctx.simulate,
                                   show_title=False)

        def accepted(jpeg: bytes, report: dict[str, Any]) -> None:
            photo = report.get("photo", {})
            still = report.get("still", {})
            score = still.get("score") if isinstance(still, dict) else None
            page.attach(modality="face", position="face", image=bytes(jpeg), format="jpeg",
                        quality=int(score) if isinstance(score, int | float) else None,
                        width=photo.get("width"), height=photo.get("height"),
                        meta={"passed": bool(report.get("passed"))})

        widget.photoAccepted.connect(accepted)
        return widget  # type: ignore[no-any-return]

    return Slot(build, "")


def finger_widget(ctx: Any, page: Any) -> Slot:
    if not installed("ui.widgets.fingerprint_panel"):
        return Slot(None, QCoreApplication.translate(
            "CapturePage", "The fingerprint panel is not installed on this station."))

    def build() -> QWidget:
        cls = optional("ui.widgets.fingerprint_panel", "FingerprintPanel")
        widget = cls.from_settings(ctx.settings.section("fingerprint"), simulate=ctx.simulate)

        def stored(sample: Any, modality: str, position: str) -> None:
            page.attach(modality=modality, position=position, image=bytes(sample.data),
                        format=sample.format, quality=int(sample.quality),
                        width=sample.width, height=sample.height,
                        resolution_ppi=sample.resolution_ppi, device_serial=sample.device_serial)

        widget.fingerCaptured.connect(lambda s: stored(s, "finger", s.position))
        widget.irisCaptured.connect(lambda s: stored(s, "iris", f"{s.position.lower()}_iris"))
        widget.exceptionMarked.connect(page.on_panel_exception)
        widget.sequenceCompleted.connect(page.on_sequence_completed)
        widget.stateChanged.connect(lambda _state: page.refresh_checklist())
        return widget  # type: ignore[no-any-return]

    return Slot(build, "")


def start(*slots: Slot | None) -> None:
    for w in slots:
        if w is not None:
            w.begin()


def stop(*slots: Slot | None) -> None:
    for w in slots:
        if w is not None:
            w.end()
