"""Translated words for the codes of app.domain.complaints (context "ComplaintLabels")."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

_C = "ComplaintLabels"

_WORDS = {
    # severity
    "major": QT_TRANSLATE_NOOP("ComplaintLabels", "Major"),
    "important": QT_TRANSLATE_NOOP("ComplaintLabels", "Important"),
    "minor": QT_TRANSLATE_NOOP("ComplaintLabels", "Minor"),
    "A": QT_TRANSLATE_NOOP("ComplaintLabels", "Class A"),
    "B": QT_TRANSLATE_NOOP("ComplaintLabels", "Class B"),
    # channels
    "in_person": QT_TRANSLATE_NOOP("ComplaintLabels", "In person"),
    "phone": QT_TRANSLATE_NOOP("ComplaintLabels", "Phone"),
    "letter": QT_TRANSLATE_NOOP("ComplaintLabels", "Letter"),
    "other": QT_TRANSLATE_NOOP("ComplaintLabels", "Other"),
    # scope
    "property": QT_TRANSLATE_NOOP("ComplaintLabels", "Property service"),
    "non_property": QT_TRANSLATE_NOOP("ComplaintLabels", "Non-property"),
    # categories
    "repair": QT_TRANSLATE_NOOP("ComplaintLabels", "Repairs"),
    "cleaning": QT_TRANSLATE_NOOP("ComplaintLabels", "Cleaning"),
    "security": QT_TRANSLATE_NOOP("ComplaintLabels", "Security"),
    "noise": QT_TRANSLATE_NOOP("ComplaintLabels", "Noise"),
    "parking": QT_TRANSLATE_NOOP("ComplaintLabels", "Parking"),
    "fees": QT_TRANSLATE_NOOP("ComplaintLabels", "Fees"),
    "attitude": QT_TRANSLATE_NOOP("ComplaintLabels", "Staff attitude"),
    "landscaping": QT_TRANSLATE_NOOP("ComplaintLabels", "Landscaping"),
    "facilities": QT_TRANSLATE_NOOP("ComplaintLabels", "Facilities"),
    "builder_defect": QT_TRANSLATE_NOOP("ComplaintLabels", "Builder defect"),
    # departments
    "customer_service": QT_TRANSLATE_NOOP("ComplaintLabels", "Customer service"),
    "engineering": QT_TRANSLATE_NOOP("ComplaintLabels", "Engineering"),
    "control_room": QT_TRANSLATE_NOOP("ComplaintLabels", "Control room"),
    "finance": QT_TRANSLATE_NOOP("ComplaintLabels", "Finance"),
    "estate_office": QT_TRANSLATE_NOOP("ComplaintLabels", "Estate office"),
    "unassigned": QT_TRANSLATE_NOOP("ComplaintLabels", "Unassigned"),
    # statuses
    "received": QT_TRANSLATE_NOOP("ComplaintLabels", "Received"),
    "dispatched": QT_TRANSLATE_NOOP("ComplaintLabels", "Dispatched"),
    "processing": QT_TRANSLATE_NOOP("ComplaintLabels", "Processing"),
    "resolved": QT_TRANSLATE_NOOP("ComplaintLabels", "Resolved"),
    "informed": QT_TRANSLATE_NOOP("ComplaintLabels", "Resident informed"),
    "visited": QT_TRANSLATE_NOOP("ComplaintLabels", "Return visit done"),
    "closed": QT_TRANSLATE_NOOP("ComplaintLabels", "Closed"),
    # deadline kinds
    "dispatch": QT_TRANSLATE_NOOP("ComplaintLabels", "Dispatch to department"),
    "report_director": QT_TRANSLATE_NOOP("ComplaintLabels", "Report to director"),
    "handover_supervisor": QT_TRANSLATE_NOOP("ComplaintLabels", "Hand over to supervisor"),
    "answer": QT_TRANSLATE_NOOP("ComplaintLabels", "Clear answer"),
    "resolve": QT_TRANSLATE_NOOP("ComplaintLabels", "Resolution"),
    "inform": QT_TRANSLATE_NOOP("ComplaintLabels", "Inform resident"),
    "return_visit": QT_TRANSLATE_NOOP("ComplaintLabels", "Return visit"),
    # deadline states
    "on_time": QT_TRANSLATE_NOOP("ComplaintLabels", "On time"),
    "due_soon": QT_TRANSLATE_NOOP("ComplaintLabels", "Due within 2 h"),
    "overdue": QT_TRANSLATE_NOOP("ComplaintLabels", "Overdue"),
    "done": QT_TRANSLATE_NOOP("ComplaintLabels", "Done"),
    # satisfaction
    "very_satisfied": QT_TRANSLATE_NOOP("ComplaintLabels", "Very satisfied"),
    "satisfied": QT_TRANSLATE_NOOP("ComplaintLabels", "Satisfied"),
    "neutral": QT_TRANSLATE_NOOP("ComplaintLabels", "Neutral"),
    "dissatisfied": QT_TRANSLATE_NOOP("ComplaintLabels", "Dissatisfied"),
    # roles that appear as "who acts next"
    "department": QT_TRANSLATE_NOOP("ComplaintLabels", "Department"),
    "team_lead": QT_TRANSLATE_NOOP("ComplaintLabels", "Team lead"),
    "supervisor": QT_TRANSLATE_NOOP("ComplaintLabels", "Supervisor"),
    "director": QT_TRANSLATE_NOOP("ComplaintLabels", "Director"),
    "receptionist": QT_TRANSLATE_NOOP("ComplaintLabels", "Receptionist"),
}

# Event kinds, as they read in the timeline.
_EVENTS = {
    "received": QT_TRANSLATE_NOOP("ComplaintLabels", "Received"),
    "dispatched": QT_TRANSLATE_NOOP("ComplaintLabels", "Dispatched to department"),
    "signed": QT_TRANSLATE_NOOP("ComplaintLabels", "Department signed for it"),
    "progress": QT_TRANSLATE_NOOP("ComplaintLabels", "Progress note"),
    "escalated": QT_TRANSLATE_NOOP("ComplaintLabels", "Escalated"),
    "extension_requested": QT_TRANSLATE_NOOP("ComplaintLabels", "Extension requested"),
    "extension_approved": QT_TRANSLATE_NOOP("ComplaintLabels", "Extension approved"),
    "resolved": QT_TRANSLATE_NOOP("ComplaintLabels", "Resolved"),
    "informed": QT_TRANSLATE_NOOP("ComplaintLabels", "Resident informed"),
    "return_visit": QT_TRANSLATE_NOOP("ComplaintLabels", "Return visit"),
    "closed": QT_TRANSLATE_NOOP("ComplaintLabels", "Closed"),
    "reopened": QT_TRANSLATE_NOOP("ComplaintLabels", "Reopened"),
    "auto_major": QT_TRANSLATE_NOOP("ComplaintLabels", "Became major (unresolved after one month)"),
}

# Words for the statistics table and the XLSX export.
_REPORT = [
    QT_TRANSLATE_NOOP("ComplaintLabels", "Weekly statistics"),
    QT_TRANSLATE_NOOP("ComplaintLabels", "Weekly complaint statistics"),
    QT_TRANSLATE_NOOP("ComplaintLabels", "Total"),
    QT_TRANSLATE_NOOP("ComplaintLabels", "Valid"),
    QT_TRANSLATE_NOOP("ComplaintLabels", "Invalid"),
    QT_TRANSLATE_NOOP("ComplaintLabels", "Still open"),
    QT_TRANSLATE_NOOP("ComplaintLabels", "Repeat complaints"),
    QT_TRANSLATE_NOOP("ComplaintLabels", "Average hours to resolve"),
    QT_TRANSLATE_NOOP("ComplaintLabels", "By category"),
    QT_TRANSLATE_NOOP("ComplaintLabels", "By severity"),
    QT_TRANSLATE_NOOP("ComplaintLabels", "By department"),
    QT_TRANSLATE_NOOP("ComplaintLabels", "By channel"),
    QT_TRANSLATE_NOOP("ComplaintLabels", "By scope"),
    QT_TRANSLATE_NOOP("ComplaintLabels", "Satisfaction"),
    QT_TRANSLATE_NOOP("ComplaintLabels", "Count"),
    QT_TRANSLATE_NOOP("ComplaintLabels", "On-time rate"),
    QT_TRANSLATE_NOOP("ComplaintLabels", "Met"),
    QT_TRANSLATE_NOOP("ComplaintLabels", "Due"),
    QT_TRANSLATE_NOOP("ComplaintLabels", "Rate"),
]

DEADLINE_COLOURS = {
    "overdue": QColor("#c62828"),
    "due_soon": QColor("#b26a00"),
    "on_time": QColor("#2e7d32"),
    "done": QColor("#6b7580"),
}


def word(code: str) -> str:
    text = _WORDS.get(code)
    return QCoreApplication.translate(_C, text) if text else code


def event_word(kind: str) -> str:
    text = _EVENTS.get(kind)
    return QCoreApplication.translate(_C, text) if text else kind


def report_labels() -> dict[str, str]:
    """Every code and report heading in the current language, for the XLSX export."""
    labels = {code: QCoreApplication.translate(_C, text) for code, text in _WORDS.items()}
    labels.update({text: QCoreApplication.translate(_C, text) for text in _REPORT})
    return labels
