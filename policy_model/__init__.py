"""The policy domain: drafts, their TOML file, the roster and the rules. No UI, no Word."""
