"""Full-text search over titles and messages: finds, ranks, snippets, pages, scopes and forgets."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from parley.db.models import utcnow
from parley.services.organising import purge_deleted
from tests.api.sse import read_run
from tests.api.test_organising import make_project, other  # noqa: F401 (fixture)
from tests.api.test_runs import messages, new_chat, send
from tests.conftest import ApiClient, RunningServer
from tests.fakes.llm_server import LLMFake


async def search(api: ApiClient, q: str, **params: Any) -> dict[str, Any]:
    response = await api.get("/api/search", params={"q": q, **params})
    assert response.status_code == 200, response.text
    return dict(response.json())


async def hits(api: ApiClient, q: str, **params: Any) -> list[dict[str, Any]]:
    return list((await search(api, q, **params))["items"])


async def exchange(api: ApiClient, llm: LLMFake, chat: str, question: str, answer: str) -> None:
    llm.push({"text": [answer]}, {"text": ["A title"]})
    await read_run(api, (await send(api, chat, question))["run_id"])


def marked(hit: dict[str, Any]) -> list[str]:
    return [s["text"] for s in hit["snippet"] if s["highlight"]]


async def test_finds_message_text_with_diacritics_and_prefixes(
    api: ApiClient, llm: LLMFake
) -> None:
    chat = await new_chat(api, title="Holiday plans")
    await exchange(api, llm, chat, "Where is a good café in Zürich?", "Try the Kronenhalle.")
    answer_id = (await messages(api, chat))[1]["id"]

    [hit] = await hits(api, "cafe zurich")  # no accents typed, both words must match
    assert hit["conversation_id"] == chat and hit["role"] == "user"
    assert marked(hit) == ["café", "Zürich"]
    [by_prefix] = await hits(api, "kronen")
    assert by_prefix["message_id"] == answer_id and by_prefix["role"] == "assistant"
    [title] = await hits(api, "holid")
    assert title["message_id"] is None and title["conversation_title"] == "Holiday plans"
    assert await hits(api, "cafe berlin") == []
    assert await hits(api, "?!") == []


async def test_ranks_by_relevance_then_newest(api: ApiClient, llm: LLMFake) -> None:
    chats = [await new_chat(api) for _ in range(3)]
    await exchange(api, llm, chats[0], "kettle", "ok")
    await exchange(
        api, llm, chats[1], "a long message that mentions the kettle once " + "filler " * 80, "ok"
    )
    await exchange(api, llm, chats[2], "kettle", "ok")
    found = await hits(api, "kettle")
    # the two short exact matches first, the newer of them first; the long one last
    assert [h["conversation_id"] for h in found] == [chats[2], chats[0], chats[1]]


async def test_snippets_are_plain_text_around_the_match(api: ApiClient, llm: LLMFake) -> None:
    chat = await new_chat(api)
    text = "lorem " * 200 + "<script>alert(1)</script> the needle is here " + "ipsum " * 200
    await exchange(api, llm, chat, text, "ok")
    [hit] = await hits(api, "needle")
    joined = "".join(s["text"] for s in hit["snippet"])
    assert joined.startswith("…") and joined.endswith("…") and len(joined) < 300
    assert "<script>alert(1)</script>" in joined  # text to be shown as text, unchanged
    assert marked(hit) == ["needle"]


async def test_pages_with_a_cursor_without_repeats(api: ApiClient, llm: LLMFake) -> None:
    chat = await new_chat(api)
    for i in range(7):
        await exchange(api, llm, chat, f"walrus number {i}", f"answer {i}")
    seen: list[str] = []
    cursor = None
    while True:
        page = await search(api, "walrus", limit=3, **({"cursor": cursor} if cursor else {}))
        seen += [h["message_id"] for h in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 7 == len(set(seen))
    bad = await api.get("/api/search", params={"q": "walrus", "cursor": "garbage"})
    assert bad.status_code == 422


async def test_is_scoped_to_the_caller_and_a_project(
    api: ApiClient,
    other: ApiClient,  # noqa: F811
    llm: LLMFake,
    server: RunningServer,
) -> None:
    mine = await new_chat(api)
    await exchange(api, llm, mine, "zebra crossing", "ok")
    theirs = await new_chat(other)
    await exchange(other, llm, theirs, "zebra stripes", "ok")
    assert [h["conversation_id"] for h in await hits(api, "zebra")] == [mine]
    assert [h["conversation_id"] for h in await hits(other, "zebra")] == [theirs]

    project = await make_project(server, api)
    foreign = await make_project(server, other, "Theirs")
    assert await hits(api, "zebra", project_id=project) == []
    await api.patch(f"/api/conversations/{mine}", json={"project_id": project})
    [inside] = await hits(api, "zebra", project_id=project)
    assert inside["project_id"] == project
    refused = await api.get("/api/search", params={"q": "zebra", "project_id": foreign})
    assert refused.status_code == 404


async def test_forgets_deleted_conversations_edits_and_renames(
    api: ApiClient, llm: LLMFake, server: RunningServer
) -> None:
    chat = await new_chat(api, title="Quokka facts")
    await exchange(api, llm, chat, "tell me about quokkas", "They live on Rottnest.")
    await api.patch(f"/api/conversations/{chat}", json={"title": "Marsupials"})
    assert await hits(api, "quokka facts") == []
    assert [h["message_id"] for h in await hits(api, "marsupials")] == [None]

    await api.delete(f"/api/conversations/{chat}")
    assert await hits(api, "rottnest") == []  # hidden at once
    await api.post(f"/api/conversations/{chat}/restore")
    assert len(await hits(api, "rottnest")) == 1
    await api.delete(f"/api/conversations/{chat}")
    ctx = server.app.state.ctx
    await purge_deleted(ctx, now=utcnow() + timedelta(seconds=ctx.settings.undo_seconds + 1))
    async with ctx.db.read() as session:
        from sqlalchemy import text

        left = await session.scalar(
            text("SELECT count(*) FROM search_documents WHERE conversation_id = :c"), {"c": chat}
        )
    assert left == 0  # the index rows went with the conversation


async def test_a_streaming_answer_is_indexed_when_it_ends(api: ApiClient, llm: LLMFake) -> None:
    chat = await new_chat(api)
    llm.push({"text": ["platypus " * 3], "delay_ms": 200}, {"text": ["A title"]})
    started = await send(api, chat, "first")
    await read_run(api, started["run_id"])
    [hit] = await hits(api, "platypus")
    assert hit["message_id"] == started["assistant_message"]["id"]


async def test_refuses_empty_and_oversized_queries(api: ApiClient) -> None:
    for params in ({"q": ""}, {"q": "x" * 201}, {"q": "x", "limit": 0}, {"q": "x", "limit": 51}):
        assert (await api.get("/api/search", params=params)).status_code == 422, params
    blank = await api.get("/api/search", params={"q": "   "})
    assert blank.status_code == 422 and "search" in blank.text.lower()
