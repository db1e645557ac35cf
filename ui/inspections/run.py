"""The run screen: one inspection walked item by item with the keyboard.

P / F / N answer pass, fail or not applicable and move to the next item (digits pick a
choice's option; a number is typed and Enter moves on). A fail whose item needs a note or
a photo stays put with the note field focused. Each answer is saved as it is given, on the
spot (the save takes a few milliseconds), so closing the lid or a crash loses nothing
answered. Photos are imported on the runner; finalise, sign and the report follow.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.inspections import Answer, evaluate, score
from app.services.inspections import photos as photo_ops
from app.services.inspections import run as run_ops
from app.services.inspections import signing
from ui import messages
from ui.context import AppContext
from ui.inspections.camera import camera_button
from ui.inspections.common import answer_word, local, name, status_word
from ui.inspections.signature import SignDialog
from ui.widgets.ops import show_error

KEYS = {Qt.Key.Key_P: "pass", Qt.Key.Key_F: "fail", Qt.Key.Key_N: "na"}


class RunScreen(QWidget):
    closed = Signal()
    report_wanted = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: run_ops.RunView | None = None
        self.items: list = []
        self.index = 0
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.summary = QLabel()
        self.back = QPushButton(self.tr("Back to the list"))
        self.back.clicked.connect(self.closed.emit)
        self.finalise_button = QPushButton(self.tr("Finalise"))
        self.finalise_button.setToolTip(self.tr("Finalise (Ctrl+Enter)"))
        self.finalise_button.clicked.connect(self.finalise)
        self.sign_button = QPushButton(self.tr("Sign…"))
        self.sign_button.clicked.connect(self.open_sign)
        self.report_button = QPushButton(self.tr("Report…"))
        self.report_button.clicked.connect(
            lambda: self.view and self.report_wanted.emit(self.view.header.id)
        )
        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.title, 1)
        for button in (self.finalise_button, self.sign_button, self.report_button):
            top.addWidget(button)

        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._row_changed)
        self.list.installEventFilter(self)

        self.section = QLabel()
        self.section.setProperty("role", "muted")
        self.item_name = QLabel()
        self.item_name.setWordWrap(True)
        self.item_name.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.rules = QLabel()
        self.rules.setProperty("role", "muted")
        self.current = QLabel()
        self.buttons_row = QHBoxLayout()
        self.value = QLineEdit()
        self.value.returnPressed.connect(self._typed_value)
        self.unit = QLabel()
        value_row = QHBoxLayout()
        value_row.addWidget(self.value, 1)
        value_row.addWidget(self.unit)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (what is wrong, where)"))
        self.note.returnPressed.connect(self._note_entered)
        self.add_photo_button = QPushButton(self.tr("Add photo…"))
        self.add_photo_button.setToolTip(self.tr("Add a photo from a file (Ctrl+I)"))
        self.add_photo_button.clicked.connect(self.choose_photo)
        self.photo_row = QHBoxLayout()
        self.message = QLabel()
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.help = QLabel(
            self.tr("P pass · F fail · N not applicable · 1-9 choose an option · ↑↓ move")
        )
        self.help.setProperty("role", "muted")
        right = QWidget()
        form = QVBoxLayout(right)
        form.addWidget(self.section)
        form.addWidget(self.item_name)
        form.addWidget(self.rules)
        form.addWidget(self.current)
        form.addLayout(self.buttons_row)
        form.addLayout(value_row)
        form.addWidget(QLabel(self.tr("Note")))
        form.addWidget(self.note)
        photos = QHBoxLayout()
        photos.addWidget(self.add_photo_button)
        self.camera_button = camera_button(self, self.add_photo)  # off with the reason if none
        photos.addWidget(self.camera_button)
        photos.addLayout(self.photo_row, 1)
        form.addLayout(photos)
        form.addWidget(self.message)
        form.addStretch(1)
        form.addWidget(self.help)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setSizes([360, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence("Ctrl+I"), self, self.choose_photo)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.finalise)

    # ---- loading ----

    def open(self, inspection_id: str) -> None:
        op = self.ctx.runner.query(self, lambda _p: run_ops.run_view(self.ctx.db, inspection_id))
        op.success(self.show_view).run()

    def reload(self) -> None:
        if self.view is not None:
            self.open(self.view.header.id)

    def show_view(self, view: run_ops.RunView) -> None:
        first = self.view is None or self.view.header.id != view.header.id
        self.view = view
        self.items = [(s, i) for s in view.content.sections for i in s.items]
        h = view.header
        self.title.setText(
            self.tr("{number} · {template} (version {version}) · {target}")
            .replace("{number}", h.number)
            .replace("{template}", h.template_name)
            .replace("{version}", str(h.version))
            .replace("{target}", h.target_label)
        )
        self.list.blockSignals(True)
        self.list.clear()
        for section, item in self.items:
            entry = QListWidgetItem()
            self.list.addItem(entry)
            self._label(entry, section, item)
        self.list.blockSignals(False)
        if first:
            unanswered = [
                n
                for n, (_s, i) in enumerate(self.items)
                if not view.answers.get(i.id) or not view.answers[i.id].value
            ]
            self.index = unanswered[0] if unanswered else 0
        self.list.setCurrentRow(min(self.index, len(self.items) - 1))
        self._show_item()
        self._summary()
        locked = h.status != "in_progress"
        self.finalise_button.setEnabled(not locked)
        self.sign_button.setEnabled(h.status in ("finalised", "signed"))
        self.list.setFocus()

    def _label(self, entry: QListWidgetItem, section, item) -> None:
        answer = self.view.answers.get(item.id) if self.view else None
        value = answer.value if answer else ""
        word = answer_word(value) if item.type in ("pass_fail",) or value in ("", "na") else value
        if item.type == "choice" and value and value != "na":
            option = item.option(value)
            word = name(option) if option else value
        mark = {"pass": "✓", "fail": "✗", "na": "—", "": "○"}.get(value, "●")
        photos = answer.photos if answer else 0
        extra = f"  📷{photos}" if photos else ""
        entry.setText(f"{mark} {name(item)} · {word}{extra}")

    def _summary(self) -> None:
        v = self.view
        answered = sum(
            1 for _s, i in self.items if (a := v.answers.get(i.id)) and (a.value or a.photos)
        )
        score = "—" if v.result.total is None else f"{v.result.total}%"
        text = self.tr("{answered} of {total} answered · score {score} · {status}")
        text = (
            text.replace("{answered}", str(answered))
            .replace("{total}", str(len(self.items)))
            .replace("{score}", score)
            .replace("{status}", status_word(v.header.status))
        )
        if v.result.critical_failed:
            text += " · " + self.tr("a critical item failed: the inspection fails")
        self.summary.setText(text)

    # ---- the item shown ----

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.index = row
            self._show_item()

    def current_item(self):
        return self.items[self.index][1] if self.items else None

    def _show_item(self) -> None:
        if not self.items:
            return
        section, item = self.items[self.index]
        answer = self.view.answers.get(item.id)
        self.section.setText(f"{name(section)}  ({self.index + 1}/{len(self.items)})")
        self.item_name.setText(name(item))
        rules = []
        if item.critical:
            rules.append(self.tr("Critical: a fail fails the inspection"))
        if item.photo_on_fail:
            rules.append(self.tr("photo needed on fail"))
        if item.note_on_fail:
            rules.append(self.tr("note needed on fail"))
        if item.type == "number" and (item.low is not None or item.high is not None):
            rules.append(
                f"{item.low if item.low is not None else ''} – {item.high if item.high is not None else ''} {item.unit}"
            )
        self.rules.setText(" · ".join(rules))
        while self.buttons_row.count():
            widget = self.buttons_row.takeAt(0).widget()
            if widget:
                widget.deleteLater()
        choices: list[tuple[str, str]] = []
        if item.type == "pass_fail":
            choices = [("pass", self.tr("Pass (P)")), ("fail", self.tr("Fail (F)"))]
        elif item.type == "choice":
            choices = [(o.id, f"{name(o)} ({n + 1})") for n, o in enumerate(item.options)]
        if item.type in ("pass_fail", "choice", "number", "date", "text"):
            choices.append(("na", self.tr("N/A (N)")))
        for value, text in choices:
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, v=value: self.give(v))
            self.buttons_row.addWidget(button)
        typed = item.type in ("number", "date", "text")
        self.value.setVisible(typed)
        self.unit.setVisible(typed)
        self.unit.setText(item.unit)
        self.value.setText(answer.value if answer and typed and answer.value != "na" else "")
        self.value.setPlaceholderText({"date": "YYYY-MM-DD", "number": "0.0"}.get(item.type, ""))
        self.current.setText(
            self.tr("Answer: ") + (self._word(item, answer.value) if answer else answer_word(""))
        )
        self.note.setText(answer.note if answer else "")
        self._photos(item.id)
        self.message.clear()
        if typed:
            self.value.setFocus()

    def _word(self, item, value: str) -> str:
        if item.type == "choice" and value not in ("", "na"):
            option = item.option(value)
            return name(option) if option else value
        return answer_word(value) if value in ("pass", "fail", "na", "") else value

    def _photos(self, item_id: str) -> None:
        while self.photo_row.count():
            widget = self.photo_row.takeAt(0).widget()
            if widget:
                widget.deleteLater()
        shas = [p.sha256 for p in self.view.photos if p.item_id == item_id and p.role == "evidence"]
        files = photo_ops.blob_files(shas)
        for sha in shas:
            thumb = QLabel()
            thumb.setFixedSize(72, 54)
            pixmap = QPixmap(files.get(sha, ""))
            if not pixmap.isNull():
                thumb.setPixmap(
                    pixmap.scaled(
                        72,
                        54,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            self.photo_row.addWidget(thumb)
        self.photo_row.addStretch(1)

    # ---- answering ----

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if obj is self.list and event.type() == event.Type.KeyPress and self._key(event):
            return True
        return super().eventFilter(obj, event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if not self._key(event):
            super().keyPressEvent(event)

    def _key(self, event) -> bool:
        item = self.current_item()
        if item is None or event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        key = event.key()
        if key in KEYS and (item.type == "pass_fail" or KEYS[key] == "na"):
            self.give(KEYS[key])
            return True
        if item.type == "choice" and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            n = key - Qt.Key.Key_1
            if n < len(item.options):
                self.give(item.options[n].id)
                return True
        return False

    def _typed_value(self) -> None:
        self.give(self.value.text())

    def give(self, value: str) -> None:
        """Save the answer now and move on (a fail needing a note or photo stays)."""
        item = self.current_item()
        if item is None or self.view.header.status != "in_progress":
            if self.view is not None:
                code = (
                    "inspection.signed_locked"
                    if self.view.header.status == "signed"
                    else "inspection.finalised_locked"
                )
                self.message.setText(
                    messages.describe(DomainError(code, number=self.view.header.number))
                )
            return
        try:
            saved = run_ops.answer(
                self.ctx.db,
                self.view.header.id,
                item.id,
                self.ctx.user_id,
                self.ctx.now(),
                value=value,
            )
        except Exception as error:  # a refused value: the typing stays, the reason is shown
            self.message.setText(messages.describe(error))
            return
        self._store(item.id, saved.value, None)
        failed = evaluate(item, self.view.answers[item.id]).failed
        if failed and (item.note_on_fail or item.photo_on_fail):
            self.note.setFocus()
            self.message.setText(self.tr("Failed: write a note and add a photo, then press Enter"))
            return
        self.next_item()

    def _note_entered(self) -> None:
        item = self.current_item()
        if item is None:
            return
        try:
            saved = run_ops.answer(
                self.ctx.db,
                self.view.header.id,
                item.id,
                self.ctx.user_id,
                self.ctx.now(),
                note=self.note.text(),
            )
        except Exception as error:
            self.message.setText(messages.describe(error))
            return
        self._store(item.id, None, saved.note)
        self.next_item()

    def _store(self, item_id: str, value, note) -> None:
        """Keep the saved answer in the view shown (the database already has it)."""
        old = self.view.answers.get(item_id) or Answer(item_id, "")
        new = Answer(
            item_id,
            old.value if value is None else value,
            old.note if note is None else note,
            old.photos,
        )
        answers = {**self.view.answers, item_id: new}
        self.view = run_ops.RunView(
            self.view.header,
            self.view.content,
            answers,
            self.view.photos,
            score(self.view.content, answers),
            self.view.signatures,
        )
        section, item = self.items[self.index]
        self._label(self.list.item(self.index), section, item)
        self._summary()

    def next_item(self) -> None:
        if self.index + 1 < len(self.items):
            self.list.setCurrentRow(self.index + 1)
        else:
            self._show_item()
            self.message.setText(self.tr("Last item answered. Finalise with Ctrl+Enter."))
        self.list.setFocus() if not self.value.isVisible() else None

    # ---- photos, finalise, sign ----

    def choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add a photo"), "", self.tr("Photos (*.jpg *.jpeg *.png *.heic *.bmp)")
        )
        if path:
            self.add_photo(Path(path))

    def add_photo(self, path: Path):
        item = self.current_item()
        if item is None or self.view is None:
            return None
        iid, user = self.view.header.id, self.ctx.user_id
        op = self.ctx.runner.write(
            self,
            lambda _p: photo_ops.add_photo(self.ctx.db, iid, item.id, path, user, self.ctx.now()),
        )
        op.success(lambda _photo: self.reload())
        op.failure(lambda error: self.message.setText(messages.describe(error)))
        return op.run()

    def finalise(self) -> None:
        if self.view is None or self.view.header.status != "in_progress":
            return
        iid, user = self.view.header.id, self.ctx.user_id
        op = self.ctx.runner.write(
            self, lambda _p: run_ops.finalise(self.ctx.db, iid, user, self.ctx.now())
        )
        op.success(self.show_view)
        op.failure(self._refused)
        op.run()

    def _refused(self, error) -> None:
        self.message.setText(messages.describe(error))
        item_id = getattr(error, "params", {}).get("item")
        for n, (_s, item) in enumerate(self.items):
            if item.id == item_id:
                self.list.setCurrentRow(n)
                self.message.setText(messages.describe(error))

    def open_sign(self):
        if self.view is None:
            return None
        roles = [
            ("inspector", self.tr("Inspector")),
            ("manager", self.tr("Manager")),
            ("owner", self.tr("Owner")),
        ]
        signed = {s.role for s in self.view.signatures}
        roles = [r for r in roles if r[0] not in signed] or roles
        iid = self.view.header.id

        def sign(role, signer, strokes):
            op = self.ctx.runner.write(
                self,
                lambda _p: signing.sign(self.ctx.db, iid, role, signer, strokes, self.ctx.now()),
            )
            op.finally_(self.reload)
            return op

        dialog = SignDialog(
            roles, self.ctx.user_name if roles[0][0] == "inspector" else "", sign, self
        )
        dialog.open()
        return dialog

    def local_started(self) -> str:
        return local(self.view.header.started_at) if self.view else ""

    def show_error(self, error) -> None:
        show_error(self, error)
