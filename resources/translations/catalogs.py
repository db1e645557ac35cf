"""Which sources feed which translation catalogue, and how to refresh them.

    python -m resources.translations.catalogs     # lupdate every .ts, then lrelease to .qm

After running it, translate what Qt Linguist (`pyside6-linguist FILE.ts`) shows as
unfinished and run it again; tests/ui/test_translations.py fails while any string of the
UI lacks a Chinese translation or a .qm is older than its .ts.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("zh_CN",)


def catalog_sources() -> dict[str, list[Path]]:
    """Catalogue name -> the Python files whose tr() strings it holds (one screen area each)."""
    ui = ROOT / "ui"
    areas = {
        "complaints": ui / "complaints",
        "fees": ui / "fees",
        "sync": ui / "sync_page",
        "reception": ui / "reception",
        "dashboard": ui / "dashboard",
        "reports": ui / "reports",
        "inspections": ui / "inspections",
    }
    every = sorted(ui.rglob("*.py"))
    catalogs = {name: sorted(folder.rglob("*.py")) for name, folder in areas.items()}
    catalogs["fees"].append(ui / "settings" / "fee_rules.py")  # Settings' fee-rules section
    # the day-end closing (日结) keeps a catalogue of its own, so its work and the counter's
    # never edit the same .ts file at once
    catalogs["closing"] = sorted((ui / "fees").glob("closing*.py"))
    catalogs["fees"] = [p for p in catalogs["fees"] if p not in catalogs["closing"]]
    claimed = {p for files in catalogs.values() for p in files}
    catalogs["ui"] = [p for p in every if p not in claimed]
    return catalogs


def qt_tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python (the venv's scripts)."""
    scripts = Path(sys.executable).parent
    candidate = scripts / f"pyside6-{name}"
    return str(candidate) if candidate.exists() else f"pyside6-{name}"


def update_ts(name: str, lang: str, out: Path | None = None) -> Path:
    """Write ``name_lang.ts`` (or ``out``) from the sources, keeping existing translations."""
    target = out or HERE / f"{name}_{lang}.ts"
    if out is not None and (HERE / f"{name}_{lang}.ts").exists() and not out.exists():
        out.write_bytes((HERE / f"{name}_{lang}.ts").read_bytes())
    files = [str(p) for p in catalog_sources()[name]]
    subprocess.run(
        [qt_tool("lupdate"), "-no-obsolete", "-locations", "relative", *files, "-ts", str(target)],
        check=True,
        capture_output=True,
    )
    return target


def release(ts: Path, qm: Path) -> None:
    subprocess.run([qt_tool("lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


def main() -> int:
    for lang in LANGUAGES:
        for name in catalog_sources():
            ts = update_ts(name, lang)
            release(ts, ts.with_suffix(".qm"))
            print(ts.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
