"""The work-orders tab: filters with counts (open, overdue, due soon, no progress for 4 h,
return visits due, mine), the list with each order's deadline state in word and colour,
the selected order's clock and record, and the steps the transition table allows now."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.money import ZERO, format_yuan, parse_money
from app.domain.workorders import (
    allowed_actions,
)
from ui import formats, messages
from ui.reception.actions import Actions, paid, queries, workorders
from ui.reception.labels import colour, word
from ui.reception.model import Column, RowsModel
from ui.reception.order_dialogs import StepDialog, WorkOrderDialog
from ui.widgets.forms import action

WARN = timedelta(minutes=30)
FILTERS = ("open", "overdue", "due_soon", "chase", "visits", "mine", "all")
STEPS = (
    "dispatch",
    "accept",
    "start",
    "pause",
    "resume",
    "progress",
    "done",
    "return_visit",
    "reopen",
    "transfer",
    "recategorise",
    "return_to_desk",
    "decline",
)
ON_TOOLBAR = STEPS[:9]  # the rest are under "More"


class WorkOrdersTab(QWidget):
    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        self.tz = "Asia/Shanghai"
        self.detail = None
        self._warned: dict[str, str] = {}  # order id -> deadline state last seen
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.filter = QComboBox()
        for code in FILTERS:
            self.filter.addItem(word(code), code)
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.toolbar.addWidget(self.filter)
        self.toolbar.addSeparator()
        action(
            self,
            self.tr("New work order"),
            self.new_order,
            icon="fa5s.plus",
            toolbar=self.toolbar,
        )
        self.step_actions = {}
        more = QMenu(self)
        for step in STEPS:
            act = action(self, word(step), lambda s=step: self.do_step(s))
            self.step_actions[step] = act
            if step in ON_TOOLBAR:
                self.toolbar.addAction(act)
            else:
                more.addAction(act)
        more_button = QToolButton()
        more_button.setText(self.tr("More"))
        more_button.setMenu(more)
        self.more = more
        more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(more_button)
        self.toolbar.addSeparator()
        action(
            self,
            self.tr("Print slip"),
            self.print_slip,
            icon="fa5s.print",
            shortcut="Ctrl+P",
            toolbar=self.toolbar,
        )
        self.pdf_action = action(self, self.tr("Slip as PDF…"), lambda: self.print_slip(pdf=True))
        self.more.addSeparator()
        self.more.addAction(self.pdf_action)
        self.pay_action = action(
            self,
            self.tr("Take payment…"),
            self.take_payment,
            icon="fa5s.yen-sign",
            toolbar=self.toolbar,
        )
        self.photo_action = action(
            self, self.tr("Add photo…"), self.add_photo, icon="fa5s.camera", toolbar=self.toolbar
        )
        self.counts = QLabel()
        self.model = RowsModel(self._columns(), actions.now(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((118, 76, 86, 180, 170, 56, 118, 70, 118, 118)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.info = QTextBrowser()
        self.info.setOpenLinks(False)
        self.empty = QLabel(self.tr("No work orders here — press Ctrl+N to register a repair"))
        self.empty.setProperty("role", "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.empty)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.info)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.counts)
        layout.addWidget(self.splitter, 1)
        self._enable(None)

    def _columns(self) -> list[Column]:
        def state(r, now) -> str:
            s = r.deadline_state(now, WARN)
            text = word(r.status)
            if s:
                text += " · " + word(s)
            if r.completed_late:
                text += " · " + self.tr("completed late")
            return text

        return [
            Column(self.tr("No."), lambda r, _n: r.number),
            Column(self.tr("Unit"), lambda r, _n: r.unit_short or r.location),
            Column(self.tr("Category"), lambda r, _n: word(r.category)),
            Column(self.tr("Content"), lambda r, _n: r.content),
            Column(self.tr("State"), state, colour=lambda r, n: colour(r.deadline_state(n, WARN))),
            Column(
                self.tr("Priority"),
                lambda r, _n: word(r.priority),
                colour=lambda r, _n: colour("overdue") if r.priority == "emergency" else None,
            ),
            Column(self.tr("Due"), lambda r, _n: formats.local_time(r.next_due, self.tz)),
            Column(self.tr("Assigned to"), lambda r, _n: r.assignee_name),
            Column(self.tr("Registered"), lambda r, _n: formats.local_time(r.created_at, self.tz)),
            Column(
                self.tr("Return visit due"),
                lambda r, _n: (
                    formats.local_time(r.visit_due, self.tz) if r.status == "done" else ""
                ),
            ),
            Column(self.tr("Charge"), lambda r, _n: self.tr("Paid") if r.paid else self.tr("Free")),
        ]

    def show_filter(self, code: str) -> None:
        self.filter.setCurrentIndex(max(FILTERS.index(code), 0) if code in FILTERS else 0)

    def reload(self) -> None:
        a = self.actions
        which = self.filter.currentData()
        now = a.now()
        a.read(
            self,
            lambda: (
                queries.list_orders(a.db, a.estate_id, which, now, a.user_id),
                queries.count_orders(a.db, a.estate_id, now, a.user_id),
                queries.visit_stats(a.db, a.estate_id, now - timedelta(days=30), now),
            ),
            self._listed,
        )

    def _listed(self, result) -> None:
        rows, counts, visits = result
        selected = self.selected()
        self.model.set_now(self.actions.now())
        self.model.set_rows(rows)
        for row in rows:
            self._warned.setdefault(row.id, row.deadline_state(self.actions.now(), WARN))
        rate = "—" if visits.rate is None else f"{visits.rate:.0%}"
        visit_text = (
            self.tr("Return-visit rate (30 days) %1 (target 100%), overdue visits %2")
            .replace("%1", rate)
            .replace("%2", str(visits.overdue))
        )
        self.counts.setText(
            "   ".join(
                f"{word(k)} {counts[k]}"
                for k in ("open", "overdue", "due_soon", "chase", "visits", "mine")
            )
            + "   ·   "
            + visit_text
        )
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        if selected is not None and (row := self.model.find(selected.id)) >= 0:
            self.table.selectRow(row)
        elif rows:
            self.table.selectRow(0)
        else:
            self._selected()

    def tick(self, now) -> None:
        self.model.set_now(now)
        if self.detail is not None:
            self._show(self.detail)
        self.warn(now)

    def warn(self, now) -> list[str]:
        """Say once, in the status bar, which orders have just come within the warning
        lead or past their deadline (the list's colours and words say it all the time)."""
        fresh = []
        for row in self.model.rows:
            state = row.deadline_state(now, WARN)
            before = self._warned.get(row.id)
            if state in ("due_soon", "overdue") and state != before and before is not None:
                fresh.append(f"{row.number} {word(state)}")
            self._warned[row.id] = state
        if fresh:
            self.actions.ctx.events.status_message.emit(
                self.tr("Work orders: %1").replace("%1", "、".join(fresh[:5]))
            )
        return fresh

    def selected(self):
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _selected(self) -> None:
        row = self.selected()
        if row is None:
            self.detail = None
            self.info.clear()
            self._enable(None)
            return
        a = self.actions
        a.read(self, lambda: queries.read_order(a.db, row.id), self._show)

    def _show(self, detail) -> None:
        t_photos = self.tr("Photos")
        t = [
            self.tr("late"),
            self.tr("due"),
        ]
        self.detail = detail
        row, now = detail.row, self.actions.now()
        state = row.deadline_state(now, WARN)
        parts = [f"<h3>{escape(row.number)} · {escape(word(row.status))}"]
        if state:
            parts.append(
                f" · <span style='color:{(colour(state).name() if colour(state) else '#333')}'>{escape(word(state))}</span>"
            )
        parts.append("</h3><p>")
        parts.append(
            escape(
                f"{row.unit or row.location}  {row.contact_name}  {word(row.category)} · {word(row.priority)} · {word(row.department)}"
            )
        )
        parts.append(f"</p><p>{escape(row.content)}</p><p>")
        for d in detail.deadlines:
            due = formats.local_time(d.due, self.tz) if d.due else self.tr("clock paused")
            done = formats.local_time(d.met_at, self.tz) if d.met_at else ""
            late = f" ({t[0]})" if d.late else ""
            parts.append(escape(f"{word(d.kind)}: {t[1]} {due}  {done}{late}") + "<br>")
        if detail.state.remaining is not None and detail.state.paused_since is not None:
            hours = detail.state.remaining.total_seconds() / 3600
            parts.append(
                escape(self.tr("Clock paused; %1 h left").replace("%1", f"{hours:.1f}")) + "<br>"
            )
        if row.reopen_count:
            parts.append(
                escape(self.tr("Reopened %1 times").replace("%1", str(row.reopen_count))) + "<br>"
            )
        if detail.photos:
            parts.append(escape(t_photos + ": " + "、".join(detail.photos)) + "<br>")
        parts.append("</p><table cellpadding='2'>")
        for s in detail.steps:
            extra = word(s.data.get("outcome", "") or s.data.get("reason", "") or "")
            parts.append(
                f"<tr><td>{escape(formats.local_time(s.at, self.tz))}</td><td>{escape(word(s.kind))}</td>"
                f"<td>{escape(s.actor_name)}</td><td>{escape(' · '.join(p for p in (extra, s.note) if p))}</td></tr>"
            )
        parts.append("</table>")
        self.info.setHtml("".join(parts))
        self._enable(detail)

    def _enable(self, detail) -> None:
        allowed = set(allowed_actions(detail.row.status)) if detail else set()
        for step, act in self.step_actions.items():
            act.setEnabled(step in allowed)
        self.photo_action.setEnabled(detail is not None)
        self.pay_action.setEnabled(
            bool(detail and detail.row.paid and detail.row.status in ("done", "visited", "closed"))
        )

    # ---- actions ----

    def new_order(self) -> None:
        WorkOrderDialog(self.actions, self).exec()

    def do_step(self, step: str) -> None:
        if self.detail is None:
            return
        if step in ("accept", "start", "resume"):
            a = self.actions
            now = a.now()
            a.write(self, lambda: workorders.act(a.db, self.detail.row.id, step, a.user_id, now))
            return
        StepDialog(self.actions, self.detail.row, step, self).exec()

    def print_slip(self, pdf: bool = False) -> None:
        """The selected order's slip (派工单): a print preview, or straight to a PDF file."""
        if self.detail is None:
            return
        from ui.reception.printing import slip_html
        from ui.widgets.printing import print_preview, write_pdf

        html = slip_html(self.detail, self.actions.ctx.estate_name, self.tz)
        if pdf:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save as PDF"), f"{self.detail.row.number}.pdf", "PDF (*.pdf)"
            )
            if path:
                write_pdf(html, path)
            return
        print_preview(self, html, self.tr("Work order slip")).exec()

    def add_photo(self) -> None:
        if self.detail is None:
            return
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add photo"), "", self.tr("Pictures (*.jpg *.jpeg *.png *.heic)")
        )
        if not path:
            return
        a = self.actions
        order_id = self.detail.row.id
        now = a.now()
        a.write(self, lambda: workorders.attach_photo(a.db, order_id, path, now))

    def take_payment(self) -> None:
        if self.detail is None:
            return
        methods = [(m, word(m)) for m in paid.PAYMENT_METHODS]
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Take payment"),
            self.tr("Order %1, paid by").replace("%1", self.detail.row.number),
            [w for _m, w in methods],
            0,
            False,
        )
        if not ok:
            return
        method = next(m for m, w in methods if w == label)
        order_id, number = self.detail.row.id, self.detail.row.number
        if method != "cash":
            self._record_payment(order_id, method, None)
            return
        a = self.actions
        a.read(
            self,
            lambda: paid.billing_of(a.db, order_id),
            lambda billing: self._take_cash(order_id, number, billing),
        )

    def _take_cash(self, order_id: str, number: str, billing: paid.Billing) -> None:
        """Cash: the amount handed over is asked, and the change shown before recording."""
        due = (billing.billed or ZERO) - billing.paid
        problem = ""
        while True:
            prompt = self.tr("Order %1: %2 due. Cash tendered (¥)")
            prompt = prompt.replace("%1", number).replace("%2", formats.money(due))
            text, ok = QInputDialog.getText(
                self, self.tr("Cash tendered"), f"{problem}\n{prompt}" if problem else prompt
            )
            if not ok:
                return
            try:
                tendered = parse_money(text)
                if tendered < due:
                    raise DomainError(
                        "fees.cash.tendered_short",
                        amount=format_yuan(due),
                        tendered=format_yuan(tendered),
                    )
                break
            except DomainError as error:
                problem = messages.describe(error)
        question = (
            self.tr("Take %1 in cash: tendered %2, change %3?")
            .replace("%1", formats.money(due))
            .replace("%2", formats.money(tendered))
            .replace("%3", formats.money(tendered - due))
        )
        answer = QMessageBox.question(self, self.tr("Take payment"), question)
        if answer == QMessageBox.StandardButton.Yes:
            self._record_payment(order_id, "cash", tendered)

    def _record_payment(self, order_id: str, method: str, tendered: Decimal | None) -> None:
        a = self.actions
        now = a.now()
        payer = self.detail.row.contact_name if self.detail else ""
        # under the cashier's name, as the counter records it: the day-end closing's key
        cashier = a.ctx.user_name or a.ctx.user_login
        a.write(
            self,
            lambda: paid.take_payment(a.db, order_id, method, payer, cashier, now, tendered),
            lambda receipt: a.ctx.events.status_message.emit(
                self.tr("Receipt %1").replace("%1", receipt.receipt_no)
            ),
        )
