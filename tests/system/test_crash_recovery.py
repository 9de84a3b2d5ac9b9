"""SIGKILL mid-stream, restart: the partial answer is there, marked interrupted; nothing else is lost."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

from tests.api.sse import read_run, text_of
from tests.conftest import ApiClient
from tests.fakes.llm_server import LLMFake
from tests.system.processes import ServerProcess


async def test_sigkill_mid_stream_then_restart_keeps_partial_text(
    tmp_path: Path, llm: LLMFake
) -> None:
    env = {"ANTHROPIC_API_KEY": "k", "ANTHROPIC_BASE_URL": llm.anthropic_url}
    server = ServerProcess(tmp_path, env).start()
    try:
        async with ApiClient(base_url=server.url, timeout=30) as api:
            await api.sign_up("crash@example.com", "crash password")
            earlier = (await api.post("/api/conversations", json={})).json()["id"]
            llm.push({"text": ["Kept ", "answer."]})
            run = (
                await api.post(f"/api/conversations/{earlier}/messages", json={"content": "first"})
            ).json()
            await read_run(api, run["run_id"])

            chat = (await api.post("/api/conversations", json={})).json()["id"]
            llm.push({"text": [f"w{i} " for i in range(400)], "delay_ms": 20})
            started = (
                await api.post(f"/api/conversations/{chat}/messages", json={"content": "long one"})
            ).json()
            seen = await read_run(api, started["run_id"], limit=40)
            await asyncio.sleep(0.5)  # let a checkpoint land after what we saw
    finally:
        server.kill()

    with ServerProcess(tmp_path, env) as restarted:
        async with ApiClient(base_url=restarted.url, timeout=30) as api:
            await api.prime()
            login = await api.post(
                "/api/auth/login", json={"email": "crash@example.com", "password": "crash password"}
            )
            assert login.status_code == 200
            tree = (await api.get(f"/api/conversations/{chat}/messages")).json()["messages"]
            question, answer = tree
            assert question["parts"][0]["text"] == "long one" and question["status"] == "complete"
            assert answer["status"] == "interrupted"
            kept = answer["parts"][0]["text"]
            assert kept.startswith(text_of(seen)) and len(kept) > len(text_of(seen))
            # the interrupted run's stream replays what was kept and ends
            replay = await read_run(api, started["run_id"])
            assert text_of(replay) == kept
            assert replay[-1].data["status"] == "interrupted"
            old = (await api.get(f"/api/conversations/{earlier}/messages")).json()["messages"]
            assert [m["status"] for m in old] == ["complete", "complete"]
            assert old[1]["parts"][0]["text"] == "Kept answer."
            # and the conversation carries on
            llm.push({"text": ["Back."]})
            more = (
                await api.post(f"/api/conversations/{chat}/messages", json={"content": "again"})
            ).json()
            assert text_of(await read_run(api, more["run_id"])) == "Back."


async def test_graceful_stop_marks_its_runs_interrupted_with_all_text_so_far(
    tmp_path: Path, llm: LLMFake
) -> None:
    env = {"ANTHROPIC_API_KEY": "k", "ANTHROPIC_BASE_URL": llm.anthropic_url}
    server = ServerProcess(tmp_path, env).start()
    try:
        async with ApiClient(base_url=server.url, timeout=30) as api:
            await api.sign_up("stop@example.com", "stop password")
            chat = (await api.post("/api/conversations", json={})).json()["id"]
            llm.push({"text": [f"g{i} " for i in range(400)], "delay_ms": 20})
            started = (
                await api.post(f"/api/conversations/{chat}/messages", json={"content": "go"})
            ).json()
            seen = await read_run(api, started["run_id"], limit=20)
    finally:
        server.stop()  # SIGTERM
    # the stopping server wrote this itself: no restart has scanned for orphaned runs yet
    with sqlite3.connect(tmp_path / "parley.db") as db:
        status, parts = db.execute(
            "select status, parts from messages where id = ?", (started["assistant_message"]["id"],)
        ).fetchone()
    assert status == "interrupted"
    kept = json.loads(parts)[0]["text"]
    assert kept.startswith(text_of(seen))
    assert len(kept) < len("".join(f"g{i} " for i in range(400)))
    with ServerProcess(tmp_path, env) as restarted:
        async with ApiClient(base_url=restarted.url, timeout=30) as api:
            await api.prime()
            await api.post(
                "/api/auth/login", json={"email": "stop@example.com", "password": "stop password"}
            )
            answer = (await api.get(f"/api/conversations/{chat}/messages")).json()["messages"][-1]
            assert answer["status"] == "interrupted"
            assert answer["parts"][0]["text"] == kept


async def test_a_run_waiting_for_approval_is_interrupted_by_a_restart_and_can_be_retried(
    tmp_path: Path, llm: LLMFake
) -> None:
    env = {"ANTHROPIC_API_KEY": "k", "ANTHROPIC_BASE_URL": llm.anthropic_url}
    code = {"language": "python", "code": "print('never')"}
    server = ServerProcess(tmp_path, env).start()
    try:
        async with ApiClient(base_url=server.url, timeout=30) as api:
            await api.sign_up("wait@example.com", "wait password")
            chat = (await api.post("/api/conversations", json={})).json()["id"]
            llm.push(
                {
                    "text": ["Checking."],
                    "tool_calls": [{"id": "toolu_w", "name": "run_code", "input": code}],
                }
            )
            started = (
                await api.post(f"/api/conversations/{chat}/messages", json={"content": "run"})
            ).json()
            asked = await read_run(api, started["run_id"], limit=4)
            assert asked[-1].event == "approval_required"
            await asyncio.sleep(0.5)  # the checkpoint records the pending card
    finally:
        server.kill()

    with ServerProcess(tmp_path, env) as restarted:
        async with ApiClient(base_url=restarted.url, timeout=30) as api:
            await api.prime()
            await api.post(
                "/api/auth/login", json={"email": "wait@example.com", "password": "wait password"}
            )
            answer = (await api.get(f"/api/conversations/{chat}/messages")).json()["messages"][-1]
            assert answer["status"] == "interrupted"
            assert [p["type"] for p in answer["parts"]] == ["text", "tool_call"]
            state = (await api.get(f"/api/runs/{started['run_id']}")).json()
            assert state["status"] == "interrupted" and state["pending_approvals"] == []
            late = await api.post(
                f"/api/runs/{started['run_id']}/approvals/toolu_w", json={"approve": True}
            )
            assert late.status_code == 409  # nothing runs code for a run that is gone
            llm.push({"text": ["Retried."]})
            retry = (
                await api.post(
                    f"/api/conversations/{chat}/messages/{answer['id']}/regenerate", json={}
                )
            ).json()
            assert text_of(await read_run(api, retry["run_id"])) == "Retried."
