#!/usr/bin/env bash
# Creates the Python environment that sandboxed code runs in (numpy, pandas, matplotlib): a venv
# of its own at .sandbox-env (or $SANDBOX_ENV), separate from the server's .venv so that nothing
# the code can import is the server's, and the server's packages are not the code's.
# Idempotent: a stamp keyed on the package list, the interpreter and this script makes a second
# run instant.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ENV_DIR="${SANDBOX_ENV:-$ROOT/.sandbox-env}"
PYTHON="${PYTHON:-python3}"
PACKAGES=(numpy==2.4.6 pandas==3.1.1 matplotlib==3.11.2 openpyxl==3.1.5 python-docx==1.2.0 python-pptx==1.0.2)

case "${1:-}" in
  -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
  "") ;;
  *) echo "install-sandbox.sh: unknown option $1" >&2; exit 2 ;;
esac

# The venv records its base interpreter by real path; the sandbox mounts that tree read-only.
base="$("$PYTHON" -c 'import sys; print(sys.base_prefix)')"
key="$("$PYTHON" --version 2>&1) $base ${PACKAGES[*]} $(sha256sum "$0" | cut -d' ' -f1)"
stamp="$ENV_DIR/.parley-sandbox"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$key" && -x "$ENV_DIR/bin/python" ]]; then
  exit 0
fi

echo "Creating the sandbox's Python environment at $ENV_DIR (numpy, pandas, matplotlib, openpyxl, python-docx, python-pptx)…"
rm -rf "$ENV_DIR"
"$PYTHON" -m venv "$ENV_DIR"
"$ENV_DIR/bin/python" -m pip install --quiet --disable-pip-version-check --no-input "${PACKAGES[@]}"

# Byte-compile now: inside the sandbox the environment is read-only, so an uncompiled module
# would be compiled again on every run.
"$ENV_DIR/bin/python" -m compileall -q -j 0 "$ENV_DIR/lib" >/dev/null || true

# When the server runs as root, bwrap runs as an unprivileged user (process limits do not bind
# root), and bwrap resolves every mount source as that user. A base interpreter it cannot reach
# (pyenv under /root) is therefore copied here, stdlib and libpython only, and the sandbox mounts
# the copy where the venv expects the original.
rm -rf "$ENV_DIR/base"
if ! "$PYTHON" - "$base" <<'PY'
import os, stat, sys
path = os.path.realpath(sys.argv[1])
while True:
    if not os.stat(path).st_mode & stat.S_IXOTH:
        sys.exit(1)
    if path == "/":
        break
    path = os.path.dirname(path)
PY
then
  echo "Copying the interpreter from $base (not reachable by other users) into $ENV_DIR/base…"
  "$PYTHON" - "$base" "$ENV_DIR/base" <<'PY'
import shutil, sys, sysconfig
from pathlib import Path
source, target = Path(sys.argv[1]), Path(sys.argv[2])
version = f"python{sys.version_info.major}.{sys.version_info.minor}"
skip = {"site-packages", "test", "idlelib", "tkinter", "turtledemo", "ensurepip", "lib2to3"}
(target / "bin").mkdir(parents=True)
for entry in (source / "bin").iterdir():
    if entry.name.startswith("python3"):
        shutil.copy2(entry, target / "bin" / entry.name, follow_symlinks=False)
(target / "lib").mkdir()
for entry in (source / "lib").glob("libpython*"):
    shutil.copy2(entry, target / "lib" / entry.name, follow_symlinks=False)
shutil.copytree(
    source / "lib" / version,
    target / "lib" / version,
    symlinks=True,
    ignore=lambda folder, names: [n for n in names if n in skip or n.startswith("config-")]
    if folder == str(source / "lib" / version) else [],
)
PY
fi

# A smoke test the way the sandbox runs it, headless. It also leaves matplotlib's font list in
# mplconfig/, which the sandbox mounts read-only into each run's config directory: building it
# costs every plotting run about 0.2 s otherwise.
MPLBACKEND=Agg MPLCONFIGDIR="$ENV_DIR/mplconfig" "$ENV_DIR/bin/python" -c '
import io, numpy, pandas, matplotlib.pyplot as plt
plt.plot(numpy.arange(3)); plt.savefig(io.BytesIO(), format="png")
pandas.DataFrame({"a": [1]}).to_csv(io.StringIO())
'

# The sandbox runs code as a user that cannot traverse a private home directory; it reaches
# the environment through a descriptor, but the files themselves must be world-readable.
chmod -R a+rX "$ENV_DIR"
echo "$key" > "$stamp"
