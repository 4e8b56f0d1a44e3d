"""Labels of real sentences kept by offsets (geopolkg.train.real), on a Reuters story."""

import json

import pytest

from geopolkg.train.corpus import CorpusError
from geopolkg.train.real import convert_draft, document_text, read_real
from shared_data import shared_path

# reuters-180 (1987-02-26) opens: "The U.S. Agriculture Department is not\nactively considering
# offering subsidized wheat to the Soviet\nUnion under the export enhancement program (EEP), senior
# USDA\nofficials said." The draft gives the words with single spaces, as a labeller reads them.
DRAFT = {
    "id": "real-test-0001", "style": "wire", "published": "1987-02-26", "tags": ["negation"],
    "source": {"corpus": "reuters", "doc": "reuters-180"},
    "text": "The U.S. Agriculture Department is not actively considering offering subsidized wheat "
            "to the Soviet Union under the export enhancement program (EEP), senior USDA officials said.",
    "events": [{"trigger": {"text": "offering"}, "actor": {"text": "The U.S. Agriculture Department", "code": "USAGOV"},
                "target": {"text": "Soviet Union", "code": "SUNGOV"}, "cameo": "0331", "plover": "AGREE",
                "negated": True, "modality": "proposed"}],
}


def test_a_draft_becomes_offsets_and_reads_back(tmp_path):
    shared = shared_path()
    label = convert_draft(DRAFT, shared)
    assert "text" not in label and "text" not in label["events"][0]["trigger"]
    doc = document_text(shared, "reuters", "reuters-180")
    src = label["source"]
    assert src["start"] == 0 and doc[src["end"] - 5:src["end"]] == "said."
    trig = label["events"][0]["trigger"]
    assert doc[trig["start"]:trig["end"]] == "offering"
    target = label["events"][0]["target"]
    assert doc[target["start"]:target["end"]] == "Soviet\nUnion"  # the hard wrap is kept in the offsets
    folder = tmp_path / "real"
    folder.mkdir()
    (folder / "real-test.jsonl").write_text(json.dumps(label) + "\n", encoding="utf-8")
    [ex] = list(read_real(folder, shared))
    assert ex.split == "real" and "\n" not in ex.text
    assert ex.events[0]["target"]["text"] == "Soviet Union"
    assert ex.text[ex.events[0]["trigger"]["start"]:ex.events[0]["trigger"]["end"]] == "offering"


def test_a_passage_not_in_the_document_is_refused():
    shared = shared_path()
    with pytest.raises(CorpusError, match="not in the document"):
        convert_draft(dict(DRAFT, text="The Agriculture Department offered wheat."), shared)
    with pytest.raises(CorpusError, match="not in"):
        convert_draft(dict(DRAFT, source={"corpus": "reuters", "doc": "reuters-0"}), shared)
