"""The project's labelled corpus: reading, checking and counting it.

The corpus lives in the repository's ``corpus/`` folder (see
``corpus/README.md`` for the schema and the coding guidelines):

* ``corpus/written/<batch>.jsonl``: examples written for the project, one
  JSON object a line, a batch of writing a file. The batch's name gives its
  split: ``train-*``, ``dev-*`` or ``test-*``.
* ``corpus/real/<source>.jsonl``: labels of real sentences in ``../shared``,
  kept by document id and character offsets; the text stays in ``../shared``.

A span is written as the words it covers, ``{"text": "Iran"}``, with ``"n"``
(1-based) telling which occurrence when the words occur more than once as
whole words in the example. :func:`locate` turns it into character offsets.

Examples
--------
>>> ex = {"id": "x-1", "style": "wire", "text": "Iran rejected the offer.",
...       "events": [{"trigger": {"text": "rejected"},
...                   "actor": {"text": "Iran", "code": "IRNGOV"}, "target": None,
...                   "cameo": "120", "plover": "REJECT"}]}
>>> check_example(ex, "x")
[]
>>> locate(ex["text"], ex["events"][0]["trigger"])
(5, 13)
"""

from __future__ import annotations

import collections
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..ontology.cameo import event_type

__all__ = [
    "STYLES", "MODALITIES", "TAGS", "REALIS_MODALITIES", "SPLITS",
    "CorpusError", "Example", "locate", "check_example", "read_batch",
    "read_corpus", "split_of", "corpus_stats",
]

#: Styles of writing an example imitates.
STYLES = ("wire", "broadsheet", "broadcast", "statement")

#: What an event's act is, as the sentence reports it:
#: ``asserted`` it happened, is happening or was said; ``intended`` an
#: announced intent or plan (coded with CAMEO's intent codes, 03x, 13x ...);
#: the rest did not happen as far as the sentence says, and a coder must not
#: emit them as done: ``conditional`` (if, unless), ``hypothetical`` (may,
#: could, a question), ``alleged`` (the act someone is accused of, the
#: accusation being its own event), ``proposed`` (the content of a proposal,
#: resolution, demand or offer, vetoed, refused or still pending).
MODALITIES = ("asserted", "intended", "conditional", "hypothetical", "alleged", "proposed")
#: Modalities of events a coder emits (with ``negated`` false).
REALIS_MODALITIES = ("asserted", "intended")

#: Structures an example exercises (an example may carry several).
TAGS = (
    "quote_multi",        # a quote over several sentences, speaker before or after
    "dateline",           # an agency dateline opens the text: a place, not an actor
    "coref",              # actor or target named by a pronoun or description in another sentence
    "allegation",         # a report or accusation of an act: the event is the accusation
    "legal",              # courts, police, prosecutors: arrest, charge, jail, extradite, drop a case
    "protest_unnamed",    # protests or riots with no named organizer
    "call_on",            # "called on X to ...": X is the target
    "object_target",      # "objected to the deal", "rejected these accusations", "criticised X's policy"
    "participle",         # the act sits in a participle or gerund clause
    "weapon_subject",     # the subject is the weapon ("a mortar bomb was fired at ...")
    "coalition",          # a coalition or alliance acts
    "vetoed",             # a proposal vetoed or refused: its content did not happen
    "negation",           # an act negated ("did not", "never")
    "conditional",        # an act under a condition
    "intent",             # announced intent, promise, plan, threat
    "passive",            # the act in the passive voice
    "multi_event",        # two or more events in the example
    "no_event",           # actors named, no event reported
    "reported_speech",    # an act reported through a speaker ("X said Y had ...")
    "historical",         # a state that no longer exists, or an old period
    "ambiguous_word",     # a trigger word with a non-event sense nearby ("strike", "fire", "charge")
)

#: The splits, by the prefix of a batch's name.
SPLITS = ("train", "dev", "test")

_CODE = re.compile(r"^[A-Z]{3}[A-Z]{0,12}$")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class CorpusError(ValueError):
    """An example breaks the schema; the message names the example."""


@dataclass(frozen=True)
class Example:
    """One checked example: its fields as written, with spans located."""

    id: str
    batch: str
    split: str
    text: str
    style: str
    events: list = field(default_factory=list)
    mentions: list = field(default_factory=list)
    tags: tuple = ()
    published: str | None = None
    source: dict | None = None

    @property
    def has_event(self) -> bool:
        """True when the example reports at least one event a coder should emit."""
        return any(is_realis(e) for e in self.events)


def is_realis(event: dict) -> bool:
    """True when ``event`` happened, or was said or announced, as reported."""
    return not event.get("negated", False) and event.get("modality", "asserted") in REALIS_MODALITIES


