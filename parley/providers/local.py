"""The embedded model: a GGUF file run on the CPU by llama.cpp, one request at a time.

A `Llama` object is not thread-safe, so one worker thread owns it and serves requests from a
queue; callers wait their turn and hear their place in the line as `Queued` events. Nothing heavy
happens at import or construction: the weights are joined and checked, and the model loaded, by
the worker on first use (or on `warm_up()`), never on the event loop.
"""

from __future__ import annotations

import asyncio
import codecs
import collections
import importlib.util
import logging
import os
import random
import re
import threading
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from parley.config import Settings
from parley.providers import local_weights
from parley.providers.base import (
    ChatTurn,
    GenerationRequest,
    ModelInfo,
    ProviderError,
    ProviderEvent,
    ProviderName,
    Queued,
    StreamEnd,
    TextDelta,
    UsageReport,
)

_log = logging.getLogger(__name__)

_STOP_REASONS = {"stop": "end_turn", "length": "max_tokens", "stop_sequence": "stop_sequence"}


class _StopWatch:
    """Ends the text at the first stop sequence; holds back a tail that may be the start of one,
    so that no part of a stop sequence is ever shown."""

    def __init__(self, stops: tuple[str, ...]) -> None:
        self._stops = [s for s in stops if s]
        self._held = ""

    def feed(self, text: str, *, final: bool = False) -> tuple[str, bool]:
        if not self._stops:
            return text, False
        held = self._held + text
        found = [i for i in (held.find(s) for s in self._stops) if i >= 0]
        if found:
            self._held = ""
            return held[: min(found)], True
        if final:
            self._held = ""
            return held, False
        keep = 0
        for stop in self._stops:
            for size in range(min(len(stop) - 1, len(held)), 0, -1):
                if held.endswith(stop[:size]):
                    keep = max(keep, size)
                    break
        self._held = held[len(held) - keep :] if keep else ""
        return held[: len(held) - keep], False


_DEFAULT_TEMPERATURE = 0.7
_DEFAULT_TOP_P = 0.95
_MAX_OUTPUT = 4096
_QUANT_SUFFIX = re.compile(r"[._-](?:i?q\d\w*|f16|f32|bf16)$", re.IGNORECASE)

# Used only for a GGUF without an embedded template; ChatML is what most small instruct models use.
_CHATML = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n"
    "{{ message['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)

_Item = ProviderEvent | ProviderError


class _Job:
    """One request: its events cross from the worker thread to the consumer's event loop."""

    def __init__(self, request: GenerationRequest, loop: asyncio.AbstractEventLoop) -> None:
        self.request = request
        self.loop = loop
        self.events: asyncio.Queue[_Item] = asyncio.Queue()
        self.cancelled = threading.Event()
        self.position = 0

    def post(self, item: _Item) -> None:
        if self.cancelled.is_set():
            return
        try:
            self.loop.call_soon_threadsafe(self.events.put_nowait, item)
        except RuntimeError:  # the consumer's loop is closed: nobody is listening any more
            self.cancelled.set()


