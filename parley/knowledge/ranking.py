"""Ranking passages: cosine similarity over stored vectors, and reciprocal-rank fusion."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

DIMENSIONS = 384  # all-MiniLM-L6-v2's

RRF_K = 60  # the constant of Cormack et al. (2009); ranks past ~60 weigh little either way


def to_blob(vector: NDArray[np.float32]) -> bytes:
    import numpy as np  # with the model, not with the server

    return np.asarray(vector, dtype="<f4").tobytes()


def from_blobs(blobs: Sequence[bytes]) -> NDArray[np.float32]:
    """Stacks stored vectors into a matrix (one row each)."""
    import numpy as np

    if not blobs:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.frombuffer(b"".join(blobs), dtype="<f4").reshape(len(blobs), DIMENSIONS)


def nearest(
    matrix: NDArray[np.float32], ids: Sequence[int], query: NDArray[np.float32], k: int
) -> list[int]:
    """The ids of the k rows most similar to the query (all vectors are unit length)."""
    import numpy as np

    if len(ids) == 0:
        return []
    scores = matrix @ query
    k = min(k, len(ids))
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top])]
    return [ids[i] for i in top]


def fuse(*rankings: Sequence[int], k: int = RRF_K) -> list[int]:
    """Reciprocal-rank fusion: each list votes 1 / (k + rank) for its items; best first, ties
    by first appearance."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores, key=lambda item: -scores[item])
