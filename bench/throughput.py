"""Throughput benchmark: bare `nlp.pipe` of the same model against `graphbuilder build` end to end into a
fresh store, with 1 and 2 processes, side by side in one run; plus start-up costs. The bare pipe runs twice:
as spaCy ships the model, and with the lemmatizer's word lists indexed as graphbuilder loads it
(`graphbuilder.nlp.index_lemma_lists`, same lemmas), which isolates what graphbuilder's own work costs. Every measurement
runs in its own process (wall time includes start-up and model loading; peak RSS of its process tree).
Writes bench/results/throughput.json.

    python bench/throughput.py [--limit N] [--corpus DIR] [--rounds N]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from measure import CORPUS, RESULTS, ROOT, graphbuilder_command, machine, run

BATCH_SIZE = 16  # graphbuilder build's default --batch-size, used for the bare pipe too
BARE = """
import json, sys
import spacy
nlp = spacy.load("fr_core_news_md")
if sys.argv[2] == "indexed":
    from graphbuilder.nlp import index_lemma_lists
    index_lemma_lists(nlp)
texts = (open(path, encoding="utf-8").read() for path in sys.argv[3:])
print(json.dumps([len(doc) for doc in nlp.pipe(texts, batch_size={batch}, n_process=int(sys.argv[1]))]))
"""


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--limit", type=int, help="only the first N documents (sorted by name)")
    args.add_argument("--corpus", type=Path, default=CORPUS)
    args.add_argument("--rounds", type=int, default=1,
                      help="run every configuration this many times, interleaved (a shared machine drifts); medians reported")
    args = args.parse_args()
    files = sorted(args.corpus.glob("*.txt"))[: args.limit]
    command = "python bench/throughput.py" + (f" --limit {args.limit}" if args.limit else "") + \
        (f" --rounds {args.rounds}" if args.rounds > 1 else "")
    result = {"machine": machine(), "command": command, "rounds": args.rounds,
              "corpus": str(args.corpus.relative_to(ROOT.parent) if args.corpus.is_relative_to(ROOT.parent) else args.corpus),
              "documents": len(files), "bare": {}, "bare_indexed": {}, "build": {}, "startup": startup(files[0])}
    runs: dict[str, dict[int, list[dict]]] = {kind: {1: [], 2: []} for kind in ("bare", "bare_indexed", "build")}
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(1, args.rounds + 1):
            for processes in (1, 2):  # each build right after the bare pipes it is compared with
                for kind, variant in (("bare", "spacy"), ("bare_indexed", "indexed")):
                    measured = run([sys.executable, "-c", BARE.format(batch=BATCH_SIZE), str(processes), variant,
                                    *map(str, files)])
                    tokens = json.loads(measured.pop("stdout"))
                    result["tokens"] = sum(tokens)
                    runs[kind][processes].append(rates(measured, len(files), sum(tokens)))
                    print(f"round {round_}: {kind} nlp.pipe, n_process={processes}: {runs[kind][processes][-1]}", flush=True)
                store = Path(tmp) / f"store-{processes}-{round_}"
                inputs = [str(args.corpus)] if args.limit is None else list(map(str, files))
                measured = run([*graphbuilder_command(), "build", *inputs, "--store", str(store), "--workers", str(processes)])
                measured.pop("stdout")
                runs["build"][processes].append(rates(measured, len(files), result["tokens"]))
                print(f"round {round_}: graphbuilder build --workers {processes}: {runs['build'][processes][-1]}", flush=True)
    for kind, by_processes in runs.items():
        for processes, measured in by_processes.items():
            median = sorted(measured, key=lambda r: r["wall_s"])[(len(measured) - 1) // 2]
            result[kind][processes] = {**median, "rounds_wall_s": [r["wall_s"] for r in measured]}
    summarize(result)
    report(result)
    name = "throughput.json" if args.limit is None else f"throughput-limit{args.limit}.json"
    (RESULTS / name).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


def rates(measured: dict, documents: int, tokens: int) -> dict:
    """Documents/s and tokens/s of one measured run."""
    return {**measured, "docs_per_s": round(documents / measured["wall_s"], 2), "tokens_per_s": round(tokens / measured["wall_s"])}


def startup(document: Path) -> dict:
    """Wall time of: the CLI's help, loading the bare model, and building one document into a fresh store."""
    with tempfile.TemporaryDirectory() as tmp:
        return {
            "cli_help_s": run([*graphbuilder_command(), "--help"])["wall_s"],
            "bare_model_load_s": run([sys.executable, "-c", "import spacy; spacy.load('fr_core_news_md')"])["wall_s"],
            "build_one_document_s": run([*graphbuilder_command(), "build", str(document), "--store", str(Path(tmp) / "s")])["wall_s"],
        }


