"""What a school and a timetable are: typed records and the rules that relate them. File formats
are in keste.models.io."""
