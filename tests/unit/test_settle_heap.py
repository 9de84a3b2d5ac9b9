"""`serve` freezes the start-up heap once the providers have loaded; other apps leave the GC be."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CODE = """
import gc, sys, time
from fastapi.testclient import TestClient
from parley.app import create_app
from parley.db.migrate import ensure_head
from parley.config import Settings

settings = Settings()
ensure_head(settings.resolved_database_url)
with TestClient(create_app(settings, settle_heap=sys.argv[1] == "yes")) as client:
    # the providers start loading half a second after start-up
    deadline = time.monotonic() + (10 if sys.argv[1] == "yes" else 2)
    while gc.get_freeze_count() == 0 and time.monotonic() < deadline:
        client.get("/api/health")
        time.sleep(0.05)
    print(gc.get_freeze_count())
"""


@pytest.mark.parametrize("settle", ["yes", "no"])
def test_serve_freezes_the_start_up_heap(tmp_path: Path, settle: str) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PARLEY_", "ANTHROPIC_", "OPENAI_"))
    }
    env.update(PARLEY_DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", CODE, settle],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr
    frozen = int(result.stdout.split()[-1])
    if settle == "yes":
        assert frozen > 100_000  # modules, schemas, the SDKs: most of the heap
    else:
        assert frozen == 0
