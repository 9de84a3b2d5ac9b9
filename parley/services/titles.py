"""Naming conversations: a few words at once, then a better title from the model after the first answer."""

from __future__ import annotations

import asyncio
import logging
import re

from parley.providers.base import (
    ChatTurn,
    GenerationRequest,
    Provider,
    ProviderError,
    TextDelta,
)

log = logging.getLogger(__name__)

TITLE_SYSTEM_PROMPT = (
    "You name conversations. Reply with a title of at most six words that says what the "
    "conversation is about. No quotes, no trailing punctuation, no preamble."
)
MAX_TITLE_CHARS = 80
_MARKUP = re.compile(r"[`*_#>\[\]()~|]+")


def fallback_title(text: str, max_words: int = 6) -> str:
    words = _MARKUP.sub(" ", text).split()
    if not words:
        return "New chat"
    title = " ".join(words[:max_words])
    if len(title) > MAX_TITLE_CHARS:
        title = title[: MAX_TITLE_CHARS - 1].rstrip() + "…"
    elif len(words) > max_words:
        title += "…"
    return title


def clean_title(raw: str) -> str | None:
    line = next((ln.strip() for ln in raw.strip().splitlines() if ln.strip()), "")
    line = re.sub(r"^(title|conversation title)\s*:\s*", "", line, flags=re.IGNORECASE)
    line = _MARKUP.sub("", line).strip().strip("\"'“”‘’").strip().rstrip(".!:;,")
    if not line:
        return None
    if len(line) > MAX_TITLE_CHARS:
        line = line[: MAX_TITLE_CHARS - 1].rstrip() + "…"
    return line


async def generate_title(
    provider: Provider, model: str, question: str, answer: str, time_limit: float = 30.0
) -> str | None:
    prompt = (
        f"User: {question[:2000]}\n\nAssistant: {answer[:2000]}\n\n"
        "Write the title of this conversation."
    )
    request = GenerationRequest(
        model=model,
        system=TITLE_SYSTEM_PROMPT,
        messages=[ChatTurn(role="user", text=prompt)],
        max_tokens=24,
        temperature=0.2,
    )

    async def collect() -> str:
        chunks: list[str] = []
        async for event in provider.stream(request):
            if isinstance(event, TextDelta):
                chunks.append(event.text)
        return "".join(chunks)

    try:
        async with asyncio.timeout(time_limit):
            return clean_title(await collect())
    except (ProviderError, TimeoutError) as error:
        log.info("title generation failed, keeping the fallback: %s", error)
        return None
