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
from dataclasses import dataclass

from ..ontology.actors import SECTOR_NAMES, Actor, ActorKB, Entry

__all__ = ["Mention", "MentionResolver", "generic_actor"]

_PERSON_PRONOUNS = {"he", "she", "him", "her"}
#: First-person pronouns: in a quote, the one quoted; in a statement, who issues it.
_FIRST_PERSON = {"we", "us", "our", "ours", "i", "me", "my"}
_FIRST_PERSON_SINGULAR = {"i", "me", "my"}
#: Pronouns for a state, a body or a group ("It accuses ...", "its units", "they").
_BODY_PRONOUNS = {"it", "its", "they", "them", "their"}
#: Verbs of reporting: their subject is who speaks in the quote around them
#: ("'We will not yield,' the minister said.").
#: Modifiers of people who are not the place's own.
_FOREIGN_WORDS = {"foreign", "aid", "relief", "international", "multinational", "un", "u.n.", "western",
                  "overseas", "expatriate", "peacekeeping"}
#: Verbs whose subject "it" is a placeholder ("It is feared that ...").
_COPULAS = {"be", "seem", "appear", "become", "remain", "look", "sound", "feel", "take", "make"}
#: Nouns that count people: the people they count are the actor.
_QUANTITY_NOUNS = {"thousand", "hundred", "dozen", "million", "score", "crowd", "group", "band", "number",
                   "handful", "couple", "lot"}
_SPEECH_LEMMAS = {"say", "tell", "add", "state", "declare", "announce", "insist", "warn", "write", "note",
                  "stress", "explain", "reply", "respond", "assert", "affirm", "argue", "vow", "pledge"}
#: Nouns for groups of people that take their country from a modifier
#: ("Swiss doctors", "French farmers", "prisoners in Dili").
_PEOPLE_NOUNS = {
    "people", "leader", "group", "member", "worker", "farmer", "student", "prisoner", "demonstrator",
    "protester", "soldier", "troop", "force", "warship", "ship", "vessel", "jet", "plane", "aircraft",
    "doctor", "businessman", "inhabitant", "resident", "villager", "refugee", "national", "citizen",
    "hacker", "militiaman", "guerrilla", "guerilla", "rebel", "insurgent", "fighter", "militant",
    "authority", "negotiator", "delegation", "team", "agent", "activist", "lawmaker", "faction",
    "party", "movement", "coalition", "union", "organization", "organisation", "agency", "court",
    "newspaper", "media", "bulldozer", "tank", "artillery", "navy", "army", "police", "chief",
    "peacekeeper", "observer", "inspector", "monitor", "envoy", "minister", "official", "diplomat",
    "Albanians", "Serbs", "Kurds", "Arabs", "Muslims", "Christians", "Moslems",
    "forum", "body", "bloc", "alliance", "commission", "council", "committee", "ministry", "government",
    "regime", "administration", "parliament", "assembly", "embassy", "contingent", "unit", "brigade",
    "network", "thousand", "hundred", "dozen", "million", "crowd", "mob", "gunman", "soldier", "sailor",
    "republic", "kingdom", "emirate", "sultanate", "youth",
}
#: Nouns for a government that a leader's name can modify ("the Bush
#: administration", "the government of President X").
_GOVERNMENT_NOUNS = {"administration", "government", "regime", "cabinet"}
#: Words that mark an unknown organization as international.
_INTERNATIONAL_WORDS = {"international", "nations", "world", "european", "asian", "asia-pacific",
                        "african", "arab", "atlantic", "pacific", "gulf", "commonwealth",
                        "community", "cooperation", "amnesty", "red", "crescent"}
#: Words of a company's name: "Gulf Resources", "Oil World", "Arab Bank" are
#: not international bodies.
_BUSINESS_WORDS = {"corp", "corp.", "corporation", "inc", "inc.", "co", "co.", "company", "ltd", "ltd.", "plc",
                   "group", "resources", "oil", "bank", "holdings", "industries", "airlines", "airways",
                   "petroleum", "energy", "motors", "trading", "investment", "investments", "insurance"}
