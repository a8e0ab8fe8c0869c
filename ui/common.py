"""Building blocks the pages share: the page base with its message banner, section frames,
read-only value rows and helpers to show core codes (states, kinds, age groups) in words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.dialogs import CrashDialog, error_text
from ui.i18n import is_large_font, t


# Tests replace this to collect unexpected errors instead of opening a modal dialog.
def _crash_dialog(exc: BaseException, parent: QWidget | None) -> None:
    CrashDialog(exc, parent).exec()


crash_handler: Callable[[BaseException, QWidget | None], None] = _crash_dialog


def scaled(pixels: int, large: int | None = None) -> int:
    """A fixed width for the current font size: ``large`` (or a fifth more) with the
    large-font option. Pages are rebuilt when it is switched."""
    if not is_large_font():
        return pixels
    return large if large is not None else round(pixels * 1.2)


def state_text(state: str | None) -> str:
    return t(f"enrollment.state.{state}") if state else ""


def kind_text(kind: str | None) -> str:
    return t(f"enrollment.kind.{kind}") if kind else ""


def age_group_text(group: str | None) -> str:
    return t(f"enrollment.age_group.{group}") if group else ""


def dmy(value: date | str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return value
    return value.strftime("%d/%m/%Y")


def money(vnd: int | None) -> str:
    return f"{int(vnd or 0):,}".replace(",", ".") + " đ"


class Banner(QLabel):
    """A one-line message above the page's content: error, warning, information or success."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str, kind: str = "error") -> None:
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


class Section(QFrame):
    """A titled white card on the page background."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("section")
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(14, 10, 14, 12)
        self.outer.setSpacing(8)
        self.title = QLabel(title)
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)  # a long Vietnamese title takes two lines, never cut
        self.outer.addWidget(self.title)

    def add(self, widget: QWidget, stretch: int = 0) -> QWidget:
        self.outer.addWidget(widget, stretch)
        return widget


class ValueGrid(QWidget):
    """Rows of ``label: value`` pairs (read-only), in one or two columns."""

    def __init__(self, columns: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(4)
        self.columns = columns
        self.values: dict[str, QLabel] = {}
        self._n = 0

    def add_row(self, key: str, label: str) -> QLabel:
        row, col = divmod(self._n, self.columns)
        self._n += 1
        name = QLabel(label)
        name.setObjectName("fieldLabel")
        value = QLabel("")
        value.setObjectName("fieldValue")
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.grid.addWidget(name, row, col * 2, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(value, row, col * 2 + 1, Qt.AlignmentFlag.AlignTop)
        self.grid.setColumnStretch(col * 2 + 1, 1)
        self.values[key] = value
        return value

    def set(self, key: str, text: str, highlight: bool = False) -> None:
        label = self.values[key]
        label.setText(text or "—")
        label.setProperty("highlight", highlight)
        label.style().unpolish(label)
        label.style().polish(label)


class Page(QWidget):
    """A counter task. Talks to services only through the context's runner."""

    #: Ask the window to open an application on another page: (page key, application id).
    open_requested = Signal(str, int)
    key = ""
    permission = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"page_{self.key}")
        self.root = QVBoxLayout(self)
        self.root.setContentsMargins(18, 14, 18, 14)
        self.root.setSpacing(10)
        self.banner = Banner(self)
        self.root.addWidget(self.banner)
        self.busy = 0

    def title(self) -> str:
        return ""

    def activate(self) -> None:
        """The page became visible."""

    def run(self, fn: Callable[..., Any], *args: Any, done: Callable[[Any], None] | None = None,
            failed: Callable[[BaseException], None] | None = None) -> None:
        self.busy += 1

        def ok(result: Any) -> None:
            self.busy -= 1
            if done is not None:
                done(result)

        def bad(exc: BaseException) -> None:
            self.busy -= 1
            (failed or self.fail)(exc)

        self.ctx.runner.run(fn, *args, done=ok, failed=bad)

    def fail(self, exc: BaseException) -> None:
        text = error_text(exc)
        if text == "":
            return
        if text is None:
            crash_handler(exc, self)
            return
        self.banner.show_message(text, "error")

    def say(self, text: str, kind: str = "info") -> None:
        self.banner.show_message(text, kind)

    # ------------------------------------------------------------ language switch
    def flush(self) -> None:
        """Save at once what is typed and not saved yet (before the page is rebuilt)."""
        form = getattr(self, "form", None)
        if form is not None and hasattr(form, "flush"):
            form.flush()

    def snapshot(self) -> dict[str, Any]:
        """What a page rebuilt in another language needs to carry on where this one was:
        what is typed in its inputs, its tabs, an error or warning shown, the open
        application. Pages with more state extend it (and ``restore``)."""
        state: dict[str, Any] = {"inputs": _inputs(self)}
        kind = self.banner.property("kind")
        if self.banner.isVisibleTo(self) and kind in ("error", "warning"):
            state["banner"] = (self.banner.text(), kind)
        app_id = getattr(getattr(self, "app", None), "id", None)
        if isinstance(app_id, int):
            state["app_id"] = app_id
        return state

    def restore(self, state: dict[str, Any], current: bool) -> None:
        """Take over ``snapshot()`` of the page this one replaces. ``current``: the page is
        the one on screen (only then is an application with devices reopened)."""
        _set_inputs(self, state.get("inputs", []))
        if "banner" in state:
            self.say(*state["banner"])
        load = getattr(self, "load_application", None)
        if "app_id" in state and load is not None and (current or self.key != "capture"):
            load(state["app_id"])


