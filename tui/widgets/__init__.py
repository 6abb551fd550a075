"""Reusable widgets, one module each; they render what they are given and post typed messages."""
