"""The signature pad (mouse, pen or touch: strokes as points in a 0..1 box) and the dialog
that signs an inspection as inspector, manager or owner."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui import messages


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[list[tuple[float, float]]] = []
        self.setMinimumSize(420, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setToolTip(self.tr("Sign here with the mouse, a pen or a finger"))

    def clear(self) -> None:
        self.strokes = []
        self.update()
        self.changed.emit()

    def is_signed(self) -> bool:
        return sum(len(s) for s in self.strokes) >= 3

    def _norm(self, pos: QPointF) -> tuple[float, float]:
        w, h = max(self.width(), 1), max(self.height(), 1)
        return (min(max(pos.x() / w, 0.0), 1.0), min(max(pos.y() / h, 0.0), 1.0))

    def _begin(self, pos: QPointF) -> None:
        self.strokes.append([self._norm(pos)])
        self.update()

    def _extend(self, pos: QPointF) -> None:
        if self.strokes:
            self.strokes[-1].append(self._norm(pos))
            self.update()

    def _end(self, pos: QPointF) -> None:
        self._extend(pos)
        self.changed.emit()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position())

    def tabletEvent(self, event) -> None:  # noqa: N802 (a pen: Qt sends tablet events)
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove and event.pressure() > 0:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()

    def event(self, event) -> bool:  # touch screens
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            points = event.points()
            if points:
                pos = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self._begin(pos)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(pos)
                else:
                    self._end(pos)
            event.accept()
            return True
        return super().event(event)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(QPen(QColor("#b0b7c0"), 1, Qt.PenStyle.DashLine))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        baseline = int(self.height() * 0.75)
        painter.drawLine(12, baseline, self.width() - 12, baseline)
        if not self.strokes:
            painter.setPen(QColor("#8a939e"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Sign here"))
        painter.setPen(QPen(QColor("#1a237e"), 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for stroke in self.strokes:
            path = QPainterPath()
            for i, (x, y) in enumerate(stroke):
                point = QPointF(x * self.width(), y * self.height())
                path.moveTo(point) if i == 0 else path.lineTo(point)
            painter.drawPath(path)
        painter.end()


class SignDialog(QDialog):
    """Who signs (role and name) and the pad; ``sign(role, signer, strokes)`` is called on
    OK and returns an operation whose failure keeps the dialog (and the drawing) open."""

    def __init__(self, roles: list[tuple[str, str]], default_name: str, sign, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign the inspection"))
        self._sign = sign
        self.role = QComboBox()
        for key, word in roles:
            self.role.addItem(word, key)
        self.signer = QLineEdit(default_name)
        self.pad = SignaturePad()
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.pad.clear)
        self.message = QLabel()
        self.message.setProperty("role", "error")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Signs as"), self.role)
        form.addRow(self.tr("Name"), self.signer)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pad)
        layout.addWidget(clear, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        if not self.pad.is_signed():
            self.message.setText(self.tr("Sign in the box first"))
            return
        op = self._sign(self.role.currentData(), self.signer.text(), list(self.pad.strokes))
        op.success(lambda _status: self.accept())
        op.failure(lambda error: self.message.setText(messages.describe(error)))
        op.run()
