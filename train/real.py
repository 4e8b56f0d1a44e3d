"""Labels of real sentences in ``../shared``, kept by document id and offsets.

The text of real news is not ours to copy, so ``corpus/real/*.jsonl`` keeps
only where each labelled passage stands in a shared document, and where its
spans stand, as character offsets into that document's text:

.. code-block:: json

    {"id": "real-reuters-0001", "source": {"corpus": "reuters", "doc": "12345",
     "start": 210, "end": 331}, "style": "wire", "published": "1987-04-08",
     "tags": [], "events": [{"trigger": {"start": 230, "end": 238},
     "actor": {"start": 210, "end": 214, "code": "IRNGOV"}, "target": null,
     "cameo": "120", "plover": "REJECT", "negated": false, "modality": "asserted"}],
     "mentions": []}

The shared documents, by ``corpus``:

* ``reuters``: ``corpora/reuters-21578-geopolitics.jsonl``, ``doc`` the
  story's ``id``, text its ``text`` field;
* ``re3d``: ``gold/re3d/<folder>/documents.json``, ``doc`` as
  ``<folder>/<_id>``, text its ``text`` field;
* ``modern``: ``articles/html/modern/<name>.expected.json``, ``doc`` the
  name, text its ``articleBody``.

Labels are written as drafts that still hold the words (the passage and
each span's words, as in ``corpus/written``); :func:`convert_draft` finds
them in the document and keeps the offsets only. :func:`read_real` does the
reverse at training and scoring time, with ``../shared`` at hand.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Iterator

from .corpus import CorpusError, Example, check_example, locate

__all__ = ["document_text", "convert_draft", "read_real", "passage_text"]


@cache
def _reuters(shared: Path) -> dict:
    out = {}
    with open(shared / "corpora" / "reuters-21578-geopolitics.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out[str(rec["id"])] = rec
    return out


@cache
def _re3d(shared: Path, folder: str) -> dict:
    out = {}
    with open(shared / "gold" / "re3d" / folder / "documents.json", encoding="utf-8-sig") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                out[rec["_id"]] = rec
    return out


def document_text(shared: Path, corpus: str, doc: str) -> str:
    """The text of one shared document (see the module's docstring).

    Raises
    ------
    CorpusError
        When the corpus or the document is unknown.
    """
    shared = Path(shared)
    try:
        if corpus == "reuters":
            return _reuters(shared)[doc]["text"]
        if corpus == "re3d":
            folder, _, key = doc.partition("/")
            return _re3d(shared, folder)[key]["text"]
        if corpus == "modern":
            path = shared / "articles" / "html" / "modern" / f"{doc}.expected.json"
            return json.loads(path.read_text(encoding="utf-8"))["articleBody"]
    except (KeyError, FileNotFoundError) as err:
        raise CorpusError(f"{corpus} document {doc!r} is not in {shared}") from err
    raise CorpusError(f"unknown corpus {corpus!r} (reuters, re3d or modern)")


def passage_text(document: str, start: int, end: int) -> str:
    """The passage as the coder reads it: line breaks of hard-wrapped wire
    text become spaces, so offsets stay those of the document."""
    return document[start:end].replace("\r", " ").replace("\n", " ")


def _find_passage(document: str, passage: str) -> tuple[int, int]:
    """Offsets of ``passage`` in ``document``, any run of white space in the
    one matching any run in the other (wire text is hard-wrapped)."""
    words = passage.split()
    if not words:
        raise CorpusError("the draft's text is empty")
    pattern = r"\s+".join(re.escape(w) for w in words)
    found = [m.span() for m in re.finditer(pattern, document)]
    if not found:
        raise CorpusError(f"passage {passage[:60]!r}... is not in the document")
    if len(found) > 1:
        raise CorpusError(f"passage {passage[:60]!r}... stands {len(found)} times in the document")
    return found[0]


def _span_offsets(text: str, start: int, span: dict) -> dict:
    s, e = locate(text, span)
    out = {"start": start + s, "end": start + e}
    if "code" in span:
        out["code"] = span["code"]
    return out


def convert_draft(draft: dict, shared: Path) -> dict:
    """Turn a draft (words) into a stored label (offsets into the document).

    Raises
    ------
    CorpusError
        When the passage or a span is not found, or the labels break the schema.
    """
    source = draft.get("source") or {}
    document = document_text(shared, source.get("corpus"), str(source.get("doc")))
    start, end = _find_passage(document, draft.get("text", ""))
    text = passage_text(document, start, end)
    checked = dict(draft, text=text)
    batch = draft.get("id", "").rsplit("-", 1)[0]
    problems = check_example(checked, batch)
    if problems:
        raise CorpusError(f"{draft.get('id')}: " + "; ".join(problems))
    events = []
    for ev in draft["events"]:
        out = {k: v for k, v in ev.items() if k not in ("trigger", "actor", "target")}
        out["trigger"] = _span_offsets(text, start, ev["trigger"])
        out["actor"] = _span_offsets(text, start, ev["actor"])
        out["target"] = _span_offsets(text, start, ev["target"]) if ev.get("target") else None
        events.append(out)
    label = {k: v for k, v in draft.items() if k not in ("text", "events", "mentions", "source")}
    label["source"] = {"corpus": source["corpus"], "doc": str(source["doc"]), "start": start, "end": end}
    label["events"] = events
    label["mentions"] = [_span_offsets(text, start, m) for m in draft.get("mentions", [])]
    return label


def _as_span(document: str, start: int, span: dict | None) -> dict | None:
    if span is None:
        return None
    out = dict(span)
    out["start"], out["end"] = span["start"] - start, span["end"] - start
    out["text"] = passage_text(document, span["start"], span["end"])
    return out


def read_real(folder: Path, shared: Path) -> Iterator[Example]:
    """Yield the labelled real passages of ``folder`` (``corpus/real``) as
    examples, their text read from ``shared`` and spans made relative to it.

    The split of every real example is ``real``.

    Raises
    ------
    CorpusError
        On a label whose document or offsets do not hold in ``shared``.
    """
    for path in sorted(Path(folder).glob("*.jsonl")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            label = json.loads(line)
            src = label["source"]
            document = document_text(shared, src["corpus"], src["doc"])
            start = src["start"]
            text = passage_text(document, start, src["end"])
            events = []
            for ev in label["events"]:
                out = dict(ev)
                for role in ("trigger", "actor", "target"):
                    out[role] = _as_span(document, start, ev.get(role))
                events.append(out)
            mentions = [_as_span(document, start, m) for m in label.get("mentions", [])]
            ex = dict(label, text=text, events=events, mentions=mentions)
            problems = check_example(ex, label["id"].rsplit("-", 1)[0])
            if problems:
                raise CorpusError(f"{path}:{lineno}: {label['id']}: " + "; ".join(problems))
            yield Example(id=label["id"], batch=path.stem, split="real", text=text,
                          style=label.get("style", "wire"), events=events, mentions=mentions,
                          tags=tuple(label.get("tags", ())), published=label.get("published"),
                          source=src)


def main(argv: list[str] | None = None) -> int:
    """``python -m geopolkg.train.real convert DRAFTS.jsonl -o LABELS.jsonl [--shared DIR]``."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m geopolkg.train.real")
    sub = parser.add_subparsers(dest="command", required=True)
    conv = sub.add_parser("convert", help="turn drafts (with words) into labels (offsets only)")
    conv.add_argument("drafts", type=Path)
    conv.add_argument("-o", "--output", type=Path, required=True)
    conv.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args(argv)
    out, bad = [], 0
    for lineno, line in enumerate(args.drafts.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(convert_draft(json.loads(line), args.shared))
        except (CorpusError, json.JSONDecodeError, KeyError, TypeError) as err:
            print(f"{args.drafts}:{lineno}: {err}")
            bad += 1
    if bad:
        print(f"{bad} draft(s) with problems; nothing written", file=sys.stderr)
        return 1
    args.output.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in out), encoding="utf-8")
    print(f"{len(out)} label(s) written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
