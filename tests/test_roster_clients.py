"""Client load from a CRM account export: counts and touch on the right people, the default
rules deciding from them, the report, re-reads, roster re-imports, and files refused whole."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import pytest

from policy_model.document import create_document, open_document
from policy_model.draft import Employee
from policy_model.eligibility import evaluate
from policy_model.problems import ProblemsError
from policy_model.roster import clients_report_lines, import_clients, import_roster, preview_clients
from policy_model.roster.clients import touch_of
from policy_model.roster.owners import OwnerMatcher, name_words
from policy_model.roster_snapshot import read_snapshot
from tui.cli import main

# A Salesforce "Accounts" report, as exported.
SALESFORCE = ["Account ID", "Account Name", "Account Owner", "Owner Email", "Type", "Customer Tier", "Industry",
              "Billing City", "Annual Revenue", "Last Activity"]

# (owner's name as the CRM shows it, owner's e-mail, employee id, tier, accounts)
Book = tuple[str, str, str, str, int]
BOOKS: list[Book] = [
    ("Petra Novak", "petra.novak@harborbank.example", "E1022", "Strategic", 5),
    ("Etienne Dubois", "ETIENNE.DUBOIS@harborbank.example", "E1018", "Standard", 28),
    ("Grace Okafor", "grace.okafor@harborbank.example", "E1001", "Key", 2),
    ("Grace Okafor", "grace.okafor@harborbank.example", "E1001", "standard ", 2),
    ("Integration User", "integration@harborbank.example", "integration", "Standard", 14),
]


def crm_export(books: list[Book], owner: str = "email", *, extra_rows: Sequence[Sequence[str]] = ()) -> str:
    """The report's CSV; `owner` says what the owner columns hold: "email", "name" or "id"."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(SALESFORCE)
    n = 0
    for name, email, employee_id, tier, count in books:
        for _ in range(count):
            n += 1
            who = {"email": name, "name": name, "id": employee_id}[owner]
            writer.writerow([f"0015g00000Ab{n:04d}", f"Client {n} Ltd", who, email if owner == "email" else "",
                             "Customer - Direct", tier, "Manufacturing", "Salem", "2500000", "2026-12-01"])
    writer.writerows(extra_rows)
    return out.getvalue()


def write(folder: Path, text: str, name: str = "accounts.csv") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def loads(employees: list[Employee]) -> dict[str, tuple[int | None, str | None]]:
    return {e.id: (e.clients, e.touch) for e in employees}


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


# --- Counts, touch and the default rules -----------------------------------------------------


@pytest.mark.parametrize("owner, mapping", [
    ("email", None),  # "Owner Email" is preferred over the "Account Owner" name column
    ("name", {"owner": "Account Owner", "tier": "Customer Tier"}),
    ("id", {"owner": "Account Owner"}),
])
def test_counts_and_touch_land_on_the_right_people(example_draft: Path, tmp_path: Path, owner: str,
                                                   mapping: dict[str, str] | None) -> None:
    document = open_document(example_draft)
    source = write(tmp_path, crm_export(BOOKS, owner))
    report = import_clients(document, source, mapping=mapping, high_touch=["Strategic", "key"])
    assert report.mapping["owner"] == ("Owner Email" if owner == "email" else "Account Owner")
    people = loads(document.roster.employees)
    assert people["E1022"] == (5, "high")  # Petra Novak: 5 strategic accounts
    assert people["E1018"] == (28, "low")  # "Etienne Dubois" is "Dubois, Étienne"
    assert people["E1001"] == (4, "high")  # "Grace Okafor" is "Okafor, Grace A"; 2 of 4 key: half is high
    assert people["E1002"] == (None, None)  # no account in this export: load unknown
    assert (report.accounts, report.matched, report.people, report.unknown) == (51, 37, 3, 39)
    assert report.high_touch == ["Strategic", "Key"]  # as the file spells them


def test_the_default_rules_grant_a_small_strategic_book_and_deny_a_large_standard_one(
        example_draft: Path, tmp_path: Path) -> None:
    document = open_document(example_draft)
    import_clients(document, write(tmp_path, crm_export(BOOKS)), high_touch=["Strategic"])
    employees = document.roster.employees
    decided = {e.id: d for e, d in zip(employees, evaluate(document.draft, employees), strict=True)}
    assert (decided["E1022"].status, decided["E1022"].rule_id) == ("granted", "small-book")
    assert (decided["E1018"].status, decided["E1018"].rule_id) == ("denied", "large-low-touch")
    assert "28 clients, low touch" in decided["E1018"].reason
    assert (decided["E1002"].status, decided["E1002"].rule_id) == ("review", "unknown-load")


