"""Dialogs shared by the pages: the crash dialog, error messages, reasons and approvals."""

from __future__ import annotations

import traceback
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import current_language
from workstation.errors import DeviceError, OperatorCancelled, UserFacingError


def error_text(exc: BaseException) -> str | None:
    """The text to show for an error, or ``None`` for one that needs the crash dialog."""
    if isinstance(exc, OperatorCancelled):
        return ""
    if isinstance(exc, UserFacingError | DeviceError):
        return str(exc.text(current_language()))
    code = getattr(exc, "code", None)
    if isinstance(code, str) and "." in code:  # models.db.DatabaseError and similar
        from resources.messages import has_message, message

        if has_message(code):
            return message(code, current_language(), detail=getattr(exc, "detail", ""))
    return None


class CrashDialog(QDialog):
    """Something unexpected: say so plainly, keep the details one click away."""

    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Something went wrong"))
        self.details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        layout = QVBoxLayout(self)
        head = QLabel(self.tr("The program met an unexpected problem. Your saved work is safe: "
                              "drafts are saved as you type. You can carry on, or copy the "
                              "details for the station's IT person."))
        head.setWordWrap(True)
        layout.addWidget(head)
        box = QPlainTextEdit(self.details)
        box.setReadOnly(True)
        box.setMinimumSize(560, 200)
        layout.addWidget(box)
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(self.tr("Copy details"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A clear message for a known error, the crash dialog for anything else."""
    text = error_text(exc)
    if text == "":
        return
    if text is None:
        CrashDialog(exc, parent).exec()
        return
    box = QMessageBox(QMessageBox.Icon.Warning, parent.tr("Cannot continue") if parent else "",
                      text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.exec()


class ReasonDialog(QDialog):
    """Ask for a reason (reject, cancel)."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.edit = QLineEdit()
        self.edit.setMaxLength(300)
        layout.addWidget(self.edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def reason(self) -> str:
        return self.edit.text()


class ApprovalDialog(QDialog):
    """A leader approves an exception with their own sign-in (password)."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Leader's approval"))
        layout = QVBoxLayout(self)
        label = QLabel(what)
        label.setWordWrap(True)
        layout.addWidget(label)
        form = QFormLayout()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Leader's user name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def credentials(self) -> tuple[str, str]:
        return self.username.text().strip(), self.password.text()


def ask(parent: QWidget, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def info(parent: QWidget, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, parent.window().windowTitle(), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


class ChipKeyDialog(QDialog):
    """What is printed on the card opens its chip (BAC): ID number, birth date, expiry."""

    def __init__(self, title: str, parent: QWidget | None = None, pid: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Place the card on the reader and type what is printed on it."))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.pid = QLineEdit(pid)
        self.pid.setMaxLength(12)
        self.dob = QLineEdit()
        self.dob.setPlaceholderText("dd/mm/yyyy")
        self.expiry = QLineEdit()
        self.expiry.setPlaceholderText(self.tr("dd/mm/yyyy, empty if no expiry"))
        form.addRow(self.tr("ID number"), self.pid)
        form.addRow(self.tr("Date of birth"), self.dob)
        form.addRow(self.tr("Valid until"), self.expiry)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.values: tuple[str, date, date | None] | None = None

    def _check(self) -> None:
        from workstation.enrollment.forms import nfc, parse_date

        pid = nfc(self.pid.text())
        dob = parse_date(self.dob.text())
        expiry_text = self.expiry.text().strip()
        expiry = parse_date(expiry_text) if expiry_text else None
        if not (pid.isdigit() and len(pid) == 12):
            self.message.setText(self.tr("The ID number has 12 digits."))
        elif dob is None or (expiry_text and expiry is None):
            self.message.setText(self.tr("Type the dates as dd/mm/yyyy."))
        else:
            self.values = (pid, dob, expiry)
            self.accept()
