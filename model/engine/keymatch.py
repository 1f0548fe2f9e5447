"""Whole-word dictionary matching: every padded key (``" côte d ivoire "``) found in a padded fold.

The gazetteer, the role lexicon and the stance lexicon all look their keys up the same way:
keys are folded and padded with one space each side (``textfold.key``), the text is folded and
padded likewise, and every occurrence of a key in it, overlaps included, is a whole-word match.
This module is the one place that talks to the automaton library (``ahocorasick_rs``, the Rust
``aho-corasick`` crate), so the engine does not depend on its API.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

import ahocorasick_rs

T = TypeVar("T")


class KeyMatcher(Generic[T]):
    """Padded keys, each with a value; ``find`` gives every occurrence in a padded fold.

    A key given twice keeps its last value.  Matches come by end offset and, for one end, longest
    key first: the order of a classic Aho-Corasick walk (``tests/model/test_keymatch.py``).
    """

    def __init__(self, items: Iterable[tuple[str, T]]) -> None:
        table: dict[str, T] = {}
        for k, v in items:
            table[k] = v
        self.keys: list[str] = list(table)
        self.values: list[T] = list(table.values())
        self._auto = ahocorasick_rs.BytesAhoCorasick([k.encode("ascii") for k in self.keys])
        # every key's prefixes that end a word (" a ", " a b " of " a b c "), for ``starts_with``
        self._prefixes: frozenset[str] = frozenset(
            k[: i + 1] for k in self.keys for i in range(1, len(k)) if k[i] == " "
        )

    def __len__(self) -> int:
        return len(self.keys)

    def __reduce__(self) -> tuple[type[KeyMatcher[T]], tuple[list[tuple[str, T]]]]:
        # the automaton does not pickle: a worker process rebuilds it from the keys
        return (KeyMatcher, (list(zip(self.keys, self.values, strict=True)),))

    def find(self, padded: str) -> list[tuple[int, int, int]]:
        """``(key index, start, end)`` of every key in ``padded`` (ASCII: a padded fold); ``padded[start:end]``
        is the key, spaces included, so the word itself is ``[start + 1, end - 1)`` of ``padded`` and
        ``[start, end - 2)`` of the unpadded fold."""
        if not self.keys:
            return []
        return self._auto.find_matches_as_indexes(padded.encode("ascii"), overlapping=True)

    def starts_with(self, padded_word: str) -> bool:
        """Does a key begin with these whole words (``padded_word`` is a padded key, ``" a b "``)?"""
        return padded_word in self._prefixes
