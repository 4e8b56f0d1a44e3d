"""The event coder: rules over the dependency parse that turn sentences into events.

For each sentence, every verb or noun the lexicon knows is a trigger. The
rules then find, on the parse:

* the **actor**: the subject (through "continues to ..." chains and
  conjunctions), the ``by`` agent of a passive, a possessor ("China's
  opposition"), the subject of a light verb ("held talks"), or, in reported
  speech, the speaker;
* the **target**: a passive subject, a direct object, the object of a
  preposition ("met with"), an actor named inside the issue phrase ("any
  renewed US military presence"), an actor in a participle clause
  ("Responding to questions about Trump's remarks"), or the country where
  the issue lies;
* the **issue** (see :mod:`.issues`) and the actor's **stance** on it;
* **negation** ("did not", "refused to"), **intent** ("vowed to", "will",
  "is open to"), **threats** ("threatened to") and **conditionals** ("if"),
  which change the CAMEO code as the CAMEO manual does: an intended act of
  cooperation is "express intent" (03), an intended act of force a threat (13),
  a refused meeting a rejection (12);
* the **date** (see :mod:`.dates`).

Each step that guesses lowers the event's confidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..ontology.actors import Actor, ActorKB
from ..ontology.cameo import event_type
from .dates import clause_verb, date_period, dates_event, resolve_date_expression, tense_of
from .event import Event, IssueRef, make_event_id
from .issues import IssuePhrase, cluster_issues, issue_phrase
from .lexicon import Lexicon, VerbEntry
from .mentions import Mention, MentionResolver

__all__ = ["EventCoder", "EXTRACTOR_VERSION", "STANCE_BY_ROOT"]

#: Bumped whenever the rules or the lexicon change what comes out.
EXTRACTOR_VERSION = "geopolkg.cameo_coder.v1"

#: An actor's stance toward the issue of an event, by CAMEO root: appeals,
#: demands and cooperation support it; disapproval, rejection and protest
#: oppose it; statements, consultations, threats and force say nothing of
#: the actor's stance on the issue itself.
STANCE_BY_ROOT = {"02": 1, "03": 1, "05": 1, "06": 1, "07": 1, "08": 1, "10": 1,
                  "11": -1, "12": -1, "14": -1}

_INTENT_CODE = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035",
                "14": "133", "15": "138", "16": "131", "17": "131", "18": "138",
                "19": "138", "20": "138"}
_REFUSAL_CODE = {"04": "125", "08": "124", "06": "121", "07": "122", "03": "120", "05": "120"}
#: Roots of acts addressed to someone: without a named target, a demand,
#: appeal or threat about a place is addressed to the government holding it.
_ADDRESSED_ROOTS = ("02", "10", "13")
#: Roots of acts that land somewhere (promises and help given there,
#: concessions, protest, force posture, sanctions, coercion, violence): where
#: they happen names the target ("opened an embassy in Tehran", "a curfew in
#: Algiers"). Meetings (04) and comments (01, 11, 12) are not aimed at the
#: country they take place in.
_LOCAL_ROOTS = ("03", "05", "06", "07", "08", "09", "14", "15", "16", "17", "18", "19", "20")
#: Prepositions that aim an act at someone ("aid for Romania", "a visit to Haiti").
#: Roots of acts that, with no target named, are aimed at the actor's own
#: country (the PLOVER convention for domestic events).
_DOMESTIC_ROOTS = ("08", "10", "12", "13", "14", "15", "17", "18", "19", "20")
#: Of those, the political ones (concessions, demands, rejections, threats):
#: with nothing foreign in their sentence or the one before, a concession by
#: anyone, or a demand, rejection or threat by someone outside the state
#: (a party, rebels, a union), is taken as domestic. A government's own
#: demands and refusals most often answer someone abroad.
_POLITICAL_DOMESTIC_ROOTS = ("08", "10", "12", "13")
#: Roots whose target a phrase of defiance or protest may name ("rallied in
#: protest against X"): disapproval, rejection, threats, protest, cut ties.
#: Force used "in defiance of the UN" is not aimed at the UN.
_STANCE_ROOTS = ("11", "12", "13", "14", "16")
#: Yielding acts aimed at no one: resigning (0831) and retreating (087x).
_UNAIMED_CODES = ("0831", "087")
#: Sectors that act for the state: their domestic acts fall on civilians.
_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
_AIMED_PREPS = {"to", "for", "with", "against", "on", "toward", "towards", "into", "at"}
_FIRST_PERSON = {"we", "i", "us", "our", "me", "my"}
_SUBJECT_DEPS = ("nsubj", "csubj")
#: Roots of acts on a proposal whose content is not an act of the actor:
#: appeals and demands for it, disapproval of it, rejections and vetoes of it.
_CONTENT_ROOTS = ("02", "10", "11", "12")
#: Modals of obligation: what one must or should do is not done.
_OBLIGATION_MODALS = {"must", "should", "ought"}
#: Marks of a clause that states a condition or a question, not an act done.
_CONDITION_MARKS = ("if", "unless", "whether")
#: Roots of acts of disapproval, rejection, threat, protest, cut relations,
#: coercion and force: refusing or forgoing one ("will not oppose",
#: "refused to criticize", "will not attack", "refused to impose sanctions")
#: is no act of conflict, and no rejection of the one it would have hit.
#: Refusing to deploy forces (posture, 15) stays a refusal (CAMEO 12).
_HOSTILE_ROOTS = ("11", "12", "13", "14", "16", "17", "18", "19", "20")
#: Roots of acts of support whose object is the one supported: an act named
#: in their "in" phrase is the supported one's ("backed rebels in attacks on X").
_SUPPORT_ROOTS = ("05", "06", "07")


@dataclass
class _Candidate:
    trigger: object
    code: str
    actors: list
    targets: list
    issue_head: object | None
    sentence_index: int
    confidence: float
    intent: bool = False
    negated: bool = False
    tokens: list = field(default_factory=list)
    issue: IssuePhrase | None = None
    stance: int = 0
    inferred_target: bool = False
    clause: object = None


class EventCoder:
    """Code the events of parsed articles.

    Parameters
    ----------
    kb : ActorKB
        The actor knowledge base.
    lexicon : Lexicon
        Verb and noun triggers and grammar word lists.
    """

    def __init__(self, kb: ActorKB, lexicon: Lexicon, learned=None):
        self.kb = kb
        self.lex = lexicon
        #: The learned trigger and modality steps (:class:`~.learned.LearnedCoding`), or None for rules alone.
        self.learned = learned
        self._modal_verbs: set[int] = set()

    # ------------------------------------------------------------------
    def code(self, doc, article) -> tuple[list[Event], list]:
        """Return the events and the issues of one parsed article.

        Parameters
        ----------
        doc : spacy.tokens.Doc
            ``article.text`` parsed by the geopolkg pipeline.
        article : Article

        Returns
        -------
        (list of Event, list of Issue)
        """
        day = article.published_date
        resolver = MentionResolver(doc, self.kb, day)
        sentences = list(doc.sents)
        candidates: list[_Candidate] = []
        for index, sent in enumerate(sentences):
            demands = self._modal_demands(sent, index, resolver)
            self._modal_verbs = {c.trigger.i for c in demands}
            found = [c for c in (self._candidate(token, index, resolver) for token in sent) if c is not None]
            found += demands
            taken = {c.trigger.i for c in found}
            candidates.extend(found)
            candidates.extend(self._statements(sent, index, resolver, taken))
        phrases = [c.issue for c in candidates if c.issue is not None]
        issues = cluster_issues(phrases)
        dates = self._sentence_dates(doc, sentences, day)
        events = []
        for c in candidates:
            events.extend(self._events(c, article, sentences, dates, resolver))
        return _dedupe(events), issues

    # -- triggers ---------------------------------------------------------
    def _is_demanded(self, token) -> bool:
        """True for the act a demand or appeal asks for ("demanded that the
        government provide information", "urged X to withdraw"): it is the
        content of the demand, not an event of its own."""
        node = token
        while node.dep_ in ("ccomp", "xcomp") and node.head != node:
            node = node.head
            found = self.lex.match_verb(node)
            if found is not None and found[0].code[:2] in ("02", "10"):
                return True
        return False

    def _is_proposed_content(self, token) -> bool:
        """True for what a proposal asked for, condemned, opposed, rejected
        or vetoed would do: "vetoed a resolution to impose sanctions",
        "opposed a resolution imposing sanctions", "rejected a plan to send
        troops", "called for a resolution to impose an embargo". The act is
        the content of the object (a proposal someone else may make), not an
        act of the one who asks for, condemns or blocks it, and it has not
        happened. The parser hangs the content on the noun (``acl``) or, as
        a side clause starting right after the noun, on the verb."""
        if token.pos_ not in ("VERB", "AUX") or not (_infinitive(token) or token.tag_ == "VBG"):
            return False
        if token.dep_ in ("acl", "relcl") and token.head.dep_ in ("dobj", "pobj"):
            noun = token.head
            verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        elif token.dep_ in ("advcl", "xcomp"):
            verb = token.head
            noun = next((c for c in verb.children if c.dep_ == "dobj"
                         and c.right_edge.i + 1 == token.left_edge.i), None)
            if noun is None:
                return False
        else:
            return False
        found = self.lex.match_verb(verb)
        return found is not None and found[0].code[:2] in _CONTENT_ROOTS

    def _is_hypothetical(self, token) -> bool:
        """True for an act stated as a condition or a question, not as done:
        its clause, or a clause above it, is marked "if", "unless" or
        "whether" ("If Washington seizes the initiative, ...", "unless
        Baghdad withdraws", "asked whether Iraq would attack"). The act a
        condition is attached to ("will strike if attacked") is not itself
        hypothetical: it is an intent or a threat (see :meth:`_modality`)."""
        for node in [token, *token.ancestors]:
            if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in node.children):
                return True
        return False

    def _candidate(self, token, index, resolver) -> _Candidate | None:
        if token.i in self._modal_verbs or self._is_demanded(token) or self._is_proposed_content(token) \
                or self._is_hypothetical(token):
            return None
        cessation = self.lex.words("cessation_verbs")
        if token.dep_ == "xcomp" and token.tag_ == "VBG" and token.head.lemma_.lower() in cessation:
            return None  # "stopped attacking ships": the attacks end, they are not an act of that day
        if token.lemma_.lower() in cessation and any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in token.children):
            return None  # nor is "stopped" there a coercion (170) of anyone
        if token.dep_ in ("xcomp", "dobj", "attr"):
            # "comment" in "declined to comment", "curfew" in "imposed a curfew":
            # a word its head's verb phrase holds is coded with that phrase
            governing = self.lex.match_verb(token.head)
            if governing is not None and token in governing[1]:
                return None
        verb = self.lex.match_verb(token)
        deferred = verb is not None and (self._defers_to_noun(token) or self._defers_to_xcomp(token))
        if deferred:
            verb = None  # the noun or the infinitive it governs codes the event
        noun = self.lex.match_noun(token) if verb is None else None
        if deferred and noun is None:
            return None
        rule_code = verb[0].code if verb is not None else noun.code if noun is not None else None
        code = self.learned.trigger(token, self.lex, rule_code) if self.learned is not None else rule_code
        if code is None:
            return None
        if verb is not None or (noun is None and token.pos_ == "VERB"):
            entry, used = verb if verb is not None else (VerbEntry(token.lemma_.lower(), (), code), [])
            if entry.code != code:
                entry = VerbEntry(entry.lemma, entry.rest, code)
            return self._verb_candidate(token, entry, used, index, resolver)
        light = self._light_verb(token)
        if light is not None and (self._is_demanded(light) or self._is_proposed_content(light)):
            return None  # "urged Iraq to hold talks", "vetoed a resolution to impose an embargo"
        return self._noun_candidate(token, code, index, resolver)

    def _defers_to_noun(self, verb) -> bool:
        """A light verb with a trigger noun as object lets the noun code the event."""
        if verb.lower_ in self.lex.words("stative_participles") and any(
                c.dep_ == "prep" and c.lower_ == "in" and any(self.lex.match_noun(o) for o in _prep_objects(c))
                for c in verb.children):
            return True  # "were engaged in ethnic cleansing": the noun is the act
        if verb.lemma_.lower() not in self.lex.words("light"):
            return False
        own = self.lex.match_verb(verb)
        if own is not None and any(t.dep_ in ("dobj", "attr") for t in own[1]):
            return False  # "called off the strike", "imposed a curfew": the verb phrase is the event
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        objects += [o for c in objects if c.lemma_.lower() in self.lex.words("measure_nouns") for o in _of_objects(c)]
        return any(self.lex.match_noun(c) for c in objects)

    def _light_verb(self, noun):
        """The light verb that reports the act a noun names, or None: "held
        talks" (the object), "held a new round of talks", "launched ten days
        of war games" (the noun under a measure word)."""
        if noun.pos_ not in ("NOUN", "PROPN"):
            return None
        node = noun
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ in ("dobj", "attr") \
                and noun.head.head.lemma_.lower() in self.lex.words("measure_nouns"):
            node = noun.head.head
        if node.dep_ in ("dobj", "attr") and node.head.lemma_.lower() in self.lex.words("light"):
            return node.head
        return None

    def _defers_to_xcomp(self, verb) -> bool:
        """'refused to meet', 'threatened to attack': the infinitive's act is coded."""
        lemma = verb.lemma_.lower()
        if lemma not in self.lex.words("refusal_verbs") | self.lex.words("threat_verbs") | self.lex.words("intent_verbs"):
            return False
        own = self.lex.match_verb(verb)
        if own is not None and any(t.dep_ == "xcomp" for t in own[1]):
            return False  # "declined to comment" is a phrase of its own (CAMEO 011)
        if lemma in self.lex.words("threat_verbs") and any(
                c.dep_ == "ccomp" and self.lex.match_verb(c) and c.lemma_.lower() not in self.lex.words("speech")
                and {g.lower_ for g in c.children if g.dep_ == "aux"} & self.lex.words("intent_auxiliaries")
                for c in verb.children):
            return True  # "warned it would suspend aid": the threatened act is coded, as a threat
        return any((c.dep_ == "xcomp" or c.dep_ == "advcl" and _infinitive(c) and not _has_object(verb))
                   and (self.lex.match_verb(c) or self._defers_to_noun(c)) for c in verb.children)

    def _verb_candidate(self, verb, entry, used, index, resolver) -> _Candidate | None:
        actors, passive_targets, how = self._subjects(verb, resolver)
        confidence = 0.9 if how == "subject" else 0.7
        targets: list[Mention] = list(passive_targets)
        prep_word = next((w for w in entry.rest if w in self.lex.words("target_preps")
                          | self.lex.words("issue_preps")), None)
        issue_head = None
        for child in verb.children:
            if child.dep_ in ("dobj", "dative", "iobj") and not targets:
                if child.pos_ == "ADP":  # "paid compensation to X": the parser's dative "to"
                    objs = _prep_objects(child)
                    found = self._conj_mentions(objs[0], resolver) if objs else []
                else:
                    found = self._conj_mentions(child, resolver)
                if found:
                    targets.extend(found)
                elif child.dep_ == "dobj" and issue_head is None:
                    issue_head = child
        for child in verb.children:
            if child.dep_ not in ("prep", "agent") or child.dep_ == "agent":
                continue
            objs = _prep_objects(child)
            if not objs:
                continue
            word = child.lower_
            found = self._conj_mentions(objs[0], resolver)
            if found and not targets and (word == prep_word or word in self.lex.words("target_preps")):
                targets.extend(found)
            elif not found and issue_head is None and (word == prep_word or word in (
                    "about", "over", "on", "regarding", "concerning", "against", "for")):
                issue_head = objs[0]
        if not targets and entry.code[:2] in _STANCE_ROOTS:
            targets.extend(self._stance_target(verb, resolver, {m.actor.code for m in actors}))
        if not targets and entry.code[:2] in ("02", "10", "11", "12", "13"):
            # "demanded that the US cancel its plans": the one asked is the target
            for content in (c for c in verb.children if c.dep_ == "ccomp"):
                subjects = [g for g in content.children if g.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    targets.extend(self._conj_mentions(subjects[0], resolver))
        if not targets and entry.code[:2] in ("11", "12"):
            targets.extend(self._owner_target(verb, resolver, {m.actor.code for m in actors}))
        if not targets and entry.code[:2] in ("09", "11", "12") and issue_head is not None:
            targets.extend(self._perpetrators(issue_head, resolver, {m.actor.code for m in actors}))
        if not targets:
            preps = _AIMED_PREPS | ({"by", "from"} if entry.code[:2] in ("02", "10", "12") else set()) | (
                {"of"} if entry.code[:2] in ("17", "18", "19", "20") else set())  # "shelled positions of X"
            targets.extend(self._nested_target(verb, resolver, {m.actor.code for m in actors}, preps))
        if not targets:
            for xcomp in (c for c in verb.children if c.dep_ == "xcomp"):
                targets.extend(self._nested_target(xcomp, resolver, {m.actor.code for m in actors}))
                if targets:
                    break
                for child in xcomp.children:
                    objs = [child] if child.dep_ in ("dobj", "dative") else _prep_objects(child) if child.dep_ == "prep" else []
                    found = self._conj_mentions(objs[0], resolver) if objs else []
                    if found:
                        targets.extend(found)
                        break
        code = self._refined_code(verb, entry.code)
        if not actors and code[:2] in ("09", "17") and any(c.dep_ == "nsubjpass" for c in verb.children):
            # "was arrested in Cairo", "put under investigation in Italy": no agent
            # named, the authorities of the place act
            place = self._place_actor(verb, resolver, set())
            if place is not None:
                authority = self.kb.actor(place.actor.country + ("COP" if code[:2] == "17" else "GOV"), resolver.day)
                actors, confidence = [Mention(place.start, place.end, place.text, authority, None, "place")], 0.6
        if not actors and code[:2] in ("18", "19", "20") and self._faceless(verb) \
                and self._speaker(verb, resolver) is None:
            actors, confidence = self._attack_place(verb, resolver), 0.5
        candidate = self._finish(verb, code, actors, targets, issue_head, index, confidence, resolver)
        if candidate is not None and verb.lemma_.lower() in self.lex.words("refusal_verbs") \
                and any(t.dep_ == "xcomp" for t in used):
            candidate.negated = True  # "refused to meet", "declined to comment": a refusal phrase
        return candidate

    def _noun_candidate(self, noun, code, index, resolver) -> _Candidate | None:
        actors, confidence, intent = [], 0.8, False
        by_modifier = False
        for child in noun.children:
            if child.dep_ == "poss":
                if child.pos_ == "PRON" and noun.dep_ in ("dobj", "pobj", "nsubjpass") \
                        and self._light_verb(noun) is None:
                    # "lift its tariffs", "defended their attack": a thing referred to
                    # ("completed their withdrawal", "mounted its invasion" report the act)
                    return None
                actors = self._conj_mentions(child, resolver)
        if not actors:
            for child in noun.children:
                if child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i:
                    mention = self._modifier_actor(child, resolver)
                    if mention is not None:
                        actors, by_modifier = [mention], True
                        break
        if not actors:
            actors = self._noun_agents(noun, code, resolver)
        light = self._light_verb(noun)
        head = light if light is not None else noun.head
        if not actors and light is not None:
            actors, _, how = self._subjects(head, resolver)
            confidence = 0.8 if how == "subject" else 0.6
        elif not actors and noun.dep_ == "pobj" and head.dep_ in ("prep",) and head.lower_ in ("in", "into", "to", "for"):
            clause = head.head
            if clause.pos_ == "ADJ" and clause.lemma_.lower() in self.lex.words("intent_adjectives"):
                intent = True
                clause = clause.head
            asking = self.lex.match_verb(clause) if clause.pos_ in ("AUX", "VERB") else None
            if asking is not None and asking[0].code[:2] in _CONTENT_ROOTS and head in asking[1]:
                return None  # "asked for aid", "called for talks": what is asked for, not done
            supported = self._supported(clause) if head.lower_ == "in" else None
            if supported is not None:
                # "Iran backed dissident Kurds in attacks on ...": the attacks are
                # the Kurds' (with Iran's backing); unnamed, they are not coded
                actors = self._conj_mentions(supported, resolver)
                if not actors:
                    return None
            elif clause.pos_ in ("AUX", "VERB"):
                actors, _, how = self._subjects(clause, resolver)
                confidence = 0.8 if how == "subject" else 0.6
        between = []
        if not actors:
            actors, between = self._between_sides(noun, resolver)
        light_object = light is not None
        if code[:2] == "01" and not light_object:
            return None  # "Trump's remarks" names a statement; "made remarks" reports one
        if not actors and not (light_object and (self._speaker(head, resolver) is not None
                                                 or self._unnamed_subject(head, resolver))):
            # with a light verb in reported speech the speaker may act, and a
            # role word in the light verb's subject ("fundamentalists continued
            # their hunger strike") names an actor of unknown country
            return None
        targets, issue_head = list(between), None
        preps = list(noun.children)
        if light_object:
            preps += [c for c in head.children if c.dep_ in ("prep", "dative")]  # "provided aid to X"
        for child in preps:
            if child.dep_ == "dative":
                targets.extend(self._conj_mentions(child, resolver))
            elif child.dep_ == "prep":
                objs = _prep_objects(child)
                if not objs:
                    continue
                found = self._conj_mentions(objs[0], resolver)
                if found and not targets and child.lower_ in self.lex.words("target_preps"):
                    targets.extend(found)
                elif not found and issue_head is None and child.lower_ in self.lex.words("issue_preps"):
                    issue_head = objs[0]
            elif child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" and issue_head is None and child.i > noun.i:
                issue_head = child  # "a push to regain access to the base"
        if not targets and code[:2] in ("09", "11", "12") and issue_head is not None:
            targets.extend(self._perpetrators(issue_head, resolver, {m.actor.code for m in actors}))
        if not targets:
            # "announced a suspension of air links with Serbia"
            targets.extend(self._nested_target(noun, resolver, {m.actor.code for m in actors}, start=[noun]))
        if by_modifier and not targets and issue_head is None:
            return None  # "the 2021 US withdrawal": a reference, not a report
        if intent and code[:2] in ("03", "04", "05", "06", "07"):
            code = "030" if code[:2] in ("03", "05", "06") else _INTENT_CODE[code[:2]]
        candidate = self._finish(noun, code, actors, targets, issue_head, index, confidence, resolver)
        if candidate is not None and intent:
            candidate.intent = True
        return candidate

    #: Roots of acts whose noun names its actor with "from" ("criticism from
    #: Washington", "aid from Japan", "calls from the opposition"); for others
    #: "from" names a place ("a withdrawal from Lebanon").
    _FROM_ROOTS = ("02", "05", "07", "10", "11", "12", "13", "14")

    def _noun_agents(self, noun, code, resolver) -> list:
        """The actors a noun event's own phrase names when it has no possessor
        or modifier actor: the agent of "a visit to Moscow by Iran's oil
        minister", "an attack by rebels"; the source of "criticism from
        Washington" (roots of :attr:`_FROM_ROOTS`)."""
        for child in noun.children:
            if child.dep_ == "prep" and (child.lower_ == "by" or child.lower_ == "from" and code[:2] in self._FROM_ROOTS):
                for obj in _prep_objects(child):
                    found = self._conj_mentions(obj, resolver)
                    if found:
                        return found
        return []

    def _between_sides(self, noun, resolver) -> tuple[list, list]:
        """For a noun event that names no actor otherwise (no possessor, agent,
        or subject of its light verb: "talks between Iran and Iraq began"), its
        two sides: the first acts, the others are its targets. With a named
        actor ("X's mediation between A and B"), the sides are targets only."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("between", "among"):
                for obj in _prep_objects(child):
                    found = self._conj_mentions(obj, resolver)
                    if len(found) >= 2:
                        return found[:1], found[1:]
        return [], []

    def _supported(self, verb):
        """The direct object of a verb of support, aid or material cooperation
        ("backed dissident Kurds", "aided Afghan guerrillas"), or None."""
        if verb.pos_ not in ("AUX", "VERB"):
            return None
        found = self.lex.match_verb(verb)
        if found is None or found[0].code[:2] not in _SUPPORT_ROOTS:
            return None
        return next((c for c in verb.children if c.dep_ == "dobj"), None)

    # -- shared steps -----------------------------------------------------
    def _finish(self, trigger, code, actors, targets, issue_head, index, confidence, resolver):
        light = self._light_verb(trigger)
        speaker = self._speaker(light if light is not None else trigger, resolver)
        if speaker is not None:
            # the speaker acts when the content names no actor or speaks in the
            # first person; a named subject ("the US and Jordan have agreed,
            # the White House said") acts itself
            first_person = not actors or any(m.text.lower() in _FIRST_PERSON for m in actors)
            if first_person:
                actors = [speaker]
                confidence -= 0.05
        if not actors and code[:2] == "14":
            actors = self._protesters_of_place(trigger, resolver)
        if not actors:
            actors = self._unnamed_subject(light if light is not None else trigger, resolver)
        if not actors or self._is_background(trigger, resolver):
            return None
        clause = trigger
        if light is not None:
            clause = light  # "prepared to resume shelling": the light verb carries the mood
        code, intent, negated, confidence = self._modality(clause, code, confidence)
        if code is None:
            return None
        if not negated and self.learned is not None and self.learned.is_unreal(trigger):
            return None  # conditional, alleged, proposed ...: not an act done
        if self.learned is not None:
            actors, targets = self.learned.roles(trigger, code, actors, targets, resolver)
        issue = issue_phrase(issue_head, resolver, self.lex) if issue_head is not None else None
        inferred = False
        if not targets and issue is not None and issue.inner_actors:
            targets = [Mention(issue.start, issue.end, "", a, None, "issue") for a in issue.inner_actors]
        if not targets:
            found = self._clause_actor(trigger, resolver, {m.actor.code for m in actors})
            if found is not None:
                targets, inferred = [found], True
                confidence -= 0.15
        if not targets and code[:2] == "13":
            found = self._condition_subject(clause, resolver, {m.actor.code for m in actors})
            if found:
                targets = found
        if not targets and code[:2] in _LOCAL_ROOTS:
            found = self._place_actor(trigger, resolver, {m.actor.country for m in actors})
            if found is not None:
                targets, inferred = [found], True
                confidence -= 0.1
        tokens = [trigger]
        candidate = _Candidate(trigger, code, actors, targets, issue_head, index, confidence,
                               intent, negated, tokens, issue, inferred_target=inferred)
        candidate.clause = clause
        candidate.stance = STANCE_BY_ROOT.get(code[:2], 0) if issue is not None else 0
        return candidate

    def _subjects(self, verb, resolver) -> tuple[list, list, str]:
        """Return (actors, passive targets, how) for a verb's clause."""
        node = verb
        for _ in range(5):
            subjects = [c for c in node.children if c.dep_ in _SUBJECT_DEPS]
            if subjects:
                subject = subjects[0]
                if subject.pos_ in ("VERB", "AUX"):
                    # "The Red Cross operating in Iraq said": the parser made the
                    # participle the subject; its own subject is the speaker
                    inner = [c for c in subject.children if c.dep_ in _SUBJECT_DEPS]
                    subject = inner[0] if inner else subject
                return self._conj_mentions(subject, resolver), [], "subject"
            passive = [c for c in node.children if c.dep_ == "nsubjpass"]
            agents = [g for c in node.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if passive and not agents and node.lower_ in self.lex.words("stative_participles"):
                return self._conj_mentions(passive[0], resolver), [], "subject"  # "is opposed to"
            if passive or agents:
                actors = self._conj_mentions(agents[0], resolver) if agents else []
                targets = self._conj_mentions(passive[0], resolver) if passive else []
                return actors, targets, "subject"
            if node.dep_ == "amod" and node.tag_ == "VBG" and node.head != node:
                # "pursuing retreating Iranian troops": the troops retreat, not the pursuers
                return self._conj_mentions(node.head, resolver), [], "subject"
            if node.dep_ in ("xcomp", "conj", "pcomp", "acomp") and node.head != node:
                node = node.head
                continue
            if node.dep_ == "advcl" and (node.tag_ in ("VBG", "VBN") or _infinitive(node)) and node.head != node:
                node = node.head  # "..., urging him to send troops": the writer urges
                continue
            if node.dep_ in ("acl", "relcl") and node.head != node:
                root = _verbless_root(node)
                if root is not None:
                    # "An official Syrian newspaper called on Arabs ...": with no verb
                    # at the root, the parser made the sentence's verb a modifier of
                    # its subject; the root noun is the subject
                    found = self._conj_mentions(root, resolver)
                    if found:
                        return found, [], "subject"
                found = self._conj_mentions(node.head, resolver)
                if node.tag_ == "VBN":
                    return [], found, "subject"  # "citizens detained in ...": the noun is the patient
                if found:
                    return found, [], "inferred"
                if node.tag_ == "VBG" and node.head.dep_ in ("dobj", "attr"):
                    node = node.head.head  # "issued a declaration demanding ...": the issuer demands
                    continue
            break
        return self._fallback_subject(verb, resolver), [], "inferred"

    @staticmethod
    def _unnamed_subject(verb, resolver) -> list:
        """An actor known by its role alone in the clause's subject or agent
        position ("Gunmen killed ...", "the army withdrew", "was ambushed by
        rebels"), when nothing better names the actor."""
        node = verb
        for _ in range(4):
            found = [c for c in node.children if c.dep_ == "nsubj"] + [
                g for c in node.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if found:
                mention = resolver.unnamed_group(found[0])
                return [mention] if mention is not None else []
            if node.dep_ not in ("xcomp", "conj", "pcomp", "acomp", "dobj") or node.head == node:
                break
            node = node.head
        return []

    def _fallback_subject(self, verb, resolver) -> list:
        """The nearest actor before the verb in its clause, outside side clauses.

        Catches misparses such as "On Saturday, Boehler, joined by ..., met",
        where the parser hangs the subject on the date.
        """
        best = None
        for tok in verb.sent:
            if tok.i >= verb.i:
                break
            mention = resolver.mention_at(tok)
            if mention is None or tok.pos_ not in ("PROPN", "NOUN"):
                continue
            path = _path_to(tok, verb)
            if path is None or any(a.dep_ in ("advcl", "agent", "relcl", "ccomp", "acl") for a in path):
                continue
            best = mention
        return [best] if best is not None else []

    def _stance_target(self, verb, resolver, exclude: set) -> list:
        """The one an act of protest or defiance is aimed at, named in a phrase
        of stance: "blocked streets in defiance of Chinese authorities",
        "rioted in protest against the government", and
        in a purpose clause: "blocked a road to show their disapproval of the
        United States' policies" (the owner of the policies)."""
        nouns = [n for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "as") for n in _prep_objects(c)]
        nouns += [o for c in verb.children if c.dep_ in ("advcl", "xcomp") and _infinitive(c)
                  and c.lemma_.lower() in ("show", "express", "voice", "register", "signal", "demonstrate")
                  for o in c.children if o.dep_ == "dobj"]
        for noun in nouns:
            if noun.lemma_.lower() not in self.lex.words("stance_nouns"):
                continue
            for inner in (c for c in noun.children if c.dep_ == "prep"):
                for obj in _prep_objects(inner):
                    owners = [c for c in obj.children if c.dep_ == "poss"]
                    found = [m for o in [obj] + owners for m in self._conj_mentions(o, resolver)
                             if m.actor.code not in exclude]
                    if found:
                        return found
        return []

    def _nested_target(self, verb, resolver, exclude: set, preps: set = None, start: list = None) -> list:
        """An actor that the verb's object is aimed at: "granted asylum to
        Panamanian officers", "cancelled a visit to Haiti", "a suspension of
        links with Serbia"; for requests and rejections also "calls by X",
        "support from X". Searches the object's prepositions, two levels deep
        (or those of ``start``, the tokens to search from)."""
        aimed = preps or _AIMED_PREPS
        frontier = start if start is not None else [c for c in verb.children if c.dep_ in ("dobj", "attr", "nsubjpass")]
        # "mobilized reservists for a war against Iraq": the act's own purpose,
        # searched one level only ("mediation in talks with Syria" is not aimed at Syria)
        purposes = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in aimed for g in _prep_objects(c)]
        for level in range(2):
            nxt = []
            for node in frontier + (purposes if level == 0 else []):
                if node.lemma_.lower() in self.lex.words("response_nouns"):
                    continue  # "in response to an attack on X": X is not this act's target
                for child in node.children:
                    if child.dep_ != "prep":
                        continue
                    for obj in _prep_objects(child):
                        if child.lower_ in aimed:
                            found = [m for m in self._conj_mentions(obj, resolver) if m.actor.code not in exclude]
                            if found:
                                return found
                        if node not in purposes:
                            nxt.append(obj)
            frontier = nxt
        return []

    def _conj_mentions(self, token, resolver) -> list:
        out = []
        for tok in [token, *_conjuncts(token)]:
            for mention in resolver.actors_of(tok):
                if all(m.actor != mention.actor for m in out):
                    out.append(mention)
        return out

    def _modifier_actor(self, token, resolver) -> Mention | None:
        key = token.ent_id_
        if key.startswith("seat:"):
            return None  # "the Doha agreement": a capital before a noun names a venue
        mention = resolver.mention_at(token)
        if mention is not None:
            return mention
        if key and key in self.kb.entries:
            actor = self.kb.resolve(self.kb.entries[key], resolver.day)
            if actor is not None:
                return Mention(token.i, token.i + 1, token.text, actor, None, "name")
        return None

    def _is_background(self, trigger, resolver) -> bool:
        """True when the trigger is dated by a coarse past date ("withdrew in
        2021", "pledged in the 2020 agreement"): history told as background,
        not news of the day, and too vague to date an event."""
        day = resolver.day
        for child in trigger.children:
            if child.dep_ not in ("prep", "npadvmod", "advmod"):
                continue
            for tok in child.subtree:
                if tok.ent_type_ != "DATE" or tok.ent_iob_ != "B":
                    continue
                if any(a.pos_ in ("VERB", "AUX") for a in _path_to(tok, trigger) or ()):
                    continue  # the date belongs to another clause
                ent = next((e for e in tok.doc.ents if e.start == tok.i), None)
                found = date_period(ent.text, day) if ent is not None else None
                if found and found[1] in ("month", "year") and day is not None and (
                        found[0].year, found[0].month if found[1] == "month" else 0) < (
                        day.year, day.month if found[1] == "month" else 0):
                    return True
        return False

    def _modal_demands(self, sent, index, resolver) -> list:
        """Reported obligations: "Russia said Sudan must return the helicopter"
        is a demand (CAMEO 10) by the speaker on the content's subject;
        "should" makes it an appeal (02)."""
        out = []
        speech = self.lex.words("speech")
        for verb in sent:
            if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in speech:
                continue
            modals = {c.lower_ for c in verb.children if c.dep_ == "aux"}
            if modals & self.lex.words("demand_modals"):
                code = "100"
            elif modals & self.lex.words("appeal_modals"):
                code = "020"
            else:
                continue
            speakers, _, _ = self._subjects(verb.head, resolver)
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            targets = self._conj_mentions(subjects[0], resolver) if subjects else []
            if not speakers:
                continue
            objs = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "prep")]
            candidate = _Candidate(verb, code, speakers, targets, objs[0] if objs else None, index, 0.75)
            candidate.issue = issue_phrase(objs[0], resolver, self.lex) if objs and objs[0].dep_ == "dobj" else None
            candidate.stance = STANCE_BY_ROOT.get(code[:2], 0) if candidate.issue is not None else 0
            out.append(candidate)
        return out

    def _statements(self, sent, index, resolver, taken: set) -> list:
        """CAMEO 010 "make statement": a speech verb whose content holds no
        other event. The target is the first other actor named in the content
        ("Powell said NATO would need to remain strong" -> toward NATO).
        Statements are CAMEO's residual category, so they come last."""
        out = []
        speech = self.lex.words("speech")
        for verb in sent:
            if verb.lemma_.lower() not in speech or verb.i in taken or verb.pos_ not in ("VERB", "AUX"):
                continue
            content = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
            if not content or any(t.i in taken for c in content for t in c.subtree):
                continue
            speakers, _, how = self._subjects(verb, resolver)
            if not speakers:
                continue
            codes = {m.actor.code for m in speakers}
            targets = []
            for tok in content[0].subtree:
                mention = resolver.mention_at(tok)
                if mention is not None and mention.actor.code not in codes and mention.how != "pronoun":
                    targets = [mention]
                    break
            out.append(_Candidate(verb, "010", speakers, targets, None, index, 0.6 if how == "subject" else 0.45))
        return out

    def _speaker(self, trigger, resolver) -> Mention | None:
        """The speaker, if the trigger sits in what a speech verb reports."""
        node = trigger
        speech = self.lex.words("speech")
        while node.head != node:
            if node.dep_ in ("ccomp", "parataxis", "xcomp") and node.head.lemma_.lower() in speech:
                subjects, _, _ = self._subjects(node.head, resolver)
                return subjects[0] if subjects else None
            if node.dep_ in ("nsubj", "dobj", "pobj", "ROOT"):
                return None
            node = node.head
        return None

    def _modality(self, trigger, code, confidence):
        """Apply negation, refusal, intent, threats and conditionals to a code."""
        intent = negated = False
        children = list(trigger.children)
        head = trigger.head if trigger.dep_ == "xcomp" or (
            trigger.dep_ == "advcl" and _infinitive(trigger) and not _has_object(trigger.head)
            and self._governs_mood(trigger.head)) else None
        head_lemma = head.lemma_.lower() if head is not None else ""
        root = code[:2]
        negated_here = any(c.dep_ == "neg" for c in children) or (
            head is not None and any(c.dep_ == "neg" for c in head.children))
        refused = head_lemma in self.lex.words("refusal_verbs") | self.lex.words("refusal_adjectives")
        if negated_here and not refused:
            auxiliaries = {c.lower_ for c in children if c.dep_ == "aux"}
            if head is not None:
                auxiliaries |= {c.lower_ for c in head.children if c.dep_ == "aux"}
            # "will not accept" is a refusal; "did not attack" or "does not
            # recognize" reports no act at all
            refused = bool(auxiliaries & {"will", "would", "wo", "can", "ca", "could", "shall"})
            if not refused:
                return None, False, False, confidence
        if refused and root in _HOSTILE_ROOTS:
            # "will not oppose the subsidy", "refused to criticize the raid": no
            # disapproval, threat or force took place, and forgoing one rejects nothing
            return None, False, False, confidence
        if refused:
            code, negated, confidence = _REFUSAL_CODE.get(root, "120"), True, confidence - 0.1
            return code, False, negated, confidence
        obliged = {c.lower_ for c in children if c.dep_ == "aux"}
        if head is not None:
            obliged |= {c.lower_ for c in head.children if c.dep_ == "aux"}
        if obliged & _OBLIGATION_MODALS:
            # "Iraq must withdraw", "Iran should stop attacking": asked of it, not
            # done; with a speaker, the demand or appeal is coded (_modal_demands)
            return None, False, False, confidence
        if head_lemma in self.lex.words("threat_verbs"):
            return _INTENT_CODE.get(root, "130") if root not in ("01", "02", "03", "04", "05", "06", "07", "08") else "130", True, False, confidence - 0.05
        auxiliaries = {c.lower_ for c in children if c.dep_ == "aux"}
        if (head_lemma in self.lex.words("intent_verbs") | self.lex.words("intent_adjectives")
                or auxiliaries & self.lex.words("intent_auxiliaries")):
            intent = True
        # "will strike if attacked": the act a condition is attached to (the
        # condition itself is no act, see _is_hypothetical)
        conditional = any(
            c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
            for c in children)
        if conditional:
            intent, confidence = True, confidence - 0.1
        # An act announced, planned or made conditional is not yet done: for
        # cooperation CAMEO codes "express intent" (03), for pressure and
        # force a threat (13), as its manual says of future negative acts.
        if intent and root in _INTENT_CODE:
            code = _INTENT_CODE[root]
        return code, intent, negated, confidence

    def _domestic_target(self, trigger, code, actor_mention, resolver) -> Mention | None:
        """The other side of a domestic act that names no target.

        CAMEO and PLOVER code an act done at home with no named target
        (a curfew, a crackdown, a protest, a demand to the authorities) as
        aimed at the actor's own country: a state body's act at its
        people (``CVL``), anyone else's at the government (``GOV``). The
        act counts as domestic only when its clause names no other country
        ("destroyed a platform in response to an Iranian attack" is not),
        and when the clause names its own country again ("a curfew in
        Algiers"), the act is a protest, or its sentence names no other
        country at all. Roots: concessions, demands, rejections, threats,
        protest, force posture, coercion and violence (``_DOMESTIC_ROOTS``);
        investigations and cuts in relations (09, 16) are most often aimed
        abroad, and meetings and comments name their own partners.
        """
        actor = actor_mention.actor
        if not actor.country or code.startswith(_UNAIMED_CODES):
            return None
        at_home = code[:2] == "14"  # protest is aimed at one's own rulers
        for tok in trigger.subtree:
            mention = resolver.mention_at(tok)
            if mention is None or actor_mention.start <= tok.i < actor_mention.end:
                continue
            if mention.actor.country != actor.country:
                return None
            at_home = True  # "a curfew in Algiers", "weapons from Palestinian groups"
        if not at_home and code[:2] in _POLITICAL_DOMESTIC_ROOTS and (
                code[:2] == "08" or actor.sector not in _STATE_SECTORS):
            # a political act stays at home when neither its sentence nor the one
            # before names anything foreign ("lifted the state of emergency in
            # West Darfur"); "Tehran rejected the demand" after "The US demanded
            # ..." answers the US, and force may be used abroad at any time
            at_home = not self._names_abroad(trigger, actor.country, resolver)
        if not at_home:
            return None
        sector = "CVL" if actor.sector in _STATE_SECTORS else "GOV"
        other = self.kb.actor(actor.country + sector, resolver.day)
        return Mention(actor_mention.start, actor_mention.end, "", other, None, "domestic")

    def _names_abroad(self, trigger, country: str, resolver) -> bool:
        """True when ``trigger``'s sentence or the sentence before it names a
        country other than ``country`` (by name, demonym, even as an adjective,
        or capital), an international body, or says "foreign", "overseas"..."""
        sent = trigger.sent
        doc = trigger.doc
        start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        if any(entry.country != country for _, entry in resolver.place_entities(doc[start:sent.end])):
            return True  # also adjectives, which are no mentions: "Japanese microchips"
        for mention in resolver.mentions:
            if start <= mention.start < sent.end and mention.actor.country != country \
                    and (mention.actor.country or mention.actor.kind == "organization"):
                return True  # "Trump's demand", "the United Nations"
        return any(t.lower_ in self.lex.words("abroad_words") for t in doc[start:sent.end])

    def _perpetrators(self, thing, resolver, exclude: set) -> list:
        """Who did what is investigated, condemned or rejected: "crimes
        committed by Croat forces", "an inquiry into attacks carried out by
        the rebels" (the thing itself or what its preposition names)."""
        things = [thing] + [o for c in thing.children if c.dep_ == "prep" for o in _prep_objects(c)]
        for acl in (c for t in things for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN"):
            for agent in (c for c in acl.children if c.dep_ == "agent"):
                for obj in _prep_objects(agent):
                    found = [m for m in self._conj_mentions(obj, resolver) if m.actor.code not in exclude]
                    if found:
                        return found
        return []

    def _owner_target(self, verb, resolver, exclude: set) -> list:
        """Who owns what is criticized or rejected: "condemned Serbia's
        crackdown", "rejected the Security Council resolution", "denounced
        as a crime Serbia's suppression of ..." (CAMEO codes the author of a
        rejected proposal or a condemned act as the target)."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [g for c in verb.children if c.dep_ == "prep" for o in _prep_objects(c)
                    for g in o.children if g.dep_ == "appos"]
        for obj in objects:
            for child in obj.children:
                if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
                    found = [m for m in self._conj_mentions(child, resolver) if m.actor.code not in exclude]
                    if found:
                        return found
        return []

    def _condition_subject(self, trigger, resolver, exclude: set) -> list:
        """The target of a threat is who must act to avert it: the subject of
        its "if" or "unless" clause ("threatened to strike unless Baghdad
        accepted", "will ban voting if Hamas runs")."""
        clauses = [trigger] + [c for c in trigger.children if c.dep_ == "xcomp"]  # "threatened to close ... if"
        node = trigger
        for _ in range(3):
            if node.dep_ not in ("xcomp", "ccomp", "conj") or node.head == node:
                break
            node = node.head
            clauses.append(node)
        for clause in clauses:
            for child in clause.children:
                marks = [g for g in child.children if g.dep_ == "mark" and g.lower_ in ("if", "unless")]
                if child.dep_ != "advcl" or not marks:
                    continue
                for subject in (g for g in child.children if g.dep_ in ("nsubj", "nsubjpass")):
                    between = subject.doc[min(marks[0].i, subject.i):max(marks[0].i, subject.i)]
                    if any(t.is_punct for t in between):
                        continue  # a misparse reaching across a comma
                    found = [m for m in self._conj_mentions(subject, resolver) if m.actor.code not in exclude]
                    if found:
                        return found
        return []

    def _refined_code(self, verb, code: str) -> str:
        """Sharpen a verb's code by what the parse says of the act.

        * Force carried out with bombs ("killed ... in a car bombing",
          "suicide bombers killed ...", "a roadside bomb wounded ...") is
          CAMEO 183 (non-military bombing), or the bombing noun's own sub-code.
        * Capturing a place ("captured a rebel stronghold") is seizing
          territory (192), not an arrest (173) or a seizure of goods (171).
        * Agreeing that something is so ("agreed that talks were needed") is
          expressing accord (019), not a commitment (030): the codebook keeps
          019 for agreement on a view without intent to act. Agreeing that
          something will be done ("agreed that it would allow ...") stays 03.
        * Driving out a population ("forced thousands of villagers from their
          homes") is mass expulsion (201), which the codebook sets apart from
          the expulsion of groups or organizations (166).
        """
        if code.startswith("03") and verb.lemma_.lower() == "agree" \
                and any(c.dep_ == "ccomp" and not _modal(c) for c in verb.children) \
                and not any(c.dep_ in ("xcomp", "prep", "dobj") for c in verb.children):
            return "019"
        if code == "166" and any(self._is_population(c) for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
            return "201"
        if code[:2] in ("18", "19") and not code.startswith("183"):
            means = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            means += [o for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "with")
                      for o in _prep_objects(c)]
            for noun in means:
                found = self.lex.match_noun(noun)
                if found is not None and found.code.startswith("183"):
                    return found.code
                if noun.lemma_.lower() in self.lex.words("bombing_nouns"):
                    return "183"
        if code in ("171", "173"):
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                # "captured part of a stronghold": the place may sit under "part of"
                nouns = [obj] + _of_objects(obj)
                if any(n.lemma_.lower() in self.lex.words("territory_nouns") for n in nouns):
                    return "192"
        return code

    def _is_population(self, noun) -> bool:
        """True for a noun phrase naming many people: a plural of a noun for a
        population or of a people ("villagers", "Kurds"), with no count under a
        hundred ("two people" is a deportation, 174), or a large number of
        them ("thousands of Palestinians", "50,000 Asians")."""
        counts = [c for c in noun.children if c.dep_ == "nummod"]
        if noun.lemma_.lower() in ("thousand", "hundred", "million", "dozen") or noun.like_num:
            return any(self._is_population(g) for g in _of_objects(noun))
        if noun.tag_ not in ("NNS", "NNPS"):
            return False
        people = noun.lemma_.lower() in self.lex.words("population_nouns") or noun.ent_type_ == "NORP"
        return people and not any(c.like_num and _small_number(c.text) for c in counts)

    def _governs_mood(self, verb) -> bool:
        """True for verbs whose infinitive is an intent, threat or refusal."""
        return verb.lemma_.lower() in (self.lex.words("refusal_verbs") | self.lex.words("threat_verbs")
                                       | self.lex.words("intent_verbs"))

    def _protesters_of_place(self, trigger, resolver) -> list:
        """Crowds with no country of their own ("Hundreds of thousands of people
        blocked streets in Hong Kong") protest as civilians of where they are."""
        subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
        if not subjects or subjects[0].pos_ not in ("NOUN", "PRON", "NUM"):
            return []
        place = self._place_actor(trigger, resolver, set(), deep=True)
        if place is None:
            return []
        actor = self.kb.actor(place.actor.country + "CVL", resolver.day)
        return [Mention(subjects[0].i, subjects[0].i + 1, subjects[0].text, actor, None, "place")]

    def _faceless(self, verb) -> bool:
        """True when an act of force names no perpetrator: its subject is the
        means ("a roadside bombing killed ...", "a blast wounded ...") or it
        is passive with no agent ("was killed in Beirut")."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects[0].lemma_.lower() in self.lex.words("bombing_nouns") | self.lex.words("weapon_nouns")
        return any(c.dep_ == "nsubjpass" for c in verb.children) and not any(
            c.dep_ == "agent" for c in verb.children)

    def _attack_place(self, verb, resolver) -> list:
        """The country where an attack of unnamed perpetrators happened,
        coded as its actor (the PLOVER and CAMEO coders' practice of placing an
        unattributed attack in its country): the place of the act or of its
        means ("a bombing near Samarra"), else the one country the sentence names."""
        found = self._place_actor(verb, resolver, set(), deep=True)
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            found = found or self._place_actor(subject, resolver, set(), deep=True)
        country = found.actor.country if found is not None else resolver.only_country(verb.sent)
        if not country:
            return []
        start, end = (found.start, found.end) if found is not None else (verb.i, verb.i + 1)
        return [Mention(start, end, resolver.doc[start:end].text, self.kb.actor(country, resolver.day), None, "place")]

    def _place_actor(self, trigger, resolver, exclude: set, deep: bool = False) -> Mention | None:
        """The country where a domestic act happens ("eased emergency measures
        in Montenegro"), which CAMEO codes as the target when none is named."""
        places = ("in", "inside", "across", "throughout") + (("at", "outside", "near") if deep else ())
        # the place may hang on the object: "blocked streets in Hong Kong",
        # "retook a village in western Cambodia", "rioted at a jail in Israel"
        holders = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")] + [
            g for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("at", "near", "outside", "under")
            for g in _prep_objects(c)]
        for child in (c for h in holders for c in h.children):
            if child.dep_ == "prep" and child.lower_ in places:
                for obj in self._place_objects(child, places, deep):
                    for tok in obj.subtree:
                        mention = resolver.mention_at(tok)
                        if mention is not None and mention.actor.country and mention.actor.country not in exclude:
                            return mention
        return None

    def _place_objects(self, prep, places, deep: bool) -> list:
        """The objects of a preposition of place that name a place. An act
        noun there names an activity ("backed rebels in attacks on positions
        in Iraq", "fighting in a new offensive in the mountains of Iraq"):
        only its own phrases of place count, not its arguments ("on
        positions in Iraq" is whom the attacks hit, not where Iran acted).
        Unattributed attacks (``deep``) keep the whole phrase."""
        out = []
        for obj in _prep_objects(prep):
            if obj.lemma_.lower() in self.lex.words("response_nouns"):
                continue  # "in retaliation for an attack on a Kuwaiti ship": another act's parties
            if deep or self.lex.match_noun(obj) is None:
                out.append(obj)
            else:
                out += [g for c in obj.children if c.dep_ == "prep" and c.lower_ in places
                        for g in _prep_objects(c)]
        return out

    def _clause_actor(self, trigger, resolver, exclude: set) -> Mention | None:
        """An actor named in a participle clause of the trigger's clause."""
        clause = trigger
        while clause.dep_ in ("xcomp", "conj") and clause.head != clause:
            clause = clause.head
        for child in clause.children:
            if child.dep_ == "advcl" and child.i < clause.i:
                for tok in child.subtree:
                    mention = resolver.mention_at(tok)
                    if mention is not None and mention.actor.code not in exclude:
                        return mention
        return None

    def _sentence_dates(self, doc, sentences, day) -> list:
        """Per sentence: list of (root token, date, dates an act) for resolvable
        date expressions, each read in the tense of its clause ("will meet on
        Friday" is the coming Friday); see :meth:`_dates_an_act`."""
        out = [[] for _ in sentences]
        starts = [s.start for s in sentences]
        for ent in doc.ents:
            if ent.label_ not in ("DATE",):
                continue
            resolved = resolve_date_expression(ent.text, day, tense_of(ent.root))
            if resolved is None:
                continue
            index = max(i for i, s in enumerate(starts) if s <= ent.start)
            out[index].append((ent.root, resolved, self._dates_an_act(ent.root)))
        return out

    def _dates_an_act(self, date) -> bool:
        """True when a date is the day its sentence is about: it dates its own
        clause (:func:`.dates.dates_event`), and that clause is the
        sentence's main one ("Yesterday was quiet.") or reports an act: its
        verb is one the lexicon knows, a speech verb, a light verb with an
        act for object ("held talks on Friday"), or has a named actor for
        subject ("which President Trump described on Thursday"); not a state
        of things in a side clause ("until his term ends on October 30",
        "the accord that expires in May")."""
        verb = clause_verb(date)
        if verb is None or not dates_event(date, verb):
            return False
        if verb == verb.sent.root or self.lex.match_verb(verb) is not None \
                or verb.lemma_.lower() in self.lex.words("speech") or self._defers_to_noun(verb):
            return True
        return any(c.dep_ in ("nsubj", "nsubjpass", "agent") and c.ent_type_ in ("PERSON", "GPE", "ORG", "NORP")
                   for c in verb.children)

    def _events(self, c: _Candidate, article, sentences, dates, resolver) -> list[Event]:
        sent = sentences[c.sentence_index]
        date, source = self._date_for(c, article, sentences, dates)
        issue_ref = None
        if c.issue is not None and c.issue.issue is not None:
            i = c.issue.issue
            issue_ref = IssueRef(i.key, i.label, i.location)
        actor_codes = {m.actor.code for m in c.actors}
        # "We want that base back": a pronoun for the actor itself is no target
        targets = [t for t in c.targets if t.how != "pronoun" or t.actor.code not in actor_codes]
        confidence = c.confidence
        if not targets and issue_ref is not None and issue_ref.location and c.code[:2] in _ADDRESSED_ROOTS:
            owner = self.kb.actor(issue_ref.location + "GOV", resolver.day)
            targets = [Mention(c.trigger.i, c.trigger.i + 1, "", owner, None, "issue-location")]
            confidence -= 0.2
        etype = event_type(c.code)
        out = []
        for actor_mention in c.actors:
            domestic = None
            # no target but the actor itself ("a curfew in Algiers" by Algeria's president)
            untargeted = all(t.actor.code == actor_mention.actor.code for t in targets)
            act = c.clause or c.trigger  # "extend the curfew": the light verb reports the act
            if untargeted and c.code[:2] in _DOMESTIC_ROOTS and act.pos_ in ("VERB", "AUX"):
                domestic = self._domestic_target(act, c.code, actor_mention, resolver)
            for target_mention in ([domestic] if domestic is not None else targets) or [None]:
                target = target_mention.actor if target_mention is not None else None
                if target_mention is domestic and domestic is not None:
                    confidence = c.confidence - 0.15  # no target named: the domestic convention
                if target is not None and target.code == actor_mention.actor.code and (
                        actor_mention.actor.sector is not None or target_mention.start == actor_mention.start):
                    # an actor aimed at itself, or a government at its own country; two
                    # mentions of a bare country's people ("gunmen in Iraq killed two
                    # Iraqi youths") are different people
                    target = None
                span = self._span(c, actor_mention, target_mention, sent)
                char_start = resolver.doc[span[0]].idx
                char_end = resolver.doc[span[1]].idx + len(resolver.doc[span[1]].text)
                out.append(Event(
                    id=make_event_id(article.id, char_start, char_end, c.code, actor_mention.actor.code,
                                     target.code if target else None),
                    article=article.id, actor=actor_mention.actor, target=target, event_type=etype,
                    date=date, date_source=source, issue=issue_ref, stance=c.stance if issue_ref else 0,
                    sentence=sent.text.strip(), sentence_index=c.sentence_index,
                    char_start=char_start, char_end=char_end, trigger=c.trigger.text,
                    confidence=round(max(0.05, min(0.99, confidence)), 2), intent=c.intent,
                    negated=c.negated, actor_text=actor_mention.text,
                    target_text=target_mention.text if target_mention is not None and target else "",
                    actor_person=actor_mention.person,
                    target_person=target_mention.person if target_mention is not None and target else None,
                    trigger_start=c.trigger.idx, trigger_depth=len(list((c.clause or c.trigger).ancestors)),
                ))
        return out

    @staticmethod
    def _span(c, actor_mention, target_mention, sent) -> tuple[int, int]:
        points = [c.trigger.i]
        for m in (actor_mention, target_mention):
            if m is not None and m.text and sent.start <= m.start < sent.end:
                points += [m.start, m.end - 1]
        if c.issue is not None:
            points += [c.issue.start, c.issue.end - 1]
        return min(points), max(points)

    @staticmethod
    def _date_for(c, article, sentences, dates):
        # only a date of the event's own clause, or of the report it sits in
        # ("until his term ends on October 30" dates the term, not the event)
        found = [found for found in dates[c.sentence_index] if dates_event(found[0], c.trigger)]
        if found:
            best = min(found, key=lambda found: _tree_distance(found[0], c.trigger))
            return best[1], "sentence"
        text = c.trigger.doc.text
        paragraph = text.count("\n\n", 0, sentences[c.sentence_index].start_char)
        for index in range(c.sentence_index - 1, -1, -1):
            if text.count("\n\n", 0, sentences[index].start_char) != paragraph:
                break
            # an earlier sentence's date carries over when it is the day of an act
            acts = [found for found in dates[index] if found[2]]
            if acts:
                return acts[-1][1], "paragraph"
        return article.published_date, "published"


def _infinitive(verb) -> bool:
    """True for a bare infinitive with "to" ("sworn to fight")."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _verbless_root(node):
    """The sentence's root when it is a noun and ``node`` (a verb modifying a
    noun) hangs under it through nouns and prepositions only ("Doctors from
    two aid groups donated ...", parsed with "Doctors" as the root); else None."""
    root = node.sent.root
    if root.pos_ not in ("NOUN", "PROPN") or any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ccomp", "conj")
                                                 and t.head == root for t in root.children):
        return None
    step = node.head
    while step != root:
        if step.dep_ not in ("pobj", "prep", "compound", "appos") or step.head == step:
            return None
        step = step.head
    return root


def _modal(clause) -> bool:
    """True when ``clause`` speaks of what will or may be done ("it would allow")."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "shall", "should", "could", "can",
                                                            "may", "might", "must", "'ll")
               for c in clause.children)


def _small_number(text: str) -> bool:
    """True for a count under a hundred, in digits or words ("two", "45")."""
    words = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
             "twelve", "dozen", "several", "few", "some"}
    digits = text.replace(",", "")
    return text.lower() in words or (digits.isdigit() and int(digits) < 100)


def _has_object(verb) -> bool:
    return any(c.dep_ in ("dobj", "dative") for c in verb.children)


def _prep_objects(prep) -> list:
    """Objects of a preposition, the fullest first ("about re-establishing ...":
    the tokenizer splits "re-" off, and the verb with the object is wanted)."""
    objs = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
    return sorted(objs, key=lambda t: -len(list(t.subtree)))


def _of_objects(token) -> list:
    """The objects of ``token``'s "of" phrases ("a round of talks", "part of a
    stronghold", "thousands of villagers")."""
    return [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in _prep_objects(c)]


def _conjuncts(token):
    for child in token.children:
        if child.dep_ == "conj":
            yield child
            yield from _conjuncts(child)


def _path_to(tok, ancestor):
    node = tok
    path = []
    while node != ancestor:
        if node.head == node:
            return None
        path.append(node)
        node = node.head
    return path


def _tree_distance(a, b) -> int:
    ancestors_a = [a, *a.ancestors]
    ancestors_b = [b, *b.ancestors]
    for i, node in enumerate(ancestors_a):
        if node in ancestors_b:
            return i + ancestors_b.index(node)
    return 99


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per sentence, actor, target and CAMEO root: the most confident.

    A plain statement (CAMEO 010) is dropped when its actor has another kind
    of event in the same sentence: the codebook codes statements only when
    nothing more specific can be coded.
    """
    acting = {(e.sentence_index, e.actor.code) for e in events if e.event_type.root != "01"}
    events = [e for e in events if e.code != "010" or (e.sentence_index, e.actor.code) not in acting]
    best: dict[tuple, Event] = {}
    for event in events:
        key = (event.sentence_index, event.actor.code, event.target.code if event.target else None,
               event.event_type.root)
        if key not in best or event.confidence > best[key].confidence:
            best[key] = event
    return sorted(best.values(), key=lambda e: (e.char_start, e.code))
