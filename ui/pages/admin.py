"""Administration: station information and interface settings (saved and audited), users,
devices with the start-of-day self-test, and the holiday and fee tables in force."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common import Page, Section, button, hbox
from ui.context import optional
from ui.devicehub import DEVICES
from workstation.security import ROLES

STATION_KEYS = ("station.code", "station.name", "station.counter", "station.address")


class AdminPage(Page):
    key = "admin"
    permission = "users.manage|settings.edit"

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        tabs = QTabWidget()
        tabs.setObjectName("adminTabs")
        self.root.addWidget(tabs, 1)

        station = QWidget()
        form = QFormLayout(station)
        form.setSpacing(8)
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
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if ctx.settings["ui.language"] == "vi" else 1)
        self.large_font = QCheckBox(self.tr("Large font for the counter screen"))
        self.large_font.setChecked(bool(ctx.settings["ui.large_font"]))
        self.idle = QSpinBox()
        self.idle.setRange(0, 120)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(int(ctx.settings["ui.idle_lock_minutes"]))
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.large_font)
        form.addRow(self.tr("Lock after idle"), self.idle)
        form.addRow("", button(self.tr("Save settings"), self.save_settings, primary=True,
                               name="saveSettings"))
        tabs.addTab(station, self.tr("Station"))

        users = QWidget()
        box = Section(self.tr("Staff accounts"), users)
        self.users = QTableWidget(0, 4)
        self.users.setObjectName("usersTable")
        self.users.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Full name"),
                                              self.tr("Roles"), self.tr("State")])
        self.users.horizontalHeader().setStretchLastSection(True)
        self.users.verticalHeader().hide()
        box.add(self.users, 1)
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
        lay.addWidget(box)
        tabs.addTab(users, self.tr("Users"))

        devices = QWidget()
        box = Section(self.tr("Devices"), devices)
        self.device_table = QTableWidget(len(DEVICES), 3)
        self.device_table.setObjectName("deviceTable")
        self.device_table.setHorizontalHeaderLabels([self.tr("Device"), self.tr("State"),
                                                     self.tr("Detail")])
        self.device_table.horizontalHeader().setStretchLastSection(True)
        self.device_table.verticalHeader().hide()
        self.device_names = {"camera": self.tr("Camera"), "scanner": self.tr("Scanner"),
                             "card_reader": self.tr("Card reader"), "printer": self.tr("Printer")}
        for i, d in enumerate(DEVICES):
            self.device_table.setItem(i, 0, QTableWidgetItem(self.device_names[d]))
        box.add(self.device_table, 1)
        box.outer.addLayout(hbox(button(self.tr("Start-of-day self-test"), self.self_test,
                                        primary=True, name="selfTest"), stretch_at=1))
        lay = QVBoxLayout(devices)
        lay.addWidget(box)
        tabs.addTab(devices, self.tr("Devices"))

        tables = QWidget()
        lay = QVBoxLayout(tables)
        days = Section(self.tr("The station's own days (local holidays, make-up working days)"))
        self.days = QTableWidget(0, 3)
        self.days.setObjectName("daysTable")
        self.days.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Counter"),
                                             self.tr("Reason")])
        self.days.horizontalHeader().setStretchLastSection(True)
        self.days.verticalHeader().hide()
        days.add(self.days, 1)
        self.day = QLineEdit()
        self.day.setObjectName("dayEdit")
        self.day.setPlaceholderText("dd/mm/yyyy")
        self.day.setMaxLength(10)
        self.day_kind = QComboBox()
        self.day_kind.addItem(self.tr("Closed"), False)
        self.day_kind.addItem(self.tr("Open (make-up day)"), True)
        self.day_note = QLineEdit()
        self.day_note.setObjectName("dayNote")
        self.day_note.setPlaceholderText(self.tr("reason"))
        self.day_note.setMaxLength(300)
        days.outer.addLayout(hbox(self.day, self.day_kind, self.day_note,
                                 button(self.tr("Save the day"), self.save_day,
                                        name="saveDay"),
                                 button(self.tr("Remove"), self.remove_day,
                                        name="removeDay")))
        lay.addWidget(days, 1)
        shipped = Section(self.tr("Public holidays and fees shipped with the program"))
        self.tables_text = QPlainTextEdit()
        self.tables_text.setReadOnly(True)
        self.tables_text.setObjectName("tablesText")
        shipped.add(self.tables_text, 1)
        lay.addWidget(shipped, 1)
        tabs.addTab(tables, self.tr("Holidays and fees"))

    def title(self) -> str:
        return self.tr("Administration")

    def activate(self) -> None:
        self.refresh_users()
        self._load_tables()
        self.refresh_days()

    def refresh_days(self) -> None:
        from workstation.enrollment.station import list_overrides

        def show(rows: list[dict[str, Any]]) -> None:
            self.days.setRowCount(len(rows))
            for i, r in enumerate(rows):
                kind = self.tr("Open (make-up day)") if r["working"] else self.tr("Closed")
                for j, text in enumerate((r["day"].strftime("%d/%m/%Y"), kind, r["note"])):
                    self.days.setItem(i, j, QTableWidgetItem(text))
            self.days.resizeColumnsToContents()

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
        from resources import resource_path

        parts = []
        for name in ("holidays.toml", "fees.toml"):
            path = resource_path(name)
            if path.exists():
                parts.append(f"# {name}\n" + path.read_text(encoding="utf-8"))
        self.tables_text.setPlainText("\n\n".join(parts))

    def refresh_users(self) -> None:
        list_users = optional("workstation.security.users", "list_users")
        actor = self.ctx.actor
        if list_users is None or actor is None or not actor.has("users.manage"):
            return

        def work() -> list[Any]:
            with self.ctx.db.session() as s:
                return list(list_users(s, actor))

        self.run(work, done=self._show_users)

    def _show_users(self, users: list[Any]) -> None:
        states = {"active": self.tr("Active"), "disabled": self.tr("Disabled"),
                  "locked": self.tr("Locked (too many failed sign-ins)"),
                  "must_change": self.tr("Must change the password")}
        self.users.setRowCount(len(users))
        for i, u in enumerate(users):
            roles = ", ".join(self.role_names.get(r, r) for r in u.roles)
            for j, text in enumerate((u.username, u.full_name, roles,
                                      states.get(u.state(), u.state()))):
                self.users.setItem(i, j, QTableWidgetItem(text))
        self.users.resizeColumnsToContents()

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

    def save_settings(self) -> None:
        from workstation.settings import save_settings

        actor = self.ctx.actor
        changes = {k.replace(".", "__"): e.text().strip() for k, e in self.fields.items()}
        changes |= {"ui__language": self.language.currentData(),
                    "ui__large_font": self.large_font.isChecked(),
                    "ui__idle_lock_minutes": self.idle.value()}

        def work() -> Any:
            from workstation.security import require

            require(actor, "settings.edit")
            new = self.ctx.settings.with_values(**changes)
            diff = {k: new[k] for k in new.values if new[k] != self.ctx.settings[k]}
            with self.ctx.enroll.transaction() as s:
                from workstation.enrollment import seams

                seams.audit(s, actor, "settings.edit", "settings", None,  # type: ignore[arg-type]
                            {"changed": sorted(diff)})
                save_settings(new)
            return new

        def done(new: Any) -> None:
            self.ctx.settings = new
            self.say(self.tr("Settings saved. Language changes apply at the next start."),
                     "success")

        self.run(work, done=done)

    def self_test(self) -> None:
        hub = self.ctx.devices
        if hub is None:
            return
        states = {"ok": self.tr("Working"), "warn": self.tr("Simulator"),
                  "off": self.tr("Not answering"), "absent": self.tr("Not installed")}

        def done(result: dict[str, Any]) -> None:
            for i, d in enumerate(DEVICES):
                st = result[d]
                self.device_table.setItem(i, 1, QTableWidgetItem(states.get(st.state, "")))
                self.device_table.setItem(i, 2, QTableWidgetItem(st.detail))
            self.device_table.resizeColumnsToContents()
            self.window().refresh_devices() if hasattr(self.window(), "refresh_devices") else None

        self.run(hub.probe_all, done=done)
