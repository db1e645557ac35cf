"""Fees: the schedule, billing runs, the counter, deposits, reminders and reports.

One module per job:

- ``schedule``: the estate's rates, its billing rules, parking spaces;
- ``billing_run``: issuing a month's bills, shared costs, the renovation fee, credits;
- ``account``: a unit's account as the counter shows it, receipts, finding a unit;
- ``counter``: payments, reversals, refunds of a credit, corrections of a bill line;
- ``deposits``: deposits taken, held and refunded;
- ``reminders``: who is due a reminder on the 10th and the 25th, and the reminder log;
- ``reports``: arrears, the collection rate, the bills of a month and their export;
- ``demo``: demo fees for a demo estate.

Public functions take the ``Database`` (or ids and plain values), open and commit their
own unit of work, and return frozen dataclasses or named tuples. Functions named
``*_in`` work inside a caller's session (the demo, tests, other services). Refusals are
``DomainError`` codes (``FieldErrors`` for forms); ``ui.messages.fees`` words them.
"""
