"""A small SSE reader for tests: parses frames exactly as a browser would."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx


@dataclass
class Frame:
    id: int
    event: str
    data: dict[str, Any]


async def frames(response: httpx.Response) -> AsyncIterator[Frame]:
    fields: dict[str, str] = {}
    async for line in response.aiter_lines():
        if line == "":
            if "data" in fields:
                yield Frame(
                    int(fields.get("id", "0")),
                    fields.get("event", "message"),
                    json.loads(fields["data"]),
                )
            fields = {}
        elif line.startswith(":"):
            continue
        else:
            name, _, value = line.partition(":")
            fields[name] = value[1:] if value.startswith(" ") else value


async def read_run(
    client: httpx.AsyncClient,
    run_id: str,
    *,
    after: int | None = None,
    last_event_id: int | None = None,
    limit: int | None = None,
) -> list[Frame]:
    """Frames of a run until the stream closes (or `limit` frames have arrived)."""
    headers = {"Last-Event-ID": str(last_event_id)} if last_event_id is not None else {}
    params = {"after": after} if after is not None else {}
    out: list[Frame] = []
    async with client.stream(
        "GET", f"/api/runs/{run_id}/events", headers=headers, params=params
    ) as response:
        assert response.status_code == 200, await response.aread()
        async for frame in frames(response):
            out.append(frame)
            if limit is not None and len(out) >= limit:
                break
    return out


def text_of(frames_: list[Frame], kind: str = "text_delta") -> str:
    return "".join(f.data["text"] for f in frames_ if f.event == kind)
