"""Blobs as files under a directory: <root>/ab/cd/<key>."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from parley.storage.base import CHUNK_BYTES, BlobMissing
from parley.storage.keys import KEY, check_key

STAGING = ".staging"


class LocalBlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._staging = self.root / STAGING

    def __repr__(self) -> str:
        return f"LocalBlobStore({str(self.root)!r})"

    def staging_dir(self) -> Path:
        self._staging.mkdir(parents=True, exist_ok=True)
        return self._staging

    def _path(self, key: str) -> Path:
        check_key(key)
        return self.root / key[:2] / key[2:4] / key

    def put_file(self, key: str, path: Path) -> None:
        dest = self._path(key)
        if dest.exists():
            # fresh again: the sweep of unreferenced blobs leaves recently written ones alone
            os.utime(dest)
            path.unlink(missing_ok=True)
            return
        dest.parent.mkdir(parents=True, exist_ok=True)
        # readable by the unprivileged user that sandboxed code runs as, which reads attachments
        # through a hard link; the directories stay the server's own
        os.chmod(path, 0o644)
        with open(path, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(path, dest)

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def size(self, key: str) -> int:
        try:
            return self._path(key).stat().st_size
        except FileNotFoundError as error:
            raise BlobMissing(key) from error

    def read(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError as error:
            raise BlobMissing(key) from error

    def iter_chunks(self, key: str, *, chunk_bytes: int = CHUNK_BYTES) -> Iterator[bytes]:
        try:
            handle = open(self._path(key), "rb")  # noqa: SIM115 (closed by the generator)
        except FileNotFoundError as error:
            raise BlobMissing(key) from error
        return _chunks(handle, chunk_bytes)

    def local_path(self, key: str) -> Path | None:
        path = self._path(key)
        return path if path.is_file() else None

    def copy_to(self, key: str, destination: Path) -> None:
        source = self._path(key)
        if not source.is_file():
            raise BlobMissing(key)
        try:
            os.link(source, destination)
        except OSError:
            shutil.copyfile(source, destination)

    def delete(self, key: str) -> None:
        path = self._path(key)
        path.unlink(missing_ok=True)
        for parent in (path.parent, path.parent.parent):
            with contextlib.suppress(OSError):
                parent.rmdir()  # only when empty

    def list_keys(self) -> Iterator[tuple[str, datetime]]:
        if not self.root.is_dir():
            return
        for first in self.root.iterdir():
            if first.name == STAGING or not first.is_dir():
                continue
            for second in first.iterdir():
                for entry in second.iterdir() if second.is_dir() else ():
                    if KEY.fullmatch(entry.name):
                        mtime = entry.stat().st_mtime
                        yield entry.name, datetime.fromtimestamp(mtime, UTC)


def _chunks(handle: BinaryIO, chunk_bytes: int) -> Iterator[bytes]:
    with handle:
        while chunk := handle.read(chunk_bytes):
            yield chunk
