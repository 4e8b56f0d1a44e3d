"""Articles longer than spaCy's max_length (issue 19, item 8): parsed in pieces
of whole paragraphs, offsets into the whole article, no event lost."""

import datetime as dt
import json

import pytest

from geopolkg.extraction.extractor import Extractor, split_pieces
from geopolkg.loaders import Article

FILLER = ("Shares of the textile maker rose two percent in early trading on the regional exchange, "
          "and volumes were light ahead of the holiday, dealers said.")
EVENTS = ["Iran accused Iraq of attacking its oil terminal on Monday.",
          "Pakistan rejected the Indian proposal for border talks on Tuesday.",
          "China condemned the Japanese naval exercise in the disputed waters."]


def _long_text(fillers: int) -> str:
    return "\n\n".join([EVENTS[0], *[FILLER] * fillers, EVENTS[1], *[FILLER] * fillers, EVENTS[2]])


def test_pieces_end_after_paragraph_breaks_and_rebuild_the_text():
    text = _long_text(30)
    pieces = split_pieces(text, 1000)
    assert "".join(pieces) == text
    assert all(len(p) <= 1000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])      # each cut after a blank line
    one_paragraph = "Word " * 500
    assert split_pieces(one_paragraph, 1000)[0] == "Word " * 200     # no break: at a space


@pytest.mark.slow
def test_parsing_in_pieces_gives_the_events_of_one_parse(extractor):
    article = Article("p", _long_text(6), published=dt.date(1987, 3, 2))
    pieced = Extractor()
    pieced.PIECE_CHARS = 400                            # cut the 1,700 characters into five pieces
    doc = pieced._parse_long(article.text)
    assert doc.text == article.text
    whole = extractor.extract(article).events
    assert [(e.actor.code, e.code, e.char_start) for e in pieced._code(doc, article).events] == \
           [(e.actor.code, e.code, e.char_start) for e in whole]


@pytest.mark.slow
def test_an_article_over_a_million_characters_is_stored_with_its_events(tmp_path):
    from click.testing import CliRunner

    import geopolkg.api as api
    from geopolkg.cli import cli

    text = _long_text(3400)
    assert len(text) > 1_000_000                         # spaCy's max_length: error E088 before
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"id": "long", "text": text, "published": "1987-03-02"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(path), "--store", str(tmp_path / "st"), "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    events = sorted(api.events(tmp_path / "st"), key=lambda e: e["char_start"])
    # read from the three event paragraphs: Iran accuses Iraq (112), Pakistan rejects
    # India's proposal (12x), China condemns Japan (111)
    got = [(e["actor"]["code"], e["target"]["code"], e["char_start"]) for e in events]
    assert got == [("IRNGOV", "IRQGOV", text.index(EVENTS[0])), ("PAKGOV", "INDGOV", text.index(EVENTS[1])),
                   ("CHNGOV", "JPNGOV", text.index(EVENTS[2]))]
    assert [e["event_code"][:2] for e in events] == ["11", "12", "11"]
