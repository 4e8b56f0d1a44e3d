"""A cheap test of whether an article can hold any event, run before the parser.

The trained pipeline (``tok2vec``, tagger, parser, statistical NER) is
nearly all of extraction's cost, yet many articles (commodity prices,
company results) can hold no event at all. This module decides that from
the tokenizer and the actor entity ruler alone (about 1 % of the pipeline's
time), so such articles skip the pipeline.

The test is a *necessary condition* read off the event coder's rules
(:mod:`geopolkg.extraction.coder`, :mod:`geopolkg.extraction.mentions`), so
an article that fails it yields no event and no issue with or without the
filter. ``tests/extraction/test_prefilter.py`` checks this on the seed
article and on Reuters stories; a change to the coder's rules that breaks
it fails that test. An event needs, in one sentence:

1. **A trigger word**: a token whose lemma (or lowercase form, for nouns)
   heads a verb or noun entry of the lexicon, with every further word of a
   verb phrase ("take hostage") or the modifier of a two-word noun entry in
   the same sentence; or a speech verb (statements and reported demands).
2. **An actor anchor**, since the actor is always named in the trigger's
   sentence: a name the actor ruler tagged with a knowledge-base id; a word
   that makes an unknown organization an actor ("Gulf", "Islamic"); a role
   word ("minister") or a noun for a group of people ("troops") that a
   description or a modifier turns into an actor; a personal pronoun; or a
   word of a person's name seen before in a sentence that could name that
   person (a later "Jalal" after "Zakir Jalal, an Afghan official").

Words are compared through every lemma the English rule lemmatizer could
give them under any part of speech (plus the attribute ruler's fixed
lemmas and the lowercase form), a superset of the tagger's choice.

Sentences come from the dependency parser, so the test works on the
stretches between line breaks instead: the ``geopolkg_paragraphs``
component starts a sentence after each, so no sentence spans two.

Why whole articles and not sentences: the shared ``tok2vec`` layer (a
window of four tokens each side) and the parser's transition features read
across sentence boundaries, so parsing kept sentences alone can change
their parse, and with it the events. Skipping whole articles is exact.
"""

from __future__ import annotations

from spacy.language import Language

from .lexicon import Lexicon

__all__ = ["EventPrefilter"]

_LEMMA_POS = ("noun", "verb", "adj", "adv", "aux")
#: Pronouns the mention resolver reads as a person named before.
_PRONOUNS = {"he", "she", "him", "her"}


