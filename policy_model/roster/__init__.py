"""Importing a roster from what HR systems export: readers, column mapping, the import report.

`import_roster` is the one operation that changes a draft's employees (`stage_roster` does
its work without changing the document, for a worker, and the report installs it after);
`preview_roster` shows what an import would read without changing anything. `import_clients` and `preview_clients` do
the same for the client counts in a CRM account export.
"""

from .clients import CLIENT_FIELDS, ClientsPreview, client_fields, import_clients, preview_clients, stage_clients
from .clients_report import ClientsReport, UnmatchedOwner, clients_report_lines
from .importer import Preview, import_roster, preview_roster, stage_roster
from .mapping import FIELDS, Mapping, field_label
from .readers import Table
from .report import ImportReport, Rejection, RosterChanges, report_lines

__all__ = ["CLIENT_FIELDS", "FIELDS", "ClientsPreview", "ClientsReport", "ImportReport", "Mapping", "Preview",
           "Rejection", "RosterChanges", "Table", "UnmatchedOwner", "client_fields", "clients_report_lines",
           "field_label", "import_clients", "import_roster", "preview_clients", "preview_roster", "report_lines",
           "stage_clients", "stage_roster"]
