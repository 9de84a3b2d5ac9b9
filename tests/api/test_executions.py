"""Running a code artifact: results per language, failures, refusals, history and output files."""

from __future__ import annotations

import json
from typing import Any

from tests.api.sse import Frame, frames, read_run
from tests.api.test_runs import new_chat, send
from tests.conftest import ApiClient, RunningServer
from tests.fakes.llm_server import LLMFake

PLOT = """\
import matplotlib.pyplot as plt
plt.plot([1, 2, 3], [1, 4, 9])
plt.savefig("squares.png")
print("saved")
"""


async def code_artifact(
    api: ApiClient, llm: LLMFake, code: str, language: str = "python", kind: str = "code"
) -> str:
    """An artifact the model wrote as a tag; returns its id."""
    llm.push(
        {
            "text": [
                f'<artifact identifier="prog" type="{kind}" language="{language}" title="Prog">\n'
                f"{code}\n</artifact>"
            ]
        }
    )
    chat = await new_chat(api)
    run = await read_run(api, (await send(api, chat, "Write it"))["run_id"])
    return str(next(f.data["artifact_id"] for f in run if f.event == "artifact"))


async def execute(api: ApiClient, artifact_id: str, **body: Any) -> tuple[int, list[Frame], str]:
    csrf = {"X-CSRF-Token": api.cookies.get("parley_csrf") or ""}  # stream() skips ApiClient's
    async with api.stream(
        "POST", f"/api/artifacts/{artifact_id}/execute", json=body, headers=csrf
    ) as response:
        if response.status_code != 200:
            return response.status_code, [], (await response.aread()).decode()
        return 200, [f async for f in frames(response)], ""


def result_of(frames_: list[Frame]) -> dict[str, Any]:
    [result] = [f.data for f in frames_ if f.event == "result"]
    return result


async def test_python_javascript_and_bash_run_and_stream_their_output(
    api: ApiClient, llm: LLMFake
) -> None:
    programs = {
        "python": "import sys\nprint('hi from python')\nprint('warn', file=sys.stderr)",
        "javascript": "console.log('hi from ' + 'node'); console.error('warn')",
        "bash": "echo hi from bash; echo warn >&2; exit 3",
    }
    for language, code in programs.items():
        artifact_id = await code_artifact(api, llm, code, language)
        status, frames_, _ = await execute(api, artifact_id)
        assert status == 200
        live = "".join(f.data["text"] for f in frames_ if f.event == "output")
        result = result_of(frames_)
        assert f"hi from {language if language != 'javascript' else 'node'}" in result["stdout"]
        assert result["stderr"] == "warn\n"
        assert "hi from" in live  # arrived as it was printed, before the result
        expected = ("error", 3) if language == "bash" else ("ok", 0)
        assert (result["status"], result["exit_code"]) == expected
        history = (await api.get(f"/api/artifacts/{artifact_id}/executions")).json()
        assert [e["id"] for e in history["executions"]] == [result["id"]]
        assert history["executions"][0]["artifact_version"] == 1


async def test_a_syntax_error_and_a_timeout_are_results_not_failures(
    api: ApiClient, llm: LLMFake
) -> None:
    broken = await code_artifact(api, llm, "def broken(:\n    pass")
    status, frames_, _ = await execute(api, broken)
    result = result_of(frames_)
    assert status == 200 and result["status"] == "error" and "SyntaxError" in result["stderr"]

    spinning = await code_artifact(api, llm, "while True:\n    pass")
    status, frames_, _ = await execute(api, spinning, timeout_seconds=1)
    result = result_of(frames_)
    assert result["status"] == "timeout" and result["exit_code"] is None
    assert 900 <= result["duration_ms"] < 5000


async def test_a_plot_comes_back_as_an_image_file_to_download(
    api: ApiClient, llm: LLMFake, server: RunningServer
) -> None:
    artifact_id = await code_artifact(api, llm, PLOT)
    _, frames_, _ = await execute(api, artifact_id, timeout_seconds=30)
    result = result_of(frames_)
    assert result["status"] == "ok", result["stderr"]
    [image] = result["files"]
    assert (image["name"], image["mime_type"], image["inline_image"]) == (
        "squares.png",
        "image/png",
        True,
    )
    download = await api.get(image["url"])
    assert download.status_code == 200 and download.content.startswith(b"\x89PNG")
    assert download.headers["content-type"] == "image/png"
    assert "sandbox" in download.headers["content-security-policy"]
    async with ApiClient(base_url=server.url) as other:
        await other.sign_up()
        assert (await other.get(image["url"])).status_code == 404


async def test_refusals_are_clear_422s_and_other_users_get_404(
    api: ApiClient, llm: LLMFake, server: RunningServer
) -> None:
    cobol = await code_artifact(api, llm, "DISPLAY 'HI'.", language="cobol")
    status, _, body = await execute(api, cobol)
    assert status == 422 and "python, javascript, bash" in json.loads(body)["detail"]

    page = await code_artifact(api, llm, "<h1>hi</h1>", language="", kind="html")
    status, _, body = await execute(api, page)
    assert status == 422 and "Only code artifacts can be run" in json.loads(body)["detail"]

    ok = await code_artifact(api, llm, "print(1)")
    status, _, body = await execute(api, ok, timeout_seconds=10_000)
    assert status == 422 and "timeout_seconds may be at most" in json.loads(body)["detail"]

    async with ApiClient(base_url=server.url) as other:
        await other.sign_up()
        assert (await other.post(f"/api/artifacts/{ok}/execute", json={})).status_code == 404
        assert (await other.get(f"/api/artifacts/{ok}/executions")).status_code == 404


async def test_sandbox_info_tells_the_client_what_it_can_offer(
    api: ApiClient, anon: ApiClient
) -> None:
    info = (await api.get("/api/sandbox")).json()
    assert info["available"] is True and info["reason"] is None
    assert set(info["languages"]) == {"python", "javascript", "bash"}
    assert info["default_permission_mode"] == "ask"
    assert info["limits"]["network"] is False and info["limits"]["timeout_seconds"] == 10
    assert (await anon.get("/api/sandbox")).status_code == 401
