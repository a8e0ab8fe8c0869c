"""The document preview: the printing area's widget when installed, else a plain QtPdf view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.context import optional


class SimplePdfView(QWidget):
    """Shows PDF bytes (fit to width, all pages)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view)
        self._buffer: QBuffer | None = None
        self.pdf = b""

    def load_pdf(self, pdf: bytes) -> None:
        self.pdf = pdf
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer

    def page_count(self) -> int:
        return int(self.document.pageCount())


def make_pdf_view(parent: QWidget | None = None) -> Any:
    """A preview widget with ``load_pdf(bytes)``."""
    cls = optional("ui.widgets.pdf_preview", "PdfPreview")
    if cls is not None and hasattr(cls, "load_pdf"):
        return cls(parent)
    return SimplePdfView(parent)
