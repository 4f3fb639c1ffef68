"""The timetable workbook: Lessons (the machine-readable contract) and Meals, the grids people
print (the whole school, one sheet per class, teachers, rooms), the Load list and the Report.

read_timetable reads the Lessons and Meals sheets back, from keste's output or a hand-edited copy,
in any of the three languages.
"""

from keste.models.io.timetable_workbook.lessons import LESSON_COLUMNS, MEAL_COLUMNS
from keste.models.io.timetable_workbook.reading import LESSONS_SPEC, MEALS_SPEC, read_timetable
from keste.models.io.timetable_workbook.report import grouping_report, pool_line, write_diagnosis
from keste.models.io.timetable_workbook.students import electives_sheet, write_groups
from keste.models.io.timetable_workbook.write import timetable_workbook, write_timetable

__all__ = [
    "LESSONS_SPEC",
    "LESSON_COLUMNS",
    "MEALS_SPEC",
    "MEAL_COLUMNS",
    "electives_sheet",
    "grouping_report",
    "pool_line",
    "read_timetable",
    "timetable_workbook",
    "write_diagnosis",
    "write_groups",
    "write_timetable",
]
