"""Opfølgning: the annual policy follow-up in the window (tables and charts, no child)."""
