"""Resolve date expressions against the article's publication date, and say which dates date an event.

News dates events relative to the day of publication ("on Friday", "last
week", "yesterday"). An expression is resolved with dateparser, anchored at
the publication date. Which way it points depends on the tense of its
clause (:func:`tense_of`): "met on Friday" is the most recent Friday,
"will meet Oman on Friday" the coming one; a day and month without a year
("October 30") is the last such day before publication in a past-tense
clause, the next one in a future-tense clause, and the nearest otherwise.
Only expressions that name a day or a week are used as event dates; "2021"
or "August 2021" are too coarse to date an event, and a length of time
("within 60 days", "for two weeks") names no day at all.

An event is dated by when it happened or was reported, never by a date
inside its content (:func:`dates_event`): in "he will hang on until his
term ends on October 30" the date is the end of the term, and in "a plan
ending June 30 1992" the end of the plan, not the day of the event.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

__all__ = ["resolve_date_expression", "date_period", "tense_of", "dates_event", "clause_verb"]

_MONTHS = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.I)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_HEDGES = re.compile(r"^(?:on|late|early|earlier|later|by|this past|last|until|since|from)\s+", re.I)
#: A length of time: a count of days, weeks, months or years that is not
#: anchored by "ago" ("within 60 days", "for two weeks", "the past three
#: months", "60 days"). It names no day.
_DURATION = re.compile(
    r"^(?:(?:within|for|in|over|during|after|under|about|nearly|almost|some|up to|at least|more than|less than|"
    r"the past|the last|the next|the first|the coming|past|next|another|a further)\s+)*"
    r"(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|ninety|a hundred|several|a few|few|many|a couple of)"
    r"(?:[\s-]+(?:full|more|straight|consecutive|working|business))?[\s-]+(?:day|week|month|year|decade)s?$", re.I)


#: Digit-free expressions dateparser read as no day or week ("this year",
#: "annual", "January"), whatever the anchor (see :func:`_remember_no_day`).
_NO_DAY: set[str] = set()
#: Bound on :data:`_NO_DAY` (a corpus has a few thousand such expressions).
_NO_DAY_MAX = 50_000


@functools.lru_cache(maxsize=16384)
def _parse(text: str, base: dt.date, prefer: str = "past") -> tuple[dt.date, str] | None:
    from dateparser.date import DateDataParser

    parser = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time(12)),
        "PREFER_DATES_FROM": prefer,
        "RETURN_TIME_AS_PERIOD": True,
    })
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), data.period


def resolve_date_expression(text: str, published: dt.date | None, tense: str | None = None) -> dt.date | None:
    """Return the day a date expression names, or None.

    Parameters
    ----------
    text : str
        A date expression found in a sentence ("Friday", "last week",
        "September 11, 2001", "late Thursday").
    published : datetime.date or None
        The article's publication date (the anchor for relative forms).
        Without it, only absolute dates are resolved.
    tense : {"past", "future"} or None
        The tense of the clause the expression is in (:func:`tense_of`). With
        "future", a weekday or a day and month is the next one from
        publication, and days after publication are kept; with "past" or
        None, a weekday is the most recent one and a day after publication
        is refused ("on Friday" in a past-tense clause of a Wednesday paper
        is two days back). A day and month without a year is the last one
        in a past-tense clause and the nearest with no tense.

    Returns
    -------
    datetime.date or None
        The day (for a week, the day one week before publication, or after
        it in a future-tense clause; a weekday that is the publication's own
        weekday is the publication day); None when the expression is vague
        ("two decades", "2021") or a length of time ("within 60 days").

    Examples
    --------
    >>> import datetime as dt
    >>> resolve_date_expression("on Friday", dt.date(2025, 9, 20))
    datetime.date(2025, 9, 19)
    >>> resolve_date_expression("on Friday", dt.date(2025, 9, 15), "future")  # a Monday paper
    datetime.date(2025, 9, 19)
    >>> resolve_date_expression("within 60 days", dt.date(2025, 9, 20)) is None
    True
    >>> resolve_date_expression("2021", dt.date(2025, 9, 20)) is None
    True
    """
    # "June 8-10" is a range: its first day dates the event
    text = re.sub(r"\b(\d{1,2})\s*[-\u2013]\s*\d{1,2}\b", r"\1", " ".join(text.split()))
    stripped = text
    while True:
        shorter = _HEDGES.sub("", stripped)
        if shorter == stripped:
            break
        stripped = shorter
    if _DURATION.match(text) or _DURATION.match(stripped):
        return None  # "within 60 days", "for two weeks": a length of time
    relative = not re.search(r"\b(1[89]|20)\d\d\b", text)
    if relative and published is None:
        return None
    base = published or dt.date(2000, 1, 1)
    if published is not None and stripped.lower() in _WEEKDAYS and _WEEKDAYS.index(stripped.lower()) == published.weekday():
        return published  # "on Friday" in a Friday paper is that day, not a week before
    future = tense == "future"
    for candidate in (text, stripped):
        if candidate in _NO_DAY:
            continue
        found = _parse(candidate, base, "future") if future else _parse(candidate, base)
        if not (found and found[1] in ("day", "week")):
            _remember_no_day(candidate)
            continue
        day = found[0]
        if published and relative and _MONTHS.search(candidate):
            return _year_for(day, published, tense)
        if published and relative and day > published and not future:
            return None
        return day
    return None


def _remember_no_day(text: str) -> None:
    """Remember that dateparser reads ``text`` as no day or week, when that
    cannot depend on the anchor.

    The anchor (``RELATIVE_BASE``) fills in and moves the date; whether an
    expression parses, and to what period ("Friday" a day, "this year" a
    year), depends on its words, except where a day of the month exists in
    some years only: 29 February ("Feb 29", "February twenty-nine"). So
    expressions with digits or naming February are looked up per anchor.
    Saves a dateparser call (about 0.5 ms CPU) per expression and anchor:
    a corpus's vague expressions ("this year", "annual", "January") recur
    under every publication day. ``tests/extraction/test_dates.py`` checks
    the rule against dateparser over a year of anchors.
    """
    if any(c.isdigit() for c in text) or "feb" in text.lower():
        return
    if len(_NO_DAY) >= _NO_DAY_MAX:
        _NO_DAY.clear()
    _NO_DAY.add(text)


def _year_for(day: dt.date, published: dt.date, tense: str | None) -> dt.date | None:
    """A month and day without a year ("June 8"): in a past-tense clause the
    last one on or before publication, in a future-tense clause the next one
    on or after it, else the one nearest publication (news reports what
    happened and what is scheduled)."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(day.replace(year=year))
        except ValueError:  # 29 February
            continue
    if tense == "past":
        candidates = [d for d in candidates if d <= published]
    elif tense == "future":
        candidates = [d for d in candidates if d >= published]
    return min(candidates, key=lambda d: abs((d - published).days)) if candidates else None


