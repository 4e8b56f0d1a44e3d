"""Names across typographic variants: one key for "Côte d'Ivoire" and "Côte d’Ivoire".

News pages set names with typographic apostrophes (U+2019), dashes
("Guinea‑Bissau" with a non-breaking hyphen) and non-breaking spaces,
dictionaries and wire copy with the ASCII ones. The actor knowledge base
indexes every name by :func:`name_key`, which maps each such character to its
ASCII form, and looks names up the same way; the entity ruler matches each
name in the spellings :func:`typographic_variants` gives. Letters, case and
accents are kept: "US" and "us", "Côte" and "Cote" stay apart.

Examples
--------
>>> name_key("C\\u00f4te d\\u2019Ivoire") == name_key("C\\u00f4te d'Ivoire")
True
>>> sorted(typographic_variants("Guinea-Bissau"))[:2]
['Guinea-Bissau', 'Guinea\\u2010Bissau']
"""

from __future__ import annotations

import itertools
import unicodedata

__all__ = ["name_key", "typographic_variants"]

#: Typographic character -> the ASCII one it stands for in a name.
_FOLD = {
    **dict.fromkeys("\u2019\u2018\u201b\u02bc\u2032\u00b4`", "'"),             # apostrophes, primes
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),                     # double quotes
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d", "-"),  # hyphens, dashes, minus
    **dict.fromkeys("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                    "\u2009\u200a\u202f\u205f\u3000", " "),                     # space separators
}
_TABLE = str.maketrans(_FOLD)

#: ASCII character -> the spellings news text uses for it inside a name.
_VARIANTS = {
    "'": ("\u2019", "\u2018", "\u02bc"),
    "-": ("\u2010", "\u2011", "\u2013"),
    " ": ("\u00a0",),
}


def name_key(name: str) -> str:
    """Return the key ``name`` is indexed and looked up by.

    Unicode NFC, then each apostrophe, quote, hyphen, dash and space
    character of :data:`_FOLD` replaced by its ASCII form; same length as
    the NFC form.
    """
    return unicodedata.normalize("NFC", name).translate(_TABLE)


def typographic_variants(name: str) -> list[str]:
    """Return the spellings of ``name`` to match in text: its key, and the key
    with every apostrophe, hyphen or space (each kind throughout the name)
    set as news pages set it ("Côte d’Ivoire", "Guinea–Bissau",
    "Côte d'Ivoire" with a non-breaking space). A straight double quote
    becomes a pair of curly ones. The key comes first."""
    key = name_key(name)
    options = [[None, *_VARIANTS[c]] for c in _VARIANTS if c in key]
    kinds = [c for c in _VARIANTS if c in key]
    variants = []
    for choice in itertools.product(*options):
        text = key
        for char, replacement in zip(kinds, choice):
            if replacement is not None:
                text = text.replace(char, replacement)
        variants.append(text)
    if '"' in key:
        parts = key.split('"')
        variants.append("".join(p + ("\u201c" if i % 2 == 0 else "\u201d") for i, p in enumerate(parts[:-1])) + parts[-1])
    return list(dict.fromkeys(variants))
