"""Users' own actor dictionaries: the file format, $GEOPOLKG_ACTORS, and their effect on resolution."""

import datetime as dt
import textwrap

import pytest

from geopolkg.errors import OntologyError
from geopolkg.ontology.actor_files import add_person, read_user_file, user_dictionary_paths
from geopolkg.ontology.actors import load_kb

D = dt.date

USER = textwrap.dedent("""\
    people:
      Ingrid Solberg:                 # an invented Norwegian foreign minister
        aliases: [Solberg, Минист Сольберг]
        country: NOR
        roles:
          - {role: foreign minister, code: NORGOV, from: 2024-01-01, until: 2025-06-30}
      Zalmay Khalilzad:               # a correction: still an envoy in this user's world
        aliases: [Khalilzad]
        country: USA
        roles: [{role: envoy, code: USAGOV, from: 2018-09-05}]
    organizations:
      NORREBNFL:
        name: Northern Fjord Liberation Front
        kind: armed group
        code: NORREBNFL
        aliases: [NFLF, Fjord Front]
    countries:
      NOR:
        seats: {Oslo: GOV, Storting: LEG}
        demonyms: [Norwegian, Norwegians]
""")


@pytest.fixture()
def user_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(USER, "utf-8")
    return path


def test_a_user_dictionary_adds_actors(user_file):
    bundled = load_kb([])
    mine = load_kb([user_file])
    assert bundled.lookup("Ingrid Solberg") == [] and bundled.lookup("Fjord Front") == []
    [entry] = mine.lookup("Solberg")
    assert mine.resolve(entry, D(2024, 6, 1)).code == "NORGOV"
    assert mine.resolve(entry, D(2025, 8, 1)).code == "NORELI"  # out of office
    front = mine.resolve(mine.lookup("Fjord Front")[0], D(2024, 6, 1))
    assert (front.code, front.name, front.kind) == ("NORREBNFL", "Northern Fjord Liberation Front", "armed group")
    assert mine.resolve(mine.lookup("Storting")[0], None).code == "NORLEG"


def test_a_user_dictionary_corrects_a_bundled_entry(user_file):
    day = D(2025, 9, 20)
    assert load_kb([]).resolve(load_kb([]).lookup("Khalilzad")[0], day).code == "USAELI"
    mine = load_kb([user_file])
    assert mine.resolve(mine.lookup("Khalilzad")[0], day).code == "USAGOV"
    assert len(mine.lookup("Khalilzad")) == 1  # replaced, not duplicated


def test_the_entity_ruler_gets_the_users_names(user_file):
    import spacy

    from geopolkg.extraction.nlp import ruler_patterns

    def ents(kb, text):
        nlp = spacy.blank("en")
        nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"}).add_patterns(ruler_patterns(kb))
        return [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]

    text = "Ingrid Solberg said the Fjord Front had attacked a ferry."
    assert ents(load_kb([]), text) == []
    assert ents(load_kb([user_file]), text) == [("Ingrid Solberg", "PERSON", "person:Ingrid Solberg"),
                                                 ("Fjord Front", "ORG", "org:NORREBNFL")]


def test_the_users_dictionary_changes_resolution_in_text(user_file, extractor):
    import spacy

    from geopolkg.extraction.mentions import MentionResolver
    from geopolkg.extraction.nlp import ruler_patterns

    # the pipeline of the extractor with a ruler built from the user's knowledge base
    nlp = spacy.load(extractor.nlp.meta["lang"] + "_" + extractor.nlp.meta["name"])
    kb = load_kb([user_file])
    nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True}
                 ).add_patterns(ruler_patterns(kb))
    doc = nlp("Foreign Minister Ingrid Solberg met Sergei Lavrov in Moscow on Tuesday.")
    codes = {m.text: m.actor.code for m in MentionResolver(doc, kb, D(2024, 6, 4)).mentions}
    assert codes["Ingrid Solberg"] == "NORGOV" and codes["Sergei Lavrov"] == "RUSGOV"


def test_geopolkg_actors_env_and_store_folder(tmp_path, monkeypatch, user_file):
    store = tmp_path / "store"
    store.mkdir()
    monkeypatch.setenv("GEOPOLKG_ACTORS", str(user_file))
    monkeypatch.setenv("GEOPOLKG_STORE", str(store))
    assert user_dictionary_paths() == [user_file]
    assert load_kb().lookup("Solberg")
    (store / "actors.yaml").write_text("people:\n  Kari Nordmann:\n    country: NOR\n"
                                       "    roles: [{role: mayor, code: NORGOV}]\n", "utf-8")
    assert user_dictionary_paths() == [user_file, store / "actors.yaml"]
    assert load_kb().lookup("Kari Nordmann") and load_kb().lookup("Solberg")


def test_the_cache_sees_an_edited_dictionary(tmp_path):
    path = tmp_path / "a.yaml"
    add_person(path, "Ola Nordmann", "NORGOV", role="minister")
    first = load_kb([path])
    assert load_kb([path]) is first
    add_person(path, "Ola Nordmann", "NORGOV", aliases=["Nordmann"], role="minister")
    import os
    os.utime(path, ns=(1, 1))  # a different modification time, whatever the clock's resolution
    second = load_kb([path])
    assert second is not first and second.lookup("Nordmann")


@pytest.mark.parametrize("text, message", [
    ("people: [1, 2]", "must be a mapping"),
    ("friends: {}", "unknown section"),
    ("people:\n  A B:\n    roles: [{code: usa-gov}]", "bad actor code"),
    ("people:\n  A B:\n    roles: [{code: USAGOV, from: 2024-13-45}]", "bad date"),
    ("organizations:\n  X: {name: X}", "neither a code nor periods"),
    ("countries:\n  XYZ: {aliases: [Nowhere]}", "unknown country code"),
    ("people: {a: [", "not a valid YAML"),
])
def test_a_malformed_dictionary_is_refused_with_its_path(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(OntologyError, match=message) as err:
        load_kb([path])
    assert str(path) in str(err.value)


def test_a_missing_dictionary_is_an_error(tmp_path):
    with pytest.raises(OntologyError, match="cannot read"):
        load_kb([tmp_path / "absent.yaml"])


def test_add_person_refuses_bad_input_and_keeps_the_file(tmp_path):
    path = tmp_path / "u.yaml"
    add_person(path, "Ola Nordmann", "NORGOV")
    before = path.read_text("utf-8")
    with pytest.raises(OntologyError):
        add_person(path, "Kari", "NORGOV", start=D(2025, 1, 2), end=D(2025, 1, 1))
    with pytest.raises(OntologyError):
        add_person(path, "Kari", "norgov")
    assert path.read_text("utf-8") == before
    assert list(read_user_file(path)["people"]) == ["Ola Nordmann"]
