"""The suggestion model and its store without a database: training, inference, the
held-back rule that keeps the previous model."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from console.learning.features import Example, example_tokens, taxonomy_documents
from console.learning.model import SuggestionModel
from console.learning.store import ModelStore
from console.learning.training import NotEnoughHistory, no_worse, train_and_promote
from tests.helpers.suggest_data import TOPICS, examples

TAXONOMY = [p for p, *_ in TOPICS] + ["教育文体", "教育文体/教育行政管理"]


def test_learns_category_class_unit_from_small_history() -> None:
    model = SuggestionModel.train(examples(10), TAXONOMY)
    p = model.predict("晚上工地施工噪音扰民，吵得睡不着")
    assert p.bundles[0].category == "环境保护/环境污染/噪音污染"
    assert p.bundles[0].unit == "桂城街道办事处"
    assert p.bundles[0].class_code == "environment"
    assert p.units[0][0] == "桂城街道办事处"
    # three suggestions, best first, confidences of a distribution
    confidences = [b.confidence for b in p.bundles]
    assert len(confidences) == 3 and confidences == sorted(confidences, reverse=True)
    assert 0 < sum(confidences) <= 1.0 + 1e-6
    # each suggestion's class and unit go with its own category
    second = p.bundles[1]
    topic = next(t for t in TOPICS if t[0] == second.category)
    assert (second.unit, second.class_code) == (topic[1], topic[2])


def test_held_back_figures() -> None:
    model = SuggestionModel.train(examples(10, seed=1), TAXONOMY)
    good = model.evaluate(examples(5, seed=2))
    assert good["level1_top1"] >= 0.9 and good["unit_top1"] >= 0.9
    assert good["level1_n"] == 20
    bad = model.evaluate(examples(5, seed=2, wrong=True))
    assert bad["level1_top1"] <= 0.1


def test_taxonomy_documents_use_leaves_only() -> None:
    docs = taxonomy_documents(TAXONOMY)
    labels = {p for _, p in docs}
    assert "教育文体/教育行政管理" not in labels  # an inner node
    assert "环境保护/环境污染/噪音污染" in labels


def test_first_model_promoted_then_a_worse_one_refused(tmp_path: Path) -> None:
    store = ModelStore(tmp_path / "models")
    first = train_and_promote(examples(10), TAXONOMY, store)
    assert first.promoted and first.version == 1 and store.current_version() == 1
    in_use = store.current()
    assert in_use is not None and in_use.version == 1
    # a history whose recent part contradicts what the new model learns: older cases
    # mislabelled, recent ones right -> the new model does worse on the held-back part
    history = examples(18, seed=3, wrong=True) + examples(2, seed=4)
    second = train_and_promote(history, TAXONOMY, store)
    assert not second.promoted
    assert second.old is not None and second.new["level1_top1"] < second.old["level1_top1"]
    assert second.version == 1 and store.current_version() == 1
    assert store.current() is in_use  # the console keeps the previous model
    attempts = store.info()["attempts"]
    assert [a["promoted"] for a in attempts] == [True, False]
    # an equally good model replaces it, as a new version file
    third = train_and_promote(examples(10, seed=5), TAXONOMY, store)
    assert third.promoted and store.current_version() == 2
    assert (tmp_path / "models" / "suggest-v0002.pickle").exists()


def test_unreadable_or_foreign_model_files_are_not_used(tmp_path: Path) -> None:
    store = ModelStore(tmp_path)
    assert store.current() is None
    train_and_promote(examples(10), TAXONOMY, store)
    path = tmp_path / "suggest-v0001.pickle"
    with path.open("wb") as f:
        pickle.dump({"not": "a model"}, f)
    fresh = ModelStore(tmp_path)
    assert fresh.current() is None


def test_no_worse_rule() -> None:
    assert no_worse({"level1_top1": 0.8, "level1_top3": 0.9}, None)[0]
    assert no_worse(
        {"level1_top1": 0.8, "level1_top3": 0.9}, {"level1_top1": 0.8, "level1_top3": 0.9}
    )[0]
    ok, why = no_worse({"level1_top1": 0.8, "level1_top3": 0.95}, {"level1_top1": 0.81})
    assert not ok and "level1_top1" in why


def test_too_little_history_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotEnoughHistory):
        train_and_promote([Example("路灯不亮", "城乡建设")] * 5, TAXONOMY, ModelStore(tmp_path))


def test_calibration_keeps_the_order_and_makes_confidences_honest() -> None:
    """A history where one case in four is labelled with another topic: the top-1 is
    right about 3 times in 4, which naive Bayes' raw confidence does not say. The
    temperature fitted on held-back cases brings the confidence near what is right;
    the ranking, and so every accuracy figure, does not move."""
    import random

    from console.learning.model import calibration_error

    def noisy(n: int, seed: int) -> list[Example]:
        rnd = random.Random(seed)
        good, bad = examples(n, seed=seed), examples(n, seed=seed, wrong=True)
        return [b if rnd.random() < 0.25 else g for g, b in zip(good, bad, strict=True)]

    model = SuggestionModel.train(noisy(30, 1), TAXONOMY)
    held, test = noisy(15, 2), noisy(15, 3)
    test_words = [example_tokens(e) for e in test]
    before = model.evaluate(test)
    ranked_before = [p.level1 for p in model.predict_many(test_words)]
    t = model.calibrate(held, [example_tokens(e) for e in held])
    after = model.evaluate(test)
    assert t != 1.0 and model.temperature == t
    assert after["level1_top1"] == before["level1_top1"]
    assert after["level1_top3"] == before["level1_top3"]
    ranked_after = [p.level1 for p in model.predict_many(test_words)]
    assert [[x for x, _ in r] for r in ranked_after] == [[x for x, _ in r] for r in ranked_before]
    assert after["level1_ece"] < before["level1_ece"]
    assert after["level1_ece"] < 0.15
    # the figure itself
    assert calibration_error([(0.9, True)] * 9 + [(0.9, False)]) == pytest.approx(0.0)
    assert calibration_error([(1.0, False)]) == pytest.approx(1.0)
    # an old pickle without the attribute reads as uncalibrated
    del model.__dict__["temperature"]
    assert model.predict("工地噪音").level1