def test_counts_and_mapping_are_stored_in_the_snapshot_and_the_draft(example_draft: Path, tmp_path: Path) -> None:
    document = open_document(example_draft)
    report = import_clients(document, write(tmp_path, crm_export(BOOKS)), high_touch=["Strategic", "Key"])
    document.save()
    reopened = open_document(example_draft)
    assert report.snapshot == reopened.draft.roster.snapshot != "regional-bank.roster.csv"  # a new file beside the old
    assert not example_draft.with_name("regional-bank.roster.csv").exists(), "the old snapshot goes once saved"
    assert reopened.problems == [] and reopened.roster.problems == []  # the draft's sha256 is the new snapshot's
    assert loads(reopened.roster.employees)["E1022"] == (5, "high")
    crm = reopened.draft.roster.clients
    assert crm is not None and crm.source == "accounts.csv" and crm.sheet is None and crm.imported_at is not None
    assert crm.mapping == {"owner": "Owner Email", "tier": "Customer Tier", "account": "Account ID"}
    assert (crm.high_touch, crm.accounts, crm.matched, crm.people) == (["Strategic", "Key"], 51, 37, 3)
    text = example_draft.read_text(encoding="utf-8")
    assert '[roster.clients]\nsource = "accounts.csv"\n' in text and "[roster.clients.mapping]" in text


def test_an_account_listed_twice_counts_once_and_every_row_is_accounted_for(example_draft: Path,
                                                                            tmp_path: Path) -> None:
    books: list[Book] = [("Petra Novak", "petra.novak@harborbank.example", "E1022", "Strategic", 3)]
    text = crm_export(books, extra_rows=[
        ["0015g00000Ab0001", "Client 1 Ltd", "Petra Novak", "petra.novak@harborbank.example", "", "Strategic"],
        ["0015g00000Ab0099", "Orphan Ltd", "", "", "", "Standard"],
        [],
        ["0015g00000Ab0100", "Too Wide", "Petra Novak", "petra.novak@harborbank.example", "", "Standard", "", "", "",
         "", "an extra value"],
    ])
    document = open_document(example_draft)
    report = import_clients(document, write(tmp_path, text), high_touch=["Strategic"])
    assert loads(document.roster.employees)["E1022"] == (3, "high")
    assert (report.rows, report.accounts, report.repeated, report.no_owner, report.blank) == (7, 3, 1, 1, 1)
    assert [(r.row, r.reason) for r in report.rejected] == [(8, "11 values but the header has 10 columns "
                                                             "(a value with an unquoted delimiter?)")]
    lines = clients_report_lines(report)
    assert lines[0] == ("accounts.csv (UTF-8, comma-separated): 7 rows: 3 accounts, 1 repeated (counted once), "
                        "1 without an owner, 1 rejected, 1 blank")
    assert "accounts.csv:8: 11 values but the header has 10 columns (a value with an unquoted delimiter?)" in lines


def test_without_a_tier_column_touch_is_unknown_and_the_report_says_so(example_draft: Path, tmp_path: Path) -> None:
    document = open_document(example_draft)
    report = import_clients(document, write(tmp_path, crm_export(BOOKS)), mapping={"tier": ""})
    assert loads(document.roster.employees)["E1018"] == (28, None)
    assert "tier" not in report.mapping
    assert "touch: no tier column, so touch is left unknown; the rules go by the client count alone" in \
        clients_report_lines(report)
    employees = document.roster.employees
    decided = {e.id: d for e, d in zip(employees, evaluate(document.draft, employees), strict=True)}
    assert decided["E1018"].rule_id == "customer-facing"  # neither small nor known low-touch: a case to review


def test_touch_is_high_from_half_of_the_accounts() -> None:
    assert touch_of(["Key", "Standard"], {"Key"}) == "high"
    assert touch_of(["Key", "Standard", "Standard"], {"Key"}) == "low"
    assert touch_of(["Standard"], set()) == "low"


# --- Matching owners to employees ------------------------------------------------------------

PEOPLE = [
    Employee("E1", "Okafor, Grace A", "grace.okafor@x.example", "Account Manager"),
    Employee("E2", "Kim, Alex", "alex.kim@x.example", "Account Manager"),
    Employee("E3", "Kim, Alex", "a.kim@x.example", "Teller"),
    Employee("E4", "O'Connor, Sean P.", "", "Banker"),
    Employee("E5", "Lee, Ann B", "shared@x.example", "Banker"),
    Employee("E6", "Lee, Ann C", "shared@x.example", "Banker"),
    Employee("E7", "Dubois, Étienne", "", "Banker"),
]


