"""An empty database is offered demo data (app.services.demo), never filled silently."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from ui.context import Database
    from ui.widgets.ops import Runner

DEMO_UNITS = 2000


def offer_demo(
    db: Database,
    estate_id: str,
    runner: Runner,
    parent: QWidget | None = None,
    done: Callable[[bool], None] | None = None,
) -> bool:
    """Ask once; if the user agrees, write the demo units on the runner with progress
    (cancellable: nothing is kept then) and call ``done(written)``. Returns whether it
    started writing."""
    from app.services.demo import write_demo
    from app.services.units.operations import estate_has_units

    if estate_has_units(db, estate_id):
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
    (
        runner.write(
            parent,
            lambda progress: write_demo(db, estate_id, units=DEMO_UNITS, seed=1, progress=progress),
        )
        .with_progress(
            QCoreApplication.translate("DemoOffer", "Writing demo data…"), cancellable=True
        )
        .success(lambda _none: done and done(True))
        .failure(lambda _error: done and done(False))
        .run()
    )
    return True
