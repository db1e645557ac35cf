"""Inspections: prints each figure beside its target (issue 14).

    python bench/inspections.py [--runs 20]

On a fresh database with a 200-item checklist:
- open a 200-item inspection (the run screen's one read)      <= 200 ms
- save one answer (its own unit of work, committed)            <= 10 ms
- import a 12-megapixel photo (decode, downscale, stamp, JPEG) <= 300 ms
- a 100-item report with 50 photos (PDF)                       <= 10 s and <= 10 MB
Medians over ``--runs``; the report is timed once (Qt offscreen).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image, ImageDraw  # noqa: E402

from app.services.accounts import create_staff  # noqa: E402
from app.services.inspections import photos, reports, run, templates  # noqa: E402
from app.services.inspections.common import Target  # noqa: E402
from app.services.units import create_estate  # noqa: E402
from app.store.blobs import BlobStore  # noqa: E402
from app.store.db import Database  # noqa: E402

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def checklist(items: int) -> dict:
    per = 20
    return {
        "sections": [
            {
                "id": f"s{s}",
                "name_zh": f"第{s + 1}部分",
                "items": [
                    {
                        "id": f"i{s}-{i}",
                        "type": "pass_fail",
                        "name_zh": f"检查项目 {s}-{i}",
                        "photo_on_fail": True,
                    }
                    for i in range(per)
                ],
            }
            for s in range(items // per)
        ]
    }


def camera_photo(path: Path, seed: int) -> Path:
    """A 12-megapixel (4000 x 3000) JPEG with some detail, as a phone writes it."""
    image = Image.new("RGB", (4000, 3000), (90 + seed % 100, 120, 160))
    draw = ImageDraw.Draw(image)
    for n in range(60):
        x, y = (n * 397 + seed * 31) % 3800, (n * 211 + seed * 17) % 2800
        draw.rectangle(
            (x, y, x + 200, y + 150), fill=((n * 40) % 255, (n * 70) % 255, (n * 90) % 255)
        )
    image.save(path, "JPEG", quality=92)
    return path


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def line(name: str, value: str, target: str, ok: bool) -> None:
    print(f"{name:<44} {value:>14}   target {target:<10} {'ok' if ok else 'OVER'}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-inspections-"))
    os.environ["PROPDESK_DATA_DIR"] = str(folder)
    db = Database(folder / "bench.sqlite3")
    blobs = BlobStore(folder / "blobs")
    with db.session() as s:
        estate = create_estate(s, "阳光花园").id
        staff = create_staff(
            s,
            login="bench",
            display_name="品质督导",
            role="admin",
            password="correct horse",
            estate_ids=[estate],
        ).id
    big = templates.create_template(
        db, estate, "bench200", "200项检查", "200 items", "quality", "cleaning", checklist(200)
    )
    templates.publish(db, big.id, staff, NOW)
    iid = run.start(db, big.id, Target("area", "", "南区"), staff, NOW)
    for n in range(200):
        run.answer(db, iid, f"i{n // 20}-{n % 20}", staff, NOW, value="pass")

    opens = []
    for _ in range(args.runs):
        started = time.perf_counter()
        run.run_view(db, iid)
        opens.append(time.perf_counter() - started)
    value = statistics.median(opens)
    line("open a 200-item inspection (median)", ms(value), "200 ms", value <= 0.2)

    saves = []
    for n in range(max(args.runs, 50)):
        started = time.perf_counter()
        run.answer(db, iid, f"i{n % 10}-{n % 20}", staff, NOW, value="fail" if n % 2 else "pass")
        saves.append(time.perf_counter() - started)
    value = statistics.median(saves)
    line("save one answer (median)", ms(value), "10 ms", value <= 0.010)

    source = camera_photo(folder / "camera.jpg", 1)
    imports = []
    for n in range(min(args.runs, 10)):
        item = f"i{n % 10}-0"
        started = time.perf_counter()
        photos.add_photo(db, iid, item, source, staff, NOW, blobs)
        imports.append(time.perf_counter() - started)
    value = statistics.median(imports)
    line("import a 12-megapixel photo (median)", ms(value), "300 ms", value <= 0.3)

    # a 100-item report with 50 photos
    hundred = templates.create_template(
        db, estate, "bench100", "100项检查", "100 items", "quality", "cleaning", checklist(100)
    )
    templates.publish(db, hundred.id, staff, NOW)
    rid = run.start(db, hundred.id, Target("area", "", "北区"), staff, NOW)
    for n in range(100):
        item = f"i{n // 20}-{n % 20}"
        run.answer(
            db,
            rid,
            item,
            staff,
            NOW,
            value="fail" if n < 50 else "pass",
            note="需要整改" if n < 50 else None,
        )
        if n < 50:
            photos.add_photo(
                db, rid, item, camera_photo(folder / f"p{n}.jpg", n), staff, NOW, blobs
            )
    run.finalise(db, rid, staff, NOW, blobs)

    from ui.app import make_application
    from ui.inspections.printing import write_pdf

    make_application("zh_CN")
    started = time.perf_counter()
    report = reports.inspection_report(db, rid, NOW, blobs)
    pdf = write_pdf(report, folder / "report.pdf")
    value = time.perf_counter() - started
    size = pdf.stat().st_size
    line("100-item report with 50 photos (PDF)", f"{value:8.2f} s", "10 s", value <= 10)
    line("  its size", f"{size / 1048576:8.2f} MB", "10 MB", size <= 10 * 1048576)
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
