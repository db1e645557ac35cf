"""The sidebar's pages, in order. Each area registers its screen here with one line.

``factory`` is "module:Class", imported when the page is first shown (so start-up stays
fast); the class is built as ``Class(ctx: AppContext, parent)``. ``None`` means the module
is not built yet and the page says so plainly.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    key: str  # also the name `propdesk snapshot KEY` takes
    title: str  # English source text; translated in the "Pages" context
    icon: str  # ui.widgets.icons name, e.g. "fa5s.building"
    factory: str | None


PAGES: list[PageSpec] = [
    PageSpec("dashboard", "Home", "fa5s.home", "ui.dashboard.page:DashboardPage"),
    PageSpec("reception", "Reception", "fa5s.concierge-bell", "ui.reception.page:ReceptionPage"),
    PageSpec(
        "complaints", "Complaints", "fa5s.exclamation-circle", "ui.complaints.page:ComplaintsPage"
    ),
    PageSpec(
        "inspections",
        "Inspections",
        "fa5s.clipboard-check",
        "ui.inspections.page:InspectionsPage",
    ),
    PageSpec("fees", "Fees", "fa5s.yen-sign", "ui.fees.page:FeesPage"),
    PageSpec("units", "Units & Residents", "fa5s.building", "ui.units.page:UnitsPage"),
    PageSpec("reports", "Reports", "fa5s.chart-bar", "ui.reports.page:ReportsPage"),
    PageSpec("sync", "Sync", "fa5s.sync-alt", "ui.sync_page.page:SyncPage"),
    PageSpec("audit", "Audit trail", "fa5s.history", "ui.audit.page:AuditPage"),
    PageSpec("settings", "Settings", "fa5s.cog", "ui.settings.page:SettingsPage"),
]

# Extra snapshot names: a page plus the view it shows, e.g. "complaint-stats" is the
# complaints page after calling ``page.show_view("stats")``.
SNAPSHOT_VIEWS: dict[str, tuple[str, str]] = {}
SNAPSHOT_VIEWS["complaint-stats"] = ("complaints", "stats")
SNAPSHOT_VIEWS.update(
    {f"fees-{v}": ("fees", v) for v in ("bills", "arrears", "collection", "reminders", "schedule")}
)

SNAPSHOT_VIEWS.update({v: ("reception", v) for v in ("workorders", "visitors", "keys")})
SNAPSHOT_VIEWS["conflicts"] = ("sync", "conflicts")  # the conflicts to settle
# a bill two desks issued differently, at the counter: the kept amount and the other one
SNAPSHOT_VIEWS["fees-conflicts"] = ("fees", "conflicts")
SNAPSHOT_VIEWS.update(
    {
        "inspection-run": ("inspections", "run"),
        "quality-report": ("inspections", "quality-report"),
        "movein": ("inspections", "movein-wizard"),
    }
)

# Group boxes other areas add to the Settings page, in order: "module:function" building
# ``function(ctx, parent)`` (imported when Settings is first shown).
SETTINGS_SECTIONS: list[str] = ["ui.reception.rules:workorder_rules_box"]
SETTINGS_SECTIONS.append("ui.shell.backups:backups_box")  # backups of the local database
SETTINGS_SECTIONS.append("ui.fees.counter_settings:counter_settings_box")  # receipt paper, cash
SETTINGS_SECTIONS.append("ui.settings.permissions:permissions_box")  # matrix and log-in rules
SNAPSHOT_VIEWS["permissions"] = ("settings", "permissions")
SETTINGS_SECTIONS.append("ui.settings.holidays:holidays_box")  # national holidays (调休) by year
