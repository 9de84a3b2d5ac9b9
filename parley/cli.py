"""python -m parley serve | migrate | create-user | backup | openapi"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import logging
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from parley.config import Settings


def _serve(settings: Settings) -> None:
    import uvicorn

    from parley.app import create_app
    from parley.db.migrate import ensure_head

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    ensure_head(settings.resolved_database_url)
    uvicorn.run(
        create_app(settings, settle_heap=True),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
        access_log=settings.log_level == "debug",
        loop="uvloop",
        http="httptools",
        timeout_graceful_shutdown=5,
    )


def _migrate(settings: Settings) -> None:
    from parley.db.migrate import upgrade_to_head

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade_to_head(settings.resolved_database_url)
    print("Database is up to date.")


def _create_user(settings: Settings, args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from parley.db.engine import Database
    from parley.db.migrate import upgrade_to_head
    from parley.schemas.auth import Register
    from parley.services.errors import EmailTaken

    password = args.password or getpass.getpass("Password (8 characters or more): ")
    try:
        data = Register(email=args.email, password=password, name=args.name or args.email)
    except ValidationError as error:
        print(f"Invalid input: {error.errors()[0]['msg']}", file=sys.stderr)
        return 2
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade_to_head(settings.resolved_database_url)

    async def create() -> None:
        from parley.services.accounts import create_user

        db = Database(settings.resolved_database_url)
        try:
            user = await create_user(
                db,
                data.email,
                data.password,
                data.name,
                is_admin=True if args.admin else None,
            )
            role = "admin" if user.is_admin else "user"
            print(f"Created {role} {user.email}.")
        finally:
            await db.dispose()

    try:
        asyncio.run(create())
    except EmailTaken as error:
        print(error.message, file=sys.stderr)
        return 1
    return 0


def _backup(settings: Settings, args: argparse.Namespace) -> int:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target_dir = Path(args.output or settings.data_dir / "backups")
    target_dir.mkdir(parents=True, exist_ok=True)
    url = settings.resolved_database_url
    if settings.is_sqlite:
        source = Path(url.split("///", 1)[1])
        if not source.exists():
            print(f"No database at {source}.", file=sys.stderr)
            return 1
        target = target_dir / f"parley-{stamp}.db"
        # the online backup API copies a consistent snapshot while the server keeps writing
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        print(f"Backed up to {target}")
        return 0
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        print("pg_dump is not installed; install the PostgreSQL client tools.", file=sys.stderr)
        return 1
    target = target_dir / f"parley-{stamp}.dump"
    dsn = url.replace("postgresql+asyncpg://", "postgresql://", 1)
    subprocess.run([pg_dump, "--format=custom", f"--file={target}", dsn], check=True)
    print(f"Backed up to {target}")
    return 0


def _openapi(settings: Settings) -> None:
    from parley.app import create_app

    print(json.dumps(create_app(settings).openapi(), indent=2, sort_keys=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="parley", description="Parley, a self-hosted AI workspace."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="apply migrations, then serve the app")
    commands.add_parser("migrate", help="apply database migrations")
    create = commands.add_parser("create-user", help="create an account")
    create.add_argument("email")
    create.add_argument("--name")
    create.add_argument("--password", help="prompted for when omitted")
    create.add_argument("--admin", action="store_true", help="make the account an admin")
    backup = commands.add_parser("backup", help="write a consistent copy of the database")
    backup.add_argument("--output", help="directory for the backup (default: DATA_DIR/backups)")
    commands.add_parser("openapi", help="print the OpenAPI schema as JSON")
    args = parser.parse_args(argv)

    settings = Settings()
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if args.command == "serve":
        _serve(settings)
    elif args.command == "migrate":
        _migrate(settings)
    elif args.command == "create-user":
        return _create_user(settings, args)
    elif args.command == "backup":
        return _backup(settings, args)
    elif args.command == "openapi":
        _openapi(settings)
    return 0
