"""Document preview (QtPdf's QPdfView) with Print… (Qt's QPrintDialog, works on Windows and
Linux) and Save PDF… buttons. Rendering runs on a thread pool, never on the GUI thread.

    preview = PdfPreview()
    preview.render_async(lambda: service.build(...).pdf, "CC02-….pdf")   # or
    preview.load_pdf(pdf_bytes)

Run alone: ``python -m ui.widgets.pdf_preview [FILE.pdf]`` (without a file it renders a
synthetic appointment slip).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import t


class _Signals(QObject):
    done = Signal(bytes)
    failed = Signal(str)


class _RenderJob(QRunnable):
    """Runs the render function on a pool thread; results come back as queued signals."""

    def __init__(self, fn: Callable[[], bytes]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            pdf = self.fn()
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a crash
            text = getattr(exc, "text", None)
            self.signals.failed.emit(text() if callable(text) else f"{type(exc).__name__}: {exc}")
            return
        self.signals.done.emit(bytes(pdf))


class PdfPreview(QWidget):
    """A PDF preview with print and save buttons."""

    loaded = Signal(int)  # number of pages
    failed = Signal(str)  # message shown to the user
    saved = Signal(str)  # path
    printed = Signal(int)  # pages sent to the printer

    def __init__(self, parent: QWidget | None = None, *,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.pool = pool or QThreadPool.globalInstance()
        self.pdf = b""
        self.suggested_name = "document.pdf"
        self._buffer: QBuffer | None = None
        self._jobs: set[_RenderJob] = set()
        self._generation = 0

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.print_button = QPushButton(t("printing.preview.print"), self)
        self.save_button = QPushButton(t("printing.preview.save"), self)
        self.zoom_out = QToolButton(self)
        self.zoom_out.setText("−")
        self.zoom_out.setToolTip(t("printing.preview.zoom_out"))
        self.zoom_in = QToolButton(self)
        self.zoom_in.setText("+")
        self.zoom_in.setToolTip(t("printing.preview.zoom_in"))
        self.fit = QToolButton(self)
        self.fit.setText("↔")
        self.fit.setToolTip(t("printing.preview.fit"))
        self.status = QLabel(self)
        self.status.setObjectName("pdfPreviewStatus")

        bar = QHBoxLayout()
        for w in (self.print_button, self.save_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addStretch(1)
        for b in (self.zoom_out, self.fit, self.zoom_in):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.print_button.clicked.connect(self.print_dialog)
        self.save_button.clicked.connect(lambda: self.save_dialog())
        self.zoom_in.clicked.connect(lambda: self._zoom(1.25))
        self.zoom_out.clicked.connect(lambda: self._zoom(0.8))
        self.fit.clicked.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self._set_enabled(False)

    # -- loading ---------------------------------------------------------------------------

    def load_pdf(self, pdf: bytes, name: str | None = None) -> None:
        """Show ``pdf`` (GUI thread)."""
        self.pdf = bytes(pdf)
        if name:
            self.suggested_name = name
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(self.pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        pages = self.page_count()
        self._set_enabled(pages > 0)
        self.status.setText(t("printing.preview.page", page=1 if pages else 0, pages=pages))
        self.loaded.emit(pages)

    def render_async(self, fn: Callable[[], bytes], name: str | None = None) -> None:
        """Run ``fn`` (which returns PDF bytes) on the pool and show the result."""
        self._generation += 1
        generation = self._generation
        job = _RenderJob(fn)
        self._jobs.add(job)
        job.signals.done.connect(lambda pdf: self._on_done(job, generation, pdf, name),
                                 Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(lambda msg: self._on_failed(job, generation, msg),
                                   Qt.ConnectionType.QueuedConnection)
        self.status.setText(t("printing.preview.loading"))
        self._set_enabled(False)
        self.pool.start(job)

    @Slot()
    def _on_done(self, job: _RenderJob, generation: int, pdf: bytes, name: str | None) -> None:
        self._jobs.discard(job)
        if generation == self._generation:  # a newer request replaced this one
            self.load_pdf(pdf, name)

    @Slot()
    def _on_failed(self, job: _RenderJob, generation: int, message: str) -> None:
        self._jobs.discard(job)
        if generation == self._generation:
            self.status.setText(t("printing.preview.failed", detail=message))
            self.failed.emit(message)

    def page_count(self) -> int:
        return int(self.document.pageCount())

    # -- actions ---------------------------------------------------------------------------

    def _set_enabled(self, on: bool) -> None:
        for w in (self.print_button, self.save_button, self.zoom_in, self.zoom_out, self.fit):
            w.setEnabled(on)

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.2, min(5.0, self.view.zoomFactor() * factor)))

    def save_to(self, path: str | Path) -> Path:
        target = Path(path)
        target.write_bytes(self.pdf)
        self.status.setText(t("printing.preview.saved", path=str(target)))
        self.saved.emit(str(target))
        return target

    def save_dialog(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, t("printing.preview.save"),
                                              self.suggested_name,
                                              t("printing.preview.pdf_filter"))
        if not path:
            return None
        try:
            return self.save_to(path)
        except OSError as exc:
            self.status.setText(t("printing.out_unwritable", path=path,
                                  detail=exc.strerror or str(exc)))
            self.failed.emit(self.status.text())
            return None

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(t("printing.preview.print"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter, dpi: int = 300) -> int:
        """Paint every page onto ``printer`` (a real printer, or a PDF file in tests)."""
        pages = self.page_count()
        if pages == 0:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            self.failed.emit(t("printing.preview.failed", detail=printer.printerName()))
            return 0
        try:
            for i in range(pages):
                if i:
                    printer.newPage()
                size_pt = self.document.pagePointSize(i)
                px = QSize(int(size_pt.width() * dpi / 72), int(size_pt.height() * dpi / 72))
                image: QImage = self.document.render(i, px)
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(target)
        finally:
            painter.end()
        self.printed.emit(pages)
        return pages


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    argv = list(sys.argv if argv is None else argv)
    app = QApplication.instance() or QApplication(argv)
    preview = PdfPreview()
    preview.setWindowTitle(t("printing.preview.title"))
    preview.resize(720, 900)
    if len(argv) > 1:
        path = Path(argv[1])
        preview.render_async(path.read_bytes, path.name)
    else:
        def sample() -> bytes:
            from printing import data, samples
            from printing.cc02 import render_appointment_slip

            slip = data.appointment_slip(samples.adult_renewal(), samples.ISSUER)
            return render_appointment_slip(slip, "A5")

        preview.render_async(sample, "CC02-mau.pdf")
    preview.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
