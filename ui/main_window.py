"""The shell: sign-in and idle lock, navigation by role, the status bar with device lights,
keyboard shortcuts and the large-font option."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.common import Page, button
from ui.context import AppContext
from ui.devicehub import DEVICES, DeviceStatus
from ui.dialogs import error_text
from ui.i18n import current_language


class LoginPanel(QWidget):
    """Sign in (or unlock): user name, password, language."""

    signed_in = Signal(object)
    language_changed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("loginPanel")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = QFrame()
        card.setObjectName("loginCard")
        card.setFixedWidth(440)
        box = QVBoxLayout(card)
        box.setContentsMargins(32, 28, 32, 28)
        box.setSpacing(12)
        title = QLabel(self.tr("Căn cước Workstation"))
        title.setObjectName("loginTitle")
        box.addWidget(title)
        self.station = QLabel(f"{ctx.settings['station.name']} · {ctx.settings['station.counter']}")
        self.station.setObjectName("muted")
        self.station.setWordWrap(True)
        box.addWidget(self.station)
        self.locked_note = QLabel(self.tr("The session was locked. Sign in again to continue; "
                                          "nothing you typed is lost."))
        self.locked_note.setWordWrap(True)
        self.locked_note.setObjectName("muted")
        self.locked_note.hide()
        box.addWidget(self.locked_note)
        form = QFormLayout()
        form.setSpacing(10)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setMaxLength(64)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if current_language() == "vi" else 1)
        self.language.currentIndexChanged.connect(
            lambda _: self.language_changed.emit(self.language.currentData()))
        self.new_password = QLineEdit()
        self.new_password.setObjectName("newPassword")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_password = QLineEdit()
        self.repeat_password.setObjectName("repeatPassword")
        self.repeat_password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("New password"), self.new_password)
        form.addRow(self.tr("Repeat it"), self.repeat_password)
        form.addRow(self.tr("Language"), self.language)
        self.form = form
        self._old: str | None = None
        box.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        box.addWidget(self.message)
        self.submit = button(self.tr("Sign in"), self.try_sign_in, primary=True, name="signIn")
        self.submit.setDefault(True)
        box.addWidget(self.submit)
        self.password.returnPressed.connect(self.try_sign_in)
        self.username.returnPressed.connect(self.password.setFocus)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def _changing(self, on: bool) -> None:
        for w in (self.new_password, self.repeat_password):
            self.form.setRowVisible(w, on)
            w.clear()
        self.username.setEnabled(not on)
        self.password.setEnabled(not on)
        self.submit.setText(self.tr("Change password and sign in") if on else self.tr("Sign in"))

    def prepare(self, locked_user: str | None = None) -> None:
        self._old = None
        self._changing(False)
        self.locked_note.setVisible(locked_user is not None)
        self.username.setText(locked_user or "")
        self.password.clear()
        self.message.clear()
        (self.password if locked_user else self.username).setFocus()

    def try_sign_in(self) -> None:
        if self._old is not None:
            self._change_password()
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.message.setText(self.tr("Type your user name and password."))
            return
        self.submit.setEnabled(False)

        def done(actor: object) -> None:
            self.submit.setEnabled(True)
            if self.ctx.must_change:
                self._old = password
                self._changing(True)
                self.message.setText(self.tr("This is your first sign-in: choose a new "
                                             "password."))
                self.new_password.setFocus()
                return
            self.password.clear()
            self.signed_in.emit(actor)

        def failed(exc: BaseException) -> None:
            self.submit.setEnabled(True)
            self.password.clear()
            self.message.setText(error_text(exc) or self.tr("Sign-in failed."))

        self.ctx.runner.run(self.ctx.authenticate, username, password, done=done,
                            failed=failed)


    def _change_password(self) -> None:
        new, repeat = self.new_password.text(), self.repeat_password.text()
        if new != repeat:
            self.message.setText(self.tr("The two new passwords differ."))
            return
        old, username = self._old or "", self.username.text().strip()

        def done(actor: object) -> None:
            self._old = None
            self._changing(False)
            self.password.clear()
            self.signed_in.emit(actor)

        def failed(exc: BaseException) -> None:
            self.message.setText(error_text(exc) or self.tr("Sign-in failed."))

        self.ctx.runner.run(self.ctx.change_password, username, old, new, done=done,
                            failed=failed)


class DeviceLight(QToolButton):
    """A coloured dot and the device's name; clicking opens its detail."""

    def __init__(self, device: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.device = device
        self.label = label
        self.setObjectName(f"light_{device}")
        self.setAutoRaise(True)
        self.set_status(DeviceStatus("absent", ""))

    def set_status(self, status: DeviceStatus) -> None:
        self.status = status
        self.setText(f"● {self.label}")
        self.setProperty("state", status.state)
        self.style().unpolish(self)
        self.style().polish(self)


class DeviceDialog(QDialog):
    def __init__(self, light: DeviceLight, describe: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(light.label)
        layout = QVBoxLayout(self)
        text = QLabel(describe)
        text.setWordWrap(True)
        text.setMinimumWidth(380)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class IdleFilter(QObject):
    """Any key or mouse input restarts the idle timer. Owned by the window: when the window
    (and its timer) is destroyed, the filter goes too and Qt drops it from the application."""

    def __init__(self, timer: QTimer, parent: QObject) -> None:
        super().__init__(parent)
        self.timer = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                            QEvent.Type.Wheel) and self.timer.isActive():
            self.timer.start()
        return False


class MainWindow(QMainWindow):
    """The counter's window."""

    language_requested = Signal(str)

    def __init__(self, ctx: AppContext, pages: list[Page]) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Căn cước Workstation") + " — "
                            + str(ctx.settings["station.counter"]))
        self.resize(1366, 768)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.login = LoginPanel(ctx)
        self.login.signed_in.connect(self.on_signed_in)
        self.login.language_changed.connect(self.language_requested.emit)
        self.stack.addWidget(self.login)

        self.workspace = QWidget()
        self.workspace.setObjectName("workspace")
        row = QHBoxLayout(self.workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        side = QFrame()
        side.setObjectName("sidebar")
        side.setFixedWidth(212)
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 12, 0, 12)
        brand = QLabel(self.tr("CĂN CƯỚC"))
        brand.setObjectName("brand")
        side_box.addWidget(brand)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        side_box.addWidget(self.nav, 1)
        self.user_label = QLabel()
        self.user_label.setObjectName("sideUser")
        self.user_label.setWordWrap(True)
        side_box.addWidget(self.user_label)
        self.lock_button = QPushButton(self.tr("Lock (Ctrl+L)"))
        self.lock_button.setObjectName("lockButton")
        self.lock_button.clicked.connect(self.lock)
        side_box.addWidget(self.lock_button)
        row.addWidget(side)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        self.header = QLabel()
        self.header.setObjectName("pageHeader")
        right.addWidget(self.header)
        self.pages = QStackedWidget()
        right.addWidget(self.pages, 1)
        row.addLayout(right, 1)
        self.stack.addWidget(self.workspace)

        self.all_pages = {p.key: p for p in pages}
        for p in pages:
            self.pages.addWidget(p)
            p.open_requested.connect(self.open_application)
        self.nav.currentItemChanged.connect(self._nav_changed)

        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.counter_label = QLabel(f"{ctx.settings['station.counter']} · "
                                    f"{ctx.settings['station.code']}")
        bar.addWidget(self.counter_label)
        names = {"camera": self.tr("Camera"), "scanner": self.tr("Scanner"),
                 "card_reader": self.tr("Card reader"), "printer": self.tr("Printer")}
        self.lights: dict[str, DeviceLight] = {}
        for device in DEVICES:
            light = DeviceLight(device, names[device])
            light.clicked.connect(lambda _=False, d=device: self.show_device(d))
            bar.addPermanentWidget(light)
            self.lights[device] = light

        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        self.idle_filter = IdleFilter(self.idle, self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle_filter)
        self._shortcuts()
        self.stack.setCurrentWidget(self.login)
        self.login.prepare()

    # ------------------------------------------------------------------ sign-in, lock
    def on_signed_in(self, actor: object) -> None:
        previous = self.ctx.actor
        self.ctx.actor = actor  # type: ignore[assignment]
        name = getattr(actor, "full_name", "") or getattr(actor, "username", "")
        self.user_label.setText(name)
        first = previous is None
        if first or previous.username != getattr(actor, "username", None):
            self._build_nav()
        self.stack.setCurrentWidget(self.workspace)
        minutes = int(self.ctx.settings["ui.idle_lock_minutes"])
        if minutes > 0:
            self.idle.start(minutes * 60_000)
        if first:
            from ui.context import warm_up

            self.ctx.runner.run(warm_up, failed=lambda _exc: None)
            self.refresh_devices()

    def lock(self) -> None:
        if self.ctx.actor is None:
            return
        self.idle.stop()
        self.login.prepare(self.ctx.actor.username)
        self.stack.setCurrentWidget(self.login)

    def is_locked(self) -> bool:
        return self.stack.currentWidget() is self.login

    def _build_nav(self) -> None:
        self.nav.blockSignals(True)
        self.nav.clear()
        actor = self.ctx.actor
        for key, page in self.all_pages.items():
            perms = page.permission.split("|")
            if actor is not None and any(actor.has(p) for p in perms):
                item = QListWidgetItem(page.title())
                item.setData(Qt.ItemDataRole.UserRole, key)
                self.nav.addItem(item)
        self.nav.blockSignals(False)
        if self.nav.count():
            self.stack.setCurrentWidget(self.workspace)
            self.show_page(str(self.nav.item(0).data(Qt.ItemDataRole.UserRole)))

    def _nav_changed(self, item: QListWidgetItem | None, _prev: object = None) -> None:
        if item is not None:
            self.show_page(str(item.data(Qt.ItemDataRole.UserRole)))

    def allowed(self, key: str) -> bool:
        for i in range(self.nav.count()):
            if self.nav.item(i).data(Qt.ItemDataRole.UserRole) == key:
                return True
        return False

    def show_page(self, key: str) -> Page | None:
        if self.is_locked() or not self.allowed(key):
            return None
        page = self.all_pages[key]
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == key and self.nav.currentRow() != i:
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(i)
                self.nav.blockSignals(False)
        self.pages.setCurrentWidget(page)
        self.header.setText(page.title())
        page.activate()
        return page

    def open_application(self, key: str, application_id: int) -> None:
        page = self.show_page(key)
        load = getattr(page, "load_application", None)
        if page is not None and load is not None:
            load(application_id)

    def current_page(self) -> Page:
        return self.pages.currentWidget()  # type: ignore[return-value]

    # ------------------------------------------------------------------ devices
    def refresh_devices(self) -> None:
        hub = self.ctx.devices
        if hub is None:
            return
        for device in DEVICES:
            self.ctx.runner.run(hub.probe, device,
                                done=lambda st, d=device: self.lights[d].set_status(st),
                                failed=lambda _exc: None)

    def show_device(self, device: str) -> None:
        light = self.lights[device]
        words = {"ok": self.tr("Connected and working."),
                 "warn": self.tr("Working with the simulator (no real device)."),
                 "off": self.tr("Not answering: check the cable and the power, then press "
                                "Refresh in Administration → Devices."),
                 "absent": self.tr("This device's software is not installed on this station.")}
        text = words.get(light.status.state, "")
        if light.status.detail:
            text += "\n" + light.status.detail
        DeviceDialog(light, text, self).exec()

    # ------------------------------------------------------------------ keyboard, fonts
    def _shortcuts(self) -> None:
        keys = {"F2": "reception", "F3": "capture", "F4": "review", "F5": "worklist",
                "F6": "return", "F7": "admin"}
        for key, page in keys.items():
            QShortcut(QKeySequence(key), self, activated=lambda p=page: self.show_page(p))
        QShortcut(QKeySequence("Ctrl+L"), self, activated=self.lock)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self._new_application)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self._focus_search)
        QShortcut(QKeySequence("Ctrl+="), self, activated=lambda: self.set_large_font(True))
        QShortcut(QKeySequence("Ctrl+-"), self, activated=lambda: self.set_large_font(False))

    def _new_application(self) -> None:
        page = self.show_page("reception")
        if page is not None:
            getattr(page, "new_application", lambda: None)()

    def _focus_search(self) -> None:
        page = self.current_page()
        getattr(page, "focus_search", lambda: None)()

    def set_large_font(self, large: bool) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            font = QFont(app.font())
            font.setPointSizeF(12.5 if large else 10.0)
            app.setFont(font)
            app.setProperty("largeFont", large)