#: Words that make an unknown organization a party or movement of its country
#: ("front" and "movement" are left out: a "liberation front" or movement is
#: as often an armed group fighting in a country not its own).
_POLITICAL_BODY_WORDS = {"party", "union", "league", "alliance", "congress", "coalition",
                         "bloc", "federation", "association"}
_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "npadvmod"}
#: Role words for a body rather than a person: "the army" names an actor
#: even when no earlier sentence named it ("the president" does not).
_COLLECTIVE_ROLES = {"army", "military", "police", "militia", "opposition", "government", "regime",
                     "junta", "administration", "navy", "parliament", "legislature", "judiciary"}
#: Kinds of the country-less actors CAMEO codes by their sector alone.
_GENERIC_KINDS = {"REB": "armed group", "INS": "armed group", "OPP": "other", "CVL": "other",
                  "BUS": "other", "MED": "other", "RAD": "other", "REL": "other", "HRI": "other"}


def date_names(doc, kb: ActorKB, day: dt.date | None) -> None:
    """Tag each name in ``doc`` with the knowledge-base entry it stands for on ``day``.

    The entity ruler tags a name with one entry whatever the date; a name
    that several states held in turn ("Moscow", "the Kremlin", "Belgrade",
    "Kinshasa", "Russian") stands for the one of the article's date
    (:meth:`geopolkg.ontology.actors.ActorKB.key_on`: the Soviet Union's
    Kremlin in 1987, Russia's in 2020). Sets ``token.ent_id_`` in place.
    """
    key_on = getattr(kb, "key_on", None)
    if key_on is None:
        return
    for ent in doc.ents:
        if ent.ent_id_:
            key = key_on(ent.ent_id_, ent.text, day)
            if key != ent.ent_id_:
                for token in ent:
                    token.ent_id_ = key


def generic_actor(sector: str) -> Actor:
    """The actor CAMEO codes by its sector alone when no country is known
    ("gunmen", "the army", "President X" of an unnamed country): code
    ``REB``, ``MIL``, ``GOV``... (CAMEO codebook, actor coding: a role code
    stands alone when the nationality is unknown)."""
    return Actor(sector, f"unidentified {SECTOR_NAMES.get(sector, sector.lower())}",
                 _GENERIC_KINDS.get(sector, "government"), None, sector)


def _is_place(token) -> bool:
    """True when ``token`` names where something is: the object of "in",
    "near", "from"..., or the owner of such an object ("near Macedonia's border")."""
    places = ("in", "inside", "near", "from", "across", "throughout", "outside")
    if token.dep_ in ("poss", "compound") and token.head.dep_ == "pobj":
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in places


def _phrase_tokens(token) -> list:
    """``token``'s subtree without the clauses hanging in it: the words of a
    noun phrase ("two American aid groups", not the verb the parser hung on
    "groups" with its objects)."""
    out = [token]
    for child in token.children:
        if child.dep_ not in ("acl", "relcl", "advcl", "ccomp", "conj", "cc") or child.pos_ not in ("VERB", "AUX", "CCONJ"):
            out.extend(_phrase_tokens(child))
    return sorted(out, key=lambda t: t.i)


