"""Dataset actors resolved to the project's actor codes (rules in store/dataset_actors.py)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from geopolkg.loaders.gdelt import GdeltActor
from geopolkg.loaders.icews import IcewsActor
from geopolkg.store.dataset_actors import DatasetActors


@pytest.fixture(scope="module")
def actors():
    return DatasetActors()


def _g(code, name, country=None, group=None, types=()):
    return GdeltActor(code, name, country, group, None, (), tuple(types))


@pytest.mark.parametrize("actor, day, code", [
    (_g("IGOEUREEC", "THE EU", "EUR", "EEC", ["IGO"]), dt.date(2019, 10, 24), "IGOEUR"),   # by name
    (_g("USAGOV", "THE US", "USA", types=["GOV"]), dt.date(2019, 10, 24), "USAGOV"),       # country + type
    (_g("CHN", "CHINA", "CHN"), dt.date(2019, 10, 24), "CHN"),                              # the state
    (_g("USAGOV", "JOE BIDEN", "USA", types=["GOV"]), dt.date(2019, 10, 24), "USAELI"),     # out of office
    (_g("USAGOV", "JOE BIDEN", "USA", types=["GOV"]), dt.date(2021, 6, 1), "USAGOV"),       # president
    (_g("COP", "POLICE", types=["COP"]), dt.date(2019, 10, 24), "COP"),                     # no country
    (_g("AFR", "AFRICA", "AFR"), dt.date(2019, 10, 24), "AFR"),                             # a CAMEO region
    (GdeltActor("kur", "KURD", None, None, "kur", (), ()), None, "KUR"),                     # ethnic, lower case
])
def test_gdelt(actors, actor, day, code):
    assert actors.gdelt(actor, day).code == code


def test_gdelt_names(actors):
    assert actors.gdelt(_g("COP", "POLICE", types=["COP"]), None).name == "police (no country)"
    assert actors.gdelt(_g("USAEDU", "STUDENT", "USA", types=["EDU"]), None).name == "United States education"
    assert actors.gdelt(None, None) is None


@pytest.mark.parametrize("name, sectors, country, code", [
    ("Police (India)", "Government,Police", "India", "INDCOP"),
    ("Foreign Affairs (Bangladesh)", "Executive,Foreign Ministry,Government", "Bangladesh", "BGDGOV"),
    ("Donald Trump", "Government,Executive Office,Executive", "United States", "USAGOV"),
    ("Russia", "", "Russian Federation", "RUS"),
    ("Citizen (Africa)", "Social,General Population / Civilian / Social", None, "AFRCVL"),
    ("Citizen (Palestinian Territory, Occupied)", "Social", "Occupied Palestinian Territory", "PSECVL"),
    ("Criminal (Al Qaeda)", "International Religious,Sunni,International Insurgents", None, "IMGAQ"),
    ("United Nations", "International Government Organization,Global", None, "IGOUNO"),
    ("Interpol", "International Government Organization,Global", None, "IGOINTERPOL"),
    ("Google", "Business,Multinational Corporation,Social", None, "BUSGOOGLE"),
    ("Muslim Rights Concern", "Muslim,International Religious", None, "UNKMUSLIMRIGHTSCONCERN"),
])
def test_icews(actors, name, sectors, country, code):
    actor = IcewsActor(name, tuple(s for s in sectors.split(",") if s), country)
    found = actors.icews(actor, dt.date(2018, 6, 1))
    assert found.code == code
    assert re.fullmatch(r"[A-Z0-9]{3,}", found.code)  # CAMEO-shaped, as the SHACL shapes want


def test_icews_unknown_actors_are_none(actors):
    assert actors.icews(IcewsActor("Unspecified Actor", ("Unspecified",), None), None) is None
    assert actors.icews(IcewsActor("Unidentified State Actor", (), None), None) is None
    assert actors.icews(IcewsActor("Unidentified Forces (India)", ("Unidentified Forces",), "India"),
                        None).code == "INDUAF"
