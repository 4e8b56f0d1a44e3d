"""Remove site chrome from text saved from a web page.

Pages saved as plain text keep their menus ("Home Asia Central Asia ..."),
share buttons, comment forms and teasers of other stories ("Don't Miss",
"Related Articles"). None of that is the article, and events found there
would be attributed to the wrong story. The rules:

1. A *tail marker* line (a heading such as "Related Articles", "Leave a
   Reply" or "Don't Miss") ends the article: it and everything after it go.
2. A paragraph is kept only if it reads as prose: it ends a sentence
   (``.``, ``!`` or ``?``, perhaps before a closing quote), or it has at
   least eight words and a full stop inside. Anything else (a menu, a
   button, a byline label, a headline, a long list of section names) is
   not article text, so a story must have at least one full stop.
3. A paragraph ending in an ellipsis right after a short headline is a
   teaser of another story.

The rules work on paragraphs (blocks separated by blank lines).
"""

from __future__ import annotations

import re

__all__ = ["strip_chrome", "TAIL_MARKERS"]

#: Headings after which a saved page holds no more article text.
TAIL_MARKERS = (
    "related articles", "related posts", "related stories", "related news",
    "related", "don't miss", "dont miss", "don\u2019t miss", "you may also like",
    "you might also like", "more from", "more stories", "most read", "most popular",
    "read more", "recommended", "recommended for you", "trending", "leave a reply",
    "leave a comment", "comments", "post a comment", "read next", "latest news",
    "also read", "more in", "advertisement", "subscribe to our newsletter",
)

_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")
_ELLIPSIS = re.compile(r"(\.\.\.|\u2026)[\"'\u201d\u2019]?$")


def _is_tail_marker(para: str) -> bool:
    key = re.sub(r"[^a-z' \u2019]", "", para.lower()).strip()
    return key in TAIL_MARKERS


def _is_prose(para: str) -> bool:
    words = para.split()
    return bool(_SENTENCE_END.search(para)) or len(words) >= 8 and para.count(".") > 0


def strip_chrome(text: str) -> str:
    """Return the article paragraphs of ``text``, dropping site chrome.

    Parameters
    ----------
    text : str
        Text saved from a page; paragraphs separated by blank lines.

    Returns
    -------
    str
        The kept paragraphs joined by one blank line (may be empty).

    Examples
    --------
    >>> strip_chrome("Home World\\n\\nShare\\n\\nKabul rejected the plan.\\n\\nRelated Articles\\n\\nOther story...")
    'Kabul rejected the plan.'
    """
    paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    kept: list[str] = []
    for i, para in enumerate(paras):
        if _is_tail_marker(para) and kept:
            break
        if not _is_prose(para):
            continue
        if _ELLIPSIS.search(para) and i > 0 and not _is_prose(paras[i - 1]):
            continue
        kept.append(para)
    return "\n\n".join(kept)
