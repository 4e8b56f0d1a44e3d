"""The verb and noun lexicon: which words carry which CAMEO event type.

The data are YAML files in ``extraction/lexicon/`` (``verbs.yaml``,
``nouns.yaml``, ``grammar.yaml``), written for this project. A verb phrase is
a lemma plus the particles, prepositions or objects it needs ("weigh in",
"warn against", "take hostage"); matching is against the dependency parse, so
"warned sharply against" still matches "warn against".
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml

from ..errors import OntologyError

__all__ = ["Lexicon", "VerbEntry", "NounEntry", "load_lexicon"]

#: Dependency labels of a verb's children that can complete a verb phrase.
_PHRASE_DEPS = {"prt", "prep", "agent", "dobj", "advmod", "acomp", "xcomp", "dative", "compound:prt", "npadvmod", "pobj"}


@dataclass(frozen=True)
class VerbEntry:
    """One verb phrase: ``lemma`` plus ``rest`` words, coding as ``code``."""

    lemma: str
    rest: tuple[str, ...]
    code: str

    @property
    def phrase(self) -> str:
        return " ".join((self.lemma, *self.rest))


@dataclass(frozen=True)
class NounEntry:
    """One noun trigger: ``lemma`` (with an optional ``modifier`` before it)."""

    lemma: str
    modifier: str | None
    code: str


def _load(name: str) -> dict:
    text = resources.files("geopolkg.extraction").joinpath("lexicon", name).read_text("utf-8")
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as err:
        raise OntologyError(f"lexicon/{name} is not valid YAML: {err}") from err
    return data


class Lexicon:
    """Look up event triggers in a spaCy parse.

    Parameters
    ----------
    verbs : dict[str, list[str]]
        CAMEO code -> verb phrases.
    nouns : dict[str, list[str]]
        CAMEO code -> noun phrases (one or two words).
    grammar : dict[str, list[str]]
        Word lists the rules read (speech verbs, light verbs, ...).

    Raises
    ------
    OntologyError
        If a phrase appears under two codes (the lexicon must be unambiguous).
    """

    def __init__(self, verbs: dict, nouns: dict, grammar: dict):
        self.verbs: dict[str, list[VerbEntry]] = {}
        self.nouns: dict[str, list[NounEntry]] = {}
        seen: dict[str, str] = {}
        for code, phrases in verbs.items():
            for phrase in phrases:
                self._check_unique(seen, "verb " + phrase, str(code))
                words = phrase.lower().split()
                self.verbs.setdefault(words[0], []).append(VerbEntry(words[0], tuple(words[1:]), str(code)))
        for entries in self.verbs.values():
            entries.sort(key=lambda e: -len(e.rest))
        for code, phrases in nouns.items():
            for phrase in phrases:
                self._check_unique(seen, "noun " + phrase, str(code))
                words = phrase.lower().split()
                modifier = words[0] if len(words) > 1 else None
                self.nouns.setdefault(words[-1], []).append(NounEntry(words[-1], modifier, str(code)))
        for entries in self.nouns.values():
            entries.sort(key=lambda e: e.modifier is None)
        self.grammar = {key: set(values) for key, values in grammar.items()}

    @staticmethod
    def _check_unique(seen: dict, key: str, code: str) -> None:
        if key in seen and seen[key] != code:
            raise OntologyError(f"lexicon phrase {key!r} is listed under {seen[key]} and {code}")
        seen[key] = code

    def words(self, name: str) -> set[str]:
        """Return a word list from ``grammar.yaml`` (empty if absent)."""
        return self.grammar.get(name, set())

    def match_verb(self, token) -> tuple[VerbEntry, list] | None:
        """Return the longest verb phrase ``token`` heads, with the tokens that completed it.

        ``token`` is a spaCy Token; a match needs each extra word of the
        phrase among the token's children (particle, preposition, object,
        adverb or infinitive complement), by lemma or lowercase form.
        """
        if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ"):
            return None
        for entry in self.verbs.get(token.lemma_.lower(), ()):
            used, head = [], token
            for k, word in enumerate(entry.rest):
                child = _child_with(head, word, self.words("quantity_nouns"))
                if child is None and word == "to" and k + 1 < len(entry.rest):
                    continue  # "decline to comment": "to" hangs on the infinitive, not the verb
                if child is None:
                    break
                used.append(child)
                if child.dep_ in ("xcomp", "prep"):
                    head = child  # "fail to reach agreement", "remain on alert": the rest hangs lower
            else:
                return entry, used
        return None

    def match_noun(self, token) -> NounEntry | None:
        """Return the noun entry ``token`` (a NOUN or PROPN) triggers, if any."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        for key in (token.lemma_.lower(), token.lower_):
            for entry in self.nouns.get(key, ()):
                if entry.modifier is None:
                    return entry
                if any(c.lower_ == entry.modifier or c.lemma_.lower() == entry.modifier
                       for c in token.lefts):
                    return entry
        return None


def _forms(token) -> set[str]:
    """The ways a phrase may name ``token``: its form, its lemma, and the
    hyphenated compound it ends ("cease-fire" parsed as cease - fire)."""
    forms = {token.lower_, token.lemma_.lower()}
    left = token
    while left.i > 0 and token.doc[left.i - 1].text == "-" and left.i > 1 and not token.doc[left.i - 2].whitespace_:
        left = token.doc[left.i - 2]
    if left is not token:
        forms.add(token.doc[left.i:token.i + 1].text.lower())
        forms.add(token.doc[left.i:token.i + 1].text.lower().replace("-", ""))
    # "halted mediation efforts" still halts mediation
    forms |= {c.lemma_.lower() for c in token.children if c.dep_ == "compound"}
    return forms


def _quantity_of(token, quantities) -> set[str]:
    """The goods a quantity word measures: "700 kg of medicine", "$5,000
    worth of food", "two shipments of aid" name medicine, food and aid."""
    if token.dep_ != "dobj" or token.lemma_.lower() not in quantities:
        return set()
    return {g.lemma_.lower() for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children if g.dep_ == "pobj"}


def _child_with(token, word: str, quantities=frozenset()):
    for child in token.children:
        if child.dep_ in _PHRASE_DEPS and (word in _forms(child) or word in _quantity_of(child, quantities)):
            if child.dep_ == "prep" and any(g.ent_type_ == "DATE" for g in child.children):
                continue  # "agreed on Wednesday" is not "agreed on"
            return child
        # "decline to comment": the infinitive's verb completes the phrase
        if child.dep_ == "xcomp" and child.lemma_.lower() == word:
            return child
    return None


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Return the bundled lexicon (read once, then cached)."""
    return Lexicon(_load("verbs.yaml"), _load("nouns.yaml"), _load("grammar.yaml"))
