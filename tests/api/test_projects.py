"""Projects: CRUD and scoping, knowledge indexing, and what a chat in a project sends upstream:
instructions, the knowledge whole (cached on Claude) or retrieved passages, and citations."""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from parley.services.knowledge import keyword_ranking, retrieve, vector_ranking
from tests.api.sse import read_run
from tests.api.test_files import uploaded
from tests.api.test_runs import messages, new_chat, send
from tests.conftest import ApiClient, RunningServer
from tests.fakes.llm_server import LLMFake


async def make_project(api: ApiClient, **body: Any) -> dict[str, Any]:
    response = await api.post("/api/projects", json={"name": "Handbook", **body})
    assert response.status_code == 201, response.text
    return dict(response.json())


async def knowledge(api: ApiClient, project_id: str) -> list[dict[str, Any]]:
    response = await api.get(f"/api/projects/{project_id}/files")
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


async def add_knowledge(
    api: ApiClient, project_id: str, name: str, data: bytes, *, wait: bool = True
) -> dict[str, Any]:
    file = await uploaded(api, name, data)
    response = await api.post(f"/api/projects/{project_id}/files/{file['id']}")
    assert response.status_code == 201, response.text
    if wait:
        await ready(api, project_id)
    return dict(response.json())


async def ready(api: ApiClient, project_id: str, within: float = 120.0) -> list[dict[str, Any]]:
    """Polls the knowledge list as the web client does until nothing is queued or indexing."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        files = await knowledge(api, project_id)
        if all(f["status"] in ("ready", "failed") for f in files):
            return files
        assert asyncio.get_running_loop().time() < deadline, files
        await asyncio.sleep(0.1)


@pytest.fixture
async def other(server: RunningServer) -> AsyncIterator[ApiClient]:
    async with ApiClient(base_url=server.url, timeout=30) as client:
        await client.sign_up()
        yield client


@contextlib.contextmanager
def settings(server: RunningServer, **values: Any) -> Iterator[None]:
    live = server.app.state.ctx.settings
    before = {key: getattr(live, key) for key in values}
    for key, value in values.items():
        setattr(live, key, value)
    try:
        yield
    finally:
        for key, value in before.items():
            setattr(live, key, value)


# --- CRUD and validation ---------------------------------------------------------------------


async def test_project_crud_sorting_and_filters(api: ApiClient) -> None:
    first = await make_project(api, name="  Zebra research ", description="Stripes")
    assert first["name"] == "Zebra research"
    assert first["conversation_count"] == 0 and first["file_count"] == 0
    second = await make_project(api, name="apple pie", instructions="Answer in French.")

    listed = (await api.get("/api/projects")).json()["items"]
    assert [p["id"] for p in listed] == [second["id"], first["id"]]  # latest activity first
    by_name = (await api.get("/api/projects", params={"sort": "name"})).json()["items"]
    assert [p["name"] for p in by_name] == ["apple pie", "Zebra research"]
    found = (await api.get("/api/projects", params={"q": "STRIPE"})).json()["items"]
    assert [p["id"] for p in found] == [first["id"]]

    chat = await new_chat(api, project_id=first["id"])
    assert (await api.get(f"/api/conversations/{chat}")).json()["project_id"] == first["id"]
    listed = (await api.get("/api/projects")).json()["items"]
    assert listed[0]["id"] == first["id"] and listed[0]["conversation_count"] == 1

    pinned = await api.patch(f"/api/projects/{second['id']}", json={"pinned": True})
    assert pinned.status_code == 200 and pinned.json()["pinned"] is True
    assert (await api.get("/api/projects")).json()["items"][0]["id"] == second["id"]
    changed = await api.patch(
        f"/api/projects/{first['id']}", json={"instructions": "Be brief.", "archived": True}
    )
    assert changed.json()["instructions"] == "Be brief." and changed.json()["archived"] is True
    assert [p["id"] for p in (await api.get("/api/projects")).json()["items"]] == [second["id"]]
    archived = (await api.get("/api/projects", params={"archived": True})).json()["items"]
    assert [p["id"] for p in archived] == [first["id"]]

    assert (await api.delete(f"/api/projects/{first['id']}")).status_code == 204
    assert (await api.get(f"/api/projects/{first['id']}")).status_code == 404
    assert (await api.get(f"/api/conversations/{chat}")).status_code == 404  # its chats went


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({}, "name"),
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"name": "ok", "instructions": "x" * 20_001}, "instructions"),
        ({"name": "ok", "colour": "red"}, "colour"),
    ],
)
async def test_bad_projects_are_refused_with_a_reason(
    api: ApiClient, body: dict[str, Any], words: str
) -> None:
    response = await api.post("/api/projects", json=body)
    assert response.status_code == 422, response.text
    assert words in response.text


async def test_a_null_change_is_refused(api: ApiClient) -> None:
    project = await make_project(api)
    response = await api.patch(f"/api/projects/{project['id']}", json={"name": None})
    assert response.status_code == 422 and "name" in response.text


async def test_another_users_project_files_and_chats_answer_404(
    api: ApiClient, other: ApiClient
) -> None:
    project = await make_project(api)
    mine = await add_knowledge(api, project["id"], "notes.md", b"# Notes\n\nThe sky is green.")
    chat = await new_chat(api, project_id=project["id"])
    theirs = await uploaded(other, "theirs.txt", b"someone else's")
    pid = project["id"]

    for method, path in [
        ("GET", f"/api/projects/{pid}"),
        ("PATCH", f"/api/projects/{pid}"),
        ("DELETE", f"/api/projects/{pid}"),
        ("GET", f"/api/projects/{pid}/files"),
        ("POST", f"/api/projects/{pid}/files/{theirs['id']}"),
        ("DELETE", f"/api/projects/{pid}/files/{mine['file_id']}"),
        ("GET", f"/api/conversations/{chat}"),
    ]:
        body = {"name": "mine now"} if method == "PATCH" else None
        response = await other.request(method, path, json=body)
        assert response.status_code == 404, (method, path, response.text)
    assert (await other.get("/api/projects")).json()["items"] == []
    # nor can they start a chat in it, move one into it, or search it
    assert (await other.post("/api/conversations", json={"project_id": pid})).status_code == 404
    own = await new_chat(other)
    moved = await other.patch(f"/api/conversations/{own}", json={"project_id": pid})
    assert moved.status_code == 404
    assert (
        await other.get("/api/search", params={"q": "sky", "project_id": pid})
    ).status_code == 404
    # and their file cannot become my knowledge
    response = await api.post(f"/api/projects/{pid}/files/{theirs['id']}")
    assert response.status_code == 404
    # everything of mine is as it was
    assert [f["file_id"] for f in await knowledge(api, pid)] == [mine["file_id"]]
    assert (await api.get(f"/api/projects/{pid}")).json()["name"] == "Handbook"


# --- knowledge -------------------------------------------------------------------------------


async def test_knowledge_is_indexed_in_the_background_with_progress(api: ApiClient) -> None:
    project = await make_project(api)
    body = "\n\n".join(f"# Part {i}\n\n" + f"Sentence about topic {i}. " * 30 for i in range(6))
    added = await add_knowledge(api, project["id"], "guide.md", body.encode(), wait=False)
    assert added["status"] == "queued" and added["chunks"] == 0
    again = await api.post(f"/api/projects/{project['id']}/files/{added['file_id']}")
    assert again.status_code == 200  # adding it twice changes nothing

    files = await ready(api, project["id"])
    assert len(files) == 1
    [file] = files
    assert file["status"] == "ready", file
    assert file["chunks"] >= 6 and file["embedded"] == file["chunks"]
    assert file["error"] is None
    listed = (await api.get(f"/api/projects/{project['id']}")).json()
    assert listed["file_count"] == 1 and listed["knowledge_tokens"] > 0

    removed = await api.delete(f"/api/projects/{project['id']}/files/{file['file_id']}")
    assert removed.status_code == 204
    assert await knowledge(api, project["id"]) == []
    # uploaded for the project alone, it went with it
    assert (await api.get(f"/api/files/{file['file_id']}")).status_code == 404


async def test_files_without_text_are_refused_or_fail_with_a_reason(api: ApiClient) -> None:
    from tests.api import file_corpus

    project = await make_project(api)
    photo = await uploaded(api, "photo.png", file_corpus.image("PNG"))
    refused = await api.post(f"/api/projects/{project['id']}/files/{photo['id']}")
    assert refused.status_code == 422 and "no text" in refused.text

    from fpdf import FPDF

    scan = FPDF()
    scan.add_page()  # a page with no text on it, as a scanned one has
    blank = await add_knowledge(api, project["id"], "scan.pdf", bytes(scan.output()))
    [file] = await knowledge(api, project["id"])
    assert file["file_id"] == blank["file_id"]
    assert file["status"] == "failed" and "No text could be read from “scan.pdf”" in file["error"]


# --- what the model is told -------------------------------------------------------------------


def _answer_request(llm: LLMFake) -> dict[str, Any]:
    """The latest request for an answer (not the one that names the chat)."""
    answers = [
        r.body for r in llm.generation_requests() if "You name conversations" not in str(r.body)
    ]
    return dict(answers[-1])


def _system(request_body: dict[str, Any]) -> list[dict[str, Any]]:
    system = request_body["system"]
    return [{"type": "text", "text": system}] if isinstance(system, str) else list(system)


async def test_a_chat_in_a_project_gets_instructions_and_whole_knowledge_and_cites_it(
    api: ApiClient, llm: LLMFake
) -> None:
    project = await make_project(api, instructions="Always answer like a pirate.")
    handbook = (
        "# Holidays\n\nEveryone gets 31 days of paid leave a year.\n\n"
        "# Parking\n\nThe garage door code is 4417. Spaces on level two are for visitors."
    )
    await add_knowledge(api, project["id"], "handbook.md", handbook.encode())
    chat = await new_chat(api, project_id=project["id"])

    llm.push({"text": ["Arr, the code be 4417 [2]."]})
    frames = await read_run(api, (await send(api, chat, "What is the garage code?"))["run_id"])

    body = _answer_request(llm)
    blocks = _system(body)
    assert "Always answer like a pirate." in blocks[0]["text"]
    assert "Handbook" in blocks[0]["text"]
    knowledge_block = blocks[-1]
    assert knowledge_block["cache_control"] == {"type": "ephemeral"}
    assert "The garage door code is 4417." in knowledge_block["text"]
    assert "31 days of paid leave" in knowledge_block["text"]  # whole: every passage
    assert 'file="handbook.md"' in knowledge_block["text"]

    sources_event = [f.data for f in frames if f.event == "sources"]
    assert len(sources_event) == 1
    [source] = sources_event[0]["sources"]
    assert source["n"] == 2 and source["file_name"] == "handbook.md"
    assert source["section"] == "Parking" and "4417" in source["excerpt"]
    answer = (await messages(api, chat))[-1]
    parts = [p for p in answer["parts"] if p["type"] == "sources"]
    assert parts and parts[0]["sources"][0]["chunk_id"] == source["chunk_id"]
    assert answer["parts"][0] == {"type": "text", "text": "Arr, the code be 4417 [2]."}

    # the next turn sends the same knowledge block: the cached prefix holds
    llm.push({"text": ["Aye."]})
    await read_run(api, (await send(api, chat, "Thanks"))["run_id"])
    assert _system(_answer_request(llm))[-1] == knowledge_block


async def test_a_chat_outside_projects_is_unchanged(api: ApiClient, llm: LLMFake) -> None:
    chat = await new_chat(api)
    llm.push({"text": ["Hi [1]."]})
    frames = await read_run(api, (await send(api, chat, "Hello"))["run_id"])
    body = _answer_request(llm)
    assert isinstance(body["system"], str) and "<knowledge>" not in body["system"]
    assert not [f for f in frames if f.event == "sources"]
    assert [p["type"] for p in (await messages(api, chat))[-1]["parts"]] == ["text"]


WORDS = [
    "budget",
    "invoice",
    "marketing",
    "quarterly",
    "revenue",
    "sprint",
    "roadmap",
    "customer",
    "onboarding",
    "design",
    "release",
    "backlog",
    "metrics",
    "hiring",
    "interview",
    "payroll",
    "vendor",
    "contract",
    "travel",
    "expense",
    "policy",
    "training",
    "laptop",
    "printer",
    "meeting",
    "agenda",
    "minutes",
    "offsite",
    "feedback",
    "survey",
    "launch",
    "partner",
]


def _distractors(count: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    sections = []
    for i in range(count):
        words = " ".join(rng.choice(WORDS) for _ in range(24))
        sections.append(f"# Note {i}\n\nThe {words} were discussed and filed under item {i}.")
    return "\n\n".join(sections)


PLANTED = "The Zephyr warehouse entrance opens with keypad code 9051 after 6 pm."


async def test_retrieval_finds_a_planted_fact_among_200_distractors(
    api: ApiClient, llm: LLMFake, server: RunningServer
) -> None:
    project = await make_project(api)
    corpus = _distractors(200).split("\n\n# ")
    corpus.insert(137, f"Facilities\n\n{PLANTED}")
    await add_knowledge(api, project["id"], "notes.md", "\n\n# ".join(corpus).encode())
    [file] = await knowledge(api, project["id"])
    assert file["status"] == "ready" and file["chunks"] == 201 and file["embedded"] == 201
    ctx = server.app.state.ctx
    pid = project["id"]

    async def planted_rank(ids: list[int]) -> int | None:
        texts = await _texts(server, ids)
        return next((rank for rank, body in enumerate(texts) if "9051" in body), None)

    question = "What is the keypad code of the Zephyr warehouse?"
    assert await planted_rank(await keyword_ranking(ctx, pid, question, 5)) == 0
    # in other words than the passage's: the embeddings find it without the keywords
    paraphrase = "how do I get into the storage building in the evening"
    assert await planted_rank(await keyword_ranking(ctx, pid, paraphrase, 5)) is None
    semantic = await planted_rank(await vector_ranking(ctx, pid, paraphrase, 5))
    assert semantic is not None, "the vector ranking missed the paraphrased question"
    fused = await planted_rank(await retrieve(ctx, pid, paraphrase, 5))
    assert fused is not None

    # past the whole-knowledge budget a chat gets only the retrieved passages
    chat = await new_chat(api, project_id=pid)
    with settings(server, knowledge_whole_tokens=100, knowledge_passages=5):
        llm.push({"text": ["It is 9051 [1]."]})
        frames = await read_run(api, (await send(api, chat, question))["run_id"])
    block = _system(_answer_request(llm))[-1]
    assert PLANTED in block["text"] and "cache_control" not in block
    assert block["text"].count("<passage ") == 5
    [event] = [f.data for f in frames if f.event == "sources"]
    assert "9051" in event["sources"][0]["excerpt"]


async def _texts(server: RunningServer, ids: list[int]) -> list[str]:
    from sqlalchemy import select

    from parley.db.models import KnowledgeChunk

    async with server.app.state.ctx.db.read() as session:
        rows = dict(
            (
                await session.execute(
                    select(KnowledgeChunk.id, KnowledgeChunk.text).where(KnowledgeChunk.id.in_(ids))
                )
            ).all()
        )
    return [rows[i] for i in ids]
