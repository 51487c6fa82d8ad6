"""Train a new model on history and promote it only if it is no worse than the one in
use, both measured on the same held-back part: the most recent cases, which neither has
been trained on when the history grew since the last training."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from console.learning.features import Example, example_tokens
from console.learning.model import SuggestionModel
from console.learning.store import ModelStore

log = logging.getLogger("console.learning")

HOLD_BACK = 0.1
MIN_EXAMPLES = 20
#: the figures compared; the new model must be at least as good on each
COMPARED = ("level1_top1", "level1_top3")


class NotEnoughHistory(Exception):
    pass


@dataclass(frozen=True)
class TrainOutcome:
    promoted: bool
    version: int  # the version in use afterwards (0: none)
    examples: int
    held_back: int
    new: dict[str, float]
    old: dict[str, float] | None
    train_seconds: float
    reason: str

    def lines(self) -> list[str]:
        def fmt(m: dict[str, float] | None) -> str:
            if not m:
                return "-"
            return ", ".join(
                f"{k} {m[k]:.3f}" for k in ("level1_top1", "level1_top3", "unit_top1") if k in m
            )

        verdict = "promoted" if self.promoted else "kept the previous model"
        return [
            f"history: {self.examples} cases, {self.held_back} most recent held back",
            f"new model: {fmt(self.new)} (trained in {self.train_seconds:.1f} s)",
            f"model in use: {fmt(self.old)}",
            f"{verdict}: {self.reason}; version in use: {self.version or 'none'}",
        ]


def no_worse(new: dict[str, float], old: dict[str, float] | None) -> tuple[bool, str]:
    if old is None:
        return True, "no model yet"
    for key in COMPARED:
        if new.get(key, 0.0) < old.get(key, 0.0):
            return False, f"{key} {new.get(key, 0.0):.3f} < {old.get(key, 0.0):.3f}"
    return True, "no worse on the held-back cases"


def train_and_promote(
    examples: Sequence[Example],
    taxonomy: Iterable[str],
    store: ModelStore,
    *,
    hold_back: float = HOLD_BACK,
) -> TrainOutcome:
    """``examples`` oldest first. Raises NotEnoughHistory below MIN_EXAMPLES."""
    labelled = [e for e in examples if e.category or e.unit]
    if len(labelled) < MIN_EXAMPLES:
        raise NotEnoughHistory(
            f"{len(labelled)} cases with a confirmed category or unit; {MIN_EXAMPLES} needed"
        )
    started = time.perf_counter()
    words = [example_tokens(e) for e in labelled]
    n_held = max(1, int(len(labelled) * hold_back))
    cut = len(labelled) - n_held
    model = SuggestionModel.train(labelled[:cut], taxonomy, words=words[:cut])
    held, held_words = labelled[cut:], words[cut:]
    raw = model.evaluate(held, held_words)
    # confidences made probabilities on the held-back part (the order, and so the
    # accuracy compared below, does not change); level1_ece_raw is before
    model.calibrate(held, held_words)
    new = model.evaluate(held, held_words)
    if "level1_ece" in raw:
        new["level1_ece_raw"] = raw["level1_ece"]
    new["temperature"] = model.temperature
    current = store.current()
    old = current.evaluate(held, held_words) if current is not None else None
    ok, reason = no_worse(new, old)
    model.metrics = new
    model.train_seconds = time.perf_counter() - started
    record = {
        "at": time.time(),
        "examples": len(labelled),
        "held_back": n_held,
        "new": new,
        "old": old,
        "reason": reason,
    }
    if ok:
        version = store.promote(model, record)
    else:
        store.refuse(record)
        version = current.version if current is not None else 0
    log.info("suggestion model: %s (%s); version %s", "promoted" if ok else "kept", reason, version)
    return TrainOutcome(ok, version, len(labelled), n_held, new, old, model.train_seconds, reason)
