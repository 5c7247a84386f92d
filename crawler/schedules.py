"""Schedules as editors write them, turned into APScheduler triggers.

Accepted forms (times are wall-clock in the site's time zone):
  "weekly on monday 06:00"   "daily at 06:00"   "every 15 minutes" (seconds, minutes, hours)
  a five-field cron expression "0 6 * * mon", or six fields with seconds first "*/5 * * * * *".
"""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_TIME = r"(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)"
_WEEKLY = re.compile(rf"weekly on (?P<day>[a-z]+) (?:at )?{_TIME}")
_DAILY = re.compile(rf"daily (?:at )?{_TIME}")
_EVERY = re.compile(r"every (?P<count>\d+) (?P<unit>second|minute|hour)s?")
CRON_FIELDS_WITH_SECONDS = ("second", "minute", "hour", "day", "month", "day_of_week")


class ScheduleError(ValueError):
    """A schedule or time zone that cannot be understood; the message says what is accepted."""


def time_zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f'unknown time zone {name!r}; use an IANA name such as "Europe/London"') from None


def parse_schedule(text: str, zone: str = "UTC") -> BaseTrigger:
    tz = time_zone(zone)
    spec = " ".join(text.lower().split())
    if match := _WEEKLY.fullmatch(spec):
        day = match["day"]
        if day not in DAYS:
            raise ScheduleError(f"unknown day {day!r} in schedule {text!r}; expected one of {', '.join(DAYS)}")
        return CronTrigger(day_of_week=day[:3], hour=int(match["hour"]), minute=int(match["minute"]), timezone=tz)
    if match := _DAILY.fullmatch(spec):
        return CronTrigger(hour=int(match["hour"]), minute=int(match["minute"]), timezone=tz)
    if match := _EVERY.fullmatch(spec):
        count = int(match["count"])
        if count < 1:
            raise ScheduleError(f"schedule {text!r} must repeat at least every 1 {match['unit']}")
        return IntervalTrigger(**{f"{match['unit']}s": count}, timezone=tz)
    return _cron(text, spec, tz)


def _cron(text: str, spec: str, tz: ZoneInfo) -> BaseTrigger:
    fields = spec.split()
    try:
        if len(fields) == 5:
            return CronTrigger.from_crontab(spec, timezone=tz)
        if len(fields) == 6:
            return CronTrigger(**dict(zip(CRON_FIELDS_WITH_SECONDS, fields)), timezone=tz)
    except ValueError as error:
        raise ScheduleError(f"invalid cron expression {text!r}: {error}") from None
    raise ScheduleError(
        f'cannot read schedule {text!r}; expected "weekly on monday 06:00", "daily at 06:00", '
        '"every 15 minutes" or a cron expression such as "0 6 * * mon"'
    )
