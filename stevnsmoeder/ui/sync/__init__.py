"""The window's side of the shared record: connecting, background sync, status, conflicts."""
