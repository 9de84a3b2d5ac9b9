"""Where file bytes live: one small interface, a directory by default, an S3 bucket for teams.

Keys are content addresses (a SHA-256 in hex, optionally with a suffix for a derivative such as
`<sha>.preview.webp`), so writing a key that exists is a no-op and every replica agrees on names.
All methods block: callers run them in a thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parley.storage.base import CHUNK_BYTES, BlobMissing, BlobStore
from parley.storage.local import LocalBlobStore

if TYPE_CHECKING:
    from parley.config import Settings


def blob_store_from_settings(settings: Settings) -> BlobStore:
    if settings.s3_bucket:
        from parley.storage.s3 import S3BlobStore

        return S3BlobStore.from_settings(settings)
    return LocalBlobStore(settings.data_dir / "files")


__all__ = ["CHUNK_BYTES", "BlobMissing", "BlobStore", "LocalBlobStore", "blob_store_from_settings"]
