"""Where the kernel will not create the namespaces, code is refused with a reason, never run bare."""

from __future__ import annotations

import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from parley.sandbox import Sandbox, SandboxLimits, SandboxUnavailable
from parley.sandbox.bwrap import find_bwrap
from tests.sandbox.conftest import SANDBOX_ENV


@pytest.fixture
def bin_dir() -> Iterator[Path]:
    # Reachable by the unprivileged user bwrap runs as when the tests run as root.
    path = Path(tempfile.mkdtemp(prefix="parley-fake-bwrap-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path)


def sandbox_with(bwrap: str) -> Sandbox:
    return Sandbox(
        bwrap_path=bwrap, python_env=SANDBOX_ENV, limits=SandboxLimits(), max_timeout_seconds=10
    )


def bwrap_without_user_namespaces(bin_dir: Path) -> str:
    """The real bwrap, started inside a user namespace that allows no nested one: the kernel
    refuses it exactly as on a host without unprivileged user namespaces."""
    real, _ = find_bwrap(None)
    assert real is not None
    script = bin_dir / "bwrap"
    script.write_text(
        f'#!/bin/sh\nexec {real} --unshare-user --disable-userns --dev-bind / / -- {real} "$@"\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return str(script)


async def test_no_namespaces_means_refused_with_the_reason(bin_dir: Path) -> None:
    marker = bin_dir / "ran-unsandboxed"
    sandbox = sandbox_with(bwrap_without_user_namespaces(bin_dir))
    reason = sandbox.check()
    assert reason is not None
    assert "namespaces" in reason and "never runs code outside the sandbox" in reason
    assert "bwrap said" in reason
    with pytest.raises(SandboxUnavailable) as refused:
        await sandbox.run("python", f"open({str(marker)!r}, 'w')")
    assert str(refused.value) == reason
    assert not marker.exists()


async def test_missing_bwrap_is_refused(bin_dir: Path) -> None:
    sandbox = sandbox_with(str(bin_dir / "no-such-bwrap"))
    reason = sandbox.check()
    assert reason is not None and "could not be started" in reason
    with pytest.raises(SandboxUnavailable):
        await sandbox.run("bash", "echo hi")


async def test_missing_python_environment_is_refused(tmp_path: Path) -> None:
    sandbox = Sandbox(
        bwrap_path=None,
        python_env=tmp_path / "no-env",
        limits=SandboxLimits(),
        max_timeout_seconds=10,
    )
    reason = sandbox.check()
    assert reason is not None and "make sandbox" in reason


async def test_the_probe_runs_once(bin_dir: Path) -> None:
    sandbox = sandbox_with(bwrap_without_user_namespaces(bin_dir))
    first = sandbox.check()
    (bin_dir / "bwrap").unlink()
    assert sandbox.check() == first
