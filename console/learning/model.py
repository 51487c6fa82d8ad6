"""The suggestion model: one shared TF-IDF over jieba words (and the case's district and
town as words of their own), and a scikit-learn head per thing suggested: the
first-level category, the full category path, the business class, the handling unit and
the urgency.

Complement naive Bayes for the categories was chosen by cross-validation on the 400
labelled web messages (bench/suggest.py): with the taxonomy's names as extra labelled
documents it beat linear SVMs, SGD and logistic regression on small histories, and it
trains in one pass over a million cases. The unit head is a logistic regression fitted
by SGD: a town's government takes many of its town's cases whatever they are about,
which a linear model learns from the place word and naive Bayes does not (on generated
history: top-1 0.42 against 0.29). Heads keep only their weights, float32.

A suggestion bundles a category with the class and the unit most likely for that text
*and* that category (the head's probability times how often that class or unit went
with that category, or its first level, in history).
"""

from __future__ import annotations

import math
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.naive_bayes import ComplementNB

from console.learning.features import (
    PATH_SEP,
    Example,
    example_tokens,
    level1,
    taxonomy_documents,
    tokens,
)

#: how much one taxonomy pseudo-document counts against one case of history
TAXONOMY_WEIGHT = 5.0
ALPHA = 0.3
MAX_FEATURES = 1 << 16
UNSEEN = 0.01
SGD_ALPHA = 1e-5
SGD_EPOCHS = 8
#: the layout of a pickled model; a file of another layout is not used (retrain instead)
FORMAT = 3

Ranked = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Suggestion:
    category: str  # path "一级/二级/三级"
    class_code: str
    unit: str
    urgency: str
    confidence: float  # of the category's first level


@dataclass(frozen=True)
class Prediction:
    level1: Ranked
    categories: Ranked  # best path under each of the top first levels
    classes: Ranked
    units: Ranked
    urgency: Ranked
    bundles: tuple[Suggestion, ...]


class _Head:
    """A classifier over one target, or the only label seen (a constant).

    Fitted by scikit-learn: complement naive Bayes ("nb"; the category, class and
    urgency) or logistic regression by SGD ("sgd"; the unit, where a place word and the
    matter words must be weighed against each other, which naive Bayes does badly). For
    prediction only the fitted weights are kept, transposed (features x labels, float32),
    so one text's few words read a few rows instead of the whole matrix: with hundreds of
    labels this keeps a suggestion within milliseconds. The probabilities are those of
    the estimator's predict_proba.
    """

    def __init__(self, kind: str = "nb") -> None:
        self.kind = kind
        self.labels: np.ndarray = np.array([], dtype=object)
        self.weights: np.ndarray | None = None  # (features, labels)
        self.bias: np.ndarray | None = None

    def fit(self, x: Any, y: Sequence[str], weights: Sequence[float] | None = None) -> _Head:
        labels = sorted(set(y))
        self.labels = np.array(labels, dtype=object)
        if len(labels) < 2:
            return self
        target = np.asarray(y, dtype=object)
        if self.kind == "sgd":
            sgd = SGDClassifier(
                loss="log_loss", alpha=SGD_ALPHA, max_iter=SGD_EPOCHS, tol=None, random_state=0
            )
            sgd.fit(x, target, sample_weight=weights)
            self.labels = np.asarray(sgd.classes_, dtype=object)
            self.weights = np.ascontiguousarray(sgd.coef_.T, dtype=np.float32)
            self.bias = np.asarray(sgd.intercept_, dtype=np.float64)
        else:
            nb = ComplementNB(alpha=ALPHA)
            nb.fit(x, target, sample_weight=weights)
            self.labels = np.asarray(nb.classes_, dtype=object)
            self.weights = np.ascontiguousarray(nb.feature_log_prob_.T, dtype=np.float32)
        return self

    @property
    def trained(self) -> bool:
        return len(self.labels) > 0

    def proba(self, x: Any, temperature: float = 1.0) -> np.ndarray:
        """``temperature`` (naive Bayes heads): the scores divided by it before the
        softmax; fitted on held-back cases it turns the scores into calibrated
        probabilities without changing their order."""
        if self.weights is None:
            return np.ones((x.shape[0], len(self.labels)))
        score = np.asarray(x @ self.weights, dtype=np.float64)
        if self.kind != "sgd" and temperature != 1.0:
            score /= temperature
        if self.kind == "sgd":  # one-vs-rest logistic, normalised (as SGDClassifier does)
            if self.bias is not None:
                score += self.bias
            p = 1.0 / (1.0 + np.exp(-score))
            if p.shape[1] == 1:
                p = np.hstack([1.0 - p, p])
            return np.asarray(p / np.maximum(p.sum(axis=1, keepdims=True), 1e-12))
        score -= score.max(axis=1, keepdims=True)
        e = np.exp(score)
        return np.asarray(e / e.sum(axis=1, keepdims=True))


