"""Which sentences of an article can hold an event, decided before the parser.

The trained pipeline (``tok2vec``, tagger, parser, statistical NER) is
nearly all of extraction's cost, yet most sentences of a news corpus
(commodity prices, company results) hold no event. This module finds the
sentences that can, from the tokenizer, the actor entity ruler and a
rule-based sentence splitter alone (a few per cent of the pipeline's time).
The extractor then parses the article with every other sentence blanked
out: replaced by spaces, line breaks kept, so character offsets, paragraphs
and provenance stay those of the article while the parser sees almost
nothing of the blanked text.

A sentence is parsed when it holds

1. **a trigger word and an actor anchor**. A trigger is a token whose
   lemma (or lowercase form, for nouns) heads a verb or noun entry of the
   lexicon, with every further word of a verb phrase ("take hostage") or
   the modifier of a two-word noun entry in the same sentence, or a speech
   verb (statements and reported demands). An anchor is what the mention
   resolver (:mod:`geopolkg.extraction.mentions`) can turn into an actor: a
   name the actor ruler tagged with a knowledge-base id; a personal pronoun;
   a role word ("Finance Minister", "gunmen", "officials": in the subject,
   an actor of unknown country) or a capitalized word of an international
   organization's name ("Gulf", "Islamic"); "international" or
   "multinational" with a noun for people ("international monitors"); a role word next to a
   capitalized word ("Thomas Pyke, a spokesman"); a word of a person's
   name described earlier in the article (a later "Boesze" after "Zoltan
   Boesze, chief of the Finance Ministry's budget division"), or a title
   after "the" once a person has been ("the minister");
2. **or, without a trigger, a knowledge-base name or a described person**:
   such a sentence is the context that later sentences read (the country an
   unnamed official takes, the person "he" is, the words that decide an
   ambiguous name such as "Georgia");
3. **or a day ("On Monday the talks resumed.")** when a later parsed
   sentence of the same paragraph names none: that event takes its date.

Words are compared through every lemma the English rule lemmatizer could
give them under any part of speech (plus the attribute ruler's fixed
lemmas and the lowercase form), a superset of the tagger's choice.

This is close to, not exactly, the coder's own condition: the kept
sentences are parsed with blank neighbours, and the tok2vec window and the
parser's features read across sentence boundaries, so a few parses (and
events) change. ``bench/ingest_throughput.py`` measures the share of text
skipped and the events kept on Reuters stories, and checks that the event
scorer's figures are unchanged; ``tests/extraction/test_prefilter.py``
checks the seed article's events are identical and Reuters stories keep at
least 97 % of their events.
"""

from __future__ import annotations

import re

from spacy.language import Language

from .lexicon import Lexicon
from .sentences import split_sentences, starts_of

__all__ = ["EventPrefilter"]

_LEMMA_POS = ("noun", "verb", "adj", "adv", "aux")
#: Pronouns the mention resolver reads as a person named before.
_PRONOUNS = {"he", "she", "him", "her"}
#: How near (in tokens) a role word and a capitalized word must be to read
#: as a described person: "Finance Secretary Jaime Ongpin", "Pyke, a spokesman".
_ROLE_WINDOW = 3
#: Words that can name a day (CAMEO events are dated by day): an event with
#: no date of its own takes the last one named earlier in its paragraph
#: (:mod:`geopolkg.extraction.coder`), so such a sentence is parsed too.
_DATE_WORDS = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|tonight"
    r"|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|week|weekend|month|year|ago"
    r"|(?:19|20)\d\d)\b", re.IGNORECASE)
#: Words whose lemma candidates are remembered (about 6 MiB).
_CACHE_WORDS = 20_000
#: How far (in tokens) after "Name," a role word may come in an appositive.
_APPOSITIVE_WINDOW = 10


