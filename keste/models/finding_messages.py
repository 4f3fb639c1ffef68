"""The words of every kind of Finding, in English, Kazakh and Russian, with {named} numbers."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str, str]] = {  # kind: (en, kk, ru)
    "class_week": (
        "Class {cls} needs {needed} lessons a week, but {days} days of at most {per_day} lessons "
        "give {capacity}.",
        "{cls} сыныбына аптасына {needed} сабақ керек, бірақ {days} күн, күніне ең көбі "
        "{per_day} сабақ — барлығы {capacity}.",
        "Классу {cls} нужно {needed} уроков в неделю, но {days} дн. по не более {per_day} уроков "
        "дают {capacity}.",
    ),
    "teacher_week": (
        "Teacher {teacher} ({subjects}) can teach on {capacity} periods a week; their lessons in "
        "{classes} need {needed}{because}.",
        "{teacher} мұғалімі ({subjects}) аптасына тек {capacity} сабақ уақытында сабақ бере алады; "
        "оның {classes} сыныптарындағы сабақтарына {needed} уақыт керек{because}.",
        "Учитель {teacher} ({subjects}) может вести уроки только в {capacity} уроках в неделю; "
        "его уроки в {classes} требуют {needed}{because}.",
    ),
    "because_unavailable": (
        ", because they are unavailable on {when}",
        ", себебі ол мына уақытта бос емес: {when}",
        ", потому что он недоступен: {when}",
    ),
    "because_short_days": (
        ", because their classes' days are at most {reach} lessons long",
        ", себебі оның сыныптарында күніне ең көбі {reach} сабақ",
        ", потому что у его классов не более {reach} уроков в день",
    ),
    "subject_days": (
        "{who}: {subject} needs {needed} lessons a week, but at most {per_day} a day on the "
        "{days} days it can be taught gives {capacity}.",
        "{who}: {subject} пәніне аптасына {needed} сабақ керек, бірақ ол өтетін {days} күнде "
        "күніне ең көбі {per_day} сабақ — барлығы {capacity}.",
        "{who}: предмету {subject} нужно {needed} уроков в неделю, но не более {per_day} в день "
        "за {days} дн., когда его можно вести, дают {capacity}.",
    ),
    "room_type": (
        "Lessons in rooms of type {type} need {needed} room-periods a week; {rooms} room(s) "
        "over {periods} periods give {capacity}.",
        "{type} түріндегі кабинеттерге аптасына {needed} сабақ керек; {rooms} кабинет, "
        "{periods} сабақ уақыты — барлығы {capacity}.",
        "Урокам в кабинетах типа {type} нужно {needed} урок-кабинетов в неделю; {rooms} "
        "кабинет(а) на {periods} уроков дают {capacity}.",
    ),
    "room_seats": (
        "{who} ({students} students) needs a room of type {type}; the largest seats {largest}.",
        "{who} ({students} оқушы) {type} түріндегі кабинетке сыюы керек; ең үлкені {largest} "
        "орындық.",
        "{who} ({students} учеников) нужен кабинет типа {type}; самый большой вмещает {largest}.",
    ),
    "lock_clash": (
        "Two lessons of {cls} are locked at {day} period {period}: {first} and {second}.",
        "{cls} сыныбының екі сабағы {day}, {period}-сабаққа бекітілген: {first} және {second}.",
        "Два урока {cls} закреплены на {day}, {period}-й урок: {first} и {second}.",
    ),
    "lock_teacher_clash": (
        "Teacher {teacher} is locked into two lessons at once on {day}: {first} and {second}.",
        "{teacher} мұғалімі {day} күні бір уақытта екі сабаққа бекітілген: {first} және {second}.",
        "Учитель {teacher} закреплён одновременно на двух уроках ({day}): {first} и {second}.",
    ),
    "lock_unavailable": (
        "{lesson} is locked at {day} period {period}, when teacher {teacher} is unavailable.",
        "{lesson} {day}, {period}-сабаққа бекітілген, бірақ ол уақытта {teacher} мұғалімі бос "
        "емес.",
        "{lesson} закреплён на {day}, {period}-й урок, когда учитель {teacher} недоступен.",
    ),
    "lock_beyond_day": (
        "{lesson} is locked at {day} period {period}, but the day of {cls} has at most {reach} "
        "periods.",
        "{lesson} {day}, {period}-сабаққа бекітілген, бірақ {cls} сыныбының күні ең көбі "
        "{reach} сабақ.",
        "{lesson} закреплён на {day}, {period}-й урок, но у {cls} в день не более {reach} уроков.",
    ),
    "lock_too_many": (
        "{lesson} has {locks} locked lessons but only {lessons} a week.",
        "{lesson}: {locks} сабақ бекітілген, бірақ аптасына тек {lessons} сабақ бар.",
        "{lesson}: закреплено {locks} уроков, а в неделю их только {lessons}.",
    ),
    "canteen": (
        "Meal {meal}: {classes} classes eat every day in periods {window}; the canteen seats "
        "{capacity} at a time, so {sittings} sittings serve at most {most}.",
        "{meal}: күн сайын {classes} сынып {window} сабақ аралығында тамақтанады; асхана бір "
        "мезетте {capacity} сыныпты сыйғызады, {sittings} кезекте ең көбі {most}.",
        "{meal}: {classes} классов питаются каждый день в уроки {window}; столовая вмещает "
        "{capacity} класс(а) одновременно, за {sittings} смен(ы) — не более {most}.",
    ),
    "meal_window": (
        "Meal {meal}: {cls} cannot eat in periods {window}, which its day never reaches (at most "
        "{reach} periods).",
        "{meal}: {cls} сыныбы {window} сабақ аралығында тамақтана алмайды, оның күні ең көбі "
        "{reach} сабақ.",
        "{meal}: {cls} не может питаться в уроки {window}: у него не более {reach} уроков в день.",
    ),
    "core": (
        "No timetable keeps all of these at once; without any one of them this conflict is gone:",
        "Мына шарттардың бәрін бірге сақтайтын кесте жоқ; кез келгенін алып тастаса, бұл "
        "қайшылық жойылады:",
        "Нет расписания, выполняющего все эти условия сразу; без любого из них это "
        "противоречие исчезает:",
    ),
    "core_not_minimal": (
        "No timetable keeps all of these at once (keste could not narrow the list further in "
        "the time given):",
        "Мына шарттардың бәрін бірге сақтайтын кесте жоқ (берілген уақытта тізімді одан әрі "
        "қысқарту мүмкін болмады):",
        "Нет расписания, выполняющего все эти условия сразу (за отведённое время список не "
        "удалось сократить):",
    ),
    "fact_hours": (
        "{owner}: {lessons} lesson(s) a week",
        "{owner}: аптасына {lessons} сабақ",
        "{owner}: уроков в неделю — {lessons}",
    ),
    "fact_lessons_per_day": (
        "{cls} has at most {limit} lessons a day",
        "{cls} сыныбында күніне ең көбі {limit} сабақ",
        "у {cls} не более {limit} уроков в день",
    ),
    "fact_compact": (
        "the day of {cls} starts at period 1 and has no windows",
        "{cls} сыныбының күні 1-сабақтан басталады, терезесіз",
        "день {cls} начинается с 1-го урока и идёт без окон",
    ),
    "fact_no_windows": (
        "the day of {cls} has no windows",
        "{cls} сыныбының күні терезесіз",
        "день {cls} идёт без окон",
    ),
    "fact_class_clash": (
        "{cls} is in one lesson at a time",
        "{cls} сыныбы бір уақытта бір сабақта ғана",
        "{cls} одновременно только на одном уроке",
    ),
    "fact_teacher_clash": (
        "teacher {teacher} gives one lesson at a time ({lessons} a week in {classes})",
        "{teacher} мұғалімі бір уақытта бір сабақ қана береді (аптасына {lessons}: {classes})",
        "учитель {teacher} ведёт один урок за раз ({lessons} в неделю: {classes})",
    ),
    "fact_unavailable": (
        "teacher {teacher} is unavailable: {when}",
        "{teacher} мұғалімі бос емес: {when}",
        "учитель {teacher} недоступен: {when}",
    ),
    "fact_teacher_days": (
        "teacher {teacher} works at most {limit} days a week",
        "{teacher} мұғалімі аптасына ең көбі {limit} күн жұмыс істейді",
        "учитель {teacher} работает не более {limit} дней в неделю",
    ),
    "fact_teacher_lessons": (
        "teacher {teacher} teaches at most {limit} lessons a day",
        "{teacher} мұғалімі күніне ең көбі {limit} сабақ береді",
        "учитель {teacher} ведёт не более {limit} уроков в день",
    ),
    "fact_rooms": (
        "there are {rooms} room(s) of type {type}",
        "{type} түріндегі кабинеттер саны: {rooms}",
        "кабинетов типа {type}: {rooms}",
    ),
    "fact_home_room": (
        "home room {room} holds one lesson at a time",
        "{room} бөлмесінде бір уақытта бір сабақ қана",
        "в кабинете {room} одновременно только один урок",
    ),
    "fact_subject_per_day": (
        "{subject} is taught at most {limit} time(s) a day, doubles only where planned",
        "{subject} пәні күніне ең көбі {limit} рет, қос сабақ тек жоспарланған жерде",
        "{subject} — не более {limit} раз(а) в день, сдвоенные только по плану",
    ),
    "fact_lock": ("locked: {lock}", "бекітілген: {lock}", "закреплено: {lock}"),
    "fact_meals": (
        "meal {meal}: each of its classes eats once a day in periods {window}",
        "{meal}: әр сынып күніне бір рет {window} сабақ аралығында тамақтанады",
        "{meal}: каждый класс питается раз в день в уроки {window}",
    ),
    "fact_canteen": (
        "the canteen seats {capacity} class(es) at a time for {meal}",
        "{meal} кезінде асхана бір мезетте {capacity} сыныпты сыйғызады",
        "столовая вмещает {capacity} класс(а) одновременно ({meal})",
    ),
    "suggest_lessons_a_day": (
        "Suggestion: allow {cls} {want} lessons a day (Classes: max_lessons_per_day), or take "
        "{excess} lesson(s) out of its week.",
        "Ұсыныс: {cls} сыныбына күніне {want} сабаққа рұқсат беріңіз (Classes: "
        "max_lessons_per_day) немесе аптасынан {excess} сабақты алып тастаңыз.",
        "Совет: разрешите {cls} {want} уроков в день (Classes: max_lessons_per_day) или уберите "
        "из недели {excess} урок(а).",
    ),
    "suggest_teacher": (
        "Suggestion: give {excess} of the lessons of {teacher} to another teacher, or free some "
        "of their unavailable times.",
        "Ұсыныс: {teacher} мұғалімінің {excess} сабағын басқа мұғалімге беріңіз немесе оның бос "
        "емес уақытын азайтыңыз.",
        "Совет: передайте {excess} урок(а) учителя {teacher} другому учителю или освободите "
        "часть его недоступного времени.",
    ),
    "suggest_subject": (
        "Suggestion: allow {subject} {want} times a day (max_per_day on Subjects, or on "
        "Activities) or as double lessons.",
        "Ұсыныс: {subject} пәніне күніне {want} рет рұқсат беріңіз (Subjects: max_per_day) "
        "немесе қос сабақ етіңіз.",
        "Совет: разрешите {subject} {want} раз(а) в день (Subjects: max_per_day) или сдвоенные "
        "уроки.",
    ),
    "suggest_rooms": (
        "Suggestion: add {want} room(s) of type {type}.",
        "Ұсыныс: {type} түріндегі {want} кабинет қосыңыз.",
        "Совет: добавьте {want} кабинет(а) типа {type}.",
    ),
    "suggest_seats": (
        "Suggestion: split {who} into groups, or add a room of type {type} for {students}.",
        "Ұсыныс: {who} топтарға бөліңіз немесе {students} орындық {type} кабинетін қосыңыз.",
        "Совет: разделите {who} на группы или добавьте кабинет типа {type} на {students} мест.",
    ),
    "suggest_lock": (
        "Suggestion: move or remove the lock {lock} (Locks).",
        "Ұсыныс: {lock} бекітуін жылжытыңыз немесе алып тастаңыз (Locks).",
        "Совет: перенесите или удалите закрепление {lock} (Locks).",
    ),
    "suggest_canteen": (
        "Suggestion: let the canteen seat {want} classes at a time, or widen the window of "
        "{meal} (Meals).",
        "Ұсыныс: асханаға бір мезетте {want} сыныпты сыйғызыңыз немесе {meal} уақытын "
        "кеңейтіңіз (Meals).",
        "Совет: рассадите в столовой {want} класс(а) одновременно или расширьте окно {meal} "
        "(Meals).",
    ),
    "suggest_relax": (
        "This change alone is enough for a timetable to exist: {change}.",
        "Кесте құру үшін осы өзгеріс жеткілікті: {change}.",
        "Одного этого изменения достаточно, чтобы расписание нашлось: {change}.",
    ),
    "relax_unavailable": (
        "free some of the unavailable times of teacher {teacher} ({when})",
        "{teacher} мұғалімінің бос емес уақытының бір бөлігін босатыңыз ({when})",
        "освободите часть недоступного времени учителя {teacher} ({when})",
    ),
    "relax_lock": (
        "move or remove the lock {lock}",
        "{lock} бекітуін жылжытыңыз немесе алып тастаңыз",
        "перенесите или удалите закрепление {lock}",
    ),
    "relax_lessons_per_day": (
        "allow {cls} {want} lessons a day (Classes: max_lessons_per_day)",
        "{cls} сыныбына күніне {want} сабаққа рұқсат етіңіз (Classes: max_lessons_per_day)",
        "разрешите {cls} {want} уроков в день (Classes: max_lessons_per_day)",
    ),
    "relax_rooms": (
        "add a room of type {type}",
        "{type} түріндегі тағы бір кабинет қосыңыз",
        "добавьте ещё один кабинет типа {type}",
    ),
    "relax_home_room": (
        "let some lessons held in {room} use another room",
        "{room} бөлмесіндегі кейбір сабақтарды басқа кабинетке ауыстырыңыз",
        "перенесите часть уроков из кабинета {room} в другой кабинет",
    ),
    "relax_canteen": (
        "let the canteen seat {want} classes at a time for {meal}",
        "{meal} кезінде асханаға бір мезетте {want} сыныпты сыйғызыңыз",
        "рассадите в столовой {want} класс(а) одновременно ({meal})",
    ),
    "relax_meals": (
        "widen the window of {meal} (Meals)",
        "{meal} уақытын кеңейтіңіз (Meals)",
        "расширьте окно {meal} (Meals)",
    ),
    "relax_subject_per_day": (
        "allow {subject} {want} times a day or as a double lesson (Subjects)",
        "{subject} пәніне күніне {want} рет немесе қос сабаққа рұқсат етіңіз (Subjects)",
        "разрешите {subject} {want} раз(а) в день или сдвоенный урок (Subjects)",
    ),
    "relax_teacher_days": (
        "let teacher {teacher} work {want} days a week (Teachers: max_days)",
        "{teacher} мұғаліміне аптасына {want} күн жұмыс істеуге рұқсат етіңіз (Teachers: max_days)",
        "разрешите учителю {teacher} работать {want} дней в неделю (Teachers: max_days)",
    ),
    "relax_teacher_lessons": (
        "let teacher {teacher} teach {want} lessons a day (Teachers: max_lessons_per_day)",
        "{teacher} мұғаліміне күніне {want} сабақ беруге рұқсат етіңіз "
        "(Teachers: max_lessons_per_day)",
        "разрешите учителю {teacher} вести {want} уроков в день (Teachers: max_lessons_per_day)",
    ),
    "relax_teacher_clash": (
        "give one of the lessons of teacher {teacher} to another teacher",
        "{teacher} мұғалімінің бір сабағын басқа мұғалімге беріңіз",
        "передайте один из уроков учителя {teacher} другому учителю",
    ),
    "feasible": (
        "A timetable exists: keste found one that keeps every hard rule.",
        "Кесте бар: keste барлық қатаң ережені сақтайтын кестені тапты.",
        "Расписание существует: keste нашёл расписание, выполняющее все жёсткие правила.",
    ),
    "undecided": (
        "keste could not decide within the time limit whether a timetable exists; try a longer "
        "--time-limit.",
        "Берілген уақытта кестенің бар-жоғын анықтау мүмкін болмады; --time-limit мәнін "
        "ұлғайтыңыз.",
        "За отведённое время не удалось выяснить, существует ли расписание; увеличьте "
        "--time-limit.",
    ),
    "allocation": ("{reason}", "{reason}", "{reason}"),
    "impossible_unexplained": (
        "No timetable exists, but keste could not narrow down the reason within the time limit; "
        "try keste explain with a longer --time-limit.",
        "Кесте жоқ, бірақ берілген уақытта себебін анықтау мүмкін болмады; keste explain "
        "командасын ұзағырақ --time-limit мәнімен іске қосыңыз.",
        "Расписания нет, но за отведённое время не удалось сузить причину; запустите keste "
        "explain с большим --time-limit.",
    ),
    "choice_small": (
        "{course}, grade {grade}: {count} student(s) chose it, but a group needs at least {least}"
        "; not met for {students}.",
        "{course}, {grade}-параллель: оны {count} оқушы таңдады, бірақ топта кемінде {least} "
        "оқушы болуы керек; {students} үшін орындалмады.",
        "{course}, {grade}-я параллель: его выбрали {count} уч., а в группе нужно не менее "
        "{least}; не выполнено для {students}.",
    ),
    "choice_no_teacher": (
        "{course}, grade {grade}: {teachers} teacher(s) on the Teachers sheet teach it in grade "
        "{grade}, and a group needs {per_group}; not met for {students}.",
        "{course}, {grade}-параллель: Мұғалімдер парағында оны {grade}-параллельде беретін "
        "{teachers} мұғалім бар, ал топқа {per_group} мұғалім керек; {students} үшін "
        "орындалмады.",
        "{course}, {grade}-я параллель: на листе Учителя его ведут в {grade}-й параллели "
        "{teachers} учит., а группе нужно {per_group}; не выполнено для {students}.",
    ),
    "choice_load": (
        "{student} ({cls}): with {course} the week would have {hours} hours; the most for grade "
        "{grade} is {limit}.",
        "{student} ({cls}): {course} қосылса, апталық жүктеме {hours} сағат болады; {grade}-"
        "параллель үшін ең көбі {limit}.",
        "{student} ({cls}): с предметом {course} недельная нагрузка составит {hours} ч; для "
        "{grade}-й параллели не более {limit}.",
    ),
    "choice_tradeoff": (
        "{student} ({cls}): {courses} cannot all be met together with the other students' "
        "choices; meeting them would leave {others} other choice(s) unmet.",
        "{student} ({cls}): {courses} бәрін басқа оқушылардың таңдауымен бірге орындау мүмкін "
        "емес; оларды орындаса, басқалардың {others} таңдауы орындалмай қалады.",
        "{student} ({cls}): {courses} нельзя выполнить вместе с выбором других учеников; их "
        "выполнение оставит невыполненными {others} других выборов.",
    ),
    "choice_tie": (
        "{student} ({cls}): {courses} cannot all be met together with the other students' "
        "choices; one choice has to stay unmet, and meeting these would leave another "
        "student's unmet instead.",
        "{student} ({cls}): {courses} бәрін басқа оқушылардың таңдауымен бірге орындау мүмкін "
        "емес; бір таңдау орындалмай қалуы тиіс, бұларды орындаса, басқа оқушының таңдауы "
        "орындалмайды.",
        "{student} ({cls}): {courses} нельзя выполнить вместе с выбором других учеников; один "
        "выбор останется невыполненным, и при выполнении этих им станет выбор другого ученика.",
    ),
    "choice_no_arrangement": (
        "{student} ({cls}): no arrangement meets {courses} at once: groups of {least}-{most} "
        "students in the {free} periods a week that the class lessons of {classes} leave for "
        "electives.",
        "{student} ({cls}): {courses} бірге орындайтын орналасу жоқ: {least}-{most} оқушылық "
        "топтар, {classes} сыныптарының сабақтарынан кейін элективтерге аптасына {free} сабақ "
        "қалады.",
        "{student} ({cls}): нет расстановки, при которой выполнены {courses}: группы по "
        "{least}-{most} учеников, а уроки классов {classes} оставляют элективам {free} уроков в "
        "неделю.",
    ),
    "choice_undecided": (
        "{student} ({cls}): {courses} are not all met; in {seconds} s keste could not prove "
        "what meeting them would cost (try keste groups with a longer --time-limit).",
        "{student} ({cls}): {courses} бәрі орындалмады; keste {seconds} с ішінде оларды "
        "орындаудың бағасын дәлелдей алмады (keste groups командасын ұзағырақ --time-limit "
        "мәнімен іске қосыңыз).",
        "{student} ({cls}): {courses} выполнены не все; за {seconds} с keste не смог доказать, "
        "чего стоит их выполнение (запустите keste groups с большим --time-limit).",
    ),
}