class _Engine:
    """The worker thread, its queue of jobs and the one `Llama` it owns."""

    def __init__(self, resolve_path: Callable[[], Path], n_threads: int, n_ctx: int) -> None:
        self._resolve_path = resolve_path
        self._n_threads = n_threads
        self._n_ctx = n_ctx
        self._cond = threading.Condition()
        self._waiting: collections.deque[_Job] = collections.deque()
        self._current: _Job | None = None
        self._thread: threading.Thread | None = None
        self._closed = False
        self._warm_requested = False
        self._llm: Any = None
        self._formatter: Any = None

    def submit(self, job: _Job) -> None:
        with self._cond:
            if self._closed:
                raise ProviderError("server", "The embedded model is shutting down.")
            self._waiting.append(job)
            self._start_locked()
            self._publish_positions_locked()
            self._cond.notify_all()

    def withdraw(self, job: _Job) -> None:
        with self._cond:
            job.cancelled.set()
            if job is self._current:
                # The worker stops at the next token; the line moves up now, not after it.
                self._current = None
            elif job in self._waiting:
                self._waiting.remove(job)
                self._publish_positions_locked()

    def warm_up(self) -> None:
        with self._cond:
            if self._closed or self._llm is not None:
                return
            self._warm_requested = True
            self._start_locked()
            self._cond.notify_all()

    def close(self, timeout: float) -> None:
        with self._cond:
            self._closed = True
            stopped = [*self._waiting, *([self._current] if self._current else [])]
            for job in stopped:
                job.post(ProviderError("server", "The embedded model was shut down."))
                job.cancelled.set()
            self._waiting.clear()
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive():
                return  # still inside a prompt evaluation; the daemon thread frees the model
        if self._llm is not None:
            self._llm.close()
            self._llm = None

    def _start_locked(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="parley-local-llm", daemon=True)
            self._thread.start()

    def _publish_positions_locked(self) -> None:
        # While idle, the head of the line is about to start, so it is not "queued".
        busy = self._current is not None
        for index, job in enumerate(self._waiting):
            position = index + 1 if busy else index
            if position >= 1 and position != job.position:
                job.position = position
                job.post(Queued(position))

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._waiting and not self._warm_requested and not self._closed:
                    self._cond.wait()
                if self._closed:
                    break
                job = self._waiting.popleft() if self._waiting else None
                self._warm_requested = False
                self._current = job
                self._publish_positions_locked()
            try:
                if job is None:
                    self._warm()
                elif not job.cancelled.is_set():
                    self._serve(job)
            finally:
                with self._cond:
                    if self._current is job:
                        self._current = None
        if self._llm is not None:
            self._llm.close()
            self._llm = None

    def _warm(self) -> None:
        try:
            self._ensure_model()
        except ProviderError as error:
            _log.warning("Embedded model not loaded: %s", error)

    def _serve(self, job: _Job) -> None:
        try:
            self._generate(self._ensure_model(), job)
        except ProviderError as error:
            self._release(job)
            job.post(error)
        except Exception as error:  # noqa: BLE001 - the worker must outlive any llama.cpp failure
            _log.exception("Embedded model failed")
            self._release(job)
            job.post(ProviderError("server", f"The embedded model failed: {error}"))

    def _release(self, job: _Job) -> None:
        # Before the last event goes out, so that a follow-up request is not told it is queued.
        with self._cond:
            if self._current is job:
                self._current = None

    def _ensure_model(self) -> Any:
        if self._llm is not None:
            return self._llm
        try:
            path = self._resolve_path()
        except local_weights.WeightsError as error:
            raise ProviderError("server", str(error)) from error
        try:
            from llama_cpp import Llama
            from llama_cpp.llama_chat_format import Jinja2ChatFormatter
        except ImportError as error:
            raise ProviderError(
                "server",
                "The embedded model needs llama-cpp-python: run `make run` "
                "(or `scripts/install-models.sh`) to build it.",
            ) from error
        try:
            llm = Llama(
                model_path=str(path),
                n_ctx=self._n_ctx,
                n_threads=self._n_threads,
                n_threads_batch=self._n_threads,
                verbose=False,
            )
        except (ValueError, RuntimeError, OSError) as error:
            raise ProviderError(
                "server", f"The embedded model could not be loaded from {path}: {error}"
            ) from error
        self._formatter = Jinja2ChatFormatter(
            template=llm.metadata.get("tokenizer.chat_template") or _CHATML,
            eos_token=_token_text(llm, llm.token_eos()),
            bos_token=_token_text(llm, llm.token_bos()),
        )
        self._llm = llm
        return llm

    def _generate(self, llm: Any, job: _Job) -> None:
        request = job.request
        if job.cancelled.is_set():  # gave up while the model was loading
            return
        prompt = self._fit_prompt(llm, request)
        budget = min(request.max_tokens, llm.n_ctx() - len(prompt))
        temperature = _DEFAULT_TEMPERATURE if request.temperature is None else request.temperature
        top_p = _DEFAULT_TOP_P if request.top_p is None else request.top_p
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        llm.set_seed(random.randrange(2**31))
        is_end = _end_of_generation_test(llm)
        generated = 0
        finish = "length"
        stops = _StopWatch(request.stop_sequences)
        tokens = llm.generate(prompt, top_k=40, top_p=top_p, min_p=0.05, temp=temperature)
        try:
            for token in tokens:
                if job.cancelled.is_set():
                    return
                if is_end(token):
                    finish = "stop"
                    break
                generated += 1
                text, stopped = stops.feed(decoder.decode(llm.detokenize([token])))
                if text:
                    job.post(TextDelta(text))
                if stopped:
                    finish = "stop_sequence"
                    break
                if generated >= budget:
                    break
        finally:
            tokens.close()
        if finish != "stop_sequence":
            tail, _ = stops.feed(decoder.decode(b"", final=True), final=True)
            if tail:
                job.post(TextDelta(tail))
        self._release(job)
        job.post(UsageReport(input_tokens=len(prompt), output_tokens=generated))
        job.post(StreamEnd(stop_reason=_STOP_REASONS[finish]))

    def _fit_prompt(self, llm: Any, request: GenerationRequest) -> list[int]:
        """The prompt's tokens, dropping the oldest turns until an answer has room to start."""
        if request.max_tokens < 1:
            raise ProviderError("bad_request", "max_tokens must be at least 1.")
        turns = list(request.messages)
        while True:
            prompt = self._tokenize(llm, request.full_system(), turns)
            if len(prompt) < llm.n_ctx() - 1:
                return prompt
            if len(turns) <= 1:
                raise ProviderError(
                    "bad_request",
                    f"The message is too long for the embedded model's context window "
                    f"({len(prompt):,} tokens of {llm.n_ctx():,}).",
                )
            # Whole exchanges go, so that the history still starts with a user turn.
            turns = turns[2:] if len(turns) > 2 else turns[-1:]

    def _tokenize(self, llm: Any, system: str | None, turns: list[ChatTurn]) -> list[int]:
        messages = [{"role": "system", "content": system}] if system else []
        messages += [{"role": turn.role, "content": _turn_text(turn)} for turn in turns]
        formatted = self._formatter(messages=messages)
        tokens: list[int] = llm.tokenize(
            formatted.prompt.encode("utf-8"), add_bos=not formatted.added_special, special=True
        )
        return tokens


