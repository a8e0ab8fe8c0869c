"""Capture (thu nhận sinh trắc): the face and fingerprint widgets as the rules require, iris
shown as not available without an iris device, exceptions approved by a leader (password or
the leader's own chip card).

How the widgets drive the application (``workstation.enrollment``):

- the face widget's ``photoAccepted`` and the panel's ``fingerCaptured``/``irisCaptured`` store
  each capture encrypted (``attach_capture``, on a worker);
- the panel's ``exceptionMarked`` (a finger or eye that cannot be captured) opens the leader's
  approval; approved, the exception is stored with the approver and the method, refused or
  cancelled, the finger is to be captured again;
- the panel's ``sequenceCompleted`` saves any print not stored yet and moves on: to the photo
  if it is still missing, else to "capture complete";
- opening another applicant clears both widgets at once: the previous person's photo and prints
  are never shown for the next one.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common import Page, Section, age_group_text, button, hbox
from ui.pages import capture_slots
from workstation.enrollment.lifecycle import FINGER_POSITIONS

#: Why something cannot be captured: the fingerprint panel's kinds (``ExceptionKind``).
EXCEPTION_KINDS = ("missing", "amputated", "bandaged", "cannot_capture")


class CapturePage(Page):
    key = "capture"
    permission = "biometrics.capture"

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.app: Any = None
        self.status: dict[str, Any] = {}
        self.approval: Any = None  # the open ApprovalDialog, if any
        self._pending = 0  # captures being stored
        self._completed: Any = None  # a finished ten-print sequence waiting for those
        self._loading: int | None = None
        self.root.setContentsMargins(10, 6, 10, 6)
        self.root.setSpacing(6)
        self.head = QLabel(self.tr("Open a checked application from the worklist."))
        self.head.setObjectName("appHead")
        self.head.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout()
        row.setSpacing(10)
        self.root.addLayout(row, 1)

        # Face and prints one after the other, in tabs: the camera widget needs the width.
        # Who is being captured sits beside the tabs, not above them: the height goes to the
        # ten-print strip (1366×768 with the status bar).
        self.tabs = QTabWidget()
        self.tabs.setObjectName("captureTabs")
        self.face = capture_slots.face_widget(ctx, self)
        self.fingers = capture_slots.finger_widget(ctx, self)
        self.tabs.addTab(self.face, self.tr("Face photo"))
        self.tabs.addTab(self.fingers, self.tr("Fingerprints"))
        corner = QWidget()
        corner_lay = QHBoxLayout(corner)
        corner_lay.setContentsMargins(12, 0, 4, 2)
        corner_lay.addWidget(self.head)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        row.addWidget(self.tabs, 1)

        side = QVBoxLayout()
        side.setSpacing(8)
        checklist = Section(self.tr("Required for this applicant"))
        self.checklist = QLabel()
        self.checklist.setObjectName("checklist")
        self.checklist.setWordWrap(True)
        self.checklist.setTextFormat(Qt.TextFormat.RichText)
        checklist.add(self.checklist)
        self.iris = QLabel(self.tr("Iris: no iris camera at this counter — not available."))
        self.iris.setObjectName("muted")
        self.iris.setWordWrap(True)
        checklist.add(self.iris)
        side.addWidget(checklist)
        self.exception_button = button(self.tr("Exception (needs a leader)…"),
                                       self.ask_exception, name="exceptionButton")
        side.addWidget(self.exception_button)
        self.note = QLabel()
        self.note.setObjectName("captureNote")
        self.note.setWordWrap(True)
        side.addWidget(self.note)
        side.addStretch(1)
        self.finish = button(self.tr("Capture complete → review (F10)"), self.complete,
                             primary=True, name="finishCapture")
        side.addLayout(hbox(self.finish))
        holder = QWidget()
        holder.setLayout(side)
        holder.setFixedWidth(264)
        row.addWidget(holder)

        QShortcut(QKeySequence("F10"), self, activated=self.complete)
        self._update()

    def title(self) -> str:
        return self.tr("Capture")

    # ------------------------------------------------------------------ the applicant
    def load_application(self, app_id: int) -> None:
        if self.app is None or self.app.id != app_id:
            self.forget_applicant()
        self._loading = app_id  # a slower load of someone opened before must not win

        def work() -> tuple[Any, dict[str, Any]]:
            return self.ctx.enroll.get(app_id), self.ctx.enroll.capture_status(app_id)

        self.run(work, done=self._show)

    def forget_applicant(self) -> None:
        """Clear everything of the person shown before (photo, prints, exceptions, checklist),
        at once, before the next applicant is even loaded."""
        self.app = None
        self.status = {}
        self._completed = None
        self.note.setText("")
        if self.approval is not None:
            self.approval.close_now()
        self.face.reset()
        self.fingers.reset()
        self._update()

    def _show(self, result: tuple[Any, dict[str, Any]]) -> None:
        if result[0].id != self._loading:
            return
        if self.app is not None and self.app.id != result[0].id:
            self.forget_applicant()
        self.app, self.status = result
        a = self.app.applicant or {}
        self.head.setText(f"{self.app.number} · {a.get('full_name', '')} · "
                          f"{age_group_text(self.app.age_group)}")
        self.tabs.setTabEnabled(0, self.app.collect_face)
        self.tabs.setTabEnabled(1, self.app.collect_fingerprints)
        face_missing = "face:face" in self.status.get("missing", [])
        self.tabs.setCurrentIndex(0 if self.app.collect_face and (
            face_missing or not self.app.collect_fingerprints) else 1)
        capture_slots.start(self.face if self.app.collect_face else None,
                            self.fingers if self.app.collect_fingerprints else None)
        self._update()

    def refresh_checklist(self) -> None:
        self._update()

    def _update(self) -> None:
        names = capture_slots.finger_names(self)
        missing = set(self.status.get("missing", []))
        iris = self.iris_available()
        self.iris.setText(self.tr("Iris: with the fingerprint panel's iris camera.") if iris
                          else self.tr("Iris: no iris camera at this counter — not available."))
        eyes = {"right_iris": self.tr("Right eye"), "left_iris": self.tr("Left eye")}
        lines = []
        for item in self.status.get("required", []):
            modality, position = item.split(":")
            if modality == "iris" and not iris:
                continue
            label = (self.tr("Face") if modality == "face" else eyes[position]
                     if modality == "iris" else names.get(position, position))
            ok = item not in missing
            lines.append(f"<span style='color:{'#1b7f3b' if ok else '#9ca3af'}'>"
                         f"{'✔' if ok else '○'}</span> {label}")
        if self.app is not None and not lines:
            lines.append(self.tr("Nothing to capture at this age."))
        self.checklist.setText("<br>".join(lines))
        self.finish.setEnabled(self.app is not None and self.app.state == "verified"
                               and not self.pending_items())
        self.exception_button.setEnabled(self.app is not None and self.app.state == "verified")

    def pending_items(self) -> list[str]:
        """What is still required (iris only where an iris camera is present)."""
        iris = self.iris_available()
        return [m for m in self.status.get("missing", []) if iris or not m.startswith("iris:")]

    # ------------------------------------------------------------------ results from widgets
    def attach(self, **capture: Any) -> None:
        """Store one capture from a widget (on a worker) and refresh the checklist."""
        if self.app is None:
            return
        app_id, actor = self.app.id, self.ctx.actor
        self._pending += 1

        def work() -> dict[str, Any]:
            self.ctx.enroll.attach_capture(actor, app_id, **capture)
            return self.ctx.enroll.capture_status(app_id)

        def failed(exc: BaseException) -> None:
            self._pending -= 1
            self.fail(exc)

        self.run(work, done=lambda status: self._stored(app_id, status), failed=failed)

    def _stored(self, app_id: int, status: dict[str, Any]) -> None:
        self._pending -= 1
        if self.app is None or self.app.id != app_id:
            return
        self._status(status)
        if self._pending == 0 and self._completed is not None:
            result, self._completed = self._completed, None
            self._save_sequence(result)

    def _status(self, status: dict[str, Any]) -> None:
        self.status = status
        self._update()
        face_done = "face:face" not in status.get("missing", [])
        if face_done and self.tabs.currentIndex() == 0 and self.tabs.isTabEnabled(1):
            self.tabs.setCurrentIndex(1)  # the photo is in: on to the prints
        if self.app is not None and not self.pending_items():
            self.note.setText(self.tr("Everything required is captured: press F10."))
            self.finish.setFocus()

    def on_sequence_completed(self, result: Any) -> None:
        """The ten-print sequence is complete: store what is not stored yet, then move on."""
        if self.app is None:
            return
        if self._pending:
            self._completed = result  # after the prints being stored now
            return
        self._save_sequence(result)

    def _save_sequence(self, result: Any) -> None:
        app, actor = self.app, self.ctx.actor
        if app is None:
            return
        fmt = str(self.ctx.settings["fingerprint.storage_format"])

        def work() -> dict[str, Any]:
            from devices.fingerprint import storage

            missing = set(self.ctx.enroll.capture_status(app.id)["missing"])
            for finger in result.fingers:
                if finger.sample is None or f"finger:{finger.finger.key}" not in missing:
                    continue
                stored = storage.store_finger(finger.sample, fmt)
                self.ctx.enroll.attach_capture(
                    actor, app.id, modality="finger", position=finger.finger.key,
                    image=bytes(stored.data), format=stored.format, quality=int(stored.quality),
                    width=stored.width, height=stored.height,
                    resolution_ppi=stored.resolution_ppi, device_serial=stored.device_serial)
            return self.ctx.enroll.capture_status(app.id)

        def done(status: dict[str, Any]) -> None:
            if self.app is None or self.app.id != app.id:
                return
            self._status(status)
            fingers_left = [m for m in self.pending_items() if m.startswith("finger:")]
            if not fingers_left and "face:face" in self.status.get("missing", []):
                self.tabs.setCurrentIndex(0)
                self.note.setText(self.tr("Ten prints done. The face photo is still missing."))
            elif not fingers_left and self.pending_items():
                self.note.setText(self.tr("Ten prints done."))

        self.run(work, done=done)

    # ------------------------------------------------------------------ exceptions
    def ask_exception(self) -> None:
        """The page's own button: a face or a finger that cannot be captured."""
        if self.app is None:
            return
        dialog = ExceptionDialog(self.status.get("missing", []), self)
        dialog.setObjectName("captureExceptionDialog")
        self._exception_dialog = dialog
        dialog.accepted.connect(lambda: self.request_approval(*dialog.values(),
                                                              from_panel=False))
        dialog.open()

    def on_panel_exception(self, position: str, kind: str, reason: str) -> None:
        """The panel marked a finger (or an eye) as an exception: a leader must approve it."""
        item = f"iris:{position}" if position.endswith("_iris") else f"finger:{position}"
        self.request_approval(item, kind, reason, from_panel=True)

    def exception_label(self, item: str) -> str:
        modality, position = item.split(":")
        if modality == "face":
            return self.tr("Face")
        if modality == "iris":
            return self.tr("Right eye") if position == "right_iris" else self.tr("Left eye")
        return capture_slots.finger_names().get(position, position)

    def request_approval(self, item: str, kind: str, note: str, *, from_panel: bool) -> None:
        """Open the leader's approval (password or card) for ``item``; approved, the exception
        is stored with the approver and the method; refused, the panel's mark is undone."""
        from ui.dialogs import ApprovalDialog

        if self.app is None:
            return
        if self.approval is not None:
            self.approval.close_now()
        app_id, subject = self.app.id, f"{self.app.number} {item}"
        what = (self.tr("A leader approves the exception: %1 (%2).")
                .replace("%1", self.exception_label(item))
                .replace("%2", kind_text(kind)))
        if note:
            what += "\n" + self.tr("Reason: %1").replace("%1", note)
        dialog = ApprovalDialog(what, self, runner=self.ctx.runner,
                                approve_password=self._approve_password,
                                approve_card=lambda holder: self._approve_card(holder, subject),
                                holders=self._card_holders())
        self.approval = dialog

        def approved(approver: Any, method: str) -> None:
            if self.app is not None and self.app.id == app_id:  # still the same applicant
                self.record_exception(item, kind, note, approver, method, from_panel=from_panel)

        def closed(code: int) -> None:
            if self.approval is dialog:
                self.approval = None
            if (code != QDialog.DialogCode.Accepted and from_panel and item.startswith("finger:")
                    and self.app is not None and self.app.id == app_id):
                self.fingers_panel_call("clear_exception", item.split(":", 1)[1])
                self.note.setText(self.tr("Not approved: the finger is to be captured."))

        dialog.approved.connect(approved)
        dialog.finished.connect(closed)
        dialog.open()

    def _approve_password(self, username: str, password: str) -> Any:
        from workstation.security.card_approval import approve_with_password

        return approve_with_password(self.ctx.db, username, password, settings=self.ctx.settings,
                                     station=str(self.ctx.settings["station.code"]),
                                     requester=self.ctx.actor)

    def _approve_card(self, holder: str | None, subject: str) -> Any:
        """On a worker: read the card on the reader and identify the leader."""
        from workstation.security.card_approval import approve_with_card, settings_reader

        return approve_with_card(
            self.ctx.db, self.ctx.actor, settings_reader(self.ctx.settings,
                                                         simulate=self.ctx.simulate),
            username=holder, today=self.ctx.today(),
            station=str(self.ctx.settings["station.code"]), what=subject)

    def _card_holders(self) -> list[tuple[str, str]]:
        from workstation.security.card_approval import card_holders

        try:
            with self.ctx.db.session() as s:
                return card_holders(s)
        except Exception:  # noqa: BLE001 - the list only helps; the card identifies its holder
            return []

    def record_exception(self, item: str, kind: str, note: str, approver: Any, method: str,
                         *, from_panel: bool = True) -> None:
        """Store an approved exception (``face:face``, ``finger:right_little``…)."""
        if self.app is None:
            return
        modality, position = item.split(":")
        app_id, actor = self.app.id, self.ctx.actor
        clean = unicodedata.normalize("NFC", " ".join(note.split()))[:300]

        def work() -> dict[str, Any]:
            self.ctx.enroll.attach_capture(actor, app_id, modality=modality, position=position,
                                           exception_reason=kind, approver=approver,
                                           approval_method=method,
                                           meta={"note": clean} if clean else None)
            return self.ctx.enroll.capture_status(app_id)

        def done(status: dict[str, Any]) -> None:
            if not from_panel and modality == "finger":
                self.fingers_panel_call("apply_exception", position, kind, clean or kind)
            self.note.setText(self.tr("Exception approved by %1.").replace(
                "%1", approver.full_name or approver.username))
            self._status(status)

        def failed(exc: BaseException) -> None:
            if from_panel and modality == "finger":
                self.fingers_panel_call("clear_exception", position)
            self.fail(exc)

        self.run(work, done=done, failed=failed)

    def fingers_panel_call(self, name: str, *args: Any) -> None:
        panel = self.fingers.inner
        if panel is not None and hasattr(panel, name):
            getattr(panel, name)(*args)

    # ------------------------------------------------------------------ done
    def complete(self) -> None:
        if self.app is None or not self.finish.isEnabled():
            return
        app, actor = self.app, self.ctx.actor

        def done(result: Any) -> None:
            from ui.memory import release

            capture_slots.stop(self.face, self.fingers)
            release()  # the frames and prints of this applicant are gone
            self.open_requested.emit("review", result.id)

        iris = self.iris_available()
        self.run(lambda: self.ctx.enroll.complete_capture(actor, app.id, app.version,
                                                          iris_available=iris), done=done)

    def iris_available(self) -> bool:
        """An iris camera answers at this counter (the fingerprint panel found one)."""
        panel = self.fingers.inner
        return bool(panel is not None and getattr(panel, "iris_device", None) is not None)

    def hideEvent(self, event: Any) -> None:  # noqa: N802
        capture_slots.stop(self.face, self.fingers)
        super().hideEvent(event)


