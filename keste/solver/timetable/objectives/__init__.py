"""The soft rules of a timetable, one weighted penalty a module."""
