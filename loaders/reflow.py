"""Re-flow hard-wrapped text (wire stories) into one line per paragraph.

Wire services sent text broken at about 70 characters, with paragraphs
marked by an indented first line or a blank line. spaCy splits sentences
better, and character offsets are easier to read, once each paragraph is
one line.
"""

from __future__ import annotations

import re

__all__ = ["reflow", "is_hard_wrapped"]

_INDENT = re.compile(r"^(?:\s{2,}|\t)\S")
_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+")


def is_hard_wrapped(text: str, width: int = 80) -> bool:
    """Return True if ``text`` looks hard-wrapped at a fixed width.

    A text counts as wrapped when most of its non-blank lines are shorter
    than ``width`` characters and at least half of them run on into the next
    line (they do not end a sentence).
    """
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) < 4:
        return False
    short = sum(len(ln) <= width for ln in lines)
    run_on = sum(not ln.rstrip().endswith((".", "!", "?", ":", '"', "\u201d")) for ln in lines[:-1])
    return short / len(lines) > 0.9 and run_on / (len(lines) - 1) >= 0.5


def reflow(text: str) -> str:
    """Join wrapped lines into paragraphs, separated by one blank line.

    A new paragraph starts after a blank line, at an indented line, or at a
    list bullet; every other line is joined to the one before with a space.
    Hyphenated breaks ("counter-\\nterrorism") keep their hyphen, since wire
    text hyphenates compounds, not syllables.

    Examples
    --------
    >>> reflow("The talks went\\non all day.\\n    A new paragraph\\nstarts here.")
    'The talks went on all day.\\n\\nA new paragraph starts here.'
    """
    paragraphs: list[list[str]] = [[]]
    for line in text.splitlines():
        if not line.strip():
            paragraphs.append([])
            continue
        if paragraphs[-1] and (_INDENT.match(line) or _BULLET.match(line)):
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
    joined = []
    for lines in paragraphs:
        if not lines:
            continue
        para = lines[0]
        for ln in lines[1:]:
            para = para + ln if para.endswith("-") and not para.endswith(" -") else para + " " + ln
        joined.append(re.sub(r"[ \t]{2,}", " ", para))
    return "\n\n".join(joined)
