"""Events about actors whose names news pages set with typographic characters
(issue 19, item 5): the same events as with the ASCII spelling."""

import datetime as dt

import pytest

from geopolkg.loaders import Article

ASCII = ("The government of C\u00f4te d'Ivoire accused Guinea-Bissau of sheltering rebels on Friday, "
         "and the People's Republic of China urged both countries to hold talks.")


def _events(extractor, text):
    result = extractor.extract(Article("t", text, published=dt.date(2024, 3, 1)))
    return [(e.actor.code, e.code, e.target.code if e.target else None, e.char_start, e.char_end)
            for e in result.events]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    ASCII.replace("'", "\u2019"),                                    # the apostrophe news pages use
    ASCII.replace("C\u00f4te d'", "C\u00f4te\u00a0d\u2019"),          # and a non-breaking space
    ASCII.replace("Guinea-Bissau", "Guinea\u2011Bissau"),            # a non-breaking hyphen
])
def test_typographic_spellings_give_the_events_of_the_ascii_one(extractor, text):
    expected = _events(extractor, ASCII)
    # read from the sentence: Cote d'Ivoire's government accuses Guinea-Bissau (CAMEO 112),
    # China's government appeals (020) to both to negotiate (046)
    assert expected[0][:3] == ("CIVGOV", "112", "GNBGOV")
    assert {code for actor, code, *_ in expected if actor == "CHNGOV"}
    assert len(text) == len(ASCII) and _events(extractor, text) == expected
