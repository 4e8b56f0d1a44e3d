import datetime as dt
import json

import pytest

from geopolkg.errors import LoaderError
from geopolkg.loaders.html import parse_html, read_html_article

from shared_data import shared_path

PAGES = {
    # file stem: (metadata file, expected title, expected publication day or None)
    "readability__nytimes-1": ("readability__nytimes-1.expected-metadata.json",
                               "United States to Lift Sudan Sanctions", None),
    "readability__telegraph": ("readability__telegraph.expected-metadata.json",
                               "Zimbabwe coup: Robert Mugabe and wife Grace 'insisting he finishes his term', "
                               "as priest steps in to mediate", None),
    "newspaper4k__yna_co_kr": ("newspaper4k__yna_co_kr.metadata.json",
                               "N. Korea slams S. Korea for joint military drill, warns of consequences",
                               dt.date(2019, 8, 20)),
    "newspaper4k__cnn_test_nlp": ("newspaper4k__cnn_test_nlp.metadata.json",
                                  "Gates on Tillerson and Russia: 'You can be friendly without being friends'",
                                  dt.date(2016, 12, 18)),
}


def _page(stem):
    folder = shared_path("articles", "html")
    return next(folder.glob(stem + "*.html"))


@pytest.mark.parametrize("stem", sorted(PAGES))
def test_title_and_date_match_the_metadata(stem):
    meta_name, title, day = PAGES[stem]
    meta = json.loads((shared_path("articles", "html") / meta_name).read_text(encoding="utf-8"))
    article = read_html_article(_page(stem))
    assert article.title == meta["title"] == title
    if day is not None:
        published = article.published.date() if isinstance(article.published, dt.datetime) else article.published
        assert published == day
        assert (meta.get("publish_date") or "").startswith(day.isoformat())


def test_time_zone_of_a_page_date_is_kept():
    article = read_html_article(_page("newspaper4k__yna_co_kr"))
    assert article.published.utcoffset() == dt.timedelta(hours=9)


@pytest.mark.parametrize("stem", ["newspaper4k__yna_co_kr", "newspaper4k__cnn_test_nlp"])
def test_main_text_matches_the_reference_text(stem):
    article = read_html_article(_page(stem))
    reference = (shared_path("articles", "html") / f"{stem}.txt").read_text(encoding="utf-8")
    ref_paras = [p.strip() for p in reference.split("\n") if len(p.split()) > 8]
    found = sum(p[:60] in article.text for p in ref_paras)
    assert found / len(ref_paras) >= 0.9


@pytest.mark.parametrize("stem, chrome", [
    ("readability__nytimes-1", "Continue reading the main story"),
    ("newspaper4k__yna_co_kr", "(END)"),
    ("newspaper4k__cnn_test_nlp", "Close icon"),
    ("readability__telegraph", "Sign up"),
])
def test_no_navigation_text(stem, chrome):
    article = read_html_article(_page(stem))
    assert chrome not in article.text


def test_first_and_last_sentences_of_the_sudan_story():
    text = read_html_article(_page("readability__nytimes-1")).text
    assert text.startswith("LONDON \u2014 After nearly 20 years of hostile relations")
    assert text.endswith("\u201cdeal with the devil.\u201d")


def test_broken_html_is_read_as_far_as_possible():
    html = ("<html><head><title>Kabul says no | Site</title></head><body><article><p>Kabul rejected "
            "the American request on Friday, officials in the Afghan capital said in a long statement."
            "<p>China said it respects Afghanistan's sovereignty and opposes foreign interference in the region."
            "</article>")
    article = parse_html(html, "broken.html")
    assert article.title == "Kabul says no"
    assert "opposes foreign interference" in article.text


def test_page_without_text_is_an_error():
    with pytest.raises(LoaderError, match="no article text"):
        parse_html("<html><body><nav><a href='/'>Home</a></nav></body></html>", "empty.html")


OLD_PAGE = """<html><head><title>Iraq invades Kuwait | Daily Wire</title>
<meta property="article:published_time" content="1990-08-02T06:00:00+03:00">
<meta property="article:modified_time" content="2024-05-14T10:00:00+00:00">
</head><body><article><h1>Iraq invades Kuwait</h1>
<p>Iraqi troops crossed into Kuwait before dawn on Thursday, and the government of Kuwait asked the
United States for help, officials in Kuwait City said.</p>
<p>The United Nations Security Council condemned the invasion and demanded that Iraq withdraw.</p>
</article><footer><p>Updated 14 May 2024</p><p>&copy; 2024 Daily Wire</p></footer></body></html>"""


def test_an_old_page_keeps_its_original_date_not_the_modified_one():
    # htmldate's default minimum (1995) would discard 1990-08-02 and keep the 2024 update
    article = parse_html(OLD_PAGE, "kuwait.html")
    assert article.published == dt.datetime(1990, 8, 2, 6, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert article.published.utcoffset() == dt.timedelta(hours=3)


def _dated(line):
    return ("<html><head><title>Kuwait</title></head><body><article><p>" + line + "</p><p>Iraqi troops "
            "crossed into Kuwait before dawn on Thursday, and the government of Kuwait asked the United "
            "States for help, officials said.</p></article></body></html>")


def test_a_page_date_written_only_as_03_04_2024_is_left_unset_with_a_note():
    article = parse_html(_dated("Published 03/04/2024"), "p.html")
    assert article.published is None
    assert article.notes == ("p.html: publication date left unset: the page writes it only with day and month "
                             "in numbers, which reads two ways (3/4 or 4/3); give it with --published or a sidecar",)


@pytest.mark.parametrize("line, day", [("Published 13/04/2024", dt.date(2024, 4, 13)),  # 13 is no month
                                       ("Published 2024-03-04", dt.date(2024, 3, 4)),
                                       ("Published 4 March 2024", dt.date(2024, 3, 4))])
def test_page_dates_that_read_one_way_are_taken(line, day):
    article = parse_html(_dated(line), "p.html")
    assert article.published == day and article.notes == ()


@pytest.mark.parametrize("line, known", [("October 2019", "the year (2019)"),      # htmldate: 1 January
                                          ("Published in 2019", "the year (2019)"),
                                          ("&copy; 2019 Wire", "the year (2019)")])
def test_a_page_that_names_no_day_gets_no_invented_first_of_the_month(line, known):
    article = parse_html(_dated(line), "p.html")
    assert article.published is None
    assert article.notes == (f"p.html: publication date left unset: the page names no day, only {known}; "
                             "give it with --published or a sidecar",)


def test_a_page_published_on_the_first_keeps_its_day():
    page = _dated("Published 1 October 2019").replace(
        "<head>", '<head><meta property="article:published_time" content="2019-10-01T08:00:00+02:00">')
    assert parse_html(page, "p.html").published == dt.datetime(2019, 10, 1, 8, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert parse_html(_dated("Published 1 October 2019"), "p.html").published == dt.date(2019, 10, 1)
