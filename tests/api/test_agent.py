"""The agent loop with a person in it: run_code waits for approval, denial reaches the model."""

from __future__ import annotations

from typing import Any

from tests.api.sse import Frame, frames
from tests.api.test_runs import messages, new_chat, send
from tests.conftest import ApiClient, RunningServer
from tests.fakes.llm_server import LLMFake


def run_code(code: str, language: str = "python", call_id: str = "toolu_run1") -> dict[str, Any]:
    return {"id": call_id, "name": "run_code", "input": {"language": language, "code": code}}


async def read_until(
    api: ApiClient, run_id: str, stop_at: str | None = None, after: int = 0
) -> list[Frame]:
    """Frames until one of kind `stop_at` (inclusive) or the end of the stream."""
    out: list[Frame] = []
    async with api.stream("GET", f"/api/runs/{run_id}/events", params={"after": after}) as response:
        assert response.status_code == 200
        async for frame in frames(response):
            out.append(frame)
            if frame.event == stop_at:
                break
    return out


def of(frames_: list[Frame], kind: str) -> list[dict[str, Any]]:
    return [f.data for f in frames_ if f.event == kind]


def tool_call_part(conversation: list[dict[str, Any]]) -> dict[str, Any]:
    return next(p for p in conversation[-1]["parts"] if p["type"] == "tool_call")


def answer_requests_of(llm: LLMFake) -> list[Any]:
    """Requests for answers (they offer tools), not for titles."""
    return [r for r in llm.generation_requests() if "tools" in r.body]


def last_tool_result_sent(llm: LLMFake) -> dict[str, Any]:
    for request in reversed(llm.generation_requests()):
        for message in reversed(request.body.get("messages", [])):
            if isinstance(message["content"], list):
                for block in message["content"]:
                    if block["type"] == "tool_result":
                        return dict(block)
    raise AssertionError("no tool result was sent to the model")


async def test_ask_mode_waits_for_approval_then_runs_and_the_model_reads_the_output(
    api: ApiClient, llm: LLMFake
) -> None:
    llm.push(
        {"text": ["Let me compute."], "tool_calls": [run_code("print(6 * 7)")]},
        {"text": ["It is 42."]},
    )
    chat = await new_chat(api)
    run_id = (await send(api, chat, "What is 6*7?"))["run_id"]

    first = await read_until(api, run_id, "approval_required")
    [asked] = of(first, "approval_required")
    assert (asked["language"], asked["code"]) == ("python", "print(6 * 7)")
    assert asked["limits"]["network"] is False and asked["limits"]["memory_mb"] == 512
    # a reloaded page finds the pending approval in the run's state and in its stored answer
    state = (await api.get(f"/api/runs/{run_id}")).json()
    assert state["status"] == "waiting"
    assert [p["tool_call_id"] for p in state["pending_approvals"]] == ["toolu_run1"]
    answer_requests = len(answer_requests_of(llm))

    decided = await api.post(f"/api/runs/{run_id}/approvals/toolu_run1", json={"approve": True})
    assert decided.status_code == 200 and decided.json() == {"status": "approved"}
    rest = await read_until(api, run_id, after=first[-1].id)

    assert of(rest, "approval_resolved") == [
        {
            "type": "approval_resolved",
            "tool_call_id": "toolu_run1",
            "approved": True,
            "remembered": False,
        }
    ]
    assert "".join(o["text"] for o in of(rest, "tool_output")) == "42\n"
    [result] = of(rest, "tool_result")
    assert result["execution"]["status"] == "ok" and result["execution"]["stdout"] == "42\n"
    assert of(rest, "message_stop")[0]["status"] == "complete"
    assert len(answer_requests_of(llm)) == answer_requests + 1  # the model carried on
    assert "42" in last_tool_result_sent(llm)["content"]
    parts = (await messages(api, chat))[-1]["parts"]
    assert [p["type"] for p in parts] == ["text", "tool_call", "tool_result", "text"]
    assert parts[1]["approval"] == "approved"
    assert (
        await api.post(f"/api/runs/{run_id}/approvals/toolu_run1", json={"approve": True})
    ).status_code == 409


