"""The languages the sandbox runs: names, where the code goes, and how each is started."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from parley.sandbox.results import UnsupportedLanguage

Language = Literal["python", "javascript", "bash"]
LANGUAGES: tuple[Language, ...] = get_args(Language)

ALIASES: dict[str, Language] = {
    "py": "python",
    "python3": "python",
    "js": "javascript",
    "node": "javascript",
    "nodejs": "javascript",
    "sh": "bash",
    "shell": "bash",
}

# Paths inside the sandbox. The code sits outside the work directory so that it does not come
# back as an output file, and read-only so that it cannot be rewritten while it runs.
SANDBOX_HOME = "/sandbox"
WORK_DIR = "/sandbox/work"
TMP_DIR = "/tmp"
# where a conversation's attachments appear (read-only), and where files to hand back go: the
# outputs directory is the work directory under a second name
UPLOADS_DIR = "/mnt/user-data/uploads"
OUTPUTS_DIR = "/mnt/user-data/outputs"
MPLCONFIG_DIR = f"{TMP_DIR}/matplotlib"
SANDBOX_UID = 1000
SANDBOX_GID = 1000
CODE_FILES: dict[Language, str] = {
    "python": f"{SANDBOX_HOME}/main.py",
    "javascript": f"{SANDBOX_HOME}/main.js",
    "bash": f"{SANDBOX_HOME}/main.sh",
}


def parse_language(name: str) -> Language:
    key = name.strip().lower()
    for language in LANGUAGES:
        if key == language:
            return language
    if key in ALIASES:
        return ALIASES[key]
    supported = ", ".join(LANGUAGES)
    raise UnsupportedLanguage(f"{name!r} is not a language the sandbox runs (it runs {supported})")


@dataclass(frozen=True, slots=True)
class Runtimes:
    """Interpreters as paths that exist both on the host and, mounted, inside the sandbox."""

    python: Path
    node: Path | None
    bash: Path | None

    def command(self, language: Language, *, memory_mb: int) -> list[str]:
        code = CODE_FILES[language]
        if language == "python":
            return [str(self.python), code]
        if language == "javascript":
            assert self.node is not None
            # The heap cap does what the address-space limit cannot for V8 (see limits.py).
            return [str(self.node), f"--max-old-space-size={memory_mb}", code]
        assert self.bash is not None
        return [str(self.bash), code]

    def missing(self, language: Language) -> str | None:
        if language == "javascript" and self.node is None:
            return "JavaScript needs Node.js, which is not installed on this server"
        if language == "bash" and self.bash is None:
            return "Bash is not installed on this server"
        return None


def code_environment(python_env: Path) -> dict[str, str]:
    """The whole environment the code sees: nothing is inherited from the server."""
    return {
        "PATH": f"{python_env}/bin:/usr/local/bin:/usr/bin:/bin",
        "HOME": WORK_DIR,
        "USER": "sandbox",
        "LOGNAME": "sandbox",
        "TMPDIR": TMP_DIR,
        "LANG": "C.UTF-8",
        # Live output: a pipe would otherwise make Python hold it until exit.
        "PYTHONUNBUFFERED": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONUTF8": "1",
        # Headless plots, and a writable matplotlib cache outside the work directory so that it
        # does not come back as output files.
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": MPLCONFIG_DIR,
        "XDG_CACHE_HOME": f"{TMP_DIR}/.cache",
        "XDG_CONFIG_HOME": f"{TMP_DIR}/.config",
        # One BLAS thread: each thread counts against the process limit and reserves address
        # space, and a run should not take every core of a shared server.
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "UV_THREADPOOL_SIZE": "2",
    }


def interpreter_in(python_env: Path) -> Path:
    # lexists: the venv's link may point where only the sandbox's mounts make it resolve.
    for name in ("python", "python3"):
        candidate = python_env / "bin" / name
        if os.path.lexists(candidate):
            return candidate
    return python_env / "bin" / "python"


def venv_base(python_env: Path) -> list[Path]:
    """The base installation a venv points at (its `home`), as written and resolved."""
    try:
        config = (python_env / "pyvenv.cfg").read_text()
    except OSError:
        return []
    for line in config.splitlines():
        key, _, value = line.partition("=")
        if key.strip() == "home" and value.strip():
            home = Path(value.strip()).parent
            return [home, home.resolve()]
    return []
