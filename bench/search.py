"""Full-text search: query latency over a large generated corpus, and what indexing costs a write.

    .venv/bin/python bench/search.py [--part search|write ...] [--db sqlite|postgres ...]
                                     [--runs 3] [--json out.json]

Both parts run on SQLite and on PostgreSQL (a scratch database on `--pg-dsn`'s server, dropped
afterwards), each on a database migrated to head, so the migration's triggers keep the index.

search: a seeded corpus (`--conversations` × `--messages`, default 2,000 × 50 = 100,000 messages,
  prose drawn from a Zipf-distributed vocabulary: a few hundred real words at the head, synthetic
  words in the long tail, a few words with diacritics) owned by `--users` people, the searching one
  owning `--share` of it. It is loaded through the real tables with executemany inside
  transactions, so the triggers fill the index as they do for every write. Then, per run, every
  query of a mix (common, rare and two words, prefixes, diacritics, the second page, a project's
  conversations) is timed `--repeats` times through `services.search.search_conversations` and
  through HTTP (`GET /api/search` of a `python -m parley serve` on the same database).
write: two fresh databases, one with the search triggers and one where they are dropped; timed
  alternately, one transaction each: inserting a finished message, and turning a streaming answer
  into a finished one (how an answer reaches the index), plus an executemany of `--batch`
  messages; microseconds per message, with and without the index.

Parts are functions in PARTS, so that others (knowledge retrieval) can be added beside them.
Prints tables; `--json` writes the machine, every run and the medians. Results: docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import math
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import asyncpg  # type: ignore[import-untyped]
import httpx
from sqlalchemy import Executable, insert, text, update
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.web_budget import parley_process  # noqa: E402
from parley.db.engine import Database  # noqa: E402
from parley.db.migrate import upgrade_to_head  # noqa: E402
from parley.db.models import Conversation, Message, Project, User  # noqa: E402
from parley.security.passwords import hash_password  # noqa: E402
from parley.services.context import AppContext  # noqa: E402
from parley.services.search import search_conversations  # noqa: E402
from parley.services.snippets import query_terms  # noqa: E402
from tests.fakes.llm_server import LLMFake  # noqa: E402

PASSWORD = "bench password 1"
SEARCH_TRIGGERS = (
    "search_messages_ai",
    "search_messages_au",
    "search_conversations_ai",
    "search_conversations_au",
)

# The head of the vocabulary, roughly in order of frequency in chat about software and work;
# a few words carry diacritics ("café" and its plain spelling "cafe" are both in it).
HEAD_TEXT = """
the of and to a in is you that it for this be with on are as can or your not have if will
an by from at use we but all more which so one was they there do has what when should also
data code function file can't example then here these like how each need value would other
some into may set time its use out any only new first make just error using return than
way them their our see type list call server test run user model query database table
name system change version python line note where could both well because same value string
class most before api request response object key method also step case check result two
default output input create work config configuration container connection context content
contains consider control convert project process problem provide production program property
deployment deploy deployed deploying developer development development design document
update support simple number state start stop build package module import script command
environment variable option options message event events service services client local remote
build cache memory performance index search page text format json yaml schema field fields
path directory folder log logs logging thread threads async await task tasks queue worker
network port host address token auth password session cookie header headers body status
docker image kubernetes cluster node pod volume storage disk backup restore migration
report meeting budget plan team customer quarter revenue sales market price cost costs
week month year today tomorrow morning evening travel trip hotel flight train city
café restaurant coffee menu dinner lunch breakfast recipe kitchen garden weather
write read review draft edit summary summarise letter email reply question answer idea
cafe naïve résumé zürich münchen señor façade über
"""
HEAD_WORDS = HEAD_TEXT.split()

CONSONANTS = ["b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br"]
CONSONANTS += ["ch", "cr", "dr", "fl", "gr", "pl", "pr", "sh", "st", "th", "tr", "qu", "sp"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"]

# (kind, query, query parameters); `{rare1}` etc. are synthetic words picked by frequency rank
QUERIES: list[tuple[str, str, dict[str, str]]] = [
    ("common word", "the", {}),
    ("common word", "data", {}),
    ("common word", "function", {}),
    ("rare word", "{rare1}", {}),
    ("rare word", "{rare2}", {}),
    ("rare word", "{rare3}", {}),
    ("rare word", "{uncommon}", {}),
    ("two words", "database error", {}),
    ("two words", "the python", {}),
    ("two words", "server {rare1}", {}),
    ("prefix", "deplo", {}),
    ("prefix", "con", {}),
    ("prefix", "{rare_prefix}", {}),
    ("diacritics", "café", {}),
    ("diacritics", "cafe", {}),
    ("diacritics", "zurich", {}),
    ("no match", "qxzvwk", {}),
    ("second page", "data", {"page": "2"}),
    ("in a project", "data", {"project": "1"}),
]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def machine(commit: str | None) -> dict[str, Any]:
    commit = (
        commit
        or subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    )
    return {
        "nproc": os.cpu_count(),
        "mem_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "loadavg": os.getloadavg(),
        "commit": commit,
        "python": sys.version.split()[0],
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
    }


class Vocabulary:
    """HEAD_WORDS then synthetic words, drawn with weight 1/rank (Zipf, s = 1)."""

    def __init__(self, rng: random.Random, size: int) -> None:
        words = list(dict.fromkeys(HEAD_WORDS))
        seen = set(words)
        while len(words) < size:
            word = "".join(
                rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(rng.randint(2, 4))
            )
            if word not in seen and not any(word.startswith(w) for w in ("the", "con", "deplo")):
                seen.add(word)
                words.append(word)
        self.words = words
        self.cumulative = list(itertools.accumulate(1 / rank for rank in range(1, size + 1)))
        self.rng = rng

    def prose(self, count: int) -> str:
        drawn = self.rng.choices(self.words, cum_weights=self.cumulative, k=count)
        sentences = []
        position = 0
        while position < count:
            length = self.rng.randint(6, 22)
            sentence = drawn[position : position + length]
            position += length
            if len(sentence) > 8 and self.rng.random() < 0.4:
                sentence[len(sentence) // 2] += ","
            sentences.append(" ".join(sentence).capitalize() + ".")
        paragraphs = []
        for start in range(0, len(sentences), 5):
            paragraphs.append(" ".join(sentences[start : start + 5]))
        return "\n\n".join(paragraphs)

    def placeholders(self) -> dict[str, str]:
        ranks = {"uncommon": 2_000, "rare1": 30_000, "rare2": 60_000, "rare3": len(self.words)}
        values = {name: self.words[rank - 1] for name, rank in ranks.items()}
        values["rare_prefix"] = self.words[5_000][:4]
        return values


def message_words(rng: random.Random, role: str) -> int:
    # chat: questions are short, answers several paragraphs (lognormal lengths, capped)
    if role == "user":
        return max(3, min(400, int(rng.lognormvariate(math.log(25), 0.8))))
    return max(10, min(900, int(rng.lognormvariate(math.log(150), 0.6))))


@dataclass
class Corpus:
    users: list[dict[str, Any]]
    searcher: dict[str, Any]
    projects: list[dict[str, Any]]
    conversations: list[dict[str, Any]] = field(default_factory=list)
    messages: int = 0
    words: int = 0


async def build_users(rng: random.Random, count: int) -> list[dict[str, Any]]:
    password_hash = await hash_password(PASSWORD)
    now = datetime.now(UTC)
    return [
        {
            "id": f"{rng.getrandbits(128):032x}",
            "email": f"bench-{i}-{secrets.token_hex(3)}@example.com",
            "name": f"Bench {i}",
            "password_hash": password_hash,
            "is_admin": i == 0,
            "created_at": now - timedelta(days=400),
        }
        for i in range(count)
    ]


def conversation_rows(
    rng: random.Random, corpus: Corpus, vocabulary: Vocabulary, count: int, share: float
) -> None:
    start = datetime.now(UTC) - timedelta(days=365)
    others = [u for u in corpus.users if u is not corpus.searcher]
    for _ in range(count):
        owner = corpus.searcher if rng.random() < share or not others else rng.choice(others)
        created = start + timedelta(seconds=rng.uniform(0, 360 * 86_400))
        mine = owner is corpus.searcher
        corpus.conversations.append(
            {
                "id": f"{rng.getrandbits(128):032x}",
                "user_id": owner["id"],
                "title": vocabulary.prose(rng.randint(2, 6)).rstrip(".").split(",")[0],
                "model": "claude-sonnet-4-5",
                "settings": {},
                "pinned": False,
                "archived": False,
                "project_id": (
                    rng.choice(corpus.projects)["id"] if mine and rng.random() < 0.2 else None
                ),
                "deleted_at": None,
                "created_at": created,
                "updated_at": created,
                "last_message_at": created,
            }
        )


def messages_of(
    rng: random.Random, vocabulary: Vocabulary, conversation: dict[str, Any], count: int
) -> Iterator[dict[str, Any]]:
    parent = None
    when = conversation["created_at"]
    for index in range(count):
        role = "user" if index % 2 == 0 else "assistant"
        body = vocabulary.prose(message_words(rng, role))
        identifier = f"{rng.getrandbits(128):032x}"
        when += timedelta(seconds=rng.uniform(5, 300))
        yield {
            "id": identifier,
            "conversation_id": conversation["id"],
            "parent_id": parent,
            "role": role,
            "parts": [{"type": "text", "text": body}],
            "model": None if role == "user" else "claude-sonnet-4-5",
            "status": "complete",
            "stop_reason": None if role == "user" else "end_turn",
            "error": None,
            "input_tokens": None,
            "output_tokens": None,
            "run_id": None,
            "created_at": when,
            "updated_at": when,
        }
        parent = identifier


class Backend:
    """A scratch database: a file in a temporary directory, or a database on the PostgreSQL server."""

    def __init__(self, kind: str, pg_dsn: str, name: str, tmp: Path) -> None:
        self.kind = kind
        self.pg_dsn = pg_dsn
        self.name = name
        if kind == "sqlite":
            self.url = f"sqlite+aiosqlite:///{tmp / (name + '.db')}"
        else:
            base = pg_dsn.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1)
            self.url = f"{base}/{name}"

    async def create(self) -> Database:
        if self.kind == "postgres":
            await self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            await self._admin(f'CREATE DATABASE "{self.name}"')
        await asyncio.to_thread(upgrade_to_head, self.url)
        return Database(self.url)

    async def drop(self) -> None:
        if self.kind == "postgres":
            await self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    async def _admin(self, statement: str) -> None:
        admin = await asyncpg.connect(self.pg_dsn)
        try:
            await admin.execute(statement)
        finally:
            await admin.close()


@contextlib.asynccontextmanager
async def scratch(kind: str, args: argparse.Namespace, name: str) -> AsyncIterator[Database]:
    backend = Backend(kind, args.pg_dsn, name, args.tmp)
    db = await backend.create()
    try:
        yield db
    finally:
        await db.dispose()
        await backend.drop()


async def load_corpus(db: Database, args: argparse.Namespace) -> tuple[Corpus, Vocabulary, float]:
    rng = random.Random(args.seed)
    vocabulary = Vocabulary(rng, args.vocabulary)
    users = await build_users(rng, args.users)
    now = datetime.now(UTC)
    projects = [
        {
            "id": f"{rng.getrandbits(128):032x}",
            "user_id": users[0]["id"],
            "name": f"Project {i}",
            "description": "",
            "instructions": "",
            "pinned": False,
            "archived": False,
            "created_at": now,
            "updated_at": now,
        }
        for i in range(5)
    ]
    corpus = Corpus(users=users, searcher=users[0], projects=projects)
    conversation_rows(rng, corpus, vocabulary, args.conversations, args.share)

    def add_people(session: Session) -> None:
        session.execute(insert(User), users)
        session.execute(insert(Project), projects)

    await db.run_write(add_people)
    loading = 0.0
    per_batch = max(1, args.batch_messages // args.messages)
    for start in range(0, len(corpus.conversations), per_batch):
        batch = corpus.conversations[start : start + per_batch]
        rows = [m for c in batch for m in messages_of(rng, vocabulary, c, args.messages)]
        corpus.messages += len(rows)
        corpus.words += sum(len(m["parts"][0]["text"].split()) for m in rows)

        def add(
            session: Session,
            batch: list[dict[str, Any]] = batch,
            rows: list[dict[str, Any]] = rows,
        ) -> None:
            session.execute(insert(Conversation), batch)
            session.execute(insert(Message), rows)

        started = time.perf_counter()
        await db.run_write(add)
        loading += time.perf_counter() - started
    return corpus, vocabulary, loading


async def settle(db: Database) -> None:
    """PostgreSQL: VACUUM ANALYZE, as autovacuum would soon after such a load (it also empties
    the GIN index's pending list); SQLite: nothing, its index is as the triggers left it."""
    if db.is_sqlite:
        return
    async with db.engine.connect() as connection:
        raw = await connection.get_raw_connection()
        driver = cast(Any, raw).driver_connection
        await driver.execute("VACUUM ANALYZE")


def match_count_sql(sqlite: bool) -> str:
    # the service's own WHERE clause, counted rather than ranked (mirrors services/search.py)
    if sqlite:
        return """
        SELECT count(*) FROM search_fts JOIN search_documents AS d ON d.id = search_fts.rowid
        WHERE search_fts MATCH :match AND d.user_id = :user_id"""
    return """
        SELECT count(*) FROM search_documents AS d
        WHERE d.tsv @@ to_tsquery('simple', parley_search_fold(:match)) AND d.user_id = :user_id"""


async def count_matches(db: Database, user_id: str, query: str) -> int:
    terms = query_terms(query)
    if db.is_sqlite:
        words = " AND ".join(f'"{t}"*' for t in terms)
        match = f'user_id : "{user_id}" AND body : ({words})'
    else:
        match = " & ".join(f"'{t}':*" for t in terms)
    async with db.read() as session:
        found = await session.scalar(
            text(match_count_sql(db.is_sqlite)), {"match": match, "user_id": user_id}
        )
    return int(found or 0)


@dataclass
class Query:
    kind: str
    text: str
    project_id: str | None = None
    second_page: bool = False
    cursor: str | None = None
    matches: int = 0


async def prepare_queries(db: Database, corpus: Corpus, vocabulary: Vocabulary) -> list[Query]:
    values = vocabulary.placeholders()
    queries = []
    for kind, template, options in QUERIES:
        query = Query(kind, template.format(**values))
        if "project" in options:
            query.project_id = corpus.projects[0]["id"]
        query.second_page = "page" in options
        query.matches = await count_matches(db, corpus.searcher["id"], query.text)
        queries.append(query)
    ctx = service_context(db)
    for query in queries:
        if query.second_page:
            first = await search_conversations(ctx, corpus.searcher["id"], query.text, limit=20)
            query.cursor = first.next_cursor
    return queries


def service_context(db: Database) -> AppContext:
    # search_conversations reads nothing of the context but its database
    return cast(AppContext, SimpleNamespace(db=db))


async def time_service(
    db: Database, user_id: str, queries: list[Query], repeats: int
) -> tuple[dict[int, list[float]], dict[int, float]]:
    """Wall milliseconds of each call, and the CPU milliseconds of this process per call (all
    of a query on SQLite, which runs in-process; the client's side on PostgreSQL)."""
    ctx = service_context(db)
    samples: dict[int, list[float]] = {i: [] for i in range(len(queries))}
    cpu: dict[int, float] = {}
    for index, query in enumerate(queries):
        for attempt in range(repeats + 2):  # two unmeasured: the statement cache, the pages
            if attempt == 2:
                cpu_started = time.process_time()
            started = time.perf_counter()
            page = await search_conversations(
                ctx, user_id, query.text, project_id=query.project_id, cursor=query.cursor
            )
            elapsed = (time.perf_counter() - started) * 1000
            if attempt >= 2:
                samples[index].append(elapsed)
        cpu[index] = (time.process_time() - cpu_started) * 1000 / repeats
        assert page.items or query.matches == 0 or query.project_id, query
    return samples, cpu


@contextlib.contextmanager
def signed_in(base: str, email: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, timeout=60) as http:
        http.get("/api/health")
        http.get("/api/models")  # the SDKs load in the background after start-up: not while timing
        response = http.post(
            "/api/auth/login",
            json={"email": email, "password": PASSWORD},
            headers={"X-CSRF-Token": http.cookies.get("parley_csrf") or ""},
        )
        response.raise_for_status()
        time.sleep(1.0)
        yield http


def time_http(http: httpx.Client, queries: list[Query], repeats: int) -> dict[int, list[float]]:
    samples: dict[int, list[float]] = {i: [] for i in range(len(queries))}
    for index, query in enumerate(queries):
        params = {"q": query.text}
        if query.project_id:
            params["project_id"] = query.project_id
        if query.cursor:
            params["cursor"] = query.cursor
        for attempt in range(repeats + 2):
            started = time.perf_counter()
            response = http.get("/api/search", params=params)
            elapsed = (time.perf_counter() - started) * 1000
            response.raise_for_status()
            if attempt >= 2:
                samples[index].append(elapsed)
    return samples


@contextlib.contextmanager
def parley_serve(url: str, data_dir: Path) -> Iterator[str]:
    """`python -m parley serve` on an existing, migrated database; its base URL."""
    with LLMFake() as fake, parley_process(fake, data_dir, url) as (base, _pid):
        yield base


def summarise(
    queries: list[Query], samples: dict[int, list[float]], cpu: dict[int, float] | None = None
) -> dict[str, Any]:
    kinds: dict[str, list[float]] = {}
    kind_cpu: dict[str, list[float]] = {}
    for index, query in enumerate(queries):
        kinds.setdefault(query.kind, []).extend(samples[index])
        kind_cpu.setdefault(query.kind, []).append(cpu[index] if cpu else math.nan)
    every = [s for values in samples.values() for s in values]
    return {
        "all": {
            "p50": statistics.median(every),
            "p95": percentile(every, 0.95),
            "cpu": statistics.fmean(cpu.values()) if cpu else math.nan,
        },
        "kinds": {
            kind: {
                "p50": statistics.median(v),
                "p95": percentile(v, 0.95),
                "cpu": statistics.fmean(kind_cpu[kind]),
            }
            for kind, v in kinds.items()
        },
        "queries": [
            {
                "kind": q.kind,
                "q": q.text,
                "matches": q.matches,
                "p50": statistics.median(samples[i]),
                "p95": percentile(samples[i], 0.95),
                "cpu": cpu[i] if cpu else math.nan,
            }
            for i, q in enumerate(queries)
        ],
    }


def median_of_runs(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Per kind (and per query), the median over runs of each run's p50 and p95."""

    def mid(values: list[dict[str, float]]) -> dict[str, float]:
        return {p: statistics.median(v[p] for v in values) for p in ("p50", "p95", "cpu")}

    first = runs[0]
    return {
        "all": mid([r["all"] for r in runs]),
        "kinds": {kind: mid([r["kinds"][kind] for r in runs]) for kind in first["kinds"]},
        "queries": [
            {**q, **mid([r["queries"][i] for r in runs])} for i, q in enumerate(first["queries"])
        ],
    }


def inserting(rows: list[dict[str, Any]]) -> Callable[[Session], None]:
    return executing(insert(Message), rows)


def timed_inserts(rows: list[dict[str, Any]]) -> Callable[[Session], list[float]]:
    """One transaction, one INSERT per row, each timed (µs): the statement without the commit."""

    def work(session: Session) -> list[float]:
        timings = []
        for row in rows:
            started = time.perf_counter()
            session.execute(insert(Message), [row])
            timings.append((time.perf_counter() - started) * 1e6)
        return timings

    return work


def executing(
    statement: Executable, rows: list[dict[str, Any]] | None = None
) -> Callable[[Session], None]:
    def work(session: Session) -> None:
        session.execute(statement, rows)

    return work


async def part_search(kind: str, args: argparse.Namespace) -> dict[str, Any]:
    async with scratch(kind, args, "parley_bench_search") as db:
        corpus, vocabulary, loading = await load_corpus(db, args)
        started = time.perf_counter()
        await settle(db)
        settling = time.perf_counter() - started
        print(
            f"[{kind}] loaded {len(corpus.conversations):,} conversations, "
            f"{corpus.messages:,} messages ({corpus.words / corpus.messages:.0f} words each) "
            f"in {loading:.1f} s: {corpus.messages / loading:,.0f} messages/s with the index"
            + (f"; VACUUM ANALYZE {settling:.1f} s" if not db.is_sqlite else ""),
            flush=True,
        )
        user_id = corpus.searcher["id"]
        queries = await prepare_queries(db, corpus, vocabulary)
        mine = sum(1 for c in corpus.conversations if c["user_id"] == user_id)
        service_runs, http_runs = [], []
        with (
            parley_serve(db.url, args.tmp / f"data-{kind}") as base,
            signed_in(base, corpus.searcher["email"]) as client,
        ):
            for run in range(args.runs):
                service = summarise(
                    queries, *await time_service(db, user_id, queries, args.repeats)
                )
                http = summarise(queries, time_http(client, queries, args.repeats))
                service_runs.append(service)
                http_runs.append(http)
                print(
                    f"[{kind}] run {run + 1}: all queries p50 {service['all']['p50']:.1f} ms "
                    f"(HTTP {http['all']['p50']:.1f}), p95 {service['all']['p95']:.1f} ms "
                    f"(HTTP {http['all']['p95']:.1f}); load {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
        result = {
            "messages": corpus.messages,
            "conversations": len(corpus.conversations),
            "searcher_conversations": mine,
            "searcher_messages": mine * args.messages,
            "words_per_message": corpus.words / corpus.messages,
            "load_seconds": loading,
            "load_messages_per_second": corpus.messages / loading,
            "service": median_of_runs(service_runs),
            "http": median_of_runs(http_runs),
            "runs": {"service": service_runs, "http": http_runs},
        }
        print_search(kind, result)
        return result


def print_search(kind: str, result: dict[str, Any]) -> None:
    service, http = result["service"], result["http"]
    print(
        f"\n[{kind}] {result['messages']:,} messages, the searcher owns "
        f"{result['searcher_conversations']:,} conversations; medians of the runs' p50 / p95 (ms)"
    )
    print(f"{'kind':<14} {'service p50':>11} {'p95':>7} {'CPU':>6} {'HTTP p50':>9} {'p95':>7}")
    for name, s in [*service["kinds"].items(), ("all", service["all"])]:
        h = http["all"] if name == "all" else http["kinds"][name]
        print(
            f"{name:<14} {s['p50']:>11.1f} {s['p95']:>7.1f} {s['cpu']:>6.1f} "
            f"{h['p50']:>9.1f} {h['p95']:>7.1f}"
        )
    print(f"\n{'query':<26} {'matches':>8} {'service p50':>11} {'CPU':>6} {'HTTP p50':>9}")
    for s_q, h_q in zip(service["queries"], http["queries"], strict=True):
        label = f"{s_q['kind']}: {s_q['q']}"
        print(
            f"{label:<26} {s_q['matches']:>8,} {s_q['p50']:>11.1f} {s_q['cpu']:>6.1f} "
            f"{h_q['p50']:>9.1f}"
        )
    print(
        "(CPU: milliseconds of this process per service call: the whole query on SQLite, "
        "the client's side on PostgreSQL)",
        flush=True,
    )


def drop_triggers(session: Session, sqlite: bool) -> None:
    for name in SEARCH_TRIGGERS:
        table = "messages" if "messages" in name else "conversations"
        suffix = "" if sqlite else f" ON {table}"
        session.execute(text(f"DROP TRIGGER IF EXISTS {name}{suffix}"))


async def part_write(kind: str, args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed + 1)
    vocabulary = Vocabulary(rng, args.vocabulary)
    users = await build_users(rng, 1)
    conversation = {
        "id": f"{rng.getrandbits(128):032x}",
        "user_id": users[0]["id"],
        "title": "Write overhead",
        "model": "claude-sonnet-4-5",
        "settings": {},
        "created_at": datetime.now(UTC),
        "updated_at": datetime.now(UTC),
    }
    arms = ("indexed", "plain")
    async with (
        scratch(kind, args, "parley_bench_search_indexed") as indexed,
        scratch(kind, args, "parley_bench_search_plain") as plain,
    ):
        databases = {"indexed": indexed, "plain": plain}
        await plain.run_write(partial(drop_triggers, sqlite=plain.is_sqlite))
        for db in databases.values():

            def seed(session: Session) -> None:
                session.execute(insert(User), users)
                session.execute(insert(Conversation), [conversation])

            await db.run_write(seed)
        # an index that is not empty: --write-seed messages first, in batches, in both
        seeded = list(messages_of(rng, vocabulary, conversation, args.write_seed))
        for db in databases.values():
            for start in range(0, len(seeded), 1000):
                chunk = seeded[start : start + 1000]
                await db.run_write(inserting(chunk))
        runs: list[dict[str, dict[str, float]]] = []
        for run in range(args.runs):
            measured: dict[str, dict[str, list[float]]] = {
                op: {arm: [] for arm in arms} for op in ("insert", "finish", "statement", "batch")
            }
            rows = list(messages_of(rng, vocabulary, conversation, args.write_messages))
            for i, row in enumerate(rows):
                for arm in arms if i % 2 == 0 else arms[::-1]:
                    db = databases[arm]
                    fresh = {**row, "id": f"{rng.getrandbits(128):032x}", "parent_id": None}
                    started = time.perf_counter()
                    await db.run_write(inserting([fresh]))
                    measured["insert"][arm].append((time.perf_counter() - started) * 1e6)
                    # an answer is written as "streaming" (not indexed), then finished
                    answer = {
                        **fresh,
                        "id": f"{rng.getrandbits(128):032x}",
                        "role": "assistant",
                        "status": "streaming",
                        "parts": [{"type": "text", "text": "…"}],
                    }
                    await db.run_write(inserting([answer]))
                    finish = (
                        update(Message)
                        .where(Message.id == answer["id"])
                        .values(parts=row["parts"], status="complete", stop_reason="end_turn")
                    )
                    started = time.perf_counter()
                    await db.run_write(executing(finish))
                    measured["finish"][arm].append((time.perf_counter() - started) * 1e6)
            for _ in range(args.batches):
                batch = list(messages_of(rng, vocabulary, conversation, args.batch))
                for arm in arms:
                    copy = [
                        {**m, "id": f"{rng.getrandbits(128):032x}", "parent_id": None}
                        for m in batch
                    ]
                    started = time.perf_counter()
                    await databases[arm].run_write(inserting(copy))
                    measured["batch"][arm].append((time.perf_counter() - started) * 1e6 / len(copy))
                    copy = [{**m, "id": f"{rng.getrandbits(128):032x}"} for m in copy]
                    measured["statement"][arm] += await databases[arm].run_write(
                        timed_inserts(copy)
                    )
            summary = {
                op: {
                    **{arm: statistics.median(by_arm[arm]) for arm in arms},
                    **{f"{arm}_mean": statistics.fmean(by_arm[arm]) for arm in arms},
                    **{f"{arm}_p95": percentile(by_arm[arm], 0.95) for arm in arms},
                }
                for op, by_arm in measured.items()
            }
            runs.append(summary)
            print(
                f"[{kind}] write run {run + 1}: "
                + ", ".join(
                    f"{op} {s['indexed']:.0f} vs {s['plain']:.0f} µs" for op, s in summary.items()
                )
                + f"; load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
    medians = {
        op: {key: statistics.median(r[op][key] for r in runs) for key in runs[0][op]}
        for op in runs[0]
    }
    print(f"\n[{kind}] µs per message, medians of {args.runs} runs (mean, p95 in brackets)")
    print(f"{'operation':<34} {'with index':>22} {'without':>22} {'overhead':>9}")
    labels = {
        "insert": "insert a finished message",
        "finish": "finish a streamed answer (UPDATE)",
        "statement": "one INSERT inside a transaction",
        "batch": f"executemany of {args.batch}, per message",
    }
    for op, m in medians.items():
        with_index = f"{m['indexed']:.0f} ({m['indexed_mean']:.0f}, {m['indexed_p95']:.0f})"
        without = f"{m['plain']:.0f} ({m['plain_mean']:.0f}, {m['plain_p95']:.0f})"
        print(f"{labels[op]:<34} {with_index:>22} {without:>22} {m['indexed'] - m['plain']:>9.0f}")
    print(flush=True)
    return {"medians": medians, "runs": runs, "seeded_messages": args.write_seed}


PARTS: dict[str, Callable[[str, argparse.Namespace], Coroutine[Any, Any, dict[str, Any]]]] = {
    "search": part_search,
    "write": part_write,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", action="append", choices=sorted(PARTS), help="default: all")
    parser.add_argument(
        "--db", action="append", choices=["sqlite", "postgres"], help="default: both"
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=15, help="timings of each query per run")
    parser.add_argument("--conversations", type=int, default=2000)
    parser.add_argument("--messages", type=int, default=50, help="per conversation")
    parser.add_argument("--users", type=int, default=5)
    parser.add_argument("--share", type=float, default=0.4, help="the searcher's conversations")
    parser.add_argument("--vocabulary", type=int, default=100_000)
    parser.add_argument("--batch-messages", type=int, default=5000, help="per load transaction")
    parser.add_argument("--write-messages", type=int, default=500, help="per run and arm")
    parser.add_argument("--write-seed", type=int, default=5000, help="messages before timing")
    parser.add_argument("--batch", type=int, default=1000, help="messages per executemany")
    parser.add_argument("--batches", type=int, default=5, help="executemany batches per run")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument(
        "--pg-dsn",
        default=os.environ.get("PARLEY_TEST_PG_DSN", "postgresql://postgres@127.0.0.1:5432/test"),
    )
    parser.add_argument("--json", type=Path)
    parser.add_argument("--commit", help="what was measured, when not this checkout's HEAD")
    args = parser.parse_args()
    parts = args.part or list(PARTS)
    kinds = args.db or ["sqlite", "postgres"]
    report: dict[str, Any] = {"machine": machine(args.commit), "args": {}, "results": {}}
    report["args"] = {k: str(v) for k, v in vars(args).items()}
    print(f"machine: {report['machine']}", flush=True)
    with tempfile.TemporaryDirectory(prefix="parley-bench-search-") as tmp:
        args.tmp = Path(tmp)
        for part in parts:
            for kind in kinds:
                started = time.perf_counter()
                result = asyncio.run(PARTS[part](kind, args))
                result["seconds"] = time.perf_counter() - started
                report["results"].setdefault(part, {})[kind] = result
    report["machine"]["loadavg_after"] = os.getloadavg()
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str))


if __name__ == "__main__":
    main()
