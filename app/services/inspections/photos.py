"""Photos of inspection items: a file over 20 MB is refused before it is decoded; the rest
is turned upright, downscaled to a long edge of 1,920 px, stamped with time, place and
inspector, saved as JPEG quality 80 into the blob store (named by its sha256) and recorded
with its original capture time. At most 10 photos per item.

Decoding uses Pillow (no Qt in app/). Photos are kept out of the database file: rows name
blobs, and the sync client uploads those blobs before the rows.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.inspections import MAX_PHOTOS_PER_ITEM
from app.services.inspections.common import check_open, content_of, live_inspection, staff_name
from app.services.reception.common import tz_of
from app.store.blobs import BlobStore
from app.store.db import Database
from app.store.inspection_models import InspectionPhoto
from app.store.recorder import recorder

if TYPE_CHECKING:  # Pillow loads when a photo is taken, not at every desk's start-up
    from PIL import Image

MAX_FILE_BYTES = 20 * 1024 * 1024
LONG_EDGE = 1920
QUALITY = 80
MAX_STORED_BYTES = 3 * 1024 * 1024  # a stored photo above this is refused at finalise
MAX_IMAGE_PIXELS = 120_000_000  # a decompression bomb is refused, not decoded
_FONTS = (
    "C:/Windows/Fonts/msyh.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
)
_EXIF_ORIGINAL = 0x9003  # DateTimeOriginal, in the Exif IFD
_EXIF_IFD = 0x8769


@dataclass(frozen=True)
class PhotoView:
    id: str
    item_id: str
    sha256: str
    size: int
    width: int
    height: int
    captured_at: datetime | None
    role: str


def view(row: InspectionPhoto) -> PhotoView:
    return PhotoView(
        row.id, row.item_id, row.sha256, row.size, row.width, row.height, row.captured_at, row.role
    )


def _font(size: int):
    from PIL import ImageFont

    for path in _FONTS:
        if Path(path).is_file():
            try:
                return ImageFont.truetype(path, size)
            except OSError:
                continue
    return ImageFont.load_default(size)


def capture_time(image: Image.Image, tz: str) -> datetime | None:
    """The camera's DateTimeOriginal (local time of the estate), if the file has one."""
    try:
        exif = image.getexif()
        raw = exif.get_ifd(_EXIF_IFD).get(_EXIF_ORIGINAL) or exif.get(0x0132)
    except Exception:  # a broken EXIF block never stops an import
        return None
    if not raw:
        return None
    try:
        local = datetime.strptime(str(raw).strip("\x00 "), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    return local.replace(tzinfo=ZoneInfo(tz)).astimezone(UTC)


def prepare(source: Path, stamp: str, tz: str) -> tuple[bytes, int, int, datetime | None]:
    """(JPEG bytes, width, height, capture time) of a photo file; refuses before decoding
    a file over 20 MB, and anything that is not an image."""
    size = source.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DomainError(
            "inspection.photo.too_large",
            mb=f"{size / 1048576:.1f}",
            limit=MAX_FILE_BYTES // 1048576,
        )
    from PIL import Image, ImageOps, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        with Image.open(source) as opened:
            taken = capture_time(opened, tz)
            w, h = opened.size
            scale = LONG_EDGE / max(w, h, 1)
            if scale < 1:  # JPEG: decode at the smallest scale still above the target
                opened.draft("RGB", (int(w * scale) + 1, int(h * scale) + 1))
            image = ImageOps.exif_transpose(opened).convert("RGB")
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError) as exc:
        raise DomainError("inspection.photo.unreadable", name=source.name) from exc
    long_edge = max(image.size)
    if long_edge > LONG_EDGE:
        size = tuple(max(1, round(side * LONG_EDGE / long_edge)) for side in image.size)
        image = image.resize(size, Image.Resampling.BILINEAR)
    _stamp(image, stamp)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=QUALITY, optimize=False)
    return out.getvalue(), image.width, image.height, taken


