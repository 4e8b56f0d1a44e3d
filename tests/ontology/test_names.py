"""Names and aliases match across typographic variants (issue 19, item 5): one
rule in the knowledge base's index and the entity ruler, for every alias."""

import datetime as dt

from geopolkg.extraction.nlp import ruler_patterns
from geopolkg.ontology.actors import ActorKB, Entry, Period, load_kb
from geopolkg.ontology.names import name_key, typographic_variants


def test_name_key_folds_apostrophes_dashes_and_spaces_but_not_letters():
    assert name_key("C\u00f4te d\u2019Ivoire") == name_key("C\u00f4te d\u02bcIvoire") == "C\u00f4te d'Ivoire"
    assert name_key("Guinea\u2011Bissau") == name_key("Guinea\u2013Bissau") == "Guinea-Bissau"
    assert name_key("C\u00f4te\u00a0d'Ivoire") == "C\u00f4te d'Ivoire"
    assert name_key("Co\u0302te") == "C\u00f4te"          # NFC: a combining accent is the same letter
    assert name_key("Cote d'Ivoire") != name_key("C\u00f4te d'Ivoire")  # accents are kept
    assert name_key("US") != name_key("us")                          # so is case


def test_variants_cover_each_kind_of_character_throughout_the_name():
    spellings = typographic_variants("People's Republic of China")
    assert spellings[0] == "People's Republic of China"
    assert "People\u2019s Republic of China" in spellings
    assert "People's\u00a0Republic\u00a0of\u00a0China" in spellings
    assert "People\u2019s\u00a0Republic\u00a0of\u00a0China" in spellings
    assert len(spellings) == len(set(spellings)) == 8   # 4 apostrophes x 2 spaces
    assert typographic_variants("Iran") == ["Iran"]


def test_a_users_alias_written_with_a_curly_apostrophe_matches_the_straight_one():
    kb = ActorKB()
    kb.add_entry(Entry("org:front", "People\u2019s Liberation Front", "armed group", "ERI", ["the Front"],
                       [Period("ERIREB")]))
    assert [e.key for e in kb.lookup("People's Liberation Front")] == ["org:front"]
    assert kb.has_name("People\u02bcs Liberation Front")
    patterns = {p["pattern"] for p in ruler_patterns(kb)}
    assert {"People's Liberation Front", "People\u2019s Liberation Front"} <= patterns


def test_the_bundled_knowledge_base_finds_cote_divoire_in_every_spelling():
    kb = load_kb()
    for spelling in ("C\u00f4te d'Ivoire", "C\u00f4te d\u2019Ivoire", "C\u00f4te\u00a0d\u2019Ivoire"):
        assert [e.key for e in kb.lookup(spelling)][:1] == ["country:CIV"], spelling
    assert kb.resolve(kb.lookup("Guinea\u2011Bissau")[0], dt.date(2024, 3, 1)).code.startswith("GNB")
