"""National public holidays and make-up working days (调休) as data, one file per region
and year: ``resources/holidays/CN-2026.json`` ships with the program, and a year is added by
dropping such a file into the user's ``holidays`` folder (beside the database) or by
``import_year``. A file in the user's folder replaces the shipped one of the same year.

A file::

    {"region": "CN", "year": 2026, "status": "official", "source": "...",
     "holidays": [{"name": "春节", "days": ["2026-02-15", ...]}, ...],
     "workdays": [{"name": "春节", "days": ["2026-02-14", ...]}, ...]}

``status`` is "official" (the State Council's notice) or "provisional" (statutory days
only, until the notice is imported). A make-up working day may fall in the year before or
after (a notice has moved one to the previous December). Nothing here knows an estate;
``app.domain.calendar.WorkingCalendar`` layers an estate's own days on top.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError

log = logging.getLogger(__name__)

SHIPPED_FOLDER = Path(__file__).resolve().parents[2] / "resources" / "holidays"
STATUSES = ("official", "provisional")


@dataclass(frozen=True)
class HolidayYear:
    region: str
    year: int
    status: str
    source: str
    holidays: Mapping[date, str]  # day -> the holiday's name
    workdays: Mapping[date, str]  # weekend day worked -> the holiday it makes up for

    def to_json(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "year": self.year,
            "status": self.status,
            "source": self.source,
            "holidays": _grouped(self.holidays),
            "workdays": _grouped(self.workdays),
        }


@dataclass(frozen=True)
class NationalCalendar:
    """The holidays and make-up working days of every year known for one region."""

    region: str
    years: Mapping[int, HolidayYear] = field(default_factory=dict)
    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()
    problems: tuple[DomainError, ...] = ()  # files in the folders that were left out

    def covers(self, year: int) -> bool:
        return year in self.years

    @property
    def provisional_years(self) -> tuple[int, ...]:
        return tuple(y for y, data in sorted(self.years.items()) if data.status != "official")


def parse_year(data: Any, name: str = "") -> HolidayYear:
    """A year's data checked field by field; a problem is a DomainError naming the file."""
    if not isinstance(data, dict):
        raise DomainError("holidays.bad_field", name=name, field="(file)")
    region = data.get("region")
    if not isinstance(region, str) or not region.isalpha() or not region.isupper():
        raise DomainError("holidays.bad_field", name=name, field="region")
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
        raise DomainError("holidays.bad_field", name=name, field="year")
    status = data.get("status")
    if status not in STATUSES:
        raise DomainError("holidays.bad_field", name=name, field="status")
    source = data.get("source", "")
    if not isinstance(source, str):
        raise DomainError("holidays.bad_field", name=name, field="source")
    holidays = _days(data.get("holidays", []), "holidays", name, year, (year,))
    workdays = _days(data.get("workdays", []), "workdays", name, year, (year - 1, year, year + 1))
    both = sorted(holidays.keys() & workdays.keys())
    if both:
        raise DomainError("holidays.day_twice", name=name, value=both[0].isoformat())
    return HolidayYear(region, year, status, source, holidays, workdays)


def _days(groups: Any, key: str, name: str, year: int, years: tuple[int, ...]) -> dict[date, str]:
    if not isinstance(groups, list):
        raise DomainError("holidays.bad_field", name=name, field=key)
    found: dict[date, str] = {}
    for group in groups:
        if (
            not isinstance(group, dict)
            or not isinstance(group.get("name"), str)
            or not isinstance(group.get("days"), list)
        ):
            raise DomainError("holidays.bad_field", name=name, field=key)
        for text in group["days"]:
            try:
                day = date.fromisoformat(text)
            except (TypeError, ValueError):
                raise DomainError("holidays.bad_date", name=name, value=str(text)) from None
            if day.year not in years:
                raise DomainError(
                    "holidays.date_outside_year", name=name, value=day.isoformat(), year=year
                )
            if day in found:
                raise DomainError("holidays.day_twice", name=name, value=day.isoformat())
            found[day] = group["name"]
    return found


