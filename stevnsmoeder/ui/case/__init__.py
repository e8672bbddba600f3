"""The case page and the dialogs that put a child on an agenda."""
