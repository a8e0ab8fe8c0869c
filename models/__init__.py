"""SQLAlchemy ORM tables, database setup and Alembic migrations (the ground floor)."""
