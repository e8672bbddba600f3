"""Alembic environment: always runs on a connection handed over by stevnsmoeder.db.migrate."""

from alembic import context

from stevnsmoeder.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through stevnsmoeder.db.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
