"""Issues: what events are about, found in noun phrases and merged per article.

An issue phrase is the object an event concerns ("about re-establishing a
limited military presence at Afghanistan's Bagram air base", "rejected the
possibility of any renewed US military presence"). Each phrase gives:

* a *label*: the phrase without determiners, hedges ("any", "renewed"),
  possessive owners and relative clauses;
* *keywords*: its content lemmas, without actor words;
* *anchors*: the proper names in it that are not actors ("Bagram");
* a *location*: the country it lies in, when a country, demonym or capital
  names where ("at Afghanistan's Bagram air base", "on Afghan soil").

Within an article, phrases that share an anchor, share their head noun, or
whose keywords are a subset of another's, are one issue ("that base",
"renewed US presence on Afghan soil" and the Bagram phrase). Definite
anaphors ("the matter") refer to the article's main issue. Across articles,
issues with the same key (their anchors, or else their keywords) are one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["IssuePhrase", "Issue", "issue_phrase", "cluster_issues", "issue_key"]

_SKIP_DEPS = {"relcl", "appos", "punct", "advcl"}
_MODIFIER_DEPS = {"poss", "compound", "nmod", "amod", "conj"}
_NOT_ISSUES = {"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}


@dataclass
class IssuePhrase:
    """One phrase that names what an event is about."""

    start: int
    end: int
    head: str
    label: str
    keywords: frozenset
    anchors: frozenset
    location: str | None = None
    inner_actors: tuple = ()
    anaphoric: bool = False
    issue: "Issue | None" = None


@dataclass
class Issue:
    """An issue of one article: merged phrases, a label and a cross-article key."""

    key: str
    label: str
    location: str | None
    phrases: list = field(default_factory=list)


def issue_key(anchors, keywords) -> str:
    """Return the cross-article key of an issue.

    Examples
    --------
    >>> issue_key({"bagram"}, {"base", "bagram"})
    'bagram'
    >>> issue_key(set(), {"interference", "foreign"})
    'foreign-interference'
    """
    words = sorted(anchors) if anchors else sorted(keywords)
    return re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-")[:60] or "issue"


def _unwrap(head, lexicon, resolver, owners=None):
    """Follow wrapper nouns ("possibility of X", "push to regain X") to X,
    unless X names an actor ("the return of US forces" stays as it is).
    Actors that own a wrapper ("Washington's push") are added to ``owners``."""
    wrappers = lexicon.words("issue_wrappers")
    for _ in range(3):
        if head.lemma_.lower() not in wrappers:
            break
        if owners is not None:
            for child in head.children:
                if child.dep_ not in ("poss", "compound", "nmod", "amod"):
                    continue
                mention = resolver.actor_of(child)
                actor = mention.actor if mention is not None else None
                if actor is None and child.ent_id_.startswith("demonym:"):
                    # "an Indian proposal": the adjective names whose proposal it is
                    actor = resolver.kb.actor(child.ent_id_.split(":")[1] + "GOV", resolver.day)
                if actor is not None and actor not in owners:
                    owners.append(actor)
        inner = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "to", "for")
                 for g in c.children if g.dep_ in ("pobj", "pcomp")]
        inner += [c for c in head.children if c.dep_ in ("acl", "xcomp") and c.pos_ in ("VERB", "AUX")]
        # "rejected the demand to hand back X": the parser often hangs the
        # infinitive on the verb; it still completes the noun before it
        inner += [c for c in head.head.children if c.dep_ == "advcl" and c.i > head.i
                  and c.left_edge.i == head.right_edge.i + 1 and c.left_edge.lower_ == "to"]
        if not inner or resolver.actor_of(inner[0]) is not None:
            break
        head = _gerund_object(inner[0])
    return head


def _gerund_object(head):
    if head.pos_ == "VERB":
        objs = [c for c in head.children if c.dep_ in ("dobj", "attr")]
        if objs:
            return objs[0]
    return head


def issue_phrase(head, resolver, lexicon) -> IssuePhrase | None:
    """Return the issue named by the phrase headed by ``head`` (a spaCy Token).

    Returns None when the phrase names an actor itself or has no content word.
    """
    if resolver.actor_of(head) is not None:
        return None
    owners: list = []
    head = _unwrap(head, lexicon, resolver, owners)
    verb = head if head.pos_ == "VERB" else None
    head = _unwrap(_gerund_object(head), lexicon, resolver, owners)
    if resolver.actor_of(head) is not None:
        return None
    if head.ent_type_ in _NOT_ISSUES or head.lemma_.lower() in lexicon.words("issue_stop_heads"):
        return None  # "on Monday", "thousands", "the country" name no issue
    extra = []
    if verb is not None and head is not verb:
        # "re-establishing a presence at the base": the verb's place belongs to the issue
        extra = [t for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "in", "on", "near", "inside")
                 for t in _phrase_tokens(c)]
    stop = lexicon.words("issue_stop_modifiers")
    anaphoric = head.lemma_.lower() in lexicon.words("anaphoric_issue_nouns") and not any(
        c.dep_ == "prep" for c in head.children)
    keep, location, inner = [], None, list(owners)
    for tok in sorted(_phrase_tokens(head) + extra, key=lambda t: t.i):
        mention = resolver.mention_at(tok)
        is_poss_owner = mention is not None and tok.dep_ == "poss" or tok.dep_ == "case"
        in_locative = any(a.dep_ == "prep" and a.lower_ in ("in", "on", "at", "inside", "near")
                          for a in _ancestors_until(tok, head)) or tok in extra
        if mention is not None and mention.actor.country and (is_poss_owner or in_locative):
            location = location or mention.actor.country
        elif mention is None and tok.ent_type_ == "NORP" and tok.ent_id_.startswith("demonym:"):
            country = tok.ent_id_.split(":")[1]
            if in_locative:
                location = location or country
            elif tok.head == head and tok.dep_ in ("amod", "compound", "nmod"):
                # "an Indian proposal", "French mediation": the proposer is aimed at
                owner = resolver.kb.actor(country + "GOV", resolver.day)
                if owner not in inner:
                    inner.append(owner)
        owns_place = is_poss_owner and tok.head.lemma_.lower() in lexicon.words("place_nouns")
        if (mention is not None and not in_locative and not owns_place and mention.actor not in inner
                and all(a.dep_ in _MODIFIER_DEPS or a.dep_ == "pobj" or a.lower_ == "of"
                        for a in [tok, *_ancestors_until(tok, head)][:-1])):
            inner.append(mention.actor)
        if is_poss_owner or tok.lower_ in stop or tok.dep_ in ("det", "punct"):
            continue
        keep.append(tok)
    if not keep:
        return None
    keywords = frozenset(t.lemma_.lower() for t in keep if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")
                         and resolver.mention_at(t) is None and not t.ent_id_
                         and t.lower_ not in stop)
    anchors = frozenset(t.lemma_.lower() for t in keep if t.pos_ == "PROPN"
                        and resolver.mention_at(t) is None and not t.ent_id_
                        and t.ent_type_ not in ("NORP", "DATE", "PERSON", "ORG"))
    if not keywords and not anaphoric:
        return None
    label = _label(keep)
    return IssuePhrase(min(t.i for t in keep), max(t.i for t in keep) + 1, head.lemma_.lower(), label,
                       keywords, anchors, location, tuple(inner), anaphoric)


def _ancestors_until(tok, head):
    node = tok
    while node != head and node.head != node:
        node = node.head
        yield node


def _phrase_tokens(head):
    """The phrase's tokens, without relative clauses, appositives and punctuation."""
    out = [head]
    for child in head.children:
        if child.dep_ not in _SKIP_DEPS:
            out.extend(_phrase_tokens(child))
    return sorted(out, key=lambda t: t.i)


