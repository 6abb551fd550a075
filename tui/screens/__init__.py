"""Screens: the main step screen, the start screen and the dialogs."""
