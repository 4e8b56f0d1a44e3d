import datetime as dt
import json

import pytest

from geopolkg.errors import LoaderError
from geopolkg.loaders import iter_articles
from geopolkg.loaders.chrome import strip_chrome
from geopolkg.loaders.reflow import is_hard_wrapped, reflow
from geopolkg.loaders.text import read_text_article

from shared_data import shared_path


def test_seed_article_metadata_from_sidecar(seed_article):
    assert seed_article.id == "bagram-talks"
    assert seed_article.title == "Washington in Talks with Taliban Over Re-Establishing Forces in Afghanistan"
    assert seed_article.published == dt.date(2025, 9, 20)


def test_seed_article_keeps_the_story_and_drops_the_chrome(seed_article):
    text = seed_article.text
    assert text.startswith("The United States is in negotiations with the Taliban")
    assert text.endswith("China\u2019s opposition to renewed US presence on Afghan soil.")
    for chrome in ("Home Asia", "Share", "Leave a Reply", "Don't Miss", "Related Articles",
                   "Pezeshkian", "Erdogan", "Pedro Sanchez", "Required fields"):
        assert chrome not in text
    # the seven story paragraphs of the page, one blank line between each
    assert len(text.split("\n\n")) == 7


def test_options_win_over_the_sidecar():
    path = shared_path("articles", "bagram-talks.txt")
    article = read_text_article(path, published="2025-09-21", source="Test", title="T",
                                url="https://example.org/a")
    assert (article.published, article.source, article.title, article.url) == (
        dt.date(2025, 9, 21), "Test", "T", "https://example.org/a")


def test_sidecar_of_a_user_file(tmp_path):
    (tmp_path / "story.txt").write_text("Kabul rejected the plan of the United States on Friday.\n")
    (tmp_path / "story.meta.json").write_text(json.dumps({"published": "2024-05-03", "title": "Kabul says no"}))
    [article] = iter_articles([tmp_path])
    assert article.id == "story" and article.title == "Kabul says no"
    assert article.published == dt.date(2024, 5, 3)


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"   \n\n ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (b"\xff\xfeK\x00a\x00b\x00\x00\xd8", "not valid utf-16-le text after its byte-order mark"),
])
def test_bad_files_get_a_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(LoaderError, match=message) as info:
        read_text_article(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("value", ["2025-13-45", "yesterday", "next friday", "1999"])
def test_bad_date_is_an_error(tmp_path, value):
    path = tmp_path / "a.txt"
    path.write_text("Kabul rejected the plan of the United States on Friday.")
    with pytest.raises(LoaderError, match="bad publication date"):
        read_text_article(path, published=value)


def test_a_written_out_date_is_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Kabul rejected the plan of the United States on Friday.")
    assert read_text_article(path, published="20 September 2025").published == dt.date(2025, 9, 20)


def test_non_english_article_is_refused(tmp_path):
    path = tmp_path / "fr.txt"
    path.write_text("Les talibans ont rejeté vendredi toute présence militaire américaine sur la base "
                    "aérienne de Bagram, a déclaré le porte-parole du gouvernement afghan à Kaboul.")
    with pytest.raises(LoaderError, match="language 'fr'"):
        read_text_article(path)


def test_errors_are_collected_and_good_files_still_load(tmp_path):
    (tmp_path / "good.txt").write_text("Kabul rejected the plan of the United States on Friday.")
    (tmp_path / "empty.txt").write_text("")
    errors = []
    articles = list(iter_articles([tmp_path], errors=errors))
    assert [a.id for a in articles] == ["good"]
    assert len(errors) == 1 and "empty.txt" in str(errors[0])


def test_reflow_joins_wire_lines_into_paragraphs():
    wire = ("Iran said on Monday it would not\nallow ships to use the Gulf\nwithout its consent.\n"
            "    Iraq rejected the warning and\nsaid its jets would strike any\ntanker serving Iran.\n")
    assert is_hard_wrapped(wire)
    assert reflow(wire) == ("Iran said on Monday it would not allow ships to use the Gulf without its consent."
                            "\n\nIraq rejected the warning and said its jets would strike any tanker serving Iran.")


def test_reflowed_wire_story_from_reuters():
    with shared_path("corpora", "reuters-21578-geopolitics.jsonl").open(encoding="utf-8") as handle:
        line = handle.readline()
    raw = json.loads(line)["text"]
    from geopolkg.loaders.jsonl import parse_jsonl_record
    article = parse_jsonl_record(line, "reuters:1", "r1")
    # every paragraph is one line, and no word was lost
    assert all("\n" not in p for p in article.text.split("\n\n"))
    assert article.text.split() == raw.split()


def test_strip_chrome_keeps_short_real_sentences():
    text = "Menu\n\nKabul said no.\n\nShare\n\nRelated Articles\n\nOther story about Iran..."
    assert strip_chrome(text) == "Kabul said no."


def test_a_table_of_figures_is_not_refused_as_another_language(tmp_path):
    # an earnings table from the wire: no clear language, read as English
    path = tmp_path / "earnings.txt"
    path.write_text("Shr 27 cts vs 29 cts\n\nNet 13,555,000 vs 14,635,000\n\nRevs 104,606,000 vs 110,311,000\n\n"
                    "Qtly div two cts vs 1.7 cts. Pay March 26. Record March 12.")
    assert read_text_article(path).language == "en"


def test_terse_wire_text_is_english(tmp_path):
    path = tmp_path / "shr.txt"
    path.write_text("Shr 73 cts vs 58 cts     Shr diluted 69 cts vs 54 cts     Net 1,101,000 vs 901,000     "
                    "Sales 33.0 mln vs 29.1 mln     NOTE: Company reported results for the fourth quarter.")
    assert read_text_article(path).language == "en"


def test_a_sidecar_saved_with_a_byte_order_mark_is_read(tmp_path):
    # Windows Notepad saves UTF-8 with a byte-order mark, which json.loads refuses
    (tmp_path / "story.txt").write_text("Kabul rejected the plan of the United States on Friday.\n")
    (tmp_path / "story.meta.json").write_bytes(b"\xef\xbb\xbf" + json.dumps({"published": "2024-05-03"}).encode())
    [article] = iter_articles([tmp_path])
    assert article.published == dt.date(2024, 5, 3)
