"""Usage and cost: each answer's tokens (cache reads and writes too) and cost from the catalog's
prices, summed per day, model and conversation, as JSON and CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.api.sse import read_run
from tests.api.test_runs import messages, new_chat, send
from tests.conftest import ApiClient
from tests.fakes.llm_server import LLMFake


async def _claude(api: ApiClient) -> dict[str, Any]:
    listed = (await api.get("/api/models")).json()
    models = listed["models"] if isinstance(listed, dict) else listed
    return next(m for m in models if m["provider"] == "anthropic" and m["input_price"])


def _expected_cost(model: dict[str, Any], fresh: int, read: int, write: int, out: int) -> float:
    weighted = fresh + write * 1.25 + read * 0.1
    return float((weighted * model["input_price"] + out * model["output_price"]) / 1_000_000)


async def test_an_answer_keeps_its_tokens_and_cost_and_usage_sums_them(
    api: ApiClient, llm: LLMFake
) -> None:
    model = await _claude(api)
    chat = await new_chat(api, model=model["id"], title="=HYPERLINK(evil)")
    llm.push(
        {
            "text": ["Cached answer."],
            "input_tokens": 1000,
            "output_tokens": 200,
            "cache_read_tokens": 3000,
            "cache_write_tokens": 500,
        }
    )
    frames = await read_run(api, (await send(api, chat, "Hello"))["run_id"])
    cost = _expected_cost(model, 1000, 3000, 500, 200)
    [usage] = [f.data for f in frames if f.event == "usage"]
    assert usage["input_tokens"] == 4500 and usage["output_tokens"] == 200
    assert usage["cache_read_tokens"] == 3000 and usage["cache_write_tokens"] == 500
    assert usage["cost_usd"] == pytest.approx(cost)
    answer = (await messages(api, chat))[-1]
    assert answer["cache_read_tokens"] == 3000 and answer["cache_write_tokens"] == 500
    assert answer["cost_usd"] == pytest.approx(cost)

    llm.push({"text": ["Second."], "input_tokens": 100, "output_tokens": 10})
    await read_run(api, (await send(api, chat, "Again"))["run_id"])
    second = _expected_cost(model, 100, 0, 0, 10)

    today = datetime.now(UTC).date().isoformat()
    by_day = (await api.get("/api/usage")).json()
    assert by_day["group_by"] == "day" and by_day["to"] == today
    [row] = by_day["rows"]
    assert row["key"] == today and row["answers"] == 2
    assert row["input_tokens"] == 4600 and row["output_tokens"] == 210
    assert row["cost_usd"] == pytest.approx(cost + second, rel=1e-4)
    assert by_day["total"]["cost_usd"] == pytest.approx(cost + second, rel=1e-4)

    by_model = (await api.get("/api/usage", params={"group_by": "model"})).json()
    assert [(r["key"], r["label"]) for r in by_model["rows"]] == [(model["id"], model["name"])]
    by_chat = (await api.get("/api/usage", params={"group_by": "conversation"})).json()
    assert [(r["key"], r["label"]) for r in by_chat["rows"]] == [(chat, "=HYPERLINK(evil)")]

    exported = await api.get("/api/usage", params={"group_by": "conversation", "format": "csv"})
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/csv")
    assert "attachment" in exported.headers["content-disposition"]
    table = list(csv.reader(io.StringIO(exported.text)))
    assert table[0][:3] == ["key", "label", "answers"]
    assert table[1][:3] == [chat, "'=HYPERLINK(evil)", "2"]  # never a formula in a spreadsheet
    assert table[-1][:3] == ["total", "Total", "2"]


async def test_usage_is_per_person_and_by_date(
    api: ApiClient, llm: LLMFake, server_other: ApiClient
) -> None:
    chat = await new_chat(api)
    llm.push({"text": ["Hi."], "input_tokens": 10, "output_tokens": 2})
    await read_run(api, (await send(api, chat, "Hi"))["run_id"])
    assert (await server_other.get("/api/usage")).json()["rows"] == []
    last_year = (datetime.now(UTC) - timedelta(days=400)).date()
    old = await api.get(
        "/api/usage",
        params={"from": last_year.isoformat(), "to": (last_year + timedelta(days=5)).isoformat()},
    )
    assert old.status_code == 200 and old.json()["rows"] == []


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"from": "2026-12-05", "to": "2026-12-01"}, "on or before"),
        ({"from": "2024-01-01", "to": "2026-01-01"}, "at most 366 days"),
        ({"from": "yesterday"}, "from"),
        ({"group_by": "week"}, "group_by"),
        ({"format": "xml"}, "format"),
    ],
)
async def test_bad_usage_queries_are_refused(
    api: ApiClient, params: dict[str, str], words: str
) -> None:
    response = await api.get("/api/usage", params=params)
    assert response.status_code == 422 and words in response.text


@pytest.fixture
async def server_other(api: ApiClient) -> Any:
    async with ApiClient(base_url=str(api.base_url), timeout=30) as client:
        await client.sign_up()
        yield client