def kind_text(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "missing": QCoreApplication.translate("CapturePage", "missing from birth"),
        "amputated": QCoreApplication.translate("CapturePage", "amputated"),
        "bandaged": QCoreApplication.translate("CapturePage", "bandaged or injured"),
        "cannot_capture": QCoreApplication.translate("CapturePage",
                                                     "cannot be captured after retries"),
    }.get(kind, kind)


class ExceptionDialog(QDialog):
    """What cannot be captured and why; the leader's approval follows (password or card)."""

    def __init__(self, missing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exception (needs a leader)"))
        form = QFormLayout(self)
        self.position = QComboBox()
        self.position.setObjectName("exceptionPosition")
        names = capture_slots.finger_names()
        items = [("face:face", self.tr("Face"))] + [(f"finger:{p}", names[p])
                                                     for p in FINGER_POSITIONS]
        for value, text in items:
            if not missing or value in missing:
                self.position.addItem(text, value)
        self.reason = QComboBox()
        self.reason.setObjectName("exceptionReason")
        for code in EXCEPTION_KINDS:
            self.reason.addItem(kind_text(code), code)
        self.note = QLineEdit()
        self.note.setObjectName("exceptionNote")
        self.note.setMaxLength(300)
        form.addRow(self.tr("What"), self.position)
        form.addRow(self.tr("Why"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Next: leader's approval"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str]:
        return (str(self.position.currentData()), str(self.reason.currentData()),
                unicodedata.normalize("NFC", self.note.text().strip()))