@pytest.mark.parametrize("owner, ids", [
    ("E1", ["E1"]),  # employee id, exactly
    ("e1", []),
    ("GRACE.OKAFOR@X.EXAMPLE", ["E1"]),  # e-mail, any case
    ("Grace Okafor", ["E1"]),  # the initial missing on one side
    ("grace  a. okafor", ["E1"]),
    ("Okafor, Grace A", ["E1"]),
    ("Grace B Okafor", []),  # two different initials never match
    ("Sean O'Connor", ["E4"]),
    ("Sean OConnor", ["E4"]),
    ("Etienne Dubois", ["E7"]),  # accents set aside
    ("Alex Kim", ["E2", "E3"]),  # two people of that name: ambiguous
    ("Ann Lee", ["E5", "E6"]),
    ("Ann C Lee", ["E6"]),  # the initial tells them apart
    ("shared@x.example", ["E5", "E6"]),
    ("Integration User", []),
    ("", []),
])
def test_owners_match_by_id_then_email_then_name(owner: str, ids: list[str]) -> None:
    assert [e.id for e in OwnerMatcher(PEOPLE).candidates(owner)] == ids


def test_names_are_compared_as_their_words_first_to_last() -> None:
    assert name_words("Okafor, Grace A.") == name_words("grace a okafor") == ("grace", "a", "okafor")
    assert name_words("Kim, Min-jun") == ("min", "jun", "kim")


def test_owners_matching_no_one_or_several_people_are_reported_largest_first(tmp_path: Path) -> None:
    document = create_document(tmp_path / "policy.toml", company="Test Co")
    hr = "Employee ID,Full Name,Job Title\r\nE2,\"Kim, Alex\",Account Manager\r\nE3,\"Kim, Alex\",Teller\r\n" \
         "E9,\"Reyes, Carmen\",Account Manager\r\n"
    import_roster(document, write(tmp_path, hr, "hr.csv"))
    books: list[Book] = [("Alex Kim", "", "", "Key", 6), ("Carmen Reyes", "", "", "Key", 2),
                         ("Integration User", "", "", "Key", 14), ("Bad\x1b[2JName", "", "", "Key", 1)]
    report = import_clients(document, write(tmp_path, crm_export(books, "name")), mapping={"owner": "Account Owner"},
                            high_touch=["Key"])
    assert [(u.owner, u.accounts, u.candidates) for u in report.unmatched] == [
        ("Integration User", 14, ()), ("Alex Kim", 6, ("E2", "E3")), ("Bad\x1b[2JName", 1, ())]
    lines = clients_report_lines(report)
    assert "  unmatched: Integration User: 14 accounts, no employee matches" in lines
    assert "  unmatched: Alex Kim: 6 accounts, 2 employees match (E2, E3): counted for no one" in lines
    assert "  unmatched: Bad?[2JName: 1 account, no employee matches" in lines  # never raw to a terminal
    assert "1 person given a client count from 2 accounts; 21 accounts owned by no one in the roster" in lines
    assert loads(document.roster.employees) == {"E2": (None, None), "E3": (None, None), "E9": (2, "high")}


# --- Next quarter's export, and the roster re-imported from HR --------------------------------


def test_a_re_read_uses_the_saved_mapping_and_tiers_and_reports_who_changed(example_draft: Path,
                                                                            tmp_path: Path) -> None:
    document = open_document(example_draft)
    import_clients(document, write(tmp_path, crm_export(BOOKS, "name"), "q1.csv"),
                   mapping={"owner": "Account Owner"}, high_touch=["Strategic", "Key"])
    first = document.draft.roster.clients
    assert first is not None
    document.save()
    next_quarter: list[Book] = [
        ("Petra Novak", "", "", "Standard", 12),
        ("Etienne Dubois", "", "", "Strategic", 5),
        ("Grace Okafor", "", "", "Key", 4),
    ]
    document = open_document(example_draft)
    report = import_clients(document, write(tmp_path, crm_export(next_quarter, "name"), "q2.csv"))
    assert report.origins["owner"] == "saved" and report.high_touch == ["Strategic", "Key"]
    lines = clients_report_lines(report)
    assert f"since the last client import ({first.imported_at:%Y-%m-%d %H:%M} UTC): 2 people changed" in lines
    assert "  changed: E1018 Dubois, Étienne: clients 28 -> 5; touch low -> high" in lines
    assert "  changed: E1022 Novak, Petra: clients 5 -> 12; touch high -> low" in lines


