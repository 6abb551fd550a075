"""Importing a roster from what HR systems export: readers, column mapping, the import report.

`import_roster` is the one operation that changes a draft; `preview_roster` shows what an
import would read without changing anything.
"""

from .importer import Preview, import_roster, preview_roster
from .mapping import FIELDS, Mapping, field_label
from .readers import Table
from .report import ImportReport, Rejection, RosterChanges, report_lines

__all__ = ["FIELDS", "ImportReport", "Mapping", "Preview", "Rejection", "RosterChanges", "Table", "field_label",
           "import_roster", "preview_roster", "report_lines"]
