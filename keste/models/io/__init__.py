"""Every file format keste reads or writes: the school workbook (its schema, reading, JSON, the
template), the timetable workbook, styles and labels, FET files, the tariff sheet, the
substitution history."""
