"""Exact and near-duplicate articles: the same text twice, or the same wire story on two sites.

Exact duplicates share an :func:`~critmin.news.read.article_id` (a hash of the cleaned text).
Near duplicates are found with MinHash signatures over word 5-shingles (datasketch) and an LSH
index; a pair above :data:`THRESHOLD` estimated Jaccard similarity is linked, not counted
twice. Nothing is downloaded: MinHash needs no model.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from datasketch import MinHash, MinHashLSH

from critmin.news.gazetteer import fold

#: Number of MinHash permutations; more is more precise and slower.
NUM_PERM = 64
#: Estimated Jaccard similarity of shingle sets above which two articles are near duplicates.
THRESHOLD = 0.7
#: datasketch's hashing scheme; signatures stored in the store were made with it.
SCHEME = "affine32"
#: Words per shingle.
SHINGLE = 5


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    """Word ``k``-shingles of the folded text (case and punctuation ignored)."""
    words = fold(text).split()
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def signature(text: str) -> list[int]:
    """MinHash signature of ``text`` as a list of integers (storable in DuckDB)."""
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    m.update_batch(list(shingles(text)))
    return [int(v) for v in m.hashvalues]


def _minhash(sig: Sequence[int]) -> MinHash:
    import numpy as np

    return MinHash(num_perm=NUM_PERM, hashvalues=np.array(sig, dtype=np.uint64), scheme=SCHEME)


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(_minhash(a).jaccard(_minhash(b)))


class NearDuplicates:
    """An LSH index of signatures: add articles, ask which earlier one a new one repeats."""

    def __init__(self, items: Iterable[tuple[str, Sequence[int]]] = ()) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._sigs: dict[str, Sequence[int]] = {}
        for key, sig in items:
            self.add(key, sig)

    def add(self, key: str, sig: Sequence[int]) -> None:
        """Index ``sig`` under ``key`` (ignored if the key is already there)."""
        if key in self._sigs or not sig:
            return
        self._sigs[key] = sig
        self._lsh.insert(key, _minhash(sig))

    def match(self, sig: Sequence[int]) -> str | None:
        """The indexed article most similar to ``sig`` above the threshold, or ``None``."""
        if not sig or not self._sigs:
            return None
        candidates = self._lsh.query(_minhash(sig))
        best, best_sim = None, THRESHOLD
        for key in candidates:
            sim = similarity(sig, self._sigs[key])
            if sim >= best_sim:
                best, best_sim = key, sim
        return best
