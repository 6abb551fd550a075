"""The terminal app and the `policy-tui` command line.

Importing this package stays cheap: Textual is imported only when the app is opened, so the
headless commands start fast.
"""
