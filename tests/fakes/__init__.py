"""Loopback fakes of external services."""
