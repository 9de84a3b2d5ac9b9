"""The heart: a message starts a run whose stream can be read, resumed and cancelled."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.api.sse import read_run, text_of
from tests.conftest import ApiClient
from tests.fakes.llm_server import LLMFake

CHUNKS = ["Hello", ", ", "world", "! ", "Streams ", "resume ", "cleanly."]


async def new_chat(api: ApiClient, **body: Any) -> str:
    response = await api.post("/api/conversations", json=body)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def send(
    api: ApiClient, conversation_id: str, content: str = "Hi", **extra: Any
) -> dict[str, Any]:
    response = await api.post(
        f"/api/conversations/{conversation_id}/messages", json={"content": content, **extra}
    )
    assert response.status_code == 202, response.text
    return dict(response.json())


async def messages(api: ApiClient, conversation_id: str) -> list[dict[str, Any]]:
    response = await api.get(f"/api/conversations/{conversation_id}/messages")
    assert response.status_code == 200, response.text
    return list(response.json()["messages"])


async def test_message_streams_answer_and_persists_it(api: ApiClient, llm: LLMFake) -> None:
    llm.push({"text": CHUNKS, "thinking": ["Let me ", "think."], "ping_every": 2})
    chat = await new_chat(api)
    started = await send(api, chat, "Say hello")
    assert started["assistant_message"]["status"] == "streaming"
    assert started["user_message"]["parts"] == [{"type": "text", "text": "Say hello"}]

    frames = await read_run(api, started["run_id"])

    assert [f.id for f in frames] == list(range(1, len(frames) + 1))
    assert frames[0].event == "message_start"
    assert frames[0].data["message_id"] == started["assistant_message"]["id"]
    assert text_of(frames) == "".join(CHUNKS)
    assert text_of(frames, "thinking_delta") == "Let me think."
    stop = next(f for f in frames if f.event == "message_stop")
    assert stop.data == {"type": "message_stop", "status": "complete", "stop_reason": "end_turn"}
    assert any(f.event == "usage" for f in frames)

    stored = (await messages(api, chat))[-1]
    assert stored["status"] == "complete"
    assert stored["parts"] == [
        {"type": "thinking", "text": "Let me think."},
        {"type": "text", "text": "".join(CHUNKS)},
    ]
    assert stored["output_tokens"] and stored["input_tokens"]


async def test_stream_resumes_after_reconnect_at_every_position(
    api: ApiClient, llm: LLMFake
) -> None:
    llm.push({"text": CHUNKS, "thinking": ["Hm."]})
    chat = await new_chat(api)
    run_id = (await send(api, chat))["run_id"]
    whole = await read_run(api, run_id)
    assert whole[-1].event in ("message_stop", "title")
    expected = text_of(whole)

    for n in range(len(whole) + 1):
        first = whole[:n]  # what a client saw before its connection dropped
        rest = await read_run(api, run_id, last_event_id=n)
        assert [f.id for f in rest] == list(range(n + 1, len(whole) + 1))
        assert text_of(first + rest) == expected
        assert first + rest == whole
    via_query = await read_run(api, run_id, after=3)
    assert via_query == whole[3:]


async def test_live_reader_disconnects_mid_stream_and_resumes_without_gap(
    api: ApiClient, llm: LLMFake
) -> None:
    tokens = [f"t{i} " for i in range(30)]
    llm.push({"text": tokens, "delay_ms": 20})
    chat = await new_chat(api)
    run_id = (await send(api, chat))["run_id"]
    first = await read_run(api, run_id, limit=6)
    rest = await read_run(api, run_id, last_event_id=first[-1].id)
    assert text_of(first + rest) == "".join(tokens)
    assert [f.id for f in first + rest] == list(range(1, len(first) + len(rest) + 1))


async def test_run_keeps_going_without_a_reader_and_checkpoints_partial_text(
    api: ApiClient, llm: LLMFake
) -> None:
    tokens = [f"w{i} " for i in range(40)]
    llm.push({"text": tokens, "delay_ms": 25})
    chat = await new_chat(api)
    started = await send(api, chat)
    # nobody reads the stream; the checkpoint (every 0.2 s in tests) makes progress visible
    partial = ""
    for _ in range(50):
        await asyncio.sleep(0.1)
        answer = (await messages(api, chat))[-1]
        partial = "".join(p["text"] for p in answer["parts"])
        if answer["status"] == "streaming" and partial:
            break
    assert answer["status"] == "streaming"
    assert partial and "".join(tokens).startswith(partial)
    frames = await read_run(api, started["run_id"])
    assert text_of(frames) == "".join(tokens)
    assert (await messages(api, chat))[-1]["status"] == "complete"


async def test_cancel_stops_generation_and_keeps_partial_text(api: ApiClient, llm: LLMFake) -> None:
    tokens = [f"c{i} " for i in range(200)]
    llm.push({"text": tokens, "delay_ms": 10})
    chat = await new_chat(api)
    run_id = (await send(api, chat))["run_id"]
    seen = await read_run(api, run_id, limit=5)
    cancelled = await api.post(f"/api/runs/{run_id}/cancel")
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled"
    frames = await read_run(api, run_id)
    stop = next(f for f in frames if f.event == "message_stop")
    assert stop.data["status"] == "cancelled"
    answer = (await messages(api, chat))[-1]
    kept = "".join(p["text"] for p in answer["parts"])
    assert answer["status"] == "cancelled"
    assert kept == text_of(frames)
    assert len(text_of(seen)) <= len(kept) < len("".join(tokens))
    again = await api.post(f"/api/runs/{run_id}/cancel")
    assert again.json()["status"] == "cancelled"


async def test_second_turn_sends_the_history_and_system_prompt(
    api: ApiClient, llm: LLMFake
) -> None:
    chat = await new_chat(api, settings={"system_prompt": "Be terse.", "temperature": 0.3})
    llm.push({"text": ["First answer."]})
    await read_run(api, (await send(api, chat, "First question"))["run_id"])
    llm.push({"text": ["Second answer."]})
    await read_run(api, (await send(api, chat, "Second question"))["run_id"])
    bodies = [r.body for r in llm.generation_requests() if "Second question" in str(r.body)]
    body = bodies[-1]
    # the conversation's own prompt first, then what every model is told about artifacts
    assert body["system"].startswith("Be terse.\n\n")
    assert "`artifacts` tool" in body["system"]
    assert [tool["name"] for tool in body["tools"]] == ["artifacts", "run_code"]
    assert body["temperature"] == 0.3
    roles = [
        (m["role"], m["content"] if isinstance(m["content"], str) else m["content"][0]["text"])
        for m in body["messages"]
    ]
    assert roles == [
        ("user", "First question"),
        ("assistant", "First answer."),
        ("user", "Second question"),
    ]


async def test_first_exchange_gets_a_title_from_the_model(api: ApiClient, llm: LLMFake) -> None:
    chat = await new_chat(api)
    # the answer takes a while, so the fallback title is what the conversation has meanwhile
    llm.push(
        {"text": ["Paris ", "is the ", "capital."], "delay_ms": 300},
        {"text": ['"Capital of France."']},
    )
    started = await send(api, chat, "What is the capital of France, please tell me now")
    listed = (await api.get(f"/api/conversations/{chat}")).json()
    assert listed["title"] == "What is the capital of France,…"  # the fallback, at once
    frames = await read_run(api, started["run_id"])
    title = [f for f in frames if f.event == "title"]
    assert title and title[0].data["title"] == "Capital of France"
    assert frames.index(title[0]) > [f.event for f in frames].index("message_stop")
    assert (await api.get(f"/api/conversations/{chat}")).json()["title"] == "Capital of France"


async def test_regenerate_creates_a_sibling_answer(api: ApiClient, llm: LLMFake) -> None:
    chat = await new_chat(api)
    llm.push({"status": 500}, {"status": 500}, {"status": 500})
    first = await send(api, chat, "Question")
    await read_run(api, first["run_id"])
    llm.push({"text": ["Better."]})
    response = await api.post(
        f"/api/conversations/{chat}/messages/{first['assistant_message']['id']}/regenerate", json={}
    )
    assert response.status_code == 202, response.text
    again = response.json()
    assert again["user_message"]["id"] == first["user_message"]["id"]
    assert again["assistant_message"]["parent_id"] == first["user_message"]["id"]
    assert text_of(await read_run(api, again["run_id"])) == "Better."
    tree = await messages(api, chat)
    siblings = [m for m in tree if m["parent_id"] == first["user_message"]["id"]]
    assert [m["status"] for m in siblings] == ["error", "complete"]


async def test_reply_to_explicit_parent_branches_the_tree(api: ApiClient, llm: LLMFake) -> None:
    chat = await new_chat(api)
    one = await send(api, chat, "one")
    await read_run(api, one["run_id"])
    two = await send(api, chat, "two")
    await read_run(api, two["run_id"])
    edit = await send(api, chat, "two, edited", parent_id=one["assistant_message"]["id"])
    await read_run(api, edit["run_id"])
    assert edit["user_message"]["parent_id"] == one["assistant_message"]["id"]
    history = llm.generation_requests()[-1].body["messages"]
    contents = [
        m["content"] if isinstance(m["content"], str) else m["content"][0]["text"] for m in history
    ]
    assert contents == ["one", "tok0 tok1 tok2 ", "two, edited"]


async def test_explicit_null_parent_starts_a_new_first_message(
    api: ApiClient, llm: LLMFake
) -> None:
    chat = await new_chat(api)
    first = await send(api, chat, "original first")
    await read_run(api, first["run_id"])
    second = await send(api, chat, "follow-up")
    await read_run(api, second["run_id"])
    edited = await send(api, chat, "edited first", parent_id=None)
    assert edited["user_message"]["parent_id"] is None
    await read_run(api, edited["run_id"])
    contents = [m["content"] for m in llm.generation_requests()[-1].body["messages"]]
    assert contents in (["edited first"], [[{"type": "text", "text": "edited first"}]])
    roots = [m for m in await messages(api, chat) if m["parent_id"] is None]
    assert [r["parts"][0]["text"] for r in roots] == ["original first", "edited first"]
