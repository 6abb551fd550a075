"""What the export shows is decided in the model: wording, who gets which channel, DRAFT or FINAL."""

from __future__ import annotations

from pathlib import Path

from policy_model.accepted import accept_warning, accepted_now
from policy_model.document import new_draft, open_document
from policy_model.draft import Draft, PolicyHeader
from policy_model.policy_view import build_view, document_status
from policy_model.problems import Problem
from policy_model.signoff import add_approver, set_status


def test_sections_are_step_3s_policy_with_conditions_and_variables(example_draft: Path) -> None:
    document = open_document(example_draft)
    document.draft.policy.owner = ""
    titles = [s.title for s in build_view(document).sections]
    assert "Record keeping and supervision" in titles, "a bank gets the financial clauses"
    assert not any("patient" in t.lower() for t in titles), "and not the healthcare ones"
    text = " ".join(p for s in build_view(document).sections for p in s.paragraphs)
    assert "Harbor Community Bank" in text and "{company}" not in text
    assert "[owner: not set]" in text, "a value not set yet stays visible to the reviewer"


def with_approvers(*names: str, approved: int) -> Draft:
    """A new draft with these approvers, the first `approved` of them having approved it."""
    draft = new_draft("Acme")
    for n, name in enumerate(names):
        add_approver(draft, name)
        if n < approved:
            set_status(draft, n, "approved")
    return draft


def test_final_only_when_every_approver_approved_and_check_found_no_error() -> None:
    approved = with_approvers("A", "B", approved=2)
    assert document_status(approved, []) == ("FINAL", ())
    assert document_status(with_approvers("A", "B", approved=1), [])[0] == "DRAFT"
    assert document_status(with_approvers(approved=0), [])[1] == ("no approver is named",)
    status, reasons = document_status(approved, [Problem("f", "broken")])
    assert status == "DRAFT" and reasons == ("1 problem found by check",)
    warning = Problem("f", "overbroad wording", field="clauses[0].text", severity="warning")
    assert document_status(approved, [warning]) == ("DRAFT", ("1 warning neither fixed nor accepted",))
    accept_warning(approved, [warning], warning.id, "Reviewed by counsel: the wording is narrow enough", by="Dana")
    assert document_status(approved, [warning])[0] == "FINAL"
    assert accepted_now(approved, [warning])[0].reason == "Reviewed by counsel: the wording is narrow enough"
    assert accepted_now(approved, []) == [], "an acceptance of a warning since fixed is moot"


def test_build_view_resolves_sections_channels_matrix_and_appendix(export_draft: Path) -> None:
    view = build_view(open_document(export_draft))
    assert [s.title for s in view.sections] == ["Purpose", "Who this policy covers", "Keeping records"]
    assert view.sections[0].paragraphs[0].startswith("This policy sets how employees of Harbor Community Bank")
    assert view.sections[1].paragraphs == ("It covers every employee granted access in the appendix, "
                                           "whatever their device.",)
    assert [c.name for c in view.channels] == ["LinkedIn", "Text messaging", "WhatsApp",
                                               "Push-to-talk (Voxer and similar)"]
    assert view.matrix.channels == ("LinkedIn", "Text messaging", "WhatsApp", "Push-to-talk")
    assert dict(view.matrix.rows)["Sales"] == (5, 5, 5, 5)
    assert dict(view.matrix.rows)["Operations"][2] == 0
    by_id = {g.employee_id: g for g in view.granted}
    assert by_id["E1002"].channels == "LinkedIn, Text messaging, WhatsApp, Push-to-talk (Voxer and similar)"
    assert by_id["E1010"].channels == "LinkedIn, Text messaging, Push-to-talk (Voxer and similar)"
    assert view.status == "DRAFT" and view.draft_reasons == ("3 of 3 approvals outstanding",)


def test_header_fields_reach_the_view() -> None:
    from policy_model.document import Document
    from policy_model.draft import Draft

    view = build_view(Document(Draft(PolicyHeader(company="Acme", owner="HR")), Path("acme.toml")))
    assert (view.company, view.owner, view.effective_date, view.granted) == ("Acme", "HR", "not set", ())


def test_the_policy_names_channels_as_the_catalog_does(example_draft: Path) -> None:
    text = " ".join(p for s in build_view(open_document(example_draft)).sections for p in s.paragraphs)
    assert "LinkedIn, Facebook / Messenger, SMS / text messaging, and Microsoft Teams chat with customers" in text
