"""Datelines: the place (and day, and agency) that opens a wire story.

News agencies open a story, or a paragraph of a transcript or a page, with
where it was filed: "HANOI, Vietnam (AP) —", "DUBAI, Nov. 27 (Reuters) -",
"PARIS (AFP) --", "Beijing, March 3 (Xinhua) --", "KYIV, Ukraine —". A
dateline is a place, never an actor, and it is not part of the sentence
that follows: parsed with it, "LONDON, Oct. 17 (Reuters) - British police
arrested ..." makes "LONDON" the subject of "arrested".

The ``geopolkg_datelines`` component (before the parser) finds datelines
at the start of the text and of each paragraph, makes the words after the
dash start a sentence of their own, and records the datelines in
``doc.spans["geopolkg_datelines"]`` (label: the place as written), so that
later steps can read the place as context and never as an actor.

What counts as a dateline (the agencies' style guides agree on the shape):
a place in capitals ("NEW YORK", "ST. PETERSBURG"), or in title case when
a day or an agency follows ("Beijing, March 3 (Xinhua)"); then optionally a
region or country (", Vietnam", ", Calif."), a day (", Nov. 27"), an agency
in parentheses; then a dash (``-``, ``--``, en or em dash) and a space. A
capitalised word alone before a dash ("NATO - the alliance") needs four
letters or more, or a region, day or agency, to be taken for a place.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

__all__ = ["DATELINE", "find_datelines", "mark_datelines", "SPANS_KEY"]

#: ``doc.spans`` key of the datelines found.
SPANS_KEY = "geopolkg_datelines"

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CAPS_WORD = r"[A-Z][A-Z'’.\-]*[A-Z.]"
_TITLE_WORD = r"[A-Z][a-zà-ÿ'’.\-]+"
_DAY = rf"(?:,?\s+{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?)"
_REGION = rf"(?:,\s+(?!{_MONTH}\s+\d)[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){{0,2}})"
_AGENCY = r"(?:\s*\([A-Z][\w.&'’ \-]{1,30}\))"
_DASH = r"\s*(?:--|-|—|–)\s+"
#: A dateline at the start of a paragraph (see the module's docstring).
DATELINE = re.compile(
    rf"(?P<place>(?:{_CAPS_WORD})(?:\s+{_CAPS_WORD}){{0,3}}|{_TITLE_WORD}(?:\s+{_TITLE_WORD}){{0,2}}(?=(?:{_REGION})?(?:{_DAY}|{_AGENCY})))"
    rf"(?P<region>{_REGION})?(?P<day>{_DAY})?(?P<agency>{_AGENCY})?{_DASH}(?=[\"“‘'A-Z0-9(])")


def _is_dateline(m: re.Match) -> bool:
    place = m.group("place")
    if m.group("region") or m.group("day") or m.group("agency"):
        return True
    return sum(ch.isalpha() for ch in place) >= 4 and place.upper() == place


def find_datelines(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, place)`` of each dateline in ``text``: at the start of
    the text or of a line, ``end`` where the story's words begin.

    Examples
    --------
    >>> find_datelines("DUBAI, Nov. 27 (Reuters) - Iran said ...")
    [(0, 27, 'DUBAI')]
    >>> find_datelines("HANOI, Vietnam (AP) — Vietnam and China agreed ...")
    [(0, 22, 'HANOI')]
    >>> find_datelines("NATO - the alliance said ...")
    []
    """
    out = []
    for line in re.finditer(r"(?m)^[ \t]*(?=\S)", text):
        m = DATELINE.match(text, line.end())
        if m is not None and _is_dateline(m):
            out.append((m.start(), m.end(), m.group("place")))
    return out


def mark_datelines(doc: Doc) -> Doc:
    """Start a sentence after each dateline of ``doc`` and record the datelines."""
    spans = []
    for start, end, place in find_datelines(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.end >= len(doc):
            continue
        doc[span.end].is_sent_start = True
        for token in span[1:]:
            token.is_sent_start = False
        spans.append(Span(doc, span.start, span.end, label=place))
    doc.spans[SPANS_KEY] = spans
    return doc


@Language.component("geopolkg_datelines")
def dateline_component(doc: Doc) -> Doc:
    """spaCy component: :func:`mark_datelines` (registered before the parser)."""
    return mark_datelines(doc)
