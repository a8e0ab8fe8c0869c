"""Two hands, palms down, with each finger coloured by its state; and the strip of prints."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from devices.fingerprint.model import Finger, GrayImage
from devices.fingerprint.sequence import FingerStatus
from ui.i18n import t
from ui.widgets.fingerprint_worker import FingerView

GOOD = QColor("#1b7f3b")
LOW = QColor("#b7791f")
EXCEPTION = QColor("#b42318")
TODO = QColor("#9ca3af")
CURRENT = QColor("#1d4ed8")
SKIN = QColor("#f3e3d3")

# Finger geometry per hand (palm down, seen from above): x offset, length, angle (degrees).
_LEFT = [(Finger.LEFT_LITTLE, -0.78, 0.55, -14), (Finger.LEFT_RING, -0.33, 0.72, -5),
         (Finger.LEFT_MIDDLE, 0.1, 0.8, 0), (Finger.LEFT_INDEX, 0.55, 0.72, 6),
         (Finger.LEFT_THUMB, 1.0, 0.5, 38)]
_RIGHT = [(Finger.RIGHT_THUMB, -1.0, 0.5, -38), (Finger.RIGHT_INDEX, -0.55, 0.72, -6),
          (Finger.RIGHT_MIDDLE, -0.1, 0.8, 0), (Finger.RIGHT_RING, 0.33, 0.72, 5),
          (Finger.RIGHT_LITTLE, 0.78, 0.55, 14)]


def status_colour(view: FingerView | None) -> QColor:
    if view is None:
        return TODO
    return {FingerStatus.CAPTURED: GOOD, FingerStatus.KEPT_LOW: LOW,
            FingerStatus.EXCEPTION: EXCEPTION}.get(view.status, TODO)


def short_state(view: FingerView | None) -> str:
    if view is None or view.status is FingerStatus.TO_CAPTURE:
        return ""
    if view.status is FingerStatus.EXCEPTION:
        return "\u2298"  # a circled slash: no print, see the tile for the reason
    return str(view.quality)


def gray_qimage(image: GrayImage) -> QImage:
    h, w = image.shape
    return QImage(image.data, w, h, image.strides[0], QImage.Format.Format_Grayscale8).copy()


class HandsView(QWidget):
    """Click a finger (or use its digit key) to select it for a retake or an exception."""

    fingerClicked = Signal(object)  # Finger

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views: dict[Finger, FingerView] = {}
        self.current: tuple[Finger, ...] = ()
        self.selected: Finger | None = None
        self._shapes: dict[Finger, QPainterPath] = {}
        self.setMinimumSize(360, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(520, 240)

    def show_state(self, views: dict[Finger, FingerView], current: tuple[Finger, ...]) -> None:
        self.views, self.current = views, current
        self.update()

    def select(self, finger: Finger | None) -> None:
        self.selected = finger
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        for finger, path in self._shapes.items():
            if path.contains(event.position()):
                self.select(finger)
                self.fingerClicked.emit(finger)
                return
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        unit = min(w / 6.6, h / 2.3)
        self._shapes.clear()
        for hand, cx, label in ((_LEFT, w * 0.25, t("fingerprint.panel.left_hand")),
                                (_RIGHT, w * 0.75, t("fingerprint.panel.right_hand"))):
            # Centred vertically when the width limits the drawing (a wide, tall panel).
            palm_top = max(0.0, (h - unit * 2.3) / 2) + unit * 1.2
            palm = QRectF(cx - unit * 0.95, palm_top, unit * 1.9, unit * 0.95)
            p.setPen(QPen(QColor("#d6c2ad"), 1.5))
            p.setBrush(QBrush(SKIN))
            p.drawRoundedRect(palm, unit * 0.3, unit * 0.3)
            for finger, dx, length, angle in hand:
                self._draw_finger(p, finger, QPointF(cx + dx * unit, palm_top + unit * 0.12),
                                  unit, length, angle)
            p.setPen(QColor("#374151"))
            f = QFont(self.font())
            f.setBold(True)
            p.setFont(f)
            p.drawText(QRectF(palm.left(), palm.bottom() + 2, palm.width(), 22),
                       Qt.AlignmentFlag.AlignCenter, label)
        p.end()

    def _draw_finger(self, p: QPainter, finger: Finger, base: QPointF, unit: float,
                     length: float, angle: float) -> None:
        view = self.views.get(finger)
        colour = status_colour(view)
        width = unit * (0.34 if finger.is_thumb else 0.3)
        long_ = unit * length * 1.25
        rad = math.radians(angle)
        path = QPainterPath()
        rect = QRectF(-width / 2, -long_, width, long_ + width * 0.3)
        path.addRoundedRect(rect, width / 2, width / 2)
        p.save()
        p.translate(base)
        if finger.is_thumb:
            p.translate(0, unit * 0.45)
        p.rotate(angle)
        current = finger in self.current
        fill = QColor(colour)
        fill.setAlpha(60 if view is None or view.status is FingerStatus.TO_CAPTURE else 200)
        if view is not None and view.status is FingerStatus.EXCEPTION:
            p.setBrush(QBrush(EXCEPTION, Qt.BrushStyle.BDiagPattern))
        else:
            p.setBrush(QBrush(SKIN if view is None or view.status is FingerStatus.TO_CAPTURE
                              else fill))
        pen = QPen(CURRENT if current else colour.darker(120), 3.5 if current else 1.5)
        if finger is self.selected:
            pen = QPen(QColor("#111827"), 3.0, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawPath(path)
        # The state on the fingertip: quality number or exception mark.
        text = short_state(view)
        if view is not None and view.status is FingerStatus.EXCEPTION:
            p.setPen(QPen(EXCEPTION.darker(130), max(2.5, width * 0.12),
                          Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            cy, r = -long_ * 0.62, width * 0.28
            p.drawLine(QPointF(-r, cy - r), QPointF(r, cy + r))
            p.drawLine(QPointF(-r, cy + r), QPointF(r, cy - r))
            text = ""
        if text:
            p.setPen(QColor("white") if view is not None and
                     view.status is not FingerStatus.EXCEPTION else EXCEPTION.darker(130))
            font = QFont(self.font())
            font.setBold(True)
            font.setPointSizeF(max(7.0, unit * (0.11 if len(text) > 1 else 0.16)))
            p.setFont(font)
            p.save()
            p.translate(0, -long_ * 0.62)
            p.rotate(-angle)
            p.drawText(QRectF(-width * 1.2, -12, width * 2.4, 24), Qt.AlignmentFlag.AlignCenter,
                       text)
            p.restore()
        p.restore()
        # Hit area in widget coordinates.
        hit = QPainterPath()
        cx, cy = base.x(), base.y() + (unit * 0.45 if finger.is_thumb else 0)
        pts = [(-width / 2, 0), (width / 2, 0), (width / 2, -long_), (-width / 2, -long_)]
        poly = [QPointF(cx + x * math.cos(rad) - y * math.sin(rad),
                        cy + x * math.sin(rad) + y * math.cos(rad)) for x, y in pts]
        hit.moveTo(poly[0])
        for q in poly[1:]:
            hit.lineTo(q)
        hit.closeSubpath()
        self._shapes[finger] = hit


class PrintTile(QWidget):
    """One finger's print (or its exception) with its name and quality: shown everywhere."""

    def __init__(self, finger: Finger, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finger = finger
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(1)
        self.picture = QLabel()
        self.picture.setFixedSize(64, 76)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setObjectName("printPicture")
        self.caption = QLabel()
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setObjectName("printCaption")
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("font-size: 11px;")
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        lay.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.caption)
        self.show_view(None)

    def show_view(self, view: FingerView | None) -> None:
        name = t(f"fingerprint.finger.{self.finger.key}")
        name = name[:1].upper() + name[1:]  # a caption, not a word inside a sentence
        colour = status_colour(view).name()
        if view is not None and view.status is FingerStatus.EXCEPTION and view.exception:
            self.picture.setPixmap(QPixmap())
            self.picture.setText(t(f"fingerprint.exception.{view.exception.kind.value}"))
            self.picture.setWordWrap(True)
            self.picture.setToolTip(view.exception.reason)
            self.picture.setStyleSheet(f"border: 2px solid {colour}; color: {colour};"
                                       "background: #fdecea; font-weight: bold;"
                                       "font-size: 10px;")
            detail = view.exception.reason
        elif view is not None and view.image is not None:
            pix = QPixmap.fromImage(gray_qimage(view.image)).scaled(
                60, 72, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation)
            self.picture.setPixmap(pix)
            self.picture.setToolTip("")
            self.picture.setStyleSheet(f"border: 2px solid {colour}; background: white;")
            low = (f" ({t('fingerprint.panel.low')})"
                   if view.status is FingerStatus.KEPT_LOW else "")
            detail = t("fingerprint.panel.quality", quality=view.quality) + low
        else:
            self.picture.setPixmap(QPixmap())
            self.picture.setText("—")
            self.picture.setStyleSheet(f"border: 1px dashed {colour}; color: {colour};"
                                       "background: #f9fafb;")
            detail = t("fingerprint.panel.to_capture")
        self.caption.setText(f"<b>{name}</b><br><span style='color:{colour}'>{detail}</span>")


