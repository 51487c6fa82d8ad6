"""Suggestions learned from history: how good, how fast, at what size.

    python bench/suggest.py                      # generated history of 1,000,000 cases
    python bench/suggest.py --cases 100000       # smaller, for a shared machine

1. Real messages: the 400 labelled web messages of ../shared/data/web-labelled.csv
   (first-level category by a person), 10-fold stratified cross-validation (each model
   trains on 360, is judged on the 40 it did not see). The console's model
   (console.learning: jieba words, TF-IDF, complement naive Bayes, the matter taxonomy's
   names as extra documents) against a plain baseline measured on the same folds: jieba
   words, default TF-IDF, logistic regression.
2. Generated history: N cases written into a SQLite database of the benchmark's own, with
   descriptions built from the labelled messages of the case's first-level category and
   the names of its taxonomy leaf, a district and town, a handling unit that depends on
   the matter and the place, business class and urgency with some label noise. Then
   ``SuggestionService.train()`` end to end (history query, segmentation, fitting, the
   held-back evaluation on the most recent 10 %, writing the versioned model file), and
   ``SuggestionService.suggest()`` one description (with its district and town) at a
   time, routing rules included, for the latency.

The last line is JSON: top1/top3 (first-level category, real messages, cross-validated),
baseline_top1/baseline_top3, gen_* (held-back part of the generated history),
suggest_p95_ms, train_s; ece/ece_raw: the expected calibration error of the first
suggestion's confidence (real messages, cross-validated; raw naive Bayes, and with the
temperature fitted on held-back data), gen_level1_ece(_raw) on the generated history's
held-back part (where the temperature was fitted: optimistic); model_bytes and
model_load_s: the promoted model's size in the database and a second workstation's
fetch, check and unpickle.
"""

from __future__ import annotations

import sys
from pathlib import Path

# bench/ holds queue.py: the project root replaces it on the path first
sys.path[0] = str(Path(__file__).resolve().parents[1])

import argparse  # noqa: E402
import csv  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from collections import defaultdict  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402

import numpy as np  # noqa: E402
from sqlalchemy import select  # noqa: E402

from bench.bulk import CASE_COLUMNS, _sqlite_value, fresh_database  # noqa: E402
from console.infra import segment  # noqa: E402
from console.infra.database import make_engine, make_session_factory  # noqa: E402
from console.learning.features import Example, tokens  # noqa: E402
from console.learning.model import SuggestionModel, calibration_error  # noqa: E402
from console.learning.store import DatabaseModelStore  # noqa: E402
from console.models import Agent, HandlingUnit, MatterCategory, Region, SlaPolicy  # noqa: E402
from console.services.importer import CLASS_OF_LEVEL1  # noqa: E402
from console.services.suggestions import SuggestionService  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
if not DATA.exists():
    DATA = Path("/work/shared/data")
URGENT_BITS = ("情况十分紧急", "随时可能发生危险", "已经有人受伤", "请立即派人处理", "漏水严重")


def load_labelled() -> list[dict[str, str]]:
    with (DATA / "web-labelled.csv").open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def load_taxonomy() -> list[tuple[str, str, str]]:
    with (DATA / "matter-taxonomy.csv").open(encoding="utf-8-sig", newline="") as f:
        return [(r["level1"], r["level2"], r["level3"]) for r in csv.DictReader(f)]


# --- 1. the real messages, cross-validated ------------------------------------------------
def _confidences(
    model: SuggestionModel, examples: list[Example], words: list[str]
) -> list[tuple[float, bool]]:
    """(the first suggestion's confidence, whether its first level was right)."""
    preds = model.predict_many(words)
    return [
        (p.level1[0][1], p.level1[0][0] == e.category)
        for e, p in zip(examples, preds, strict=True)
        if p.level1
    ]


def _reliability(pairs: list[tuple[float, bool]]) -> list[list[float]]:
    """[confidence from, to, cases, mean confidence, share right] per fifth."""
    out = []
    for b in range(5):
        lo, hi = b / 5, (b + 1) / 5
        inside = [(c, ok) for c, ok in pairs if lo < c <= hi or (b == 0 and c == 0.0)]
        if inside:
            out.append(
                [lo, hi, len(inside), round(statistics.mean(c for c, _ in inside), 3),
                 round(sum(ok for _, ok in inside) / len(inside), 3)]
            )  # fmt: skip
    return out


