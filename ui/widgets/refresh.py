"""Screens that read the database refresh when they are seen, not while they are hidden.

A tab of the Fees page built at start-up, or told of every payment while the cashier
works on another tab, would otherwise run its report each time (a second or more at
20,000 units) for nobody to see.
"""

from __future__ import annotations


class RefreshWhenShown:
    """Mix in before QWidget; the class provides ``refresh()``. Starts stale."""

    _stale = True

    def refresh_soon(self) -> None:
        """Refresh now if on screen, else at the next show."""
        if self.isVisible():
            self._stale = False
            self.refresh()
        else:
            self._stale = True

    def ensure_fresh(self) -> None:
        """Before using the rows off screen (export, print): read them if stale."""
        if self._stale:
            self._stale = False
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.ensure_fresh()
