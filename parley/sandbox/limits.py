"""Resource limits of one run and their translation into rlimits."""

from __future__ import annotations

import math
from dataclasses import dataclass

MB = 1024 * 1024

# V8 reserves (but does not touch) about 700 MB of address space before running a line, so an
# address-space limit alone would stop Node from starting. JavaScript gets this much more address
# space and its heap is capped at memory_mb instead (see languages.py).
NODE_ADDRESS_SPACE_EXTRA_MB = 1024


@dataclass(frozen=True, slots=True)
class SandboxLimits:
    timeout_seconds: float = 10.0
    memory_mb: int = 512
    max_processes: int = 64
    max_output_bytes: int = 1024 * 1024
    max_file_mb: int = 64
    max_open_files: int = 256
    # The work directory is on the host's disk: without a total, many files each under
    # max_file_mb could fill it.
    max_disk_mb: int = 256
    # /tmp and /dev/shm are memory that no rlimit counts, so they are kept small.
    tmpfs_mb: int = 64
    # What comes back to the caller (and so into memory and the database).
    max_returned_files: int = 20
    max_returned_mb: int = 16

    def __post_init__(self) -> None:
        if self.timeout_seconds <= 0:
            raise ValueError("timeout_seconds must be positive")
        for name in (
            "memory_mb",
            "max_processes",
            "max_output_bytes",
            "max_file_mb",
            "max_open_files",
            "max_disk_mb",
            "tmpfs_mb",
            "max_returned_mb",
        ):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        if self.max_returned_files < 0:
            raise ValueError("max_returned_files must not be negative")


def rlimit_spec(
    limits: SandboxLimits, *, timeout_seconds: float, extra_address_space_mb: int
) -> str:
    """The launcher's argument: NAME=SOFT:HARD pairs, soft equal to hard except for CPU time."""
    # Processes may share two cores, so CPU time can legitimately outrun the wall clock; the
    # wall-clock timeout is what ends a run, this only backs it up. SIGXCPU at the soft limit
    # lets a program report it before SIGKILL at the hard one.
    cpu = math.ceil(timeout_seconds) * 2 + 1
    address_space = (limits.memory_mb + extra_address_space_mb) * MB
    pairs = {
        "CPU": (cpu, cpu + 1),
        "AS": (address_space, address_space),
        "NPROC": (limits.max_processes, limits.max_processes),
        "FSIZE": (limits.max_file_mb * MB, limits.max_file_mb * MB),
        "NOFILE": (limits.max_open_files, limits.max_open_files),
        # A core dump of a 512 MB process would land in the work directory.
        "CORE": (0, 0),
    }
    return ",".join(f"{name}={soft}:{hard}" for name, (soft, hard) in pairs.items())
