"""Actor resolution in the seed article and in sentences written for the tests."""

import datetime as dt

import pytest

from geopolkg.extraction.mentions import MentionResolver
from geopolkg.loaders import Article
from geopolkg.ontology.actors import load_kb


@pytest.fixture(scope="module")
def nlp(extractor):
    return extractor.nlp


def _codes(nlp, text, day):
    doc = nlp(text)
    resolver = MentionResolver(doc, load_kb(), day)
    return {m.text: m.actor.code for m in resolver.mentions}


def test_seed_article_people_and_places(nlp, seed_article):
    codes = _codes(nlp, seed_article.text, seed_article.published)
    assert codes["Washington"] == codes["US"] == codes["United States"] == "USAGOV"
    assert codes["Kabul"] == codes["Taliban"] == "AFGGOV"
    assert codes["Zakir Jalal"] == "AFGGOV"   # "an Afghan foreign ministry official"
    assert codes["Lin Jian"] == codes["Lin"] == "CHNGOV"  # "foreign ministry spokesperson" after China
    assert codes["Beijing"] == codes["China"] == "CHNGOV"
    assert codes["Amir Khan Muttaqi"] == "AFGGOV"
    assert codes["Keir Starmer"] == "GBRGOV"
    assert codes["Zalmay Khalilzad"] == "USAELI"  # a former envoy is not the government


def test_taliban_before_and_after_taking_power(nlp):
    text = "The Taliban attacked a checkpoint."
    assert _codes(nlp, text, dt.date(2019, 5, 1))["Taliban"] == "AFGINS"
    assert _codes(nlp, text, dt.date(2022, 5, 1))["Taliban"] == "AFGGOV"


def test_role_nouns_with_a_country(extractor):
    article = Article("t1", "Senior Taliban officials met Chinese diplomats in Kabul on Monday.",
                      published=dt.date(2024, 3, 6))
    [event] = [e for e in extractor.extract(article).events if e.event_type.root == "04"]
    assert (event.actor.code, event.target.code) == ("AFGGOV", "CHNGOV")
