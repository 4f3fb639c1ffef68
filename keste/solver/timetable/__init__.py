"""The timetable model: variables in context.py, hard rules in constraints/, soft rules in
objectives/, assembled by build.py and searched by search.py."""
