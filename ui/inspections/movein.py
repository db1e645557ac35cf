"""Move-in (入伙): the handover schedule (due, notified, done, second reminder) and the
step-by-step wizard for one unit with its timer against the 30-minute target. Each step
records who did it and when; a handover paused here resumes on any desk after sync."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.inspections import movein as movein_ops
from ui import messages
from ui.context import AppContext
from ui.inspections.common import fill, local, make_table, selected_key


def words(widget: QWidget) -> dict[str, str]:
    return {
        "documents": QCoreApplication.translate("MoveIn", "Documents checked"),
        "balance": QCoreApplication.translate("MoveIn", "Purchase balance confirmed"),
        "forms": QCoreApplication.translate("MoveIn", "Forms signed"),
        "fees": QCoreApplication.translate("MoveIn", "Move-in fees paid"),
        "keys": QCoreApplication.translate("MoveIn", "Keys and cards handed over"),
        "meters": QCoreApplication.translate("MoveIn", "Meter readings"),
        "inspection": QCoreApplication.translate("MoveIn", "House acceptance (一房一验)"),
        "archive": QCoreApplication.translate("MoveIn", "Owner file archived"),
        "notice": QCoreApplication.translate(
            "MoveIn", "Move-in notice with the sales office's stamp"
        ),
        "owner_id": QCoreApplication.translate("MoveIn", "Every co-owner's ID"),
        "contract": QCoreApplication.translate("MoveIn", "Purchase or loan contract"),
        "company_licence": QCoreApplication.translate("MoveIn", "Company licence (company buyer)"),
        "authorisation": QCoreApplication.translate(
            "MoveIn", "Authorisation letter and ID (entrusted person)"
        ),
        "household_register": QCoreApplication.translate("MoveIn", "Household registration form"),
        "acceptance_form": QCoreApplication.translate("MoveIn", "House acceptance form"),
        "key_undertaking": QCoreApplication.translate("MoveIn", "Key custody undertaking"),
        "items_received": QCoreApplication.translate("MoveIn", "Items-received register"),
        "fire_safety": QCoreApplication.translate("MoveIn", "Fire-safety responsibility letter"),
        "service_agreement": QCoreApplication.translate(
            "MoveIn", "Preliminary property-service agreement"
        ),
        "covenant": QCoreApplication.translate("MoveIn", "Owners' covenant"),
        "due": QCoreApplication.translate("MoveIn", "Due"),
        "notified": QCoreApplication.translate("MoveIn", "Notified"),
        "done": QCoreApplication.translate("MoveIn", "Done"),
        "second_reminder": QCoreApplication.translate("MoveIn", "Not come: remind again"),
        "reminded": QCoreApplication.translate("MoveIn", "Reminded again"),
        "under_way": QCoreApplication.translate("MoveIn", "Under way"),
        "receptionist": QCoreApplication.translate("MoveIn", "Reception"),
        "cashier": QCoreApplication.translate("MoveIn", "Cashier"),
        "engineer": QCoreApplication.translate("MoveIn", "Engineering"),
        "archivist": QCoreApplication.translate("MoveIn", "Archivist"),
        "water": QCoreApplication.translate("MoveIn", "Water (m³)"),
        "electricity": QCoreApplication.translate("MoveIn", "Electricity (kWh)"),
        "gas": QCoreApplication.translate("MoveIn", "Gas (m³)"),
    }


class MoveInWizard(QWidget):
    closed = Signal()
    inspection_wanted = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.w = words(self)
        self.view: movein_ops.MoveInView | None = None
        self.move_in_id = ""
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.timer_label = QLabel()
        self.timer_label.setStyleSheet("font-size: 18px; font-weight: 600;")
        back = QPushButton(self.tr("Back to the schedule"))
        back.clicked.connect(self.closed.emit)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.clicked.connect(self.toggle_pause)
        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(self.title, 1)
        top.addWidget(self.timer_label)
        top.addWidget(self.pause_button)
        self.steps = QListWidget()
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.forms = QStackedWidget()
        self.message = QLabel()
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.next_button = QPushButton(self.tr("Record and continue"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.record)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.forms, 1)
        rl.addWidget(self.message)
        rl.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter()
        splitter.addWidget(self.steps)
        splitter.addWidget(right)
        splitter.setSizes([380, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._build_forms()
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self._loaded_at = None

    def _build_forms(self) -> None:
        self.pages: dict[str, QWidget] = {}
        self.checks: dict[str, QCheckBox] = {}
        for key in (
            "documents",
            "balance",
            "forms",
            "fees",
            "keys",
            "meters",
            "inspection",
            "archive",
        ):
            page = QWidget()
            form = QFormLayout(page)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            form.addRow(QLabel(f"<b>{self.w[key]}</b>"))
            self.pages[key] = page
            self.forms.addWidget(page)
        self.doc_form = self.pages["documents"].layout()
        self.company = QCheckBox(self.tr("Company buyer"))
        self.entrusted = QCheckBox(self.tr("An entrusted person comes for the owner"))
        self.doc_form.addRow(self.company)
        self.doc_form.addRow(self.entrusted)
        balance = self.pages["balance"].layout()
        self.balance_ok = QCheckBox(self.tr("The sales office confirms the balance is settled"))
        self.balance_ref = QLineEdit()
        balance.addRow(self.balance_ok)
        balance.addRow(self.tr("Reference"), self.balance_ref)
        forms = self.pages["forms"].layout()
        from app.domain.movein import DEFAULT_FORMS, METERS

        for key in DEFAULT_FORMS:
            self.checks[f"form:{key}"] = QCheckBox(self.w[key])
            forms.addRow(self.checks[f"form:{key}"])
        fees = self.pages["fees"].layout()
        self.fee_label = QLabel()
        self.method = QComboBox()
        for key, text in (
            ("cash", self.tr("Cash")),
            ("wechat", self.tr("WeChat Pay")),
            ("alipay", self.tr("Alipay")),
            ("bank_card", self.tr("Bank card")),
        ):
            self.method.addItem(text, key)
        fees.addRow(self.tr("First month's management fee"), self.fee_label)
        fees.addRow(self.tr("Paid by"), self.method)
        keys = self.pages["keys"].layout()
        self.key_count = QSpinBox()
        self.cards = QSpinBox()
        self.mailbox = QSpinBox()
        for spin, value in ((self.key_count, 3), (self.cards, 2), (self.mailbox, 1)):
            spin.setRange(0, 20)
            spin.setValue(value)
        self.spare = QLineEdit()
        self.spare.setPlaceholderText(self.tr("Tag of a spare key left with the office (optional)"))
        keys.addRow(self.tr("Door keys"), self.key_count)
        keys.addRow(self.tr("IC cards"), self.cards)
        keys.addRow(self.tr("Mailbox keys"), self.mailbox)
        keys.addRow(self.tr("Spare key kept"), self.spare)
        meters = self.pages["meters"].layout()
        self.meters = {m: QLineEdit() for m in METERS}
        for m, edit in self.meters.items():
            meters.addRow(self.w[m], edit)
        inspection = self.pages["inspection"].layout()
        self.inspection_state = QLabel()
        self.open_inspection = QPushButton(self.tr("Open the house acceptance inspection"))
        self.open_inspection.clicked.connect(self.start_acceptance)
        inspection.addRow(self.inspection_state)
        inspection.addRow(self.open_inspection)
        archive = self.pages["archive"].layout()
        self.file_ref = QLineEdit()
        archive.addRow(self.tr("Owner file No."), self.file_ref)

    # ---- loading ----

    def open(self, move_in_id: str) -> None:
        self.move_in_id = move_in_id
        op = self.ctx.runner.write(
            self,
            lambda _p: movein_ops.begin(self.ctx.db, move_in_id, self.ctx.user_id, self.ctx.now()),
        )
        op.success(self.show_view).run()

    def reload(self) -> None:
        if self.move_in_id:
            op = self.ctx.runner.query(
                self,
                lambda _p: movein_ops.movein_view(self.ctx.db, self.move_in_id, self.ctx.now()),
            )
            op.success(self.show_view).run()

    def show_view(self, view: movein_ops.MoveInView) -> None:
        self.view = view
        self._loaded_at = self.ctx.now()
        self.title.setText(f"{view.unit} · {view.owner_name}")
        self.steps.clear()
        for n, step in enumerate(view.steps, 1):
            done = (
                f"✓ {step.by} {local(step.at, '%H:%M')}"
                if step.done
                else ("▶" if step.key == view.current else "")
            )
            self.steps.addItem(
                f"{n}. {self.w[step.key]} · {self.w.get(step.role, step.role)}  {done}"
            )
        if view.current:
            self.forms.setCurrentWidget(self.pages[view.current])
            self.steps.setCurrentRow([s.key for s in view.steps].index(view.current))
        self._fill_documents(view)
        self.fee_label.setText("—" if view.fee_preview is None else f"¥{view.fee_preview:,.2f}")
        state = self.tr("Not started yet")
        if view.inspection_id:
            state = self.tr("Started: finalise it, then record this step")
        self.inspection_state.setText(state)
        self.next_button.setEnabled(not view.finished and not view.paused)
        self.next_button.setText(
            self.tr("Archive and finish")
            if view.current == "archive"
            else self.tr("Record and continue")
        )
        self.pause_button.setText(self.tr("Resume") if view.paused else self.tr("Pause"))
        if view.finished:
            self.next_button.setText(self.tr("Handover finished"))
        self._tick()
        self._clock.start()

    def _fill_documents(self, view) -> None:
        for key in view.documents:
            if f"doc:{key}" not in self.checks:
                self.checks[f"doc:{key}"] = QCheckBox(self.w.get(key, key))
                self.doc_form.insertRow(1, self.checks[f"doc:{key}"])

    def _tick(self) -> None:
        if self.view is None:
            return
        elapsed = self.view.elapsed
        if (
            self._loaded_at
            and not self.view.paused
            and not self.view.finished
            and self.view.started
        ):
            elapsed += self.ctx.now() - self._loaded_at
        minutes, seconds = divmod(int(elapsed.total_seconds()), 60)
        over = elapsed.total_seconds() > 30 * 60
        word = self.tr("over the 30-minute target") if over else self.tr("of 30 minutes")
        self.timer_label.setText(f"{minutes:02d}:{seconds:02d} {word}")
        self.timer_label.setStyleSheet(
            f"font-size: 18px; font-weight: 600; color: {'#c62828' if over else '#2e7d32'};"
        )

    # ---- steps ----

    def step_data(self, step: str) -> dict:
        if step == "documents":
            applies = (["company_licence"] if self.company.isChecked() else []) + (
                ["authorisation"] if self.entrusted.isChecked() else []
            )
            checked = [
                k.split(":", 1)[1]
                for k, box in self.checks.items()
                if k.startswith("doc:") and box.isChecked()
            ]
            return {"checked": checked, "applies": applies}
        if step == "balance":
            return {
                "confirmed": self.balance_ok.isChecked(),
                "reference": self.balance_ref.text().strip(),
            }
        if step == "forms":
            return {
                "signed": [
                    k.split(":", 1)[1]
                    for k, box in self.checks.items()
                    if k.startswith("form:") and box.isChecked()
                ]
            }
        if step == "fees":
            return {"method": self.method.currentData()}
        if step == "keys":
            return {
                "keys": self.key_count.value(),
                "ic_cards": self.cards.value(),
                "mailbox_keys": self.mailbox.value(),
                "spare_tag": self.spare.text().strip(),
            }
        if step == "meters":
            return {m: e.text().strip() for m, e in self.meters.items()}
        if step == "archive":
            return {"file_ref": self.file_ref.text().strip()}
        return {}

    def record(self):
        if self.view is None or self.view.current is None:
            return None
        step = self.view.current
        if step == "balance" and not self.balance_ok.isChecked():
            self.message.setText(self.tr("Confirm the purchase balance first"))
            return None
        data = self.step_data(step)
        move_in_id = self.move_in_id
        op = self.ctx.runner.write(
            self,
            lambda _p: movein_ops.record_step(
                self.ctx.db, move_in_id, step, data, self.ctx.user_id, self.ctx.now()
            ),
        )
        op.success(self._recorded)
        op.failure(lambda e: self.message.setText(messages.describe(e)))
        return op.run()

    def _recorded(self, view) -> None:
        self.message.clear()
        self.show_view(view)

    def toggle_pause(self) -> None:
        if self.view is None:
            return
        resume = self.view.paused
        op = self.ctx.runner.write(
            self,
            lambda _p: movein_ops.pause(
                self.ctx.db, self.move_in_id, self.ctx.user_id, self.ctx.now(), resume
            ),
        )
        op.success(self.show_view).run()

    def start_acceptance(self) -> None:
        op = self.ctx.runner.write(
            self,
            lambda _p: movein_ops.start_acceptance(
                self.ctx.db, self.move_in_id, self.ctx.user_id, self.ctx.now()
            ),
        )
        op.success(self.inspection_wanted.emit)
        op.failure(lambda e: self.message.setText(messages.describe(e)))
        op.run()


class MoveInTab(QWidget):
    wizard_opened = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.w = words(self)
        self.rows = []
        self.wizard = MoveInWizard(ctx)
        self.table = make_table(
            [
                self.tr("Unit"),
                self.tr("Owner"),
                self.tr("Deadline"),
                self.tr("State"),
                self.tr("Notified"),
                self.tr("Handed over"),
            ]
        )
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.count = QLabel()
        open_button = QPushButton(self.tr("Hand over…"))
        open_button.clicked.connect(self.open_selected)
        notify = QPushButton(self.tr("Mark notified"))
        notify.clicked.connect(self.notify)
        bar = QHBoxLayout()
        bar.addWidget(self.count, 1)
        bar.addWidget(notify)
        bar.addWidget(open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        op = self.ctx.runner.query(
            self,
            lambda _p: movein_ops.handover_schedule(
                self.ctx.db, self.ctx.estate_id, self.ctx.now()
            ),
        )
        op.success(self.show_rows).run()

    def show_rows(self, rows) -> None:
        self.rows = rows
        colours = {"second_reminder": "#c62828", "done": "#2e7d32", "under_way": "#ef6c00"}
        fill(
            self.table,
            [
                [
                    r.unit,
                    r.owner_name,
                    r.deadline.isoformat(),
                    self.w.get(r.status, r.status),
                    r.notified_on.isoformat() if r.notified_on else "",
                    r.done_on.isoformat() if r.done_on else "",
                ]
                for r in rows
            ],
            [r.id for r in rows],
            [colours.get(r.status, "") for r in rows],
        )
        reminders = sum(r.status == "second_reminder" for r in rows)
        self.count.setText(
            self.tr("{n} units to hand over · {r} to remind again")
            .replace("{n}", str(sum(r.status != "done" for r in rows)))
            .replace("{r}", str(reminders))
        )

    def open_selected(self) -> None:
        key = selected_key(self.table)
        if key:
            self.wizard.open(key)
            self.wizard_opened.emit()

    def open_first_under_way(self) -> None:
        op = self.ctx.runner.query(
            self,
            lambda _p: movein_ops.handover_schedule(
                self.ctx.db, self.ctx.estate_id, self.ctx.now()
            ),
        )

        def chosen(rows):
            under_way = [r for r in rows if r.status == "under_way"]
            if under_way:
                self.wizard.open(under_way[0].id)
                self.wizard_opened.emit()

        op.success(chosen).run()

    def notify(self) -> None:
        key = selected_key(self.table)
        if key:
            op = self.ctx.runner.write(
                self, lambda _p: movein_ops.mark_notified(self.ctx.db, key, self.ctx.now().date())
            )
            op.success(lambda _r: self.reload()).run()
