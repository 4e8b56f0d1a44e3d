"""The learned models: files, versions, and training that gives the same model twice."""

import json

import numpy as np
import pytest

from geopolkg.errors import ExtractionError
from geopolkg.extraction.learned import LinearModel, read_model, trigger_features


def _model(version="geopolkg.trigger_model.v1"):
    weights = np.zeros((64, 2), dtype=np.float32)
    weights[5] = [0.5, -0.5]
    return LinearModel("trigger", version, ("-", "04:CONSULT"), weights, np.zeros(2, np.float32), {"seed": 0})


def test_a_model_file_reads_back_and_keeps_only_rows_that_weigh(tmp_path):
    path = tmp_path / "trigger.npz"
    _model().save(path)
    back = read_model(path, "geopolkg.trigger_model.v1")
    assert back.labels == ("-", "04:CONSULT") and back.meta == {"seed": 0}
    assert np.allclose(back.weights, _model().weights)
    with np.load(path) as data:
        assert data["rows"].tolist() == [5]


def test_an_older_model_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "trigger.npz"
    _model(version="geopolkg.trigger_model.v0").save(path)
    with pytest.raises(ExtractionError, match="version 'geopolkg.trigger_model.v0'.*needs 'geopolkg.trigger_model.v1'"):
        read_model(path, "geopolkg.trigger_model.v1")


def test_a_model_of_other_features_is_refused(tmp_path):
    path = tmp_path / "trigger.npz"
    _model().save(path)
    with np.load(path) as data:
        parts = dict(data)
    header = json.loads(bytes(parts["header"]).decode())
    header["features"] = "geopolkg.features.v0"
    parts["header"] = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
    np.savez(path, **parts)
    with pytest.raises(ExtractionError, match="trained on features 'geopolkg.features.v0'"):
        read_model(path, "geopolkg.trigger_model.v1")


@pytest.mark.slow
def test_training_twice_gives_the_same_models(tmp_path):
    pytest.importorskip("sklearn", reason="training needs the 'train' extra (scikit-learn)")
    from geopolkg.train.__main__ import train

    written = tmp_path / "corpus" / "written"
    written.mkdir(parents=True)
    lines = [
        {"id": "train-t01-0001", "style": "wire", "text": "Chile expelled two Peruvian diplomats on Monday.",
         "events": [{"trigger": {"text": "expelled"}, "actor": {"text": "Chile", "code": "CHLGOV"},
                     "target": {"text": "Peruvian diplomats", "code": "PERGOV"}, "cameo": "166", "plover": "SANCTION"}]},
        {"id": "train-t01-0002", "style": "wire", "text": "Norway hosted talks between the two sides.",
         "events": [{"trigger": {"text": "hosted"}, "actor": {"text": "Norway", "code": "NORGOV"}, "target": None,
                     "cameo": "043", "plover": "CONSULT"}]},
        {"id": "train-t01-0003", "style": "wire", "text": "If Iraq attacks, Iran will respond, the minister said.",
         "events": [{"trigger": {"text": "attacks"}, "actor": {"text": "Iraq", "code": "IRQGOV"},
                     "target": None, "cameo": "190", "plover": "ASSAULT", "modality": "conditional"}]},
        {"id": "train-t01-0004", "style": "broadsheet", "text": "Peru's copper exports rose by a tenth last year.",
         "events": [], "mentions": [{"text": "Peru", "code": "PER"}]},
    ]
    (written / "train-t01.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    first, second = tmp_path / "m1", tmp_path / "m2"
    report = train(tmp_path / "corpus", first, seed=0)
    train(tmp_path / "corpus", second, seed=0)
    assert report["examples"] == 4
    for name in ("trigger.npz", "modality.npz", "role.npz"):
        a, b = read_model(first / name), read_model(second / name)
        assert a.labels == b.labels and np.array_equal(a.weights, b.weights)
    trigger = read_model(first / "trigger.npz")
    # the hosting verb was a trigger of 04 in training: its own features favour that class
    assert "04:CONSULT" in trigger.labels and "16:SANCTION" in trigger.labels
    assert trigger.meta["codes_by_class"]["16:SANCTION"] == "166"