def _top(labels: np.ndarray, p: np.ndarray, k: int) -> Ranked:
    if len(labels) == 0:
        return ()
    order = np.argsort(-p)[:k]
    return tuple((str(labels[i]), float(p[i])) for i in order)


def _cooccurrence(pairs: Iterable[tuple[str, str]]) -> dict[str, Counter[str]]:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for a, b in pairs:
        table[a][b] += 1
    return dict(table)


@dataclass
class SuggestionModel:
    version: int = 0
    format: int = FORMAT
    trained_at: float = 0.0
    examples: int = 0
    train_seconds: float = 0.0
    metrics: dict[str, float] = field(default_factory=dict)  # on the held-back part
    vectorizer: TfidfVectorizer | None = None
    heads: dict[str, _Head] = field(default_factory=dict)
    class_by_level1: dict[str, Counter[str]] = field(default_factory=dict)
    unit_by_level1: dict[str, Counter[str]] = field(default_factory=dict)
    unit_by_category: dict[str, Counter[str]] = field(default_factory=dict)  # full paths
    path_groups: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    #: the first-level head's scores are divided by this before the softmax (fitted on
    #: the held-back cases by ``calibrate``; 1.0: naive Bayes' own, not probabilities)
    temperature: float = 1.0

    # --- training -----------------------------------------------------------------
    @classmethod
    def train(
        cls,
        examples: Sequence[Example],
        taxonomy: Iterable[str] = (),
        *,
        words: Sequence[str] | None = None,
    ) -> SuggestionModel:
        """Fit every head. ``words`` are the examples' ``tokens()`` when the caller has
        them already (segmenting is most of the cost)."""
        started = time.perf_counter()
        if words is None:
            words = [example_tokens(e) for e in examples]
        seen1 = {level1(e.category) for e in examples if e.category}
        tax = [(w, p) for w, p in taxonomy_documents(taxonomy) if level1(p) in seen1]
        vec = TfidfVectorizer(
            token_pattern=r"\S+",
            sublinear_tf=True,
            max_features=MAX_FEATURES,
            dtype=np.float32,
            lowercase=False,
        )
        vec.fit(list(words) + [w for w, _ in tax])
        # the words cut off by max_features: only for introspection, and on a large
        # history by far the biggest part of the pickled file (scikit-learn's advice)
        if hasattr(vec, "stop_words_"):
            del vec.stop_words_
        x_all = vec.transform(words)
        x_tax = vec.transform([w for w, _ in tax]) if tax else None
        model = cls(vectorizer=vec, examples=len(examples))

        def rows(pick: Iterable[int]) -> np.ndarray:
            return np.fromiter(pick, dtype=np.int64)

        def fit(
            name: str,
            labels: list[str],
            extra: list[tuple[int, str]] | None = None,
            kind: str = "nb",
        ) -> None:
            idx = rows(i for i, lab in enumerate(labels) if lab)
            y = [labels[i] for i in idx]
            w = [1.0] * len(y)
            x = x_all[idx]
            if extra and x_tax is not None:
                from scipy.sparse import vstack

                x = vstack([x, x_tax[rows(i for i, _ in extra)]]).tocsr()
                y += [lab for _, lab in extra]
                w += [TAXONOMY_WEIGHT] * len(extra)
            if y:
                model.heads[name] = _Head(kind).fit(x, y, w)

        cats = [e.category for e in examples]
        fit(
            "level1",
            [level1(c) if c else "" for c in cats],
            [(i, level1(p)) for i, (_, p) in enumerate(tax)],
        )
        fit(
            "path",
            [c if PATH_SEP in c else "" for c in cats],
            [(i, p) for i, (_, p) in enumerate(tax)],
        )
        fit("class", [e.class_code for e in examples])
        fit("unit", [e.unit for e in examples], kind="sgd")
        fit("urgency", [e.urgency for e in examples])
        model.class_by_level1 = _cooccurrence(
            (level1(e.category), e.class_code) for e in examples if e.category and e.class_code
        )
        model.unit_by_level1 = _cooccurrence(
            (level1(e.category), e.unit) for e in examples if e.category and e.unit
        )
        model.unit_by_category = _cooccurrence(
            (e.category, e.unit) for e in examples if PATH_SEP in e.category and e.unit
        )
        model.train_seconds = time.perf_counter() - started
        model.trained_at = time.time()
        return model

    # --- inference ----------------------------------------------------------------
    def head(self, name: str) -> _Head | None:
        h = self.heads.get(name)
        return h if h is not None and h.trained else None

    def predict(self, text: str, k: int = 3, place: str = "") -> Prediction:
        return self.predict_words(tokens(text, place), k)

    def predict_words(self, words: str, k: int = 3) -> Prediction:
        return self.predict_many([words], k)[0]

    def predict_many(self, words: Sequence[str], k: int = 3) -> list[Prediction]:
        assert self.vectorizer is not None, "an untrained model"
        x = self.vectorizer.transform(words)
        t = getattr(self, "temperature", 1.0)  # a model pickled before calibration: 1.0
        probs = {
            name: (h.labels, h.proba(x, t if name == "level1" else 1.0))
            for name, h in self.heads.items()
            if h.trained
        }
        out = []
        for r in range(len(words)):
            out.append(self._one({n: (lab, p[r]) for n, (lab, p) in probs.items()}, k))
        return out

    def _one(self, p: dict[str, tuple[np.ndarray, np.ndarray]], k: int) -> Prediction:
        if "class" in p and "level1" in p and self.class_by_level1:
            p["class"] = (p["class"][0], self._mixed(p["class"], p["level1"], self.class_by_level1))
        ranked = {n: _top(lab, pr, k) for n, (lab, pr) in p.items()}
        l1 = ranked.get("level1", ())
        cats: list[tuple[str, float]] = []
        for name, conf in l1:
            best = name
            if "path" in p:
                labels, pr = p["path"]
                under = self._paths_under(labels).get(name)
                if under is not None:
                    best = str(labels[under[int(np.argmax(pr[under]))]])
            cats.append((best, conf))
        urgency = ranked.get("urgency", ())
        bundles = tuple(
            Suggestion(
                category=path,
                class_code=self._given(p.get("class"), self.class_by_level1.get(level1(path))),
                unit=self._given(
                    p.get("unit"),
                    self.unit_by_category.get(path) or self.unit_by_level1.get(level1(path)),
                ),
                urgency=urgency[0][0] if urgency else "",
                confidence=conf,
            )
            for path, conf in cats
        )
        return Prediction(
            level1=l1,
            categories=tuple(cats),
            classes=ranked.get("class", ()),
            units=ranked.get("unit", ()),
            urgency=urgency,
            bundles=bundles,
        )

    def _paths_under(self, labels: np.ndarray) -> dict[str, np.ndarray]:
        """{first level: indexes of the path head's labels under it} (built once)."""
        if not self.path_groups:
            groups: dict[str, list[int]] = defaultdict(list)
            for i, lab in enumerate(labels):
                groups[level1(str(lab))].append(i)
            self.path_groups = {k: np.array(v, dtype=np.int64) for k, v in groups.items()}
        return self.path_groups

    @staticmethod
    def _mixed(
        head: tuple[np.ndarray, np.ndarray],
        l1: tuple[np.ndarray, np.ndarray],
        table: dict[str, Counter[str]],
    ) -> np.ndarray:
        """The head's probabilities averaged with what the first-level category says:
        sum over first levels of P(level) times the label's share of that level's cases."""
        labels, pr = head
        index = {str(lab): i for i, lab in enumerate(labels)}
        via = np.zeros(len(labels))
        for name, q in zip(l1[0], l1[1], strict=True):
            counts = table.get(str(name))
            if not counts:
                continue
            total = sum(counts.values())
            for lab, n in counts.items():
                if lab in index:
                    via[index[lab]] += q * n / total
        if not via.any():
            return pr
        return 0.5 * pr + 0.5 * via / via.sum()

    @staticmethod
    def _given(head: tuple[np.ndarray, np.ndarray] | None, counts: Counter[str] | None) -> str:
        """The label best for the text and the category: head probability times the
        share of that label among the cases of the category's first level (a label never
        seen with it counts as a hundredth of a case)."""
        if head is None:
            return ""
        labels, pr = head
        if not counts:
            return str(labels[int(np.argmax(pr))])
        total = sum(counts.values())
        score = [
            math.log(pr[i] + 1e-12) + math.log((counts.get(str(lab), 0) + UNSEEN) / total)
            for i, lab in enumerate(labels)
        ]
        return str(labels[int(np.argmax(score))])

    # --- calibration ----------------------------------------------------------------
    def calibrate(self, examples: Sequence[Example], words: Sequence[str]) -> float:
        """Fit the first level's temperature on cases the model was not trained on: the
        one (of a grid from 0.05 to 50) that gives the true first levels the highest
        likelihood. The softmax of complement naive Bayes' scores is no probability
        (on the 400 real messages it said 40 % where the first suggestion was right
        87 % of the time: an expected calibration error of 0.37, bench/suggest.py);
        divided by the temperature (there about 0.3) the scores say how often the
        first suggestion is right (error 0.07). The order of the suggestions,
        and so every accuracy figure, stays as it was. Returns the temperature."""
        head = self.head("level1")
        if head is None or head.weights is None or self.vectorizer is None:
            return self.temperature
        index = {str(lab): i for i, lab in enumerate(head.labels)}
        pairs = [(w, index[level1(e.category)]) for e, w in zip(examples, words, strict=True)
                 if e.category and level1(e.category) in index]  # fmt: skip
        if len(pairs) < 10:
            return self.temperature
        x = self.vectorizer.transform([w for w, _ in pairs])
        scores = np.asarray(x @ head.weights, dtype=np.float64)
        truth = np.array([i for _, i in pairs])
        best, best_nll = 1.0, math.inf
        for t in np.geomspace(0.05, 50.0, 61):
            z = scores / t
            z -= z.max(axis=1, keepdims=True)
            log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
            nll = float(-log_p[np.arange(len(truth)), truth].mean())
            if nll < best_nll:
                best, best_nll = float(t), nll
        self.temperature = best
        return best

    # --- evaluation -----------------------------------------------------------------
    def evaluate(
        self, examples: Sequence[Example], words: Sequence[str] | None = None
    ) -> dict[str, float]:
        """Top-1 and top-3 accuracy of the first-level category, the full category and
        the unit, on examples the model has not seen."""
        if words is None:
            words = [example_tokens(e) for e in examples]
        preds: list[Prediction] = []
        for start in range(0, len(words), 2048):
            preds += self.predict_many(words[start : start + 2048])
        return score(examples, preds)


