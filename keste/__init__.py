"""keste: school timetables and teacher load for Kazakhstan schools, with CP-SAT."""

__version__ = "0.1.0"