_INPUTS: tuple[type[QWidget], ...] = (QLineEdit, QPlainTextEdit, QComboBox, QSpinBox,
                                      QAbstractButton, QTabWidget)


def _inputs(page: QWidget) -> list[tuple[str, str, Any]]:
    """(type, object name, value) of every input of the page, in creation order."""
    out: list[tuple[str, str, Any]] = []
    for w in page.findChildren(QWidget):
        kind = _kind(w)
        if kind is None:
            continue
        value: Any
        if isinstance(w, QLineEdit):
            value = w.text()
        elif isinstance(w, QPlainTextEdit):
            value = w.toPlainText()
        elif isinstance(w, QComboBox | QTabWidget):
            value = w.currentIndex()
        elif isinstance(w, QSpinBox):
            value = w.value()
        else:
            value = w.isChecked()  # type: ignore[attr-defined]
        out.append((kind, w.objectName(), value))
    return out


def _set_inputs(page: QWidget, saved: list[tuple[str, str, Any]]) -> None:
    """Put the values back on the same widgets of a page built the same way; nothing is
    emitted (no save, no search), and nothing is set when the pages do not match."""
    targets = [w for w in page.findChildren(QWidget) if _kind(w) is not None]
    if [(_kind(w), w.objectName()) for w in targets] != [(k, n) for k, n, _v in saved]:
        return
    for w, (_k, _n, value) in zip(targets, saved, strict=True):
        with QSignalBlocker(w):
            if isinstance(w, QLineEdit):
                w.setText(str(value))
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(str(value))
            elif isinstance(w, QComboBox) and 0 <= int(value) < w.count():
                w.setCurrentIndex(int(value))
            elif isinstance(w, QSpinBox):
                w.setValue(int(value))
            elif isinstance(w, QAbstractButton):
                w.setChecked(bool(value))
            elif isinstance(w, QTabWidget):
                w.setCurrentIndex(int(value))


def _kind(w: QWidget) -> str | None:
    if isinstance(w.parentWidget(), QSpinBox | QComboBox):  # their own inner line edit
        return None
    if isinstance(w, QAbstractButton):
        return "QAbstractButton" if w.isCheckable() else None
    if isinstance(w, QLineEdit | QPlainTextEdit) and w.isReadOnly():
        return None
    for cls in _INPUTS:
        if isinstance(w, cls):
            return cls.__name__
    return None


def button(text: str, slot: Callable[[], Any] | None = None, *, primary: bool = False,
           name: str = "") -> QPushButton:
    b = QPushButton(text)
    if primary:
        b.setProperty("primary", True)
    if name:
        b.setObjectName(name)
    if slot is not None:
        b.clicked.connect(slot)
    return b


def hbox(*widgets: QWidget | None, stretch_at: int | None = None) -> QHBoxLayout:
    box = QHBoxLayout()
    box.setSpacing(8)
    for i, w in enumerate(widgets):
        if stretch_at == i:
            box.addStretch(1)
        if w is not None:
            box.addWidget(w)
    if stretch_at is not None and stretch_at >= len(widgets):
        box.addStretch(1)
    return box
