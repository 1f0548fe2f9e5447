"""The holder scorer's weights and calibration (``resources/holder_model.json``)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Final

from model.engine.holders import FEATURES

MODEL_FILE: Final = "holder_model.json"


class HolderModel:
    """A logistic model over :data:`FEATURES`; ``threshold`` is the least probability emitted.

    ``calibration`` ``(a, b)`` turns a probability into the statement's confidence,
    ``sigmoid(a · logit(p) + b)``: fitted out-of-fold on real articles and speeches, so that
    statements at confidence 0.8 are right about 80 % of the time there (the short-sentence
    suites in the training data would otherwise make the top of the scale too sure).
    """

    def __init__(self, weights: list[float], threshold: float,
                 calibration: tuple[float, float] = (1.0, 0.0),
                 calibration_other: tuple[float, float] | None = None, ceiling_other: float = 1.0) -> None:
        if len(weights) != len(FEATURES):
            raise ValueError(f"holder model has {len(weights)} weights for {len(FEATURES)} features")
        self.weights = weights
        self.threshold = threshold
        self.slope = calibration[0]
        self.shift = calibration[1]
        # a speech's holders other than the speaker: calibrated on their own (the scorer over-rates them)
        other = calibration_other or calibration
        self.slope_other = other[0]
        self.shift_other = other[1]
        # … and never shown above this (read samples of them at 0.8 and more were right about half the time)
        self.ceiling_other = ceiling_other

    @classmethod
    def load(cls, folder: Path) -> HolderModel | None:
        """The model in ``folder`` (None when there is none: the rules' own confidence is kept)."""
        path = folder / MODEL_FILE
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        names = list(data["features"])
        if names != list(FEATURES):
            raise ValueError(f"{path}: its features do not match the engine's (retrain: tools/train_holders.py)")
        a, b = data.get("calibration") or (1.0, 0.0)
        other = data.get("calibration_speech_other")
        return cls([float(w) for w in data["weights"]], float(data["threshold"]), (float(a), float(b)),
                   (float(other[0]), float(other[1])) if other else None,
                   float(data.get("ceiling_speech_other", 1.0)))

    def probability(self, x: list[float]) -> float:
        z = 0.0
        w = self.weights
        for i in range(len(x)):
            if x[i] != 0.0:
                z += w[i] * x[i]
        if z < -30.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def confidence(self, p: float, speech_other: bool = False) -> float:
        """The calibrated confidence of probability ``p`` (``speech_other``: a speech's holder other than
        its speaker)."""
        q = min(max(p, 1e-6), 1.0 - 1e-6)
        logit = math.log(q / (1.0 - q))
        if speech_other:
            c = 1.0 / (1.0 + math.exp(-(self.slope_other * logit + self.shift_other)))
            return c if c < self.ceiling_other else self.ceiling_other
        return 1.0 / (1.0 + math.exp(-(self.slope * logit + self.shift)))