class EventPrefilter:
    """Decide, before parsing, whether an article can hold an event.

    Parameters
    ----------
    nlp : spacy.language.Language
        The pipeline from :func:`geopolkg.extraction.nlp.build_nlp` (its
        tokenizer, actor ruler, lemmatizer tables and attribute ruler are read).
    lexicon : Lexicon
        The event lexicon (:func:`geopolkg.extraction.lexicon.load_lexicon`).

    Examples
    --------
    >>> from geopolkg.extraction.nlp import build_nlp            # doctest: +SKIP
    >>> from geopolkg.extraction.lexicon import load_lexicon     # doctest: +SKIP
    >>> f = EventPrefilter(build_nlp(), load_lexicon())          # doctest: +SKIP
    >>> f.may_hold_event("Cocoa prices rose 3 pct in London.")   # doctest: +SKIP
    False
    """

    def __init__(self, nlp: Language, lexicon: Lexicon):
        self.nlp = nlp
        self.ruler = nlp.get_pipe("geopolkg_actor_ruler")
        self._verbs = lexicon.verbs
        self._nouns = lexicon.nouns
        self._speech = {w.lower() for w in lexicon.words("speech")}
        self._anchor_words = self._actor_words()
        self._tables = self._lemma_tables(nlp)
        self._fixed = self._fixed_lemmas(nlp)
        self._cache: dict[str, frozenset] = {}

    @staticmethod
    def _actor_words() -> frozenset:
        """Lowercase words that can make a token part of an actor mention
        without a knowledge-base name: role words, people nouns, pronouns,
        words of international organizations' names."""
        from ..ontology.actors import load_kb
        from . import mentions

        words = set(_PRONOUNS) | {w.lower() for w in mentions._PERSON_PRONOUNS}
        words |= {w.lower() for w in getattr(mentions, "_PEOPLE_NOUNS", ())}
        words |= {w.lower() for w in getattr(mentions, "_INTERNATIONAL_WORDS", ())}
        for role in load_kb().roles:
            words.update(role.lower().split())
        return frozenset(words)

    @staticmethod
    def _lemma_tables(nlp):
        if "lemmatizer" not in nlp.pipe_names:
            return None
        lookups = nlp.get_pipe("lemmatizer").lookups
        return tuple(lookups.get_table(name, {}) for name in ("lemma_index", "lemma_exc", "lemma_rules"))

    @staticmethod
    def _fixed_lemmas(nlp) -> dict[str, set]:
        """Lemmas the attribute ruler sets outright, by lowercase form ("'d" -> "would")."""
        out: dict[str, set] = {}
        if "attribute_ruler" not in nlp.pipe_names:
            return out
        for rule in nlp.get_pipe("attribute_ruler").patterns:
            lemma = rule["attrs"].get("LEMMA")
            if not lemma:
                continue
            for pattern in rule["patterns"]:
                for spec in pattern:
                    word = spec.get("LOWER") or spec.get("ORTH") or spec.get("NORM")
                    if isinstance(word, str):
                        out.setdefault(word.lower(), set()).add(lemma.lower())
        return out

    def lemma_candidates(self, text: str) -> frozenset:
        """Every lemma the pipeline could give the word ``text`` (lowercased), and its lowercase form."""
        lower = text.lower()
        found = self._cache.get(lower)
        if found is not None:
            return found
        forms = {lower, *self._fixed.get(lower, ())}
        if self._tables is not None:
            index_table, exc_table, rules_table = self._tables
            for pos in _LEMMA_POS:
                forms.update(exc_table.get(pos, {}).get(lower, ()))
                for old, new in rules_table.get(pos, ()):
                    if lower.endswith(old):
                        form = lower[: len(lower) - len(old)] + new
                        if form:
                            forms.add(form)
        found = frozenset(forms)
        self._cache[lower] = found
        return found

    def may_hold_event(self, text: str) -> bool:
        """Return False only if no event can be extracted from ``text``.

        Runs the tokenizer and the actor ruler (about 1 % of the full
        pipeline's time), then tests each stretch between line breaks (a
        sentence never spans one: see ``geopolkg_paragraphs``) for a trigger
        word and an actor anchor.
        """
        doc = self.ruler(self.nlp.make_doc(text))
        kb_tokens = {i for ent in doc.ents if ent.ent_id_ for i in range(ent.start, ent.end)}
        earlier_names = set(self._kb_person_words(doc))
        for segment in _segments(doc):
            words: set[str] = set()
            anchored = False
            for token in segment:
                if token.is_space or token.is_punct:
                    continue
                forms = self.lemma_candidates(token.text)
                words.update(forms)
                anchored = anchored or token.i in kb_tokens or token.text in earlier_names or (
                    not forms.isdisjoint(self._anchor_words))
            if anchored and self._has_trigger(words):
                return True
            if anchored:
                # a person described here ("spokesperson Lin Jian") can be
                # named later by one word ("Lin")
                earlier_names.update(t.text for t in segment if t.text != t.text.lower())
        return False

    def _kb_person_words(self, doc):
        """Words of the full names of knowledge-base people named in ``doc``
        (a later "Donald" can refer back to a "Trump" the ruler found)."""
        from ..ontology.actors import load_kb

        entries = load_kb().entries
        for ent in doc.ents:
            entry = entries.get(ent.ent_id_)
            if entry is not None and entry.kind == "person":
                yield from entry.name.split()

    def _has_trigger(self, words: set[str]) -> bool:
        if not words.isdisjoint(self._speech):
            return True
        for word in words:
            for entry in self._verbs.get(word, ()):
                if all(rest in words for rest in entry.rest):
                    return True
            for entry in self._nouns.get(word, ()):
                if entry.modifier is None or entry.modifier in words:
                    return True
        return False


def _segments(doc):
    """Split ``doc`` after every whitespace token holding a line break: the
    ``geopolkg_paragraphs`` component starts a sentence there, so no
    sentence, and no event, spans two segments."""
    start = 0
    for token in doc:
        if token.is_space and "\n" in token.text:
            if token.i > start:
                yield doc[start:token.i]
            start = token.i + 1
    if start < len(doc):
        yield doc[start:]