def _label(tokens) -> str:
    text = ""
    for tok in tokens:
        piece = tok.text
        if text and not (piece in ("'s", "\u2019s", "-") or text.endswith("-")):
            text += " "
        text += piece
    return text.strip()


def cluster_issues(phrases: list[IssuePhrase]) -> list[Issue]:
    """Merge the issue phrases of one article into issues (in place: sets ``phrase.issue``).

    Two phrases are one issue when they share an anchor or a head noun, or
    when one's keywords are a subset of the other's. Anaphoric phrases join
    the issue with the most phrases (the article's main issue).
    """
    concrete = [p for p in phrases if not p.anaphoric]
    parent = list(range(len(concrete)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(concrete):
        for j in range(i):
            b = concrete[j]
            if (a.anchors & b.anchors or a.head == b.head
                    or (a.keywords and b.keywords and (a.keywords <= b.keywords or b.keywords <= a.keywords))):
                parent[find(i)] = find(j)
    groups: dict[int, list[IssuePhrase]] = {}
    for i, phrase in enumerate(concrete):
        groups.setdefault(find(i), []).append(phrase)
    issues = []
    for members in groups.values():
        best = max(members, key=lambda p: (len(p.anchors), len(p.keywords), -p.start))
        anchors = frozenset().union(*(p.anchors for p in members))
        location = next((p.location for p in members if p.location), None)
        issue = Issue(issue_key(anchors, best.keywords), best.label, location, members)
        for p in members:
            p.issue = issue
        issues.append(issue)
    if issues:
        main = max(issues, key=lambda i: (len(i.phrases), -i.phrases[0].start))
        for p in phrases:
            if p.anaphoric:
                p.issue = main
                main.phrases.append(p)
    return issues
