"""Keyset-pagination cursors: an opaque (timestamp, id) pair that the client hands back."""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, datetime

from parley.services.errors import InvalidInput


def encode_cursor(when: datetime, row_id: str) -> str:
    raw = f"{when.isoformat()}|{row_id}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        stamp, separator, row_id = raw.partition("|")
        if not separator:
            raise ValueError("no separator")
        when = datetime.fromisoformat(stamp)
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise InvalidInput("The cursor is not valid; start again without one.") from error
    return (when if when.tzinfo else when.replace(tzinfo=UTC)), row_id