def split_of(batch: str) -> str:
    """The split of a batch, from the prefix of its name (``train-a03`` -> ``train``).

    Raises
    ------
    CorpusError
        When the name starts with no split's name.
    """
    head = batch.split("-", 1)[0]
    if head not in SPLITS:
        raise CorpusError(f"batch {batch!r}: its name must start with one of {', '.join(SPLITS)}")
    return head


def _occurrences(text: str, words: str) -> list[int]:
    """Start offsets of ``words`` in ``text`` as whole words (no letter or
    digit touching either end)."""
    pattern = r"(?<![\w])" + re.escape(words) + r"(?![\w])"
    return [m.start() for m in re.finditer(pattern, text)]


def locate(text: str, span: dict) -> tuple[int, int]:
    """Character offsets ``(start, end)`` (end exclusive) of ``span`` in ``text``.

    ``span`` has ``text`` (the words, as they stand in ``text``) and, when
    they occur more than once as whole words, ``n`` (1-based occurrence).
    Offsets already given as ``start``/``end`` are checked against the words.

    Raises
    ------
    CorpusError
        When the words are missing, ambiguous without ``n``, or ``n`` is too large.
    """
    words = span.get("text")
    if not isinstance(words, str) or not words.strip():
        raise CorpusError(f"span {span!r} has no text")
    if "start" in span and "end" in span:
        if text[span["start"]:span["end"]] != words:
            raise CorpusError(f"span {words!r}: offsets {span['start']}-{span['end']} hold "
                              f"{text[span['start']:span['end']]!r}")
        return span["start"], span["end"]
    found = _occurrences(text, words)
    if not found:
        raise CorpusError(f"span {words!r} is not in the text as whole words")
    n = span.get("n")
    if n is None:
        if len(found) > 1:
            raise CorpusError(f"span {words!r} occurs {len(found)} times: give n")
        n = 1
    if not isinstance(n, int) or not 1 <= n <= len(found):
        raise CorpusError(f"span {words!r}: n={n!r} but it occurs {len(found)} time(s)")
    start = found[n - 1]
    return start, start + len(words)


def _check_actor(text: str, role: str, actor, problems: list[str], optional: bool) -> None:
    if actor is None:
        if not optional:
            problems.append(f"{role} is missing")
        return
    if not isinstance(actor, dict):
        problems.append(f"{role} must be an object or null")
        return
    code = actor.get("code")
    if not isinstance(code, str) or not _CODE.match(code):
        problems.append(f"{role} {actor.get('text')!r}: code {code!r} is not a CAMEO actor code "
                        "(ISO3 or IGO/NGO/IMG, then sector codes)")
    _check_span(text, role, actor, problems)


def _check_span(text: str, role: str, span, problems: list[str]) -> None:
    if not isinstance(span, dict):
        problems.append(f"{role} must be an object")
        return
    try:
        locate(text, span)
    except CorpusError as err:
        problems.append(f"{role}: {err}")


def _check_event(text: str, i: int, ev, problems: list[str]) -> None:
    where = f"event {i + 1}"
    if not isinstance(ev, dict):
        problems.append(f"{where} must be an object")
        return
    _check_span(text, f"{where} trigger", ev.get("trigger"), problems)
    _check_actor(text, f"{where} actor", ev.get("actor"), problems, optional=False)
    _check_actor(text, f"{where} target", ev.get("target"), problems, optional=True)
    code = ev.get("cameo")
    try:
        et = event_type(str(code))
    except Exception:
        problems.append(f"{where}: {code!r} is not a CAMEO code of ontology/cameo.csv")
        return
    plover = ev.get("plover")
    if plover != et.plover_type and not ev.get("plover_note"):
        problems.append(f"{where}: CAMEO {code} is PLOVER {et.plover_type}, not {plover!r} "
                        "(give plover_note to depart from the table)")
    mode = ev.get("mode")
    if mode not in (None, "", et.plover_mode) and not ev.get("plover_note"):
        problems.append(f"{where}: CAMEO {code} has PLOVER mode {et.plover_mode!r}, not {mode!r}")
    if ev.get("modality", "asserted") not in MODALITIES:
        problems.append(f"{where}: modality {ev.get('modality')!r} is not one of {', '.join(MODALITIES)}")
    if not isinstance(ev.get("negated", False), bool):
        problems.append(f"{where}: negated must be true or false")