class EventPrefilter:
    """Choose, before parsing, the sentences of an article that can hold an event.

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
    >>> f.may_hold_event("Cocoa prices rose 3 pct in a quiet market.")  # doctest: +SKIP
    False
    >>> f.masked_text("Cocoa rose 3 pct.\n\nBrazil rejected the plan.")  # doctest: +SKIP
    '                 \n\nBrazil rejected the plan.'
    """

    def __init__(self, nlp: Language, lexicon: Lexicon):
        from ..ontology.actors import load_kb
        from . import mentions

        self.nlp = nlp
        self.ruler = nlp.get_pipe("geopolkg_actor_ruler")
        self._verbs = lexicon.verbs
        self._nouns = lexicon.nouns
        self._speech = {w.lower() for w in lexicon.words("speech")}
        # the pronouns the mention resolver reads as an actor named before:
        # people ("he"), bodies ("it", "they") and speakers ("we")
        self._pronouns = frozenset(_PRONOUNS | mentions._PERSON_PRONOUNS | mentions._BODY_PRONOUNS
                                   | mentions._FIRST_PERSON)
        self._roles, self._pair_roles = _role_words(load_kb().roles)
        self._international = frozenset(w.lower() for w in mentions._INTERNATIONAL_WORDS)
        self._people = frozenset(w.lower() for w in mentions._PEOPLE_NOUNS)
        self._tables = self._lemma_tables(nlp)
        self._fixed = self._fixed_lemmas(nlp)
        self._cache: dict[str, frozenset] = {}
        #: Per word (as written): is it a role word, an anchor (both read
        #: for nearly every token); emptied with ``_cache``.
        self._role_cache: dict[str, bool] = {}
        self._anchor_cache: dict[str, bool] = {}

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
        if len(self._cache) >= _CACHE_WORDS:
            # bounded: a corpus's words (every figure is one) would otherwise
            # grow it without end, 17 MiB over the Reuters corpus
            self._cache.clear()
            self._role_cache.clear()
            self._anchor_cache.clear()
        self._cache[lower] = found
        return found

    def sentence_spans(self, text: str) -> list[tuple[int, int]]:
        """Return the ``(start, end)`` character offsets (end exclusive) of the
        sentences of ``text`` that can hold an event, in order.

        Sentences here come from :func:`geopolkg.extraction.sentences.split_sentences`
        (final punctuation and line breaks), not from the parser.
        """
        return self._spans(self._sentence_doc(text), text)

    def mask(self, text: str) -> tuple[str | None, list[int]]:
        """Return :meth:`masked_text` of ``text`` and the character offsets
        where all its sentences begin (as
        :func:`geopolkg.extraction.sentences.sentence_starts` gives them),
        tokenizing ``text`` once for both."""
        doc = self._sentence_doc(text)
        return _masked(text, self._spans(doc, text)), starts_of(doc)

    def _sentence_doc(self, text: str):
        return split_sentences(self.ruler(self.nlp.make_doc(text)))

    def _spans(self, doc, text: str) -> list[tuple[int, int]]:
        """The ``(start, end)`` offsets of the sentences of ``doc`` (``text``
        tokenized and split) to parse. ``text`` is passed because
        ``Doc.text`` joins every token anew."""
        kb_tokens = {i for ent in doc.ents if ent.ent_id_ for i in range(ent.start, ent.end)}
        names = set(self._kb_person_words(doc))
        spans, worded = [], False
        paragraph, dated = 0, None  # the last blanked sentence of this paragraph naming a day
        # each token object made once (indexing a Doc makes a new one each
        # time); sentences read from ``text`` (Span.text joins its tokens)
        tokens = list(doc)
        for sent in doc.sents:
            if sent.start and "\n\n" in tokens[sent.start - 1].text_with_ws:
                paragraph, dated = paragraph + 1, None
            words = [t for t in tokens[sent.start:sent.end] if not (t.is_space or t.is_punct)]
            if not words:
                # punctuation alone (an opening quote after a line break) is
                # kept: it belongs to the sentence after it
                spans.append((sent.start_char, sent.end_char))
                continue
            named = any(t.i in kb_tokens for t in words)
            described = self._described_names(words, kb_tokens)
            # a person described here ("Zoltan Boesze, chief of ...") can be
            # named later by one word ("Boesze"); the anchor test is read
            # only when neither a name nor a description keeps the sentence
            keep = named or bool(described) or (self._anchored(words, names) and self._has_trigger(words))
            names |= described
            has_date = bool(_DATE_WORDS.search(text[sent.start_char:sent.end_char]))
            if keep:
                spans.append((sent.start_char, sent.end_char))
                worded = True
                if dated is not None and not has_date:
                    # an event takes the last day named earlier in its paragraph
                    spans.append(dated)
                dated = None
            elif has_date:
                dated = (sent.start_char, sent.end_char)
        return sorted(set(spans)) if worded else []

    def masked_text(self, text: str) -> str | None:
        """Return ``text`` with every sentence that cannot hold an event blanked
        (each character but line breaks replaced by a space), or None when no
        sentence can hold one. The result has the length and line breaks of
        ``text``, so offsets into it are offsets into ``text``."""
        return _masked(text, self.sentence_spans(text))

    def may_hold_event(self, text: str) -> bool:
        """Return False when no sentence of ``text`` can hold an event."""
        return bool(self.sentence_spans(text))

    def _anchored(self, words, names: set[str]) -> bool:
        """A word of ``words`` (one sentence) the mention resolver can turn
        into an actor, ``names`` being the people described before."""
        return any(t.text in names or self._anchors(t) for t in words) or (
            bool(names) and self._titled(words)) or self._unnamed_international(words)

    def _anchors(self, token) -> bool:
        """A pronoun, a role word (the coder takes "gunmen", "officials" in
        the subject as actors of unknown country), or a capitalized word of
        an international organization's name."""
        text = token.text
        found = self._anchor_cache.get(text)
        if found is None:
            lower = text.lower()
            found = lower in self._pronouns or self._is_role(token) or (
                text[:1].isupper() and lower in self._international)
            self._anchor_cache[text] = found
        return found

    def _unnamed_international(self, words) -> bool:
        """"international monitors", "a multinational force": a noun for
        people after one of those words is an unnamed international body."""
        return any(t.lower_ in ("international", "multinational") for t in words) and any(
            not self.lemma_candidates(t.text).isdisjoint(self._people) for t in words)

    def _titled(self, words) -> bool:
        """"the minister": a role word after "the", which the mention resolver
        reads as the person last named with that title."""
        return any(a.lower_ == "the" and self._is_role(b) for a, b in zip(words, words[1:]))

    def _described_names(self, words, kb_tokens) -> set[str]:
        """Words of a person the mention resolver can describe by a role:
        capitalized words near a role word ("Finance Secretary Jaime Ongpin")
        or before an appositive that holds one ("Zoltan Boesze, chief of the
        Finance Ministry's budget division")."""
        capitalized = [t for t in words if t.text[:1].isupper() and t.i not in kb_tokens]
        found: set[str] = set()
        if not capitalized:
            return found
        for token in words:
            if self._is_role(token):
                found.update(c.text for c in capitalized if 0 < abs(c.i - token.i) <= _ROLE_WINDOW)
        for token in capitalized:
            if token.text not in found and self._appositive_role(token):
                found.add(token.text)
                found.update(c.text for c in capitalized if token.i - _ROLE_WINDOW <= c.i < token.i)
        return found

    def _is_role(self, token) -> bool:
        text = token.text
        found = self._role_cache.get(text)
        if found is None:
            found = not self.lemma_candidates(text).isdisjoint(self._roles)
            self._role_cache[text] = found
        if not found and token.i > 0:
            # the last word of a two-word role counts after its first word only:
            # "rights group", not any "group"
            before = token.doc[token.i - 1].lower_
            found = any(before in self._pair_roles.get(c, ()) for c in self.lemma_candidates(text))
        return found

    def _appositive_role(self, token) -> bool:
        """True when ``token`` is followed by a comma and a phrase holding a role word."""
        doc = token.doc
        if token.i + 1 >= len(doc) or doc[token.i + 1].text != ",":
            return False
        for following in doc[token.i + 2:token.i + 2 + _APPOSITIVE_WINDOW]:
            if following.is_punct or following.is_space:
                return False
            if self._is_role(following):
                return True
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

    def _has_trigger(self, tokens) -> bool:
        words: set[str] = set()
        for token in tokens:
            words |= self.lemma_candidates(token.text)
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


def _role_words(roles) -> tuple[frozenset, dict[str, frozenset]]:
    """The words that can make a token a role for the mention resolver: the
    one-word roles, and, for two-word roles ("rights group"), which it looks
    up as a pair, the first words each last word needs before it
    (``{"group": {"rights"}}``). Longer roles are never matched whole, so
    their other words ("of", "state") are not role words."""
    words, pairs = set(), {}
    for role in roles:
        parts = role.lower().split()
        if len(parts) == 1:
            words.add(parts[0])
        elif len(parts) == 2:
            pairs.setdefault(parts[1], set()).add(parts[0])
    return frozenset(words), {last: frozenset(firsts) for last, firsts in pairs.items()}


def _masked(text: str, spans: list[tuple[int, int]]) -> str | None:
    """``text`` with everything outside ``spans`` blanked; None without spans."""
    if not spans:
        return None
    parts, pos = [], 0
    for start, end in spans:
        parts.append(_blank(text[pos:start]))
        parts.append(text[start:end])
        pos = end
    parts.append(_blank(text[pos:]))
    return "".join(parts)


def _blank(text: str) -> str:
    """Spaces for every character of ``text`` but line breaks (which mark paragraphs)."""
    return "".join(c if c == "\n" else " " for c in text)
