"""Metadata normalisation: ISO dates, ISO3 countries, datelines."""

import datetime as dt

import pytest

from model.documents import Document, find_dateline
from model.readers.meta import iso3_country, iso_date


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2023-09-09", "2023-09-09"),
        ("2023-09-09T10:30:00Z", "2023-09-09"),
        ("9 Sept 2023", "2023-09-09"),
        ("September 9, 2023", "2023-09-09"),
        ("Sept 2023", "2023-09"),
        ("2021", "2021"),
        (dt.datetime(2020, 5, 1, 12), "2020-05-01"),
        (dt.date(2020, 5, 2), "2020-05-02"),
        ("not a date", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(value, iso):
    assert iso_date(value) == iso


@pytest.mark.parametrize(
    ("value", "iso3"),
    [("PAK", "PAK"), ("pak", "PAK"), ("PK", "PAK"), ("Pakistan", "PAK"), ("Russian Federation", "RUS"), ("Atlantis", None)],
)
def test_iso3_country(value, iso3):
    assert iso3_country(value) == iso3


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("ISLAMABAD: The meeting was held.", "Islamabad"),
        ("KABUL, Sept 9 (Reuters) - The Taliban said", "Kabul"),
        ("Talks resume\n\nKABUL, Afghanistan (AP) — Officials said", "Kabul"),
        ("NEW DELHI, 9 September 2023 /PRNewswire/ -- India said", "New Delhi"),
        ("UNITED NATIONS, Sept. 9, 2023 (AP) — The council", "United Nations"),
        ("The US said: no deal.", None),
        ("Russia welcomed the talks.", None),
    ],
)
def test_dateline_place(text, place):
    found = find_dateline(text)
    assert (found[0] if found else None) == place
    assert Document(id="d", text=text).dateline == place


def test_dateline_body_offset_points_after_it():
    text = "KABUL, Sept 9 (Reuters) - The Taliban said"
    place, start = find_dateline(text)
    assert text[start:] == "The Taliban said"
