"""Reusable widgets: one module each."""
