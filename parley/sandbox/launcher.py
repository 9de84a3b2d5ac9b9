"""The first program run inside the sandbox: it applies the resource limits, then becomes the code.

It runs as `python -I -S -c <this source>` under the sandbox's own interpreter, so it must import
nothing but the standard library and nothing of Parley. The limits are set from inside because
setting them on another process from the host needs CAP_SYS_RESOURCE, which the server may lack.

argv: [limits, started_fd, program, arg, ...], where limits is "NAME=SOFT:HARD,..." (RLIMIT_ names
without the prefix) and started_fd a pipe to the host, written once the limits hold: the host tells
a sandbox that failed to start (bwrap's own error) from code that failed with this byte.
"""

from __future__ import annotations

import contextlib
import os
import resource
import sys

NICENESS = 10


def apply_limits(spec: str) -> None:
    for item in spec.split(","):
        name, _, values = item.partition("=")
        soft, _, hard = values.partition(":")
        resource.setrlimit(getattr(resource, "RLIMIT_" + name), (int(soft), int(hard)))


def main(argv: list[str]) -> None:
    spec, started_fd, program = argv[1], int(argv[2]), argv[3:]
    try:
        apply_limits(spec)
    except (OSError, ValueError, AttributeError) as exc:
        # Without its limits the code must not run at all.
        sys.stderr.write(f"sandbox: could not apply resource limits: {exc}\n")
        os._exit(125)
    # Below the server's priority: a run that spins every core still leaves the server a share
    # of the CPU (the wall-clock timeout bounds how long).
    os.nice(NICENESS)
    os.write(started_fd, b"1")
    # Any descriptor bwrap or the host let through (the status pipe above included) would let
    # the code talk to the host outside stdout and stderr.
    for name in os.listdir("/proc/self/fd"):
        if int(name) > 2:
            # One of them is listdir's own descriptor, closed by the time we get to it.
            with contextlib.suppress(OSError):
                os.close(int(name))
    os.umask(0o022)
    try:
        os.execv(program[0], program)
    except OSError as exc:
        sys.stderr.write(f"sandbox: could not start {program[0]}: {exc}\n")
        os._exit(127)


if __name__ == "__main__":
    main(sys.argv)
