"""Organising conversations: delete with undo, bulk actions, archive and project filters, copies."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from parley.db.models import Project, utcnow
from parley.services.organising import purge_deleted
from tests.api.sse import read_run
from tests.api.test_artifacts import make_page, update_call
from tests.api.test_files import uploaded
from tests.api.test_runs import messages, new_chat, send
from tests.conftest import ApiClient, RunningServer, postgres_database, serve, server_settings
from tests.fakes.llm_server import LLMFake


async def listed(api: ApiClient, **params: Any) -> list[str]:
    response = await api.get("/api/conversations", params=params)
    assert response.status_code == 200, response.text
    return [c["id"] for c in response.json()["items"]]


async def make_project(server: RunningServer, api: ApiClient, name: str = "Work") -> str:
    user_id = (await api.get("/api/auth/me")).json()["id"]
    project = Project(user_id=user_id, name=name)
    await server.app.state.ctx.db.run_write(lambda session: session.add(project))
    return project.id


@pytest.fixture
async def other(server: RunningServer) -> AsyncIterator[ApiClient]:
    async with ApiClient(base_url=server.url, timeout=30) as client:
        await client.sign_up()
        yield client


async def test_a_deleted_conversation_is_gone_everywhere_until_restored(
    api: ApiClient, llm: LLMFake, server: RunningServer
) -> None:
    chat, frames, artifact_id = await make_page(api, llm)
    run_id = frames[0].data["run_id"]
    photo = await uploaded(api, "notes.txt", b"kept with the chat")
    llm.push({"text": ["Read it."]})
    await read_run(api, (await send(api, chat, "Read", attachments=[photo["id"]]))["run_id"])

    assert (await api.delete(f"/api/conversations/{chat}")).status_code == 204
    assert chat not in await listed(api)
    assert chat not in await listed(api, archived=True)
    for path in (
        f"/api/conversations/{chat}",
        f"/api/conversations/{chat}/messages",
        f"/api/conversations/{chat}/artifacts",
        f"/api/conversations/{chat}/files",
        f"/api/artifacts/{artifact_id}",
        f"/api/runs/{run_id}",
        f"/api/runs/{run_id}/events",
        f"/api/files/{photo['id']}",
        photo["content_url"],
    ):
        assert (await api.get(path)).status_code == 404, path
    assert photo["id"] not in [f["id"] for f in (await api.get("/api/files")).json()["items"]]
    gone = await api.post(f"/api/conversations/{chat}/messages", json={"content": "Hi"})
    assert gone.status_code == 404
    assert (await api.patch(f"/api/conversations/{chat}", json={"title": "x"})).status_code == 404
    assert (await api.delete(f"/api/conversations/{chat}")).status_code == 404

    restored = await api.post(f"/api/conversations/{chat}/restore")
    assert restored.status_code == 200 and restored.json()["id"] == chat
    assert chat in await listed(api)
    assert len(await messages(api, chat)) == 4
    assert (await api.get(f"/api/artifacts/{artifact_id}")).status_code == 200
    assert (await api.get(photo["content_url"])).content == b"kept with the chat"


async def test_deleting_cancels_the_answer_being_written(api: ApiClient, llm: LLMFake) -> None:
    llm.push({"text": [f"w{i} " for i in range(400)], "delay_ms": 10})
    chat = await new_chat(api)
    started = await send(api, chat)
    await read_run(api, started["run_id"], limit=3)
    assert (await api.delete(f"/api/conversations/{chat}")).status_code == 204
    await api.post(f"/api/conversations/{chat}/restore")
    for _ in range(100):
        answer = (await messages(api, chat))[-1]
        if answer["status"] != "streaming":
            break
        await asyncio.sleep(0.05)
    assert answer["status"] == "cancelled"
    assert len(answer["parts"][0]["text"].split()) < 400


async def test_restore_is_someone_elses_404(api: ApiClient, other: ApiClient) -> None:
    chat = await new_chat(api)
    await api.delete(f"/api/conversations/{chat}")
    assert (await other.post(f"/api/conversations/{chat}/restore")).status_code == 404
    assert (await api.post(f"/api/conversations/{chat}/restore")).status_code == 200


async def test_the_purge_removes_only_what_the_window_let_go(
    api: ApiClient, server: RunningServer
) -> None:
    ctx = server.app.state.ctx
    kept, deleted, restored = [await new_chat(api) for _ in range(3)]
    await api.delete(f"/api/conversations/{deleted}")
    await api.delete(f"/api/conversations/{restored}")
    await api.post(f"/api/conversations/{restored}/restore")
    assert await purge_deleted(ctx) == 0  # inside the window: nothing goes
    assert (await api.post(f"/api/conversations/{deleted}/restore")).status_code == 200
    await api.delete(f"/api/conversations/{deleted}")
    later = utcnow() + timedelta(seconds=ctx.settings.undo_seconds + 1)
    assert await purge_deleted(ctx, now=later) >= 1
    assert (await api.post(f"/api/conversations/{deleted}/restore")).status_code == 404
    assert {kept, restored} <= set(await listed(api))


@pytest.mark.parametrize("database", ["sqlite", "postgres"])
async def test_restore_answers_404_once_the_window_has_passed(
    database: str, llm: LLMFake, tmp_path: Path
) -> None:
    async with (
        database_settings(database) as url,
        serve(server_settings(tmp_path, llm, undo_seconds=0.3, **url)) as running,
        ApiClient(base_url=running.url, timeout=30) as api,
    ):
        await api.sign_up()
        chat = await new_chat(api)
        await api.delete(f"/api/conversations/{chat}")
        await asyncio.sleep(0.4)
        assert (await api.post(f"/api/conversations/{chat}/restore")).status_code == 404
        await purge_deleted(running.app.state.ctx)
        await api.post(f"/api/conversations/{chat}/restore")
        assert (await api.get(f"/api/conversations/{chat}")).status_code == 404


@contextlib.asynccontextmanager
async def database_settings(database: str) -> AsyncIterator[dict[str, str]]:
    if database == "postgres":
        async with postgres_database() as url:
            yield {"database_url": url}
    else:
        yield {}  # the default SQLite file in the data directory


async def test_bulk_is_all_or_nothing_and_scoped(api: ApiClient, other: ApiClient) -> None:
    mine = [await new_chat(api) for _ in range(3)]
    theirs = await new_chat(other)
    for ids in ([*mine, theirs], [*mine, "nope"]):
        for action in ("delete", "archive"):
            refused = await api.post("/api/conversations/bulk", json={"ids": ids, "action": action})
            assert refused.status_code == 404, refused.text
    assert set(mine) <= set(await listed(api))
    assert theirs in await listed(other)

    archived = await api.post(
        "/api/conversations/bulk", json={"ids": mine[:2], "action": "archive"}
    )
    assert archived.json() == {"action": "archive", "ids": mine[:2]}
    assert set(await listed(api, archived=True)) == set(mine[:2])
    back = await api.post("/api/conversations/bulk", json={"ids": [mine[0]], "action": "unarchive"})
    assert back.status_code == 200 and mine[0] in await listed(api)

    deleted = await api.post("/api/conversations/bulk", json={"ids": mine, "action": "delete"})
    assert deleted.status_code == 200
    assert await listed(api) == [] and await listed(api, archived=True) == []
    again = await api.post("/api/conversations/bulk", json={"ids": mine, "action": "archive"})
    assert again.status_code == 404  # deleted ones are gone for bulk too
    for cid in mine:
        assert (await api.post(f"/api/conversations/{cid}/restore")).status_code == 200


async def test_bulk_refuses_too_many_or_unknown_actions(api: ApiClient) -> None:
    too_many = await api.post(
        "/api/conversations/bulk", json={"ids": [f"c{i}" for i in range(501)], "action": "delete"}
    )
    assert too_many.status_code == 422
    for body in ({"ids": [], "action": "delete"}, {"ids": ["a"], "action": "star"}):
        assert (await api.post("/api/conversations/bulk", json=body)).status_code == 422


async def test_move_into_a_project_lists_it_there_and_someone_elses_project_is_404(
    api: ApiClient, other: ApiClient, server: RunningServer
) -> None:
    project = await make_project(server, api)
    foreign = await make_project(server, other, "Theirs")
    one, two, three = [await new_chat(api) for _ in range(3)]
    moved = await api.post(
        "/api/conversations/bulk", json={"ids": [one, two], "action": "move", "project_id": project}
    )
    assert moved.status_code == 200
    assert set(await listed(api, project_id=project)) == {one, two}
    patched = await api.patch(f"/api/conversations/{three}", json={"project_id": project})
    assert patched.json()["project_id"] == project
    out = await api.patch(f"/api/conversations/{one}", json={"project_id": None})
    assert out.json()["project_id"] is None
    assert set(await listed(api, project_id=project)) == {two, three}

    refused = await api.post(
        "/api/conversations/bulk", json={"ids": [one], "action": "move", "project_id": foreign}
    )
    assert refused.status_code == 404
    patch = await api.patch(f"/api/conversations/{one}", json={"project_id": foreign})
    assert patch.status_code == 404
    assert (await api.get(f"/api/conversations/{one}")).json()["project_id"] is None
    assert await listed(api, project_id=foreign) == []
    assert await listed(other, project_id=project) == []


async def test_duplicate_copies_only_the_branch_shown(
    api: ApiClient, llm: LLMFake, server: RunningServer
) -> None:
    chat, _, _ = await make_page(api, llm)
    note = await uploaded(api, "note.txt", b"a note")
    llm.push({"text": ["Updated."], "tool_calls": [update_call("First draft", "Second")]})
    llm.push({"text": ["Done."]})
    await read_run(api, (await send(api, chat, "Change it", attachments=[note["id"]]))["run_id"])
    tree = await messages(api, chat)
    first_answer = tree[1]
    llm.push({"text": ["Another first answer."]})
    regenerated = await api.post(
        f"/api/conversations/{chat}/messages/{first_answer['id']}/regenerate", json={}
    )
    await read_run(api, regenerated.json()["run_id"])

    newest = await api.post(f"/api/conversations/{chat}/duplicate")
    assert newest.status_code == 201, newest.text
    assert newest.json()["title"].endswith("(copy)")
    copied = await messages(api, newest.json()["id"])
    assert [m["role"] for m in copied] == ["user", "assistant"]
    assert copied[1]["parts"][-1]["text"] == "Another first answer."
    assert (await api.get(f"/api/conversations/{newest.json()['id']}/artifacts")).json()[
        "artifacts"
    ] == []

    longest = await api.post(
        f"/api/conversations/{chat}/duplicate", json={"leaf_id": tree[-1]["id"]}
    )
    copy_id = longest.json()["id"]
    copied = await messages(api, copy_id)
    assert next(m["parts"] for m in copied) == tree[0]["parts"]
    assert len(copied) == 4 and copied[0]["parent_id"] is None
    assert all(c["parent_id"] == p["id"] for p, c in itertools.pairwise(copied))
    assert {m["id"] for m in copied}.isdisjoint({m["id"] for m in tree})
    [artifact] = (await api.get(f"/api/conversations/{copy_id}/artifacts")).json()["artifacts"]
    assert artifact["version"] == 2 and "Second" in artifact["content"]
    refs = [p for m in copied for p in m["parts"] if p["type"] == "artifact_ref"]
    assert refs and all(r["artifact_id"] == artifact["id"] for r in refs)
    [attachment] = [p for p in copied[2]["parts"] if p["type"] == "attachment"]
    assert attachment["file_id"] != note["id"]
    # the copy's file is its own: deleting the original for good leaves it readable
    await api.delete(f"/api/conversations/{chat}")
    ctx = server.app.state.ctx
    await purge_deleted(ctx, now=utcnow() + timedelta(seconds=ctx.settings.undo_seconds + 1))
    assert (await api.get(f"/api/files/{attachment['file_id']}/content")).content == b"a note"
    unknown = await api.post(f"/api/conversations/{chat}/duplicate", json={"leaf_id": "x"})
    assert unknown.status_code == 404


async def test_duplicate_of_someone_elses_conversation_is_404(
    api: ApiClient, other: ApiClient
) -> None:
    chat = await new_chat(api, title="Mine")
    assert (await other.post(f"/api/conversations/{chat}/duplicate")).status_code == 404
    empty = await api.post(f"/api/conversations/{chat}/duplicate")
    assert empty.status_code == 201 and empty.json()["title"] == "Mine (copy)"
    assert await messages(api, empty.json()["id"]) == []
