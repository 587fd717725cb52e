"""Write a mixed benchmark corpus of news articles as JSON Lines shards.

    python bench/make_corpus.py OUT_DIR [--articles 2000] [--event-share 0.4] [--seed 7]

Each article is one lead and four to seven body paragraphs from
``corpus_templates.py``, filled with places, names, numbers and dates drawn
with a seeded random generator, so the same arguments give the same corpus.
Articles go to ``OUT_DIR/part-NNNN.jsonl`` files of ``--per-file`` lines (the
reader loads one file at a time, so shards keep memory flat). The category is
in each URL (``https://bench.invalid/conflict/17``), which the benchmark reads
back to score the relevance gate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import string
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_templates as tpl

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _fields(rng: random.Random, category: str, published: dt.date) -> dict[str, object]:
    places = tpl.EVENT_PLACES if category in tpl.EVENT_CATEGORIES else tpl.OTHER_PLACES
    city, country, demonym, city2, group = rng.choice(places)
    happened = published - dt.timedelta(days=rng.choice((0, 1, 1, 2, 3)))
    group = group or "a local club"
    team1, team2 = rng.sample(tpl.TEAMS, 2)
    return {
        "city": city, "CITY": city.upper(), "country": country,
        "Country": country[0].upper() + country[1:], "demonym": demonym, "Demonym": demonym,
        "city2": city2, "group": group, "Group": group[0].upper() + group[1:],
        "weekday": WEEKDAYS[happened.weekday()],
        "weekday2": WEEKDAYS[(published.weekday() + rng.randint(2, 5)) % 7],
        "month_day": f"{published:%b} {published.day}",
        "month2": (published + dt.timedelta(days=rng.randint(40, 120))).strftime("%B"),
        "person": f"{rng.choice(tpl.FIRST_NAMES)} {rng.choice(tpl.LAST_NAMES)}",
        "official": f"{rng.choice(tpl.FIRST_NAMES)} {rng.choice(tpl.LAST_NAMES)}",
        "outlet": rng.choice(tpl.OUTLETS),
        "n_killed": rng.randint(2, 40), "n_injured": rng.randint(3, 60),
        "n_arrested": rng.randint(2, 90), "n_crowd": f"{rng.randint(2, 40) * 500:,}",
        "n_children": rng.randint(2, 9), "n_militants": rng.randint(3, 25),
        "n_displaced": f"{rng.randint(5, 300) * 1000:,}", "n_days": rng.randint(3, 60),
        "n_months": rng.randint(2, 18), "n_officials": rng.randint(3, 30),
        "n_firms": rng.randint(2, 12), "n_phones": rng.randint(10, 200),
        "months": rng.randint(2, 7), "km": rng.randint(10, 90),
        "team1": team1, "team2": team2, "score1": rng.randint(0, 4), "score2": rng.randint(0, 3),
        "minutes": rng.randint(4, 12), "seconds": rng.randint(3, 59),
        "company": rng.choice(tpl.COMPANIES), "pct": rng.randint(3, 45),
        "pct_small": f"{rng.uniform(0.2, 3.5):.1f}", "rate": f"{rng.uniform(1.0, 12.0):.2f}",
        "amount": rng.randint(20, 900), "jobs": f"{rng.randint(2, 60) * 50:,}",
        "temp": rng.randint(36, 46), "mm": rng.randint(60, 180), "kmh": rng.randint(90, 160),
        "artist": rng.choice(tpl.ARTISTS), "n_works": rng.randint(40, 220),
        "n_countries": rng.randint(3, 30), "n_years": rng.randint(2, 12),
        "n_visitors": f"{rng.randint(20, 400) * 1000:,}",
    }


def make_article(rng: random.Random, category: str, number: int) -> dict[str, object]:
    """One article of ``category`` as a JSON Lines record."""
    published = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randint(0, 3 * 365))
    values = _fields(rng, category, published)
    title, lead = rng.choice(tpl.LEADS[category])
    pool = tpl.PARAGRAPHS[category]
    body = [lead, *rng.sample(pool, rng.randint(4, min(7, len(pool))))]
    text = "\n".join(part.format(**values) for part in body)
    # One unique clause keeps every article's id distinct even in a large corpus.
    reference = "".join(rng.choices(string.ascii_uppercase + string.digits, k=6))
    text += f"\n(Reporting by {values['person']}; editing ref. {reference}.)"
    return {
        "title": title.format(**values),
        "text": text,
        "outlet": values["outlet"],
        "url": f"https://bench.invalid/{category}/{number}",
        "published": published.isoformat(),
    }


def generate(count: int, event_share: float, seed: int) -> Iterator[dict[str, object]]:
    """``count`` articles, about ``event_share`` of them in event categories."""
    rng = random.Random(seed)
    seen: set[bytes] = set()
    for number in range(count):
        kinds = tpl.EVENT_CATEGORIES if rng.random() < event_share else tpl.OTHER_CATEGORIES
        category = rng.choice(kinds)
        while True:
            record = make_article(rng, category, number)
            digest = hashlib.blake2b(str(record["text"]).encode(), digest_size=12).digest()
            if digest not in seen:
                seen.add(digest)
                yield record
                break


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="Folder to write part-NNNN.jsonl files into.")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--event-share", type=float, default=0.4)
    parser.add_argument("--per-file", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("part-*.jsonl"):
        old.unlink()
    handle = None
    words = 0
    for index, record in enumerate(generate(args.articles, args.event_share, args.seed)):
        if index % args.per_file == 0:
            if handle:
                handle.close()
            handle = (args.out / f"part-{index // args.per_file:04d}.jsonl").open("w", encoding="utf-8")
        words += len(str(record["text"]).split())
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")  # type: ignore[union-attr]
    if handle:
        handle.close()
    print(f"{args.articles} articles, {words:,} words in {args.out}")


if __name__ == "__main__":
    main()