def _stamp(image: Image.Image, text: str) -> None:
    if not text:
        return
    size = max(14, image.width // 60)
    font = _font(size)
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    box = draw.textbbox((0, 0), text, font=font)
    pad = size // 2
    w, h = box[2] - box[0] + 2 * pad, box[3] - box[1] + 2 * pad
    x, y = pad, image.height - h - pad
    draw.rectangle((x, y, x + w, y + h), fill=(0, 0, 0))
    draw.text((x + pad, y + pad - box[1]), text, font=font, fill=(255, 255, 255))


def stamp_text(session: Session, estate_id: str, when: datetime, place: str, staff_id: str) -> str:
    local = when.astimezone(ZoneInfo(tz_of(session, estate_id)))
    parts = [f"{local:%Y-%m-%d %H:%M}", place.strip(), staff_name(session, staff_id)]
    return "  ".join(p for p in parts if p)


def count_for(session: Session, inspection_id: str, item_id: str, role: str = "evidence") -> int:
    return (
        session.scalar(
            select(func.count()).where(
                InspectionPhoto.inspection_id == inspection_id,
                InspectionPhoto.item_id == item_id,
                InspectionPhoto.role == role,
                InspectionPhoto.removed.is_(False),
                InspectionPhoto.live(),
            )
        )
        or 0
    )


def store_photo_in(
    session: Session,
    inspection,
    item_id: str,
    source: Path,
    staff_id: str,
    now: datetime,
    blobs: BlobStore,
    role: str = "evidence",
    work_order_id: str = "",
) -> InspectionPhoto:
    source = Path(source)
    if not source.is_file():
        raise DomainError("inspection.photo.missing", name=source.name)
    if count_for(session, inspection.id, item_id, role) >= MAX_PHOTOS_PER_ITEM:
        raise DomainError("inspection.too_many_photos", item=item_id, limit=MAX_PHOTOS_PER_ITEM)
    tz = tz_of(session, inspection.estate_id)
    stamp = stamp_text(session, inspection.estate_id, now, inspection.target_label, staff_id)
    data, width, height, taken = prepare(source, stamp, tz)
    sha = blobs.put(data)
    return recorder(session).create(
        InspectionPhoto,
        estate_id=inspection.estate_id,
        inspection_id=inspection.id,
        item_id=item_id,
        role=role,
        work_order_id=work_order_id,
        sha256=sha,
        size=len(data),
        width=width,
        height=height,
        captured_at=taken or now,
        imported_at=now,
        imported_by=staff_id,
    )


def add_photo(
    db: Database,
    inspection_id: str,
    item_id: str,
    source: Path | str,
    staff_id: str,
    now: datetime,
    blobs: BlobStore | None = None,
) -> PhotoView:
    """Import a photo for an item of an inspection in progress."""
    blobs = blobs or BlobStore()
    source = Path(source)
    if source.is_file() and source.stat().st_size > MAX_FILE_BYTES:
        prepare(source, "", "UTC")  # refuses with the size, before any decoding
    with db.session() as s:
        row = live_inspection(s, inspection_id)
        check_open(row)
        if content_of(s, row.version_id).item(item_id) is None:
            raise DomainError("inspection.item_unknown", item=item_id)
        return view(store_photo_in(s, row, item_id, source, staff_id, now, blobs))


def remove_photo(db: Database, photo_id: str) -> None:
    """Take a photo off its item while the walk is in progress (the blob stays)."""
    with db.session() as s:
        photo = s.get(InspectionPhoto, photo_id)
        if photo is None or photo.removed:
            return
        check_open(live_inspection(s, photo.inspection_id))
        recorder(s).update(photo, removed=True)


def photos_of(session: Session, inspection_id: str) -> list[PhotoView]:
    return [
        view(p)
        for p in session.scalars(
            select(InspectionPhoto)
            .where(InspectionPhoto.inspection_id == inspection_id, InspectionPhoto.live())
            .where(InspectionPhoto.removed.is_(False))
            .order_by(InspectionPhoto.imported_at, InspectionPhoto.id)
        )
    ]


def blob_files(shas, blobs: BlobStore | None = None) -> dict[str, str]:
    """sha256 -> the file of each blob present on this computer (for thumbnails)."""
    blobs = blobs or BlobStore()
    out = {}
    for sha in shas:
        try:
            if blobs.has(sha):
                out[sha] = str(blobs.path(sha))
        except DomainError:
            continue
    return out
