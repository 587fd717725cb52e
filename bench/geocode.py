"""Toponyms resolved per second: the geocoding step alone, parsing excluded.

    python bench/geocode.py [FILE.jsonl ...] [--repeat 3] [--json]

FILE is a place gold file (``eventscope evaluate --places`` format) or any
JSON Lines file with a ``text`` field; without one, a built-in set of
sentences written for this benchmark is used. The texts are parsed once (not
timed); then every place entity is resolved ``--repeat`` times with
``extract_toponyms`` (article context, admin hierarchy, landmarks), and the
best run is reported. Also prints the gazetteer's load time, which every
process pays once. Not a test: figures depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eventscope.config import Config
from eventscope.extract.toponyms import extract_toponyms
from eventscope.nlp.model import load_model
from eventscope.records import Article
from eventscope.resolve.gazetteer import Gazetteer

BUILT_IN = [
    "Militias shelled the outskirts of Tripoli, the Libyan capital, on Sunday.",
    "Police in Paris, Texas, arrested two men after a shooting near Dallas.",
    "A rocket hit the Green Zone in Baghdad; another struck near Sadr City.",
    "Supporters clashed in Natore town (Natore Sadar, Rajshahi) and in Dhaka.",
    "Al Shabaab fighters attacked a police post in Kiunga, Lamu, near the Somali border.",
    "Air strikes hit eastern Syria, Aleppo and Idlib province overnight.",
    "Protesters marched from Tahrir Square in Cairo to the Nile, Egyptian media said.",
    "Shelling continued in the Donbas as Russian forces pressed on Kharkiv and Kyiv.",
]


def texts(paths: list[str]) -> list[str]:
    if not paths:
        return BUILT_IN * 25
    found: list[str] = []
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                found.append(str(json.loads(line)["text"]))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="JSON Lines files with a text field")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    gazetteer = Gazetteer.from_packages()
    load_s = time.perf_counter() - started
    nlp = load_model(Config().model)
    corpus = texts(args.files)
    docs = list(nlp.pipe(corpus, batch_size=16))
    articles = [Article(article_id=str(i), text=text) for i, text in enumerate(corpus)]
    best = float("inf")
    toponyms = 0
    for _ in range(max(args.repeat, 1)):
        started = time.perf_counter()
        toponyms = sum(
            len(extract_toponyms(article, doc, gazetteer)) for article, doc in zip(articles, docs, strict=True)
        )
        best = min(best, time.perf_counter() - started)
    result = {
        "articles": len(articles),
        "toponyms": toponyms,
        "seconds": round(best, 3),
        "toponyms_per_second": round(toponyms / best, 1) if best > 0 else None,
        "gazetteer_load_seconds": round(load_s, 2),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{result['toponyms']} toponyms in {result['articles']} articles: "
            f"{result['toponyms_per_second']} toponyms/s (best of {args.repeat}); "
            f"gazetteer loaded in {result['gazetteer_load_seconds']} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
