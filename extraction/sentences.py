"""Sentences found without the parser: final punctuation and line breaks.

The prefilter (:mod:`.prefilter`) needs sentences before anything is
parsed, and an event's ``sentence_index`` must not depend on which
sentences were parsed, so both use this rule-based split: spaCy's
``Sentencizer`` (a sentence ends at ``.``, ``!``, ``?`` and similar
characters) plus a new sentence after every line break.
"""

from __future__ import annotations

import bisect

from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

__all__ = ["split_sentences", "sentence_starts", "starts_of", "has_words", "sentence_index"]

_SENTENCIZER = Sentencizer()


def split_sentences(doc: Doc) -> Doc:
    """Set sentence starts on an unparsed ``doc`` (in place) and return it."""
    doc = _SENTENCIZER(doc)
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
        elif token.is_sent_start:
            _opening_quote_starts(doc, token)
    return doc


def _opening_quote_starts(doc: Doc, token) -> None:
    """Move a sentence start back over an opening quote: the ``Sentencizer``
    gives the quote of ``said. "We ...`` to the sentence before it."""
    start = token.i
    while start >= 2 and doc[start - 1].is_quote and not doc[start - 1].whitespace_ and doc[start - 2].whitespace_:
        start -= 1
    if start != token.i:
        token.is_sent_start = False
        doc[start].is_sent_start = True


def sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where the sentences of ``doc`` (split by
    :func:`split_sentences`) begin, ascending. Stretches with no word (the
    blank lines between paragraphs, a lone dash) are not sentences."""
    return starts_of(split_sentences(doc))


def starts_of(doc: Doc) -> list[int]:
    """Like :func:`sentence_starts`, for a ``doc`` already split."""
    return [sent.start_char for sent in doc.sents if has_words(sent)]


def has_words(span) -> bool:
    """True when ``span`` holds a token that is neither space nor punctuation."""
    return any(not (t.is_space or t.is_punct) for t in span)


def sentence_index(starts: list[int], offset: int) -> int:
    """0-based index of the sentence holding character ``offset``, given the
    sentence ``starts`` from :func:`sentence_starts`."""
    return max(bisect.bisect_right(starts, offset) - 1, 0)
