"""English record dates ("January 02, 1950", "2 January 1950") to ISO 8601."""
from __future__ import annotations

import re

from ..lang import MONTHS

_MONTH_RE = r"(?P<month>[A-Za-z]{3,9})\.?"
_MDY = re.compile(rf"^{_MONTH_RE}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})$")
_DMY = re.compile(rf"^(?P<day>\d{{1,2}})\s+{_MONTH_RE},?\s+(?P<year>\d{{4}})$")
_MY = re.compile(rf"^{_MONTH_RE},?\s+(?P<year>\d{{4}})$")
_Y = re.compile(r"^(?P<year>\d{4})$")


_ORDINAL_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b(?:\s+of\b)?", re.I)
_ISO = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


def iso_date(text: str) -> str | None:
    """'January 02, 1950' -> '1950-01-02'; 'June 1949' -> '1949-06'; '2nd Jan 1950' ->
    '1950-01-02'; None if not a date."""
    t = _ORDINAL_DAY.sub(r"\1", text.strip().strip("*").strip())
    for pattern in (_MDY, _DMY, _MY, _Y):
        m = pattern.match(t)
        if not m:
            continue
        parts = m.groupdict()
        year = int(parts["year"])
        if "month" not in parts:
            return f"{year:04d}"
        month = MONTHS.get(parts["month"].lower())
        if month is None:
            return None
        if "day" not in parts:
            return f"{year:04d}-{month:02d}"
        day = int(parts["day"])
        if not _valid_day(year, month, day):
            return None
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def date_option(text: str) -> str:
    """An ISO date (1950, 1950-01, 1950-01-02) from an option value in ISO or English
    ('January 2, 1950', '2nd Jan 1950'); ValueError naming the problem otherwise."""
    t = text.strip()
    m = _ISO.fullmatch(t)
    if m:
        year, month, day = (int(g) if g else None for g in m.group("year", "month", "day"))
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month:02d} does not exist")
        if day is not None and not _valid_day(year, month, day):
            raise ValueError(f"day {day:02d} does not exist in {year:04d}-{month:02d}")
        return t
    iso = iso_date(t)
    if iso is None:
        raise ValueError("not a date (give 1950-01-02, 1950-01, 1950 or 'January 2, 1950')")
    return iso


def _valid_day(year: int, month: int, day: int) -> bool:
    import calendar

    return 1 <= day <= calendar.monthrange(year, month)[1]


def looks_like_date_line(text: str) -> bool:
    return iso_date(text) is not None
