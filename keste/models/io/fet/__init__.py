"""Import a FET (.fet) timetable file into a school: read_fet, and its ImportReport of which FET
constraints were mapped, approximated or left out, by type and count."""

from keste.models.io.fet.importer import read_fet
from keste.models.io.fet.state import ImportReport

__all__ = ["ImportReport", "read_fet"]
