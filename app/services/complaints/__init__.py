"""Complaints: operations for the screens and the command line, one module per job.

- ``intake``: record a complaint (header, "received" event, repeat link, attachments);
  the resident lookup of the form.
- ``workflow``: the steps after it, and the automatic escalation to major.
- ``status``: the derived status cache (``complaint_status``) the lists read.
- ``search``: the list's search and filters as SQL conditions.
- ``queries``: the list (count and pages) and the complaints of a reception record.
- ``detail``: one complaint with its state and timeline.
- ``attachments``: files in the one blob store, and their rows.
- ``rules``: the estate's complaint rules.
- ``stats``: the weekly statistics and their workbook.

Operations take the ``Database`` and ids or plain values, open and commit their own unit
of work and return frozen values. The functions taking a ``Session`` are the building
blocks (used by the demo data, benches and tests that compose several in one session).
"""

from app.services.complaints.attachments import AttachmentView, add_attachment, attach
from app.services.complaints.detail import ComplaintDetail, EventView, read_complaint, unit_name
from app.services.complaints.intake import (
    Recorded,
    ResidentMatch,
    create_complaint,
    find_repeat_of,
    lookup_residents,
    record_complaint,
    repeat_number,
)
from app.services.complaints.queries import (
    ComplaintRow,
    LinkedComplaint,
    complaints_for_reception,
    count,
    count_complaints,
    page_complaints,
    read_page,
)
from app.services.complaints.rules import change_rules, load_rules, read_rules, save_rules
from app.services.complaints.search import ComplaintQuery
from app.services.complaints.status import complaint_state, events_of, refresh_status
from app.services.complaints.workflow import (
    StepRecorded,
    add_event,
    escalate_overdue,
    record_step,
    run_escalations,
)

__all__ = [
    "AttachmentView",
    "ComplaintDetail",
    "ComplaintQuery",
    "ComplaintRow",
    "EventView",
    "LinkedComplaint",
    "Recorded",
    "ResidentMatch",
    "StepRecorded",
    "add_attachment",
    "add_event",
    "attach",
    "change_rules",
    "complaint_state",
    "complaints_for_reception",
    "count",
    "count_complaints",
    "create_complaint",
    "escalate_overdue",
    "events_of",
    "find_repeat_of",
    "load_rules",
    "lookup_residents",
    "page_complaints",
    "read_complaint",
    "read_page",
    "read_rules",
    "record_complaint",
    "record_step",
    "refresh_status",
    "repeat_number",
    "run_escalations",
    "save_rules",
    "unit_name",
]
