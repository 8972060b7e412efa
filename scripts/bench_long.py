"""Long inputs: seconds and peak memory of analysing one document of 0.1, 1, 5 and 20 MB.

    .venv/bin/python scripts/bench_long.py                 # all sizes, news-like paragraphs
    .venv/bin/python scripts/bench_long.py --sizes 0.1,1   # some sizes
    .venv/bin/python scripts/bench_long.py --shape line    # one line, no paragraph breaks

Each size runs in a fresh process (so its peak resident memory is its own) and prints
one row: size, characters, seconds to read (build the document), seconds in all (wall
clock) and of CPU, characters per CPU second, peak resident MB (the model alone: "model
MB"), and the record's events and actors. A long document is
parsed in chunks (``sitroom.pipeline.analyze.CHUNK_CHARS``): time and memory should grow
linearly with length. The time budget is switched off while measuring.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

#: Paragraphs of our own invented news, repeated to the size asked for.
PARAGRAPHS = (
    "Officials in Nairobi said on Monday that Kenya will host talks with Ethiopia next "
    "month, after weeks of tension along the shared border.",
    "The foreign minister of Ruritania, Jane Roe, told reporters that her government "
    "had yet to receive a formal invitation.",
    "Analysts said the meeting could ease a dispute over grazing land that has displaced "
    "about 2,000 people since March.",
    "A senior diplomat, speaking on condition of anonymity, said France and Germany "
    "had offered to send observers.",
    "Protesters gathered outside the parliament in the capital, demanding an end to the "
    "new fuel tax, and police used tear gas to disperse them.",
    "The United Nations urged both sides to refrain from violence and to respect the "
    "ceasefire agreed in January.",
)


def make_text(chars: int, shape: str) -> str:
    """About ``chars`` characters of invented news, one paragraph a line (or one line)."""
    glue = " " if shape == "line" else "\n\n"
    parts: list[str] = []
    total = 0
    n = 0
    while total < chars:
        paragraph = PARAGRAPHS[n % len(PARAGRAPHS)]
        parts.append(paragraph)
        total += len(paragraph) + len(glue)
        n += 1
    return glue.join(parts)[:chars]


def run_one(megabytes: float, shape: str) -> dict[str, float | int]:
    """Analyse one document of ``megabytes`` MB in this process; the row's figures."""
    os.environ["SITROOM_TIME_BUDGET"] = "0"
    from sitroom.documents.readers import build_document
    from sitroom.pipeline.analyze import analyze_documents
    from sitroom.pipeline.loader import load_nlp

    nlp = load_nlp()
    text = make_text(int(megabytes * 1_000_000), shape)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu = time.process_time()
    started = time.perf_counter()
    document = build_document(text, doc_id=f"long-{megabytes}")
    read = time.perf_counter() - started
    (record,) = list(analyze_documents([document], nlp=nlp))
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu
    if not hasattr(record, "events"):
        raise SystemExit(f"{megabytes} MB failed: {record}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mb": megabytes, "chars": len(text), "read_s": round(read, 2),
            "seconds": round(seconds, 1), "cpu_s": round(cpu, 1),
            "chars_per_s": int(len(text) / cpu),
            "peak_mb": int(peak), "model_mb": int(base),
            "events": len(record.events), "actors": len(record.actors)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.1,1,5,20", help="MB, comma-separated")
    parser.add_argument("--shape", choices=("text", "line"), default="text")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.shape)))
        return
    print(f"{'MB':>5} {'chars':>10} {'read s':>7} {'total s':>8} {'cpu s':>7} {'chars/cpu s':>11} "
          f"{'peak MB':>8} {'model MB':>9} {'events':>7} {'actors':>7}")
    for size in (float(s) for s in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(size), "--shape",
                              args.shape], capture_output=True, text=True, check=False)
        if out.returncode != 0:
            print(f"{size:>5} failed: {out.stderr.strip().splitlines()[-1:]}")
            continue
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{row['mb']:>5} {row['chars']:>10} {row['read_s']:>7} {row['seconds']:>8} "
              f"{row['cpu_s']:>7} {row['chars_per_s']:>11} {row['peak_mb']:>8} "
              f"{row['model_mb']:>9} {row['events']:>7} {row['actors']:>7}", flush=True)


if __name__ == "__main__":
    main()
