"""The hard rules of a timetable, one family a module."""
