"""Dialogs shared by the pages: the crash dialog, error messages, reasons and approvals
(a leader's password or their own chip card)."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
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
    """A leader approves an exception: with their user name and password, or by placing their
    own registered chip card (căn cước) on the reader.

    ``approve_password(username, password)`` and ``approve_card(username_or_None)`` return the
    approving ``Actor`` or raise a coded error; both run on ``runner`` (off the GUI thread with
    the app's ``ThreadRunner``): reading a chip takes a moment and the window stays alive,
    showing the progress. ``approved(actor, method)`` is emitted before the dialog accepts;
    ``approver`` and ``method`` (``password`` / ``card``) keep the result.
    """

    approved = Signal(object, str)

    def __init__(self, what: str, parent: QWidget | None = None, *, runner: Any = None,
                 approve_password: Callable[[str, str], Any] | None = None,
                 approve_card: Callable[[str | None], Any] | None = None,
                 holders: list[tuple[str, str]] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.setWindowTitle(self.tr("Leader's approval"))
        self.setMinimumWidth(460)
        self.runner = runner
        self._approve_password = approve_password
        self._approve_card = approve_card
        self.approver: Any = None
        self.method = ""
        self.working = False
        layout = QVBoxLayout(self)
        label = QLabel(what)
        label.setObjectName("approvalWhat")
        label.setWordWrap(True)
        layout.addWidget(label)
        self.methods = QTabWidget()
        self.methods.setObjectName("approvalMethods")
        # -- password
        page = QWidget()
        form = QFormLayout(page)
        self.username = QLineEdit()
        self.username.setObjectName("leaderUser")
        self.password = QLineEdit()
        self.password.setObjectName("leaderPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Leader's user name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.methods.addTab(page, self.tr("Password"))
        # -- the leader's own card
        card = QWidget()
        card_lay = QVBoxLayout(card)
        note = QLabel(self.tr("The leader places their own identity card (registered at this "
                              "station) on the card reader."))
        note.setWordWrap(True)
        card_lay.addWidget(note)
        row = QFormLayout()
        self.holder = QComboBox()
        self.holder.setObjectName("cardHolder")
        self.holder.addItem(self.tr("Any registered leader"), "")
        for username, full_name in holders or []:
            self.holder.addItem(f"{full_name} ({username})" if full_name else username, username)
        row.addRow(self.tr("Leader"), self.holder)
        card_lay.addLayout(row)
        self.read_button = QPushButton(self.tr("Read card"))
        self.read_button.setObjectName("readLeaderCard")
        self.read_button.clicked.connect(self.read_card)
        self.progress = QProgressBar()
        self.progress.setObjectName("cardProgress")
        self.progress.setRange(0, 0)  # busy: the chip answers in well under a second
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.hide()
        self.progress_text = QLabel(self.tr("Reading the card… keep it on the reader."))
        self.progress_text.setObjectName("cardProgressText")
        self.progress_text.hide()
        card_lay.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignLeft)
        card_lay.addWidget(self.progress)
        card_lay.addWidget(self.progress_text)
        card_lay.addStretch(1)
        self.methods.addTab(card, self.tr("Leader's card"))
        if approve_card is None:
            self.methods.setTabEnabled(1, False)
        layout.addWidget(self.methods)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Approve"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.approve)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def credentials(self) -> tuple[str, str]:
        return self.username.text().strip(), self.password.text()

    def use_card(self) -> None:
        self.methods.setCurrentIndex(1)

    def approve(self) -> None:
        """OK: the method of the visible tab."""
        if self.methods.currentIndex() == 1:
            self.read_card()
        else:
            self.check_password()

    def check_password(self) -> None:
        username, password = self.credentials()
        if not username or not password:
            self.message.setText(self.tr("Type the leader's user name and password."))
            return
        if self._approve_password is None:
            self.message.setText(self.tr("Approval by password is not available."))
            return
        self._start("password", self._approve_password, username, password)

    def read_card(self) -> None:
        if self._approve_card is None:
            return
        holder = str(self.holder.currentData() or "") or None
        self._start("card", self._approve_card, holder)

    def _start(self, method: str, fn: Callable[..., Any], *args: Any) -> None:
        if self.working:
            return
        self.working = True
        self.message.setText("")
        self._busy(method == "card")
        done = partial(self._done, method)
        if self.runner is None:
            try:
                result = fn(*args)
            except Exception as exc:  # noqa: BLE001 - shown in the dialog
                self._failed(exc)
            else:
                done(result)
        else:
            self.runner.run(fn, *args, done=done, failed=self._failed)

    def _busy(self, reading: bool) -> None:
        for w in (self.read_button, self.buttons, self.holder, self.username, self.password):
            w.setEnabled(not self.working)
        self.methods.tabBar().setEnabled(not self.working)
        self.progress.setVisible(self.working and reading)
        self.progress_text.setVisible(self.working and reading)

    def _done(self, method: str, approver: Any) -> None:
        self.working = False
        self._busy(False)
        if not self.isVisible():  # closed meanwhile (another applicant was opened)
            return
        self.approver, self.method = approver, method
        self.approved.emit(approver, method)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.working = False
        self._busy(False)
        text = error_text(exc)
        self.message.setText(text if text else self.tr("The approval failed: %1")
                             .replace("%1", type(exc).__name__))
        if self.methods.currentIndex() == 0:
            self.password.clear()

    def reject(self) -> None:
        if self.working:  # the reader is busy: the result decides; Esc does nothing meanwhile
            return
        super().reject()

    def close_now(self) -> None:
        """Close even while a card is being read (its result is then ignored)."""
        super().reject()


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


class RegisterCardDialog(ChipKeyDialog):
    """Register an officer's own chip card for approvals (for the Users tab of the admin page):
    what is printed on the card, then the card is read on ``runner`` and stored by
    ``register(pid, dob, expiry)`` (e.g. ``card_approval.register_from_reader``). The dialog
    stays open with the message when the card is refused."""

    registered = Signal(object)  # RegisteredCard

    def __init__(self, who: str, runner: Any, register: Callable[[str, date, date | None], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Register the leader's card: %1").replace("%1", who), parent)
        self.setObjectName("registerCardDialog")
        self.runner = runner
        self._register = register
        self.result_card: Any = None
        self.working = False

    def accept(self) -> None:
        if self.values is None or self.working:
            return
        self.working = True
        self.message.setText(self.tr("Reading the card… keep it on the reader."))
        self.runner.run(self._register, *self.values, done=self._done, failed=self._failed)

    def _done(self, card: Any) -> None:
        self.working = False
        self.result_card = card
        self.registered.emit(card)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self.working = False
        self.values = None
        text = error_text(exc)
        self.message.setText(text if text else self.tr("The approval failed: %1")
                             .replace("%1", type(exc).__name__))
