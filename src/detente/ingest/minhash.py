"""Near-duplicate detection: MinHash signatures over word shingles, with an LSH index.

Cross-posts and lightly edited copies share most of their word 5-grams; a MinHash
signature estimates that overlap (Jaccard similarity) in 128 numbers that can be
stored with the document, and banding the signature finds candidates in constant time.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np

NUM_HASHES = 128
BANDS = 16  # 16 bands of 8 rows: pairs above ~0.7 Jaccard almost always share a band
SHINGLE = 5
THRESHOLD = 0.7
_PRIME = np.uint64(4294967291)  # largest prime below 2**32: products of two values fit in uint64
_rng = np.random.default_rng(20200108)
_A = _rng.integers(1, int(_PRIME), NUM_HASHES, dtype=np.uint64)
_B = _rng.integers(0, int(_PRIME), NUM_HASHES, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> list[int]:
    """The MinHash signature of ``text`` (NUM_HASHES ints below 2**32)."""
    found = shingles(text)
    if not found:
        return [int(_PRIME)] * NUM_HASHES
    values = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode(), digest_size=4).digest(), "little") for s in found),
        dtype=np.uint64, count=len(found))
    hashed = (_A[:, None] * values[None, :] + _B[:, None]) % _PRIME
    return hashed.min(axis=1).astype(np.int64).tolist()


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.mean(np.asarray(a) == np.asarray(b)))


class LSHIndex:
    """Band hashes of the original documents' signatures → their ids; signatures stay in the store.

    Each document costs its band keys (one int per band) in memory, not its signature:
    candidates are few, and their signatures are read back from the store to verify.
    """

    def __init__(self, bands: int = BANDS) -> None:
        self.bands = bands
        self.rows = NUM_HASHES // bands
        self.buckets: dict[int, str | list[str]] = {}

    def _keys(self, sig: list[int]) -> Iterable[int]:
        for band in range(self.bands):
            yield hash((band, *sig[band * self.rows:(band + 1) * self.rows]))

    def add(self, doc_id: str, sig: list[int]) -> None:
        for key in self._keys(sig):
            held = self.buckets.get(key)
            if held is None:
                self.buckets[key] = doc_id
            elif isinstance(held, list):
                held.append(doc_id)
            else:
                self.buckets[key] = [held, doc_id]

    def remove(self, doc_id: str, sig: list[int]) -> None:
        for key in self._keys(sig):
            held = self.buckets.get(key)
            if held == doc_id:
                del self.buckets[key]
            elif isinstance(held, list) and doc_id in held:
                held.remove(doc_id)

    def candidates(self, sig: list[int]) -> set[str]:
        """Ids sharing at least one band with ``sig``: to be verified with ``similarity``."""
        found: set[str] = set()
        for key in self._keys(sig):
            held = self.buckets.get(key)
            if held is not None:
                found.update(held if isinstance(held, list) else (held,))
        return found