def cross_validate(
    rows: list[dict[str, str]], folds: int
) -> tuple[dict[str, float], list[list[float]]]:
    """The figures, and the reliability table of the calibrated confidences."""
    import jieba
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import make_pipeline

    taxonomy = ["/".join(t) for t in load_taxonomy()]
    texts = [f"{r['title']}\n{r['body']}" for r in rows]
    y = np.array([r["category"] for r in rows], dtype=object)
    examples = [Example(t, c) for t, c in zip(texts, y, strict=True)]
    words = [tokens(t) for t in texts]
    plain = [" ".join(jieba.lcut(t)) for t in texts]  # the baseline's own segmentation
    ours: dict[str, list[float]] = defaultdict(list)
    base: dict[str, list[float]] = defaultdict(list)
    train_s: list[float] = []
    raw_pairs: list[tuple[float, bool]] = []
    cal_pairs: list[tuple[float, bool]] = []
    temperatures: list[float] = []
    split = StratifiedKFold(folds, shuffle=True, random_state=0).split(texts, y)
    for n, (tr, te) in enumerate(split, 1):
        started = time.perf_counter()
        model = SuggestionModel.train(
            [examples[i] for i in tr], taxonomy, words=[words[i] for i in tr]
        )
        train_s.append(time.perf_counter() - started)
        test_x, test_w = [examples[i] for i in te], [words[i] for i in te]
        m = model.evaluate(test_x, test_w)
        ours["top1"].append(m["level1_top1"])
        ours["top3"].append(m["level1_top3"])
        raw_pairs += _confidences(model, test_x, test_w)
        # calibrated: the temperature fitted on a fifth of the training part held back
        # from a model trained on the rest (as `suggest train` fits it on its held-back
        # recent cases), then used by the model trained on the whole training part
        inner = [int(i) for i in tr]
        random.Random(n).shuffle(inner)
        cut = len(inner) * 4 // 5
        sub = SuggestionModel.train(
            [examples[i] for i in inner[:cut]], taxonomy, words=[words[i] for i in inner[:cut]]
        )
        model.temperature = sub.calibrate(
            [examples[i] for i in inner[cut:]], [words[i] for i in inner[cut:]]
        )
        temperatures.append(model.temperature)
        cal_pairs += _confidences(model, test_x, test_w)
        baseline = make_pipeline(
            TfidfVectorizer(token_pattern=r"\S+"), LogisticRegression(max_iter=1000)
        )
        baseline.fit([plain[i] for i in tr], y[tr])
        p = baseline.predict_proba([plain[i] for i in te])
        order = np.argsort(-p, axis=1)
        classes = baseline.classes_
        base["top1"].append(float(np.mean(classes[order[:, 0]] == y[te])))
        base["top3"].append(
            float(np.mean([y[te][i] in classes[order[i, :3]] for i in range(len(te))]))
        )
        print(
            f"  fold {n:2d}: ours top-1 {ours['top1'][-1]:.3f} top-3 {ours['top3'][-1]:.3f}"
            f" | baseline top-1 {base['top1'][-1]:.3f} top-3 {base['top3'][-1]:.3f}"
        )
    return {
        "top1": statistics.mean(ours["top1"]),
        "top3": statistics.mean(ours["top3"]),
        "baseline_top1": statistics.mean(base["top1"]),
        "baseline_top3": statistics.mean(base["top3"]),
        "ece_raw": calibration_error(raw_pairs),
        "ece": calibration_error(cal_pairs),
        "temperature": statistics.median(temperatures),
        "cv_train_n": float(len(rows) - len(rows) // folds),
        "cv_train_s": statistics.mean(train_s),
    }, _reliability(cal_pairs)


# --- 2. a generated history -----------------------------------------------------------
class Generator:
    """Realistic descriptions from the labelled messages and the taxonomy."""

    def __init__(self, url: str, rows: list[dict[str, str]], seed: int) -> None:
        self.rnd = random.Random(seed)
        self.fragments: dict[str, list[str]] = defaultdict(list)
        for r in rows:
            for piece in re.split(r"[。！？!?；;\n]+", r["body"]):
                piece = piece.strip()
                if 6 <= len(piece) <= 80:
                    self.fragments[r["category"]].append(piece)
        self.level1s = sorted(self.fragments)
        self.weights = [len(self.fragments[c]) for c in self.level1s]
        engine = make_engine(url)
        with make_session_factory(engine)() as s:
            cats = s.execute(
                select(MatterCategory.id, MatterCategory.path).where(MatterCategory.level == 3)
            ).all()
            regions = s.execute(select(Region.id, Region.parent_id, Region.name)).all()
            units = s.execute(
                select(HandlingUnit.id, HandlingUnit.kind, HandlingUnit.region_id)
            ).all()
            self.agent = s.scalars(select(Agent.id)).first()
            self.policy = s.scalars(select(SlaPolicy.id)).first()
        engine.dispose()
        self.leaves: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for cid, path in cats:
            if path.split("/")[0] in self.fragments:
                self.leaves[path.split("/")[0]].append((cid, path))
        self.towns = [(i, p, name) for i, p, name in regions if p is not None]
        self.region_name = {i: name for i, _, name in regions}
        self.town_unit = {rid: uid for uid, kind, rid in units if kind == "town"}
        bureaus = [uid for uid, kind, _ in units if kind == "bureau"] or [u[0] for u in units]
        # every second-level matter has a bureau of its own (a few share one)
        self.bureau_of: dict[str, int] = {}
        for leaves in self.leaves.values():
            for _, path in leaves:
                key = path.rsplit("/", 1)[0]
                if key not in self.bureau_of:
                    self.bureau_of[key] = self.rnd.choice(bureaus)

    def case(self) -> tuple[str, int, str, str, int | None, int, int, str]:
        """(text, category id, path, class, unit id, district id, town id, urgency)."""
        rnd = self.rnd
        level1 = rnd.choices(self.level1s, self.weights)[0]
        cid, path = rnd.choice(self.leaves[level1])
        _, level2, level3 = path.split("/")
        town_id, district_id, town = rnd.choice(self.towns)
        bits = rnd.sample(self.fragments[level1], k=min(3, len(self.fragments[level1])))
        bits = bits[: rnd.randint(1, 3)]
        if rnd.random() < 0.15:  # a sentence about something else
            other = rnd.choice(self.level1s)
            bits.insert(rnd.randrange(len(bits) + 1), rnd.choice(self.fragments[other]))
        topic = level3 if level3 != "其他" else level2
        opening = rnd.choice(
            (
                f"我是{self.region_name[district_id]}{town}居民，反映{topic}的问题",
                f"{town}这边{topic}问题",
                f"关于{level2}",
                f"咨询{topic}",
                "",
            )
        )
        urgent = rnd.random() < 0.08
        if urgent:
            bits.append(rnd.choice(URGENT_BITS))
        text = "，".join(b for b in [opening, *bits] if b) + "。"
        if rnd.random() < 0.05:  # people disagree now and then
            cid, path = rnd.choice(self.leaves[rnd.choice(self.level1s)])
        klass = CLASS_OF_LEVEL1.get(path.split("/")[0], "livelihood")
        if rnd.random() < 0.03:
            klass = rnd.choice(("consumer", "enterprise", "city", "livelihood", "environment"))
        if rnd.random() < 0.4 and town_id in self.town_unit:
            unit: int | None = self.town_unit[town_id]
        else:
            unit = self.bureau_of[path.rsplit("/", 1)[0]]
        urgency = "urgent" if (urgent and rnd.random() < 0.9) or rnd.random() < 0.01 else "normal"
        return text, cid, path, klass, unit, district_id, town_id, urgency


def seed_history(url: str, gen: Generator, n: int, chunk: int = 50_000) -> None:
    db = url.removeprefix("sqlite:///")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    cols = ", ".join(CASE_COLUMNS)
    marks = ", ".join("?" * len(CASE_COLUMNS))
    start = datetime.now(UTC) - timedelta(days=730)
    step = timedelta(days=729) / max(n, 1)
    rows: list[tuple[object, ...]] = []
    for i in range(n):
        text, cid, _path, klass, unit, district, town, urgency = gen.case()
        at = start + step * i
        closed = at + timedelta(hours=30)
        day = at.strftime("%y%m%d")
        row = (
            uuid.UUID(int=gen.rnd.getrandbits(128), version=4), f"{day}-S{i:08d}", "901",
            "phone_12345", "demand", "complaint", klass, cid, district, town, "", "", "",
            False, False, "", "", text[:40], text, "", urgency, "closed", gen.agent, None,
            unit, gen.policy, None, None, None, at, at, closed, at, closed, 1,
        )  # fmt: skip
        rows.append(tuple(_sqlite_value(v) for v in row))
        if len(rows) >= chunk:
            conn.executemany(f"INSERT INTO cases ({cols}) VALUES ({marks})", rows)
            conn.commit()
            rows.clear()
            print(f"\r  {i + 1:,}/{n:,} cases", end="", file=sys.stderr, flush=True)
    if rows:
        conn.executemany(f"INSERT INTO cases ({cols}) VALUES ({marks})", rows)
        conn.commit()
    print(file=sys.stderr)
    conn.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=1_000_000, help="generated history size")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--latency-samples", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    segment.warm_up()
    rows = load_labelled()

    print(f"1. real messages: {len(rows)} labelled, {args.folds}-fold cross-validation")
    cv, reliability = cross_validate(rows, args.folds)
    print(
        f"   ours:     top-1 {cv['top1']:.3f}  top-3 {cv['top3']:.3f}"
        f"  (training {cv['cv_train_s']:.2f} s on {cv['cv_train_n']:.0f})"
    )
    print(f"   baseline: top-1 {cv['baseline_top1']:.3f}  top-3 {cv['baseline_top3']:.3f}")
    print(
        f"   confidence of the first suggestion: expected calibration error "
        f"{cv['ece_raw']:.3f} raw (naive Bayes), {cv['ece']:.3f} calibrated "
        f"(temperature {cv['temperature']:.2f})"
    )
    for lo, hi, n, conf, right in reliability:
        print(f"     {lo:.0%}-{hi:.0%}: {n:3.0f} cases, said {conf:.0%}, right {right:.0%}")

    print(f"2. generated history: {args.cases:,} cases (SQLite)")
    url = fresh_database("sqlite", "suggest")
    gen = Generator(url, rows, args.seed)
    started = time.perf_counter()
    seed_history(url, gen, args.cases)
    print(f"   written in {time.perf_counter() - started:.1f} s")
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    cache = Path(tempfile.mkdtemp(prefix="hotline-bench-model-"))
    service = SuggestionService(sessions, DatabaseModelStore(sessions, cache / "trainer"))
    started = time.perf_counter()
    outcome = service.train()
    train_s = time.perf_counter() - started
    for line in outcome.lines():
        print("   " + line)
    print(f"   train (end to end): {train_s:.1f} s")
    # another workstation: fetch the promoted model from the database, verify, unpickle
    desk = DatabaseModelStore(sessions, cache / "desk")
    started = time.perf_counter()
    loaded = desk.refresh()
    load_s = time.perf_counter() - started
    model_bytes = int(desk.info().get("size") or 0)
    assert loaded is not None and loaded.version == outcome.version
    print(f"   model in the database: {model_bytes / 1e6:.1f} MB; a workstation loads it "
          f"in {load_s:.1f} s")  # fmt: skip
    samples = []
    for _ in range(args.latency_samples):
        text, *_rest, district, town, _urg = gen.case()
        samples.append((text, district, town))
    service.suggest(*samples[0])  # rules and reference cached
    times = []
    for text, district, town in samples:
        t0 = time.perf_counter()
        service.suggest(text, district, town)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p50 = times[len(times) // 2]
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"   suggest: p50 {p50:.1f} ms, p95 {p95:.1f} ms over {len(times)} descriptions")
    engine.dispose()
    new = outcome.new
    result = {
        "top1": round(cv["top1"], 4),
        "top3": round(cv["top3"], 4),
        "baseline_top1": round(cv["baseline_top1"], 4),
        "baseline_top3": round(cv["baseline_top3"], 4),
        "suggest_p95_ms": round(p95, 2),
        "suggest_p50_ms": round(p50, 2),
        "train_s": round(train_s, 1),
        "cases": args.cases,
        "gen_level1_top1": round(new.get("level1_top1", 0.0), 4),
        "gen_level1_top3": round(new.get("level1_top3", 0.0), 4),
        "gen_category_top1": round(new.get("category_top1", 0.0), 4),
        "gen_category_top3": round(new.get("category_top3", 0.0), 4),
        "gen_unit_top1": round(new.get("unit_top1", 0.0), 4),
        "gen_unit_top3": round(new.get("unit_top3", 0.0), 4),
        "gen_class_top1": round(new.get("class_top1", 0.0), 4),
        "gen_held_back": outcome.held_back,
        "gen_level1_ece": round(new.get("level1_ece", 0.0), 4),
        "gen_level1_ece_raw": round(new.get("level1_ece_raw", 0.0), 4),
        "ece": round(cv["ece"], 4),
        "ece_raw": round(cv["ece_raw"], 4),
        "model_bytes": model_bytes,
        "model_load_s": round(load_s, 2),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
