"""Both blob stores keep the same promises: content-addressed keys, idempotent puts, clean misses."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from parley.storage import BlobMissing, BlobStore, LocalBlobStore
from parley.storage.s3 import S3BlobStore
from tests.s3 import CREDENTIALS, create_bucket, s3_server


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    with s3_server() as endpoint:
        yield endpoint


@pytest.fixture(params=["local", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> BlobStore:
    if request.param == "local":
        return LocalBlobStore(tmp_path / "files")
    endpoint = request.getfixturevalue("s3_endpoint")
    bucket = f"b{secrets.token_hex(6)}"
    create_bucket(endpoint, bucket)
    return S3BlobStore(
        bucket,
        prefix="parley/",
        staging=tmp_path / "staging",
        endpoint_url=endpoint,
        region="us-east-1",
        access_key_id=CREDENTIALS["aws_access_key_id"],
        secret_access_key=CREDENTIALS["aws_secret_access_key"],
    )


def staged(store: BlobStore, data: bytes) -> tuple[str, Path]:
    path = store.staging_dir() / secrets.token_hex(4)
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest(), path


def test_a_put_blob_reads_back_whole_in_chunks_and_by_copy(
    store: BlobStore, tmp_path: Path
) -> None:
    data = secrets.token_bytes(3 * 1024 * 1024 + 17)
    key, path = staged(store, data)
    store.put_file(key, path)
    assert not path.exists()  # moved or uploaded, never left in staging
    assert store.exists(key) and store.size(key) == len(data)
    assert store.read(key) == data
    assert b"".join(store.iter_chunks(key, chunk_bytes=1 << 20)) == data
    store.copy_to(key, tmp_path / "copy")
    assert (tmp_path / "copy").read_bytes() == data


def test_putting_an_existing_key_keeps_one_object(store: BlobStore) -> None:
    key, first = staged(store, b"same bytes")
    store.put_file(key, first)
    _, second = staged(store, b"same bytes")
    store.put_file(key, second)
    assert not second.exists()
    assert [k for k, _ in store.list_keys()] == [key]


def test_missing_keys_raise_blob_missing_and_delete_is_idempotent(
    store: BlobStore, tmp_path: Path
) -> None:
    key = hashlib.sha256(b"never stored").hexdigest()
    assert not store.exists(key)
    for call in (store.read, store.size, lambda k: list(store.iter_chunks(k))):
        with pytest.raises(BlobMissing):
            call(key)
    with pytest.raises(BlobMissing):
        store.copy_to(key, tmp_path / "nothing")
    store.delete(key)
    data_key, path = staged(store, b"bye")
    store.put_file(data_key, path)
    store.put_file(data_key + ".preview.webp", staged(store, b"thumb")[1])
    store.delete(data_key)
    assert not store.exists(data_key) and store.exists(data_key + ".preview.webp")


def test_keys_are_listed_with_recent_times_and_bad_keys_are_refused(store: BlobStore) -> None:
    key, path = staged(store, b"listed")
    store.put_file(key, path)
    [(listed, modified)] = list(store.list_keys())
    assert listed == key
    assert abs(datetime.now(UTC) - modified) < timedelta(minutes=5)
    for bad in ("../etc/passwd", "ABC", key + "/x", ""):
        with pytest.raises(ValueError):
            store.exists(bad)
