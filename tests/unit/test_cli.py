"""python -m parley create-user | backup | migrate | openapi, as an operator runs them."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def parley(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PARLEY_", "ANTHROPIC_", "OPENAI_"))
    }
    env["PARLEY_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "parley", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_create_user_then_backup_gives_a_consistent_copy(tmp_path: Path) -> None:
    first = parley(
        tmp_path, "create-user", "Admin@Example.com", "--name", "Ada", "--password", "longenough"
    )
    assert first.returncode == 0, first.stderr
    assert "Created admin admin@example.com" in first.stdout
    second = parley(tmp_path, "create-user", "bob@example.com", "--password", "longenough")
    assert "Created user bob@example.com" in second.stdout
    again = parley(tmp_path, "create-user", "bob@example.com", "--password", "longenough")
    assert again.returncode == 1 and "already exists" in again.stderr
    short = parley(tmp_path, "create-user", "c@example.com", "--password", "short")
    assert short.returncode == 2 and "at least 8 characters" in short.stderr

    backup = parley(tmp_path, "backup", "--output", str(tmp_path / "out"))
    assert backup.returncode == 0, backup.stderr
    (copy,) = (tmp_path / "out").glob("parley-*.db")
    with sqlite3.connect(copy) as db:
        rows = db.execute("select email, is_admin from users order by email").fetchall()
    assert rows == [("admin@example.com", 1), ("bob@example.com", 0)]


def test_migrate_is_idempotent_and_openapi_documents_the_run_events(tmp_path: Path) -> None:
    assert parley(tmp_path, "migrate").returncode == 0
    assert "up to date" in parley(tmp_path, "migrate").stdout
    schema = json.loads(parley(tmp_path, "openapi").stdout)
    assert "/api/runs/{run_id}/events" in schema["paths"]
    names = set(schema["components"]["schemas"])
    assert {"MessageStart", "TextDelta", "ThinkingDelta", "MessageStop", "Title", "Queued"} <= names


def test_head_revision_constant_matches_the_migrations() -> None:
    from alembic.script import ScriptDirectory

    from parley.db.migrate import HEAD_REVISION, alembic_config

    assert (
        ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head() == HEAD_REVISION
    )


def test_an_unmigrated_database_is_refused_with_instructions(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PARLEY_", "ANTHROPIC_"))}
    env.update(PARLEY_DATA_DIR=str(tmp_path), PARLEY_PORT="1")
    code = "from parley.app import create_app; from fastapi.testclient import TestClient\n"
    code += "with TestClient(create_app()): pass"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "run `python -m parley migrate`" in result.stderr


def test_serve_migrates_only_when_behind_and_starts_without_alembic_or_redis(
    tmp_path: Path,
) -> None:
    """`serve` checks the revision with one query; Alembic (with Mako and Pygments) and the Redis
    client are imported only when they are used, which keeps ~20 MB out of an idle server; so are
    the file parsers and the embedding model's numpy, tokenizers and safetensors (~25 MB)."""
    code = (
        "import sys\n"
        "from parley.config import Settings\n"
        "from parley.db.migrate import ensure_head\n"
        "url = Settings().resolved_database_url\n"
        "ensure_head(url)\n"
        "print('alembic after ensure_head:', 'alembic' in sys.modules)\n"
        "from parley.app import create_app\n"
        "from fastapi.testclient import TestClient\n"
        "with TestClient(create_app()) as client:\n"
        "    assert client.get('/api/health').status_code == 200\n"
        "print('loaded:', sorted({'alembic', 'mako', 'pygments', 'redis', 'PIL', 'puremagic',"
        " 'pypdfium2', 'docx', 'openpyxl', 'pptx', 'lxml', 'boto3', 'numpy', 'tokenizers',"
        " 'safetensors'} & set(sys.modules)))\n"
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PARLEY_", "ANTHROPIC_", "OPENAI_"))
    }
    env.update(PARLEY_DATA_DIR=str(tmp_path))

    def run() -> list[str]:
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.splitlines()

    # a fresh data directory is migrated (Alembic runs), and the server starts on it
    first = run()
    assert first[0] == "alembic after ensure_head: True"
    assert "'alembic'" in first[1]
    # once at head, nothing of Alembic or Redis is loaded
    assert run() == ["alembic after ensure_head: False", "loaded: []"]
