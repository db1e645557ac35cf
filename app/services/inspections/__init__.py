"""Inspections (品质检查 / 一房一验) and move-in (入伙): operations over templates, schedules,
walk-throughs, photos, signatures, corrective actions, reports and the handover wizard.

Importing the package installs the sign lock on incoming sync pages (``signing``).
"""

from app.services.inspections.signing import install_lock

install_lock()
