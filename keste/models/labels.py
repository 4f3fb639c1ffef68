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
}
LANG_INDEX = {"en": 0, "kk": 1, "ru": 2}


def label(key: str, lang: str) -> str:
    words = LABELS.get(key)
    return words[LANG_INDEX[lang]] if words else key


def aliases(key: str) -> tuple[str, ...]:
    return LABELS.get(key, (key,))