async def test_a_denial_goes_back_to_the_model_which_carries_on(
    api: ApiClient, llm: LLMFake
) -> None:
    llm.push(
        {"tool_calls": [run_code("import os; os.system('rm -rf ~')")]},
        {"text": ["Understood, I will not run it."]},
    )
    chat = await new_chat(api)
    run_id = (await send(api, chat, "Clean up"))["run_id"]
    first = await read_until(api, run_id, "approval_required")

    await api.post(f"/api/runs/{run_id}/approvals/toolu_run1", json={"approve": False})
    rest = await read_until(api, run_id, after=first[-1].id)

    [result] = of(rest, "tool_result")
    assert result["execution"] is None and "declined" in result["content"]
    assert not of(rest, "tool_output")
    assert "declined" in last_tool_result_sent(llm)["content"]
    assert "".join(f.data["text"] for f in rest if f.event == "text_delta") == (
        "Understood, I will not run it."
    )
    assert tool_call_part(await messages(api, chat))["approval"] == "denied"


async def test_allow_mode_never_stops_and_remember_switches_the_conversation(
    api: ApiClient, llm: LLMFake
) -> None:
    llm.push(
        {"tool_calls": [run_code("print('first')", call_id="toolu_a")]},
        {"tool_calls": [run_code("echo second", language="bash", call_id="toolu_b")]},
        {"text": ["Both ran."]},
    )
    chat = await new_chat(api)
    run_id = (await send(api, chat, "Run two things"))["run_id"]
    first = await read_until(api, run_id, "approval_required")

    await api.post(
        f"/api/runs/{run_id}/approvals/toolu_a", json={"approve": True, "remember": True}
    )
    rest = await read_until(api, run_id, after=first[-1].id)

    assert not of(rest, "approval_required")  # the second call ran without asking
    assert [r["execution"]["stdout"] for r in of(rest, "tool_result")] == ["first\n", "second\n"]
    settings = (await api.get(f"/api/conversations/{chat}")).json()["settings"]
    assert settings["permission_mode"] == "allow"

    llm.push({"tool_calls": [run_code("print(1 + 1)", call_id="toolu_c")]}, {"text": ["2"]})
    frames_ = await read_until(api, (await send(api, chat, "And 1+1?"))["run_id"])
    assert not of(frames_, "approval_required")
    assert of(frames_, "tool_result")[0]["execution"]["stdout"] == "2\n"
    assert tool_call_part(await messages(api, chat))["approval"] == "automatic"


async def test_a_tool_error_goes_back_to_the_model(api: ApiClient, llm: LLMFake) -> None:
    llm.push({"tool_calls": [run_code("MOVE 1 TO X", language="cobol")]}, {"text": ["Sorry."]})
    chat = await new_chat(api, settings={"permission_mode": "allow"})
    frames_ = await read_until(api, (await send(api, chat, "Run COBOL"))["run_id"])

    [result] = of(frames_, "tool_result")
    assert result["is_error"] is True and "`language` must be one of" in result["content"]
    sent = last_tool_result_sent(llm)
    assert sent["is_error"] is True and "python, javascript, bash" in sent["content"]


async def test_the_step_limit_stops_a_model_that_never_stops_calling_tools(
    api: ApiClient, llm: LLMFake, server: RunningServer
) -> None:
    limit = server.settings.agent_max_steps
    before = len(answer_requests_of(llm))
    bad_update = {
        "name": "artifacts",
        "input": {"command": "update", "identifier": "ghost", "old_str": "a", "new_str": "b"},
    }
    llm.push(*[{"tool_calls": [bad_update]} for _ in range(limit + 2)])
    chat = await new_chat(api)
    frames_ = await read_until(api, (await send(api, chat, "Loop forever"))["run_id"])

    assert of(frames_, "message_stop")[0]["stop_reason"] == "max_steps"
    assert len(answer_requests_of(llm)) - before == limit


async def test_approvals_of_someone_elses_run_are_404(
    api: ApiClient, llm: LLMFake, server: RunningServer
) -> None:
    llm.push({"tool_calls": [run_code("print(1)")]}, {"text": ["ok"]})
    chat = await new_chat(api)
    run_id = (await send(api, chat, "Run"))["run_id"]
    await read_until(api, run_id, "approval_required")

    async with ApiClient(base_url=server.url) as other:
        await other.sign_up()
        for attempt in (
            other.get(f"/api/runs/{run_id}"),
            other.post(f"/api/runs/{run_id}/approvals/toolu_run1", json={"approve": True}),
        ):
            assert (await attempt).status_code == 404
    assert (await api.get(f"/api/runs/{run_id}")).json()["status"] == "waiting"
    await api.post(f"/api/runs/{run_id}/cancel")
