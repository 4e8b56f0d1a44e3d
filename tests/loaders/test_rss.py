"""RSS and Atom items: the publisher's date and offset (issue 19, item 4), and
one bad item costs one line, not the feed (item 9)."""

import datetime as dt

from geopolkg.loaders import iter_articles

BODY = ("<description>Officials in Kabul rejected the American request on Saturday, "
        "the foreign ministry said in a statement.</description>")


def _rss(items: list[str], title: str = "Test Wire") -> str:
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>{title}</title>\n" + "\n".join(f"<item>{i}</item>" for i in items) + "\n</channel></rss>\n")


def _item(n: int, date: str, title: str | None = None) -> str:
    return f"<title>{title or f'Item {n}'}</title><link>https://example.org/{n}</link>{BODY}<pubDate>{date}</pubDate>"


def test_rss_item_keeps_its_own_day_and_offset(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(_rss([_item(1, "Sat, 02 Mar 2024 05:00 +1400"),
                          _item(2, "Mon, 04 Mar 2024 06:15:00 +0800"),
                          _item(3, "Mon, 04 Mar 2024 06:15:00 GMT")]), encoding="utf-8")
    first, second, third = iter_articles([path])
    # 05:00 on Saturday at +14:00 is 15:00 on Friday in UTC: the day stays Saturday
    assert first.published_date == dt.date(2024, 3, 2)
    assert first.published.utcoffset() == dt.timedelta(hours=14) and first.published.hour == 5
    assert second.published_date == dt.date(2024, 3, 4)  # early morning at +08:00 is still Sunday in UTC
    assert second.published.utcoffset() == dt.timedelta(hours=8)
    assert third.published.utcoffset() == dt.timedelta(0)


def test_atom_entry_keeps_its_offset(tmp_path):
    path = tmp_path / "wire.atom"
    path.write_text('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                    "<title>T</title><entry><title>E</title><id>urn:e:1</id>"
                    "<published>2024-03-02T05:00:00+14:00</published><updated>2024-03-05T00:00:00Z</updated>"
                    "<summary>Officials in Kabul rejected the American request on Saturday, the ministry said."
                    "</summary></entry></feed>", encoding="utf-8")
    [entry] = iter_articles([path])
    assert entry.published == dt.datetime(2024, 3, 2, 5, tzinfo=dt.timezone(dt.timedelta(hours=14)))
    assert entry.published.utcoffset() == dt.timedelta(hours=14)  # the published date, not the updated one


def test_references_to_no_character_cost_their_item_only(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(_rss([_item(1, "Sat, 02 Mar 2024 05:00 +0000", "Beyond Unicode &#1114112;"),
                          _item(2, "Sat, 02 Mar 2024 06:00 +0000"),
                          _item(3, "Sat, 02 Mar 2024 07:00 +0000", "A surrogate &#55296; here"),
                          _item(4, "Sat, 02 Mar 2024 08:00 +0000", "Fine &#233;&#x1F600; title")]), encoding="utf-8")
    errors = []
    articles = list(iter_articles([path], errors=errors))
    assert [a.url for a in articles] == ["https://example.org/2", "https://example.org/4"]
    assert articles[1].title == "Fine \u00e9\U0001F600 title"   # valid references are read as ever
    assert [str(e) for e in errors] == [
        f"{path}: item 1: the item's title holds a character reference that is no Unicode character "
        "(&#1114112;); item skipped [GK100]",
        f"{path}: item 3: the item's title holds a character reference that is no Unicode character "
        "(&#55296;); item skipped [GK100]"]


def test_a_bad_feed_title_keeps_the_items_without_a_source(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(_rss([_item(1, "Sat, 02 Mar 2024 05:00 +0000")], title="Wire &#xD800;"), encoding="utf-8")
    errors = []
    [article] = iter_articles([path], errors=errors)
    assert article.source is None and article.title == "Item 1"
    assert len(errors) == 1 and "feed's title" in str(errors[0]) and "&#xD800;" in str(errors[0])


def test_an_item_date_in_no_accepted_form_costs_that_item(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(_rss([_item(1, "03/04/2024"), _item(2, "Sat, 02 Mar 2024 05:00 +0000")]), encoding="utf-8")
    errors = []
    [article] = iter_articles([path], errors=errors)
    assert article.url == "https://example.org/2"
    assert len(errors) == 1 and f"{path}: item 1: bad publication date '03/04/2024'" in str(errors[0])


def test_an_escaped_cdata_description_is_read_not_dropped(tmp_path):
    # feedparser reads "&lt;![CDATA[...]]&gt;" as an empty description: the item had no text
    path = tmp_path / "wire.rss"
    path.write_text(_rss(["<title>Plain</title><link>https://example.org/1</link><description>&lt;![CDATA["
                          "Officials in Kabul rejected the American request on Saturday.]]&gt;</description>",
                          "<title>Marked up</title><link>https://example.org/2</link><description>&lt;![CDATA["
                          "&lt;p&gt;China said it opposes foreign interference in Afghanistan.&lt;/p&gt;"
                          "&lt;p&gt;Continue reading...&lt;/p&gt;]]&gt;</description>"]), encoding="utf-8")
    errors = []
    plain, marked = iter_articles([path], errors=errors)
    assert errors == []
    assert plain.text == "Officials in Kabul rejected the American request on Saturday."
    assert marked.text == "China said it opposes foreign interference in Afghanistan."


def test_on_saturday_in_an_item_of_saturday_at_plus_14_is_that_saturday(tmp_path, extractor):
    # 05:00 on Saturday 2 March at +14:00 is Friday 1 March in UTC; read from Friday,
    # "on Saturday" went back to 24 February, a week early
    path = tmp_path / "pacific.rss"
    path.write_text(_rss(["<title>Talks</title><link>https://example.org/kiribati</link><description>The "
                          "government of Kiribati rejected the Chinese proposal on Saturday, officials in Tarawa "
                          "said.</description><pubDate>Sat, 02 Mar 2024 05:00 +1400</pubDate>"]), encoding="utf-8")
    [article] = iter_articles([path])
    events = extractor.extract(article).events
    assert [(e.actor.code, e.code, e.target.code, e.date) for e in events] == [
        ("KIRGOV", "120", "CHNGOV", dt.date(2024, 3, 2))]


def test_an_item_feedparser_raises_on_costs_that_item_only(tmp_path):
    # feedparser 6.0.x raises ValueError for a GML point whose EPSG code is no number,
    # instead of flagging the feed: every item was lost
    gml = ('<georss:where><gml:Point srsName="EPSG:abc"><gml:pos>34.5 69.2</gml:pos></gml:Point>'
           "</georss:where>")
    items = [_item(1, "Sat, 02 Mar 2024 05:00 +0000"), _item(2, "Sat, 02 Mar 2024 06:00 +0000") + gml,
             _item(3, "Sat, 02 Mar 2024 07:00 +0000")]
    feed = _rss(items).replace('<rss version="2.0">', '<rss version="2.0" xmlns:georss="http://www.georss.org/georss" '
                                                      'xmlns:gml="http://www.opengis.net/gml">')
    path = tmp_path / "geo.rss"
    path.write_text(feed, encoding="utf-8")
    errors = []
    articles = list(iter_articles([path], errors=errors))
    assert [(a.url, a.source) for a in articles] == [("https://example.org/1", "Test Wire"),
                                                     ("https://example.org/3", "Test Wire")]
    assert len(errors) == 1 and str(errors[0]).startswith(f"{path}: item 2: feedparser could not read the item")