def score(examples: Sequence[Example], preds: Sequence[Prediction]) -> dict[str, float]:
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    confident: list[tuple[float, bool]] = []  # (first suggestion's confidence, right)
    for e, p in zip(examples, preds, strict=True):
        if e.category:
            _count(hits["level1"], level1(e.category), [x for x, _ in p.level1])
            if p.level1:
                confident.append((p.level1[0][1], p.level1[0][0] == level1(e.category)))
            if PATH_SEP in e.category:
                _count(hits["category"], e.category, [x for x, _ in p.categories])
        if e.unit:
            _count(hits["unit"], e.unit, [x for x, _ in p.units])
        if e.class_code:
            _count(hits["class"], e.class_code, [x for x, _ in p.classes])
    out: dict[str, float] = {}
    for name, (n, one, three) in hits.items():
        out[f"{name}_top1"] = one / n if n else 0.0
        out[f"{name}_top3"] = three / n if n else 0.0
        out[f"{name}_n"] = float(n)
    if confident:
        out["level1_ece"] = calibration_error(confident)
    return out


def calibration_error(pairs: Sequence[tuple[float, bool]], bins: int = 10) -> float:
    """Expected calibration error of the first suggestions: over ten bins of confidence,
    the gap between the mean confidence and the share that was right, weighted by the
    bin's size (0: a confidence of 80 % is right 80 % of the time)."""
    total = len(pairs)
    err = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, ok) for c, ok in pairs if lo < c <= hi or (b == 0 and c == 0.0)]
        if inside:
            conf = sum(c for c, _ in inside) / len(inside)
            acc = sum(1 for _, ok in inside if ok) / len(inside)
            err += len(inside) / total * abs(conf - acc)
    return err


def _count(acc: list[int], truth: str, ranked: list[str]) -> None:
    acc[0] += 1
    acc[1] += int(bool(ranked) and ranked[0] == truth)
    acc[2] += int(truth in ranked[:3])
