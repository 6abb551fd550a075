"""Two versions of the example policy for the diff and redline tests: a signed one and a revision."""

from __future__ import annotations

import copy
from pathlib import Path

from policy_model import toml_io
from policy_model.draft import Channel, Clause, Draft

from .drafts import load_draft

CLAUSES = [
    Clause("purpose", title="Purpose", text="This policy sets out how staff may use social media with clients."),
    Clause("monitoring", title="Monitoring",
           text="The bank monitors all client messages, and keeps them for five years."),
    Clause("devices", title="Devices", text="Use a company phone for client messages."),
    Clause("conduct", title="Conduct", text="Be courteous.  Never share  client data."),
]


def signed(example: Path) -> Draft:
    """The example with channels and clauses: the version legal signed."""
    draft = load_draft(example)
    draft.channels = [
        Channel("linkedin", enabled=True, name="LinkedIn"),
        Channel("sms", enabled=True, name="Text messages", archiving_required=True, groups=["department:Sales"]),
        Channel("whatsapp", enabled=False, name="WhatsApp"),
    ]
    draft.clauses = copy.deepcopy(CLAUSES)
    return draft


def write(draft: Draft, path: Path) -> Path:
    """Save beside the example copy so the draft finds the same roster snapshot."""
    toml_io.save(draft, path)
    return path
