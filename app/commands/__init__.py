"""Headless `propdesk` subcommands, one module per area; each has ``register(sub, common)``."""

from app.commands import complaints, export, fees, importing, units

EXTENSIONS = [
    units.register,
    fees.register,
    export.register,
    importing.register,
    complaints.register,
]