def _phrase_start(token, skip=("punct",)) -> int:
    """Index of the first word of the phrase ``token`` heads, up to ``token``:
    space tokens (a blanked sentence before it) and dependents labelled
    ``skip`` do not start a phrase."""
    return min(t.i for t in token.subtree if t.i <= token.i and not t.is_space and t.dep_ not in skip)


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
        date_names(doc, kb, day)
        self.ent_at: dict[int, object] = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
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

    def _context(self, ent) -> str:
        """The sentence of ``ent`` with its neighbours: where the words that
        decide an ambiguous name are looked for."""
        sents = list(self.doc.sents) if not hasattr(self, "_sents") else self._sents
        self._sents = sents
        index = next(i for i, s in enumerate(sents) if s.start <= ent.start < s.end)
        return " ".join(s.text for s in sents[max(0, index - 1):index + 2])

    def _resolve_entity(self, ent) -> Mention | None:
        senses = getattr(self.kb, "senses", None)
        if senses is not None and senses(ent.text):
            # "Georgia", "Congo", "Jordan": the words around the name decide
            sense = self.kb.disambiguate(ent.text, self._context(ent))
            actor = self.kb.sense_actor(sense, self.day) if sense is not None else None
            if actor is None:
                return None
            return Mention(ent.start, ent.end, ent.text, actor, None, "name")
        entry = self._entry(ent)
        if entry is not None and entry.kind == "person" and hasattr(self.kb, "lookup_at"):
            # "Bush", "Assad": the one holding office on the article's day
            holders = [e for e in self.kb.lookup_at(ent.text, self.day) if e.kind == "person"]
            entry = holders[0] if holders else entry
        if entry is not None:
            if entry.kind == "demonym" and ent.root.pos_ == "ADJ":
                return None  # "Afghan soil": an adjective, not an actor by itself
            home = self._home_country(ent, entry)
            if home is not None:
                return Mention(ent.start, ent.end, ent.text, self.kb.actor(home, self.day), None, "name")
            sector = "ELI" if self._is_former(ent) and entry.kind == "person" else None
            actor = self.kb.resolve(entry, self.day)
            if actor is None:
                return None
            if sector and actor.country:
                actor = self.kb.actor(actor.country + sector, self.day)
            elif entry.kind == "person" and actor.sector == "ELI" and actor.country:
                # "Russian President Boris Yeltsin": a title in the text beats a
                # knowledge base that has the person out of office on that day
                titled = self._role_of(self._description_tokens(ent))
                if titled and titled != "ELI":
                    actor = self.kb.actor(actor.country + titled, self.day)
            person = entry.name if entry.kind == "person" else None
            return Mention(ent.start, ent.end, ent.text, actor, person, "name")
        short = self._short_mention(ent)
        if short is not None:
            return short  # "Kowalska" after "Anna Kowalska", whatever label the tagger gave it
        if ent.label_ == "ORG":
            actor = self._org_actor(ent)
            return Mention(ent.start, ent.end, ent.text, actor, None, "description") if actor else None
        if ent.label_ != "PERSON":
            return None
        short = self._short_mention(ent)
        if short is not None:
            return short
        actor = self._described_actor(ent)
        if actor is None:
            return None
        return Mention(ent.start, ent.end, ent.text, actor, ent.text, "description")

    def _home_country(self, ent, entry) -> str | None:
        """The country where a people named by a demonym live, when another
        country's adjective or an "of"/"in" phrase says so: "Bosnian Serbs",
        "Iraqi Kurds", "the Albanians of southern Serbia" are people of Bosnia,
        Iraq and Serbia (coded by country alone, no sector)."""
        if entry.kind != "demonym":
            return None
        # "Bosnian Serbs", and "the Albanians of southern Serbia"
        places = [g for c in ent.root.children if c.dep_ == "prep" and c.lower_ in ("of", "in") and c.i >= ent.end
                  for g in c.children if g.dep_ == "pobj"]
        for child in [c for c in ent.root.children if c.i < ent.start] + places:
            if child.dep_ not in ("amod", "compound", "pobj"):
                continue
            other = self._entry_at(child)
            if other is not None and other.kind in ("demonym", "country") and other.country \
                    and other.country != entry.country:
                return other.country
        if any(c.dep_ == "amod" and c.lower_ == "ethnic" for c in ent.root.children):
            return self._ethnic_home(ent, entry)
        return None

    def _ethnic_home(self, ent, entry) -> str:
        """"Ethnic Albanians demonstrated in Serbia": a people, not the state
        of their name. CAMEO codes a people by the country they live in, so
        the nearest other country the sentence names gives the code; with
        none, the people are coded by their own country, without a sector."""
        named = [(e, other) for e, other in self.place_entities(ent.sent) if e.start != ent.start]
        # where they are, if the sentence says: "in Moscow", "near Macedonia's border"
        places = [pair for pair in named if _is_place(pair[0].root)]
        others = places or [pair for pair in named if pair[1].country != entry.country]
        if not others:
            return entry.country
        return min(others, key=lambda pair: abs(pair[0].start - ent.start))[1].country

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
            elif child.dep_ == "prep" and child.lower_ in ("of", "from") and child.i >= ent.end:
                tokens.extend(child.subtree)  # "Prime Minister Anna Kowalska of Poland"
        if root.dep_ == "appos":
            tokens.extend(t for t in root.head.subtree if t.i < ent.start)
        return tokens

    def _entry_at(self, tok) -> Entry | None:
        ent = self.ent_at.get(tok.i)
        return self._entry(ent) if ent is not None else None

    def _role_of(self, tokens) -> str | None:
        """The sector the role words among ``tokens`` give ("foreign minister" -> GOV)."""
        sector = None
        for tok in tokens:
            found = self.kb.role_sector(tok.lemma_) or self.kb.role_sector(tok.lower_)
            if found and (sector is None or found != "GOV"):
                sector = sector or found
        return sector

    def _described_actor(self, ent) -> Actor | None:
        tokens = self._description_tokens(ent) + list(ent)
        sector = self._role_of(tokens)
        former = any(t.lower_ in ("former", "ex", "retired") for t in tokens)
        for tok in tokens:
            entry = self._entry_at(tok)
            if entry is None or entry.kind == "person":
                continue
            known = self.by_token.get(tok.i)  # already resolved, ambiguous names included
            actor = known.actor if known is not None and known.person is None else self.kb.resolve(entry, self.day)
            if actor is None:
                continue
            if entry.kind in ("organization", "armed group") or not actor.country:
                return actor  # "the United Nations Emergency Relief Coordinator"
            if sector is None:
                continue
            return self.kb.actor(actor.country + ("ELI" if former else sector), self.day)
        if sector is None:
            return None
        country = self._sentence_country(ent)
        if country is None:
            # "President Dos Santos has conceded ...": a title, no country anywhere
            return generic_actor("ELI" if former else sector)
        return self.kb.actor(country + ("ELI" if former else sector), self.day)

    def _sentence_country(self, ent) -> str | None:
        """The country a titled person with no country of their own most likely
        belongs to: the first country named in the sentence ("France is ready
        ..., Defence Minister Pierre Joxe said"), else the last one before it."""
        places = [(e, entry) for e, entry in self.place_entities(ent.sent) if e.start != ent.start]
        found = [entry.country for e, entry in places
                 if e.start < ent.start or e.root.dep_ in ("nsubj", "nsubjpass")
                 or e.root.dep_ == "pobj" and e.root.head.lower_ in ("in", "of", "from")]
        if found:
            return found[0]
        for mention in reversed(self.mentions):
            if mention.end <= ent.start and mention.actor.country:
                return mention.actor.country
        # "President X banned Ugandan opposition candidates": the one country named
        named = {entry.country for _, entry in places}
        return named.pop() if len(named) == 1 else None

    def _org_actor(self, ent) -> Actor | None:
        """An organization not in the knowledge base, from the words of its name:
        a country or demonym in it gives the country ("Nigerian Union of
        Teachers"), role words the sector ("Supreme Court"); a name that reads
        international gives a generic ``IGO`` code."""
        words = {t.lower_ for t in ent}
        for tok in ent:
            entry = self._entry_at(tok)
            if entry is not None and entry.kind in ("country", "demonym", "seat") and entry.country:
                return self.kb.actor(entry.country + (self._role_of(list(ent)) or ""), self.day)
        if words & _INTERNATIONAL_WORDS and not words & _BUSINESS_WORDS:
            return self.kb.actor("IGO", self.day)
        after = self.doc[ent.end].lower_ if ent.end < len(self.doc) else ""
        if (words | {after}) & _POLITICAL_BODY_WORDS:
            # "the Homeland Union began collecting signatures ... the Lithuanian
            # Parliament": a party or movement of the one country named
            country = self.only_country(ent.sent)
            return self.kb.actor(country, self.day) if country else None
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
        if token.lower_ in _FIRST_PERSON and token.pos_ == "PRON":
            return self._first_person(token)
        if token.lower_ in _BODY_PRONOUNS and token.pos_ == "PRON" and token.dep_ in ("nsubj", "nsubjpass", "poss"):
            return self._body_pronoun(token)  # "it" as an object is most often a thing ("get it back")
        role = self._role_mention(token)
        if role is not None:
            return role
        for child in token.children:
            if child.dep_ == "appos":
                found = self.by_token.get(child.i) or self._role_mention(child)
                if found is None:
                    # "X, the United Nations relief coordinator": the organization named in the title
                    found = next((self.by_token[t.i] for t in child.subtree if t.i < child.i and t.i in self.by_token
                                  and self.by_token[t.i].person is None
                                  and self.by_token[t.i].actor.kind == "organization"), None)
                if found is not None:
                    return found
        return self._context_role(token)

    def _context_role(self, token, counted: bool = False) -> Mention | None:
        """A body or group named by its role alone, its country left to the
        context: "the government", "the authorities", "riot police",
        "political prisoners", "the demonstrators". The one country of its
        sentence gives the country, else the story's dateline or the sentence
        before (:meth:`context_country`); with none, no actor. A possessor or
        an "of" phrase that names no actor ("the government of the day") is
        left alone, as are people named before by their title ("the
        president": :meth:`_titled_person`)."""
        if token.pos_ != "NOUN" or token.i in self.by_token:
            return None
        lemma = token.lemma_.lower()
        if lemma in _QUANTITY_NOUNS:
            # "thousands of students", "a crowd of protesters": the people counted
            counted = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"]
            inner = (self.by_token.get(counted[0].i) or self._role_mention(counted[0])
                     or self._context_role(counted[0], counted=True)) if counted else None
            if inner is None:
                return None
            return Mention(_phrase_start(token, skip=("punct", "det", "predet")), inner.end,
                           self.doc[_phrase_start(token, skip=("punct", "det", "predet")):inner.end].text,
                           inner.actor, None, inner.how)
        pairs = [f"{c.lower_} {lemma}" for c in token.children if c.dep_ in ("compound", "amod")]
        sector = next((self.kb.role_sector(p) for p in pairs if self.kb.role_sector(p)), None) \
            or self.kb.role_sector(lemma) or self.kb.role_sector(token.lower_)
        if sector is None:
            return None
        if any(c.dep_ == "poss" for c in token.children):
            return None
        if token.tag_ == "NN" and lemma not in _COLLECTIVE_ROLES and lemma not in ("authority", "ministry"):
            return None  # a person by title: someone named before, or nobody we can tell
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in token.children)
        collective = lemma in _COLLECTIVE_ROLES or lemma in ("authority", "ministry", "police")
        numbered = any(c.dep_ == "nummod" for c in token.children)
        if not (definite or collective or counted) and (numbered or token.tag_ != "NNS"):
            return None  # "two soldiers": a count of people whose side the sentence does not say
        if any(c.lower_ in _FOREIGN_WORDS for c in token.children if c.dep_ in ("amod", "compound")):
            return None  # "foreign troops", "aid workers", "UN peacekeepers" are not the place's own
        country = self.only_country(token.sent) or self.context_country(token)
        if not country:
            return None
        start = _phrase_start(token, skip=("punct", "det", "predet"))
        return Mention(start, token.i + 1, self.doc[start:token.i + 1].text,
                       self.kb.actor(country + sector, self.day), None, "context")

    def unnamed_group(self, token) -> Mention | None:
        """An actor of unknown country named by a role word in an actor's
        position: "Gunmen killed ...", "the army withdrew", "killed by rebels".
        The one country named in the sentence gives the country ("Gunmen
        killed two policemen in Baghdad" -> IRQ); otherwise the sector alone
        codes it (CAMEO's practice for unidentified actors). A last resort:
        the coder asks only when no speaker or named actor is found."""
        if token.pos_ not in ("NOUN", "PROPN") or token.i in self.by_token:
            return None
        if not (token.dep_ == "nsubj" or token.dep_ == "pobj" and token.head.dep_ == "agent"):
            return None
        # "opposition leaders", "army commanders": the modifier's role first
        pairs = [f"{c.lower_} {token.lemma_.lower()}" for c in token.children if c.dep_ in ("compound", "amod")]
        sector = next((self.kb.role_sector(p) for p in pairs if self.kb.role_sector(p)), None) \
            or self.kb.role_sector(token.lemma_) or self.kb.role_sector(token.lower_)
        if sector is None or any(c.dep_ == "poss" for c in token.children):
            return None
        if token.tag_ == "NN" and token.lemma_.lower() not in _COLLECTIVE_ROLES \
                and any(c.lower_ in ("the", "this", "that") for c in token.children):
            return None  # "the president": someone named before, not an unknown actor
        country = self.only_country(token.sent) or self.context_country(token)
        actor = self.kb.actor(country + sector, self.day) if country else generic_actor(sector)
        start = _phrase_start(token, skip=("punct", "det", "predet"))
        return Mention(start, token.i + 1, self.doc[start:token.i + 1].text, actor, None, "role")

    def context_country(self, token) -> str | None:
        """The country an unnamed actor ("police", "the authorities") most
        likely belongs to when its own sentence names none: the one country the
        sentence before names. (A story's dateline is where it was filed, not
        whose actors it tells of: "BAHRAIN - Iran reported ... troops ...".)"""
        k = self._sentence_at(token)
        return self.only_country(self._sentences()[k - 1]) if k > 0 else None

    def _place_country(self, name: str) -> str | None:
        for entry in self.kb.lookup(name):
            if entry.kind in ("country", "seat") and entry.country:
                return entry.country
        return None

    def only_country(self, sent) -> str | None:
        """The ISO3 code of the one country a sentence names (by name,
        demonym or capital), or None when it names none or several."""
        named = {entry.country for _, entry in self.place_entities(sent)}
        return named.pop() if len(named) == 1 else None

    def place_entities(self, span) -> list:
        """The ``(entity, entry)`` pairs of ``span`` (a spaCy Span) whose
        knowledge-base entry names a country: by name, demonym (adjectives
        too) or capital."""
        out = []
        for ent in span.ents:
            entry = self.kb.entries.get(ent.ent_id_) if ent.ent_id_ else None
            if entry is not None and entry.kind in ("country", "demonym", "seat") and entry.country:
                out.append((ent, entry))
        return out

    def actors_of(self, token) -> list[Mention]:
        """Like :meth:`actor_of`, but every actor a noun's modifiers name
        ("Hungarian and Romanian officials" gives two)."""
        if token.i in self.by_token or token.lower_ in _PERSON_PRONOUNS:
            found = self.actor_of(token)
            return [found] if found else []
        many = self.role_mentions(token)
        if many:
            return many
        found = self.actor_of(token)
        return [found] if found else []

    def _pronoun(self, token) -> Mention | None:
        sent_starts = [s.start for s in self.doc.sents if s.start <= token.i][-4:]
        window_start = sent_starts[0] if sent_starts else 0
        for mention in reversed(self.mentions):
            if mention.end <= token.i and mention.start >= window_start and mention.person:
                return Mention(token.i, token.i + 1, token.text, mention.actor, mention.person, "pronoun")
        return None

    def _sentences(self) -> list:
        sents = getattr(self, "_sents", None) or list(self.doc.sents)
        self._sents = sents
        return sents

    def _sentence_at(self, token) -> int:
        return next(i for i, s in enumerate(self._sentences()) if s.start <= token.i < s.end)

    def _speaker_in(self, sent) -> Mention | None:
        """The actor who speaks in ``sent``: the subject of a verb of
        reporting, named or described (not itself a first-person pronoun)."""
        for verb in sent:
            if verb.lemma_.lower() not in _SPEECH_LEMMAS or verb.pos_ not in ("VERB", "AUX"):
                continue
            for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                if subject.lower_ in _FIRST_PERSON | _BODY_PRONOUNS:
                    continue
                found = self.by_token.get(subject.i) or (
                    self._pronoun(subject) if subject.lower_ in _PERSON_PRONOUNS else self._role_mention(subject))
                if found is not None:
                    return found
        return None

    def _first_person(self, token) -> Mention | None:
        """Who "we", "our" or "I" is: the speaker of the quote the pronoun
        stands in (a verb of reporting in its sentence, or in the sentences
        around it: a quote may run over several sentences, its speaker named
        before or after it); for "we" in a statement with no speaker named,
        the body that issues it (the first actor named as a subject before it).
        """
        sents = self._sentences()
        k = self._sentence_at(token)
        for j in (k, k + 1, k - 1, k + 2, k - 2, k - 3):
            if 0 <= j < len(sents):
                found = self._speaker_in(sents[j])
                if found is not None and (found.person is not None or token.lower_ not in _FIRST_PERSON_SINGULAR):
                    return Mention(token.i, token.i + 1, token.text, found.actor, found.person, "pronoun")
        if token.lower_ in _FIRST_PERSON_SINGULAR:
            return None
        subjects = self._subject_actors(0, token.i)
        if subjects:
            return Mention(token.i, token.i + 1, token.text, subjects[0].actor, None, "pronoun")
        return None

    def _subject_actors(self, start: int, end: int) -> list[Mention]:
        """The states, bodies and groups named as subjects between token
        indices ``start`` and ``end``, in order (names, and role words with
        their country: "The Soviet Government", "the Government of Peru")."""
        out = []
        for tok in self.doc[start:end]:
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ == "PRON":
                continue
            found = self.by_token.get(tok.i) or self._role_mention(tok)
            if found is not None and found.person is None and found.actor.kind != "person":
                out.append(found)
        return out

    def _body_pronoun(self, token) -> Mention | None:
        """What "it", "its", "they" or "their" stands for: the last state,
        body or group named as a subject before it in its sentence or the two
        before (the usual antecedent); none when no subject there is an actor
        ("Diplomats said ... they"), or for the "it" of "it was", "it seems"."""
        if token.lower_ == "it" and token.head.lemma_.lower() in _COPULAS:
            return None  # "It was the third blast", "it appeared that ...": no one
        sents = self._sentences()
        k = self._sentence_at(token)
        window = sents[max(0, k - 2)].start
        pool = self._subject_actors(window, token.i) or [
            m for m in self.mentions if window <= m.start and m.end <= token.i and m.person is None
            and m.actor.kind != "person"]
        if not pool:
            return None
        return Mention(token.i, token.i + 1, token.text, pool[-1].actor, None, "pronoun")

    def _role_mention(self, token) -> Mention | None:
        found = self.role_mentions(token)
        if found:
            return found[0]
        return self._titled_person(token)

    def _titled_person(self, token) -> Mention | None:
        """"The president", "the foreign minister": the last person named with
        that title within the article's previous four sentences."""
        if token.pos_ != "NOUN" or not any(c.lower_ == "the" for c in token.children):
            return None
        title = token.lemma_.lower()
        if self.kb.role_sector(title) is None:
            return None
        sents = getattr(self, "_sents", None) or list(self.doc.sents)
        self._sents = sents
        starts = [s.start for s in sents if s.start <= token.i][-5:]
        for mention in reversed(self.mentions):
            if mention.person is None or mention.end > token.i or mention.start < (starts[0] if starts else 0):
                continue
            before = self.doc[max(mention.start - 4, 0):mention.start].text.lower()
            entry = self.kb.lookup(mention.person)
            role = (entry[0].role_at(self.day) or "") if entry else ""
            if title in before or title in role.lower():
                return Mention(token.i, token.i + 1, token.text, mention.actor, mention.person, "title")
        return None

    def role_mentions(self, token) -> list[Mention]:
        """Actors named by a noun and its modifiers: "senior Taliban officials",
        "Hungarian and Romanian officials" (two actors), "Swiss doctors",
        "opposition groups in Zimbabwe". A role word gives the sector; other
        nouns for people give the country alone."""
        if token.pos_ not in ("NOUN", "PROPN") or token.i in self.by_token:
            return []
        pair = f"{token.doc[token.i - 1].lower_} {token.lower_}" if token.i > 0 else ""
        sector = self.kb.role_sector(pair) or self.kb.role_sector(token.lemma_) or self.kb.role_sector(token.lower_)
        # a role word, a noun for people, or any plural ("Algerian landowners")
        known = sector is not None or token.lemma_.lower() in _PEOPLE_NOUNS
        if not known and token.tag_ not in ("NNS", "NNPS"):
            return []
        if not known:
            # any plural with a nationality before it ("Algerian landowners"), but
            # not a possession ("Iraq's fortifications")
            children = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod")]
            return self._modifier_actors(token, children, None, False)
        children = [c for c in token.children if c.dep_ in _MODIFIER_DEPS]
        places = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "from")
                  for g in c.children if g.dep_ == "pobj"]
        # "a terror group based in Trinidad", "troops stationed in Syria"
        places += [g for a in token.children if a.dep_ == "acl" and a.tag_ == "VBN"
                   for c in a.children if c.dep_ == "prep" and c.lower_ in ("in", "from")
                   for g in c.children if g.dep_ == "pobj"]
        modifiers = [t for c in children + places for t in _phrase_tokens(c)]
        former = any(t.lower_ in ("former", "ex") for t in modifiers)
        # who they are before where they are: "Albanian rebels in Macedonia" are Albanian
        found = self._modifier_actors(token, children, sector, former) if children else []
        if not any(m.actor.country for m in found):
            found = self._modifier_actors(token, children + places, sector, former)
        if not found and any(t.lower_ in ("international", "multinational") for t in modifiers
                             if t.dep_ in ("amod", "compound")) and token.lemma_.lower() in _PEOPLE_NOUNS:
            # "an international aid agency", "international monitors": an unnamed international body
            start = _phrase_start(token)
            found = [Mention(start, token.i + 1, self.doc[start:token.i + 1].text, self.kb.actor("IGO", self.day),
                             None, "role")]
        return found

    def _modifier_actors(self, token, children, sector, former) -> list[Mention]:
        modifiers = [t for c in children for t in _phrase_tokens(c)]
        out: list[Mention] = []
        for tok in modifiers:
            entry = self._entry_at(tok)
            mention = self.by_token.get(tok.i)
            if mention is not None and mention.person is None and mention.actor.country and \
                    self.kb.senses(mention.text) if hasattr(self.kb, "senses") else False:
                # an ambiguous name already decided by its context ("Georgia's governor")
                actor = self.kb.actor(mention.actor.country + ("ELI" if former else (sector or "")), self.day)
            elif entry is not None and entry.kind in ("country", "demonym", "seat"):
                # the mention knows where a people lives ("thousands of ethnic Hungarians in Romania")
                home = mention.actor.country if mention is not None and mention.actor.country else entry.country
                code = home + ("ELI" if former else (sector or ""))
                actor = self.kb.actor(code, self.day)
            elif mention is not None and mention.person is not None and token.lemma_.lower() in _GOVERNMENT_NOUNS \
                    and mention.actor.country:
                actor = self.kb.actor(mention.actor.country + "GOV", self.day)  # "the government of President X"
            elif entry is not None and entry.kind == "person" and token.lemma_.lower() in _GOVERNMENT_NOUNS:
                person = self.kb.resolve(entry, self.day)  # "the Bush administration"
                if person is None or not person.country:
                    continue
                actor = self.kb.actor(person.country + "GOV", self.day)
            elif mention is not None and mention.person is None:
                actor = mention.actor
                if sector and actor.country and actor.kind in ("government", "state") and sector != "GOV":
                    actor = self.kb.actor(actor.country + sector, self.day)
            elif entry is not None and entry.kind != "person":
                actor = self.kb.resolve(entry, self.day)
            else:
                continue
            if actor is not None and all(m.actor != actor for m in out):
                start = _phrase_start(token)
                out.append(Mention(start, token.i + 1, self.doc[start:token.i + 1].text, actor, None, "role"))
        return out
