"""`<artifact …>…</artifact>` blocks in a model's text, parsed as the text streams.

Models without tool use write artifacts inline; any model may. The parser is fed chunks as they
arrive — a tag may be split anywhere — and hands back plain text and artifact pieces in order, so
the reader sees an artifact card instead of raw markup and the panel fills while the model writes.
A tag inside a Markdown code fence is an example, not an artifact, and stays text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

OPEN = "<artifact"
CLOSE = "</artifact>"
MAX_OPEN_TAG = 2_000  # a longer "tag" is prose that happens to start with <artifact
_ATTRIBUTE = re.compile(r"""([A-Za-z_][\w\-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Open:
    attributes: dict[str, str]


@dataclass(frozen=True, slots=True)
class Content:
    text: str


@dataclass(frozen=True, slots=True)
class Close:
    complete: bool  # False when the text ended before </artifact>


Segment = Text | Open | Content | Close


@dataclass
class ArtifactTagParser:
    _buffer: str = ""
    _inside: bool = False
    _line_start: bool = True
    _fence: str | None = None  # the marker of the Markdown code fence we are in, outside artifacts
    _content_started: bool = False  # inside: whether the first line of content has been passed on
    _skipped_break: bool = False
    _wrapped: bool = False  # inside: the content is wrapped in a code fence the model added
    _out: list[Segment] = field(default_factory=list)

    def feed(self, chunk: str) -> list[Segment]:
        # the common case, a word in the middle of a line of prose: nothing to look at
        idle = not (self._buffer or self._inside or self._line_start or self._fence)
        if idle and "<" not in chunk and "\n" not in chunk:
            return [Text(chunk)] if chunk else []
        self._buffer += chunk
        self._run(final=False)
        return self._take()

    def finish(self) -> list[Segment]:
        """The text has ended: flush what was held back; close an unterminated artifact."""
        self._run(final=True)
        if self._inside:
            if self._buffer:
                self._content(self._buffer)
            self._buffer = ""
            self._inside = False
            self._out.append(Close(complete=False))
        elif self._buffer:
            self._text(self._buffer)
            self._buffer = ""
        return self._take()

    def _take(self) -> list[Segment]:
        out, self._out = self._out, []
        return out

    def _run(self, *, final: bool) -> None:
        while self._buffer:
            progressed = self._step_inside(final) if self._inside else self._step_outside(final)
            if not progressed:
                return

    def _step_outside(self, final: bool) -> bool:
        buffer = self._buffer
        if self._line_start:
            newline = buffer.find("\n")
            line = buffer if newline < 0 else buffer[:newline]
            if newline < 0 and not final and _could_be_fence(line):
                return False  # wait for the rest of the line to know
            if match := _FENCE.match(line):
                marker = match.group(1)
                if self._fence is None:
                    self._fence = marker
                elif marker.startswith(self._fence[0]) and len(marker) >= len(self._fence):
                    self._fence = None
                end = len(buffer) if newline < 0 else newline + 1
                self._text(buffer[:end])
                self._buffer = buffer[end:]
                self._line_start = newline >= 0
                return True
            self._line_start = False
        # plain text up to the next line end or a possible tag
        newline = buffer.find("\n")
        limit = len(buffer) if newline < 0 else newline + 1
        tag = buffer.find("<", 0, limit) if self._fence is None else -1
        if tag < 0:
            self._text(buffer[:limit])
            self._buffer = buffer[limit:]
            self._line_start = newline >= 0
            return True
        if tag > 0:
            self._text(buffer[:tag])
            self._buffer = buffer[tag:]
            return True
        return self._try_open_tag(final)

    def _try_open_tag(self, final: bool) -> bool:
        buffer = self._buffer
        head = buffer[: len(OPEN) + 1]
        if len(head) <= len(OPEN):
            if OPEN.startswith(head) and not final:
                return False
            return self._literal_lt()
        if not head.startswith(OPEN) or not (head[-1].isspace() or head[-1] == ">"):
            return self._literal_lt()
        end = buffer.find(">")
        if end < 0:
            if len(buffer) > MAX_OPEN_TAG or final:
                return self._literal_lt()
            return False
        attributes = {
            m.group(1).lower(): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _ATTRIBUTE.finditer(buffer[len(OPEN) : end])
        }
        self._out.append(Open(attributes))
        self._buffer = buffer[end + 1 :]
        self._inside = True
        self._content_started = False
        self._skipped_break = False
        self._wrapped = False
        return True

    def _literal_lt(self) -> bool:
        self._text("<")
        self._buffer = self._buffer[1:]
        return True

    def _step_inside(self, final: bool) -> bool:
        buffer = self._buffer
        if not self._content_started:
            return self._start_content(final)
        close = buffer.find(CLOSE)
        if close >= 0:
            content = buffer[:close]
            if self._wrapped:
                content = _strip_closing_fence(content)
            elif content.endswith("\n"):
                content = content[:-1]
            self._content(content)
            self._out.append(Close(complete=True))
            self._buffer = buffer[close + len(CLOSE) :]
            self._inside = False
            self._line_start = False
            return True
        # hold back what may turn out to be the end: a partial closing tag, the line break
        # before it and, in a fenced block, the closing fence line
        tail_start = len(buffer) - _partial_suffix(buffer, CLOSE)
        head = buffer[:tail_start]
        if self._wrapped:
            trimmed = head.rstrip()
            newline = trimmed.rfind("\n")
            last_line = trimmed[newline + 1 :]
            tail_start = max(newline, 0) if _could_be_fence(last_line) else len(trimmed)
        elif head.endswith("\n"):
            tail_start -= 1
        if final or tail_start <= 0:
            return False
        self._content(buffer[:tail_start])
        self._buffer = buffer[tail_start:]
        return False

    def _start_content(self, final: bool) -> bool:
        """Drop the line break after the opening tag, and a code fence the model wrapped the
        content in (the closing fence goes at the end)."""
        buffer = self._buffer
        if not self._skipped_break:
            self._skipped_break = True
            if buffer.startswith("\n"):
                self._buffer = buffer = buffer[1:]
                return True
        newline = buffer.find("\n")
        first = buffer if newline < 0 else buffer[:newline]
        if newline < 0 and not final and CLOSE not in buffer and _could_be_fence(first):
            return False
        self._content_started = True
        if newline >= 0 and _FENCE.match(first):
            self._wrapped = True
            self._buffer = buffer[newline + 1 :]
        return True

    def _text(self, text: str) -> None:
        if not text:
            return
        if self._out and isinstance(last := self._out[-1], Text):
            self._out[-1] = Text(last.text + text)
        else:
            self._out.append(Text(text))

    def _content(self, text: str) -> None:
        if not text:
            return
        if self._out and isinstance(last := self._out[-1], Content):
            self._out[-1] = Content(last.text + text)
        else:
            self._out.append(Content(text))


def _could_be_fence(line: str) -> bool:
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > 3:
        return False
    return stripped == "" or (stripped[0] in "`~" and len(set(stripped[:3])) == 1)


def _partial_suffix(text: str, token: str) -> int:
    """Length of the longest end of `text` that is a beginning of `token`."""
    for size in range(min(len(token) - 1, len(text)), 0, -1):
        if text.endswith(token[:size]):
            return size
    return 0


def _strip_closing_fence(content: str) -> str:
    body, _, last = content.rstrip().rpartition("\n")
    if _FENCE.match(last) and not last.strip(" `~"):
        return body
    return content.removesuffix("\n")
