"""Metadata values as documents carry them: ISO dates, ISO3 countries, tidy strings."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pycountry
from dateutil import parser as dateparser

# Two defaults that differ in month and day: a field the text did not give
# comes out different, so we know how precise the date was.
_D1 = dt.datetime(2000, 1, 1)
_D2 = dt.datetime(2004, 2, 2)


def iso_date(value: object) -> str | None:
    """``value`` as an ISO date: ``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when
    only that much is given; None when it is not a date."""
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    if not text or len(text) > 64:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).strftime("%Y-%m-%d")
    except ValueError:
        pass
    try:
        a = dateparser.parse(text, default=_D1)
        b = dateparser.parse(text, default=_D2)
    except (ValueError, OverflowError, TypeError):
        return None
    if a is None or b is None or not 1 <= a.year <= 9999:
        return None
    if a.month != b.month:
        return f"{a.year:04d}" if a.year == b.year else None
    if a.day != b.day:
        return f"{a.year:04d}-{a.month:02d}"
    return a.strftime("%Y-%m-%d")


@lru_cache(maxsize=4096)
def iso3_country(value: str) -> str | None:
    """ISO 3166-1 alpha-3 for an alpha-3/alpha-2 code or a country name, else None."""
    text = value.strip()
    if not text:
        return None
    if len(text) == 3 and text.isalpha():
        c = pycountry.countries.get(alpha_3=text.upper())
    elif len(text) == 2 and text.isalpha():
        c = pycountry.countries.get(alpha_2=text.upper())
    else:
        try:
            c = pycountry.countries.lookup(text)
        except LookupError:
            c = None
    return c.alpha_3 if c is not None else None


def clean(value: object, limit: int = 1000) -> str | None:
    """A metadata string: stripped, whitespace folded, capped; None when empty."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text[:limit] or None
