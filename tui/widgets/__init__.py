"""Reusable widgets that render part of the draft and change it through model operations."""