def test_re_importing_the_roster_from_hr_keeps_the_crm_counts(example_draft: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    source = write(tmp_path, crm_export(BOOKS), "crm.csv")
    assert main(["roster", "clients", str(example_draft), str(source), "--high-touch", "Strategic"]) == 0
    before = {e.id: e for e in open_document(example_draft).roster.employees}
    hr = io.StringIO()
    writer = csv.writer(hr, lineterminator="\r\n")
    writer.writerow(["Employee ID", "Full Name", "Job Title", "Department", "Customer Facing"])
    writer.writerows([e.id, e.name, e.role, e.department, "yes" if e.customer_facing else "no"]
                     for e in before.values() if e.id != "E1001")
    capsys.readouterr()
    assert main(["roster", "import", str(example_draft), str(write(tmp_path, hr.getvalue(), "hr.csv"))]) == 0
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("note: client counts and touch kept for 2 people from the CRM export crm.csv of ")
               for line in out)
    since = next(line for line in out if line.startswith("since the last import"))
    assert since.endswith(": 0 joined, 1 left, 0 changed")  # nobody's load changed
    after = open_document(example_draft)
    assert after.roster.problems == []
    assert loads(after.roster.employees)["E1022"] == (5, "high")
    assert loads(after.roster.employees)["E1018"] == (28, "low")


def test_an_hr_file_with_its_own_counts_replaces_the_crm_counts_and_says_so(example_draft: Path,
                                                                           tmp_path: Path) -> None:
    document = open_document(example_draft)
    import_clients(document, write(tmp_path, crm_export(BOOKS), "crm.csv"), high_touch=["Strategic"])
    hr = ("Employee ID,Full Name,Job Title,Client Count,Customer Facing\r\n"
          "E1022,\"Novak, Petra\",Account Manager,9,yes\r\n")
    report = import_roster(document, write(tmp_path, hr, "hr.csv"))
    assert loads([e for e in document.roster.employees if not e.revoke]) == {"E1022": (9, None)}
    assert any("replacing those read from crm.csv" in note for note in report.notes)


# --- Files refused whole ---------------------------------------------------------------------


