"""Generate realistic Kazakh school workbooks for benchmarks.

    python benchmarks/generate.py --classes 11 22 44 66 88 110 --out benchmarks/generated
    python benchmarks/generate.py --parallels 1:3,2:3,5:2 --shifts 2 --ru-share 0.3 -o one.xlsx

The schools come from benchmarks.schools.general (the same generator as the bundled samples): the
curriculum of DOMAIN.md, teachers with 1-1.5 rates, split classes, optional second shift (grades
2-4 in the afternoon, as in large city schools), rooms, staggered lunch and teacher unavailability.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root
from benchmarks.schools.general import SchoolSpec, make_school
from keste.models.io.reading import write_school

GRADES = tuple(range(1, 12))


def parallels_for(classes: int) -> dict[int, int]:
    """About the same number of classes in every grade 1-11, the lower grades first."""
    base, extra = divmod(classes, len(GRADES))
    return {grade: base + (1 if index < extra else 0) for index, grade in enumerate(GRADES)}


def spec_for(args: argparse.Namespace, parallels: dict[int, int], seed: int) -> SchoolSpec:
    classes = sum(parallels.values())
    two_shifts = args.shifts == 2 or (args.shifts is None and classes > 60)
    big = classes >= 30
    return SchoolSpec(
        name=f"Generated school ({classes} classes, seed {seed})",
        parallels={g: n for g, n in parallels.items() if n},
        ru_share=args.ru_share,
        split_share=args.split_share,
        second_shift_grades=(2, 3, 4) if two_shifts else (),
        lesson_minutes=args.lesson_minutes,
        unavailable_share=args.unavailable_share,
        rooms=args.rooms if args.rooms is not None else big,
        meals=args.meals if args.meals is not None else big,
        seed=seed,
    )


def _parallels(text: str) -> dict[int, int]:
    pairs = (item.split(":") for item in text.split(",") if item.strip())
    return {int(grade): int(count) for grade, count in pairs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--classes", type=int, nargs="+", help="classes in all, spread over 1-11")
    size.add_argument("--parallels", type=_parallels, help="grade:classes,... e.g. 1:3,2:3")
    parser.add_argument("--shifts", type=int, choices=(1, 2), help="default: 2 above 60 classes")
    parser.add_argument("--ru-share", type=float, default=1 / 3, help="Russian-medium classes")
    parser.add_argument(
        "--split-share", type=float, default=0.6, help="classes large enough to split"
    )
    parser.add_argument("--unavailable-share", type=float, default=0.15)
    parser.add_argument("--lesson-minutes", type=int, default=45, choices=(40, 45, 60))
    parser.add_argument("--rooms", action=argparse.BooleanOptionalAction, default=None)
    parser.add_argument("--meals", action=argparse.BooleanOptionalAction, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, help="the workbook (one school)")
    parser.add_argument("--out", type=Path, default=Path("."), help="folder (with --classes)")
    args = parser.parse_args()
    if args.parallels:
        path = args.output or args.out / "school.xlsx"
        write_school(make_school(spec_for(args, args.parallels, args.seed)), path, "kk")
        print(path)
        return
    for classes in args.classes:
        path = args.out / f"school-{classes:03d}.xlsx"
        write_school(make_school(spec_for(args, parallels_for(classes), args.seed)), path, "kk")
        print(path)


if __name__ == "__main__":
    main()
