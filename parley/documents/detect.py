"""What a file is, from its bytes: the name and the browser's claim are only tie-breakers.

puremagic reads the signatures (and looks inside ZIP containers to tell .docx from .xlsx from a
plain archive); what no signature matches is text if it decodes, else an opaque binary.
"""

from __future__ import annotations

import codecs
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import puremagic

Kind = Literal[
    "image", "pdf", "document", "spreadsheet", "text", "code", "archive-refused", "other"
]

SNIFF_BYTES = 64 * 1024

# Raster formats models see and browsers show; Pillow also reads these.
IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".jfif": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".bmp": "image/bmp",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}
OFFICE_TYPES: dict[str, tuple[Kind, str]] = {
    ".docx": (
        "document",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ".xlsx": ("spreadsheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".pptx": (
        "document",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
}
ARCHIVES = {
    ".zip": "a ZIP archive",
    ".gz": "a gzip archive",
    ".tgz": "a gzip archive",
    ".tar": "a tar archive",
    ".bz2": "a bzip2 archive",
    ".xz": "an xz archive",
    ".7z": "a 7-Zip archive",
    ".rar": "a RAR archive",
    ".zst": "a Zstandard archive",
    ".lz": "an lzip archive",
    ".lzma": "an LZMA archive",
    ".cab": "a cabinet archive",
    ".iso": "a disk image",
    ".dmg": "a disk image",
}
# Signature names (puremagic's) or extensions of programs: never accepted, whatever the name.
EXECUTABLE_HINTS = (
    "executable",
    "dos/windows",
    "mach-o",
    "dynamic link library",
    "java class",
    "webassembly",
    "appimage",
)
EXECUTABLE_EXTENSIONS = {".exe", ".dll", ".elf", ".so", ".dylib", ".class", ".wasm", ".msi", ".com"}
EXECUTABLE_MAGIC = (
    (b"\x7fELF", "a Linux program (ELF)"),
    (b"\xcf\xfa\xed\xfe", "a macOS program (Mach-O)"),
    (b"\xce\xfa\xed\xfe", "a macOS program (Mach-O)"),
    (b"\xfe\xed\xfa\xcf", "a macOS program (Mach-O)"),
    (b"\x00asm", "a WebAssembly module"),
)
CODE_LANGUAGES = {
    ".py": "python",
    ".pyi": "python",
    ".ipynb": "json",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "javascript",
    ".ts": "typescript",
    ".tsx": "typescript",
    ".json": "json",
    ".jsonl": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".toml": "ini",
    ".ini": "ini",
    ".cfg": "ini",
    ".xml": "xml",
    ".svg": "xml",
    ".css": "css",
    ".scss": "scss",
    ".sql": "sql",
    ".sh": "bash",
    ".bash": "bash",
    ".zsh": "bash",
    ".c": "c",
    ".h": "c",
    ".cc": "cpp",
    ".cpp": "cpp",
    ".hpp": "cpp",
    ".rs": "rust",
    ".go": "go",
    ".java": "java",
    ".kt": "kotlin",
    ".swift": "swift",
    ".rb": "ruby",
    ".php": "php",
    ".cs": "csharp",
    ".r": "r",
    ".lua": "lua",
    ".pl": "perl",
    ".scala": "scala",
    ".dart": "dart",
    ".tex": "latex",
    ".dockerfile": "dockerfile",
    ".makefile": "makefile",
    ".diff": "diff",
    ".patch": "diff",
    ".html": "xml",
    ".htm": "xml",
}
TEXT_TYPES = {
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".csv": "text/csv",
    ".tsv": "text/tab-separated-values",
    ".json": "application/json",
    ".jsonl": "application/jsonl",
    ".html": "text/html",
    ".htm": "text/html",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".yaml": "application/yaml",
    ".yml": "application/yaml",
    ".py": "text/x-python",
    ".js": "text/javascript",
}


WESTERN = ("cp1252", "latin_1", "iso8859_15")


@dataclass(frozen=True, slots=True)
class Detected:
    kind: Kind
    media_type: str
    encoding: str | None = None  # text: the charset it decodes with
    refusal: str | None = None  # why it is not accepted, for the person


def extension(name: str) -> str:
    suffix = PurePosixPath(name.lower()).suffix
    if not suffix and name.lower() in ("dockerfile", "makefile"):
        return f".{name.lower()}"
    return suffix


def language_for(name: str) -> str | None:
    """A highlighting language for a text file, from its name."""
    return CODE_LANGUAGES.get(extension(name))


def detect(path: Path, name: str) -> Detected:
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if not head:
        return Detected("text", "text/plain", encoding="utf-8")
    for magic, what in EXECUTABLE_MAGIC:
        if head.startswith(magic):
            return _program(what, name)
    if _is_windows_program(head):
        return _program("a Windows program (PE)", name)
    import puremagic  # the worker's, and sandbox outputs': the server does not load it idle

    try:
        matches = puremagic.magic_file(str(path))
    except (puremagic.PureError, ValueError, OSError):
        matches = []
    # Signatures at the start of the file are certain; puremagic's weaker matches (a word in a
    # text file) are not, and text is told by decoding it instead.
    strong = [m for m in matches if m.confidence >= 0.3]
    if strong:
        # the name only breaks a tie between signatures that match equally well
        claimed = extension(name)
        best = max(strong, key=lambda m: (m.confidence, (m.extension or "").lower() == claimed))
        found = _from_signature(best, name)
        if found is not None:
            return found
    encoding = _text_encoding(path, head)
    if encoding is not None:
        return _text_kind(name, encoding, matches)
    return Detected("other", "application/octet-stream")


def _program(what: str, name: str) -> Detected:
    claimed = extension(name)
    pretends = f", not a {claimed[1:].upper()} file as its name says" if claimed else ""
    return Detected(
        "other",
        "application/octet-stream",
        refusal=f"“{name}” is {what}{pretends}. Programs are not accepted.",
    )


def _is_windows_program(head: bytes) -> bool:
    if not head.startswith(b"MZ") or len(head) < 0x40:
        return False
    offset = int.from_bytes(head[0x3C:0x40], "little")
    return head[offset : offset + 4] == b"PE\0\0"


def _from_signature(match: puremagic.PureMagicWithConfidence, name: str) -> Detected | None:
    ext = (match.extension or "").lower()
    label = (match.name or "").lower()
    mime = (match.mime_type or "").lower()
    if any(hint in label for hint in EXECUTABLE_HINTS) or ext in EXECUTABLE_EXTENSIONS:
        return _program(f"a program ({match.name})", name)
    if ext in IMAGE_TYPES or mime in IMAGE_TYPES.values():
        return Detected("image", IMAGE_TYPES.get(ext, mime))
    if ext == ".pdf" or mime == "application/pdf":
        return Detected("pdf", "application/pdf")
    if ext in OFFICE_TYPES:
        kind, media_type = OFFICE_TYPES[ext]
        return Detected(kind, media_type)
    if ext in (".jar", ".apk", ".xpi", ".crx"):
        return _program(f"a packaged program ({match.name})", name)
    if ext in ARCHIVES or "archive" in label or "compressed" in label:
        what = ARCHIVES.get(ext, "an archive")
        return Detected(
            "archive-refused",
            mime or "application/octet-stream",
            refusal=f"“{name}” is {what}. Archives are not accepted: unpack it and attach the "
            "files inside.",
        )
    if ext in (".html", ".htm", ".xml", ".svg", ".json", ".py", ".csv", ".txt") or mime.startswith(
        "text/"
    ):
        return None  # text with a signature-like start: decoded below
    return Detected("other", mime or "application/octet-stream")


def _text_encoding(path: Path, head: bytes) -> str | None:
    """The charset the whole file decodes with, or None for binary data."""
    if b"\0" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    for encoding in (
        ("utf-8", "utf-16")
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        else ("utf-8",)
    ):
        if _decodes(path, encoding):
            return "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else encoding
    if len(head) < 1024 and _decodes(path, "cp1252"):
        return "cp1252"  # too little text to tell code pages apart: the likeliest one
    from charset_normalizer import from_path

    results = from_path(path, steps=8, chunk_size=4096, threshold=0.2)
    best = results.best()
    if best is None:
        return None
    # Western European text fits several single-byte code pages about equally well; the one
    # most such files are really in wins a near tie (a French text is not Baltic cp1257).
    for match in results:
        if match.encoding in WESTERN and match.chaos <= best.chaos + 0.1:
            return str(match.encoding)
    return str(best.encoding)


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _text_kind(
    name: str, encoding: str, matches: list[puremagic.PureMagicWithConfidence]
) -> Detected:
    ext = extension(name)
    hinted = {(m.extension or "").lower() for m in matches}
    if ext in (".csv", ".tsv"):
        return Detected("spreadsheet", TEXT_TYPES[ext], encoding)
    if ext in (".html", ".htm") or ".html" in hinted:
        return Detected("document", "text/html", encoding)
    if ext in CODE_LANGUAGES:
        return Detected("code", TEXT_TYPES.get(ext, "text/plain"), encoding)
    if ext in (".md", ".markdown"):
        return Detected("text", "text/markdown", encoding)
    if ".json" in hinted:
        return Detected("code", "application/json", encoding)
    if ".py" in hinted:
        return Detected("code", "text/x-python", encoding)
    return Detected("text", "text/plain", encoding)


def detect_bytes(data: bytes, name: str) -> Detected:
    """detect() for bytes in memory (a sandbox's output files, which are small)."""
    with tempfile.NamedTemporaryFile(prefix="detect-") as handle:
        handle.write(data)
        handle.flush()
        return detect(Path(handle.name), name)
