"""An empty database is offered demo data (app.services.demo), never filled silently."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.store.db import Database
from ui.widgets.work import run_busy

DEMO_UNITS = 2000


def demo_filler():
    """``fill_demo`` of app.services.demo, or None while that module is not there."""
    try:
        from app.services.demo import fill_demo
    except ImportError:
        return None
    return fill_demo


def database_has_units(db: Database, estate_id: str) -> bool:
    from app.services.units import UnitQuery, page_units

    with db.session() as s:
        return bool(page_units(s, UnitQuery(estate_id=estate_id), 0, 1))


def offer_demo(db: Database, estate_id: str, parent: QWidget | None = None) -> bool:
    """Ask once; returns True when demo units were written."""
    fill_demo = demo_filler()
    if fill_demo is None or database_has_units(db, estate_id):
        return False
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("DemoOffer", "Demo data"),
        QCoreApplication.translate(
            "DemoOffer",
            "The estate has no units yet. Fill it with demo data (%1 units with residents) "
            "to try PropDesk out?",
        ).replace("%1", f"{DEMO_UNITS:,}"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False

    def fill() -> None:
        with db.session() as s:
            fill_demo(s, estate_id, units=DEMO_UNITS, seed=1)

    run_busy(parent, QCoreApplication.translate("DemoOffer", "Writing demo data…"), fill)
    return True
