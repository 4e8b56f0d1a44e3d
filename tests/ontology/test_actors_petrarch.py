"""The importer of CAMEO/PETRARCH actor dictionaries, on a small dictionary written for the test."""

import datetime as dt

import pytest

from geopolkg.errors import OntologyError
from geopolkg.ontology.actor_files import merge_user_data
from geopolkg.ontology.actors import load_kb
from geopolkg.ontology.petrarch import parse_petrarch, petrarch_to_user_data, read_petrarch

D = dt.date

DICTIONARY = """\
<!-- an invented dictionary in the PETRARCH format,
     written for this test -->
NORWAY_  [NOR]
+OSLO_
+KINGDOM_OF_NORWAY_

INGRID_SOLBERG_   # a foreign minister who later left office
+SOLBERG_
\t[NORGOV 20240101-20250630]
\t[NORELI >20250701]
KARI_NORDMANN_ [NORLEG]   ; a default code, then an old-style in-line restriction
\t[NORGOV 991001-050315]
OLA_NORDMANN_ [NORGOV >20200101]
NORTHERN_FJORD_FRONT_ [NORREBNFL]
+FJORD_FRONT_
NFLF_ [NORREBNFL]
NOBODY_IN_PARTICULAR_
"""


def test_parse_records():
    records = parse_petrarch(DICTIONARY, "test.actors")
    names = [r.name for r in records]
    assert names == ["NORWAY", "INGRID SOLBERG", "KARI NORDMANN", "OLA NORDMANN", "NORTHERN FJORD FRONT",
                     "NFLF", "NOBODY IN PARTICULAR"]
    norway, ingrid, kari, ola = records[:4]
    assert norway.default == "NOR" and norway.synonyms == ["OSLO", "KINGDOM OF NORWAY"]
    assert ingrid.restrictions == [("NORGOV", D(2024, 1, 1), D(2025, 6, 30)), ("NORELI", D(2025, 7, 1), None)]
    # two-digit years: 99 is 1999, 05 is 2005
    assert kari.default == "NORLEG" and kari.restrictions == [("NORGOV", D(1999, 10, 1), D(2005, 3, 15))]
    assert ola.restrictions == [("NORGOV", D(2020, 1, 1), None)] and ola.default is None
    assert records[2].line == 11


def test_before_a_date():
    [rec] = parse_petrarch("OLD_KING_ [NORGOV <19910117]\n")
    assert rec.restrictions == [("NORGOV", None, D(1991, 1, 17))]


def test_user_data_from_records():
    data = petrarch_to_user_data(parse_petrarch(DICTIONARY))
    # a word of up to five letters may be an acronym: kept as written too
    assert data["countries"] == {"NOR": {"aliases": ["Norway", "OSLO", "Oslo", "Kingdom Of Norway"]}}
    ingrid = data["people"]["Ingrid Solberg"]
    assert ingrid["country"] == "NOR" and ingrid["aliases"] == ["Solberg"]
    assert [(r["code"], r.get("from"), r.get("until")) for r in ingrid["roles"]] == [
        ("NORGOV", D(2024, 1, 1), D(2025, 6, 30)), ("NORELI", D(2025, 7, 1), None)]
    # the default code is tried after the dated ones
    assert [r["code"] for r in data["people"]["Kari Nordmann"]["roles"]] == ["NORGOV", "NORLEG"]
    front = data["organizations"]["NORREBNFL"]
    assert front["name"] == "Northern Fjord Front" and front["country"] == "NOR"
    assert front["aliases"] == ["Fjord Front", "NFLF", "Nflf"]  # a second record of the same code
    assert "Nobody In Particular" not in str(data)  # no code: PETRARCH's null code


def test_imported_dictionary_resolves_by_date(tmp_path):
    source = tmp_path / "test.actors"
    source.write_text(DICTIONARY, "utf-8")
    user = tmp_path / "actors.yaml"
    merge_user_data(user, read_petrarch(source))
    kb = load_kb([user])

    def code(name, day):
        return kb.resolve(kb.lookup(name)[0], day).code

    assert code("Solberg", D(2024, 6, 1)) == "NORGOV"
    assert code("Solberg", D(2025, 9, 1)) == "NORELI"
    assert code("Kari Nordmann", D(2001, 1, 1)) == "NORGOV"
    assert code("Kari Nordmann", D(2010, 1, 1)) == "NORLEG"
    assert code("Fjord Front", D(2024, 1, 1)) == "NORREBNFL"
    assert code("Kingdom Of Norway", D(2024, 1, 1)) == "NORGOV"


@pytest.mark.parametrize("text, message, line", [
    ("+ALIAS_ONLY_\n", "synonym before any actor", 1),
    ("A_ [USAGOV]\n\t[USAGOV 20241301-20250101]\n", "bad date", 2),
    ("A_ [usa-gov]\n", "bad actor code", 1),
    ("\t[USAGOV >20200101]\n", "restriction before any actor", 1),
])
def test_malformed_lines_are_reported_with_their_line(text, message, line):
    with pytest.raises(OntologyError, match=message) as err:
        parse_petrarch(text, "x.actors")
    assert f"x.actors:{line}" in str(err.value)
