"""The reception form of an application, saved as it is typed, and the law's live decision."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.common import Section, ValueGrid, age_group_text, dmy, kind_text, money, scaled
from workstation.enrollment.forms import EXEMPTIONS, FIELDS


class ApplicationForm(QScrollArea):
    """Every field of the application; ``changed`` fires (debounced) with the whole form."""

    changed = Signal(dict)
    field_done = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("applicationForm")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        # Never cut off: with the large font a long exemption may need to scroll sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        body = QWidget()
        body.setObjectName("formBody")
        self.setWidget(body)
        self.box = QVBoxLayout(body)
        self.box.setContentsMargins(0, 0, 6, 0)
        self.box.setSpacing(10)
        self.widgets: dict[str, QWidget] = {}
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(400)
        self.timer.timeout.connect(lambda: self.changed.emit(self.values()))
        self._loading = False

        s = self._section(self.tr("Applicant"))
        self._line(s, "pid", self.tr("Personal ID number"), "012345678901")
        self._line(s, "full_name", self.tr("Full name"))
        self._line(s, "date_of_birth", self.tr("Date of birth"), "dd/mm/yyyy")
        self._combo(s, "sex", self.tr("Sex"), [("", ""), ("male", self.tr("Male")),
                                                ("female", self.tr("Female"))])
        self._line(s, "ethnicity", self.tr("Ethnicity"))
        self._line(s, "residence", self.tr("Residence"))

        s = self._section(self.tr("Request"))
        self._combo(s, "kind", self.tr("Procedure"), [
            ("first_issue", kind_text("first_issue")), ("renewal", kind_text("renewal")),
            ("reissue", kind_text("reissue"))])
        self._combo(s, "reason", self.tr("Reason"), [
            ("", self.tr("(none: first issue)")),
            ("cccd_conversion", self.tr("Converting a CCCD")),
            ("age_milestone", self.tr("Age milestone (14, 25, 40, 60)")),
            ("name_or_dob_changed", self.tr("Name or date of birth changed")),
            ("identity_features_changed", self.tr("Identity features changed")),
            ("printed_error", self.tr("Error printed on the card")),
            ("printed_error_by_agency", self.tr("Error made by the agency")),
            ("admin_unit_reorganised", self.tr("Administrative units reorganised")),
            ("pid_reestablished", self.tr("ID number re-established")),
            ("holder_request", self.tr("Holder's request")),
            ("lost_or_damaged", self.tr("Lost or damaged")),
            ("nationality_regained", self.tr("Nationality regained"))])
        self._combo(s, "current_card_type", self.tr("Document held"), [
            ("", self.tr("None")), ("cmnd", "CMND"), ("cccd", "CCCD"),
            ("can_cuoc", self.tr("Căn cước card"))])
        self._line(s, "current_card_number", self.tr("Its number"))
        self._line(s, "current_card_issued_on", self.tr("Issued on"), "dd/mm/yyyy")
        self._line(s, "current_card_expires_on", self.tr("Valid until"), "dd/mm/yyyy")
        names = {"disability": self.tr("Disability"),
                 "meritorious_service": self.tr("Meritorious service"),
                 "ethnic_minority_hardship_commune": self.tr("Ethnic minority, hardship commune"),
                 "border_or_island_resident": self.tr("Border or island resident"),
                 "poor_household": self.tr("Poor household")}
        self.exemption_boxes: dict[str, QCheckBox] = {}
        holder = QWidget()
        grid = QVBoxLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        for code in EXEMPTIONS:
            box = QCheckBox()
            box.setObjectName(f"exempt_{code}")
            box.toggled.connect(self._touched)
            self.exemption_boxes[code] = box
            grid.addWidget(_wrapping(box, names[code]))
        s.addRow(_label(self.tr("Fee exemption")), holder)

        s = self._section(self.tr("Legal representative"))
        self.rep_section = s.parentWidget()
        self._line(s, "representative_pid", self.tr("ID number"))
        self._line(s, "representative_name", self.tr("Full name"))
        self._combo(s, "representative_relationship", self.tr("Relationship"), [
            ("", ""), ("father", self.tr("Father")), ("mother", self.tr("Mother")),
            ("guardian", self.tr("Guardian")), ("other", self.tr("Other"))])
        self._line(s, "representative_basis", self.tr("Proof of representation"))
        self.rep_verified = QLabel()
        self.rep_verified.setObjectName("muted")
        self.rep_verified.setWordWrap(True)
        s.addRow(_label(""), self.rep_verified)

        s = self._section(self.tr("Contact and return"))
        self._line(s, "phone", self.tr("Mobile phone"), "09xxxxxxxx")
        self._line(s, "email", self.tr("E-mail"))
        eid = QCheckBox()
        eid.setObjectName("f_eid_level2")
        eid.toggled.connect(self._touched)
        self.widgets["eid_level2"] = eid
        s.addRow(_label(""), _wrapping(eid, self.tr("Level-2 electronic ID account too")))
        self._combo(s, "pickup", self.tr("Card returned"), [
            ("counter", self.tr("At the counter")), ("post", self.tr("By post (citizen pays)"))])
        self._line(s, "postal_address", self.tr("Postal address"))
        self.box.addStretch(1)
        self._hidden: dict[str, str] = {}

    # ------------------------------------------------------------------ building
    def _section(self, title: str) -> QFormLayout:
        section = Section(title)
        form = QFormLayout()
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(6)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        section.outer.addLayout(form)
        self.box.addWidget(section)
        return form

    def _line(self, form: QFormLayout, key: str, label: str, hint: str = "") -> None:
        edit = QLineEdit()
        edit.setObjectName(f"f_{key}")
        edit.setMinimumWidth(120)
        # A little room over the limit so an over-long paste is shown and reported, not cut.
        edit.setMaxLength(FIELDS[key] * 2)
        if hint:
            edit.setPlaceholderText(hint)
        edit.textChanged.connect(self._touched)
        edit.editingFinished.connect(self._finished)
        self.widgets[key] = edit
        form.addRow(_label(label), edit)

    def _combo(self, form: QFormLayout, key: str, label: str,
               items: list[tuple[str, str]]) -> None:
        combo = QComboBox()
        combo.setObjectName(f"f_{key}")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        for value, text in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self._touched)
        self.widgets[key] = combo
        form.addRow(_label(label), combo)

    # ------------------------------------------------------------------ values
    def _touched(self, *_: Any) -> None:
        if not self._loading:
            self.timer.start()

    def _finished(self) -> None:
        if not self._loading and self.timer.isActive():
            self.timer.stop()
            self.changed.emit(self.values())

    def flush(self) -> None:
        """Emit at once what is pending (before leaving the page)."""
        if self.timer.isActive():
            self.timer.stop()
            self.changed.emit(self.values())

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self._hidden)
        for key, w in self.widgets.items():
            if isinstance(w, QLineEdit):
                out[key] = w.text()
            elif isinstance(w, QComboBox):
                out[key] = w.currentData() or ""
            elif isinstance(w, QCheckBox):
                out[key] = w.isChecked()
        out["exemptions"] = [c for c, b in self.exemption_boxes.items() if b.isChecked()]
        return out

    def set_values(self, fields: dict[str, Any]) -> None:
        """Fill the form (from a draft or the records) without emitting ``changed``."""
        self._loading = True
        try:
            for key, value in fields.items():
                w = self.widgets.get(key)
                if w is None:
                    if key in ("representative_verified_by", "channel", "note"):
                        self._hidden[key] = str(value or "")
                    continue
                blocker = QSignalBlocker(w)
                if isinstance(w, QLineEdit):
                    w.setText(str(value or ""))
                    w.setCursorPosition(0)  # show where a long address begins
                elif isinstance(w, QComboBox):
                    i = w.findData(str(value or ""))
                    w.setCurrentIndex(max(i, 0))
                elif isinstance(w, QCheckBox):
                    w.setChecked(value in (True, "true", "1"))
                del blocker
            if "exemptions" in fields:
                for code, box in self.exemption_boxes.items():
                    with QSignalBlocker(box):
                        box.setChecked(code in (fields.get("exemptions") or []))
            self.rep_verified.setText({
                "chip": self.tr("Verified by reading the representative's card."),
                "records": self.tr("Linked to the applicant in the population records."),
            }.get(self._hidden.get("representative_verified_by", ""), ""))
        finally:
            self._loading = False

    def set_hidden(self, key: str, value: str) -> None:
        self._hidden[key] = value
        self.set_values({key: value})

    def clear(self) -> None:
        self._hidden = {}
        self.set_values({k: "" for k in self.widgets} | {"kind": "first_issue",
                                                          "pickup": "counter",
                                                          "exemptions": []})

    def mark(self, findings: list[dict[str, Any]]) -> None:
        """Outline the fields that have an error or a warning; the message is the tooltip."""
        by_field: dict[str, dict[str, Any]] = {}
        for f in findings:
            key = str(f.get("field", "")).replace("applicant.", "").replace(
                "representative.", "representative_")
            if key == "representative":
                key = "representative_pid"
            if key not in by_field or f.get("severity") == "error":
                by_field[key] = f
        for key, w in self.widgets.items():
            f = by_field.get(key)
            w.setProperty("invalid", "" if f is None else str(f.get("severity")))
            w.setToolTip("" if f is None else str(f.get("message", "")))
            w.style().unpolish(w)
            w.style().polish(w)

    def show_section(self, section: QWidget) -> None:
        """Scroll so that ``section`` starts at the top (as far as the form goes)."""
        self.widget().layout().activate()
        self.verticalScrollBar().setValue(section.y())

    def set_read_only(self, read_only: bool) -> None:
        for w in [*self.widgets.values(), *self.exemption_boxes.values()]:
            w.setEnabled(not read_only)
            if isinstance(w, QCheckBox):
                for text in w.parentWidget().findChildren(_CheckText):
                    text.setEnabled(not read_only)  # its text greyed with it


class DecisionPanel(Section):
    """What the law decides for this application, in plain words, updated as it is typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("The law's decision"), parent)
        self.setObjectName("decisionPanel")
        self.grid = ValueGrid(1)
        for key, label in (("age_group", self.tr("Age group")), ("kind", self.tr("Procedure")),
                           ("representative", self.tr("Representative")),
                           ("collect", self.tr("To capture")), ("fee", self.tr("Fee")),
                           ("expiry", self.tr("Card valid until")),
                           ("return_by", self.tr("Return date"))):
            self.grid.add_row(key, label)
        self.add(self.grid)
        self.findings = QLabel()
        self.findings.setObjectName("findings")
        self.findings.setWordWrap(True)
        self.findings.setTextFormat(Qt.TextFormat.RichText)
        self.findings.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.add(self.findings, 1)

    def show_answer(self, answer: dict[str, Any] | None) -> None:
        if not answer:
            for key in self.grid.values:
                self.grid.set(key, "")
            self.findings.setText("")
            return
        collect = answer.get("collect") or {}
        parts = [name for key, name in (("face", self.tr("face")),
                                        ("fingerprints", self.tr("10 fingerprints")),
                                        ("iris", self.tr("iris"))) if collect.get(key)]
        self.grid.set("age_group", age_group_text(answer.get("age_group")))
        self.grid.set("kind", kind_text(answer.get("kind")))
        self.grid.set("representative", self.tr("Required (signs for the child)")
                      if answer.get("representative_required") else self.tr("Not required"))
        self.grid.set("collect", ", ".join(parts) if parts else self.tr("Nothing (no capture)"))
        fee = int(answer.get("fee_vnd") or 0)
        self.grid.set("fee", (money(fee) if fee else self.tr("Free")) +
                      (f" — {answer['fee_rule']}" if answer.get("fee_rule") else ""))
        self.grid.set("expiry", dmy(answer.get("card_expiry")) if answer.get("card_expiry")
                      else (self.tr("No expiry") if answer.get("age_group") else ""))
        self.grid.set("return_by", dmy(answer.get("return_by")))
        lines = []
        for f in answer.get("findings", []):
            sev = f.get("severity", "info")
            mark = {"error": "✖", "warning": "⚠"}.get(sev, "ℹ")
            lines.append(f'<p class="{sev}"><span style="color:{_COLOURS.get(sev)}">{mark}</span> '
                         f'{_escape(str(f.get("message", "")))}</p>')
        ok = self.tr("Everything needed is there: the application can be checked and saved.")
        self.findings.setText("".join(lines) if lines else
                              f'<p><span style="color:#1b7f3b">✔</span> {_escape(ok)}</p>')


class _CheckText(QLabel):
    """A check box's text that wraps (a long Vietnamese text is never cut); a click on it
    ticks the box, as a click on a check box's own text would."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802
        if self.box.isEnabled():
            self.box.toggle()
        event.accept()


def _wrapping(box: QCheckBox, text: str) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    box.setContentsMargins(0, 3, 0, 0)  # the box level with the first line of its text
    row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    text_label = _CheckText(text, box)
    text_label.setEnabled(box.isEnabled())
    row.addWidget(text_label, 1)
    box.setAccessibleName(text)
    box.setToolTip("")
    return holder


def _label(text: str) -> QLabel:
    label = QLabel(text)
    label.setFixedWidth(scaled(112, 128))
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return label


_COLOURS = {"error": "#b3261e", "warning": "#a15c00", "info": "#1f5fa8"}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