class PrintStrip(QWidget):
    """The ten prints in two rows, hand by hand, as on a ten-print card."""

    ORDER = ((Finger.LEFT_LITTLE, Finger.LEFT_RING, Finger.LEFT_MIDDLE, Finger.LEFT_INDEX,
              Finger.LEFT_THUMB),
             (Finger.RIGHT_THUMB, Finger.RIGHT_INDEX, Finger.RIGHT_MIDDLE, Finger.RIGHT_RING,
              Finger.RIGHT_LITTLE))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(2)
        grid.setVerticalSpacing(2)
        self.tiles: dict[Finger, PrintTile] = {}
        # Ten equal columns, a small gap between the hands; captions wrap inside their column.
        for i, finger in enumerate(self.ORDER[0] + self.ORDER[1]):
            col = i if i < 5 else i + 1
            tile = PrintTile(finger)
            self.tiles[finger] = tile
            grid.addWidget(tile, 0, col)
            grid.setColumnStretch(col, 1)
        grid.setColumnMinimumWidth(5, 8)

    def show_state(self, views: dict[Finger, FingerView]) -> None:
        for finger, tile in self.tiles.items():
            tile.show_view(views.get(finger))


class AspectImage(QLabel):
    """Shows an image fitted to its size without distortion (text when there is none)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.image: QImage | None = None

    def set_image(self, image: QImage | None) -> None:
        self.image = image
        if image is not None:
            self.setText("")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        if self.image is None:
            super().paintEvent(event)
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        size = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - size.width()) / 2
        y = (self.height() - size.height()) / 2
        p.drawImage(QRectF(x, y, size.width(), size.height()), self.image)
        p.end()
