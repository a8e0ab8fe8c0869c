"""Administration: station information and interface settings, users, devices with the
start-of-day self-test (camera, scanner, card reader and a printed test page), the printer, the
capture thresholds, the station's own calendar days and the fee tables (shipped rates and rates
the station enters). Every change is saved off the GUI thread and audited."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common import Page, Section, button, dmy, hbox, money
from ui.context import optional
from ui.devicehub import DEVICES, DeviceHub, DeviceStatus
from ui.i18n import t
from workstation.security import ROLES

STATION_KEYS = ("station.code", "station.name", "station.counter", "station.address")

# The quality thresholds the capture uses: (setting, minimum, maximum, decimals, step).
CAMERA_THRESHOLDS: tuple[tuple[str, float, float, int, float], ...] = (
    ("camera.auto_capture_frames", 1, 60, 0, 1),
    ("camera.min_sharpness", 0, 1000, 1, 5),
    ("camera.max_roll_deg", 0, 45, 1, 0.5),
    ("camera.max_yaw_deg", 0, 45, 1, 0.5),
    ("camera.max_centre_offset", 0, 0.5, 2, 0.01),
    ("camera.min_head_fraction", 0.1, 0.95, 2, 0.01),
    ("camera.max_head_fraction", 0.15, 1.0, 2, 0.01),
    ("camera.min_brightness", 0, 255, 0, 1),
    ("camera.max_brightness", 0, 255, 0, 1),
    ("camera.max_clipped_fraction", 0, 1, 2, 0.01),
    ("camera.min_contrast", 0, 255, 1, 1),
    ("camera.max_background_std", 0, 255, 1, 1),
)
FINGER_THRESHOLDS: tuple[tuple[str, float, float, int, float], ...] = (
    ("fingerprint.quality_threshold", 0, 100, 0, 1),
    ("fingerprint.retries", 1, 10, 0, 1),
    ("fingerprint.capture_timeout_s", 5, 300, 0, 5),
)
THRESHOLDS = CAMERA_THRESHOLDS + FINGER_THRESHOLDS
# A CUPS queue name: printable, no spaces, "/", "#" or "\" (CUPS' own rule), at most 127.
_CUPS_NAME = re.compile(r"[^\s/#\\]{1,127}")
_RECEIPT_ADDRESS = re.compile(
    r"usb:[0-9a-fA-F]{1,4}:[0-9a-fA-F]{1,4}|tcp:[\w.\-]+(:\d{1,5})?|serial:\S+|dummy")


def _table(columns: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(columns)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft
                                                 | Qt.AlignmentFlag.AlignVCenter)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(24)
    return table


def case_text(case: str) -> str:
    """A fee case in words, capitalised for a table cell or a list."""
    text = t(f"fee.case.{case}")
    return text[:1].upper() + text[1:]


def _fit_rows(table: QTableWidget) -> None:
    """Make a short table exactly as tall as its rows (no scroll bar, no half row)."""
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(i) for i in range(table.rowCount()))
    table.setFixedHeight(height)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def _fill(table: QTableWidget, rows: list[tuple[str, ...]], right: tuple[int, ...] = ()) -> None:
    table.setRowCount(len(rows))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            item = QTableWidgetItem(text)
            if j in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(i, j, item)
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)


class AdminPage(Page):
    key = "admin"
    permission = "users.manage|settings.edit"

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.tabs = tabs = QTabWidget()
        tabs.setObjectName("adminTabs")
        self.root.addWidget(tabs, 1)
        tabs.addTab(self._station_tab(), self.tr("Station"))
        tabs.addTab(self._users_tab(), self.tr("Users"))
        tabs.addTab(self._devices_tab(), self.tr("Devices"))
        tabs.addTab(self._printer_tab(), self.tr("Printer"))
        tabs.addTab(self._thresholds_tab(), self.tr("Thresholds"))
        tabs.addTab(self._holidays_tab(), self.tr("Holidays"))
        tabs.addTab(self._fees_tab(), self.tr("Fees"))
        self._testing = False
        self.queues: list[str] = []

    # ------------------------------------------------------------------ building the tabs
    def _station_tab(self) -> QWidget:
        ctx = self.ctx
        station = QWidget()
        box = Section(self.tr("Station and counter"), station)
        form = QFormLayout()
        form.setSpacing(8)
        box.outer.addLayout(form)
        labels = {"station.code": self.tr("Station code"), "station.name": self.tr("Station name"),
                  "station.counter": self.tr("Counter"), "station.address": self.tr("Address")}
        self.fields: dict[str, QLineEdit] = {}
        for key in STATION_KEYS:
            edit = QLineEdit(str(ctx.settings[key]))
            edit.setObjectName(f"s_{key.replace('.', '_')}")
            edit.setMaxLength(200)
            self.fields[key] = edit
            form.addRow(labels[key], edit)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if ctx.settings["ui.language"] == "vi" else 1)
        self.large_font = QCheckBox(self.tr("Large font for the counter screen"))
        self.large_font.setChecked(bool(ctx.settings["ui.large_font"]))
        self.idle = QSpinBox()
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(0, 120)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(int(ctx.settings["ui.idle_lock_minutes"]))
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.large_font)
        form.addRow(self.tr("Lock after idle"), self.idle)
        box.outer.addLayout(hbox(button(self.tr("Save settings"), self.save_settings,
                                        primary=True, name="saveSettings"), stretch_at=1))
        box.outer.addStretch(1)
        lay = QVBoxLayout(station)
        lay.setContentsMargins(0, 8, 0, 0)
        lay.addWidget(box)
        return station

    def _users_tab(self) -> QWidget:
        users = QWidget()
        box = Section(self.tr("Staff accounts"), users)
        self.users = _table([self.tr("User name"), self.tr("Full name"), self.tr("Roles"),
                             self.tr("State"), self.tr("Approval card")], "usersTable")
        box.add(self.users, 1)
        box.outer.addLayout(hbox(
            button(self.tr("Register the leader's card…"), self.register_card,
                   name="registerCard"),
            button(self.tr("Remove the registered card"), self.remove_card, name="removeCard"),
            stretch_at=2))
        self.new_user = QLineEdit()
        self.new_user.setPlaceholderText(self.tr("user name"))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("full name"))
        self.new_role = QComboBox()
        self.role_names = {"reception": self.tr("Reception"), "capture": self.tr("Capture"),
                           "clerk": self.tr("Clerk"), "leader": self.tr("Leader"),
                           "admin": self.tr("Administrator")}
        for role in ROLES:
            self.new_role.addItem(self.role_names[role], role)
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setPlaceholderText(self.tr("temporary password"))
        box.outer.addLayout(hbox(self.new_user, self.new_name, self.new_role, self.new_password,
                                 button(self.tr("Add"), self.add_user, name="addUser")))
        lay = QVBoxLayout(users)
        lay.setContentsMargins(0, 8, 0, 0)
        lay.addWidget(box)
        return users

    def _devices_tab(self) -> QWidget:
        devices = QWidget()
        box = Section(self.tr("Devices"), devices)
        self.device_table = _table([self.tr("Device"), self.tr("State"), self.tr("Detail")],
                                   "deviceTable")
        self.device_table.setRowCount(len(DEVICES))
        self.device_table.setWordWrap(True)
        self.device_names = {"camera": self.tr("Camera"), "scanner": self.tr("Scanner"),
                             "card_reader": self.tr("Card reader"), "printer": self.tr("Printer")}
        for i, d in enumerate(DEVICES):
            self.device_table.setItem(i, 0, QTableWidgetItem(self.device_names[d]))
        self.device_table.resizeColumnsToContents()
        box.add(self.device_table, 1)
        hint = QLabel(self.tr("The self-test checks the camera, the fingerprint scanner and the "
                              "card reader, and prints one test page on the chosen printer."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        box.add(hint)
        self.test_progress = QProgressBar()
        self.test_progress.setObjectName("selfTestProgress")
        self.test_progress.setRange(0, len(DEVICES))
        self.test_progress.setTextVisible(False)
        self.test_progress.setFixedWidth(220)
        self.test_progress.hide()
        self.test_step = QLabel("")
        self.test_step.setObjectName("selfTestStep")
        self.test_button = button(self.tr("Start-of-day self-test"), self.self_test,
                                  primary=True, name="selfTest")
        box.outer.addLayout(hbox(self.test_button, self.test_progress, self.test_step,
                                 stretch_at=3))
        lay = QVBoxLayout(devices)
        lay.setContentsMargins(0, 8, 0, 0)
        lay.addWidget(box)
        return devices

    def _printer_tab(self) -> QWidget:
        s = self.ctx.settings
        page = QWidget()
        box = Section(self.tr("Printer for forms, slips and receipts"), page)
        form = QFormLayout()
        form.setSpacing(8)
        box.outer.addLayout(form)
        self.sink = QComboBox()
        self.sink.setObjectName("printSink")
        self.sink.addItem(self.tr("PDF files in a folder"), "folder")
        self.sink.addItem(self.tr("CUPS printer"), "cups")
        current = str(s["printing.sink"])
        if current not in ("folder", "cups"):
            self.sink.addItem(current, current)
        self.sink.setCurrentIndex(max(0, self.sink.findData(current)))
        self.sink.currentIndexChanged.connect(self._sink_changed)
        form.addRow(self.tr("Print to"), self.sink)

        self.cups_printer = QComboBox()
        self.cups_printer.setObjectName("cupsPrinter")
        self.cups_printer.setEditable(True)
        self.cups_printer.setMinimumWidth(320)
        self.cups_printer.setEditText(str(s["printing.cups_printer"]))
        self.cups_printer.lineEdit().setMaxLength(127)
        self.cups_printer.lineEdit().setPlaceholderText(self.tr("name of the CUPS queue"))
        self.refresh_queues_button = button(self.tr("Find printers"), self.refresh_queues,
                                            name="findPrinters")
        row = QHBoxLayout()
        row.addWidget(self.cups_printer, 1)
        row.addWidget(self.refresh_queues_button)
        form.addRow(self.tr("CUPS printer"), row)
        self.queues_note = QLabel("")
        self.queues_note.setObjectName("hint")
        self.queues_note.setWordWrap(True)
        form.addRow("", self.queues_note)

        self.folder = QLineEdit(str(s["printing.folder"]))
        self.folder.setObjectName("pdfFolder")
        self.folder.setMaxLength(400)
        self.folder.setPlaceholderText(self.tr("empty: the program's data folder / printed"))
        self.folder_button = button(self.tr("Choose…"), self.choose_folder, name="chooseFolder")
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.folder_button)
        form.addRow(self.tr("PDF folder"), row)

        self.paper = QComboBox()
        self.paper.setObjectName("paper")
        for p in ("A4", "A5"):
            self.paper.addItem(p, p)
        self.paper.setCurrentIndex(max(0, self.paper.findData(str(s["printing.paper"]))))
        form.addRow(self.tr("Paper for forms"), self.paper)
        self.slip_paper = QComboBox()
        self.slip_paper.setObjectName("slipPaper")
        for p, text in (("A4", "A4"), ("A5", "A5"), ("80mm", self.tr("80 mm receipt roll"))):
            self.slip_paper.addItem(text, p)
        self.slip_paper.setCurrentIndex(
            max(0, self.slip_paper.findData(str(s["printing.slip_paper"]))))
        form.addRow(self.tr("Paper for slips and receipts"), self.slip_paper)
        self.receipt_printer = QLineEdit(str(s["printing.receipt_printer"]))
        self.receipt_printer.setObjectName("receiptPrinter")
        self.receipt_printer.setMaxLength(200)
        self.receipt_printer.setPlaceholderText(
            self.tr("usb:VID:PID, tcp:HOST:PORT or serial:DEVICE; empty: none"))
        form.addRow(self.tr("Receipt printer (ESC/POS)"), self.receipt_printer)

        self.print_progress = QProgressBar()
        self.print_progress.setObjectName("testPageProgress")
        self.print_progress.setRange(0, 0)  # busy: the printer answers when it answers
        self.print_progress.setTextVisible(False)
        self.print_progress.setFixedWidth(160)
        self.print_progress.hide()
        self.print_result = QLabel("")
        self.print_result.setObjectName("testPageResult")
        self.print_result.setWordWrap(True)
        self.print_button = button(self.tr("Print test page"), self.print_test_page,
                                   name="printTestPage")
        box.outer.addLayout(hbox(button(self.tr("Save printer settings"), self.save_printer,
                                        primary=True, name="savePrinter"),
                                 self.print_button, self.print_progress, stretch_at=3))
        box.add(self.print_result)
        box.outer.addStretch(1)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 8, 0, 0)
        lay.addWidget(box)
        self._sink_changed()
        return page

    def _thresholds_tab(self) -> QWidget:
        labels = {
            "camera.auto_capture_frames": self.tr("Good frames in a row before the photo"),
            "camera.min_sharpness": self.tr("Least sharpness of the face"),
            "camera.max_roll_deg": self.tr("Largest head tilt"),
            "camera.max_yaw_deg": self.tr("Largest head turn"),
            "camera.max_centre_offset": self.tr("Largest offset from the guide centre"),
            "camera.min_head_fraction": self.tr("Smallest head height (share of the frame)"),
            "camera.max_head_fraction": self.tr("Largest head height (share of the frame)"),
            "camera.min_brightness": self.tr("Darkest face (grey level)"),
            "camera.max_brightness": self.tr("Brightest face (grey level)"),
            "camera.max_clipped_fraction": self.tr("Largest share of clipped pixels"),
            "camera.min_contrast": self.tr("Least contrast of the face"),
            "camera.max_background_std": self.tr("Most uneven background"),
            "fingerprint.quality_threshold": self.tr("Least quality per finger (0–100)"),
            "fingerprint.retries": self.tr("Attempts per finger before an exception"),
            "fingerprint.capture_timeout_s": self.tr("Time allowed for one capture"),
        }
        suffix = {"camera.max_roll_deg": " °", "camera.max_yaw_deg": " °",
                  "fingerprint.capture_timeout_s": self.tr(" s")}
        self.threshold_labels = labels
        self.thresholds: dict[str, QDoubleSpinBox] = {}
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 8, 0, 0)
        cols = QHBoxLayout()
        cols.setSpacing(12)
        for title, specs in ((self.tr("Face photo (camera)"), CAMERA_THRESHOLDS),
                             (self.tr("Fingerprints (scanner)"), FINGER_THRESHOLDS)):
            box = Section(title)
            form = QFormLayout()
            form.setSpacing(6)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
            box.outer.addLayout(form)
            for key, lo, hi, decimals, step in specs:
                # One kind of box for whole and decimal values (they look the same).
                spin = QDoubleSpinBox()
                spin.setDecimals(decimals)
                spin.setRange(lo, hi)
                spin.setSingleStep(step)
                spin.setObjectName("t_" + key.replace(".", "_"))
                spin.setSuffix(suffix.get(key, ""))
                spin.setAlignment(Qt.AlignmentFlag.AlignRight)
                spin.setMinimumWidth(110)
                spin.setToolTip(key)
                self.thresholds[key] = spin
                form.addRow(labels[key], spin)
            box.outer.addStretch(1)
            cols.addWidget(box, 3 if specs is CAMERA_THRESHOLDS else 2)
        lay.addLayout(cols, 1)
        note = QLabel(self.tr("The capture uses the saved values from the next applicant "
                              "on. The idle lock is set in the Station tab."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        lay.addWidget(note)
        lay.addLayout(hbox(button(self.tr("Save thresholds"), self.save_thresholds,
                                  primary=True, name="saveThresholds"),
                           button(self.tr("Restore the defaults"), self.default_thresholds,
                                  name="defaultThresholds"), stretch_at=2))
        self._show_thresholds(self.ctx.settings)
        return page

    def _holidays_tab(self) -> QWidget:
        page = QWidget()
        lay = QHBoxLayout(page)
        lay.setContentsMargins(0, 8, 0, 0)
        lay.setSpacing(12)
        days = Section(self.tr("The station's own days (local holidays, make-up working days)"))
        self.days = _table([self.tr("Day"), self.tr("Day type"), self.tr("Reason")],
                           "daysTable")
        days.add(self.days, 1)
        self.day = QLineEdit()
        self.day.setObjectName("dayEdit")
        self.day.setPlaceholderText("dd/mm/yyyy")
        self.day.setMaxLength(10)
        self.day.setFixedWidth(110)
        self.day_kind = QComboBox()
        self.day_kind.addItem(self.tr("Closed"), False)
        self.day_kind.addItem(self.tr("Open (make-up day)"), True)
        self.day_note = QLineEdit()
        self.day_note.setObjectName("dayNote")
        self.day_note.setPlaceholderText(self.tr("reason"))
        self.day_note.setMaxLength(300)
        days.outer.addLayout(hbox(self.day, self.day_kind, self.day_note))
        days.outer.addLayout(hbox(button(self.tr("Save the day"), self.save_day, primary=True,
                                         name="saveDay"),
                                  button(self.tr("Remove"), self.remove_day, name="removeDay"),
                                  stretch_at=2))
        lay.addWidget(days, 1)
        shipped = Section(self.tr("Public holidays shipped with the program"))
        self.holidays = _table([self.tr("Day"), self.tr("Day type"), self.tr("Holiday")],
                               "holidaysTable")
        shipped.add(self.holidays, 1)
        lay.addWidget(shipped, 1)
        return page

    def _fees_tab(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 8, 0, 0)
        lay.setSpacing(10)
        shipped = Section(self.tr("Fee rates shipped with the program (base rate per card and "
                                  "temporary reductions)"))
        self.shipped_fees = _table([self.tr("Fee case"), self.tr("Rate or reduction"),
                                    self.tr("First day"), self.tr("Last day"),
                                    self.tr("Legal source")], "shippedFees")
        shipped.add(self.shipped_fees, 1)
        shipped.title.setWordWrap(False)  # one line: the section is exactly as tall as its rows
        lay.addWidget(shipped, 0)  # the station's rates take the rest

        station = Section(self.tr("Rates entered by the station"))
        station.setToolTip(self.tr("A new circular's rate, entered before the program is "
                                   "updated; it wins over the shipped rate on its days."))
        self.station_fees = _table([self.tr("Rate no."), self.tr("Fee case"),
                                    self.tr("Base rate"), self.tr("First day"),
                                    self.tr("Last day"), self.tr("Entered by"),
                                    self.tr("Legal source")], "stationFees")
        self.station_fees.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        station.add(self.station_fees, 1)
        self.fee_case = QComboBox()
        self.fee_case.setObjectName("feeCase")
        from workstation.rules.fees import CASES

        for case in CASES:
            self.fee_case.addItem(case_text(case), case)
        self.fee_amount = QLineEdit()
        self.fee_amount.setObjectName("feeAmount")
        self.fee_amount.setPlaceholderText(self.tr("base rate, đồng"))
        self.fee_amount.setMaxLength(12)
        self.fee_amount.setFixedWidth(130)
        self.fee_from = QLineEdit()
        self.fee_from.setObjectName("feeFrom")
        self.fee_from.setPlaceholderText(self.tr("from dd/mm/yyyy"))
        self.fee_from.setMaxLength(10)
        self.fee_from.setFixedWidth(130)
        self.fee_to = QLineEdit()
        self.fee_to.setObjectName("feeTo")
        self.fee_to.setPlaceholderText(self.tr("to (optional)"))
        self.fee_to.setMaxLength(10)
        self.fee_to.setFixedWidth(130)
        self.fee_source = QLineEdit()
        self.fee_source.setObjectName("feeSource")
        self.fee_source.setPlaceholderText(self.tr("legal source, e.g. Circular 12/2027/TT-BTC"))
        self.fee_source.setMaxLength(300)
        station.outer.addLayout(hbox(self.fee_case, self.fee_amount, self.fee_from, self.fee_to,
                                     self.fee_source,
                                     button(self.tr("Add rate"), self.add_fee, primary=True,
                                            name="addFee")))
        self.fee_end = QLineEdit()
        self.fee_end.setObjectName("feeEnd")
        self.fee_end.setPlaceholderText(self.tr("last day of the selected rate"))
        self.fee_end.setMaxLength(10)
        self.fee_end.setFixedWidth(200)
        # Ending and removing act on the selected row: on the title line, above the table.
        station.outer.removeWidget(station.title)
        station.title.setWordWrap(False)
        station.outer.insertLayout(0, hbox(station.title, self.fee_end,
                                           button(self.tr("End on this day"), self.end_fee,
                                                  name="endFee"),
                                           button(self.tr("Remove (entered by mistake)"),
                                                  self.remove_fee, name="removeFee"),
                                           stretch_at=1))
        lay.addWidget(station, 1)
        return page

    # ------------------------------------------------------------------ activation
    def title(self) -> str:
        return self.tr("Administration")

    def activate(self) -> None:
        self.refresh_users()
        self._load_tables()
        self.refresh_days()
        self.refresh_fees()
        self.refresh_queues(quiet=True)

    # ------------------------------------------------------------------ settings (shared)
    def _save(self, changes: dict[str, Any], part: str,
              done: Callable[[Any], None]) -> None:
        """Save ``changes`` (setting name -> value) to the settings file, audited, off the GUI
        thread; ``done(new_settings)`` runs on the GUI thread."""
        from workstation.settings import save_settings

        actor = self.ctx.actor
        old = self.ctx.settings

        def work() -> Any:
            from workstation.enrollment import seams
            from workstation.security import require

            require(actor, "settings.edit")
            new = old.with_values(**{k.replace(".", "__"): v for k, v in changes.items()})
            diff = sorted(k for k in changes if new[k] != old[k])
            details: dict[str, Any] = {"changed": diff}
            if part != "station":
                details["values"] = {k: [old[k], new[k]] for k in diff}
            with self.ctx.enroll.transaction() as s:
                seams.audit(s, actor, "settings.edit", "settings", part,  # type: ignore[arg-type]
                            details)
                save_settings(new)
            return new

        def saved(new: Any) -> None:
            if self.ctx.devices is not None:
                self.ctx.devices.settings = new
            done(new)
            # Last: the window may rebuild its pages for a new language or font size.
            self.ctx.settings = new

        self.run(work, done=saved)

    def save_settings(self) -> None:
        changes: dict[str, Any] = {k: e.text().strip() for k, e in self.fields.items()}
        changes |= {"ui.language": self.language.currentData(),
                    "ui.large_font": self.large_font.isChecked(),
                    "ui.idle_lock_minutes": self.idle.value()}
        self._save(changes, "station", lambda _new: self.say(self.tr("Settings saved."),
                                                              "success"))

    # ------------------------------------------------------------------ printer
    def _sink_changed(self) -> None:
        cups = self.sink.currentData() == "cups"
        for w in (self.cups_printer, self.refresh_queues_button):
            w.setEnabled(cups)
        self.queues_note.setVisible(cups)
        for w in (self.folder, self.folder_button):
            w.setEnabled(self.sink.currentData() == "folder")

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("PDF folder"),
                                                  self.folder.text() or str(Path.home()))
        if folder:
            self.folder.setText(folder)

    def refresh_queues(self, quiet: bool = False) -> None:
        def show(queues: list[str]) -> None:
            self.queues = queues
            typed = self.cups_printer.currentText()
            self.cups_printer.clear()
            self.cups_printer.addItems(queues)
            self.cups_printer.setEditText(typed or (queues[0] if queues else ""))
            self.queues_note.setText(
                self.tr("Printers found: %1").replace("%1", ", ".join(queues)) if queues else
                self.tr("No CUPS printer found: CUPS is not installed or not running here. "
                        "You can still type the queue name, or print to the PDF folder."))

        self.run(DeviceHub.printer_queues, done=show,
                 failed=(lambda _exc: show([])) if quiet else None)

    def _printer_values(self) -> dict[str, Any] | None:
        """The printer settings typed in the tab, or None after saying what is wrong."""
        sink = str(self.sink.currentData())
        printer = self.cups_printer.currentText().strip()
        folder = self.folder.text().strip()
        receipt = self.receipt_printer.text().strip()
        if sink == "cups":
            if not printer:
                self.say(self.tr("Choose a CUPS printer, or print to a PDF folder."), "error")
                return None
            if not _CUPS_NAME.fullmatch(printer):
                self.say(self.tr("A CUPS printer name has no spaces, slashes or # signs: %1")
                         .replace("%1", printer), "error")
                return None
            if self.queues and printer not in self.queues:
                self.say(self.tr("CUPS has no printer named “%1”: choose one of the listed "
                                 "printers.").replace("%1", printer), "error")
                return None
        if sink == "folder" and folder and not Path(folder).expanduser().is_absolute():
            self.say(self.tr("Give the PDF folder as a full path, e.g. /home/station/printed."),
                     "error")
            return None
        if receipt and not _RECEIPT_ADDRESS.fullmatch(receipt):
            self.say(self.tr("The receipt printer address is usb:VID:PID, tcp:HOST:PORT or "
                             "serial:DEVICE: %1").replace("%1", receipt), "error")
            return None
        if self.slip_paper.currentData() == "80mm" and not receipt:
            self.say(self.tr("Slips on the 80 mm roll need a receipt printer address."),
                     "error")
            return None
        return {"printing.sink": sink, "printing.cups_printer": printer,
                "printing.folder": str(Path(folder).expanduser()) if folder else "",
                "printing.paper": self.paper.currentData(),
                "printing.slip_paper": self.slip_paper.currentData(),
                "printing.receipt_printer": receipt}

    @staticmethod
    def _check_folder(values: dict[str, Any]) -> None:
        """A PDF folder that cannot be written is refused before it is saved."""
        import os

        from workstation.errors import UserFacingError

        if values["printing.sink"] != "folder" or not values["printing.folder"]:
            return
        folder = Path(values["printing.folder"])
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserFacingError("printing.folder_unwritable", path=str(folder),
                                  detail=exc.strerror or str(exc)) from exc
        if not os.access(folder, os.W_OK):
            raise UserFacingError("printing.folder_unwritable", path=str(folder),
                                  detail="permission denied")

    def save_printer(self) -> None:
        values = self._printer_values()
        if values is None:
            return
        self.banner.clear_message()

        def saved(_new: Any) -> None:
            self.say(self.tr("Printer settings saved."), "success")
            window = self.window()
            if hasattr(window, "refresh_devices"):
                window.refresh_devices()

        def checked(_none: Any) -> None:
            self._save(values, "printing", saved)

        self.run(self._check_folder, values, done=checked)

    def print_test_page(self) -> None:
        """Print the test page with the printer typed in the tab (saved or not yet)."""
        values = self._printer_values()
        if values is None:
            return
        self.banner.clear_message()
        settings = self.ctx.settings.with_values(
            **{k.replace(".", "__"): v for k, v in values.items()})
        hub = self.ctx.devices or DeviceHub(settings, self.ctx.simulate)
        operator = self.ctx.actor.username if self.ctx.actor else ""
        self.print_button.setEnabled(False)
        self.print_progress.show()
        self.print_result.setText(self.tr("Printing the test page…"))

        def done(status: DeviceStatus) -> None:
            self.print_button.setEnabled(True)
            self.print_progress.hide()
            self._show_printer_result(status)
            if status.state != "ok":
                self.say(status.detail, "error" if status.state == "off" else "warning")
            else:
                self.say(self.tr("Test page printed."), "success")

        def failed(exc: BaseException) -> None:
            self.print_button.setEnabled(True)
            self.print_progress.hide()
            self.print_result.setText("")
            self.fail(exc)

        self.run(lambda: hub.print_test_page(operator, settings=settings), done=done,
                 failed=failed)

    def _show_printer_result(self, status: DeviceStatus) -> None:
        self.print_result.setText(f"{self._state_text(status.state)} — {status.detail}")
        self.print_result.setProperty("state", status.state)

    # ------------------------------------------------------------------ thresholds
    def _show_thresholds(self, settings: Any) -> None:
        for key, spin in self.thresholds.items():
            spin.setValue(settings[key])

    def default_thresholds(self) -> None:
        from workstation.settings import BY_NAME

        for key, spin in self.thresholds.items():
            spin.setValue(BY_NAME[key].default)
        self.say(self.tr("Default values shown; save them to use them."), "info")

    def save_thresholds(self) -> None:
        from workstation.settings import BY_NAME

        values = {k: BY_NAME[k].type(round(s.value(), s.decimals()))
                  for k, s in self.thresholds.items()}
        pairs = (("camera.min_head_fraction", "camera.max_head_fraction"),
                 ("camera.min_brightness", "camera.max_brightness"))
        for lo, hi in pairs:
            if values[lo] >= values[hi]:
                self.say(self.tr("“%1” must be smaller than “%2”.")
                         .replace("%1", self.threshold_labels[lo])
                         .replace("%2", self.threshold_labels[hi]), "error")
                self.thresholds[lo].setFocus()
                return
        self.banner.clear_message()
        self._save(values, "thresholds", lambda _new: self.say(
            self.tr("Thresholds saved. The capture uses them from the next "
                    "applicant on."), "success"))

    # ------------------------------------------------------------------ calendar days
    def refresh_days(self) -> None:
        from workstation.enrollment.station import list_overrides

        def show(rows: list[dict[str, Any]]) -> None:
            _fill(self.days, [(r["day"].strftime("%d/%m/%Y"),
                               self.tr("Open (make-up day)") if r["working"]
                               else self.tr("Closed"), r["note"]) for r in rows])

        self.run(list_overrides, self.ctx.db, done=show)

    def _day(self) -> Any:
        from workstation.enrollment.forms import parse_date

        day = parse_date(self.day.text())
        if day is None:
            self.say(self.tr("Type the dates as dd/mm/yyyy."), "error")
        return day

    def save_day(self) -> None:
        from workstation.enrollment.station import set_override

        day = self._day()
        if day is None:
            return
        working, note, actor = self.day_kind.currentData(), self.day_note.text(), self.ctx.actor
        self.run(lambda: set_override(self.ctx.db, actor, day, bool(working), note),
                 done=lambda _: (self.refresh_days(), self.say(
                     self.tr("Saved. New return dates follow it."), "success")))

    def remove_day(self) -> None:
        from workstation.enrollment.station import remove_override

        day = self._day()
        if day is not None:
            actor = self.ctx.actor
            self.run(lambda: remove_override(self.ctx.db, actor, day),
                     done=lambda _: self.refresh_days())

    def _load_tables(self) -> None:
        """The shipped public holidays (this year and the next) and the shipped fee table."""
        from ui.i18n import current_language
        from workstation.fee_tables import shipped_rates
        from workstation.rules.calendar import load_calendar
        from workstation.rules.fees import FeePolicy, cite

        year = self.ctx.today().year
        settings = self.ctx.settings

        def work() -> tuple[list[tuple[str, ...]], dict[str, list[dict[str, Any]]]]:
            cal = load_calendar()
            days = sorted([(d, False, n) for d, n in cal.holidays.items()]
                          + [(d, True, n) for d, n in cal.workdays.items()])
            rows = [(d.strftime("%d/%m/%Y"), "1" if working else "0", name)
                    for d, working, name in days if d.year in (year, year + 1)]
            return rows, shipped_rates(FeePolicy.from_settings(settings))

        def show(result: tuple[list[tuple[str, ...]], dict[str, list[dict[str, Any]]]]) -> None:
            rows, fees = result
            _fill(self.holidays, [(d, self.tr("Open (make-up day)") if w == "1"
                                   else self.tr("Closed"), n) for d, w, n in rows])
            out: list[tuple[str, ...]] = []
            for b in fees["base"]:
                out.append((case_text(b["case"]), money(b["amount_vnd"]), dmy(b["from"]),
                            dmy(b["to"]) or "…", cite(b["source"], current_language())))
            channels = {"counter": self.tr("at the counter"), "online": self.tr("online")}
            for r in fees["reductions"]:
                what = self.tr("Reduction %1 % (%2)").replace("%1", str(r["percent"])).replace(
                    "%2", ", ".join(channels.get(c, c) for c in r["channels"]))
                out.append((what, f"−{r['percent']} %", dmy(r["from"]), dmy(r["to"]) or "…",
                            cite(r["source"], current_language())))
            _fill(self.shipped_fees, out, right=(1,))
            _fit_rows(self.shipped_fees)
            section = self.shipped_fees.parentWidget()
            section.setFixedHeight(section.sizeHint().height())

        self.run(work, done=show)

    # ------------------------------------------------------------------ fees
    def refresh_fees(self) -> None:
        from workstation.fee_tables import list_rates

        def show(rows: list[Any]) -> None:
            self.fee_rows = rows
            _fill(self.station_fees, [(str(r.id), case_text(r.case), money(r.amount),
                                       dmy(r.start), dmy(r.end) or "…", r.created_by, r.source)
                                      for r in rows], right=(0, 2))

        self.run(list_rates, self.ctx.db, done=show)

    def _after_fee_change(self, text: str) -> None:
        self.refresh_fees()
        self.say(text, "success")

    def add_fee(self) -> None:
        from workstation.fee_tables import add_rate

        actor = self.ctx.actor
        case = str(self.fee_case.currentData())
        amount, start = self.fee_amount.text(), self.fee_from.text()
        end, source = self.fee_to.text(), self.fee_source.text()

        def done(row: Any) -> None:
            for w in (self.fee_amount, self.fee_from, self.fee_to, self.fee_source):
                w.clear()
            self._after_fee_change(t("fee.table.added", id=row.id, case=t(f"fee.case.{case}"),
                                     amount=f"{row.amount:,}".replace(",", "."),
                                     start=dmy(row.start)))

        lang = self.ctx.lang
        self.run(lambda: add_rate(self.ctx.db, actor, case, amount, start, end or None,
                                  source, lang=lang), done=done)

    def _selected_fee(self) -> Any:
        row = self.station_fees.currentRow()
        rows = getattr(self, "fee_rows", [])
        if row < 0 or row >= len(rows):
            self.say(self.tr("Select a rate entered by the station first."), "error")
            return None
        return rows[row]

    def end_fee(self) -> None:
        from workstation.fee_tables import end_rate

        chosen = self._selected_fee()
        if chosen is None:
            return
        actor, last, lang = self.ctx.actor, self.fee_end.text(), self.ctx.lang
        self.run(lambda: end_rate(self.ctx.db, actor, chosen.id, last, lang=lang),
                 done=lambda row: (self.fee_end.clear(), self._after_fee_change(
                     t("fee.table.ended", id=row.id, end=dmy(row.end)))))

    def remove_fee(self) -> None:
        from workstation.fee_tables import remove_rate

        chosen = self._selected_fee()
        if chosen is None:
            return
        actor = self.ctx.actor
        self.run(lambda: remove_rate(self.ctx.db, actor, chosen.id),
                 done=lambda _none: self._after_fee_change(t("fee.table.removed",
                                                             id=chosen.id)))

    # ------------------------------------------------------------------ users
    def refresh_users(self) -> None:
        list_users = optional("workstation.security.users", "list_users")
        actor = self.ctx.actor
        if list_users is None or actor is None or not actor.has("users.manage"):
            return

        def work() -> tuple[list[Any], set[str]]:
            from workstation.security.card_approval import list_cards

            with self.ctx.db.session() as s:
                return list(list_users(s, actor)), {c.username for c in list_cards(s)}

        self.run(work, done=lambda found: self._show_users(*found))

    def _show_users(self, users: list[Any], carded: set[str] | None = None) -> None:
        states = {"active": self.tr("Active"), "disabled": self.tr("Disabled"),
                  "locked": self.tr("Locked (too many failed sign-ins)"),
                  "must_change": self.tr("Must change the password")}
        carded = carded or set()
        _fill(self.users, [(u.username, u.full_name,
                            ", ".join(self.role_names.get(r, r) for r in u.roles),
                            states.get(u.state(), u.state()),
                            self.tr("Registered") if u.username in carded else "")
                           for u in users])

    def _chosen_user(self) -> tuple[str, str] | None:
        row = self.users.currentRow()
        item = self.users.item(row, 0) if row >= 0 else None
        if item is None:
            self.say(self.tr("Choose an account in the table first."), "error")
            return None
        name = self.users.item(row, 1)
        return item.text(), name.text() if name is not None else ""

    def register_card(self) -> None:
        """Read the leader's own chip card on the reader and register it for approvals."""
        from ui.dialogs import RegisterCardDialog
        from workstation.security.card_approval import register_from_reader, settings_reader

        chosen = self._chosen_user()
        if chosen is None or self.ctx.actor is None:
            return
        username, full_name = chosen
        ctx, actor = self.ctx, self.ctx.actor

        def register(pid: str, dob: Any, expiry: Any) -> Any:
            return register_from_reader(ctx.db, actor, username,
                                        settings_reader(ctx.settings, simulate=ctx.simulate),
                                        pid=pid, date_of_birth=dob, expiry=expiry,
                                        today=ctx.today())

        who = f"{full_name} ({username})" if full_name else username
        dialog = RegisterCardDialog(who, ctx.runner, register, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.registered.connect(lambda _card: (self.refresh_users(), self.say(
            self.tr("The card is registered: %1 can approve exceptions with it.")
            .replace("%1", who), "success")))
        dialog.open()

    def remove_card(self) -> None:
        from workstation.security.card_approval import unregister_card

        chosen = self._chosen_user()
        if chosen is None or self.ctx.actor is None:
            return
        username, actor = chosen[0], self.ctx.actor

        def work() -> bool:
            with self.ctx.enroll.transaction() as s:
                return unregister_card(s, actor, username)

        def done(removed: bool) -> None:
            self.refresh_users()
            self.say(self.tr("The registered card was removed.") if removed else
                     self.tr("This account has no registered card."),
                     "success" if removed else "info")

        self.run(work, done=done)

    def add_user(self) -> None:
        add = optional("workstation.security.users", "add_user")
        if add is None:
            return
        actor, settings = self.ctx.actor, self.ctx.settings
        args = (self.new_user.text(), self.new_password.text(), [self.new_role.currentData()])
        full = self.new_name.text()
        self.new_password.clear()

        def work() -> None:
            with self.ctx.enroll.transaction() as s:
                add(s, actor, *args, settings=settings, full_name=full)

        self.run(work, done=lambda _: (self.refresh_users(), self.say(
            self.tr("Account created; the password must be changed at first sign-in."),
            "success")))

    # ------------------------------------------------------------------ self-test
    def _state_text(self, state: str) -> str:
        return {"ok": self.tr("Working"), "warn": self.tr("Simulator"),
                "off": self.tr("Not answering"), "absent": self.tr("Not installed"),
                "busy": self.tr("Testing…")}.get(state, "")

    def _show_device(self, i: int, status: DeviceStatus) -> None:
        state = status.state
        if DEVICES[i] == "printer" and state == "warn":
            text = self.tr("Queued")  # a CUPS job still queued, not a simulator
        else:
            text = self._state_text(state)
        item = QTableWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, state)
        self.device_table.setItem(i, 1, item)
        words = status.detail
        if state == "warn" and not words:
            words = self.tr("Working with the simulator (no real device).")
        detail = QTableWidgetItem(words)
        detail.setToolTip(words)
        self.device_table.setItem(i, 2, detail)

    def self_test(self) -> None:
        """Camera, scanner and card reader probed, then a test page printed, one after the
        other on a worker; the table and the progress bar follow."""
        hub = self.ctx.devices
        if hub is None:
            self.say(self.tr("The devices are not started in this window."), "warning")
            return
        if self._testing:
            return
        self._testing = True
        self.banner.clear_message()
        self.test_button.setEnabled(False)
        self.test_progress.setValue(0)
        self.test_progress.show()
        for i in range(len(DEVICES)):
            self.device_table.setItem(i, 1, QTableWidgetItem(""))
            self.device_table.setItem(i, 2, QTableWidgetItem(""))
        self._results: dict[str, DeviceStatus] = {}
        self._test_next(0)

    def _test_next(self, i: int) -> None:
        hub = self.ctx.devices
        if i >= len(DEVICES) or hub is None:
            self._test_finished()
            return
        device = DEVICES[i]
        self.device_table.setItem(i, 1, QTableWidgetItem(self._state_text("busy")))
        self.test_step.setText(self.tr("Testing: %1").replace("%1", self.device_names[device]))
        operator = self.ctx.actor.username if self.ctx.actor else ""
        settings = self.ctx.settings

        def work() -> DeviceStatus:
            if device == "printer":
                return hub.print_test_page(operator, settings=settings)
            return hub.probe(device)

        def done(status: DeviceStatus) -> None:
            self._results[device] = status
            self._show_device(i, status)
            if device == "printer":
                self._show_printer_result(status)
            self.test_progress.setValue(i + 1)
            self._test_next(i + 1)

        def failed(exc: BaseException) -> None:
            from ui.dialogs import error_text

            done(DeviceStatus("off", error_text(exc) or f"{type(exc).__name__}: {exc}"))

        self.run(work, done=done, failed=failed)

    def _test_finished(self) -> None:
        self._testing = False
        self.test_button.setEnabled(True)
        self.test_progress.hide()
        self.test_step.setText("")
        self.device_table.resizeColumnsToContents()
        self.device_table.horizontalHeader().setStretchLastSection(True)
        self.device_table.resizeRowsToContents()
        bad = [self.device_names[d] for d, st in self._results.items()
               if st.state in ("off", "absent")]
        if bad:
            self.say(self.tr("Self-test finished: check %1.").replace("%1", ", ".join(bad)),
                     "warning")
        else:
            self.say(self.tr("Self-test finished: every device answered."), "success")
        window = self.window()
        if hasattr(window, "refresh_devices"):
            window.refresh_devices()
