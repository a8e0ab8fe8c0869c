"""Qt item models over plain service results (applications for the worklist)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ui.common import age_group_text, dmy, kind_text, state_text

Index = QModelIndex | QPersistentModelIndex
_STATE_COLOURS = {"draft": "#6b7280", "verified": "#1f5fa8", "captured": "#1f5fa8",
                  "confirmed": "#7a4ea3", "submitted": "#a15c00", "card_arrived": "#1b7f3b",
                  "handed_over": "#374151", "rejected": "#b3261e", "cancelled": "#b3261e"}


class ApplicationsModel(QAbstractTableModel):
    """Rows of ``workstation.enrollment.summary`` dictionaries."""

    COLUMNS = ("number", "full_name", "applicant_pid", "age_group", "kind", "state",
               "received_on", "return_by")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.headers = [
            QCoreApplication.translate("ApplicationsModel", "Number"),
            QCoreApplication.translate("ApplicationsModel", "Applicant"),
            QCoreApplication.translate("ApplicationsModel", "ID number"),
            QCoreApplication.translate("ApplicationsModel", "Age group"),
            QCoreApplication.translate("ApplicationsModel", "Procedure"),
            QCoreApplication.translate("ApplicationsModel", "State"),
            QCoreApplication.translate("ApplicationsModel", "Received"),
            QCoreApplication.translate("ApplicationsModel", "Return date"),
        ]

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row.get(key)
            if key in ("age_group", "kind") and not value:
                return "—"  # decided when the data is checked; a draft has not been yet
            if key == "state":
                return state_text(value)
            if key == "kind":
                return kind_text(value)
            if key == "age_group":
                return age_group_text(value)
            if key in ("received_on", "return_by"):
                return dmy(value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and key == "state":
            return QBrush(QColor(_STATE_COLOURS.get(str(row.get("state")), "#111827")))
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None
