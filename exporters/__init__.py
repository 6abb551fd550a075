"""Outputs made from a draft (the Word document for sign-off). Imports only policy_model."""
