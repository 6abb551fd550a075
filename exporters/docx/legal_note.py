"""The note for legal beside the policy: the warnings accepted rather than fixed.

A short document of its own, so the reasons a lawyer gave for letting wording stand never
reach the copy every employee receives.
"""

from __future__ import annotations

import io

from policy_model.accepted import LegalNote

from .base import TABLE_STYLE, open_base
from .ooxml import add_table
from .text import xml_safe


def legal_note_bytes(note: LegalNote) -> bytes:
    document = open_base(None)
    document.add_heading(xml_safe(f"{note.title}: accepted exceptions"), level=1)
    document.add_paragraph(xml_safe(f"{note.company or 'The company'}, version {note.version}. For legal review; "
                                    "not part of the policy employees receive."))
    if note.rows:
        add_table(document, [tuple(map(xml_safe, row)) for row in note.rows], TABLE_STYLE,
                  headers=("Warning", "Why it was accepted", "Accepted by", "On"), weights=(4, 4, 2, 1))
    else:
        document.add_paragraph("No warning was accepted: every warning check found is fixed.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