def _grouped(days: Mapping[date, str]) -> list[dict[str, Any]]:
    groups: dict[str, list[str]] = {}
    for day in sorted(days):
        groups.setdefault(days[day], []).append(day.isoformat())
    return [{"name": n, "days": d} for n, d in groups.items()]


def read_year(path: Path) -> HolidayYear:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        raise DomainError("holidays.file_unreadable", name=path.name) from None
    return parse_year(data, path.name)


def read_folder(
    folder: Path, region: str, problems: list[DomainError] | None = None
) -> dict[int, HolidayYear]:
    """The years of ``region`` in ``folder`` (files named REGION-YEAR.json). A file that
    does not read raises its DomainError, or, given ``problems``, is added there and left
    out (one bad file dropped in must not stop every deadline of the desk)."""
    years: dict[int, HolidayYear] = {}
    if not folder.is_dir():
        return years
    for path in sorted(folder.glob(f"{region}-*.json")):
        try:
            data = read_year(path)
            if data.region != region or path.stem != f"{region}-{data.year}":
                raise DomainError("holidays.bad_field", name=path.name, field="region/year")
        except DomainError as error:
            if problems is None:
                raise
            log.error("holiday file %s left out: %s", path, error)
            problems.append(error)
            continue
        years[data.year] = data
    return years


def combine(
    region: str, years: Iterable[HolidayYear], problems: Iterable[DomainError] = ()
) -> NationalCalendar:
    by_year = {y.year: y for y in years}
    holidays = frozenset(d for y in by_year.values() for d in y.holidays)
    workdays = frozenset(d for y in by_year.values() for d in y.workdays)
    return NationalCalendar(
        region, dict(sorted(by_year.items())), holidays, workdays, tuple(problems)
    )


# ---- the folders the program reads ----


def user_folder() -> Path:
    """The folder a year is dropped into or imported to: ``holidays`` in the data folder."""
    from app.paths import data_dir

    return data_dir() / "holidays"


_lock = threading.Lock()
_cache: dict[str, NationalCalendar] = {}
_folders: tuple[Path, ...] | None = None  # None: the shipped and the user's folder


def folders() -> tuple[Path, ...]:
    return _folders if _folders is not None else (SHIPPED_FOLDER, user_folder())


def use_folders(chosen: Iterable[Path] | None) -> None:
    """Read national calendars from ``chosen`` (later folders win) instead of the shipped
    and user folders; None restores those. Tests and tools use it."""
    global _folders
    with _lock:
        _folders = tuple(chosen) if chosen is not None else None
        _cache.clear()


def reload() -> None:
    """Forget what was read, so files dropped in since are seen."""
    with _lock:
        _cache.clear()


def national_calendar(region: str = "CN") -> NationalCalendar:
    """The region's calendar from the folders, read once and kept until ``reload``. A file
    that does not read is left out, logged and listed in ``problems`` for a screen to
    show; a year is never guessed from it."""
    with _lock:
        found = _cache.get(region)
        if found is None:
            years: dict[int, HolidayYear] = {}
            problems: list[DomainError] = []
            for folder in folders():
                years.update(read_folder(folder, region, problems))
            found = _cache[region] = combine(region, years.values(), problems)
        return found


def import_year(source: Path | Mapping[str, Any], folder: Path | None = None) -> HolidayYear:
    """Check a year's data (a file or its parsed JSON) and save it as REGION-YEAR.json in
    ``folder`` (default: the user's folder), replacing that year; the cache is reloaded."""
    is_file = isinstance(source, Path)
    data = read_year(source) if is_file else parse_year(dict(source), "(imported)")
    target = folder if folder is not None else folders()[-1]
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{data.region}-{data.year}.json"
    text = json.dumps(data.to_json(), ensure_ascii=False, indent=2) + "\n"
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)  # never a half-written year in the folder
    reload()
    return data
