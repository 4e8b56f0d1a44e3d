"""Actor mentions in a parsed article, resolved to one identity each.

Rules, in order:

1. A name from the knowledge base (tagged by the entity ruler) resolves
   through the knowledge base on the article's date: "Kabul" and "the
   Taliban" are Afghanistan's government after 2021-08-15.
2. An unknown person is described by the words around the name: title
   words before it ("foreign ministry spokesperson Lin Jian") or an
   appositive ("Zakir Jalal, an Afghan foreign ministry official"). A role
   word gives the sector, a country, demonym or group gives the country;
   "former" makes the person an elite (``ELI``), not the government. A role
   with no country takes the country of the nearest actor before it in the
   sentence ("China ... with spokesperson Lin Jian").
3. A later short mention ("Lin", "Boehler") is the person named in full
   earlier in the article.
4. A role noun with a country or group modifier is that country's sector:
   "senior Taliban officials", "the Afghan people" (``AFGCVL``).
5. "he" and "she" are the last person mentioned before, within three
   sentences.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ..ontology.actors import Actor, ActorKB, Entry

__all__ = ["Mention", "MentionResolver"]

_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "npadvmod"}


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names an actor.

    Attributes
    ----------
    start, end : int
        Token indices in the Doc (``end`` exclusive).
    text : str
        The words as written.
    actor : Actor
        Who it is, as of the article's date.
    person : str or None
        The person's full name, when the mention names a person.
    how : str
        ``name``, ``description``, ``short``, ``role`` or ``pronoun``.
    """

    start: int
    end: int
    text: str
    actor: Actor
    person: str | None = None
    how: str = "name"


