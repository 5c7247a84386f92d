import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from crawler.schedules import ScheduleError, parse_schedule

LONDON = ZoneInfo("Europe/London")
# A Wednesday in summer time, so the zone's offset matters.
NOW = datetime(2026, 7, 1, 12, 0, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("weekly on monday 06:00", datetime(2026, 7, 6, 6, 0, tzinfo=LONDON)),
        ("Weekly on Friday at 18:30", datetime(2026, 7, 3, 18, 30, tzinfo=LONDON)),
        ("daily at 06:00", datetime(2026, 7, 2, 6, 0, tzinfo=LONDON)),
        ("0 6 * * mon", datetime(2026, 7, 6, 6, 0, tzinfo=LONDON)),
        ("*/20 * * * * *", datetime(2026, 7, 1, 12, 0, 20, tzinfo=LONDON)),
    ],
)
def test_next_fire_time_is_wall_clock_in_the_site_zone(spec, expected):
    trigger = parse_schedule(spec, "Europe/London")
    assert trigger.get_next_fire_time(None, NOW + timedelta(seconds=1)) == expected


def test_every_n_units_is_an_interval():
    trigger = parse_schedule("every 15 minutes")
    first = trigger.get_next_fire_time(None, NOW)
    assert trigger.get_next_fire_time(first, first) - first == timedelta(minutes=15)


@pytest.mark.parametrize(
    ("spec", "zone", "message"),
    [
        ("every day", "UTC", "cannot read schedule 'every day'"),
        ("weekly on funday 06:00", "UTC", "unknown day 'funday'"),
        ("0 25 * * *", "UTC", "invalid cron expression '0 25 * * *'"),
        ("every 0 minutes", "UTC", "must repeat at least every 1 minute"),
        ("daily at 06:00", "Europe/Lndon", "unknown time zone 'Europe/Lndon'"),
    ],
)
def test_unreadable_schedules_say_what_is_accepted(spec, zone, message):
    with pytest.raises(ScheduleError, match=re.escape(message)):
        parse_schedule(spec, zone)
