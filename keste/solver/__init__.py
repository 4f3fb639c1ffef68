"""How a timetable is made and checked: one subpackage per job, chained by pipeline.py."""
