"""Logging in, the lock screen, logging out and switching user."""
