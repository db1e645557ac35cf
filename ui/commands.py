"""`propdesk gui` and `propdesk snapshot`: the commands that need Qt."""

from __future__ import annotations

import argparse
import sys


def register(sub, common) -> None:
    gui = sub.add_parser("gui", parents=[common], help="open the desktop application (default)")
    gui.add_argument(
        "--lang", choices=["zh_CN", "en"], help="language (default: Settings, else the system's)"
    )
    gui.add_argument("--page", help="open on this sidebar page (units, complaints, fees, ...)")
    # bench/startup.py: log in as the first admin, print the first paint's time, quit
    gui.add_argument("--first-paint-exit", action="store_true", help=argparse.SUPPRESS)
    gui.set_defaults(handler=run_gui)

    snap = sub.add_parser(
        "snapshot", parents=[common], help="render a page of the main window to a PNG, offscreen"
    )
    snap.add_argument("page", help="a sidebar page (units, settings, ...) or a snapshot view")
    snap.add_argument("--out", required=True, help="PNG file to write")
    snap.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")
    snap.add_argument(
        "--size", default="1280x800", help="WIDTHxHEIGHT in pixels (default 1280x800)"
    )
    snap.set_defaults(handler=run_snapshot)


def run_gui(args) -> int:
    from app.cli import db_path
    from ui.app import run

    return run(
        db_path(args), args.lang, first_paint_exit=args.first_paint_exit, start_page=args.page
    )


def snapshot_names() -> list[str]:
    from ui.pages import PAGES, SNAPSHOT_VIEWS

    return [p.key for p in PAGES] + sorted(SNAPSHOT_VIEWS)


def run_snapshot(args) -> int:
    from app.cli import db_path, fail

    names = snapshot_names()
    if args.page not in names:
        return fail(f"unknown page {args.page!r}; one of: {', '.join(names)}")
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
        if width < 320 or height < 240:
            raise ValueError
    except ValueError:
        return fail(
            f"--size wants WIDTHxHEIGHT of at least 320x240, e.g. 1280x800, not {args.size!r}"
        )

    from ui.app import offscreen_if_headless

    offscreen_if_headless()
    from ui.app import make_application, open_database

    app_alive_while_rendering = make_application(args.lang)  # noqa: F841
    path = db_path(args)
    db = open_database(path)
    from ui.shell.signin import rendering_context

    ctx = rendering_context(db)
    if ctx is None:
        from app.services.status import NO_ESTATE_ENROLLED, sync_summary

        if sync_summary(db).server_url:  # enrolled: the estate comes with the first sync
            return fail(f"{path} has no estate yet; {NO_ESTATE_ENROLLED}")
        return fail(f"{path} has no estate yet; run `propdesk demo` or start PropDesk once")
    broken: list[str] = []
    out = render_page(ctx, args.page, width, height, broken)
    if not out.save(str(args.out)):
        return fail(f"could not write {args.out}")
    print(f"{args.out}\t{out.width()}x{out.height()}", file=sys.stdout)
    db.close()
    if broken:  # a page that raised while opening (e.g. a module missing from a bundle)
        return fail(f"the page {args.page!r} could not be opened:\n" + "\n".join(broken))
    return 0


def render_page(ctx, name: str, width: int, height: int, broken: list[str] | None = None):
    """The main window at ``width`` x ``height`` showing page ``name``, as a QPixmap;
    the error text of a page that failed to open is added to ``broken``."""
    from PySide6.QtWidgets import QApplication, QLabel

    from ui.main_window import MainWindow
    from ui.widgets.ops import wait_all
    from ui.widgets.placeholder import PageFailed

    window = MainWindow(ctx)
    window.remember = False
    window.resize(width, height)
    # Shown first: pages that read their data when shown (the Sync page, the fee pages)
    # start those reads only then, and the snapshot must wait for them.
    window.show()
    window.show_snapshot(name)
    window.status.refresh_sync()
    for _ in range(3):  # layouts, deferred loads (singleShot(0)), their reads, the paint
        QApplication.processEvents()
        if ctx is not None:
            wait_all(ctx.runner)
    QApplication.processEvents()
    pixmap = window.grab()
    if broken is not None:
        for page in window.pages.values():
            if isinstance(page, PageFailed):
                broken.extend(label.text() for label in page.findChildren(QLabel))
    window.close()
    window.deleteLater()
    return pixmap
