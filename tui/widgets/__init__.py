"""Widgets shared by screens and steps, one module each."""
