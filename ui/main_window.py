"""The shell: sign-in and idle lock, navigation by role, the status bar with device lights,
keyboard shortcuts and the large-font option."""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
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
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.common import Page, button, scaled
from ui.context import AppContext
from ui.devicehub import DEVICES, DeviceStatus
from ui.dialogs import error_text
from ui.i18n import current_language, is_large_font
from workstation.settings import Settings


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
        self.title = QLabel()
        self.title.setObjectName("loginTitle")
        box.addWidget(self.title)
        self.station = QLabel(f"{ctx.settings['station.name']} · {ctx.settings['station.counter']}")
        self.station.setObjectName("muted")
        self.station.setWordWrap(True)
        box.addWidget(self.station)
        self.locked_note = QLabel()
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
        self.language.setObjectName("loginLanguage")
        self.language.currentIndexChanged.connect(
            lambda _: self.language_changed.emit(self.language.currentData()))
        self.new_password = QLineEdit()
        self.new_password.setObjectName("newPassword")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_password = QLineEdit()
        self.repeat_password.setObjectName("repeatPassword")
        self.repeat_password.setEchoMode(QLineEdit.EchoMode.Password)
        for w in (self.username, self.password, self.new_password, self.repeat_password,
                  self.language):
            form.addRow(QLabel(), w)
        self.form = form
        self._old: str | None = None
        box.addLayout(form)
        self.message = _Message()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        box.addWidget(self.message)
        self.submit = button("", self.try_sign_in, primary=True, name="signIn")
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
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (the language was switched)."""
        self.title.setText(self.tr("Căn cước Workstation"))
        self.locked_note.setText(self.tr("The session was locked. Sign in again to continue; "
                                         "nothing you typed is lost."))
        for w, text in ((self.username, self.tr("User name")),
                        (self.password, self.tr("Password")),
                        (self.new_password, self.tr("New password")),
                        (self.repeat_password, self.tr("Repeat it")),
                        (self.language, self.tr("Language"))):
            label = self.form.labelForField(w)
            if isinstance(label, QLabel):
                label.setText(text)
        self._submit_text()
        self.message.clear()  # it was in the other language; the next attempt says it again
        with QSignalBlocker(self.language):
            self.language.setCurrentIndex(0 if current_language() == "vi" else 1)

    def _submit_text(self) -> None:
        on = self._old is not None
        self.submit.setText(self.tr("Change password and sign in") if on else self.tr("Sign in"))

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


class _Message(QLabel):
    """The sign-in message: takes no room while there is nothing to say."""

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        super().clear()
        self.hide()


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
    """The counter's window.

    ``apply_language("en")`` / ``apply_large_font(True)`` switch at once, without signing the
    user out: the shell retranslates itself and the pages are rebuilt in the new language,
    each taking over what its predecessor held (the open application, what is typed, the
    filters). The administrator's settings save reaches them through
    ``AppContext.settings_listeners``; the Display menu and its shortcuts call them directly.
    """

    #: The language and the pages were switched (``apply_language``): the new language.
    language_applied = Signal(str)

    def __init__(self, ctx: AppContext, pages: list[Page],
                 page_factory: Callable[[AppContext], list[Page]] | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.page_factory = page_factory
        self.setObjectName("mainWindow")
        self.resize(1366, 768)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.login = LoginPanel(ctx)
        self.login.signed_in.connect(self.on_signed_in)
        self.login.language_changed.connect(self.apply_language)
        self.stack.addWidget(self.login)

        self.workspace = QWidget()
        self.workspace.setObjectName("workspace")
        row = QHBoxLayout(self.workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        side = QFrame()
        side.setObjectName("sidebar")
        self.sidebar = side
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(0, 12, 0, 12)
        self.brand = QLabel()
        self.brand.setObjectName("brand")
        side_box.addWidget(self.brand)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        side_box.addWidget(self.nav, 1)
        self.user_label = QLabel()
        self.user_label.setObjectName("sideUser")
        self.user_label.setWordWrap(True)
        side_box.addWidget(self.user_label)
        self.display_button = QPushButton()
        self.display_button.setObjectName("displayButton")
        # The lock button's look (style.qss), for the button above it.
        self.display_button.setStyleSheet(
            "QPushButton#displayButton { margin: 4px 14px; background: #1d4b7c; color: #ffffff;"
            " border: 1px solid #2c5f94; }"
            " QPushButton#displayButton:hover { background: #245a92; }"
            " QPushButton#displayButton::menu-indicator { width: 0px; }")
        side_box.addWidget(self.display_button)
        self.lock_button = QPushButton()
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

        self.all_pages: dict[str, Page] = {}
        self._add_pages(pages)
        self.nav.currentItemChanged.connect(self._nav_changed)

        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.counter_label = QLabel(f"{ctx.settings['station.counter']} · "
                                    f"{ctx.settings['station.code']}")
        bar.addWidget(self.counter_label)
        self.lights: dict[str, DeviceLight] = {}
        for device in DEVICES:
            light = DeviceLight(device, device)
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
        self._display_menu()
        self._shortcuts()
        self._retranslate()
        self._pending: tuple[str, bool] | None = None
        self._from_settings = False
        ctx.settings_listeners.append(_listener(ctx, self))
        self.stack.setCurrentWidget(self.login)
        self.login.prepare()

    def _add_pages(self, pages: list[Page]) -> None:
        for p in pages:
            self.pages.addWidget(p)
            p.open_requested.connect(self.open_application)
            self.all_pages[p.key] = p

    def _retranslate(self) -> None:
        """The shell's own texts in the current language."""
        self.setWindowTitle(self.tr("Căn cước Workstation") + " — "
                            + str(self.ctx.settings["station.counter"]))
        self.brand.setText(self.tr("CĂN CƯỚC"))
        self.sidebar.setFixedWidth(scaled(212, 240))
        self.lock_button.setText(self.tr("Lock (Ctrl+L)"))
        self.display_button.setText(self.tr("Language, font size…"))
        self.large_action.setText(self.tr("Large font"))
        names = {"camera": self.tr("Camera"), "scanner": self.tr("Scanner"),
                 "card_reader": self.tr("Card reader"), "printer": self.tr("Printer")}
        for device, light in self.lights.items():
            light.label = names[device]
            light.set_status(light.status)
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            item.setText(self.all_pages[str(item.data(Qt.ItemDataRole.UserRole))].title())
        page = self.pages.currentWidget()
        if isinstance(page, Page) and self.nav.count():
            self.header.setText(page.title())
        self.login.retranslate()

    def _display_menu(self) -> None:
        """Language and font size at once, from the sidebar or by keyboard (on the sign-in
        screen too): Ctrl+Shift+V Vietnamese, Ctrl+Shift+E English, Ctrl+Shift+F large font."""
        menu = QMenu(self)
        menu.setObjectName("displayMenu")
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for lang, name, key in (("vi", "Tiếng Việt", "Ctrl+Shift+V"),
                                ("en", "English", "Ctrl+Shift+E")):
            action = QAction(name, self)
            action.setObjectName(f"language_{lang}")
            action.setCheckable(True)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _=False, lang=lang: self.apply_language(lang))
            group.addAction(action)
            menu.addAction(action)
            self.addAction(action)
            self.language_actions[lang] = action
        menu.addSeparator()
        self.large_action = QAction(self)
        self.large_action.setObjectName("largeFont")
        self.large_action.setCheckable(True)
        self.large_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.large_action.toggled.connect(self.apply_large_font)
        menu.addAction(self.large_action)
        self.addAction(self.large_action)
        self.display_button.setMenu(menu)
        self._sync_display_menu()

    def _sync_display_menu(self) -> None:
        self.language_actions[current_language()].setChecked(True)
        with QSignalBlocker(self.large_action):
            self.large_action.setChecked(is_large_font())

    # ------------------------------------------------------------------ language, font
    def apply_language(self, lang: str) -> None:
        """Switch the interface and the core messages to ``lang`` ("vi" or "en") now.

        What is typed is saved first; the pages are rebuilt once the background work that
        is running has finished (``language_applied`` is emitted then)."""
        if lang not in ("vi", "en"):
            raise ValueError(f"unsupported language {lang!r}")
        if lang == current_language() and self._pending is None:
            self._sync_display_menu()
            return
        self._switch(lang, is_large_font())

    def _switch(self, lang: str, large: bool) -> None:
        pending = self._pending is not None
        self._pending = (lang, large)
        if pending:
            return  # the rebuild already waiting takes the newest wish
        for page in self.all_pages.values():
            page.flush()
        self._rebuild_when_idle(deadline=time.monotonic() + 10.0)

    def _rebuild_when_idle(self, deadline: float) -> None:
        runner = self.ctx.runner
        busy = getattr(runner, "busy", lambda: False)()
        if busy and time.monotonic() < deadline:
            QTimer.singleShot(25, lambda: self._rebuild_when_idle(deadline))
            return
        wish, self._pending = self._pending, None
        if wish is None:
            return
        lang, large = wish
        from ui.app import apply_style, install_translations

        changed = lang != current_language()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            if changed:
                install_translations(app, lang)
            apply_style(app, large)
        self.ctx.set_language(lang)
        self._rebuild_pages()
        self._retranslate()
        self._sync_display_menu()
        page = self.pages.currentWidget()
        if (changed and isinstance(page, Page) and not self.is_locked()
                and not page.banner.isVisible()):
            page.say(self.tr("Settings saved; the interface language is changed.")
                     if self._from_settings else self.tr("Interface language changed."), "info")
        self._from_settings = False
        if changed and self.ctx.actor is not None:
            self.refresh_devices()  # their details in the new language
        self.language_applied.emit(lang)

    def _rebuild_pages(self) -> None:
        current = self.pages.currentWidget()
        current_key = current.key if isinstance(current, Page) else ""
        states = {key: page.snapshot() for key, page in self.all_pages.items()}
        if self.page_factory is not None:
            factory = self.page_factory
        else:
            from ui.app import build_pages as factory
        new_pages = factory(self.ctx)
        old_pages = list(self.all_pages.values())
        self.all_pages = {}
        self._add_pages(new_pages)
        for old in old_pages:
            old.hide()  # a capture page stops its devices
            self.pages.removeWidget(old)
            old.setParent(None)
            old.deleteLater()
        if current_key in self.all_pages:
            with QSignalBlocker(self.nav):
                self.pages.setCurrentWidget(self.all_pages[current_key])
        for key, page in self.all_pages.items():
            if key in states:
                page.restore(states[key], current=key == current_key)
        if current_key in self.all_pages and not self.is_locked():
            self.all_pages[current_key].activate()  # e.g. the worklist lists its rows again

    def apply_large_font(self, large: bool) -> None:
        """Larger (or normal) text everywhere, at once: the pages are rebuilt so that their
        columns are laid out for the new size (``language_applied`` is emitted too)."""
        if bool(large) == is_large_font() and self._pending is None:
            self._sync_display_menu()
            return
        lang = self._pending[0] if self._pending is not None else current_language()
        self._switch(lang, bool(large))

    def set_large_font(self, large: bool) -> None:
        self.apply_large_font(large)

    def _settings_changed(self, old: Settings, new: Settings) -> None:
        """The administrator saved the settings: apply a changed language or font size."""
        lang, large = current_language(), is_large_font()
        if new["ui.large_font"] != old["ui.large_font"]:
            large = bool(new["ui.large_font"])
        if new["ui.language"] != old["ui.language"]:
            lang = str(new["ui.language"])
            self._from_settings = lang != current_language()
        if (lang, large) != (current_language(), is_large_font()):
            # After the page that saved has finished its own reaction to the save.
            QTimer.singleShot(0, lambda: self._switch(lang, large))

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
        QShortcut(QKeySequence("Ctrl+="), self, activated=lambda: self.apply_large_font(True))
        QShortcut(QKeySequence("Ctrl+-"), self, activated=lambda: self.apply_large_font(False))

    def _new_application(self) -> None:
        page = self.show_page("reception")
        if page is not None:
            getattr(page, "new_application", lambda: None)()

    def _focus_search(self) -> None:
        page = self.current_page()
        getattr(page, "focus_search", lambda: None)()


def _listener(ctx: AppContext, window: MainWindow) -> Callable[[Settings, Settings], None]:
    """The window's settings listener, which goes away with the window."""
    ref = weakref.ref(window)

    def listener(old: Settings, new: Settings) -> None:
        win = ref()
        if win is None or not shiboken6.isValid(win):
            ctx.settings_listeners.remove(listener)
            return
        win._settings_changed(old, new)

    return listener
