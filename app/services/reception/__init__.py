"""The reception desk's operations (前台接待), one module per job:

- ``register``: the customer-service register, open items, referrals, conversions;
- ``context``: the caller's context from a phone number or room code;
- ``notices``: building notices and the daily work log with its review;
- ``workorders``: work orders, the transition table's steps, dispatch, the status cache;
- ``queries``: work-order lists and filters, details, return visits and their rate;
- ``paid``: paid repairs billed to the unit's account, with a receipt;
- ``visitors``: visitors and goods release slips;
- ``keys``: key custody, signatures, the daily overdue digest, the monthly count;
- ``demo``: demo rows for every list.

Each operation takes the ``Database`` and plain values, owns its unit of work and returns
frozen dataclasses.
"""
