"""During the year: daily substitutions for absent teachers (re-solving lives in
timetable/objectives/moves.py and the pipeline)."""
