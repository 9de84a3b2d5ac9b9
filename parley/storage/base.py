"""The blob store's interface and its one error."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Protocol

CHUNK_BYTES = 1 << 20


class BlobMissing(Exception):
    """The store has no object under this key."""


class BlobStore(Protocol):
    def staging_dir(self) -> Path:
        """A directory for files being received; put_file() moves them into the store."""
        ...

    def put_file(self, key: str, path: Path) -> None:
        """Store the file at `path` under `key` and remove `path`. An existing key is kept."""
        ...

    def exists(self, key: str) -> bool: ...

    def size(self, key: str) -> int:
        """Raises BlobMissing."""
        ...

    def read(self, key: str) -> bytes:
        """The whole object (derivatives and model inputs, which are small). Raises BlobMissing."""
        ...

    def iter_chunks(self, key: str, *, chunk_bytes: int = CHUNK_BYTES) -> Iterator[bytes]:
        """The object in pieces, for downloads. Raises BlobMissing before the first piece."""
        ...

    def local_path(self, key: str) -> Path | None:
        """A file on this machine holding the object, when the store keeps one (read only)."""
        ...

    def copy_to(self, key: str, destination: Path) -> None:
        """Write the object to `destination` (a hard link where the store can). Raises BlobMissing."""
        ...

    def delete(self, key: str) -> None:
        """Remove the object; a missing one is no error."""
        ...

    def list_keys(self) -> Iterator[tuple[str, datetime]]:
        """Every key with its last-modified time, for sweeping unreferenced objects."""
        ...
