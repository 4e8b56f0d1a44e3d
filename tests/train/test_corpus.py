"""The corpus schema checker (geopolkg.train.corpus), on examples written here."""

import json

import pytest

from geopolkg.train.corpus import (CorpusError, check_example, corpus_stats, locate, read_batch,
                                   read_corpus, split_of)


def _example(**changes):
    ex = {"id": "train-x01-0001", "style": "wire", "published": "1994-05-02",
          "text": "SKOPJE (Reuters) - Greece recalled its envoy from Skopje, and Skopje protested.",
          "tags": ["dateline", "multi_event"],
          "events": [
              {"trigger": {"text": "recalled"}, "actor": {"text": "Greece", "code": "GRCGOV"},
               "target": {"text": "Skopje", "code": "MKDGOV", "n": 1},
               "cameo": "161", "plover": "SANCTION", "mode": "withdraw",
               "negated": False, "modality": "asserted"},
              {"trigger": {"text": "protested"}, "actor": {"text": "Skopje", "code": "MKDGOV", "n": 2},
               "target": {"text": "Greece", "code": "GRCGOV"}, "cameo": "140", "plover": "PROTEST"}]}
    ex.update(changes)
    return ex


def test_a_sound_example_has_no_problems():
    assert check_example(_example(), "train-x01") == []


def test_spans_are_whole_words_and_need_n_when_repeated():
    text = _example()["text"]
    # "Skopje" stands twice, after "from" and before "protested"; the dateline's
    # "SKOPJE" is another word (spans are case-sensitive)
    assert locate(text, {"text": "Skopje", "n": 1}) == (50, 56)
    assert locate(text, {"text": "Skopje", "n": 2}) == (62, 68)
    assert locate(text, {"text": "SKOPJE"}) == (0, 6)
    with pytest.raises(CorpusError, match="occurs 2 times"):
        locate(text, {"text": "Skopje"})
    with pytest.raises(CorpusError, match="not in the text"):
        locate(text, {"text": "Gree"})  # part of a word only
    with pytest.raises(CorpusError, match="n=3"):
        locate(text, {"text": "Skopje", "n": 3})


def test_plover_type_must_follow_the_table():
    ex = _example()
    ex["events"][0]["plover"] = "COERCE"  # 161 (cut diplomatic ties) is SANCTION in the table
    problems = check_example(ex, "train-x01")
    assert any("PLOVER SANCTION" in p for p in problems)
    ex["events"][0]["plover_note"] = "coded as the coder of this batch read it"
    assert check_example(ex, "train-x01") == []


def test_bad_codes_modality_and_ids_are_reported():
    ex = _example(id="dev-x01-0001", style="tweet")
    ex["events"][0]["cameo"] = "999"
    ex["events"][1]["actor"]["code"] = "usa"
    ex["events"][1]["modality"] = "rumoured"
    problems = " | ".join(check_example(ex, "train-x01"))
    for part in ("id 'dev-x01-0001'", "style 'tweet'", "'999' is not a CAMEO code",
                 "code 'usa'", "modality 'rumoured'"):
        assert part in problems


def test_an_example_without_events_must_name_its_actors():
    ex = _example(events=[], tags=["no_event"])
    assert any("mentions" in p for p in check_example(ex, "train-x01"))
    ex["mentions"] = [{"text": "Greece", "code": "GRC"}]
    assert check_example(ex, "train-x01") == []


def test_batches_give_splits_and_ids_are_unique(tmp_path):
    assert split_of("test-d03") == "test"
    with pytest.raises(CorpusError):
        split_of("final-01")
    folder = tmp_path / "written"
    folder.mkdir()
    (folder / "train-x01.jsonl").write_text(json.dumps(_example()) + "\n", encoding="utf-8")
    unreal = _example(id="dev-x02-0001")
    unreal["events"][0]["modality"] = "proposed"
    (folder / "dev-x02.jsonl").write_text(json.dumps(unreal) + "\n", encoding="utf-8")
    examples = read_corpus(folder)
    assert [(e.id, e.split) for e in examples] == [("dev-x02-0001", "dev"), ("train-x01-0001", "train")]
    assert [e.id for e in read_corpus(folder, splits=["train"])] == ["train-x01-0001"]
    stats = corpus_stats(examples)
    assert stats["events"] == {"dev": 2, "train": 2}
    assert stats["root"] == {"14": 2, "16": 2}
    assert stats["modality"] == {"asserted": 3, "proposed": 1}
    bad = folder / "train-x03.jsonl"
    bad.write_text(json.dumps(_example(id="train-x03-0001", text="")) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"train-x03.jsonl:1"):
        list(read_batch(bad))
