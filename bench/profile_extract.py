"""Where the time beyond parsing goes: reading, parsing and extraction measured apart.

Reads the first N articles of a corpus (``bench/make_corpus.py``) with the
language check, parses them all with the eventscope model, then runs
``pipeline.process_article`` over the parsed docs under cProfile, so the
extraction's share can be read against the parse time and its functions
ranked without spaCy's own time mixed in.

    python bench/profile_extract.py /tmp/corpus [--articles 300] [--top 40] [--repeat 3]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from itertools import islice
from pathlib import Path

from eventscope.config import Config
from eventscope.ingest import read_articles
from eventscope.nlp.model import load_model
from eventscope.pipeline import process_article
from eventscope.records import Article
from eventscope.resolve.gazetteer import load_gazetteer
from eventscope.resolve.organisations import load_organisations


def read(folder: Path, n: int) -> tuple[list[Article], float]:
    """The first ``n`` articles and the CPU seconds reading them took (language check included)."""
    start = time.process_time()
    items = islice(read_articles(folder), n)
    articles = [item for item in items if isinstance(item, Article)]
    return articles, time.process_time() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--no-profile", action="store_true", help="only the timings")
    parser.add_argument("--repeat", type=int, default=3, help="extraction runs timed (the fastest kept)")
    args = parser.parse_args(argv)
    config = Config()
    nlp = load_model(config.model)
    gazetteer = load_gazetteer()
    organisations = load_organisations(config.organisations)
    list(nlp.pipe(["Warm-up sentence."]))
    articles, read_seconds = read(args.corpus, args.articles)
    # CPU seconds of this process: less disturbed than wall time by other work on the machine
    start = time.process_time()
    # every Doc is kept for the repeated runs: nlp.pipe as parse_articles runs it, without
    # the memory zones that make a Doc unusable once the next is parsed
    pairs = ((article.text, article) for article in articles)
    parsed = [(article, doc) for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=config.batch_size)]
    parse_seconds = time.process_time() - start
    runs = []
    for _ in range(args.repeat):
        start = time.thread_time()  # extraction is single-threaded: its thread's CPU alone
        for article, doc in parsed:
            process_article(article, doc, gazetteer, organisations)
        runs.append(time.thread_time() - start)
    extract_seconds = min(runs)
    print(f"{len(articles)} articles")
    print(f"read (language check included): {read_seconds:.2f} s CPU")
    print(f"parse: {parse_seconds:.2f} s CPU")
    print(
        f"extract: {extract_seconds:.2f} s CPU (fastest of {', '.join(f'{r:.2f}' for r in runs)}),"
        f" {100 * extract_seconds / parse_seconds:.1f}% of the parse time"
    )
    if args.no_profile:
        return
    profile = cProfile.Profile()
    profile.enable()
    for article, doc in parsed:
        process_article(article, doc, gazetteer, organisations)
    profile.disable()
    stats = pstats.Stats(profile)
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
