"""The keys tab: the register of keys the office holds, the day's one digest of overdue
keys, lending (one signature for several keys) and the countersigned return, lost /
found / given back to the owner, and the monthly cabinet count."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.keys import BORROWERS, ID_CHECKS, LendInput
from ui import formats
from ui.reception.actions import Actions, context, keys
from ui.reception.labels import colour, word
from ui.reception.model import Column, RowsModel, fill_combo, py_time, qt_time
from ui.reception.signature import SignatureBox
from ui.widgets.fields import banner
from ui.widgets.forms import FormDialog, action


class LendDialog(FormDialog):
    """Lend the chosen keys: borrower, identity check, purpose, return time; the borrower
    signs once for all of them."""

    def __init__(self, actions: Actions, rows, parent=None) -> None:
        super().__init__(
            actions.ctx.runner, QCoreApplication.translate("LendDialog", "Lend keys"), parent
        )
        self.actions = actions
        self.rows = rows
        self.add_row(self.tr("Keys"), QLabel("、".join(f"{r.tag} {r.unit}" for r in rows)))
        self.borrower = QLineEdit()
        self.kind = QComboBox()
        fill_combo(self.kind, BORROWERS)
        self.id_check = QComboBox()
        fill_combo(self.id_check, ID_CHECKS)
        self.confirmed = QCheckBox(self.tr("Confirmed with the owner"))
        self.site_lead = QLineEdit()
        self.purpose = QLineEdit()
        self.back = QDateTimeEdit(qt_time(actions.now() + timedelta(hours=4)))
        self.back.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.pad = SignatureBox()
        self.pad.changed.connect(self.validate)
        allowed = sorted({p for r in rows for p in r.allowed_people})
        if allowed:
            self.add_row(self.tr("Authorised"), QLabel("、".join(allowed)))
        self.add_field("borrower", self.tr("Borrower *"), self.borrower)
        self.add_field("borrower_kind", self.tr("Borrower is"), self.kind)
        self.add_field("id_check", self.tr("Identity checked by"), self.id_check)
        self.add_field("owner_confirmed", "", self.confirmed)
        self.add_field("site_lead", self.tr("Site lead"), self.site_lead)
        self.add_field("purpose", self.tr("Purpose *"), self.purpose)
        self.add_field("expected_back", self.tr("Back by"), self.back)
        self.add_field("signature", self.tr("Borrower's signature"), self.pad)
        clear = QPushButton(self.tr("Clear signature"))
        clear.clicked.connect(self.pad.clear)
        self.add_row("", clear)
        self.confirmed.toggled.connect(lambda _c: self.validate())

    def values(self):
        return {
            "data": LendInput(
                borrower=self.borrower.text(),
                borrower_kind=self.kind.currentData(),
                id_check=self.id_check.currentData(),
                purpose=self.purpose.text(),
                expected_back=py_time(self.back.dateTime()),
                owner_confirmed=self.confirmed.isChecked(),
                site_lead=self.site_lead.text(),
            ),
            "strokes": [list(s) for s in self.pad.strokes],
        }

    def check(self, values):
        return {} if self.pad.is_signed() else {"signature": DomainError("key.signature_required")}

    def save(self, values):
        a = self.actions
        ids = [r.id for r in self.rows]
        return keys.lend_keys(a.db, ids, values["data"], values["strokes"], a.user_id, a.now())


class ReturnDialog(FormDialog):
    """Keys brought back: who returns them, countersigned on the pad."""

    def __init__(self, actions: Actions, rows, parent=None) -> None:
        super().__init__(
            actions.ctx.runner, QCoreApplication.translate("ReturnDialog", "Return keys"), parent
        )
        self.actions = actions
        self.rows = rows
        self.add_row(self.tr("Keys"), QLabel("、".join(f"{r.tag} ({r.borrower})" for r in rows)))
        self.by = QLineEdit(rows[0].borrower if rows else "")
        self.pad = SignatureBox()
        self.pad.changed.connect(self.validate)
        self.add_field("returned_by", self.tr("Returned by"), self.by)
        self.add_field("signature", self.tr("Countersignature"), self.pad)

    def values(self):
        return {"by": self.by.text(), "strokes": [list(s) for s in self.pad.strokes]}

    def check(self, values):
        errors = {}
        if not values["by"].strip():
            errors["returned_by"] = DomainError("key.borrower_required")
        if not self.pad.is_signed():
            errors["signature"] = DomainError("key.signature_required")
        return errors

    def save(self, values):
        a = self.actions
        ids = [r.id for r in self.rows]
        return keys.return_keys(a.db, ids, values["by"], values["strokes"], a.user_id, a.now())


class RegisterKeyDialog(FormDialog):
    def __init__(self, actions: Actions, parent=None) -> None:
        super().__init__(
            actions.ctx.runner,
            QCoreApplication.translate("RegisterKeyDialog", "Take a key into custody"),
            parent,
        )
        self.actions = actions
        self.units: list[tuple[str, str]] = []
        self.unit = QLineEdit()
        self.unit.setPlaceholderText("3-2-1502")
        self.unit.textEdited.connect(lambda _t: self._find())
        self.found = QLabel()
        self.tag = QLineEdit()
        self.description = QLineEdit()
        self.hook = QLineEdit()
        self.undertaking = QLineEdit()
        self.allowed = QLineEdit()
        self.allowed.setPlaceholderText(self.tr("Names, separated by commas"))
        self.add_field("unit", self.tr("Unit *"), self.unit)
        self.add_row("", self.found)
        self.add_field("tag", self.tr("Tag *"), self.tag)
        self.add_row(self.tr("Description"), self.description)
        self.add_row(self.tr("Hook"), self.hook)
        self.add_row(self.tr("Custody undertaking"), self.undertaking)
        self.add_row(self.tr("May borrow"), self.allowed)

    def _find(self) -> None:
        typed = self.unit.text().strip()
        a = self.actions
        a.read(self, lambda: context.find_units(a.db, a.estate_id, typed, 3), self._units)

    def _units(self, units) -> None:
        self.units = units
        self.found.setText(units[0][1] if units else "")
        self.validate()

    def values(self):
        return {
            "unit_id": self.units[0][0] if self.units else "",
            "tag": self.tag.text(),
            "description": self.description.text(),
            "hook": self.hook.text(),
            "undertaking": self.undertaking.text(),
            "allowed": [p for p in self.allowed.text().replace("，", ",").split(",") if p.strip()],
        }

    def check(self, values):
        errors = {}
        if not values["unit_id"]:
            errors["unit"] = DomainError("key.unit_required")
        if not values["tag"].strip():
            errors["tag"] = DomainError("key.tag_required")
        return errors

    def save(self, v):
        a = self.actions
        return keys.register_key(
            a.db,
            a.estate_id,
            v["unit_id"],
            v["tag"],
            a.user_id,
            a.now(),
            description=v["description"],
            hook=v["hook"],
            undertaking_ref=v["undertaking"],
            allowed_people=v["allowed"],
        )


class KeysTab(QWidget):
    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        self.tz = "Asia/Shanghai"
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        action(
            self,
            self.tr("Take a key into custody…"),
            self.register_key,
            icon="fa5s.plus",
            toolbar=self.toolbar,
        )
        self.lend_action = action(
            self, self.tr("Lend…"), self.lend, icon="fa5s.sign-out-alt", toolbar=self.toolbar
        )
        self.return_action = action(
            self, self.tr("Return…"), self.give_back, icon="fa5s.sign-in-alt", toolbar=self.toolbar
        )
        action(self, word("lost"), lambda: self.mark("lost"), toolbar=self.toolbar)
        action(self, self.tr("Found"), lambda: self.mark("found"), toolbar=self.toolbar)
        action(
            self,
            self.tr("Given back to owner"),
            lambda: self.mark("returned_to_owner"),
            toolbar=self.toolbar,
        )
        self.toolbar.addSeparator()
        self.state_filter = QComboBox()  # every key, or those lent and not back yet
        self.state_filter.addItem(self.tr("All keys"), "")
        self.state_filter.addItem(self.tr("Not returned"), "lent")
        self.state_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.toolbar.addWidget(self.state_filter)
        self.all_rows = []  # every key: the monthly count ticks them, whatever is shown
        self.wanted: str | None = None  # a key to choose once listed (a report's row)
        self._generation = 0
        self.toolbar.addSeparator()
        action(
            self,
            self.tr("Monthly count…"),
            self.count,
            icon="fa5s.clipboard-check",
            toolbar=self.toolbar,
        )
        self.digest = QLabel()
        self.digest.setWordWrap(True)
        self.count_note = QLabel()
        self.model = RowsModel(
            [
                Column(self.tr("Tag"), lambda r, _n: r.tag),
                Column(self.tr("Unit"), lambda r, _n: r.unit),
                Column(self.tr("Key"), lambda r, _n: r.description),
                Column(self.tr("Hook"), lambda r, _n: r.hook),
                Column(
                    self.tr("State"),
                    lambda r, n: word(r.state) + (" · " + word("overdue") if r.overdue(n) else ""),
                    colour=lambda r, n: colour("overdue") if r.overdue(n) else colour(r.state),
                ),
                Column(
                    self.tr("Borrower"),
                    lambda r, _n: (
                        f"{r.borrower} {word(r.borrower_kind) if r.borrower_kind else ''}".strip()
                    ),
                ),
                Column(
                    self.tr("Back by"), lambda r, _n: formats.local_time(r.expected_back, self.tz)
                ),
                Column(self.tr("May borrow"), lambda r, _n: "、".join(r.allowed_people)),
                Column(
                    self.tr("Undertaking valid until"), lambda r, _n: formats.day(r.valid_until)
                ),
            ],
            actions.now(),
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((70, 130, 110, 60, 110, 130, 118, 160)):
            self.table.setColumnWidth(column, width)
        self.empty = QLabel(self.tr("No keys in custody yet — take one in with the first button"))
        self.empty.setProperty("role", "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.digest)
        layout.addWidget(self.count_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

    def reload(self) -> None:
        a = self.actions
        now = a.now()
        state = self.state_filter.currentData()
        self._generation += 1
        generation = self._generation
        a.read(
            self,
            lambda: (
                keys.list_keys(a.db, a.estate_id, state),
                keys.list_keys(a.db, a.estate_id) if state else None,
                keys.count_due(a.db, a.estate_id, now),
            ),
            lambda result: self._listed(result, generation),
        )
        # the day's digest is written once (the first reader of the day makes it)
        a.write(self, lambda: keys.overdue_digest(a.db, a.estate_id, now), self._digest)

    def _listed(self, result, generation: int | None = None) -> None:
        if generation is not None and generation != self._generation:
            return  # a newer list (another filter) is being read
        rows, all_rows, count_due = result
        self.all_rows = rows if all_rows is None else all_rows
        self.model.set_now(self.actions.now())
        self.model.set_rows(rows)
        if self.wanted is not None:
            found = self.model.find(self.wanted)
            if found >= 0:
                index = self.model.index(found, 0)
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
                self.wanted = None
        if self.state_filter.currentData() and self.all_rows:
            self.empty.setText(self.tr("Every key is back in the cabinet."))
        else:
            self.empty.setText(
                self.tr("No keys in custody yet — take one in with the first button")
            )
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.count_note.setText(
            self.tr("This month's cabinet count is still to do.") if count_due else ""
        )
        self.count_note.setVisible(count_due)

    def _digest(self, digest) -> None:
        if digest.keys:
            text = (
                self.tr("Overdue keys today (%1): %2")
                .replace("%1", formats.day(digest.day))
                .replace("%2", "、".join(f"{k.tag} {k.unit} {k.borrower}" for k in digest.keys))
            )
            banner("banner-error", text, self.digest)
        else:
            banner("banner-ok", self.tr("No overdue keys today."), self.digest)

    def tick(self, now) -> None:
        self.model.set_now(now)

    def show_filter(self, state: str) -> None:
        """ "lent": only the keys not returned; "": every key."""
        self.state_filter.setCurrentIndex(max(self.state_filter.findData(state), 0))

    def select_key(self, key_id: str) -> None:
        """That key chosen among every key (a report's key movement opens it)."""
        self.wanted = key_id
        if self.state_filter.currentData():
            self.show_filter("")  # reads again through the filter's signal
        else:
            self.reload()

    def chosen(self):
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r] for r in rows]

    def register_key(self) -> None:
        RegisterKeyDialog(self.actions, self).exec()

    def lend(self) -> None:
        rows = [r for r in self.chosen() if r.state == "in_cabinet"]
        if rows:
            LendDialog(self.actions, rows, self).exec()

    def give_back(self) -> None:
        rows = [r for r in self.chosen() if r.state == "lent"]
        if not rows:
            return
        dialog = ReturnDialog(self.actions, rows, self)
        if dialog.exec() and dialog.saved is not None and dialog.saved.acceptance_entry_id:
            QMessageBox.information(
                self,
                self.tr("Acceptance check"),
                self.tr(
                    "A contractor returned the key: an open item for the acceptance check of the work is in your register."
                ),
            )

    def mark(self, kind: str) -> None:
        rows = self.chosen()
        if len(rows) != 1:
            return
        a = self.actions
        now = a.now()
        a.write(self, lambda: keys.mark_key(a.db, rows[0].id, kind, a.user_id, now))

    def count(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Monthly cabinet count"))
        listing = QListWidget()
        for r in self.all_rows:
            if r.state in ("in_cabinet", "lent"):
                item = QListWidgetItem(f"{r.tag}  {r.unit}  {r.hook}")
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                item.setCheckState(Qt.CheckState.Unchecked)
                listing.addItem(item)
        note = QLabel(self.tr("Tick every key found on its hook."))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(note)
        layout.addWidget(listing)
        layout.addWidget(buttons)
        if not dialog.exec():
            return
        present = [
            listing.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(listing.count())
            if listing.item(i).checkState() == Qt.CheckState.Checked
        ]
        a = self.actions
        now = a.now()
        a.write(
            self,
            lambda: keys.record_count(a.db, a.estate_id, present, a.user_id, now),
            self._counted,
        )

    def _counted(self, result) -> None:
        missing = "、".join(result.missing) or self.tr("none")
        unexpected = "、".join(result.unexpected) or self.tr("none")
        QMessageBox.information(
            self,
            self.tr("Monthly cabinet count"),
            self.tr(
                "Matched %1. Missing from the hooks: %2. On a hook but not in the cabinet by the register: %3."
            )
            .replace("%1", str(result.matched))
            .replace("%2", missing)
            .replace("%3", unexpected),
        )