def date_period(text: str, published: dt.date | None) -> tuple[dt.date, str] | None:
    """Return (date, period) for any date expression, period being ``day``,
    ``week``, ``month`` or ``year``; None if it cannot be read."""
    return _parse(" ".join(text.split()), published or dt.date(2000, 1, 1))


#: Auxiliaries and verbs that put a clause in the future ("will meet",
#: "is to meet", "is due to", "plans to", "is expected to").
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
_FUTURE_VERBS = {"plan", "intend", "expect", "schedule", "due", "set", "aim", "hope", "prepare"}


def clause_verb(token):
    """The verb whose clause ``token`` is in: the token itself if it is a
    verb, else the first verb above it in the dependency parse (None at a
    verbless root)."""
    node = token
    while node.pos_ not in ("VERB", "AUX") or node.dep_ in ("aux", "auxpass"):
        if node.head == node:
            return None
        node = node.head
    return node


def tense_of(token) -> str | None:
    """Return ``"future"``, ``"past"`` or None for the clause of ``token`` (a spaCy Token).

    Future: the clause has "will", "shall", "'ll" or (reported) "would", or its verb is the
    infinitive of "is to", "is due to", "plans to", "is expected to" and the
    like, or is a present participle with "going to"; past: its verb is in
    the past tense (VBD) or a perfect ("has met"). None otherwise (the
    present tense reports both what is happening and what is scheduled).

    Examples
    --------
    >>> import spacy                                            # doctest: +SKIP
    >>> doc = spacy.load("en_core_web_sm")("Oman will meet Iran on Friday.")  # doctest: +SKIP
    >>> tense_of(doc[5])                                        # doctest: +SKIP
    'future'
    """
    verb = clause_verb(token)
    if verb is None:
        return None
    for node in (verb, verb.head if verb.dep_ in ("xcomp", "conj") else None):
        if node is None:
            continue
        auxes = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if auxes & _FUTURE_AUX:
            return "future"
        if node is not verb and node.lemma_.lower() in _FUTURE_VERBS and verb.dep_ == "xcomp":
            return "future"  # "plans to meet", "is due to arrive"
        if node is verb and verb.tag_ == "VB" and "to" in auxes and verb.head.lemma_.lower() == "be":
            return "future"  # "is to meet"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)):
        return "past"
    return None


