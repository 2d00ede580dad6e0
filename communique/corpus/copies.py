"""Syndicated copies: near-duplicate clusters by containment of word 4-grams.

Candidates come from MinHash LSH Ensemble (datasketch), which indexes containment
rather than Jaccard similarity, so a wire story with appended FAQ text is still
found as a copy of the short original; each candidate pair is then checked on
the exact shingle sets. Origins join copies with articles that relay the same
speaker through the same outlet.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

#: Words per shingle.
SHINGLE_WORDS = 4
#: Share of the shorter text's shingles found in the other text at which two are copies.
COPY_CONTAINMENT = 0.10
#: MinHash permutations: more is more accurate and slower.
NUM_PERM = 128
#: Partitions of the LSH Ensemble index by set size.
NUM_PART = 8
#: Texts with fewer shingles than this are too short to call copies.
MIN_SHINGLES = 8

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> set[str]:
    """The set of lower-cased word 4-grams of a text."""
    words = _WORD.findall(text.lower())
    n = SHINGLE_WORDS
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def containment(a: set[str], b: set[str]) -> float:
    """Shared shingles over the shingles of the shorter text."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {i: i for i in items}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller id is the root, so cluster names do not depend on order.
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo

    def groups(self) -> dict[str, str]:
        return {x: self.find(x) for x in self.parent}


def copy_pairs(texts: dict[str, str]) -> list[tuple[str, str, float]]:
    """Pairs of article ids whose texts are copies, with their containment, sorted."""
    from datasketch import MinHash, MinHashLSHEnsemble

    sets = {k: shingles(v) for k, v in texts.items()}
    sets = {k: s for k, s in sets.items() if len(s) >= MIN_SHINGLES}
    if len(sets) < 2:
        return []
    keys = sorted(sets)
    hashes = MinHash.bulk([[s.encode("utf-8") for s in sets[k]] for k in keys], num_perm=NUM_PERM)
    index = MinHashLSHEnsemble(threshold=COPY_CONTAINMENT, num_perm=NUM_PERM, num_part=NUM_PART)
    index.index((k, m, len(sets[k])) for k, m in zip(keys, hashes, strict=True))
    pairs: dict[tuple[str, str], float] = {}
    for k, m in zip(keys, hashes, strict=True):
        for other in index.query(m, len(sets[k])):
            if other == k:
                continue
            pair = (min(k, other), max(k, other))
            if pair in pairs:
                continue
            score = containment(sets[k], sets[other])
            if score >= COPY_CONTAINMENT:
                pairs[pair] = score
    return sorted((a, b, round(c, 4)) for (a, b), c in pairs.items())


def cluster_name(root: str) -> str:
    """A short stable name for the cluster whose smallest member id is `root`."""
    return "c" + hashlib.sha256(root.encode("utf-8")).hexdigest()[:10]


def clusters_and_origins(
    texts: dict[str, str], relay_keys: dict[str, str]
) -> dict[str, tuple[str, str]]:
    """For each article id, its copy cluster and its origin.

    `relay_keys` maps an article to the key of the report it rests on (the
    outlet that relayed it and the speaker); articles with the same key share an
    origin, as do copies.
    """
    copies = _UnionFind(texts)
    for a, b, _ in copy_pairs(texts):
        copies.union(a, b)
    cluster = copies.groups()
    origins = _UnionFind(texts)
    for a, root in cluster.items():
        origins.union(a, root)
    by_key: dict[str, str] = {}
    for article in sorted(relay_keys):
        key = relay_keys[article]
        if key in by_key:
            origins.union(article, by_key[key])
        else:
            by_key[key] = article
    origin = origins.groups()
    return {a: (cluster_name(cluster[a]), "o" + cluster_name(origin[a])[1:]) for a in sorted(texts)}