def check_example(ex, batch: str) -> list[str]:
    """Return the problems of one example (an empty list when it is sound).

    ``batch`` is the batch the example was read from; the example's ``id``
    must start with it.
    """
    if not isinstance(ex, dict):
        return ["an example must be a JSON object"]
    problems: list[str] = []
    eid, text = ex.get("id"), ex.get("text")
    if not isinstance(eid, str) or not _ID.match(eid) or not eid.startswith(batch + "-"):
        problems.append(f"id {eid!r} must be lower-case, and start with the batch name {batch!r} and '-'")
    if not isinstance(text, str) or not text.strip():
        return problems + ["text is missing"]
    if ex.get("style") not in STYLES:
        problems.append(f"style {ex.get('style')!r} is not one of {', '.join(STYLES)}")
    for tag in ex.get("tags", []):
        if tag not in TAGS:
            problems.append(f"tag {tag!r} is not one of the corpus tags")
    events = ex.get("events")
    if not isinstance(events, list):
        return problems + ["events must be a list (empty when nothing happens)"]
    for i, ev in enumerate(events):
        _check_event(text, i, ev, problems)
    mentions = ex.get("mentions", [])
    for j, m in enumerate(mentions):
        _check_actor(text, f"mention {j + 1}", m, problems, optional=False)
    if not events and not mentions:
        problems.append("an example without events must list the actors it names in mentions")
    return problems


def read_batch(path: Path) -> Iterator[Example]:
    """Yield the checked examples of one batch file.

    Raises
    ------
    CorpusError
        At the first unsound line, naming the file, the line and the problems.
    """
    path = Path(path)
    batch = path.name.removesuffix(".jsonl")
    split = split_of(batch)
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                ex = json.loads(line)
            except json.JSONDecodeError as err:
                raise CorpusError(f"{path}:{lineno}: not JSON ({err.msg})") from err
            problems = check_example(ex, batch)
            if problems:
                raise CorpusError(f"{path}:{lineno}: {ex.get('id')}: " + "; ".join(problems))
            yield Example(id=ex["id"], batch=batch, split=split, text=ex["text"], style=ex["style"],
                          events=ex["events"], mentions=ex.get("mentions", []),
                          tags=tuple(ex.get("tags", ())), published=ex.get("published"))


def read_corpus(folder: Path, splits: Iterable[str] = SPLITS) -> list[Example]:
    """All checked examples of ``folder`` (``corpus/written``) in the given splits,
    batches in name order.

    Raises
    ------
    CorpusError
        On an unsound line, or an id used twice.
    """
    wanted, out, seen = set(splits), [], set()
    for path in sorted(Path(folder).glob("*.jsonl")):
        if split_of(path.name.removesuffix(".jsonl")) not in wanted:
            continue
        for ex in read_batch(path):
            if ex.id in seen:
                raise CorpusError(f"{path}: id {ex.id} is used twice")
            seen.add(ex.id)
            out.append(ex)
    return out


def corpus_stats(examples: Iterable[Example]) -> dict:
    """Counts of examples and events, by split, CAMEO root, PLOVER type, tag and style."""
    c = collections.defaultdict(collections.Counter)
    for ex in examples:
        c["examples"][ex.split] += 1
        c["no_event_examples"][ex.split] += 0 if ex.has_event else 1
        c["style"][ex.style] += 1
        for tag in ex.tags:
            c["tag"][tag] += 1
        for ev in ex.events:
            et = event_type(str(ev["cameo"]))
            c["events"][ex.split] += 1
            c["root"][et.root] += 1
            c["plover"][ev.get("plover")] += 1
            c["modality"]["negated" if ev.get("negated") else ev.get("modality", "asserted")] += 1
    return {k: dict(sorted(v.items())) for k, v in c.items()}


def main(argv: list[str] | None = None) -> int:
    """``python -m geopolkg.train.corpus check FILE...`` or ``stats FOLDER``.

    ``check`` prints every problem of every line (file:line: id: problems) and
    exits 1 when there is one; ``stats`` prints the corpus counts as JSON.
    """
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m geopolkg.train.corpus")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="check batch files against the schema")
    p_check.add_argument("files", nargs="+", type=Path)
    p_stats = sub.add_parser("stats", help="count examples and events in a folder of batches")
    p_stats.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    if args.command == "stats":
        print(json.dumps(corpus_stats(read_corpus(args.folder)), indent=1))
        return 0
    bad = total = 0
    for path in args.files:
        batch = path.name.removesuffix(".jsonl")
        try:
            split_of(batch)
        except CorpusError as err:
            print(f"{path}: {err}")
            bad += 1
            continue
        ids = set()
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            total += 1
            try:
                ex = json.loads(line)
            except json.JSONDecodeError as err:
                print(f"{path}:{lineno}: not JSON ({err.msg})")
                bad += 1
                continue
            problems = check_example(ex, batch)
            if isinstance(ex, dict) and ex.get("id") in ids:
                problems.append("id used twice")
            ids.add(ex.get("id") if isinstance(ex, dict) else None)
            if problems:
                bad += 1
                print(f"{path}:{lineno}: {ex.get('id') if isinstance(ex, dict) else ''}: " + "; ".join(problems))
    print(f"{total} example(s), {bad} with problems", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
