"""National holidays and 调休 working days as data: the shipped years, the estate's
working-day mode using them, adding a year by a dropped file or by import, and files
refused with a code."""

import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.domain import holidays
from app.domain.calendar import WorkingCalendar, add_days
from app.domain.complaints import ComplaintRules
from app.domain.errors import DomainError

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def folders(tmp_path):
    """The shipped folder and an empty user folder of this test's own."""
    user = tmp_path / "user-holidays"
    holidays.use_folders([holidays.SHIPPED_FOLDER, user])
    yield user
    holidays.use_folders(None)


def days_of(year: holidays.HolidayYear, name: str, kind: str = "holidays") -> list[date]:
    return sorted(d for d, n in getattr(year, kind).items() if n == name)


def test_2026_is_the_state_councils_notice():
    cn = holidays.national_calendar("CN")
    year = cn.years[2026]
    assert year.status == "official"
    # the notice's "共N天" for each holiday
    counts = {n: len(days_of(year, n)) for n in set(year.holidays.values())}
    assert counts == {
        "元旦": 3,
        "春节": 9,
        "清明节": 3,
        "劳动节": 5,
        "端午节": 3,
        "中秋节": 3,
        "国庆节": 7,
    }
    assert days_of(year, "春节")[0] == date(2026, 2, 15)  # 2月15日（农历腊月二十八、周日）
    assert days_of(year, "春节")[-1] == date(2026, 2, 23)  # 至23日（农历正月初七、周一）
    # "上班" days: 1月4日（周日）, 2月14日（周六）, 2月28日（周六）, 5月9日（周六）,
    # 9月20日（周日）, 10月10日（周六）: each a weekend day
    assert sorted(year.workdays) == [
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    ]
    assert all(d.isoweekday() in (6, 7) for d in year.workdays)


def test_2027_ships_its_statutory_days_marked_provisional():
    cn = holidays.national_calendar("CN")
    assert cn.covers(2027) and cn.provisional_years == (2027,)
    year = cn.years[2027]
    assert year.workdays == {}  # the 调休 days come with the notice
    assert date(2027, 2, 5) in year.holidays  # 除夕
    assert date(2027, 10, 4) in year.holidays  # 国庆 falls on a weekend: 补假 Monday
    assert not cn.covers(2028)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 10, 5), False),  # a Monday of the National Day holiday
        (date(2026, 10, 8), True),
        (date(2026, 10, 10), True),  # a Saturday worked (调休)
        (date(2026, 9, 20), True),  # a Sunday worked
        (date(2026, 2, 14), True),
        (date(2026, 2, 16), False),
        (date(2026, 11, 21), False),  # an ordinary Saturday
        (date(2026, 11, 23), True),
    ],
)
def test_the_default_calendar_knows_the_national_days(day, working):
    assert WorkingCalendar().is_working_day(day) is working


def test_the_estates_working_day_mode_uses_them():
    # rules saved before the national data existed: a calendar without "region"
    rules = ComplaintRules.from_json(
        {"working_days": True, "calendar": {"holidays": [], "extra_workdays": []}}
    )
    received = datetime(2026, 9, 30, 10, 0, tzinfo=SHANGHAI)
    # 2 working days after Wednesday 30 September: 1-7 October off, so Friday the 9th
    assert rules.days(received, 2) == datetime(2026, 10, 9, 10, 0, tzinfo=SHANGHAI)
    # a Sunday worked counts: Friday 18 September + 1 working day is Sunday the 20th
    friday = datetime(2026, 9, 18, 10, 0, tzinfo=SHANGHAI)
    assert rules.days(friday, 1) == datetime(2026, 9, 20, 10, 0, tzinfo=SHANGHAI)


def test_the_estates_own_days_override_the_national_ones():
    day = date(2026, 10, 5)
    assert WorkingCalendar(extra_workdays=frozenset({day})).is_working_day(day)
    assert not WorkingCalendar(holidays=frozenset({date(2026, 10, 10)})).is_working_day(
        date(2026, 10, 10)
    )
    without = WorkingCalendar(region=None)
    assert without.is_working_day(day) and not without.is_working_day(date(2026, 10, 10))


def test_the_region_survives_the_settings_round_trip():
    assert WorkingCalendar.from_json(WorkingCalendar(region=None).to_json()).region is None
    assert WorkingCalendar.from_json({}).region == "CN"
    assert WorkingCalendar.from_json(WorkingCalendar().to_json()) == WorkingCalendar()


