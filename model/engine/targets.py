"""Whom a clause's act is aimed at: the first country named after its cue that is not the holder (a town
after "in" is where it happens).  The holders of one clause share it, so it is found once per clause."""

from __future__ import annotations

from model.engine.gazetteer import Mention
from model.engine.lexicon import Hit
from model.engine.spans import Sentence, governors


class Targets:
    """Finds targets; keeps the last one found (one instance serves one thread, as its attributor)."""

    def __init__(self, location_preps: frozenset[str]) -> None:
        self.location_preps = location_preps
        # the last target found with no holder among the candidates, and what it was found for
        self._t_source: list[Mention] | None = None
        self._t_cue: Hit | None = None
        self._t_b = -1
        self._t_found: str | None = None

    def target(self, sent: Sentence, holder: str, cue: Hit, b: int, mentions: list[Mention] | None) -> str | None:
        """The country ``holder``'s act of ``cue`` (clause ending at ``b``) is aimed at: the first named after the
        cue that is not the holder nor a town it happens in."""
        source = mentions if mentions is not None else sent.mentions
        after = [m for m in source if m.start >= cue.end and m.end <= b and m.is_country]
        # the holders of one clause share the countries after its cue: unless the holder is one of them,
        # the target found for the previous holder is this one's too
        same = self._t_source is source and self._t_cue is cue and self._t_b == b
        if same and not any(m.code == holder for m in after):
            return self._t_found
        pool = [m for m in after if m.code != holder]
        found = self._target_in(sent, pool, cue)
        if len(pool) == len(after):
            self._t_source, self._t_cue, self._t_b, self._t_found = source, cue, b, found
        return found

    def _target_in(self, sent: Sentence, pool: list[Mention], cue: Hit) -> str | None:
        if not pool:
            return None
        govs = governors(sent.text, pool, cue.end, sent.alpha)
        for m in pool:
            if not (m.kind in ("capital", "city") and govs.get(m.start, "") in self.location_preps):
                return m.code
        return None
