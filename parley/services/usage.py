"""Tokens and cost of a person's answers, summed by the database per day, model or chat."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Integer, String, case, cast, func, select
from sqlalchemy.sql.functions import coalesce

from parley.db.models import Conversation, Message
from parley.schemas.usage import MAX_USAGE_DAYS, UsageGroup, UsageOut, UsageRow
from parley.services.context import AppContext
from parley.services.errors import InvalidInput

CSV_COLUMNS = (
    "key",
    "label",
    "answers",
    "input_tokens",
    "output_tokens",
    "cache_read_tokens",
    "cache_write_tokens",
    "cost_usd",
    "unpriced_answers",
)


def _day(ctx: AppContext) -> ColumnElement[str]:
    if ctx.db.is_sqlite:  # stored as ISO text in UTC
        return func.substr(cast(Message.created_at, String), 1, 10)
    return func.to_char(func.timezone("UTC", Message.created_at), "YYYY-MM-DD")


async def usage(
    ctx: AppContext,
    user_id: str,
    *,
    start: date | None,
    end: date | None,
    group_by: UsageGroup,
) -> UsageOut:
    end = end or datetime.now(UTC).date()
    start = start or end - timedelta(days=29)
    if start > end:
        raise InvalidInput("`from` must be on or before `to`.")
    if (end - start).days >= MAX_USAGE_DAYS:
        raise InvalidInput(f"Ask for at most {MAX_USAGE_DAYS} days at a time.")
    key: ColumnElement[Any]
    if group_by == "day":
        key = _day(ctx)
    elif group_by == "model":
        key = coalesce(Message.model, "unknown")
    else:
        key = Message.conversation_id.expression
    unpriced = func.sum(case((Message.cost_usd.is_(None), 1), else_=0))
    statement = (
        select(
            key.label("key"),
            func.count(Message.id),
            coalesce(func.sum(Message.input_tokens), 0),
            coalesce(func.sum(Message.output_tokens), 0),
            coalesce(func.sum(Message.cache_read_tokens), 0),
            coalesce(func.sum(Message.cache_write_tokens), 0),
            coalesce(func.sum(Message.cost_usd), 0.0),
            cast(unpriced, Integer),
        )
        .join(Conversation, Conversation.id == Message.conversation_id)
        .where(
            Conversation.user_id == user_id,
            Message.role == "assistant",
            Message.input_tokens.is_not(None),
            Message.created_at >= datetime.combine(start, time.min, UTC),
            Message.created_at < datetime.combine(end + timedelta(days=1), time.min, UTC),
        )
        .group_by(key)
    )
    async with ctx.db.read() as session:
        rows = (await session.execute(statement)).all()
        titles: dict[str, str] = {}
        if group_by == "conversation" and rows:
            titles = dict(
                (
                    await session.execute(
                        select(Conversation.id, Conversation.title).where(
                            Conversation.id.in_([r[0] for r in rows])
                        )
                    )
                ).all()
            )
    out = [_row(r, _label(ctx, group_by, str(r[0]), titles)) for r in rows]
    if group_by == "day":
        out.sort(key=lambda r: r.key)
    else:
        out.sort(key=lambda r: (-r.cost_usd, -(r.input_tokens + r.output_tokens), r.label))
    return UsageOut(start=start, end=end, group_by=group_by, rows=out, total=_total(out))


def _label(ctx: AppContext, group_by: UsageGroup, key: str, titles: dict[str, str]) -> str:
    if group_by == "model":
        info = ctx.providers.get_model(key)
        return info.name if info is not None else key
    if group_by == "conversation":
        return titles.get(key, "Deleted chat")
    return key


def _row(row: Any, label: str) -> UsageRow:
    key, answers, inputs, outputs, reads, writes, cost, unpriced = row
    return UsageRow(
        key=str(key),
        label=label,
        answers=int(answers),
        input_tokens=int(inputs),
        output_tokens=int(outputs),
        cache_read_tokens=int(reads),
        cache_write_tokens=int(writes),
        cost_usd=round(float(cost), 6),
        unpriced_answers=int(unpriced or 0),
    )


def _total(rows: list[UsageRow]) -> UsageRow:
    return UsageRow(
        key="total",
        label="Total",
        answers=sum(r.answers for r in rows),
        input_tokens=sum(r.input_tokens for r in rows),
        output_tokens=sum(r.output_tokens for r in rows),
        cache_read_tokens=sum(r.cache_read_tokens for r in rows),
        cache_write_tokens=sum(r.cache_write_tokens for r in rows),
        cost_usd=round(sum(r.cost_usd for r in rows), 6),
        unpriced_answers=sum(r.unpriced_answers for r in rows),
    )


def usage_csv(report: UsageOut) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in [*report.rows, report.total]:
        data = row.model_dump()
        # a title is the person's own text: keep a spreadsheet from reading it as a formula
        label = str(data["label"])
        if label[:1] in ("=", "+", "-", "@", "\t", "\r"):
            data["label"] = "'" + label
        writer.writerow([data[c] for c in CSV_COLUMNS])
    return buffer.getvalue()
