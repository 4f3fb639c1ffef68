"""Words keste prints in output workbooks, in Kazakh, Russian and English."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str, str]] = {  # key: (en, kk, ru)
    "Lessons": ("Lessons", "Сабақтар", "Уроки"),
    "Meals": ("Meals", "Тамақтану", "Питание"),
    "School": ("School", "Мектеп", "Школа"),
    "Teachers": ("Teachers", "Мұғалімдер", "Учителя"),
    "Rooms": ("Rooms", "Кабинеттер", "Кабинеты"),
    "Load": ("Load", "Жүктеме", "Нагрузка"),
    "Report": ("Report", "Есеп", "Отчёт"),
    "Changes": ("Changes", "Өзгерістер", "Изменения"),
    "day": ("day", "күн", "день"),
    "period": ("period", "сабақ", "урок"),
    "start": ("start", "басталуы", "начало"),
    "end": ("end", "аяқталуы", "конец"),
    "class": ("class", "сынып", "класс"),
    "group": ("group", "топ", "группа"),
    "subject": ("subject", "пән", "предмет"),
    "teacher": ("teacher", "мұғалім", "учитель"),
    "room": ("room", "бөлме", "кабинет"),
    "block": ("block", "блок", "блок"),
    "week": ("week", "апта", "неделя"),
    "meal": ("meal", "тамақ", "прием пищи"),
    "name": ("name", "аты-жөні", "фио"),
    "hours": ("hours", "сағат", "часы"),
    "total": ("total", "барлығы", "всего"),
    "rate": ("rates", "ставка", "ставки"),
    "max_hours": ("max hours", "ең көп сағат", "макс часов"),
    "over_under": ("over / under", "артық / кем", "больше / меньше"),
    "time": ("time", "уақыт", "время"),
    "status": ("status", "күйі", "статус"),
    "rule": ("rule", "ереже", "правило"),
    "what": ("what it checks", "не тексеріледі", "что проверяется"),
    "violations": ("violations", "бұзушылықтар", "нарушения"),
    "count": ("count", "саны", "количество"),
    "weight": ("weight", "салмақ", "вес"),
    "penalty": ("penalty", "айыппұл", "штраф"),
    "value": ("value", "мәні", "значение"),
    "hard_rules": (
        "Hard rules (independent validator)",
        "Қатаң ережелер (тәуелсіз тексеру)",
        "Жёсткие правила (независимая проверка)",
    ),
    "soft_rules": ("Soft rules", "Жұмсақ ережелер", "Мягкие правила"),
    "solver": ("Solver", "Шешуші", "Решатель"),
    "verdict_optimal": (
        "optimal: no better timetable exists for these weights",
        "оңтайлы: осы салмақтармен жақсырақ кесте жоқ",
        "оптимально: лучшего расписания при этих весах нет",
    ),
    "verdict_gap": (
        "gap to the proven bound",
        "дәлелденген шекараға дейінгі алшақтық",
        "разрыв до доказанной границы",
    ),
    "verdict_unproven": (
        "not proven optimal (no bound computed)",
        "оңтайлылығы дәлелденбеген (шекара есептелмеді)",
        "оптимальность не доказана (граница не вычислялась)",
    ),
    "objective": (
        "objective (weighted penalties)",
        "мақсат (салмақты айыппұлдар)",
        "цель (взвешенные штрафы)",
    ),
    "bound": (
        "bound (no timetable can do better)",
        "шекара (бұдан жақсы кесте жоқ)",
        "граница (лучше быть не может)",
    ),
    "first_solution": ("first timetable after (s)", "алғашқы кесте (с)", "первое расписание (с)"),
    "wall_time": ("solving time (s)", "шешу уақыты (с)", "время решения (с)"),
    "ok": ("OK", "дұрыс", "в порядке"),
    "over": ("over", "артық", "больше"),
    "under": ("under", "кем", "меньше"),
    "week_A": ("week A", "А апта", "неделя А"),
    "week_B": ("week B", "Б апта", "неделя Б"),
    "interrupted": (
        "stopped by the user: the best timetable so far",
        "пайдаланушы тоқтатты: осы уақытқа дейінгі ең жақсы кесте",
        "остановлено пользователем: лучшее расписание на этот момент",
    ),
    # hard rules (the validator's checks)
    "rule_references": (
        "every class, subject, teacher, room, day and period exists",
        "әр сынып, пән, мұғалім, бөлме, күн мен сабақ бар",
        "все классы, предметы, учителя, кабинеты, дни и уроки существуют",
    ),
    "rule_hours": (
        "every curriculum hour is placed",
        "оқу жоспарының әр сағаты кестеде",
        "каждый час учебного плана в расписании",
    ),
    "rule_class_clash": (
        "no class or group in two lessons at once",
        "сынып не топ бір уақытта екі сабақта емес",
        "класс или группа не на двух уроках одновременно",
    ),
    "rule_teacher_clash": (
        "no teacher in two lessons at once (by clock time)",
        "мұғалім бір уақытта екі сабақта емес (сағат бойынша)",
        "учитель не на двух уроках одновременно (по времени)",
    ),
    "rule_room_clash": (
        "no room used by two lessons at once",
        "бір бөлмеде бір уақытта екі сабақ жоқ",
        "в одном кабинете не два урока одновременно",
    ),
    "rule_room_type": (
        "every lesson in a room of the type it needs",
        "әр сабақ қажетті түрдегі бөлмеде",
        "каждый урок в кабинете нужного типа",
    ),
    "rule_room_seats": (
        "every room seats its group",
        "бөлмеде топқа орын жетеді",
        "в кабинете хватает мест",
    ),
    "rule_compact_days": (
        "students' days start at period 1 and have no windows",
        "оқушылардың күні 1-сабақтан басталады, терезесіз",
        "день учеников начинается с 1-го урока, без окон",
    ),
    "rule_lessons_per_day": (
        "at most the grade's lessons a day",
        "күніне сабақ саны шектен аспайды",
        "уроков в день не больше нормы",
    ),
    "rule_subject_per_day": (
        "a subject at most max_per_day a day; doubles only where allowed",
        "пән күніне шектен көп емес; қос сабақ тек рұқсат етілген жерде",
        "предмет не чаще нормы в день; спаренные только где разрешено",
    ),
    "rule_teacher_unavailable": (
        "no lesson when its teacher is unavailable",
        "мұғалім бос емес уақытта сабақ жоқ",
        "нет уроков, когда учитель занят",
    ),
    "rule_locks": (
        "locked lessons where the scheduler put them",
        "бекітілген сабақтар өз орнында",
        "закреплённые уроки на своих местах",
    ),
    "rule_meals": (
        "every class eats once a day inside its window; the canteen is not overfull",
        "әр сынып күніне бір рет өз уақытында тамақтанады; асхана толып кетпейді",
        "каждый класс питается раз в день в своё окно; столовая не переполнена",
    ),
    "rule_blocks": (
        "all groups of an elective block at the same times",
        "элективті блоктың барлық топтары бір уақытта",
        "все группы элективного блока в одно время",
    ),
    # soft rules
    "rule_activities": (
        "every activity's lessons placed, in runs of its length, at most its number a day, "
        "within its times",
        "әр сабақтың (Activities) барлық сабағы қойылған, ұзақтығы, күндік шегі мен уақыты "
        "сақталған",
        "все занятия (Activities) размещены, с их длительностью, дневным пределом и в своё время",
    ),
    "rule_class_unavailable": (
        "no lesson when its class is unavailable",
        "сынып бос емес уақытта сабақ жоқ",
        "нет уроков, когда класс недоступен",
    ),
    "rule_student_clash": (
        "no student in two lessons at once (class lessons and their groups)",
        "оқушы бір уақытта екі сабақта емес (сынып сабақтары мен оның топтары)",
        "ученик не на двух уроках одновременно (уроки класса и его группы)",
    ),
    "rule_student_load": (
        "every student's weekly load within the grade's maximum",
        "әр оқушының апталық жүктемесі параллельдің ең көп шегінде",
        "недельная нагрузка каждого ученика не выше максимума параллели",
    ),
    "rule_group_size": (
        "groups formed from choices within their sizes; one group per chosen subject",
        "таңдау бойынша топтар рұқсат етілген көлемде; әр таңдалған пәнге бір топ",
        "группы по выбору в допустимых размерах; одна группа на выбранный предмет",
    ),
    "Electives": ("Electives", "Элективтер", "Элективы"),
    "students_sheet": ("students", "оқушылар", "ученики"),
    "student": ("student", "оқушы", "ученик"),
    "choices": ("choices", "таңдаулар", "выбор"),
    "unmet": ("not met", "орындалмады", "не выполнено"),
    "study_periods": ("study periods", "өзіндік сабақтар", "самоподготовка"),
    "grouping": (
        "Groups from students' choices",
        "Оқушылар таңдауы бойынша топтар",
        "Группы по выбору учеников",
    ),
    "grouping_pool": (
        "grade {grade} ({classes}): {students} students, {courses} courses, {groups} groups in "
        "{blocks} blocks of {lengths} lessons ({free} periods free for blocks); {unmet} choices "
        "not met; {status}, {seconds} s",
        "{grade}-параллель ({classes}): {students} оқушы, {courses} курс, {groups} топ, {blocks} "
        "блок ({lengths} сабақ; блоктарға {free} сабақ бос); орындалмаған таңдау: {unmet}; "
        "{status}, {seconds} с",
        "{grade}-я параллель ({classes}): {students} учеников, {courses} курсов, {groups} групп в "
        "{blocks} блоках по {lengths} уроков (для блоков свободно {free} уроков); не выполнено "
        "выборов: {unmet}; {status}, {seconds} с",
    ),
    "rule_teachers": (
        "every lesson taught by the teachers the workbook gives",
        "әр сабақты жұмыс кітабында көрсетілген мұғалім береді",
        "каждый урок ведут учителя, указанные в книге",
    ),
    "rule_teacher_days": (
        "no teacher works more days than their max_days, nor more lessons a day than their "
        "max_lessons_per_day",
        "мұғалім max_days-тан көп күн жұмыс істемейді және күніне max_lessons_per_day-тан "
        "көп сабақ бермейді",
        "учитель работает не больше дней, чем max_days, и не больше уроков в день, чем "
        "max_lessons_per_day",
    ),
    "rule_teacher_gaps": (
        "teacher gaps (idle periods between lessons)",
        "мұғалімдердің терезелері",
        "окна у учителей",
    ),
    "rule_difficulty_profile": (
        "day difficulty: peak on Tue/Wed, lighter Mon and Fri (points)",
        "күн қиындығы: шыңы Сс/Ср, Дс пен Жм жеңіл (балл)",
        "трудность дня: пик во Вт/Ср, лёгкие Пн и Пт (баллы)",
    ),
    "rule_hard_subject_position": (
        "hard subjects outside lessons 2-4 (2-3 in primary)",
        "қиын пәндер 2-4 сабақтан тыс (бастауышта 2-3)",
        "трудные предметы вне 2-4 урока (в начальной 2-3)",
    ),
    "rule_hardest_back_to_back": (
        "two of the hardest subjects back to back",
        "ең қиын екі пән қатар",
        "два самых трудных предмета подряд",
    ),
    "rule_subject_spread": (
        "a subject on consecutive days more than needed",
        "пән қатарынан күндерде қажеттен көп",
        "предмет в соседние дни чаще необходимого",
    ),
    "rule_teacher_wishes": (
        "teachers' wishes not met (free day, times to avoid)",
        "мұғалімдердің тілектері орындалмады",
        "не выполненные пожелания учителей",
    ),
    "rule_room_changes": (
        "a teacher changes room between lessons",
        "мұғалім сабақ арасында бөлме ауыстырады",
        "учитель меняет кабинет между уроками",
    ),
    "workers": (
        "workers / seed / time limit",
        "ағындар / seed / уақыт шегі",
        "потоки / seed / лимит времени",
    ),
    "model": ("model size", "модель көлемі", "размер модели"),
    "no_timetable": (
        "No timetable: why",
        "Кесте жоқ: себебі",
        "Расписания нет: причина",
    ),
    "change": ("change", "өзгеріс", "изменение"),
    "before": ("before", "бұрын", "было"),
    "after": ("after", "кейін", "стало"),
    "change_moved": ("moved", "ауыстырылды", "перенесён"),
    "change_teacher": ("new teacher", "мұғалім ауысты", "другой учитель"),
    "change_room": ("new room", "кабинет ауысты", "другой кабинет"),
    "change_removed": ("removed", "алынып тасталды", "удалён"),
    "change_added": ("added", "қосылды", "добавлен"),
    "changes_count": ("changes", "өзгерістер", "изменения"),
    "substitutions": ("substitutions", "алмастырулар", "замены"),
    "absent": ("absent", "жоқ мұғалім", "отсутствует"),
    "substitute": ("covered by", "алмастырушы", "заменяет"),
    "how": ("how", "қалай", "как"),
    "covered": ("lessons covered", "өтетін сабақтар", "уроков проведено"),
    "nothing_to_cover": (
        "no lesson of the absent teachers on these days",
        "бұл күндері жоқ мұғалімдердің сабағы жоқ",
        "в эти дни у отсутствующих учителей нет уроков",
    ),
    "cover_subject": ("subject teacher", "пән мұғалімі", "учитель предмета"),
    "cover_supervision": ("supervision", "қадағалау", "присмотр"),
    "cover_co_teacher": ("co-teacher alone", "екінші мұғалім", "второй учитель"),
    "cover_merged": ("merged", "біріктірілді", "объединён"),
    "cover_cancelled": ("cancelled", "өтпейді", "отменён"),
    "diagnosis_time": ("time to explain (s)", "түсіндіру уақыты (с)", "время объяснения (с)"),
}
LANG_INDEX = {"en": 0, "kk": 1, "ru": 2}


def label(key: str, lang: str) -> str:
    words = LABELS.get(key)
    return words[LANG_INDEX[lang]] if words else key


def aliases(key: str) -> tuple[str, ...]:
    return LABELS.get(key, (key,))
