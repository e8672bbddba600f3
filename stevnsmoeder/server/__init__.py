"""The shared record's server: an ASGI app over PostgreSQL that runs the same services."""
