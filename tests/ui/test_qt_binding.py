"""The installed Qt binding keeps Python's reference counts straight.

PySide6 6.12.0 under Python 3.11 returns None from void methods without taking a reference
to it; each call then drops one, and after some thousands of calls (a morning at the desk,
or the test suite) Python aborts with "deallocating None". pyproject.toml excludes it.
"""

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex
from PySide6.QtWidgets import QLabel


class EmptyModel(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt's name)
        return 0

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 (Qt's name)
        return 1


def test_void_qt_calls_leave_the_reference_count_of_none_alone(qapp):
    model, label = EmptyModel(), QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        model.beginResetModel()
        model.endResetModel()
        label.setVisible(False)
        label.setText("阳光花园")
    assert abs(sys.getrefcount(None) - before) < 100  # a broken binding loses 8,000