@pytest.mark.parametrize("content, args, message", [
    (crm_export(BOOKS).replace("Account Owner,Owner Email", "Rep,Contact"), ["--high-touch", "Strategic"],
     'accounts.csv: no account owner column found (the owner\'s employee id, e-mail or name); choose one with '
     '--map owner=COLUMN; the columns are "Account ID", "Account Name", "Rep", "Contact"'),
    ("\x00\x01\x02\x03 not a table", [], "accounts.csv: this is not a text file (it holds binary data)"),
    (crm_export(BOOKS), [],
     'accounts.csv: tier column "Customer Tier" found but no high-touch tier named; the tiers are "Standard" '
     '(44 accounts), "Strategic" (5 accounts), "Key" (2 accounts); name the high-touch ones with --high-touch VALUE '
     "(repeatable), or leave tiers out with --map tier="),
    (crm_export(BOOKS), ["--map", "owner=Billing City", "--high-touch", "Key"],
     'accounts.csv: no account owner is anyone in the roster (owners such as "Salem"); check the owner column '
     '("Billing City", or choose one with --map owner=COLUMN); nothing was written'),
    (crm_export(BOOKS), ["--map", "region=Billing City"], 'accounts.csv: --map region=...: unknown field "region"; '
     "the fields are owner, tier, account"),
    (crm_export(BOOKS), ["--high-touch", " "], "--high-touch: the high-touch tier must not be empty"),
])
def test_a_file_that_cannot_be_used_is_one_line_exit_1_and_changes_nothing(
        example_draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        content: str, args: list[str], message: str) -> None:
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    source = write(uploads, content)
    before = files_of(tmp_path)
    assert main(["roster", "clients", str(example_draft), str(source), *args]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines()[0].startswith(message) and captured.out == ""
    assert len(captured.err.splitlines()) == 1 and "Traceback" not in captured.err
    assert files_of(tmp_path) == before


def test_a_draft_without_a_roster_is_told_to_import_one_first(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    document = create_document(tmp_path / "policy.toml", company="Test Co")
    document.save()
    source = write(tmp_path, crm_export(BOOKS))
    assert main(["roster", "clients", str(document.path), str(source), "--high-touch", "Key"]) == 1
    assert capsys.readouterr().err == (f"{document.path}: the draft has no roster yet; import one first "
                                       "(policy-tui roster import DRAFT FILE), then its client counts\n")


def test_a_snapshot_edited_by_hand_is_not_written_over(example_draft: Path, tmp_path: Path) -> None:
    snapshot = example_draft.with_name("regional-bank.roster.csv")
    snapshot.write_bytes(snapshot.read_bytes().replace(b"Novak, Petra", b"Novak, P."))
    document = open_document(example_draft)
    with pytest.raises(ProblemsError, match="client counts cannot go onto this roster snapshot: the roster "
                       "snapshot changed since it was imported"):
        import_clients(document, write(tmp_path, crm_export(BOOKS)), high_touch=["Key"])
    assert b"Novak, P." in snapshot.read_bytes()


def test_cancelling_writes_nothing(example_draft: Path, tmp_path: Path) -> None:
    document = open_document(example_draft)
    before = files_of(tmp_path)
    report = import_clients(document, write(tmp_path, crm_export(BOOKS)), high_touch=["Key"],
                            progress=lambda done, total: True)
    assert report.cancelled and clients_report_lines(report) == ["accounts.csv: client import cancelled; "
                                                                 "nothing was written"]
    assert document.draft.roster.clients is None
    assert {k: v for k, v in files_of(tmp_path).items() if k != "accounts.csv"} == before


# --- The command line, workbooks and the preview ---------------------------------------------


def test_the_command_prints_the_report_and_saves(example_draft: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    source = write(tmp_path, crm_export(BOOKS))
    assert main(["roster", "clients", str(example_draft), str(source), "--high-touch", "Strategic",
                 "--high-touch", "KEY", "--high-touch", "Tier 1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("accounts.csv (UTF-8, comma-separated): 51 rows: 51 accounts, 0 repeated (counted once), "
                      "0 without an owner, 0 rejected, 0 blank")
    assert out[1] == ('columns: owner = "Owner Email" (auto), tier = "Customer Tier" (auto), '
                      'account = "Account ID" (auto)')
    assert 'note: high-touch tier "Tier 1" is not in this file' in out
    assert "3 people given a client count from 37 accounts; 14 accounts owned by no one in the roster" in out
    assert ("touch: high when at least half of a person's accounts are in a high-touch tier, else low "
            "(Strategic, Key, Tier 1)") in out
    assert "39 people in the roster own no account in this file: their client count and touch are now unknown" in out
    assert "  changed: E1018 Dubois, Étienne: clients 5 -> 28; touch high -> low" in out
    reopened = open_document(example_draft)
    assert out[-1] == f"saved {example_draft} and {reopened.draft.roster.snapshot}"
    assert reopened.draft.roster.clients is not None


def test_the_command_is_in_the_roster_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["roster", "clients", "--help"])
    out = capsys.readouterr().out
    assert "--high-touch VALUE" in out and "owner, tier, account" in out


def test_a_workbook_export_is_read_from_its_sheet(example_draft: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Accounts"
    for row in csv.reader(io.StringIO(crm_export(BOOKS))):
        sheet.append(row)
    source = tmp_path / "accounts.xlsx"
    workbook.save(source)
    document = open_document(example_draft)
    report = import_clients(document, source, high_touch=["Strategic"])
    assert report.sheet == "Accounts" and loads(document.roster.employees)["E1022"] == (5, "high")
    assert document.draft.roster.clients is not None and document.draft.roster.clients.sheet == "Accounts"


def test_the_preview_lists_every_tier_of_the_file(tmp_path: Path) -> None:
    preview = preview_clients(write(tmp_path, crm_export(BOOKS)), limit=3)
    assert len(preview.rows) == 3 and preview.rows[0][2] == "Petra Novak"
    assert preview.mapping.column("owner") == "Owner Email" and preview.mapping.column("tier") == "Customer Tier"
    assert preview.tiers == [("Standard", 44), ("Strategic", 5), ("Key", 2)]
    by_type = preview_clients(tmp_path / "accounts.csv", mapping={"tier": "Type"})
    assert by_type.tiers == [("Customer - Direct", 51)]


def test_snapshot_read_back_matches(example_draft: Path, tmp_path: Path) -> None:
    document = open_document(example_draft)
    import_clients(document, write(tmp_path, crm_export(BOOKS)), high_touch=["Strategic"])
    roster = read_snapshot(example_draft, document.draft.roster)
    assert roster.problems == []
    assert loads(roster.employees) == loads(document.roster.employees)
    assert [e.extra for e in roster.employees] == [e.extra for e in document.roster.employees]