def official_2028() -> dict:
    return {
        "region": "CN",
        "year": 2028,
        "status": "official",
        "source": "test",
        "holidays": [{"name": "元旦", "days": ["2028-01-01", "2028-01-03"]}],
        "workdays": [{"name": "元旦", "days": ["2027-12-25"]}],
    }


def test_a_year_is_added_by_dropping_a_file_in_the_folder(folders):
    assert not holidays.national_calendar().covers(2028)
    folders.mkdir()
    (folders / "CN-2028.json").write_text(json.dumps(official_2028()), encoding="utf-8")
    holidays.reload()
    cn = holidays.national_calendar()
    assert cn.covers(2028)
    assert not WorkingCalendar().is_working_day(date(2028, 1, 3))  # a Monday off
    assert WorkingCalendar().is_working_day(date(2027, 12, 25))  # a Saturday worked


def test_a_year_is_imported_and_replaces_the_provisional_one(folders):
    notice = {
        "region": "CN",
        "year": 2027,
        "status": "official",
        "source": "test notice",
        "holidays": [{"name": "春节", "days": [f"2027-02-{d:02d}" for d in range(5, 13)]}],
        "workdays": [{"name": "春节", "days": ["2027-02-20"]}],
    }
    saved = holidays.import_year(notice)
    assert (folders / "CN-2027.json").is_file()
    cn = holidays.national_calendar()
    assert cn.years[2027] == saved and cn.provisional_years == ()
    assert WorkingCalendar().is_working_day(date(2027, 2, 20))  # a Saturday worked
    assert WorkingCalendar().is_working_day(date(2027, 10, 4))  # provisional 补假 is gone
    # a file is imported the same way, and what was saved reads back the same
    again = holidays.import_year(folders / "CN-2027.json", folders.parent / "other")
    assert again == saved


@pytest.mark.parametrize(
    ("change", "code", "params"),
    [
        (
            {"holidays": [{"name": "x", "days": ["2028-02-30"]}]},
            "holidays.bad_date",
            {"value": "2028-02-30"},
        ),
        (
            {"holidays": [{"name": "x", "days": ["2029-01-01"]}]},
            "holidays.date_outside_year",
            {"value": "2029-01-01", "year": 2028},
        ),
        (
            {"workdays": [{"name": "x", "days": ["2028-01-01"]}]},
            "holidays.day_twice",
            {"value": "2028-01-01"},
        ),
        ({"status": "maybe"}, "holidays.bad_field", {"field": "status"}),
        ({"year": "2028"}, "holidays.bad_field", {"field": "year"}),
        ({"region": "cn"}, "holidays.bad_field", {"field": "region"}),
        ({"holidays": {"x": 1}}, "holidays.bad_field", {"field": "holidays"}),
    ],
)
def test_a_wrong_year_is_refused_with_a_code(folders, change, code, params):
    with pytest.raises(DomainError) as caught:
        holidays.import_year({**official_2028(), **change})
    assert caught.value.code == code
    assert caught.value.params == {"name": "(imported)", **params}
    assert not folders.exists() or not list(folders.iterdir())  # nothing half-saved


def test_a_dropped_file_that_does_not_read_is_left_out_and_reported(folders):
    folders.mkdir()
    (folders / "CN-2028.json").write_text("{not json", encoding="utf-8")
    (folders / "CN-2029.json").write_text(json.dumps(official_2028()), encoding="utf-8")
    holidays.reload()
    cn = holidays.national_calendar()
    assert [(p.code, p.params) for p in cn.problems] == [
        ("holidays.file_unreadable", {"name": "CN-2028.json"}),
        ("holidays.bad_field", {"name": "CN-2029.json", "field": "region/year"}),
    ]
    assert not cn.covers(2028) and not cn.covers(2029)
    assert cn.covers(2026)  # the good years still count
    assert not WorkingCalendar().is_working_day(date(2026, 10, 5))
    with pytest.raises(DomainError) as caught:
        holidays.read_folder(folders, "CN")  # read strictly, a bad file raises
    assert caught.value.code == "holidays.file_unreadable"


def test_add_days_over_the_spring_festival():
    start = datetime(2026, 2, 13, 2, 0, tzinfo=UTC)  # Friday 10:00 in Shanghai
    end = add_days(start, 1, working=True, calendar=WorkingCalendar())
    assert end.astimezone(SHANGHAI) == datetime(2026, 2, 14, 10, 0, tzinfo=SHANGHAI)
    end = add_days(start, 2, working=True, calendar=WorkingCalendar())
    assert end.astimezone(SHANGHAI) == datetime(2026, 2, 24, 10, 0, tzinfo=SHANGHAI)
    assert end - start > timedelta(days=10)