def summarize(result: dict) -> None:
    """Overheads (1 - build/bare throughput; against the indexed bare pipe, graphbuilder's own work), speed-ups
    from 1 to 2 processes and their ratio."""
    bare, build = result["bare"], result["build"]
    result["overhead"] = {n: round(1 - build[n]["docs_per_s"] / bare[n]["docs_per_s"], 3) for n in (1, 2)}
    result["own_work"] = {n: round(1 - build[n]["docs_per_s"] / result["bare_indexed"][n]["docs_per_s"], 3)
                          for n in (1, 2)}
    result["speedup"] = {"bare": round(bare[2]["docs_per_s"] / bare[1]["docs_per_s"], 2),
                         "build": round(build[2]["docs_per_s"] / build[1]["docs_per_s"], 2)}
    result["speedup"]["build_over_bare"] = round(result["speedup"]["build"] / result["speedup"]["bare"], 2)
    result["overhead_by_round"] = {n: [round(1 - b / w, 3) for b, w in zip(bare[n]["rounds_wall_s"], build[n]["rounds_wall_s"])]
                                   for n in (1, 2)}  # each build against the bare pipe run just before it


def report(result: dict) -> None:
    """Print the figures and ratios."""
    print(f"{result['documents']} documents, {result['tokens']:,} tokens; {result['machine']['cpus']} cores")
    print(f"{'run':32} {'wall s':>8} {'docs/s':>8} {'tokens/s':>9} {'peak RSS MiB':>13} {'peak PSS MiB':>13}")
    for kind, label in (("bare", "bare nlp.pipe n_process={}"), ("bare_indexed", "indexed bare n_process={}"),
                        ("build", "graphbuilder build --workers {}")):
        for n, r in result[kind].items():
            print(f"{label.format(n):32} {r['wall_s']:8.1f} {r['docs_per_s']:8.2f} {r['tokens_per_s']:9,} "
                  f"{r['peak_tree_rss_mib']:13,} {r['peak_tree_pss_mib']:13,}")
    o, s = result["overhead"], result["speedup"]
    print(f"overhead 1 - build/bare: {o[1]:.1%} with 1 process, {o[2]:.1%} with 2 (target <= 15%)")
    if result["rounds"] > 1:
        by_round = result["overhead_by_round"]
        print(f"  (medians of {result['rounds']} rounds; overhead of each round's build against that round's bare pipe: "
              f"{', '.join(f'{x:.1%}' for x in by_round[1])} with 1 process, {', '.join(f'{x:.1%}' for x in by_round[2])} with 2)")
    w = result["own_work"]
    print(f"graphbuilder's own work 1 - build/indexed bare: {w[1]:.1%} with 1 process, {w[2]:.1%} with 2")
    print(f"speed-up 1 -> 2: bare {s['bare']:.2f}x, build {s['build']:.2f}x; build/bare {s['build_over_bare']:.2f} (target >= 0.90)")
    st = result["startup"]
    print(f"start-up: graphbuilder --help {st['cli_help_s']:.2f} s, bare model load {st['bare_model_load_s']:.2f} s, "
          f"build of one document {st['build_one_document_s']:.2f} s")


if __name__ == "__main__":
    main()
