"""Why there is no timetable: counting first, then a minimal conflict of guarded rules."""
