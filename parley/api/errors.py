"""The one place where domain errors become HTTP statuses. Every error body is {"detail": "..."}."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from parley.providers.registry import ModelNotFound
from parley.services import errors as d
from parley.services.executions import SandboxRefused

STATUS: list[tuple[type[d.DomainError], int]] = [
    (d.NotFound, 404),
    (d.InvalidInput, 422),
    (d.TooLarge, 413),
    (d.EmailTaken, 409),
    (d.Conflict, 409),
    (d.SignupClosed, 403),
    (d.InvalidCredentials, 401),
    (d.NotAuthenticated, 401),
    (d.TooManyAttempts, 429),
    (SandboxRefused, 503),
]


def _status_for(error: d.DomainError) -> int:
    for kind, status in STATUS:
        if isinstance(error, kind):
            return status
    return 400


async def _domain_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, d.DomainError)
    headers = {}
    if isinstance(error, d.TooManyAttempts):
        headers["Retry-After"] = str(error.retry_after)
    return JSONResponse({"detail": error.message}, _status_for(error), headers=headers)


async def _model_not_found(_request: Request, error: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(error)}, 422)


def _describe(error: dict[str, object]) -> str:
    location = [str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path")]  # type: ignore[attr-defined]
    message = str(error.get("msg", "is invalid"))
    if error.get("type") == "json_invalid":
        return "The request body is not valid JSON."
    if error.get("type") == "missing":
        return f"{'.'.join(location) or 'body'}: required"
    return f"{'.'.join(location)}: {message}" if location else message


async def _validation_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    problems = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in error.errors()
    ]
    detail = "; ".join(_describe(e) for e in error.errors()) or "The request is not valid."
    return JSONResponse({"detail": detail, "errors": problems}, 422)


async def _http_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    return JSONResponse({"detail": error.detail}, error.status_code, headers=error.headers)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(d.DomainError, _domain_error)
    app.add_exception_handler(ModelNotFound, _model_not_found)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