def _token_text(llm: Any, token: int) -> str:
    if token < 0:
        return ""
    return bytes(llm.detokenize([token], special=True)).decode("utf-8", errors="replace")


def _end_of_generation_test(llm: Any) -> Callable[[int], bool]:
    import llama_cpp

    vocab = llm._model.vocab  # the same check llama-cpp-python's own completion loop uses
    return lambda token: bool(llama_cpp.llama_vocab_is_eog(vocab, token))


def model_slug(path: Path) -> str:
    """`SmolLM2-135M-Instruct.Q4_1.gguf` → `smollm2-135m-instruct`."""
    stem = path.name.removesuffix(".gguf")
    return _QUANT_SUFFIX.sub("", stem).lower() or "model"


class LocalProvider:
    """The embedded CPU model behind the Provider protocol; free, text only."""

    name: ProviderName = "local"

    def __init__(
        self,
        *,
        data_dir: Path,
        model_path: Path | None = None,
        n_threads: int | None = None,
        n_ctx: int = 8192,
    ) -> None:
        self._data_dir = data_dir
        self._model_path = model_path
        if model_path is None:
            model_id = f"local/{local_weights.DEFAULT_MODEL.slug}"
            display = local_weights.DEFAULT_MODEL.name
        else:
            model_id = f"local/{model_slug(model_path)}"
            display = f"{model_path.name.removesuffix('.gguf')} (local)"
        self.model = ModelInfo(
            id=model_id,
            name=display,
            provider="local",
            context_window=n_ctx,
            max_output=min(_MAX_OUTPUT, n_ctx),
        )
        self._engine = _Engine(self._resolve_model_path, n_threads or os.cpu_count() or 1, n_ctx)

    @classmethod
    def from_settings(cls, settings: Settings) -> LocalProvider:
        return cls(
            data_dir=settings.data_dir,
            model_path=settings.local_model_path,
            n_threads=settings.local_threads,
            n_ctx=settings.local_context,
        )

    @staticmethod
    def available(settings: Settings) -> bool:
        """Whether the embedded model can run here; cheap: no import of llama.cpp, no hashing."""
        if importlib.util.find_spec("llama_cpp") is None:
            return False
        if settings.local_model_path is not None:
            return settings.local_model_path.is_file()
        return local_weights.bundled_weights_present(settings.data_dir)

    async def list_models(self) -> list[ModelInfo]:
        return [self.model]

    def warm_up(self) -> None:
        """Join, check and load the weights in the worker thread now, without waiting for it."""
        self._engine.warm_up()

    async def stream(self, request: GenerationRequest) -> AsyncIterator[ProviderEvent]:
        job = _Job(request, asyncio.get_running_loop())
        self._engine.submit(job)
        try:
            while True:
                item = await job.events.get()
                if isinstance(item, ProviderError):
                    raise item
                yield item
                if isinstance(item, StreamEnd):
                    return
        finally:
            self._engine.withdraw(job)

    async def aclose(self) -> None:
        await asyncio.to_thread(self._engine.close, 10.0)

    def _resolve_model_path(self) -> Path:
        if self._model_path is None:
            return local_weights.ensure_default_weights(self._data_dir)
        if not self._model_path.is_file():
            raise local_weights.WeightsError(
                f"The embedded model file {self._model_path} (PARLEY_LOCAL_MODEL_PATH) "
                "does not exist."
            )
        return self._model_path


def _turn_text(turn: ChatTurn) -> str:
    """The embedded model reads text only: attachments arrive as their text (images as a note,
    which the chat service writes for models without vision)."""
    texts = [a.text for a in turn.attachments if a.text]
    return "\n\n".join([*texts, turn.text]) if texts else turn.text
