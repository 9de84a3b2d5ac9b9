"""What a process keeps for project knowledge: the embedding model (loaded on first use), a
wake-up for the indexing loop, and each project's vectors as one matrix between queries."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from parley.knowledge.embedder import Embedder

MAX_CACHED_PROJECTS = 32


@dataclass(frozen=True, slots=True)
class VectorSet:
    version: tuple[int, int]  # (rows, highest chunk id): new or removed passages change it
    ids: list[int]
    matrix: NDArray[np.float32]


class KnowledgeRuntime:
    def __init__(self) -> None:
        self._wake = asyncio.Event()
        self._embedder: Embedder | None = None
        self._missing: str | None = None
        self._load_lock = threading.Lock()
        self._vectors: OrderedDict[str, VectorSet] = OrderedDict()

    def wake(self) -> None:
        """A file was queued: the indexing loop looks now instead of at its next round."""
        self._wake.set()

    async def wait(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout=seconds)
        self._wake.clear()

    def embedder(self) -> Embedder | None:
        """The model, loaded once (call from a worker thread); None when it is not installed."""
        # numpy and the model's code load with the model, not with the server (~25 MB idle)
        from parley.knowledge.embedder import Embedder, EmbeddingModelMissing

        with self._load_lock:
            if self._embedder is None and self._missing is None:
                try:
                    self._embedder = Embedder()
                except EmbeddingModelMissing as error:
                    self._missing = str(error)
            return self._embedder

    @property
    def missing(self) -> str | None:
        return self._missing

    def cached_vectors(self, project_id: str, version: tuple[int, int]) -> VectorSet | None:
        found = self._vectors.get(project_id)
        if found is None or found.version != version:
            return None
        self._vectors.move_to_end(project_id)
        return found

    def keep_vectors(self, project_id: str, vectors: VectorSet) -> None:
        self._vectors[project_id] = vectors
        self._vectors.move_to_end(project_id)
        while len(self._vectors) > MAX_CACHED_PROJECTS:
            self._vectors.popitem(last=False)
