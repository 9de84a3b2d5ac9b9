"""The run's work directory on the host: measuring it, taking files out of it, removing it.

Everything in it was written by untrusted code, which may still be dying when we look: every walk
goes through directory descriptors with O_NOFOLLOW, so a symlink (or one swapped in mid-walk)
never leads the server outside the directory.
"""

from __future__ import annotations

import contextlib
import logging
import mimetypes
import os
import shutil
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from parley.sandbox.results import INLINE_IMAGE_TYPES, OutputFile

logger = logging.getLogger(__name__)

DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
# Past this many entries a walk stops: millions of empty files are a way to exhaust inodes and
# to make every walk slow.
MAX_ENTRIES = 10_000

MAGIC_NUMBERS = {
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "image/webp": (b"RIFF",),
}


@dataclass(frozen=True, slots=True)
class Entry:
    relative: str
    name: str
    parent_fd: int
    is_dir: bool
    is_file: bool
    blocks: int
    size: int


def _walk(root_fd: int, *, hidden: bool, limit: int | None = MAX_ENTRIES) -> Iterator[Entry]:
    """Every file and directory under root_fd, depth first; parent_fd is valid during the yield."""
    count = 0
    stack: list[tuple[int, str]] = [(os.dup(root_fd), "")]
    try:
        while stack:
            fd, prefix = stack.pop()
            try:
                with os.scandir(fd) as entries:
                    listed = list(entries)
                for entry in listed:
                    count += 1
                    if limit is not None and count > limit:
                        raise TooManyEntries
                    if not hidden and entry.name.startswith("."):
                        continue
                    try:
                        info = entry.stat(follow_symlinks=False)
                    except FileNotFoundError:
                        continue
                    relative = prefix + entry.name
                    is_dir = stat.S_ISDIR(info.st_mode)
                    is_file = stat.S_ISREG(info.st_mode)
                    yield Entry(
                        relative, entry.name, fd, is_dir, is_file, info.st_blocks, info.st_size
                    )
                    if is_dir and (child := _open_directory(entry.name, fd)) is not None:
                        stack.append((child, relative + "/"))
            finally:
                os.close(fd)
    finally:
        for fd, _ in stack:
            os.close(fd)


class TooManyEntries(Exception):
    pass


def _open_directory(name: str, parent_fd: int) -> int | None:
    """A descriptor for a subdirectory, even one the code made unreadable: when the server is not
    root, the code's files belong to the server's user, which may open them up again (else
    chmod 000 would hide a directory full of data from the disk watchdog)."""
    try:
        return os.open(name, DIR_FLAGS, dir_fd=parent_fd)
    except PermissionError:
        _chmod_directory(parent_fd, name)
    except OSError:
        return None
    try:
        return os.open(name, DIR_FLAGS, dir_fd=parent_fd)
    except OSError:
        return None


def _open_root(root: Path) -> int:
    try:
        return os.open(root, DIR_FLAGS)
    except PermissionError:
        # The work directory itself is only a mount point inside the sandbox: its host path
        # cannot have been swapped for a symlink, so chmod by name is safe here.
        os.chmod(root, 0o700)
        return os.open(root, DIR_FLAGS)


def disk_usage(root: Path) -> int | None:
    """Bytes on disk under root, or None when it holds more entries than a run may create."""
    root_fd = _open_root(root)
    try:
        return sum(entry.blocks * 512 for entry in _walk(root_fd, hidden=True))
    except TooManyEntries:
        return None
    finally:
        os.close(root_fd)


def collect_files(
    root: Path, *, max_files: int, max_total_bytes: int
) -> tuple[list[OutputFile], list[str]]:
    """Regular files left in the work directory (hidden ones skipped), in name order, within the
    caps; the names of those that did not fit come second."""
    root_fd = _open_root(root)
    try:
        candidates: list[tuple[str, int]] = []
        try:
            for entry in _walk(root_fd, hidden=False):
                if entry.is_file:
                    candidates.append((entry.relative, entry.size))
        except TooManyEntries:
            pass  # what was found so far still comes back
        files: list[OutputFile] = []
        omitted: list[str] = []
        budget = max_total_bytes
        for relative, size in sorted(candidates):
            if len(files) >= max_files or size > budget:
                omitted.append(relative)
                continue
            data = _read_regular_file(root_fd, relative, size)
            if data is None:
                continue
            budget -= len(data)
            files.append(OutputFile(relative, mime_type(relative, data), len(data), data))
        return files, omitted
    finally:
        os.close(root_fd)


def _read_regular_file(root_fd: int, relative: str, size: int) -> bytes | None:
    """At most `size` bytes of root/relative, reached without following any symlink."""
    *directories, name = relative.split("/")
    parent_fd = os.dup(root_fd)
    try:
        for directory in directories:
            next_fd = os.open(directory, DIR_FLAGS, dir_fd=parent_fd)
            os.close(parent_fd)
            parent_fd = next_fd
        fd = os.open(name, FILE_FLAGS, dir_fd=parent_fd)
    except OSError:
        return None  # replaced by a symlink, a FIFO or nothing since the walk
    finally:
        os.close(parent_fd)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        chunks: list[bytes] = []
        remaining = size
        while remaining > 0 and (chunk := os.read(fd, min(remaining, 1 << 20))):
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def mime_type(name: str, data: bytes) -> str:
    guessed, _ = mimetypes.guess_type(name, strict=False)
    if guessed is None:
        return "application/octet-stream"
    # The web client shows these inline; one whose bytes do not match its name is not an image.
    if guessed in INLINE_IMAGE_TYPES and not data.startswith(MAGIC_NUMBERS[guessed]):
        return "application/octet-stream"
    return guessed


def remove_tree(root: Path) -> None:
    try:
        shutil.rmtree(root)
        return
    except FileNotFoundError:
        return
    except OSError:
        pass
    # The code may have made directories unreadable or unwritable to us (when the server is not
    # root). They belong to the server's user, so it can open them up again.
    with contextlib.suppress(OSError):
        root_fd = _open_root(root)
        try:
            for entry in _walk(root_fd, hidden=True, limit=None):
                if entry.is_dir:
                    _chmod_directory(entry.parent_fd, entry.name)
        finally:
            os.close(root_fd)
    try:
        shutil.rmtree(root)
    except OSError as exc:
        logger.warning("could not remove sandbox work directory %s: %s", root, exc)


def _chmod_directory(parent_fd: int, name: str) -> None:
    # chmod by name would follow a symlink swapped in for the directory (onto a host file, as
    # root); an O_PATH descriptor opened with O_NOFOLLOW pins the directory itself.
    try:
        fd = os.open(
            name, os.O_PATH | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=parent_fd
        )
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.chmod(f"/proc/self/fd/{fd}", 0o700)
    finally:
        os.close(fd)
