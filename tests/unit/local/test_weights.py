"""Joining the bundled model's pieces: order, atomicity, digest checks and the sidecar."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from parley.providers import local_weights
from parley.providers.local_weights import (
    BundledModel,
    WeightsError,
    ensure_joined,
    find_pieces,
    join_pieces,
    sidecar_path,
    verify_file,
)


def make_pieces(directory: Path, *chunks: bytes) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, chunk in enumerate(chunks):
        path = directory / f"part{index + 1:02d}.bin"
        path.write_bytes(chunk)
        paths.append(path)
    return paths


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


CHUNKS = (b"first-" * 1000, b"second-" * 700, b"third")
WHOLE = b"".join(CHUNKS)


def test_pieces_are_joined_in_order_with_a_sidecar(tmp_path: Path) -> None:
    pieces = make_pieces(tmp_path / "pieces", *CHUNKS)
    target = tmp_path / "models" / "model.gguf"

    ensure_joined(target, pieces, sha256=sha(WHOLE), size=len(WHOLE))

    assert target.read_bytes() == WHOLE
    assert sha(WHOLE) in sidecar_path(target).read_text()
    assert sorted(p.name for p in target.parent.iterdir()) == [
        "model.gguf",
        "model.gguf.lock",
        "model.gguf.sha256",
    ]


def test_a_digest_mismatch_is_refused_and_leaves_nothing_behind(tmp_path: Path) -> None:
    pieces = make_pieces(tmp_path / "pieces", *reversed(CHUNKS))
    target = tmp_path / "model.gguf"

    with pytest.raises(WeightsError, match="digest does not match"):
        join_pieces(pieces, target, sha256=sha(WHOLE))

    assert not target.exists()
    assert not list(tmp_path.glob(".model.gguf.*"))


def test_a_failed_join_never_replaces_the_file(tmp_path: Path) -> None:
    pieces = make_pieces(tmp_path / "pieces", *CHUNKS)
    pieces[2].unlink()
    target = tmp_path / "model.gguf"
    target.write_bytes(b"previous")

    with pytest.raises(FileNotFoundError):
        join_pieces(pieces, target, sha256=sha(WHOLE))

    assert target.read_bytes() == b"previous"
    assert not list(tmp_path.glob(".model.gguf.*"))


def test_a_wrong_size_is_refused(tmp_path: Path) -> None:
    pieces = make_pieces(tmp_path / "pieces", *CHUNKS)

    with pytest.raises(WeightsError, match="digest does not match"):
        join_pieces(pieces, tmp_path / "model.gguf", sha256=sha(WHOLE), size=len(WHOLE) + 1)


def test_a_matching_sidecar_skips_the_rehash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pieces = make_pieces(tmp_path / "pieces", *CHUNKS)
    target = tmp_path / "model.gguf"
    ensure_joined(target, pieces, sha256=sha(WHOLE))

    def no_hashing(path: Path) -> str:
        raise AssertionError("re-hashed despite a matching sidecar")

    monkeypatch.setattr(local_weights, "hash_file", no_hashing)
    verify_file(target, sha256=sha(WHOLE), size=len(WHOLE))
    assert ensure_joined(target, None, sha256=sha(WHOLE)) == target


def test_a_changed_file_is_verified_again_and_refused(tmp_path: Path) -> None:
    pieces = make_pieces(tmp_path / "pieces", *CHUNKS)
    target = tmp_path / "model.gguf"
    ensure_joined(target, pieces, sha256=sha(WHOLE))
    stat = target.stat()
    target.write_bytes(WHOLE.replace(b"third", b"THIRD"))
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))

    with pytest.raises(WeightsError, match="digest does not match"):
        verify_file(target, sha256=sha(WHOLE), size=len(WHOLE))
    with pytest.raises(WeightsError, match="digest does not match"):
        ensure_joined(target, None, sha256=sha(WHOLE))


def test_a_damaged_file_is_rejoined_from_the_pieces(tmp_path: Path) -> None:
    pieces = make_pieces(tmp_path / "pieces", *CHUNKS)
    target = tmp_path / "model.gguf"
    ensure_joined(target, pieces, sha256=sha(WHOLE))
    target.write_bytes(b"truncated")

    ensure_joined(target, pieces, sha256=sha(WHOLE), size=len(WHOLE))

    assert target.read_bytes() == WHOLE
    verify_file(target, sha256=sha(WHOLE), size=len(WHOLE))


def test_missing_pieces_say_how_to_install_them(tmp_path: Path) -> None:
    with pytest.raises(WeightsError, match=r"not installed: run `make run`"):
        ensure_joined(tmp_path / "model.gguf", None, sha256=sha(WHOLE))


def test_pieces_are_found_in_installed_distributions_by_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = BundledModel("m", "M", "m.gguf", sha(WHOLE), len(WHOLE), ("dist-a", "dist-b"))
    installed = {
        ("dist-a", "part01.bin"): tmp_path / "a" / "part01.bin",
        ("dist-b", "part02.bin"): tmp_path / "b" / "part02.bin",
    }
    monkeypatch.setattr(
        local_weights, "find_installed_file", lambda dist, name: installed.get((dist, name))
    )
    assert find_pieces(model) == [tmp_path / "a" / "part01.bin", tmp_path / "b" / "part02.bin"]

    del installed[("dist-b", "part02.bin")]
    assert find_pieces(model) is None


def test_an_installed_distribution_file_is_located() -> None:
    located = local_weights.find_installed_file("pytest", "__init__.py")
    assert located is not None and located.is_file()
    assert local_weights.find_installed_file("no-such-distribution-xyz", "a.bin") is None
