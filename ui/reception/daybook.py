"""The desk's day: building notices (what staff should say while they are active) and the
daily work log (工作日记) that the team lead marks reviewed with a remark."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from app.domain.errors import FieldErrors
from app.domain.reception import NOTICE_KINDS, NoticeInput, check_notice
from ui import formats
from ui.reception.actions import Actions, notices
from ui.reception.labels import word
from ui.reception.model import fill_combo, py_time, qt_time
from ui.widgets.forms import FormDialog


class NoticeDialog(FormDialog):
    def __init__(self, actions: Actions, parent=None) -> None:
        super().__init__(
            actions.ctx.runner,
            QCoreApplication.translate("NoticeDialog", "New building notice"),
            parent,
        )
        self.actions = actions
        self.kind = QComboBox()
        fill_combo(self.kind, NOTICE_KINDS)
        self.title = QLineEdit()
        self.script = QPlainTextEdit()
        self.script.setTabChangesFocus(True)
        self.script.setFixedHeight(60)
        self.buildings = QLineEdit()
        self.buildings.setPlaceholderText(self.tr("Empty: the whole estate"))
        self.starts = QDateTimeEdit(qt_time(actions.now()))
        self.ends = QDateTimeEdit(qt_time(actions.now() + timedelta(hours=8)))
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.add_field("kind", self.tr("Kind"), self.kind)
        self.add_field("title", self.tr("Title *"), self.title)
        self.add_field("script", self.tr("What staff should say *"), self.script)
        self.add_row(self.tr("Buildings (ids)"), self.buildings)
        self.add_row(self.tr("From"), self.starts)
        self.add_field("ends_at", self.tr("To"), self.ends)

    def values(self):
        return {
            "data": NoticeInput(
                self.kind.currentData(),
                self.title.text(),
                self.script.toPlainText(),
                tuple(b.strip() for b in self.buildings.text().split(",") if b.strip()),
                py_time(self.starts.dateTime()),
                py_time(self.ends.dateTime()),
            )
        }

    def check(self, values):
        try:
            check_notice(values["data"])
        except FieldErrors as error:
            return error.errors
        return {}

    def save(self, values):
        a = self.actions
        return notices.save_notice(a.db, a.estate_id, values["data"], a.user_id)


class NoticesDialog(QDialog):
    """Current and coming notices; a new one; end one."""

    def __init__(self, actions: Actions, parent=None) -> None:
        super().__init__(parent)
        self.actions = actions
        self.setWindowTitle(self.tr("Building notices"))
        self.view = QTextBrowser()
        self.rows = []
        add = QPushButton(self.tr("New notice…"))
        add.clicked.connect(self._add)
        self.end_choice = QComboBox()
        end = QPushButton(self.tr("End notice"))
        end.clicked.connect(self._end)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addStretch(1)
        buttons.addWidget(self.end_choice)
        buttons.addWidget(end)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(640, 420)
        self.reload()

    def reload(self) -> None:
        a = self.actions
        now = a.now()
        a.read(self, lambda: notices.notices(a.db, a.estate_id, now), self._show)

    def _show(self, rows) -> None:
        self.rows = rows
        self.end_choice.clear()
        parts = []
        for r in rows:
            n = r.notice
            where = "、".join(r.buildings) or self.tr("whole estate")
            state = self.tr("active") if r.active else ""
            parts.append(
                f"<p><b>{escape(word(n.kind))}: {escape(n.title)}</b> {escape(state)}<br>"
                f"{escape(formats.local_time(n.starts_at))} – {escape(formats.local_time(n.ends_at))} · {escape(where)}<br>"
                f"{escape(n.script)}</p>"
            )
            self.end_choice.addItem(n.title, n.id)
        self.view.setHtml("".join(parts) or escape(self.tr("No notices.")))

    def _add(self) -> None:
        if NoticeDialog(self.actions, self).exec():
            self.reload()

    def _end(self) -> None:
        notice_id = self.end_choice.currentData()
        if notice_id:
            a = self.actions
            a.write(self, lambda: notices.end_notice(a.db, notice_id), lambda _r: self.reload())


class WorkLogDialog(QDialog):
    """One assistant's day on one page; notes; the team lead's review."""

    def __init__(
        self,
        actions: Actions,
        parent=None,
        staff_id: str | None = None,
        day: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.actions = actions
        self.staff_id = staff_id or actions.user_id
        self.day = day or actions.now().astimezone(ZoneInfo("Asia/Shanghai")).date()
        self.page = None  # the day read (notices.WorkLogPage)
        self.setWindowTitle(self.tr("Daily work log"))
        self.view = QTextBrowser()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)
        self.notes.setPlaceholderText(self.tr("Notes of the day"))
        save = QPushButton(self.tr("Save notes"))
        save.clicked.connect(self._save)
        self.remark = QLineEdit()
        self.remark.setPlaceholderText(self.tr("Team lead's remark"))
        review = QPushButton(self.tr("Mark reviewed"))
        review.clicked.connect(self._review)
        self.error = QLabel()
        self.error.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.remark, 1)
        row.addWidget(review)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notes)
        layout.addWidget(save)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.resize(700, 520)
        self.reload()

    def reload(self) -> None:
        a = self.actions
        a.read(
            self, lambda: notices.work_log(a.db, a.estate_id, self.staff_id, self.day), self._show
        )

    def _show(self, page) -> None:
        self.page = page
        t = [
            self.tr("Reviewed"),
        ]
        parts = [
            f"<h3>{escape(page.staff_name)} · {page.day.isoformat()}</h3><table cellpadding='3'>"
        ]
        for e in reversed(page.entries):
            parts.append(
                f"<tr><td>{escape(formats.local_time(e.received_at)[11:])}</td><td>{escape(word(e.category))}</td>"
                f"<td>{escape(e.caller_name)} {escape(e.unit_short)}</td><td>{escape(e.content)}</td><td>{escape(e.answer)}</td></tr>"
            )
        parts.append("</table>")
        if page.reviewed_at:
            parts.append(
                f"<p><b>{escape(t[0])}</b> {escape(page.reviewed_by_name)} "
                f"{escape(formats.local_time(page.reviewed_at))}: {escape(page.review_remark)}</p>"
            )
        self.view.setHtml("".join(parts))
        if not self.notes.toPlainText():
            self.notes.setPlainText(page.notes)

    def _save(self) -> None:
        a = self.actions
        text = self.notes.toPlainText()
        a.write(
            self,
            lambda: notices.save_notes(a.db, a.estate_id, self.staff_id, self.day, text),
            lambda _r: self.reload(),
        )

    def _review(self) -> None:
        a = self.actions
        remark = self.remark.text()
        now = a.now()
        a.write(
            self,
            lambda: notices.review_day(
                a.db, a.estate_id, self.staff_id, self.day, a.user_id, a.ctx.role, remark, now
            ),
            lambda _r: self.reload(),
        )
