"""Alembic migrations for the run store; applied automatically when a store is opened."""
