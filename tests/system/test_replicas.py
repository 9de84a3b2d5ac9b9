"""Two server processes behind PostgreSQL and Redis: any replica serves and cancels any run."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import redis.asyncio as aioredis

from tests.api.sse import read_run, text_of
from tests.conftest import REDIS_URL, ApiClient, postgres_database
from tests.fakes.llm_server import LLMFake
from tests.system.processes import ServerProcess


@pytest.fixture
async def replica_env(llm: LLMFake) -> AsyncIterator[dict[str, str]]:
    async with postgres_database() as url:
        yield {
            "ANTHROPIC_API_KEY": "k",
            "ANTHROPIC_BASE_URL": llm.anthropic_url,
            "PARLEY_DATABASE_URL": url,
            "PARLEY_REDIS_URL": REDIS_URL,
        }


async def test_run_started_on_one_replica_streams_and_cancels_from_another(
    tmp_path: Path, llm: LLMFake, replica_env: dict[str, str]
) -> None:
    with (
        ServerProcess(tmp_path / "a", replica_env) as a,
        ServerProcess(tmp_path / "b", replica_env) as b,
    ):
        async with (
            ApiClient(base_url=a.url, timeout=30) as on_a,
            ApiClient(base_url=b.url, timeout=30) as on_b,
        ):
            await on_a.sign_up("replica@example.com", "replica password")
            # the same session cookie works on both replicas: sessions live in the database
            on_b.cookies.update(on_a.cookies)
            chat = (await on_a.post("/api/conversations", json={})).json()["id"]
            tokens = [f"r{i} " for i in range(60)]
            llm.push({"text": tokens, "delay_ms": 10})
            started = (
                await on_a.post(f"/api/conversations/{chat}/messages", json={"content": "hi"})
            ).json()

            from_b = await read_run(on_b, started["run_id"])  # live, while A generates
            assert text_of(from_b) == "".join(tokens)
            assert [f.id for f in from_b] == list(range(1, len(from_b) + 1))
            assert from_b == await read_run(on_a, started["run_id"])
            part = await read_run(on_b, started["run_id"], last_event_id=10)
            assert part == from_b[10:]

            llm.push({"text": [f"s{i} " for i in range(500)], "delay_ms": 10})
            second = (
                await on_a.post(f"/api/conversations/{chat}/messages", json={"content": "more"})
            ).json()
            seen = await read_run(on_b, second["run_id"], limit=5)
            assert (await on_b.post(f"/api/runs/{second['run_id']}/cancel")).status_code == 200
            rest = await read_run(on_b, second["run_id"], last_event_id=seen[-1].id)
            assert rest[-1].event in ("message_stop", "title")
            assert next(f for f in rest if f.event == "message_stop").data["status"] == "cancelled"
            stored = (await on_b.get(f"/api/conversations/{chat}/messages")).json()["messages"][-1]
            assert stored["status"] == "cancelled"
            assert stored["parts"][0]["text"] == text_of(seen + rest)

            # an approval given on B reaches the run waiting on A
            code = {"language": "python", "code": "print(2 + 3)"}
            llm.push(
                {"text": [], "tool_calls": [{"id": "toolu_x", "name": "run_code", "input": code}]},
                {"text": ["Five."]},
            )
            third = (
                await on_a.post(f"/api/conversations/{chat}/messages", json={"content": "2+3?"})
            ).json()
            asked = await read_run(on_b, third["run_id"], limit=3)
            assert asked[-1].event == "approval_required"
            for _ in range(50):  # B learns of the wait from A's checkpoint
                state = (await on_b.get(f"/api/runs/{third['run_id']}")).json()
                if state["status"] == "waiting":
                    break
                await asyncio.sleep(0.1)
            assert [p["tool_call_id"] for p in state["pending_approvals"]] == ["toolu_x"]
            decided = await on_b.post(
                f"/api/runs/{third['run_id']}/approvals/toolu_x", json={"approve": True}
            )
            assert decided.status_code == 200
            rest = await read_run(on_b, third["run_id"], last_event_id=asked[-1].id)
            result = next(f for f in rest if f.event == "tool_result").data
            assert result["execution"]["stdout"] == "5\n"
            assert text_of(rest) == "Five."


async def test_restarting_one_replica_does_not_interrupt_runs_of_another(
    tmp_path: Path, llm: LLMFake, replica_env: dict[str, str]
) -> None:
    with ServerProcess(tmp_path / "a", replica_env) as a:
        async with ApiClient(base_url=a.url, timeout=30) as api:
            await api.sign_up("live@example.com", "replica password")
            chat = (await api.post("/api/conversations", json={})).json()["id"]
            tokens = [f"l{i} " for i in range(150)]
            llm.push({"text": tokens, "delay_ms": 10})
            started = (
                await api.post(f"/api/conversations/{chat}/messages", json={"content": "hi"})
            ).json()
            await asyncio.sleep(0.2)
            with ServerProcess(tmp_path / "b", replica_env):  # starts, scans for orphaned runs
                pass
            frames = await read_run(api, started["run_id"])
            assert text_of(frames) == "".join(tokens)
            assert next(f for f in frames if f.event == "message_stop").data["status"] == "complete"
    client = aioredis.from_url(REDIS_URL)
    try:
        assert await client.ttl(f"parley:run:{started['run_id']}") > 0  # logs expire, never pile up
    finally:
        await client.aclose()
