"""Time from process start to the main window shown (issue 15 target: <= 1.5 x the empty
PySide6 window of the same run), and to its start page painted with its data (target:
<= 0.8 s at 100,000 units).

    python bench/startup.py [--db /tmp/propdesk-bench-units.sqlite3] [--units 100000] [--runs 5]
                            [--pages dashboard units complaints fees]
                            [--bundle dist/PropDesk/PropDesk]

Builds (or reuses) the demo database of bench/units.py, then starts `propdesk gui
--first-paint-exit` in a fresh Python process several times: the clock starts just before
the process is spawned (so interpreter start-up and imports count) and stops at three
marks the process prints as wall-clock times: the window's first paint (the frame:
sidebar, status bar, an empty page, shown before the database is opened); the first paint
after the start page is built ("page shown": its frame, its data may still be loading);
and the window painted once every read the start page started has delivered ("painted
with its data": for the dashboard, its numbers); then it quits.
Without a display it runs Qt offscreen; under Xvfb (`xvfb-run python bench/startup.py`)
it measures a real window. The floors, each page and the bundle are started in turns, run
after run, so that they share the machine's load; the load average is printed before and
after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from units import build  # noqa: E402  (same database as bench/units.py)

# The floor on this machine: Python alone, and Python showing an empty Qt window.
BARE_WINDOW = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"first-paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.installEventFilter(painted := Painted())
window.show()
app.exec()
"""


def one_start(db: Path, page: str, bundle: Path | None = None) -> tuple[float, float, float, float]:
    """Seconds to the window shown, to the start page shown and to it painted with its
    data (in the PyInstaller ``bundle`` when given: its executable takes the same
    arguments), and the CPU seconds the process had used by the last (its threads too)."""
    args = ["gui", "--first-paint-exit", "--page", page, "--db", str(db)]
    if bundle is None:
        shown = time_to_paint(["-m", "ui.launcher", *args])
    else:
        shown = time_to_paint(args, program=str(bundle))
    cpu = LAST_CPU.get("data-painted", float("nan"))
    return shown, LAST_TIMES["page-painted"], LAST_TIMES["data-painted"], cpu


LAST_TIMES: dict[str, float] = {}
LAST_CPU: dict[str, float] = {}
BYTECODE = Path(tempfile.gettempdir()) / "propdesk-bench-bytecode"


def time_to_paint(
    args: list[str], painted: bool = True, mark: str = "first-paint", program: str | None = None
) -> float:
    """Seconds from spawning ``python ARGS`` (or ``program ARGS``) to its first paint (or
    its exit); every mark the process printed is kept in LAST_TIMES."""
    env = dict(os.environ)
    # Bytecode cached as an installed app has it (pip and the bundle compile it once): with
    # PYTHONDONTWRITEBYTECODE (set in some shells here) every start compiled ~570 modules
    # again (0.1-0.3 s of CPU here) that the empty window never paid. Kept outside the tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(BYTECODE))
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    started = time.time()
    done = subprocess.run(
        [program or sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if not painted:
        return time.time() - started
    LAST_TIMES.clear()
    LAST_CPU.clear()
    for line in done.stdout.splitlines():
        name, *at = line.split()
        if name in ("first-paint", "page-painted", "data-painted"):
            LAST_TIMES[name] = float(at[0]) - started
            if len(at) > 1:  # the CPU time the process had used by then
                LAST_CPU[name] = float(at[1])
    if mark in LAST_TIMES:
        return LAST_TIMES[mark]
    raise SystemExit(f"no first paint reported (exit {done.returncode}):\n{done.stderr[-2000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=Path("/tmp/propdesk-bench-units.sqlite3"))
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--pages",
        nargs="+",
        default=["dashboard", "units", "complaints", "fees"],
        help="start pages to measure (the dashboard is the default start page)",
    )
    parser.add_argument(
        "--bundle",
        type=Path,
        help="also measure the packaged app: dist/PropDesk/PropDesk from build.spec",
    )
    args = parser.parse_args()
    build(args.db, args.units)
    one_start(args.db, "units")  # warm the OS file cache once, as on a workstation in use
    if args.bundle is not None:
        one_start(args.db, "units", args.bundle)
    print(f"bytecode cached in {BYTECODE} (as installed), not compiled at each start")
    print(f"load average before: {load_average()}")

    # The floors and every start are taken in turns (floor, empty window, each page, the
    # bundle; again), so a change in the machine's load touches all of them alike: the
    # ratios below compare starts made under the same load.
    floors: dict[str, list[float]] = {"python": [], "bare": []}
    starts: dict[str, list[tuple[float, float, float, float]]] = {}
    for _ in range(args.runs):
        floors["python"].append(time_to_paint(["-c", "pass"], painted=False))
        floors["bare"].append(time_to_paint(["-c", BARE_WINDOW]))
        for page in args.pages:
            starts.setdefault(page, []).append(one_start(args.db, page))
        if args.bundle is not None:
            starts.setdefault("bundle", []).append(one_start(args.db, "dashboard", args.bundle))

    def report(label: str, times: list[float]) -> float:
        median = statistics.median(times)
        print(
            f"{label:52s} median {median * 1000:6.0f} ms   "
            f"min {min(times) * 1000:6.0f} ms   max {max(times) * 1000:6.0f} ms"
        )
        return median

    python = report("floor: python -c pass", floors["python"])
    bare = report("floor: python + empty PySide6 window painted", floors["bare"])
    for key, times in starts.items():
        page = "dashboard" if key == "bundle" else key
        name = "packaged PropDesk" if key == "bundle" else "PropDesk"
        shown = report(f"{name} window shown, start page {page}", [t[0] for t in times])
        pairs = statistics.median([t[0] / b for t, b in zip(times, floors["bare"], strict=True)])
        print(
            f"{'':52s} = {shown / bare:.2f} x the empty window (limit 1.5; "
            f"median of the runs' own ratios {pairs:.2f}), {shown / python:.0f} x python"
        )
        report(f"  {page} page shown (its data may be loading)", [t[1] for t in times])
        report(f"  {page} page painted with its data (limit 0.8 s)", [t[2] for t in times])
        # what the process itself spent, whatever else ran beside it (its threads summed)
        report("    CPU time the process had used by then", [t[3] for t in times])
    print(f"load average after: {load_average()}")


def load_average() -> str:
    """The 1, 5 and 15 minutes load averages (the machine may be shared: see beside them)."""
    try:
        return " ".join(f"{v:.2f}" for v in os.getloadavg()) + f" on {os.cpu_count()} CPUs"
    except OSError:  # not on every platform
        return "unknown"


if __name__ == "__main__":
    main()
