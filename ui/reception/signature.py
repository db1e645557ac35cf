"""A signature pad (SignatureBox): the signer draws with the mouse or a pen; the strokes are kept as
points in a 0..1 box (small enough to sync) and drawn back the same way."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

MIN_STEP = 0.004  # of the box: closer mouse moves add nothing a reader could see


class SignatureBox(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[list[list[float]]] = []
        self.setMinimumSize(320, 110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setToolTip(self.tr("Sign here with the mouse or a pen"))

    def clear(self) -> None:
        self.strokes = []
        self.update()
        self.changed.emit()

    def is_signed(self) -> bool:
        return sum(len(s) for s in self.strokes) >= 3

    def _point(self, event: QMouseEvent) -> list[float]:
        pos = event.position()
        w, h = max(self.width(), 1), max(self.height(), 1)
        return [min(max(pos.x() / w, 0.0), 1.0), min(max(pos.y() / h, 0.0), 1.0)]

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton:
            self.strokes.append([self._point(event)])
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.strokes and event.buttons() & Qt.MouseButton.LeftButton:
            point, last = self._point(event), self.strokes[-1][-1]
            if abs(point[0] - last[0]) + abs(point[1] - last[1]) >= MIN_STEP:
                self.strokes[-1].append(point)  # fewer points, the same line
                self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.strokes:
            self.strokes[-1].append(self._point(event))
            self.update()
            self.changed.emit()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
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
        painter.setPen(QPen(QColor("#1a237e"), 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for stroke in self.strokes:
            path = QPainterPath()
            for i, (x, y) in enumerate(stroke):
                point = QPointF(x * self.width(), y * self.height())
                if i == 0:
                    path.moveTo(point)
                else:
                    path.lineTo(point)
            painter.drawPath(path)
        painter.end()
