from alembic import context

from sync.server.db import VERSION_TABLE
from sync.server.models import ServerBase

engine = context.config.attributes.get("engine")
if engine is None:
    from sqlalchemy import create_engine

    engine = create_engine(context.config.get_main_option("sqlalchemy.url"))

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=ServerBase.metadata,
        version_table=VERSION_TABLE,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
