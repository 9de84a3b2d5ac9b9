"""Parley: a self-hosted AI workspace."""

__version__ = "0.1.0"
