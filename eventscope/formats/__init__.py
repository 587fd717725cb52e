"""The field's exchange formats: ACLED's CSV, PLOVER's JSON and GDELT-style CAMEO rows.

Each module is a pure function from an ``Event`` to one row or record plus the
documented tables it needs; ``eventscope.export`` writes them to files.
"""

from eventscope.formats.acled import ACLED_COLUMNS, acled_row, acled_rows
from eventscope.formats.cameo import CAMEO_COLUMNS, cameo_row, cameo_rows
from eventscope.formats.plover import plover_record

__all__ = [
    "ACLED_COLUMNS",
    "CAMEO_COLUMNS",
    "acled_row",
    "acled_rows",
    "cameo_row",
    "cameo_rows",
    "plover_record",
]
