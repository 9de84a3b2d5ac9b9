"""A loopback fake of the Anthropic and OpenAI-compatible APIs, for tests and benchmarks.

In process::

    with LLMFake() as fake:                      # a thread with its own event loop
        fake.push({"text": ["Hel", "lo"]})       # or fake.push(Step(...)), fake.script([...])
        client = AsyncAnthropic(base_url=fake.anthropic_url, api_key="k")
        ...
        fake.requests[-1].body["max_tokens"]

As a process (prints the bound port on stdout)::

    python -m tests.fakes.llm_server --port 0 --print-port --default-tokens 200 --default-delay-ms 5

and drive it over HTTP: `POST /_control/script` (a JSON list of steps, appended to the queue),
`POST /_control/default` (one step: the answer when the queue is empty), `POST /_control/models`
(`{"anthropic": [...], "openai": [...], "status": 500, "delay_ms": 0}`), `GET /_control/requests`,
`POST /_control/reset`.

One queue serves both APIs: each generation request (Anthropic or OpenAI) takes the next step.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import threading
import time
from collections import deque
from dataclasses import dataclass, field, replace
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

import orjson

from tests.fakes import llm_wire
from tests.fakes.llm_script import ANTHROPIC_MODELS, OPENAI_MODELS, Step, as_step

REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    413: "Payload Too Large",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    529: "Site Overloaded",
}


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: Any

    def to_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "path": self.path,
            "headers": self.headers,
            "body": self.body,
        }


@dataclass
class ModelsConfig:
    anthropic: list[dict[str, Any]] = field(default_factory=lambda: list(ANTHROPIC_MODELS))
    openai: list[str] = field(default_factory=lambda: list(OPENAI_MODELS))
    status: int | None = None  # answer the models endpoints with this error status
    delay_ms: float = 0.0


class _HTTPBody:
    """One HTTP/1.1 response; streams use chunked transfer encoding, as the real APIs do."""

    def __init__(self, writer: asyncio.StreamWriter) -> None:
        self.writer = writer
        self.chunked = False
        self.keep_alive = True
        self.aborted = False

    def start(self, status: int, headers: list[tuple[str, str]], *, stream: bool) -> None:
        self.chunked = True
        lines = [f"HTTP/1.1 {status} {REASONS.get(status, 'Error')}"]
        lines += [f"{name}: {value}" for name, value in headers]
        lines += [
            "date: " + time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime()),
            "transfer-encoding: chunked",
            "connection: keep-alive",
        ]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))

    def send(self, data: bytes) -> None:
        if data:
            self.writer.write(b"%x\r\n%b\r\n" % (len(data), data))

    def finish(self) -> None:
        self.writer.write(b"0\r\n\r\n")

    def abort(self) -> None:
        self.aborted = True
        self.keep_alive = False
        self.writer.transport.abort()

    async def flush(self) -> None:
        if self.writer.transport.is_closing():
            raise ConnectionResetError("client went away")
        await self.writer.drain()

    def json(self, status: int, payload: Any, headers: list[tuple[str, str]] | None = None) -> None:
        self.start(status, [("content-type", "application/json"), *(headers or [])], stream=False)
        self.send(orjson.dumps(payload))
        self.finish()


class LLMFake:
    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        default: Step | dict[str, Any] | None = None,
        models: ModelsConfig | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.default = as_step(default) if default is not None else Step(tokens=3)
        self.models = models or ModelsConfig()
        self.requests: list[RecordedRequest] = []
        self._queue: deque[Step] = deque()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def anthropic_url(self) -> str:
        return self.base_url + "/anthropic"

    @property
    def openai_url(self) -> str:
        return self.base_url + "/openai/v1"

    def push(self, *steps: Step | dict[str, Any]) -> None:
        self._queue.extend(as_step(s) for s in steps)

    def script(self, steps: list[Step | dict[str, Any]]) -> None:
        self.push(*steps)

    def set_default(self, step: Step | dict[str, Any]) -> None:
        self.default = as_step(step)

    def reset(self) -> None:
        self._queue.clear()
        self.requests.clear()
        self.models = ModelsConfig()

    @property
    def pending(self) -> int:
        return len(self._queue)

    def generation_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.method == "POST"]

    def start(self) -> LLMFake:
        ready = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            loop = _new_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._listen())
            except (OSError, RuntimeError) as exc:  # handed to the starting thread
                failure.append(exc)
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._shutdown())
            loop.close()

        self._thread = threading.Thread(target=run, name="llm-fake", daemon=True)
        self._thread.start()
        ready.wait()
        if failure:
            raise failure[0]
        return self

    def stop(self) -> None:
        if self._loop is None or self._thread is None:
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._thread = None
        self._loop = None

    def __enter__(self) -> LLMFake:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    async def _listen(self) -> None:
        self._server = await asyncio.start_server(
            self._serve, self.host, self.port, backlog=1024, limit=1 << 20
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                request_line, *lines = head.decode("latin-1").rstrip("\r\n").split("\r\n")
                method, target, _ = request_line.split(" ", 2)
                headers: dict[str, str] = {}
                for line in lines:
                    name, _, value = line.partition(":")
                    headers[name.strip().lower()] = value.strip()
                length = int(headers.get("content-length", "0"))
                raw = await reader.readexactly(length) if length else b""
                body = _HTTPBody(writer)
                await self._dispatch(method, target, headers, raw, body)
                if body.aborted:
                    return
                await writer.drain()
                if headers.get("connection", "").lower() == "close":
                    return
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            pass
        except asyncio.CancelledError:
            # Only stop() cancels these; ending quietly spares asyncio's "exception never
            # retrieved" report for every open connection.
            pass
        finally:
            self._tasks.discard(task)
            writer.close()

    async def _dispatch(
        self, method: str, target: str, headers: dict[str, str], raw: bytes, body: _HTTPBody
    ) -> None:
        url = urlsplit(target)
        path = url.path
        query = {k: v[-1] for k, v in parse_qs(url.query).items()}
        if path.startswith("/_control/"):
            self._control(method, path, raw, body)
            return
        payload: Any = orjson.loads(raw) if raw else None
        self.requests.append(RecordedRequest(method, target, headers, payload))
        if method == "POST" and path == "/anthropic/v1/messages":
            await llm_wire.anthropic_messages(body, payload, self._next_step(payload))
        elif method == "POST" and path == "/openai/v1/chat/completions":
            await llm_wire.openai_chat(body, payload, self._next_step(payload))
        elif method == "GET" and path == "/anthropic/v1/models":
            await self._anthropic_models(query, body)
        elif method == "GET" and path == "/openai/v1/models":
            await self._openai_models(body)
        else:
            not_found = {
                "type": "error",
                "error": {"type": "not_found_error", "message": "Not found"},
            }
            body.json(404, not_found)

    def _next_step(self, request: dict[str, Any]) -> Step:
        step = self._queue.popleft() if self._queue else self.default
        # like a real model, generated filler stops at the request's max_tokens
        limit = request.get("max_tokens") or request.get("max_completion_tokens")
        if step.text is None and isinstance(limit, int) and 0 < limit < step.tokens:
            return replace(step, tokens=limit, stop_reason="max_tokens")
        return step

    async def _models_failure(self, body: _HTTPBody, api: str) -> bool:
        if self.models.delay_ms:
            await asyncio.sleep(self.models.delay_ms / 1000)
        if self.models.status is None:
            return False
        llm_wire.send_error(body, Step(), self.models.status, api)
        return True

    async def _anthropic_models(self, query: dict[str, str], body: _HTTPBody) -> None:
        if await self._models_failure(body, "anthropic"):
            return
        models = [_anthropic_model(m) for m in self.models.anthropic]
        ids = [m["id"] for m in models]
        limit = int(query.get("limit", "20"))
        if "after_id" in query and query["after_id"] in ids:
            start = ids.index(query["after_id"]) + 1
            page = models[start : start + limit]
            has_more = start + limit < len(models)
        elif "before_id" in query and query["before_id"] in ids:
            end = ids.index(query["before_id"])
            page = models[max(0, end - limit) : end]
            has_more = end - limit > 0
        else:
            page = models[:limit]
            has_more = limit < len(models)
        listing = {
            "data": page,
            "has_more": has_more,
            "first_id": page[0]["id"] if page else None,
            "last_id": page[-1]["id"] if page else None,
        }
        body.json(200, listing, llm_wire.anthropic_headers())

    async def _openai_models(self, body: _HTTPBody) -> None:
        if await self._models_failure(body, "openai"):
            return
        data = [
            {"id": m, "object": "model", "created": 1730000000, "owned_by": "library"}
            for m in self.models.openai
        ]
        body.json(200, {"object": "list", "data": data})

    def _control(self, method: str, path: str, raw: bytes, body: _HTTPBody) -> None:
        payload: Any = orjson.loads(raw) if raw else None
        try:
            if method == "POST" and path == "/_control/script":
                self.push(*(payload or []))
            elif method == "POST" and path == "/_control/default":
                self.set_default(payload)
            elif method == "POST" and path == "/_control/models":
                self.models = ModelsConfig(**payload)
            elif method == "POST" and path == "/_control/reset":
                self.reset()
            elif method == "GET" and path == "/_control/requests":
                body.json(200, [r.to_json() for r in self.requests])
                return
            else:
                body.json(404, {"error": f"no control endpoint {method} {path}"})
                return
        except (TypeError, ValueError) as exc:
            body.json(400, {"error": str(exc)})
            return
        body.json(200, {"ok": True, "pending": self.pending})


def _anthropic_model(model: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "model",
        "created_at": "2025-09-29T00:00:00Z",
        "lifecycle": "active",
        "display_name": model["id"],
        **model,
    }


def _new_loop() -> asyncio.AbstractEventLoop:
    try:
        import uvloop
    except ImportError:
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--print-port", action="store_true")
    parser.add_argument("--default-tokens", type=int, default=200)
    parser.add_argument("--default-delay-ms", type=float, default=5.0)
    args = parser.parse_args(argv)
    default = Step(tokens=args.default_tokens, delay_ms=args.default_delay_ms)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    with LLMFake(host=args.host, port=args.port, default=default) as fake:
        if args.print_port:
            print(fake.port, flush=True)
        while not stop.wait(0.5):
            pass
    with contextlib.suppress(BrokenPipeError):
        print("llm fake stopped", flush=True)


if __name__ == "__main__":
    main()
