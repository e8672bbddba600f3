"""Alembic environment: always runs on a connection handed over by stevnsmoeder.db.migrate."""

from alembic import context

from stevnsmoeder.db.models import Base
from stevnsmoeder.db.search_index import is_index_table

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through stevnsmoeder.db.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    # The full-text index is SQL of its own (FTS5 and triggers), not described by the models.
    include_name=lambda name, type_, _parents: not (type_ == "table" and is_index_table(name)),
)
with context.begin_transaction():
    context.run_migrations()
