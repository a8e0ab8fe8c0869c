"""Worklist (danh sách hồ sơ): today's and open applications by state; filter and open."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from models.applications import STATES
from ui.common import Page, Section, button, hbox, scaled, state_text
from ui.itemmodels import ApplicationsModel
from workstation.enrollment import summary
from workstation.enrollment.forms import nfc

_NEEDLE = re.compile(r"^[0-9A-Za-z-]+$", re.ASCII)

#: Which page continues an application in each state.
PAGE_FOR_STATE = {"draft": "reception", "verified": "capture", "captured": "review",
                  "confirmed": "review", "submitted": "return", "card_arrived": "return",
                  "handed_over": "return", "rejected": "review", "cancelled": "review"}


class WorklistPage(Page):
    key = "worklist"
    permission = "records.read"

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        box = Section(self.tr("Find and open an application"))
        self.state = QComboBox()
        self.state.setObjectName("stateFilter")
        self.state.addItem(self.tr("All open applications"), "open")
        self.state.addItem(self.tr("All states"), "")
        for s in STATES:
            self.state.addItem(state_text(s), s)
        self.state.currentIndexChanged.connect(self.refresh)
        self.today_only = QCheckBox(self.tr("Received today"))
        self.today_only.setObjectName("todayOnly")
        self.today_only.toggled.connect(self.refresh)
        self.text = QLineEdit()
        self.text.setObjectName("worklistSearch")
        self.text.setPlaceholderText(self.tr("Application number or ID number"))
        self.text.setMaxLength(40)
        self.text.setMinimumWidth(scaled(260, 340))  # the whole hint is readable
        self.text.returnPressed.connect(self.refresh)
        self.count = QLabel()
        self.count.setObjectName("muted")
        box.outer.addLayout(hbox(self.state, self.today_only, self.text,
                                 button(self.tr("Refresh"), self.refresh, name="refresh"),
                                 self.count, stretch_at=4))
        self.model = ApplicationsModel(self)
        self.table = QTableView()
        self.table.setObjectName("worklistTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # Room between the columns (they are sized to their contents).
        self.table.setStyleSheet("QTableView#worklistTable::item { padding: 0px 8px; }")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.open_row)
        self.table.activated.connect(self.open_row)
        box.add(self.table, 1)
        box.outer.addLayout(hbox(button(self.tr("Open (Enter)"), self.open_selected,
                                        primary=True, name="openButton"), stretch_at=1))
        self.root.addWidget(box, 1)

    def title(self) -> str:
        return self.tr("Worklist")

    def activate(self) -> None:
        self.refresh()

    def focus_search(self) -> None:
        self.text.setFocus()

    def refresh(self) -> None:
        state = self.state.currentData()
        text = nfc(self.text.text()) or None
        if text is not None and not _NEEDLE.match(text):
            # Only an application number or an ID number can be looked for here; "%" or "_"
            # would otherwise act as wildcards in the database and match everything.
            self.model.set_rows([])
            self.count.setText(self.tr("Applications: %1").replace("%1", "0"))
            self.say(self.tr("Type part of an application number or an ID number: letters, "
                             "digits and - only."), "warning")
            return
        self.banner.clear_message()
        received = self.ctx.today() if self.today_only.isChecked() else None

        def work() -> list[dict[str, Any]]:
            apps = self.ctx.enroll.search(state if state not in ("open", "") else None,
                                          open_only=state == "open", received_on=received,
                                          text=text)
            return [summary(a) | {"id": a.id} for a in apps]

        self.run(work, done=self._show)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        self.count.setText(self.tr("Applications: %1").replace("%1", str(len(rows))))
        if rows:
            self.table.selectRow(0)

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_row(rows[0])

    def open_row(self, index: QModelIndex) -> None:
        row = self.model.data(index, Qt.ItemDataRole.UserRole)
        if row:
            self.open_requested.emit(PAGE_FOR_STATE.get(row["state"], "review"), int(row["id"]))
