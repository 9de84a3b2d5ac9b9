"""Domain errors. api/errors.py maps each to one HTTP status; the message is shown to people as is."""

from __future__ import annotations


class DomainError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(DomainError):
    """Missing, or someone else's: the two are indistinguishable from outside."""


class ConversationNotFound(NotFound):
    def __init__(self) -> None:
        super().__init__("Conversation not found.")


class MessageNotFound(NotFound):
    def __init__(self) -> None:
        super().__init__("Message not found.")


class RunNotFound(NotFound):
    def __init__(self) -> None:
        super().__init__("Run not found.")


class InvalidInput(DomainError):
    """Well-formed but unacceptable input (422)."""


class TooLarge(DomainError):
    """Over a size limit: a file, or someone's storage (413)."""


class ModelUnavailable(InvalidInput):
    pass


class EmailTaken(DomainError):
    def __init__(self) -> None:
        super().__init__("An account with this email already exists. Sign in instead.")


class SignupClosed(DomainError):
    def __init__(self) -> None:
        super().__init__("Sign-up is closed on this server. Ask an administrator for an account.")


class InvalidCredentials(DomainError):
    def __init__(self) -> None:
        super().__init__("Wrong email or password.")


class NotAuthenticated(DomainError):
    def __init__(self) -> None:
        super().__init__("Sign in to continue.")


class TooManyAttempts(DomainError):
    def __init__(self, retry_after: float) -> None:
        seconds = max(1, round(retry_after))
        super().__init__(f"Too many failed sign-ins. Try again in {seconds} seconds.")
        self.retry_after = seconds


class Conflict(DomainError):
    """The request fights the resource's current state (409)."""