#: Nouns of a report: a date on them is when the event was reported ("according
#: to a report on Friday", "said in a statement on Monday", "told a news
#: conference on Tuesday").
_REPORT_NOUNS = {"report", "statement", "interview", "broadcast", "announcement", "conference", "briefing",
                 "speech", "communique", "communiqué", "remarks", "letter", "message", "address", "dispatch",
                 "bulletin", "editorial", "commentary", "article", "reports", "statements"}
#: Prepositions that make a date a bound, not the day of an act: "until
#: April 3", "by Friday", "before March 1", "since June", "after Monday's talks".
_BOUND_PREPS = {"until", "till", "by", "before", "after", "since", "through", "from", "ahead"}


def dates_event(date_token, trigger) -> bool:
    """True when a date in the sentence can date the event of ``trigger``.

    The date must hang on the trigger itself ("talks on Friday"), on its
    clause, or on a clause the trigger's clause hangs under (the report:
    "Iran said on Monday it had captured ..."), through prepositions, or
    through the trigger's own subject or object. It does not date the event

    * in another clause, or inside a noun phrase's clause ("until his term
      ends on October 30", "a plan ending June 30 1992", "the accord that
      expires in May");
    * on another noun or an adjective ("the budget, due out on April 1"),
      unless the noun is the report ("according to a report on Friday",
      "said in a statement on Monday": when it was reported);
    * as a bound: "until April 3", "by Friday", "before March 1", "since
      June" give a deadline or a start, not the day of the act.

    Parameters
    ----------
    date_token, trigger : spacy.tokens.Token
        The root of the date expression, and the event's trigger.
    """
    node = date_token
    if node.head.lower_ in _BOUND_PREPS or any(c.lower_ in _BOUND_PREPS and c.dep_ in ("prep", "mark", "advmod")
                                               for c in node.children):
        return False
    while node != trigger:
        if node.head == node:
            return True  # a verbless sentence: nothing else to date
        child, node = node, node.head
        if node == trigger:
            return True
        if node.pos_ in ("VERB", "AUX") and node.dep_ == "prep":
            continue  # "according to a report on Friday": a preposition
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
            return node in trigger.ancestors
        if node.pos_ == "ADJ":
            return False  # "due out on April 1", "scheduled for May": another thing's date
        if node.pos_ == "NOUN" and node.lemma_.lower() in _REPORT_NOUNS:
            continue  # "according to a report on Friday": the day it was reported
        if node.pos_ in ("NOUN", "PROPN", "NUM") and child.dep_ not in ("compound",) \
                and node.head != trigger and not (node.head.pos_ in ("VERB", "AUX") and node.head in trigger.ancestors
                                                  and node.dep_ in ("nsubj", "nsubjpass", "dobj", "npadvmod")):
            return False  # the date qualifies something else: "the budget, due out on April 1"
    return True
