"""Shared pieces of the window: forms, table models, prompts, the worker thread, autosave,
keys, screen fitting, settings and the print preview."""
