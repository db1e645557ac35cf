"""Translated words for the reception codes (context "ReceptionWords"): channels,
categories, departments, work-order states and steps, key states, deadline states."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

_C = "ReceptionWords"

_WORDS = {
    # channels
    "in_person": QT_TRANSLATE_NOOP("ReceptionWords", "In person"),
    "phone": QT_TRANSLATE_NOOP("ReceptionWords", "Phone"),
    "letter": QT_TRANSLATE_NOOP("ReceptionWords", "Letter"),
    "wechat": QT_TRANSLATE_NOOP("ReceptionWords", "WeChat"),
    "other": QT_TRANSLATE_NOOP("ReceptionWords", "Other"),
    # register categories
    "consultation": QT_TRANSLATE_NOOP("ReceptionWords", "Consultation"),
    "repair": QT_TRANSLATE_NOOP("ReceptionWords", "Repair"),
    "complaint": QT_TRANSLATE_NOOP("ReceptionWords", "Complaint"),
    "suggestion": QT_TRANSLATE_NOOP("ReceptionWords", "Suggestion"),
    "key": QT_TRANSLATE_NOOP("ReceptionWords", "Key"),
    "goods_release": QT_TRANSLATE_NOOP("ReceptionWords", "Goods release"),
    "paid_service": QT_TRANSLATE_NOOP("ReceptionWords", "Paid service"),
    # departments
    "customer_service": QT_TRANSLATE_NOOP("ReceptionWords", "Customer service"),
    "engineering": QT_TRANSLATE_NOOP("ReceptionWords", "Engineering"),
    "security": QT_TRANSLATE_NOOP("ReceptionWords", "Security"),
    "cleaning": QT_TRANSLATE_NOOP("ReceptionWords", "Cleaning"),
    "landscaping": QT_TRANSLATE_NOOP("ReceptionWords", "Landscaping"),
    "control_room": QT_TRANSLATE_NOOP("ReceptionWords", "Control room"),
    "finance": QT_TRANSLATE_NOOP("ReceptionWords", "Finance"),
    "estate_office": QT_TRANSLATE_NOOP("ReceptionWords", "Estate office"),
    # work-order categories
    "water_leak": QT_TRANSLATE_NOOP("ReceptionWords", "Water leak"),
    "power_cut": QT_TRANSLATE_NOOP("ReceptionWords", "Power cut"),
    "lift_entrapment": QT_TRANSLATE_NOOP("ReceptionWords", "Lift entrapment"),
    "gas": QT_TRANSLATE_NOOP("ReceptionWords", "Gas"),
    "plumbing": QT_TRANSLATE_NOOP("ReceptionWords", "Plumbing"),
    "electrical": QT_TRANSLATE_NOOP("ReceptionWords", "Electrical"),
    "doors_windows": QT_TRANSLATE_NOOP("ReceptionWords", "Doors and windows"),
    "walls_floors": QT_TRANSLATE_NOOP("ReceptionWords", "Walls and floors"),
    "fire_safety": QT_TRANSLATE_NOOP("ReceptionWords", "Fire safety"),
    "public_facilities": QT_TRANSLATE_NOOP("ReceptionWords", "Public facilities"),
    "appliance": QT_TRANSLATE_NOOP("ReceptionWords", "Lighting and fittings"),
    # priorities
    "emergency": QT_TRANSLATE_NOOP("ReceptionWords", "Emergency"),
    "normal": QT_TRANSLATE_NOOP("ReceptionWords", "Normal"),
    # work-order states
    "registered": QT_TRANSLATE_NOOP("ReceptionWords", "Registered"),
    "dispatched": QT_TRANSLATE_NOOP("ReceptionWords", "Dispatched"),
    "accepted": QT_TRANSLATE_NOOP("ReceptionWords", "Accepted"),
    "in_progress": QT_TRANSLATE_NOOP("ReceptionWords", "In progress"),
    "waiting_parts": QT_TRANSLATE_NOOP("ReceptionWords", "Waiting for parts"),
    "waiting_owner": QT_TRANSLATE_NOOP("ReceptionWords", "Waiting for owner"),
    "returned": QT_TRANSLATE_NOOP("ReceptionWords", "Returned to desk"),
    "done": QT_TRANSLATE_NOOP("ReceptionWords", "Done"),
    "visited": QT_TRANSLATE_NOOP("ReceptionWords", "Return visit made"),
    "closed": QT_TRANSLATE_NOOP("ReceptionWords", "Closed"),
    "declined": QT_TRANSLATE_NOOP("ReceptionWords", "Declined"),
    # steps
    "dispatch": QT_TRANSLATE_NOOP("ReceptionWords", "Dispatch"),
    "transfer": QT_TRANSLATE_NOOP("ReceptionWords", "Transfer"),
    "accept": QT_TRANSLATE_NOOP("ReceptionWords", "Accept"),
    "start": QT_TRANSLATE_NOOP("ReceptionWords", "Start work"),
    "pause": QT_TRANSLATE_NOOP("ReceptionWords", "Pause"),
    "resume": QT_TRANSLATE_NOOP("ReceptionWords", "Resume"),
    "return_to_desk": QT_TRANSLATE_NOOP("ReceptionWords", "Return to desk"),
    "decline": QT_TRANSLATE_NOOP("ReceptionWords", "Decline"),
    "progress": QT_TRANSLATE_NOOP("ReceptionWords", "Progress note"),
    "recategorise": QT_TRANSLATE_NOOP("ReceptionWords", "Change category"),
    "return_visit": QT_TRANSLATE_NOOP("ReceptionWords", "Return visit"),
    "close": QT_TRANSLATE_NOOP("ReceptionWords", "Close"),
    "reopen": QT_TRANSLATE_NOOP("ReceptionWords", "Reopen"),
    # return-visit outcomes
    "satisfied": QT_TRANSLATE_NOOP("ReceptionWords", "Satisfied"),
    "not_satisfied": QT_TRANSLATE_NOOP("ReceptionWords", "Not satisfied"),
    "unreachable": QT_TRANSLATE_NOOP("ReceptionWords", "Unreachable"),
    # deadlines
    "respond": QT_TRANSLATE_NOOP("ReceptionWords", "On site"),
    "resolve": QT_TRANSLATE_NOOP("ReceptionWords", "Completed"),
    "on_time": QT_TRANSLATE_NOOP("ReceptionWords", "On time"),
    "due_soon": QT_TRANSLATE_NOOP("ReceptionWords", "Due soon"),
    "overdue": QT_TRANSLATE_NOOP("ReceptionWords", "Overdue"),
    "paused": QT_TRANSLATE_NOOP("ReceptionWords", "Clock paused"),
    # key states and borrowers
    "in_cabinet": QT_TRANSLATE_NOOP("ReceptionWords", "In cabinet"),
    "lent": QT_TRANSLATE_NOOP("ReceptionWords", "Lent"),
    "lost": QT_TRANSLATE_NOOP("ReceptionWords", "Lost"),
    "owner": QT_TRANSLATE_NOOP("ReceptionWords", "Owner"),
    "authorised": QT_TRANSLATE_NOOP("ReceptionWords", "Authorised person"),
    "contractor": QT_TRANSLATE_NOOP("ReceptionWords", "Contractor"),
    "id_card": QT_TRANSLATE_NOOP("ReceptionWords", "ID card"),
    "owner_call": QT_TRANSLATE_NOOP("ReceptionWords", "Confirmed by phone with the owner"),
    "authorisation_letter": QT_TRANSLATE_NOOP("ReceptionWords", "Authorisation letter"),
    "site_lead": QT_TRANSLATE_NOOP("ReceptionWords", "Through the site lead"),
    "known": QT_TRANSLATE_NOOP("ReceptionWords", "Known to the desk"),
    "passport": QT_TRANSLATE_NOOP("ReceptionWords", "Passport"),
    "driving_licence": QT_TRANSLATE_NOOP("ReceptionWords", "Driving licence"),
    # notices
    "water_cut": QT_TRANSLATE_NOOP("ReceptionWords", "Water cut"),
    "lift_out": QT_TRANSLATE_NOOP("ReceptionWords", "Lift out of service"),
    "gas_cut": QT_TRANSLATE_NOOP("ReceptionWords", "Gas cut"),
    "works": QT_TRANSLATE_NOOP("ReceptionWords", "Works"),
    # things in the caller context
    "work_order": QT_TRANSLATE_NOOP("ReceptionWords", "Work order"),
    "received": QT_TRANSLATE_NOOP("ReceptionWords", "Received"),
    "processing": QT_TRANSLATE_NOOP("ReceptionWords", "Processing"),
    "resolved": QT_TRANSLATE_NOOP("ReceptionWords", "Resolved"),
    "informed": QT_TRANSLATE_NOOP("ReceptionWords", "Resident informed"),
    # payment methods
    "cash": QT_TRANSLATE_NOOP("ReceptionWords", "Cash"),
    "alipay": QT_TRANSLATE_NOOP("ReceptionWords", "Alipay"),
    "bank_card": QT_TRANSLATE_NOOP("ReceptionWords", "Bank card"),
    "bank_transfer": QT_TRANSLATE_NOOP("ReceptionWords", "Bank transfer"),
    # filters
    "open": QT_TRANSLATE_NOOP("ReceptionWords", "Open"),
    "chase": QT_TRANSLATE_NOOP("ReceptionWords", "No progress for 4 h"),
    "visits": QT_TRANSLATE_NOOP("ReceptionWords", "Return visits due"),
    "mine": QT_TRANSLATE_NOOP("ReceptionWords", "Mine"),
    "all": QT_TRANSLATE_NOOP("ReceptionWords", "All"),
}

_COLOURS = {
    "overdue": "#c62828",
    "due_soon": "#e65100",
    "paused": "#6a1b9a",
    "on_time": "#2e7d32",
    "lent": "#e65100",
    "lost": "#c62828",
}


def word(code: str) -> str:
    text = _WORDS.get(code)
    return QCoreApplication.translate(_C, text) if text else code


def colour(code: str) -> QColor | None:
    value = _COLOURS.get(code)
    return QColor(value) if value else None


def choices(codes) -> list[tuple[str, str]]:
    """(code, word) pairs for a combo box."""
    return [(code, word(code)) for code in codes]
