"""Code execution in an isolated process: bubblewrap namespaces, rlimits, no network, no secrets."""

from parley.sandbox.languages import Language
from parley.sandbox.limits import SandboxLimits
from parley.sandbox.results import (
    INLINE_IMAGE_TYPES,
    ExecutionResult,
    OutputFile,
    SandboxUnavailable,
    UnsupportedLanguage,
)
from parley.sandbox.runner import Sandbox, SandboxInput

__all__ = [
    "INLINE_IMAGE_TYPES",
    "ExecutionResult",
    "Language",
    "OutputFile",
    "Sandbox",
    "SandboxInput",
    "SandboxLimits",
    "SandboxUnavailable",
    "UnsupportedLanguage",
]
