"""Sandbox: runs untrusted code under bubblewrap with limits, and hands back what it produced."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parley.sandbox import files, seccomp
from parley.sandbox.bwrap import SandboxSpec, find_bwrap, generated_etc, under_system_dirs
from parley.sandbox.languages import (
    CODE_FILES,
    MPLCONFIG_DIR,
    Language,
    Runtimes,
    code_environment,
    interpreter_in,
    parse_language,
    venv_base,
)
from parley.sandbox.limits import NODE_ADDRESS_SPACE_EXTRA_MB, SandboxLimits, rlimit_spec
from parley.sandbox.output import OutputCallback
from parley.sandbox.results import UNAVAILABLE, ExecutionResult, SandboxUnavailable
from parley.sandbox.supervisor import read_started, supervise
from parley.sandbox.watchdog import Watchdog

if TYPE_CHECKING:
    from parley.config import Settings

LAUNCHER_SOURCE = Path(__file__).with_name("launcher.py").read_text()
# RLIMIT_NPROC does not bind a process whose real user is root, whatever its uid inside the user
# namespace. A server running as root therefore starts bwrap as this unprivileged user.
UNPRIVILEGED_UID = 65534
UNPRIVILEGED_GID = 65534
PROBE_TIMEOUT_SECONDS = 15.0
NO_NAMESPACES = (
    "the kernel refused to create the isolated namespaces the sandbox needs. Allow unprivileged "
    "user namespaces (sysctl user.max_user_namespaces > 0, kernel.unprivileged_userns_clone=1; "
    "on Ubuntu 24.04 an AppArmor profile that permits bwrap) or run Parley in a container that "
    "permits them. Parley never runs code outside the sandbox."
)


# a file to show the code: its name under UPLOADS_DIR, and what writes its bytes to a path
SandboxInput = tuple[str, Callable[[Path], None]]


class Sandbox:
    """One per server (made at start-up, shared by every request): check() once to learn whether
    code can run here at all, then run() for each execution, concurrently as needed."""

    def __init__(
        self,
        *,
        bwrap_path: str | None,
        python_env: Path,
        limits: SandboxLimits,
        max_timeout_seconds: float,
        work_root: Path | None = None,
        node_path: Path | None = None,
    ) -> None:
        if max_timeout_seconds <= 0:
            raise ValueError("max_timeout_seconds must be positive")
        self.max_timeout_seconds = max_timeout_seconds
        self.limits = replace(
            limits, timeout_seconds=min(limits.timeout_seconds, max_timeout_seconds)
        )
        self.python_env = python_env.resolve()
        self.work_root = (work_root or Path(tempfile.gettempdir())).resolve()
        self._bwrap, self._bwrap_missing = find_bwrap(bwrap_path)
        node = node_path or _which("node")
        self.runtimes = Runtimes(
            python=interpreter_in(self.python_env),
            node=node.resolve() if node else None,
            bash=_which("bash"),
        )
        self._refusal: str | None = None
        self._probe_lock = threading.Lock()
        self._probed = False
        self._probe_result: str | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> Sandbox:
        limits = SandboxLimits(
            timeout_seconds=settings.sandbox_timeout_seconds,
            memory_mb=settings.sandbox_memory_mb,
            max_processes=settings.sandbox_max_processes,
            max_output_bytes=settings.sandbox_max_output_bytes,
            max_file_mb=settings.sandbox_max_file_mb,
            max_disk_mb=max(SandboxLimits().max_disk_mb, 4 * settings.sandbox_max_file_mb),
        )
        sandbox = cls(
            bwrap_path=settings.sandbox_bwrap,
            python_env=settings.sandbox_python,
            limits=limits,
            max_timeout_seconds=settings.sandbox_max_timeout_seconds,
        )
        data_dir = settings.data_dir.resolve()
        if sandbox.work_root == data_dir or data_dir in sandbox.work_root.parents:
            sandbox._refusal = (
                f"the temporary directory {sandbox.work_root} is inside PARLEY_DATA_DIR; point "
                "TMPDIR elsewhere so that sandboxed code never shares a disk area with the database"
            )
        return sandbox

    def check(self) -> str | None:
        """None when code can run here, else why not (a sentence for an admin). The probe runs once."""
        if self._refusal is not None:
            return UNAVAILABLE + self._refusal
        with self._probe_lock:
            if not self._probed:
                self._probe_result = self._probe()
                self._probed = True
            return self._probe_result

    def languages(self) -> list[Language]:
        return [language for language in CODE_FILES if self.runtimes.missing(language) is None]

    async def run(
        self,
        language: str,
        code: str,
        *,
        timeout_seconds: float | None = None,
        on_output: OutputCallback | None = None,
        inputs: Sequence[SandboxInput] = (),
    ) -> ExecutionResult:
        """Run `code` and wait for it. A timeout above max_timeout_seconds is lowered to it.
        `inputs` (name, writer) appear read-only under UPLOADS_DIR: each writer puts its file's
        bytes at the path it is given.

        Raises UnsupportedLanguage, SandboxUnavailable, or ValueError for a timeout <= 0.
        """
        parsed = parse_language(language)
        timeout = self._timeout(timeout_seconds)
        if not self._probed or self._refusal is not None:
            reason = await asyncio.to_thread(self.check)
        else:
            reason = self._probe_result
        if reason is not None:
            raise SandboxUnavailable(reason)
        missing = self.runtimes.missing(parsed)
        if missing is not None:
            raise SandboxUnavailable(missing)
        extra_address_space = NODE_ADDRESS_SPACE_EXTRA_MB if parsed == "javascript" else 0
        limits = rlimit_spec(
            self.limits, timeout_seconds=timeout, extra_address_space_mb=extra_address_space
        )
        program = self.runtimes.command(parsed, memory_mb=self.limits.memory_mb)
        inputs_dir: Path | None = None
        try:
            work_dir = self._make_work_dir()
        except OSError as exc:
            raise SandboxUnavailable(
                f"{UNAVAILABLE}no work directory could be made under {self.work_root}: {exc}"
            ) from exc
        try:
            if inputs:
                inputs_dir = await asyncio.to_thread(self._make_inputs_dir, inputs)
            return await self._execute(
                program,
                limits,
                CODE_FILES[parsed],
                code.encode(),
                work_dir,
                timeout,
                on_output,
                inputs_dir,
            )
        finally:
            await asyncio.to_thread(files.remove_tree, work_dir)
            if inputs_dir is not None:
                await asyncio.to_thread(shutil.rmtree, inputs_dir, True)

    def _make_inputs_dir(self, inputs: Sequence[SandboxInput]) -> Path:
        """The attachments' directory: the server's own (the code cannot add to it), readable by
        everyone, each file written by its writer (a hard link to the stored blob where the
        store and the temporary root share a disk, else a copy)."""
        path = Path(tempfile.mkdtemp(prefix="parley-inputs-", dir=self.work_root))
        os.chmod(path, 0o755)
        for name, write in inputs:
            if not name or "/" in name or name in (".", "..") or "\0" in name:
                raise ValueError(f"not a file name: {name!r}")
            target = path / name
            write(target)
            if target.stat().st_nlink == 1:
                os.chmod(target, 0o444)
        return path

    def _timeout(self, requested: float | None) -> float:
        if requested is None:
            return self.limits.timeout_seconds
        if requested <= 0:
            raise ValueError("timeout_seconds must be positive")
        return min(requested, self.max_timeout_seconds)

    def _launch(self, program: list[str], limits: str, started_fd: int) -> list[str]:
        launcher = [str(self.runtimes.python), "-I", "-S", "-c", LAUNCHER_SOURCE]
        return [*launcher, limits, str(started_fd), *program]

    def _make_work_dir(self, prefix: str = "parley-sandbox-") -> Path:
        """A fresh directory under the temporary root (never the data directory), writable by the
        user the code runs as and by nobody else."""
        path = Path(tempfile.mkdtemp(prefix=prefix, dir=self.work_root))
        if os.geteuid() == 0:
            try:
                os.chown(path, UNPRIVILEGED_UID, UNPRIVILEGED_GID)
            except OSError:
                files.remove_tree(path)
                raise
        return path

    async def _execute(
        self,
        program: list[str],
        limits: str,
        code_path: str,
        code: bytes,
        work_dir: Path,
        wall_seconds: float,
        on_output: OutputCallback | None,
        inputs_dir: Path | None = None,
    ) -> ExecutionResult:
        started_read, started_write = os.pipe()
        info_read, info_write = os.pipe()
        os.set_blocking(started_read, False)
        os.set_blocking(info_read, False)
        opened: list[int] = [started_read, info_read, started_write, info_write]
        try:
            command = self._launch(program, limits, started_write)
            spec = self._spec(command, code_path, code, work_dir, opened, info_fd=info_write)
            spec.inputs_dir = inputs_dir
            begin = time.monotonic()
            try:
                argv, as_user = _unprivileged(spec.argv())
                process = await asyncio.create_subprocess_exec(
                    *argv,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    pass_fds=(*spec.passed_fds(), started_write),
                    # bwrap's own environment, which its PID 1 keeps: nothing of the server's.
                    env={},
                    start_new_session=True,
                    **as_user,
                )
            except OSError as exc:
                raise SandboxUnavailable(
                    f"{UNAVAILABLE}bwrap at {spec.bwrap} could not be started: {exc}"
                ) from exc
            for fd in opened[2:]:
                os.close(fd)
            del opened[2:]
            return await supervise(
                process,
                started_read=started_read,
                watchdog=Watchdog(work_dir, self.limits, info_read),
                limits=self.limits,
                wall_seconds=wall_seconds,
                begin=begin,
                on_output=on_output,
            )
        finally:
            for fd in opened:
                os.close(fd)

    def _spec(
        self,
        command: list[str],
        code_path: str,
        code: bytes,
        work_dir: Path,
        opened: list[int],
        info_fd: int | None = None,
    ) -> SandboxSpec:
        """Opens every descriptor the spec names; they are appended to `opened` for closing."""

        def data_fd(content: bytes) -> int:
            fd = os.memfd_create("parley-sandbox", os.MFD_CLOEXEC)
            opened.append(fd)
            os.write(fd, content)
            os.lseek(fd, 0, os.SEEK_SET)
            return fd

        data = [(data_fd(text.encode()), dest) for dest, text in generated_etc().items()]
        data.append((data_fd(code), code_path))
        program = seccomp.filter_program()
        return SandboxSpec(
            bwrap=self._bwrap or Path("bwrap"),
            command=command,
            environment=code_environment(self.python_env),
            work_dir=work_dir,
            tmp_size_mb=self.limits.tmpfs_mb,
            readonly_binds=self._readonly_binds(),
            data_fds=data,
            seccomp_fd=data_fd(program) if program is not None else None,
            info_fd=info_fd,
        )

    def _readonly_binds(self) -> list[tuple[Path, str]]:
        """Interpreter trees outside the system directories, each at its host path: a venv
        records its base interpreter by absolute path. A copy of that base made by the install
        script (because bwrap's user cannot reach the original) stands in for it."""
        binds: list[tuple[Path, str]] = [(self.python_env, str(self.python_env))]
        copy = self.python_env / "base"
        for base in venv_base(self.python_env):
            binds.append((copy if copy.is_dir() else base, str(base)))
        fonts = self.python_env / "mplconfig"
        if fonts.is_dir():
            binds += [
                (path, f"{MPLCONFIG_DIR}/{path.name}") for path in fonts.glob("fontlist-*.json")
            ]
        if self.runtimes.node is not None:
            prefix = self.runtimes.node.parent.parent
            binds.append((prefix, str(prefix)))
        unique: list[tuple[Path, str]] = []
        for source, dest in binds:
            if not under_system_dirs(Path(dest)) and dest not in (d for _, d in unique):
                unique.append((source, dest))
        return unique

    def _probe(self) -> str | None:
        if self._bwrap is None:
            return UNAVAILABLE + self._bwrap_missing
        if not os.access(self._bwrap, os.X_OK):
            # said here because setpriv, which starts bwrap for a root server, would only exit 127
            return f"{UNAVAILABLE}bwrap at {self._bwrap} could not be started: no such executable"
        if not os.path.lexists(self.runtimes.python):
            return (
                f"{UNAVAILABLE}the sandbox's Python environment is missing at {self.python_env}; "
                "run `make sandbox` (scripts/install-sandbox.sh) or set PARLEY_SANDBOX_PYTHON"
            )
        started_read, started_write = os.pipe()
        opened = [started_read, started_write]
        command = self._launch(
            [str(self.runtimes.python), "-I", "-S", "-c", ""],
            rlimit_spec(self.limits, timeout_seconds=5, extra_address_space_mb=0),
            started_write,
        )
        try:
            path = self._make_work_dir("parley-sandbox-probe-")
        except OSError as exc:
            for fd in opened:
                os.close(fd)
            return f"{UNAVAILABLE}no work directory could be made under {self.work_root}: {exc}"
        try:
            spec = self._spec(command, CODE_FILES["python"], b"", path, opened)
            argv, as_user = _unprivileged(spec.argv())
            completed = subprocess.run(
                argv,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                pass_fds=(*spec.passed_fds(), started_write),
                env={},
                timeout=PROBE_TIMEOUT_SECONDS,
                check=False,
                **as_user,
            )
        except OSError as exc:
            return (
                f"{UNAVAILABLE}bwrap at {self._bwrap} could not be started: {exc}{_as_root_hint()}"
            )
        except subprocess.TimeoutExpired:
            return f"{UNAVAILABLE}bwrap at {self._bwrap} did not finish a trivial run"
        finally:
            os.close(started_write)
            opened.remove(started_write)
            os.set_blocking(started_read, False)
            started = read_started(started_read)
            for fd in opened:
                os.close(fd)
            files.remove_tree(path)
        if started and completed.returncode == 0:
            return None
        said = (
            completed.stderr.decode(errors="replace").strip()
            or f"exit status {completed.returncode}"
        )
        if not started and _looks_like_namespace_failure(said):
            return f"{UNAVAILABLE}{NO_NAMESPACES} (bwrap said: {said})"
        if "Unknown option" in said:
            return (
                f"{UNAVAILABLE}bwrap at {self._bwrap} is too old (0.8 or newer is needed): {said}"
            )
        return (
            f"{UNAVAILABLE}the sandbox could not start (bwrap at {self._bwrap} said: {said})"
            f"{_as_root_hint()}"
        )


def _as_root_hint() -> str:
    if os.geteuid() != 0:
        return ""
    return (
        f". Parley runs as root, so bwrap runs as uid {UNPRIVILEGED_UID}, which must be able to "
        "reach bwrap, the sandbox environment and the temporary directory"
    )


def _looks_like_namespace_failure(message: str) -> bool:
    lowered = message.lower()
    return any(
        hint in lowered
        for hint in ("namespace", "operation not permitted", "uid map", "setting up uid", "clone")
    )


def _unprivileged(argv: list[str]) -> tuple[list[str], dict[str, Any]]:
    """The command and Popen arguments that start bwrap as an unprivileged user when the server
    is root (RLIMIT_NPROC does not bind uid 0). util-linux's setpriv drops the ids in the child;
    uvloop, which serves Parley in production, rejects Popen's user/group arguments."""
    if os.geteuid() != 0:
        return argv, {}
    if setpriv := shutil.which("setpriv"):
        ids = [f"--reuid={UNPRIVILEGED_UID}", f"--regid={UNPRIVILEGED_GID}", "--clear-groups"]
        return [setpriv, *ids, "--", *argv], {}
    return argv, {"user": UNPRIVILEGED_UID, "group": UNPRIVILEGED_GID, "extra_groups": []}


def _which(name: str) -> Path | None:
    found = shutil.which(name)
    return Path(found) if found else None
