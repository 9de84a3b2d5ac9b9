"""Every setting is documented: in .env.example and in the README's table."""

from __future__ import annotations

from pathlib import Path

from parley.config import Settings

ROOT = Path(__file__).resolve().parents[2]


def env_names() -> list[str]:
    names = []
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        names.append(alias.choices[0] if alias is not None else f"PARLEY_{name.upper()}")  # type: ignore[union-attr]
    return names


def test_every_setting_is_in_env_example() -> None:
    example = (ROOT / ".env.example").read_text()
    declared = {
        line.split("=", 1)[0].lstrip("# ").strip() for line in example.splitlines() if "=" in line
    }
    missing = [n for n in env_names() if n not in declared]
    assert not missing, f"add to .env.example: {missing}"


def test_every_setting_is_in_the_readme_table() -> None:
    readme = (ROOT / "README.md").read_text()
    missing = [n for n in env_names() if f"| `{n}`" not in readme]
    assert not missing, f"add to the README's settings table: {missing}"


def test_every_setting_has_a_description() -> None:
    assert all(f.description for f in Settings.model_fields.values())
