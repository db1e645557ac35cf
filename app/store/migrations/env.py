from alembic import context

import app.store.all_models  # noqa: F401  (registers every table on the metadata)
from app.store.base import Base

engine = context.config.attributes.get("engine")
if engine is None:
    from sqlalchemy import create_engine

    engine = create_engine(context.config.get_main_option("sqlalchemy.url"))

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
