"""Project knowledge: embedding throughput, indexing cost, and hybrid retrieval on 10,000 passages.

    .venv/bin/python bench/knowledge.py [--chunks 10000] [--needles 100] [--runs 3]
                                        [--db sqlite,postgres]

A generated corpus: passages of three to five sentences on twenty office topics, and among them
`--needles` passages that each hold one fact about a made-up name ("The Quorvex warehouse
entrance opens with keypad code 5120."), and three more passages per name on other matters
("The Quorvex group: ..."), so that the name alone does not find the fact. Every needle has two
questions: one in the fact's own
words ("What is the keypad code of the Quorvex warehouse?") and one in other words ("how do I get
into the Quorvex storage building"). Recall@5 is the share of questions whose needle is among the
five passages retrieval returns: by keywords alone (the database's full-text ranking), by vectors
alone (the local embedding model), and fused (what chats use).

The corpus is embedded once with the real model (the throughput is measured on it; the vectors
are cached in /tmp, keyed on the corpus and model, so a second run skips it). Per database: a
scratch database migrated to head, the passages inserted through the real table (its triggers fill
the full-text index), then every question asked `--runs` times through
`parley.services.knowledge` (the functions chats use). Prints medians; results in
docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

from parley.config import Settings  # noqa: E402
from parley.db.engine import Database  # noqa: E402
from parley.db.migrate import upgrade_to_head  # noqa: E402
from parley.db.models import File, KnowledgeChunk, Project, ProjectFile, User  # noqa: E402
from parley.knowledge.embedder import MODEL_NAME, Embedder  # noqa: E402
from parley.knowledge.ranking import to_blob  # noqa: E402
from parley.knowledge.runtime import KnowledgeRuntime  # noqa: E402
from parley.services import knowledge  # noqa: E402

PG_ADMIN = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"

TOPICS = {
    "finance": "budget invoice revenue forecast expense ledger audit margin payroll tax",
    "hiring": "candidate interview offer recruiter onboarding referral role salary team",
    "travel": "flight hotel visa itinerary booking receipt allowance airport train",
    "security": "password badge laptop encryption phishing incident access token vault",
    "product": "roadmap release feature backlog sprint customer feedback launch design",
    "facilities": "office desk kitchen printer parking cleaning heating lift meeting room",
    "legal": "contract clause liability agreement signature compliance policy privacy",
    "sales": "lead pipeline quota discount deal renewal account demo proposal",
    "support": "ticket escalation response queue refund outage customer chat priority",
    "engineering": "deploy server database test review branch incident latency cache",
    "marketing": "campaign brand newsletter webinar audience social content event",
    "training": "course workshop mentor certificate session slides quiz learning",
    "health": "insurance doctor sick leave wellness dental claim benefit clinic",
    "procurement": "vendor tender purchase order supplier quote delivery catalogue",
    "data": "dashboard report metric warehouse pipeline query retention export",
    "events": "offsite party venue catering agenda speaker ticket invitation",
    "it": "helpdesk monitor keyboard license software update vpn account reset",
    "sustainability": "energy recycling emissions carbon waste solar commute target",
    "research": "study experiment paper hypothesis sample analysis grant lab",
    "management": "strategy goal review plan objective board quarter decision priority",
}
FILLER = (
    "The {a} and the {b} were reviewed with the {c} owners this week. "
    "Everyone should check the {a} before the next {d}. "
    "Questions about the {b} go to the {c} channel. "
    "The {d} notes list the {a}, the {c} and what changed in the {b}. "
    "A summary of the {c} and the {d} follows at the end of the month. "
)
# (fact, question in its words, question in other words)
NEEDLES = [
    (
        "The {n} warehouse entrance opens with keypad code {v}.",
        "What is the keypad code of the {n} warehouse?",
        "how do I get into the {n} storage building",
    ),
    (
        "Invoices from {n} Ltd are paid within {v} days of receipt.",
        "How many days until {n} Ltd invoices are paid?",
        "when does {n} get its money after billing us",
    ),
    (
        "The {n} team's weekly standup is on Thursdays at {v} o'clock in room B.",
        "When is the {n} team's weekly standup?",
        "what time do the {n} people meet every week",
    ),
    (
        "Staff of the {n} office may work remotely up to {v} days a month.",
        "How many days a month may {n} office staff work remotely?",
        "can {n} employees work from home, and how often",
    ),
    (
        "The {n} server cluster is backed up to cold storage every {v} hours.",
        "How often is the {n} server cluster backed up?",
        "how frequently are copies of the {n} machines saved",
    ),
]
SYLLABLES = [
    "qu",
    "or",
    "vex",
    "zan",
    "til",
    "mor",
    "ek",
    "ba",
    "ri",
    "lon",
    "sa",
    "fen",
    "dro",
    "ka",
    "vu",
    "nix",
    "pel",
    "tor",
]


def made_up_names(count: int, rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize())
    return sorted(names)


HARD_NEGATIVES = 3  # other passages that name the same made-up thing, on other matters


def make_corpus(chunks: int, needles: int, seed: int = 11) -> tuple[list[str], list[Any]]:
    """Passages, and for each needle (fact, question in its words, in other words).

    Each made-up name also appears in HARD_NEGATIVES other passages (on other topics), so that
    a question naming it is not answered by the name alone."""
    rng = random.Random(seed)
    vocab = {topic: words.split() for topic, words in TOPICS.items()}

    def filler() -> str:
        words = vocab[rng.choice(list(vocab))]
        sentences = FILLER.split(". ")
        body = ". ".join(rng.sample(sentences, rng.randint(3, 5))).strip()
        picked = rng.sample(words, 4)
        return body.format(a=picked[0], b=picked[1], c=picked[2], d=picked[3]) + "."

    names = made_up_names(needles, rng)
    passages = [filler() for _ in range(chunks - needles * (1 + HARD_NEGATIVES))]
    for name in names:
        for _ in range(HARD_NEGATIVES):
            passages.insert(rng.randint(0, len(passages)), f"The {name} group: {filler()}")
    questions = []
    for i, name in enumerate(names):
        fact, own, other = NEEDLES[i % len(NEEDLES)]
        value = rng.randint(2, 9999)
        passages.insert(rng.randint(0, len(passages)), f"{fact.format(n=name, v=value)} {filler()}")
        questions.append((fact.format(n=name, v=value), own.format(n=name), other.format(n=name)))
    return passages, questions


def embed_corpus(passages: list[str]) -> tuple[np.ndarray[Any, Any], float | None]:
    key = hashlib.sha256(("\n".join(passages) + MODEL_NAME).encode()).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / f"parley-bench-knowledge-{key}.npy"
    if cache.is_file():
        return np.load(cache), None
    embedder = Embedder()
    started = time.perf_counter()
    vectors = np.zeros((len(passages), 384), dtype=np.float32)
    for start in range(0, len(passages), 64):
        vectors[start : start + 64] = embedder.embed(passages[start : start + 64])
        done = start + 64
        if done % 1024 == 0:
            rate = done / (time.perf_counter() - started)
            print(f"  embedded {done:,} of {len(passages):,} ({rate:.1f}/s)", flush=True)
    seconds = time.perf_counter() - started
    np.save(cache, vectors)
    return vectors, len(passages) / seconds


async def load(db: Database, passages: list[str], vectors: np.ndarray[Any, Any]) -> float:
    """The corpus into a project; returns µs of writing (with its index) per passage."""
    user = User(email="bench@example.com", name="Bench", password_hash="x")

    def setup(session: Any) -> tuple[str, str]:
        session.add(user)
        session.flush()
        proj = Project(user_id=user.id, name="Bench")
        session.add(proj)
        session.flush()
        row = File(
            user_id=user.id,
            name="corpus.md",
            media_type="text/markdown",
            kind="text",
            size=1,
            sha256="0" * 64,
        )
        session.add(row)
        session.flush()
        session.add(ProjectFile(project_id=proj.id, file_id=row.id, status="ready", chunks=0))
        return proj.id, row.id

    project, file = await db.run_write(setup)
    started = time.perf_counter()
    for start in range(0, len(passages), 500):
        rows = [
            {
                "project_id": project,
                "file_id": file,
                "ordinal": start + i,
                "text": body,
                "embedding": to_blob(vectors[start + i]),
            }
            for i, body in enumerate(passages[start : start + 500])
        ]
        await db.run_write(lambda s, r=rows: s.execute(insert(KnowledgeChunk), r))
    per_chunk_us = (time.perf_counter() - started) / len(passages) * 1e6
    return per_chunk_us


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def measure(db: Database, project_id: str, questions: list[Any], runs: int) -> dict[str, Any]:
    runtime = KnowledgeRuntime()
    runtime.embedder()
    ctx: Any = SimpleNamespace(db=db, knowledge=runtime, settings=Settings())
    cold_started = time.perf_counter()
    await knowledge.retrieve(ctx, project_id, questions[0][1], 5)
    cold_ms = (time.perf_counter() - cold_started) * 1000

    async def texts(ids: list[int]) -> list[str]:
        async with db.read() as session:
            rows = dict(
                (
                    await session.execute(
                        text("SELECT id, text FROM knowledge_chunks WHERE id IN :ids").bindparams(
                            __import__("sqlalchemy").bindparam("ids", expanding=True)
                        ),
                        {"ids": ids},
                    )
                ).all()
            )
        return [rows[i] for i in ids]

    found = {"keyword": [0, 0], "vector": [0, 0], "hybrid": [0, 0]}
    timings: dict[str, list[float]] = {"keyword": [], "vector": [], "hybrid": []}
    for fact, *asked in questions:
        for kind, question in enumerate(asked):
            for name, rank in (
                ("keyword", knowledge.keyword_ranking),
                ("vector", knowledge.vector_ranking),
                ("hybrid", None),
            ):
                for _ in range(runs):
                    started = time.perf_counter()
                    if rank is None:
                        ids = await knowledge.retrieve(ctx, project_id, question, 5)
                    else:
                        ids = await rank(ctx, project_id, question, 5)
                    timings[name].append((time.perf_counter() - started) * 1000)
                if any(body.startswith(fact) for body in await texts(ids)):
                    found[name][kind] += 1
    count = len(questions)
    return {
        "cold_ms": cold_ms,
        "recall": {k: (v[0] / count, v[1] / count) for k, v in found.items()},
        "p50": {k: statistics.median(v) for k, v in timings.items()},
        "p95": {k: percentile(v, 0.95) for k, v in timings.items()},
    }


async def scratch_postgres(name: str) -> str:
    admin = Database(PG_ADMIN)
    async with admin.engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    return PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"


async def drop_postgres(name: str) -> None:
    admin = Database(PG_ADMIN)
    async with admin.engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


async def bench_database(
    kind: str, passages: list[str], vectors: Any, questions: list[Any], runs: int
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        name = f"parley_bench_knowledge_{os.getpid()}"
        if kind == "sqlite":
            url = f"sqlite+aiosqlite:///{tmp}/bench.db"
        else:
            url = await scratch_postgres(name)
        try:
            await asyncio.to_thread(upgrade_to_head, url)
            db = Database(url)
            try:
                write_us = await load(db, passages, vectors)
                if kind != "sqlite":  # what autovacuum does soon after a bulk load
                    async with db.engine.connect() as conn:
                        await conn.execute(text("ANALYZE knowledge_chunks"))
                        await conn.commit()
                async with db.read() as session:
                    project_id = (await session.execute(text("SELECT id FROM projects"))).scalar()
                result = await measure(db, str(project_id), questions, runs)
                result["write_us"] = write_us
                return result
            finally:
                await db.dispose()
        finally:
            if kind != "sqlite":
                await drop_postgres(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chunks", type=int, default=10_000)
    parser.add_argument("--needles", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", default="sqlite,postgres")
    args = parser.parse_args()
    passages, questions = make_corpus(args.chunks, args.needles)
    words = statistics.median(len(p.split()) for p in passages)
    print(
        f"corpus: {len(passages):,} passages (median {words:.0f} words), {len(questions)} needles"
    )
    vectors, rate = embed_corpus(passages)
    if rate is not None:
        print(f"embedding throughput: {rate:.1f} passages/s (whole corpus, one process)")
    else:
        print("embedding: vectors from the cache (delete /tmp/parley-bench-knowledge-* to redo)")
    for kind in args.db.split(","):
        result = asyncio.run(bench_database(kind, passages, vectors, questions, args.runs))
        print(f"\n{kind}: writing a passage with its full-text index: {result['write_us']:.0f} µs")
        print(f"  first query (loads the vectors): {result['cold_ms']:.0f} ms")
        print("  ranking   recall@5 own words   other words   p50 ms   p95 ms")
        for name in ("keyword", "vector", "hybrid"):
            own, other = result["recall"][name]
            print(
                f"  {name:8}  {own:17.0%}   {other:11.0%}   {result['p50'][name]:6.1f}"
                f"   {result['p95'][name]:6.1f}"
            )


if __name__ == "__main__":
    main()
