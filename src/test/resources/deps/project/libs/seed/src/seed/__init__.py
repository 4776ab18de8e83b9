"""Seed library used by the deps loader tests."""
