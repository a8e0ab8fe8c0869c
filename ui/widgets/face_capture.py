"""The face photo capture widget: live preview with an oval guide, the quality checklist lit
live, auto-capture, manual capture (Space) and retake (R), and the card photo for approval.

Plugs into the capture page: connect ``photoCaptured`` / ``photoAccepted`` (JPEG bytes and the
quality report as a dict). Runs alone: ``python -m ui.widgets.face_capture --simulate``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from devices.camera.base import Camera, Image
from devices.camera.photo import CardPhoto, PhotoSpec
from devices.camera.quality import CHECK_ORDER, CheckResult, QualityReport, QualityThresholds
from devices.errors import DeviceError
from ui.i18n import t
from ui.widgets.camera_worker import CameraWorker, CaptureResult, LivePacket

GOOD = QColor("#2e9d57")
BAD = QColor("#d98a14")
FAIL = QColor("#c0392b")
IDLE = QColor("#8a9199")


def bgr_to_qimage(image: Image) -> QImage:
    """A QImage owning a copy of a BGR uint8 frame."""
    h, w = image.shape[:2]
    qimg = QImage(image.data, w, h, int(image.strides[0]), QImage.Format.Format_BGR888)
    return qimg.copy()


def format_value(check: CheckResult) -> str:
    if check.value is None:
        return "—"
    v = check.value
    if check.unit == "ratio":
        return f"{v * 100:.0f} %"
    if check.unit == "deg":
        return f"{v:+.1f}°"
    if check.unit in ("faces", "eyes"):
        return f"{v:.0f}"
    return f"{v:.0f}"


def camera_name(camera: Camera) -> str:
    info = camera.info
    if info.kind == "simulator":
        return t("camera.ui.name_simulator", scenario=info.source)
    if info.kind == "opencv":
        return t("camera.ui.name_opencv", source=info.source)
    return t("camera.ui.name_file", name=info.name)


class CameraView(QWidget):
    """The live picture, the oval guide, the auto-capture arc and the instruction banner."""

    def __init__(self, thresholds: QualityThresholds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thresholds = thresholds
        self.image: QImage | None = None
        self.report: QualityReport | None = None
        self.progress = 0.0
        self.overlay: str = t("camera.ui.connecting")  # a state message over a dark screen
        self.overlay_error = False
        self.warning: str = ""
        self.badge: str = ""
        self.note: str = ""  # replaces the live instruction while a photo awaits approval
        self.fps_text: str = ""
        self.paints = 0
        self.on_resize: Callable[[int, int], None] | None = None
        self.setMinimumSize(480, 360)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:
        return QSize(800, 600)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.on_resize is not None:
            self.on_resize(self.width(), self.height())

    def picture_rect(self) -> QRectF:
        """Where the 4:3 (or the frame's own) picture is drawn, centred, aspect kept."""
        w, h = (self.image.width(), self.image.height()) if self.image else (4, 3)
        scale = min(self.width() / w, self.height() / h)
        pw, ph = w * scale, h * scale
        return QRectF((self.width() - pw) / 2, (self.height() - ph) / 2, pw, ph)

    def guide_rect(self, pic: QRectF) -> QRectF:
        t_ = self.thresholds
        head = pic.height() * (t_.min_head_fraction + t_.max_head_fraction) / 2
        width = head * 0.74
        cx = pic.x() + pic.width() * t_.guide_centre_x
        cy = pic.y() + pic.height() * t_.guide_centre_y
        return QRectF(cx - width / 2, cy - head / 2, width, head)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        self.paints += 1
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#1d2126"))
        pic = self.picture_rect()
        if self.image is not None:
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.drawImage(pic, self.image)
        passed = self.report is not None and self.report.passed
        colour = GOOD if passed else (BAD if self.report is not None else IDLE)
        guide = self.guide_rect(pic)
        # Dim everything outside the oval so the eye goes to the guide.
        path = QPainterPath()
        path.addRect(pic)
        oval = QPainterPath()
        oval.addEllipse(guide)
        p.fillPath(path.subtracted(oval), QColor(0, 0, 0, 70))
        p.setPen(QPen(colour, 3, Qt.PenStyle.DashLine if not passed else Qt.PenStyle.SolidLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(guide)
        if self.progress > 0:
            p.setPen(QPen(GOOD, 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            p.drawArc(guide.adjusted(-7, -7, 7, 7), 90 * 16, int(-360 * 16 * self.progress))
        self._paint_corner_texts(p, pic)
        if self.report is not None and not self.overlay:
            text = self.note or t(self.report.instruction)
            self._banner(p, pic, text, GOOD if passed else BAD, bottom=True)
        if self.warning and not self.overlay:
            self._banner(p, pic, self.warning, FAIL, bottom=False)
        if self.overlay:
            p.fillRect(pic, QColor(0, 0, 0, 170 if self.image is not None else 255))
            f = QFont(self.font())
            f.setPointSizeF(f.pointSizeF() * 1.5)
            f.setBold(True)
            p.setFont(f)
            p.setPen(QColor("#ff8a80") if self.overlay_error else QColor("#eceff1"))
            p.drawText(pic.adjusted(40, 40, -40, -40),
                       int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap),
                       self.overlay)
        p.end()

    def _paint_corner_texts(self, p: QPainter, pic: QRectF) -> None:
        f = QFont(self.font())
        f.setBold(True)
        p.setFont(f)
        fm = p.fontMetrics()
        if self.badge:
            w = fm.horizontalAdvance(self.badge) + 16
            r = QRectF(pic.x() + 10, pic.y() + 10, w, fm.height() + 8)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(192, 57, 43, 220))
            p.drawRoundedRect(r, 4, 4)
            p.setPen(QColor("white"))
            p.drawText(r, int(Qt.AlignmentFlag.AlignCenter), self.badge)
        if self.fps_text:
            w = fm.horizontalAdvance(self.fps_text) + 16
            r = QRectF(pic.right() - 10 - w, pic.y() + 10, w, fm.height() + 8)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(0, 0, 0, 140))
            p.drawRoundedRect(r, 4, 4)
            p.setPen(QColor("white"))
            p.drawText(r, int(Qt.AlignmentFlag.AlignCenter), self.fps_text)

    def _banner(self, p: QPainter, pic: QRectF, text: str, colour: QColor, bottom: bool) -> None:
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() * (1.45 if bottom else 1.1))
        f.setBold(True)
        p.setFont(f)
        fm = p.fontMetrics()
        width = min(pic.width() - 40, fm.horizontalAdvance(text) + 40)
        flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
        bound = fm.boundingRect(0, 0, int(width - 30), 400, flags, text)
        height = bound.height() + 18
        y = pic.bottom() - height - 16 if bottom else pic.y() + 48
        r = QRectF(pic.center().x() - width / 2, y, width, height)
        p.setPen(Qt.PenStyle.NoPen)
        fill = QColor(colour)
        fill.setAlpha(225)
        p.setBrush(fill)
        p.drawRoundedRect(r, 8, 8)
        p.setPen(QColor("white"))
        p.drawText(r.adjusted(15, 0, -15, 0), flags, text)


class ChecklistPanel(QFrame):
    """One line per check: a lamp, its name and the measured value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklist")
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)  # compact: the column must fit a 1366×768 counter screen
        self.title = QLabel(t("camera.ui.checklist"))
        self.title.setObjectName("sectionTitle")
        grid.addWidget(self.title, 0, 0, 1, 3)
        self.rows: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        for i, name in enumerate(CHECK_ORDER, start=1):
            lamp, label, value = QLabel("●"), QLabel(t(f"camera.check.{name}")), QLabel("—")
            lamp.setFixedWidth(18)
            lamp.setAlignment(Qt.AlignmentFlag.AlignCenter)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(64)
            value.setObjectName("checkValue")
            grid.addWidget(lamp, i, 0)
            grid.addWidget(label, i, 1)
            grid.addWidget(value, i, 2)
            self.rows[name] = (lamp, label, value)
        grid.setColumnStretch(1, 1)
        self._last: dict[str, tuple[str, str]] = {}
        self.show_report(None)

    def retranslate(self) -> None:
        self.title.setText(t("camera.ui.checklist"))
        for name, (_, label, _) in self.rows.items():
            label.setText(t(f"camera.check.{name}"))

    def show_report(self, report: QualityReport | None) -> None:
        for name, (lamp, _, value) in self.rows.items():
            if report is None:
                state, text = "idle", "—"
            else:
                check = report.check(name)
                state = "ok" if check.passed else ("bad" if check.measured else "idle")
                text = format_value(check)
            if self._last.get(name) == (state, text):
                continue  # setting the same style sheet again costs a re-polish
            self._last[name] = (state, text)
            colour = {"ok": GOOD, "bad": BAD, "idle": IDLE}[state].name()
            lamp.setText({"ok": "✓", "bad": "✗", "idle": "●"}[state])
            lamp.setStyleSheet(f"color: {colour}; font-weight: bold;")
            value.setText(text)

    def state_of(self, name: str) -> str:
        return self._last.get(name, ("idle", ""))[0]


class PhotoPanel(QFrame):
    """The card photo for approval, its verdict and its figures."""

    def __init__(self, spec: PhotoSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoPanel")
        self.spec = spec
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 8, 12, 8)
        box.setSpacing(4)
        self.title = QLabel(t("camera.ui.photo"))
        self.title.setObjectName("sectionTitle")
        box.addWidget(self.title)
        self.picture = QLabel()
        self.picture.setObjectName("photoPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setWordWrap(True)
        pw = 126
        self.picture.setFixedSize(pw, round(pw * spec.height / spec.width))
        box.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.verdict)
        self.info = QLabel()
        self.info.setObjectName("photoInfo")
        self.info.setWordWrap(True)
        self.info.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.info)
        box.addStretch(1)
        self.clear()

    def clear(self) -> None:
        self.picture.setPixmap(QPixmap())
        self.picture.setText(t("camera.ui.no_photo"))
        self.verdict.setText("")
        self.info.setText("")

    def show_photo(self, photo: CardPhoto, note: str) -> None:
        pix = QPixmap.fromImage(bgr_to_qimage(photo.image))
        self.picture.setPixmap(pix.scaled(self.picture.size(),
                                          Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))
        if photo.passed:
            self.verdict.setText(f"✓ {t('camera.ui.photo_ok')}")
            self.verdict.setStyleSheet(f"color: {GOOD.name()}; font-weight: bold;")
        else:
            problems = [t(f"camera.check.{n}") for n in photo.report.failed]
            if photo.padded:
                problems.append(t("camera.ui.padded"))
            self.verdict.setText(t("camera.ui.photo_warning", problems=", ".join(problems)))
            self.verdict.setStyleSheet(f"color: {FAIL.name()}; font-weight: bold;")
        self.info.setText(note + "\n" + t(
            "camera.ui.photo_info", width=photo.spec.width, height=photo.spec.height,
            head=round(photo.head_fraction * 100), kb=round(len(photo.jpeg) / 1024)))


class FaceCaptureWidget(QWidget):
    """Live face capture. ``photoCaptured`` fires when a photo is taken (automatically or by
    Space), ``photoAccepted`` when the officer approves it (Enter / the button)."""

    photoCaptured = Signal(bytes, dict)
    photoAccepted = Signal(bytes, dict)
    retaken = Signal()
    cameraStateChanged = Signal(str, str)  # state, message code

    def __init__(
        self,
        camera: Camera | None,
        *,
        thresholds: QualityThresholds | None = None,
        auto_capture_frames: int = 8,
        spec: PhotoSpec | None = None,
        asked_fps: float = 30.0,
        read_timeout_s: float = 2.0,
        retry_s: float = 1.0,
        error_code: str = "",
        error_params: dict[str, Any] | None = None,
        show_title: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("faceCapture")
        self.thresholds = thresholds or QualityThresholds()
        self.spec = spec or PhotoSpec()
        self.camera = camera
        self.auto_capture_frames = auto_capture_frames
        self.photo: CardPhoto | None = None
        self.accepted_photo: CardPhoto | None = None
        self.last_packet: LivePacket | None = None
        self.frames_shown = 0
        self.state = "connecting"
        self.worker: CameraWorker | None = None
        self._build()
        self.title.setVisible(show_title)  # a page with its own heading hides it
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if camera is None:
            self.state = "failed"
            self.view.overlay = t(error_code or "camera.none", **(error_params or {}))
            self.view.overlay_error = True
            self.capture_button.setEnabled(False)
        else:
            self.view.badge = t("camera.ui.simulator") if camera.info.kind == "simulator" else ""
            self.source_label.setText(t("camera.ui.source", name=camera_name(camera)))
            self.worker = CameraWorker(camera, self.thresholds, auto_capture_frames, self.spec,
                                       asked_fps, read_timeout_s, retry_s)
            self.worker.frameReady.connect(self._on_frame)
            self.view.on_resize = self.worker.set_display_size
            self.worker.stateChanged.connect(self._on_state)
            self.worker.captured.connect(self._on_captured)
        self._update_buttons()

    # --- construction ---
    def _build(self) -> None:
        self.setStyleSheet("""
            #faceCapture QLabel#title { font-size: 17pt; font-weight: 600; }
            #faceCapture QLabel#sectionTitle { font-size: 12pt; font-weight: 600; }
            #faceCapture QLabel#checkValue, #faceCapture QLabel#photoInfo,
            #faceCapture QLabel#source { color: #5f6b76; }
            #faceCapture QFrame#checklist, #faceCapture QFrame#photoPanel {
                border: 1px solid #d5dbe1; border-radius: 6px; background: #fbfcfd; }
            #faceCapture QFrame#checklist QLabel, #faceCapture QFrame#photoPanel QLabel {
                border: none; background: transparent; }
            #faceCapture QFrame#photoPanel QLabel#photoPicture { border: 1px dashed #b8c1ca;
                color: #7b8791; background: #f1f4f7; padding: 8px; }
            #faceCapture QPushButton { padding: 8px 18px; font-size: 11pt; }
            #faceCapture QScrollArea#sideScroll, #faceCapture QWidget#sideBox {
                background: transparent; }
            #faceCapture QPushButton#accept { font-weight: 600; }
        """)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 8, 14, 8)
        outer.setSpacing(8)
        head = QHBoxLayout()
        self.title = QLabel(t("camera.ui.title"))
        self.title.setObjectName("title")
        head.addWidget(self.title)
        head.addStretch(1)
        self.source_label = QLabel("")
        self.source_label.setObjectName("source")
        head.addWidget(self.source_label)
        outer.addLayout(head)
        body = QHBoxLayout()
        body.setSpacing(14)
        self.view = CameraView(self.thresholds)
        body.addWidget(self.view, 1)
        side = QVBoxLayout()
        side.setSpacing(8)
        self.checklist = ChecklistPanel()
        side.addWidget(self.checklist)
        self.photo_panel = PhotoPanel(self.spec)
        side.addWidget(self.photo_panel, 1)
        side_box = QWidget()
        side_box.setObjectName("sideBox")
        side_box.setLayout(side)
        side.setContentsMargins(0, 0, 0, 0)
        # On a short screen the side column scrolls rather than squeezing its text.
        scroll = QScrollArea()
        scroll.setObjectName("sideScroll")
        scroll.setWidget(side_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFixedWidth(310)
        body.addWidget(scroll)
        outer.addLayout(body, 1)
        buttons = QHBoxLayout()
        self.status = QLabel("")
        self.status.setWordWrap(True)
        buttons.addWidget(self.status, 1)
        self.capture_button = QPushButton(t("camera.ui.capture"))
        self.retake_button = QPushButton(t("camera.ui.retake"))
        self.accept_button = QPushButton(t("camera.ui.accept"))
        self.accept_button.setObjectName("accept")
        for b in (self.capture_button, self.retake_button, self.accept_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space and R belong to the widget
            buttons.addWidget(b)
        self.capture_button.clicked.connect(self.capture)
        self.retake_button.clicked.connect(self.retake)
        self.accept_button.clicked.connect(self.accept)
        outer.addLayout(buttons)

    def retranslate(self) -> None:
        self.title.setText(t("camera.ui.title"))
        self.capture_button.setText(t("camera.ui.capture"))
        self.retake_button.setText(t("camera.ui.retake"))
        self.accept_button.setText(t("camera.ui.accept"))
        self.checklist.retranslate()
        self.photo_panel.title.setText(t("camera.ui.photo"))
        if self.photo is None:
            self.photo_panel.clear()

    @classmethod
    def from_settings(cls, values: dict[str, Any], simulate: bool = False,
                      parent: QWidget | None = None, **kwargs: Any) -> FaceCaptureWidget:
        """Build from ``settings.section("camera")``; ``simulate`` forces the simulator."""
        from devices.camera.registry import CameraOptions, make_camera

        opts = CameraOptions.from_settings(values)
        if simulate:
            opts = CameraOptions.from_settings({**values, "adapter": "simulator"})
        spec = PhotoSpec(int(values.get("photo_width", 480)), int(values.get("photo_height", 640)),
                         jpeg_quality=int(values.get("jpeg_quality", 90)))
        common: dict[str, Any] = dict(
            thresholds=QualityThresholds.from_settings(values),
            auto_capture_frames=int(values.get("auto_capture_frames", 8)), spec=spec,
            asked_fps=opts.fps, read_timeout_s=opts.read_timeout_s, parent=parent)
        common.update(kwargs)
        try:
            camera = make_camera(opts)
        except DeviceError as exc:
            return cls(None, error_code=exc.code, error_params=exc.params, **common)
        return cls(camera, **common)

    # --- life cycle ---
    def start(self) -> None:
        """Start (or restart) the preview; done by itself when the widget is shown."""
        if self.worker is not None and not self.worker.isRunning():
            self.worker.prepare()
            self.worker.start()

    def shutdown(self, timeout_ms: int = 8000) -> None:
        """Stop the worker and wait for it (the camera is closed by its own thread). Done by
        itself when the widget is hidden or closed, so the camera is free for others."""
        if self.worker is not None and self.worker.isRunning():
            self.worker.stop()
            self.worker.wait(timeout_ms)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.start()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        if not event.spontaneous():  # minimising keeps the preview; leaving the page stops it
            self.shutdown()
        super().hideEvent(event)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.shutdown()
        super().closeEvent(event)

    # --- actions ---
    def capture(self) -> None:
        if self.worker is not None and self.state == "live":
            self.status.setText("")
            self.worker.request_capture()

    def retake(self) -> None:
        self.photo = None
        self.accepted_photo = None
        self.photo_panel.clear()
        self.status.setText("")
        self.view.note = ""
        self.view.update()
        if self.worker is not None:
            self.worker.rearm()
        self._update_buttons()
        self.retaken.emit()

    def accept(self) -> None:
        if self.photo is None:
            return
        self.accepted_photo = self.photo
        self.status.setText("✓ " + t("camera.ui.accepted"))
        self.view.note = t("camera.ui.accepted")
        self.photoAccepted.emit(self.photo.jpeg, self.photo.to_dict())
        self._update_buttons()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.capture()
        elif key == Qt.Key.Key_R:
            self.retake()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _update_buttons(self) -> None:
        has_photo = self.photo is not None
        self.capture_button.setEnabled(self.state == "live")
        self.retake_button.setEnabled(has_photo)
        self.accept_button.setEnabled(has_photo and self.accepted_photo is None)

    # --- from the worker (queued, GUI thread) ---
    def _on_frame(self) -> None:
        if self.worker is None:
            return
        packet = self.worker.take_latest()
        if packet is None:
            return
        self.last_packet = packet
        self.frames_shown += 1
        view = self.view
        view.image = bgr_to_qimage(packet.display)
        view.report = packet.report
        view.progress = packet.progress if self.photo is None else 0.0
        view.warning = t(packet.warning, fps=f"{packet.fps:.0f}") if packet.warning else ""
        view.fps_text = t("camera.ui.fps", fps=f"{packet.fps:.0f}") if packet.fps else ""
        if self.state == "live":
            view.overlay = ""
        self.checklist.show_report(packet.report)
        view.update()

    def _on_state(self, state: str, code: str) -> None:
        self.state = "live" if state == "stalled" else state
        view = self.view
        if state == "live":
            view.overlay = ""
            view.overlay_error = False
            if code:
                self.status.setText(t(code))
        elif state == "stalled":
            view.warning = t(code, seconds=self.worker.read_timeout_s if self.worker else 0)
        elif state == "connecting":
            view.overlay, view.overlay_error = t(code), False
        else:
            source = self.camera.info.source if self.camera is not None else ""
            view.overlay, view.overlay_error = t(code, source=source), True
            view.report = None
            view.progress = 0.0
            self.checklist.show_report(None)
        view.update()
        self._update_buttons()
        self.cameraStateChanged.emit(state, code)

    def _on_captured(self, result: CaptureResult) -> None:
        if result.photo is None:
            self.status.setText(t("camera.ui.no_face_in_still"))
            if self.worker is not None:
                self.worker.rearm()
            return
        self.photo = result.photo
        self.accepted_photo = None
        note = t("camera.ui.captured_auto" if result.auto else "camera.ui.captured_manual")
        self.photo_panel.show_photo(result.photo, note)
        self.status.setText(note)
        self.view.note = note
        self.view.progress = 0.0
        self._update_buttons()
        self.photoCaptured.emit(result.photo.jpeg, result.photo.to_dict())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Face photo capture (camera widget alone)")
    parser.add_argument("--simulate", action="store_true", help="use the camera simulator")
    parser.add_argument("--scenario", default="", help="simulator scenario (demo, good, bad, …)")
    parser.add_argument("--lang", choices=("vi", "en"), default="")
    parser.add_argument("--screenshot", default="", help="save a screenshot here and quit")
    parser.add_argument("--size", default="1366x768", help="window size, e.g. 1366x768")
    args = parser.parse_args(argv)
    from ui.i18n import set_language
    from workstation.errors import UserFacingError
    from workstation.settings import load_settings

    try:
        settings = load_settings()
    except UserFacingError as exc:
        print(exc.text(args.lang or "vi"), file=sys.stderr)
        return 2
    set_language(args.lang or str(settings["ui.language"]))
    values = settings.section("camera")
    if args.scenario:
        values["simulator_scenario"] = args.scenario
    app = QApplication.instance() or QApplication(sys.argv[:1])
    widget = FaceCaptureWidget.from_settings(values, simulate=args.simulate)
    widget.setWindowTitle(t("camera.ui.title"))
    w, h = (int(v) for v in args.size.lower().split("x"))
    widget.resize(w, h)
    widget.photoAccepted.connect(lambda data, report: print(
        f"accepted: {len(data)} bytes, passed={report['passed']}", flush=True))
    widget.show()
    widget.setFocus()
    if args.screenshot:
        from PySide6.QtCore import QTimer

        def shoot() -> None:
            widget.grab().save(args.screenshot)
            widget.close()
            app.quit()

        QTimer.singleShot(4000, shoot)
    code = app.exec()
    widget.shutdown()
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