class MentionResolver:
    """Find and resolve the actor mentions of one parsed article.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        Parsed with the pipeline from :func:`geopolkg.extraction.nlp.build_nlp`.
    kb : ActorKB
    day : datetime.date or None
        The article's date, for roles and regimes that change over time.
    """

    def __init__(self, doc, kb: ActorKB, day: dt.date | None):
        self.doc = doc
        self.kb = kb
        self.day = day
        self.by_token: dict[int, Mention] = {}
        self.people: dict[str, Mention] = {}  # name token -> first full mention
        self.mentions: list[Mention] = []
        for ent in doc.ents:
            mention = self._resolve_entity(ent)
            if mention is not None:
                self._add(mention)

    # -- building -------------------------------------------------------
    def _add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            self.by_token[i] = mention
        if mention.person and mention.how != "short":
            for part in mention.person.split():
                self.people.setdefault(part, mention)

    def _entry(self, ent) -> Entry | None:
        if ent.ent_id_ and ent.ent_id_ in self.kb.entries:
            return self.kb.entries[ent.ent_id_]
        return None

    def _resolve_entity(self, ent) -> Mention | None:
        entry = self._entry(ent)
        if entry is not None:
            if entry.kind == "demonym" and ent.root.pos_ == "ADJ":
                return None  # "Afghan soil": an adjective, not an actor by itself
            sector = "ELI" if self._is_former(ent) and entry.kind == "person" else None
            actor = self.kb.resolve(entry, self.day)
            if actor is None:
                return None
            if sector and actor.country:
                actor = self.kb.actor(actor.country + sector, self.day)
            person = entry.name if entry.kind == "person" else None
            return Mention(ent.start, ent.end, ent.text, actor, person, "name")
        if ent.label_ != "PERSON":
            return None
        short = self._short_mention(ent)
        if short is not None:
            return short
        actor = self._described_actor(ent)
        if actor is None:
            return None
        return Mention(ent.start, ent.end, ent.text, actor, ent.text, "description")

    def _short_mention(self, ent) -> Mention | None:
        words = ent.text.split()
        if len(words) > 1:
            return None
        first = self.people.get(words[0])
        if first is None:
            return None
        return Mention(ent.start, ent.end, ent.text, first.actor, first.person, "short")

    @staticmethod
    def _is_former(ent) -> bool:
        root = ent.root
        scope = [t for t in root.subtree if t.i < ent.start] + [
            t for c in root.children if c.dep_ == "appos" for t in c.subtree]
        if root.dep_ == "appos":
            scope += [t for t in root.head.subtree if t.i < root.head.i]
        return any(t.lower_ in ("former", "ex", "retired", "then") for t in scope)

    def _description_tokens(self, ent) -> list:
        root = ent.root
        tokens = [t for t in root.subtree if not (ent.start <= t.i < ent.end)
                  and t.dep_ not in ("relcl",) and t.i < ent.start]
        for child in root.children:
            if child.dep_ == "appos":
                tokens.extend(child.subtree)
        if root.dep_ == "appos":
            tokens.extend(t for t in root.head.subtree if t.i < ent.start)
        return tokens

    def _described_actor(self, ent) -> Actor | None:
        tokens = self._description_tokens(ent)
        sector = None
        country_actor = None
        for tok in tokens:
            found = self.kb.role_sector(tok.lemma_) or self.kb.role_sector(tok.lower_)
            if found and (sector is None or found != "GOV"):
                sector = sector or found
        for tok in tokens:
            ent_entry = None
            for e in self.doc.ents:
                if e.start <= tok.i < e.end:
                    ent_entry = self._entry(e)
            if ent_entry is not None:
                country_actor = self.kb.resolve(ent_entry, self.day)
                if country_actor is not None:
                    break
        if any(t.lower_ in ("former", "ex", "retired") for t in tokens):
            sector = "ELI"
        if country_actor is None and sector is not None:
            country_actor = self._nearest_country_before(ent)
        if country_actor is None or sector is None:
            return None
        if country_actor.country and (country_actor.kind in ("government", "state") or sector == "ELI"):
            return self.kb.actor(country_actor.country + sector, self.day)
        return country_actor

    def _nearest_country_before(self, ent) -> Actor | None:
        for mention in reversed(self.mentions):
            if mention.end <= ent.start and mention.start >= ent.sent.start and mention.actor.country:
                return mention.actor
        return None

    # -- queries --------------------------------------------------------
    def mention_at(self, token) -> Mention | None:
        """Return the mention that covers ``token``, if any."""
        return self.by_token.get(token.i)

    def actor_of(self, token) -> Mention | None:
        """Return the actor the noun phrase headed by ``token`` names, or None.

        Tries, in order: a mention covering the token, a pronoun, a role
        noun with a country or group modifier, an appositive.
        """
        mention = self.by_token.get(token.i)
        if mention is not None:
            return mention
        if token.lower_ in _PERSON_PRONOUNS:
            return self._pronoun(token)
        role = self._role_mention(token)
        if role is not None:
            return role
        for child in token.children:
            if child.dep_ == "appos":
                found = self.by_token.get(child.i) or self._role_mention(child)
                if found is not None:
                    return found
        return None

    def _pronoun(self, token) -> Mention | None:
        sent_starts = [s.start for s in self.doc.sents if s.start <= token.i][-4:]
        window_start = sent_starts[0] if sent_starts else 0
        for mention in reversed(self.mentions):
            if mention.end <= token.i and mention.start >= window_start and mention.person:
                return Mention(token.i, token.i + 1, token.text, mention.actor, mention.person, "pronoun")
        return None

    def _role_mention(self, token) -> Mention | None:
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        sector = self.kb.role_sector(token.lemma_) or self.kb.role_sector(token.lower_)
        if sector is None:
            return None
        modifiers = [t for c in token.children if c.dep_ in _MODIFIER_DEPS for t in c.subtree]
        former = any(t.lower_ in ("former", "ex") for t in modifiers)
        for tok in modifiers:
            entry = None
            for ent in self.doc.ents:
                if ent.start <= tok.i < ent.end:
                    entry = self._entry(ent)
            if entry is None:
                continue
            if entry.kind in ("country", "demonym", "seat"):
                code_sector = "ELI" if former else sector
                actor = self.kb.actor(entry.country + code_sector, self.day)
            else:
                actor = self.kb.resolve(entry, self.day)
            if actor is None:
                continue
            start = min(t.i for t in token.subtree if t.dep_ != "punct")
            return Mention(start, token.i + 1, self.doc[start:token.i + 1].text, actor, None, "role")
        return None
